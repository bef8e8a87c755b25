//! An OpenAPI document as an order-keeping YAML tree, and locations in it.
//!
//! serde_norway's `Value` keeps mapping order, so a document read from Zoom's JSON
//! and written back as YAML keeps Zoom's order of paths and properties.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
pub use serde_norway::{Mapping, Value};

use crate::error::{Error, Result};

/// A place in a document: the keys (and sequence indices) from the root.
///
/// Written in `overlay.yaml` as a YAML list, e.g.
/// `[components, schemas, LiveSession, properties, users, items]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<Value>")]
pub struct Location(Vec<String>);

impl Location {
    /// The location of the given steps.
    pub fn new<S: Into<String>>(steps: impl IntoIterator<Item = S>) -> Self {
        Self(steps.into_iter().map(Into::into).collect())
    }

    /// The steps from the root.
    pub fn steps(&self) -> &[String] {
        &self.0
    }

    /// This location with `step` appended.
    pub fn join(&self, step: impl Into<String>) -> Self {
        let mut steps = self.0.clone();
        steps.push(step.into());
        Self(steps)
    }

    /// The parent location and the last step, unless this is the root.
    pub fn split_last(&self) -> Option<(Location, &str)> {
        let (last, parent) = self.0.split_last()?;
        Some((Location(parent.to_vec()), last))
    }
}

impl TryFrom<Vec<Value>> for Location {
    type Error = String;

    fn try_from(steps: Vec<Value>) -> std::result::Result<Self, String> {
        steps
            .into_iter()
            .map(|step| match step {
                Value::String(s) => Ok(s),
                Value::Number(n) if n.is_u64() => Ok(n.to_string()),
                other => Err(format!(
                    "a location step must be a key or an index, got {other:?}"
                )),
            })
            .collect::<std::result::Result<_, _>>()
            .map(Location)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.0.join(", "))
    }
}

/// The node at `at`, if there is one.
pub fn get<'a>(doc: &'a Value, at: &Location) -> Option<&'a Value> {
    at.steps().iter().try_fold(doc, |node, step| match node {
        Value::Mapping(map) => map.get(step.as_str()),
        Value::Sequence(seq) => seq.get(step.parse::<usize>().ok()?),
        _ => None,
    })
}

/// The node at `at`, mutably, if there is one.
pub fn get_mut<'a>(doc: &'a mut Value, at: &Location) -> Option<&'a mut Value> {
    at.steps().iter().try_fold(doc, |node, step| match node {
        Value::Mapping(map) => map.get_mut(step.as_str()),
        Value::Sequence(seq) => seq.get_mut(step.parse::<usize>().ok()?),
        _ => None,
    })
}

/// The mapping at `key` of `map`, created empty if absent.
pub fn mapping_entry<'a>(map: &'a mut Mapping, key: &str) -> Result<&'a mut Mapping> {
    map.entry(Value::from(key))
        .or_insert_with(|| Value::Mapping(Mapping::new()))
        .as_mapping_mut()
        .ok_or_else(|| Error::new(format!("`{key}` is not a mapping")))
}

/// The string at `key` of a mapping node, if it is one.
pub fn str_field<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Value::as_str)
}

/// The component name a local `$ref` such as `#/components/schemas/RoleType` points
/// at, if `node` is such a reference into `section`.
pub fn ref_name<'a>(node: &'a Value, section: &str) -> Option<&'a str> {
    str_field(node, "$ref")?
        .strip_prefix("#/components/")?
        .strip_prefix(section)?
        .strip_prefix('/')
}

/// A `$ref` node pointing at component `name` of `section`.
pub fn reference(section: &str, name: &str) -> Value {
    let mut map = Mapping::new();
    map.insert(
        "$ref".into(),
        format!("#/components/{section}/{name}").into(),
    );
    Value::Mapping(map)
}

/// Every operation of the document: (path, method, location).
pub fn operations(doc: &Value) -> Vec<(String, String, Location)> {
    let Some(paths) = doc.get("paths").and_then(Value::as_mapping) else {
        return Vec::new();
    };
    paths
        .iter()
        .filter_map(|(path, item)| Some((path.as_str()?, item.as_mapping()?)))
        .flat_map(|(path, item)| {
            item.keys()
                .filter_map(Value::as_str)
                .filter(|method| HTTP_METHODS.contains(method))
                .map(move |method| {
                    let at = Location::new(["paths", path, method]);
                    (path.to_string(), method.to_string(), at)
                })
        })
        .collect()
}

/// The keys of a path item that are operations.
pub const HTTP_METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Reads a document in JSON or YAML (JSON when it starts with `{`).
pub fn read(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::in_file(path, e))?;
    parse(path, &text)
}

/// Parses document text in JSON or YAML; `path` only names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Value> {
    let value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text)
            .map_err(|e| Error::in_file(path, format!("invalid JSON: {e}")))?
    } else {
        serde_norway::from_str(text)
            .map_err(|e| Error::in_file(path, format!("invalid YAML: {e}")))?
    };
    if !matches!(value, Value::Mapping(_)) {
        return Err(Error::in_file(
            path,
            "not an OpenAPI document (the top level is not a mapping)",
        ));
    }
    Ok(value)
}
