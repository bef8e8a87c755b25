//! `openapi/overlay.yaml`: our local fixes to Zoom's document, re-applied on every
//! import so that none is dropped silently. Each fix names the place it applies to
//! in Zoom's document; a fix whose place is gone fails the import, naming the fix.
//!
//! [`Overlay::apply`] turns Zoom's document into our spec; [`Overlay::unapply`] is
//! its inverse, used to render our spec as Zoom would publish it.

use std::collections::HashSet;
use std::path::Path;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::doc::{self, Location, Mapping, Value};
use crate::error::{Error, Result};
use crate::zoom;

/// The checked-in local fixes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// Per Zoom operationId: our operationId, lost parameters, shared error bodies.
    #[serde(default)]
    operations: IndexMap<String, OperationFix>,
    /// Names for Zoom's inline schemas, outer ones first.
    #[serde(default)]
    schemas: IndexMap<String, SchemaFix>,
    /// The order of a oneOf's variants, per named schema.
    #[serde(default, rename = "oneOf")]
    one_of: IndexMap<String, Vec<String>>,
    /// Descriptions we word differently from Zoom.
    #[serde(default)]
    descriptions: Vec<DescriptionFix>,
    /// Components Zoom's document does not have: `section → name → object`.
    #[serde(default)]
    components: IndexMap<String, IndexMap<String, Value>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OperationFix {
    #[serde(rename = "operationId")]
    operation_id: String,
    #[serde(default)]
    parameters: Vec<Value>,
    /// Status code → name of a response in `components.responses`.
    #[serde(default)]
    responses: IndexMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFix {
    at: Vec<Location>,
    description: Option<String>,
    /// Set on the named schema; `{}` makes the generated type keep the fields it
    /// does not know (typify flattens them into an `extra` map).
    #[serde(rename = "additionalProperties")]
    additional_properties: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptionFix {
    at: Location,
    description: String,
}

impl Overlay {
    /// Reads the overlay file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::in_file(path, e))?;
        serde_norway::from_str(&text).map_err(|e| Error::in_file(path, e))
    }

    /// Applies every fix to a document in Zoom's shape (after
    /// [`zoom::adopt`]). Fails on the first fix that no longer applies.
    pub fn apply(&self, spec: &mut Value) -> Result<()> {
        for (name, fix) in &self.schemas {
            self.name_schema(spec, name, fix)
                .map_err(|e| overlay_error(&format!("schemas.{name}"), e))?;
        }
        for (name, order) in &self.one_of {
            order_one_of(spec, name, order)
                .map_err(|e| overlay_error(&format!("oneOf.{name}"), e))?;
        }
        for (i, fix) in self.descriptions.iter().enumerate() {
            let node = doc::get_mut(spec, &fix.at)
                .and_then(Value::as_mapping_mut)
                .ok_or_else(|| gone(&fix.at))
                .map_err(|e| overlay_error(&format!("descriptions[{i}]"), e))?;
            node.insert("description".into(), fix.description.clone().into());
        }
        for (section, entries) in &self.components {
            for (name, value) in entries {
                let components = components_mut(spec)?;
                let section_map = doc::mapping_entry(components, section)?;
                if section_map.contains_key(name.as_str()) {
                    return Err(overlay_error(
                        &format!("components.{section}.{name}"),
                        Error::new(
                            "Zoom's document now defines this component itself: compare the two \
                             and drop the overlay's copy or rename it",
                        ),
                    ));
                }
                section_map.insert(name.as_str().into(), value.clone());
            }
        }
        self.fix_operations(spec)
    }

    fn name_schema(&self, spec: &mut Value, name: &str, fix: &SchemaFix) -> Result<()> {
        for at in &fix.at {
            let node = doc::get(spec, at).ok_or_else(|| gone(at))?.clone();
            if doc::ref_name(&node, "schemas") == Some(name) {
                continue;
            }
            let schemas = doc::mapping_entry(components_mut(spec)?, "schemas")?;
            match schemas.get(name) {
                None => {
                    schemas.insert(name.into(), node);
                }
                Some(named) if same_schema(named, &node) => {}
                Some(_) => {
                    return Err(Error::new(format!(
                        "the schema at {at} differs from the one already named {name}: \
                         give it a name of its own"
                    )));
                }
            }
            *doc::get_mut(spec, at).ok_or_else(|| gone(at))? = doc::reference("schemas", name);
        }
        let schemas = doc::mapping_entry(components_mut(spec)?, "schemas")?;
        if let Some(Value::Mapping(schema)) = schemas.get_mut(name) {
            if let Some(description) = &fix.description {
                schema.insert("description".into(), description.clone().into());
            }
            if let Some(additional) = &fix.additional_properties {
                schema.insert("additionalProperties".into(), additional.clone());
            }
        }
        Ok(())
    }

    fn fix_operations(&self, spec: &mut Value) -> Result<()> {
        let mut seen = HashSet::new();
        for (path, method, at) in doc::operations(spec) {
            let name = format!("{} {path}", method.to_uppercase());
            let zoom_id = doc::get(spec, &at)
                .and_then(|op| doc::str_field(op, zoom::OPERATION_ID))
                .unwrap_or_default()
                .to_string();
            let fix = self.operations.get(&zoom_id).ok_or_else(|| {
                Error::new(format!(
                    "{name} (Zoom's operationId {zoom_id:?}) has no entry under `operations` in \
                     overlay.yaml: give it a snake_case operationId there"
                ))
            })?;
            seen.insert(zoom_id.clone());
            self.fix_operation(spec, &at, fix)
                .map_err(|e| overlay_error(&format!("operations.{zoom_id}"), e))?;
        }
        if let Some(missing) = self.operations.keys().find(|id| !seen.contains(*id)) {
            return Err(overlay_error(
                &format!("operations.{missing}"),
                Error::new("Zoom's document has no operation with this operationId any more"),
            ));
        }
        Ok(())
    }

    fn fix_operation(&self, spec: &mut Value, at: &Location, fix: &OperationFix) -> Result<()> {
        let upstream_params: Vec<(String, String)> = doc::get(spec, &at.join("parameters"))
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
            .filter_map(|p| parameter_key(spec, p))
            .collect();
        for param in &fix.parameters {
            let key = parameter_key(spec, param).ok_or_else(|| {
                Error::new(format!(
                    "parameter {param:?} has no name and `in`, or its $ref is dangling"
                ))
            })?;
            if upstream_params.contains(&key) {
                return Err(Error::new(format!(
                    "Zoom's document now defines {} parameter `{}` itself: drop it from the overlay",
                    key.1, key.0
                )));
            }
        }
        let responses_at = at.join("responses");
        for (status, response) in &fix.responses {
            let components = spec.get("components").and_then(|c| c.get("responses"));
            if components.and_then(|c| c.get(response.as_str())).is_none() {
                return Err(Error::new(format!(
                    "response {status}: components.responses.{response} is not defined"
                )));
            }
            let slot = doc::get_mut(spec, &responses_at.join(status))
                .ok_or_else(|| gone(&responses_at.join(status)))?;
            *slot = doc::reference("responses", response);
        }
        let op = doc::get_mut(spec, at)
            .and_then(Value::as_mapping_mut)
            .ok_or_else(|| gone(at))?;
        op.insert("operationId".into(), fix.operation_id.clone().into());
        if !fix.parameters.is_empty() {
            let params = op
                .entry("parameters".into())
                .or_insert_with(|| Value::Sequence(Vec::new()));
            if let Value::Sequence(params) = params {
                params.extend(fix.parameters.iter().cloned());
            }
        }
        Ok(())
    }

    /// Turns our spec back into the shape Zoom publishes: the inverse of
    /// [`Overlay::apply`] followed by [`zoom::adopt`]. Every component is inlined.
    pub fn unapply(&self, spec: &mut Value) -> Result<()> {
        for (_, _, at) in doc::operations(spec) {
            let zoom_id = doc::get(spec, &at)
                .and_then(|op| doc::str_field(op, zoom::OPERATION_ID))
                .unwrap_or_default();
            let Some(fix) = self.operations.get(zoom_id) else {
                continue;
            };
            let descriptions: Vec<(String, Value)> = fix
                .responses
                .iter()
                .filter_map(|(status, name)| {
                    let response =
                        doc::get(spec, &Location::new(["components", "responses", name]))?;
                    let mut stub = Mapping::new();
                    stub.insert("description".into(), response.get("description")?.clone());
                    Some((status.clone(), Value::Mapping(stub)))
                })
                .collect();
            let Some(Value::Mapping(op)) = doc::get_mut(spec, &at) else {
                continue;
            };
            if let Some(Value::Sequence(params)) = op.get_mut("parameters") {
                params.retain(|p| !fix.parameters.contains(p));
                if params.is_empty() {
                    op.remove("parameters");
                }
            }
            for (status, stub) in descriptions {
                if let Some(Value::Mapping(responses)) = op.get_mut("responses") {
                    let name = &fix.responses[&status];
                    if responses
                        .get(status.as_str())
                        .and_then(|r| doc::ref_name(r, "responses"))
                        == Some(name.as_str())
                    {
                        responses.insert(status.into(), stub);
                    }
                }
            }
        }
        for (name, order) in &self.one_of {
            let upstream = self.upstream_one_of_order(name, order)?;
            let at = Location::new(["components", "schemas", name, "oneOf"]);
            if let Some(Value::Sequence(variants)) = doc::get_mut(spec, &at) {
                variants.sort_by_key(|v| {
                    let variant = doc::ref_name(v, "schemas").unwrap_or_default();
                    upstream.iter().position(|u| u == variant)
                });
            }
        }
        for (section, entries) in &self.components {
            if let Some(Value::Mapping(section)) =
                doc::get_mut(spec, &Location::new(["components", section]))
            {
                for name in entries.keys() {
                    section.remove(name.as_str());
                }
            }
        }
        for (name, fix) in &self.schemas {
            if fix.additional_properties.is_none() {
                continue;
            }
            let at = Location::new(["components", "schemas", name]);
            if let Some(Value::Mapping(schema)) = doc::get_mut(spec, &at) {
                schema.remove("additionalProperties");
            }
        }
        inline_components(spec)?;
        zoom::restore(spec);
        Ok(())
    }

    /// The order in which Zoom lists `name`'s oneOf variants: where the overlay
    /// names each of them.
    fn upstream_one_of_order(&self, name: &str, order: &[String]) -> Result<Vec<String>> {
        let prefix = Location::new(["components", "schemas", name, "oneOf"]);
        let mut placed = order
            .iter()
            .map(|variant| {
                self.schemas
                    .get(variant)
                    .into_iter()
                    .flat_map(|fix| &fix.at)
                    .find_map(|at| {
                        let (parent, index) = at.split_last()?;
                        (parent == prefix).then(|| index.parse::<usize>().ok())?
                    })
                    .map(|index| (index, variant.clone()))
                    .ok_or_else(|| {
                        overlay_error(
                            &format!("oneOf.{name}"),
                            Error::new(format!(
                                "variant {variant} is not named at an index of {prefix}"
                            )),
                        )
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        placed.sort();
        Ok(placed.into_iter().map(|(_, variant)| variant).collect())
    }
}

/// Replaces every `$ref` into `components` by a copy of what it points at, and
/// drops every component section but `securitySchemes`, as Zoom publishes.
fn inline_components(spec: &mut Value) -> Result<()> {
    let components = spec.get("components").cloned().unwrap_or(Value::Null);
    let mut stack = Vec::new();
    inline_refs(spec, &components, &mut stack)?;
    if let Some(Value::Mapping(sections)) = spec.get_mut("components") {
        sections.retain(|section, _| section.as_str() == Some("securitySchemes"));
        if sections.is_empty() {
            spec.as_mapping_mut().map(|root| root.remove("components"));
        }
    }
    Ok(())
}

fn inline_refs(node: &mut Value, components: &Value, stack: &mut Vec<String>) -> Result<()> {
    if let Some(target) = doc::str_field(node, "$ref").and_then(|r| r.strip_prefix("#/components/"))
    {
        let target = target.to_string();
        if stack.contains(&target) {
            return Err(Error::new(format!(
                "cannot inline the recursive component {target}"
            )));
        }
        let at = Location::new(target.split('/'));
        let mut copy = doc::get(components, &at)
            .cloned()
            .ok_or_else(|| Error::new(format!("dangling $ref to #/components/{target}")))?;
        stack.push(target);
        inline_refs(&mut copy, components, stack)?;
        stack.pop();
        *node = copy;
        return Ok(());
    }
    match node {
        Value::Mapping(map) => map
            .iter_mut()
            .try_for_each(|(_, v)| inline_refs(v, components, stack)),
        Value::Sequence(items) => items
            .iter_mut()
            .try_for_each(|v| inline_refs(v, components, stack)),
        _ => Ok(()),
    }
}

fn order_one_of(spec: &mut Value, name: &str, order: &[String]) -> Result<()> {
    let at = Location::new(["components", "schemas", name, "oneOf"]);
    let Some(Value::Sequence(variants)) = doc::get_mut(spec, &at) else {
        return Err(gone(&at));
    };
    let names: Vec<String> = variants
        .iter()
        .map(|v| {
            doc::ref_name(v, "schemas")
                .unwrap_or("(inline)")
                .to_string()
        })
        .collect();
    let mut sorted_names = names.clone();
    sorted_names.sort();
    let mut sorted_order = order.to_vec();
    sorted_order.sort();
    if sorted_names != sorted_order {
        return Err(Error::new(format!(
            "Zoom's oneOf lists {names:?}, the overlay orders {order:?}"
        )));
    }
    *variants = order
        .iter()
        .map(|variant| doc::reference("schemas", variant))
        .collect();
    Ok(())
}

/// Whether two schemas differ only in their prose (description, example, title).
fn same_schema(a: &Value, b: &Value) -> bool {
    let strip = |v: &Value| {
        let mut v = v.clone();
        if let Value::Mapping(map) = &mut v {
            for key in ["description", "example", "title"] {
                map.remove(key);
            }
        }
        v
    };
    strip(a) == strip(b)
}

/// `(name, in)` of a parameter, following a `$ref` into `components.parameters`.
fn parameter_key(spec: &Value, param: &Value) -> Option<(String, String)> {
    let param = match doc::ref_name(param, "parameters") {
        Some(name) => spec.get("components")?.get("parameters")?.get(name)?,
        None => param,
    };
    Some((
        doc::str_field(param, "name")?.to_string(),
        doc::str_field(param, "in")?.to_string(),
    ))
}

fn components_mut(spec: &mut Value) -> Result<&mut Mapping> {
    let root = spec
        .as_mapping_mut()
        .ok_or_else(|| Error::new("not an OpenAPI document"))?;
    doc::mapping_entry(root, "components")
}

fn gone(at: &Location) -> Error {
    Error::new(format!("{at} is gone from Zoom's document"))
}

fn overlay_error(fix: &str, e: Error) -> Error {
    Error::new(format!(
        "openapi/overlay.yaml: fix `{fix}` no longer applies: {e}"
    ))
}
