//! OpenAPI 3.1 (what Zoom publishes) down to 3.0.3 (what progenitor reads), and the
//! way back for rendering our spec as Zoom would publish it.

use std::collections::BTreeMap;

use crate::doc::{Location, Mapping, Value};
use crate::error::{Error, Result};
use crate::openapi::{Kind, walk};

/// The version our spec is written in.
pub const OPENAPI_3_0: &str = "3.0.3";
/// The version Zoom publishes.
pub const OPENAPI_3_1: &str = "3.1.1";
const DIALECT_3_1: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// JSON Schema keywords of 3.1 that only annotate: dropped.
const ANNOTATIONS_3_1: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "$anchor",
    "contentMediaType",
    "contentEncoding",
];

/// JSON Schema keywords of 3.1 that change what validates and have no 3.0 form.
const UNSUPPORTED_3_1: &[&str] = &[
    "prefixItems",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "patternProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contains",
    "minContains",
    "maxContains",
    "$defs",
    "$dynamicRef",
    "$dynamicAnchor",
];

/// What a down-levelling changed, counted by kind of change.
#[derive(Debug, Default)]
pub struct Notes(BTreeMap<String, usize>);

impl Notes {
    fn add(&mut self, what: impl Into<String>) {
        *self.0.entry(what.into()).or_default() += 1;
    }

    /// One line per kind of change, e.g. `3 × schema examples → example`.
    pub fn lines(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|(what, n)| format!("{n} × {what}"))
            .collect()
    }
}

/// Rewrites an OpenAPI 3.1 document as 3.0.3; a 3.0 document only gets its version
/// set to 3.0.3. Fails, naming the place, on 3.1 constructs with no 3.0 form.
pub fn to_3_0(doc: &mut Value) -> Result<Notes> {
    let mut notes = Notes::default();
    let version = crate::doc::str_field(doc, "openapi")
        .unwrap_or_default()
        .to_string();
    let root = doc
        .as_mapping_mut()
        .ok_or_else(|| Error::new("not an OpenAPI document"))?;
    root.insert("openapi".into(), OPENAPI_3_0.into());
    if version.starts_with("3.0.") {
        return Ok(notes);
    }
    if !version.starts_with("3.1.") {
        return Err(Error::new(format!(
            "`openapi: {version}`: only OpenAPI 3.0 and 3.1 documents can be imported"
        )));
    }
    notes.add(format!("openapi {version} → {OPENAPI_3_0}"));
    if root.remove("jsonSchemaDialect").is_some() {
        notes.add("jsonSchemaDialect dropped");
    }
    if let Some(webhooks) = root.remove("webhooks") {
        let count = webhooks.as_mapping().map_or(0, Mapping::len);
        notes.add(format!(
            "webhooks dropped ({count}; progenitor generates no webhook code)"
        ));
    }
    for (parent, key) in [("info", "summary"), ("components", "pathItems")] {
        if let Some(Value::Mapping(map)) = root.get_mut(parent)
            && map.remove(key).is_some()
        {
            notes.add(format!("{parent}.{key} dropped"));
        }
    }
    if let Some(Value::Mapping(license)) = root.get_mut("info").and_then(|i| i.get_mut("license"))
        && license.remove("identifier").is_some()
    {
        notes.add("info.license.identifier dropped");
    }
    walk(doc, &mut |kind, schema, at| {
        if kind == Kind::Schema {
            schema_to_3_0(schema, at, &mut notes)?;
        }
        Ok(())
    })?;
    Ok(notes)
}

fn schema_to_3_0(schema: &mut Mapping, at: &Location, notes: &mut Notes) -> Result<()> {
    let fail = |what: String| Err(Error::new(format!("{at}: {what}")));
    for key in ANNOTATIONS_3_1 {
        if schema.remove(*key).is_some() {
            notes.add(format!("`{key}` dropped"));
        }
    }
    if let Some(key) = UNSUPPORTED_3_1
        .iter()
        .find(|key| schema.contains_key(**key))
    {
        return fail(format!(
            "`{key}` has no OpenAPI 3.0 form and progenitor would ignore it; \
             teach xtask/src/dialect.rs how to down-level it"
        ));
    }
    match schema.get("type") {
        Some(Value::Sequence(types)) => {
            let nullable = types.iter().any(|t| t.as_str() == Some("null"));
            let rest: Vec<Value> = types
                .iter()
                .filter(|t| t.as_str() != Some("null"))
                .cloned()
                .collect();
            let [single] = rest.as_slice() else {
                return fail(format!(
                    "`type: {types:?}` names {} types; OpenAPI 3.0 allows one",
                    rest.len()
                ));
            };
            schema.insert("type".into(), single.clone());
            if nullable {
                schema.insert("nullable".into(), true.into());
                notes.add("type array with null → nullable");
            } else {
                notes.add("one-element type array → type");
            }
        }
        Some(Value::String(t)) if t == "null" => {
            return fail("`type: null` has no OpenAPI 3.0 form".to_string());
        }
        _ => {}
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Sequence(members)) = schema.get_mut(key) else {
            continue;
        };
        let before = members.len();
        members.retain(|m| !is_null_schema(m));
        if members.len() == before {
            continue;
        }
        schema.insert("nullable".into(), true.into());
        notes.add(format!("{key} with a null member → nullable"));
        let members = schema
            .get(key)
            .and_then(Value::as_sequence)
            .cloned()
            .unwrap_or_default();
        if members.len() == 1 && !schema.contains_key("allOf") {
            schema.remove(key);
            schema.insert("allOf".into(), Value::Sequence(members));
        }
    }
    if let Some(value) = schema.remove("const") {
        if schema.contains_key("enum") {
            return fail("both `const` and `enum`".to_string());
        }
        schema.insert("enum".into(), Value::Sequence(vec![value]));
        notes.add("const → one-value enum");
    }
    match schema.remove("examples") {
        Some(Value::Sequence(examples)) => {
            if let Some(first) = examples.into_iter().next()
                && !schema.contains_key("example")
            {
                schema.insert("example".into(), first);
            }
            notes.add("schema examples → example");
        }
        Some(other) => return fail(format!("schema `examples` must be a list, got {other:?}")),
        None => {}
    }
    let above: fn(f64, f64) -> bool = |inclusive, exclusive| inclusive > exclusive;
    let below: fn(f64, f64) -> bool = |inclusive, exclusive| inclusive < exclusive;
    for (exclusive, bound, inclusive_is_stricter) in [
        ("exclusiveMinimum", "minimum", above),
        ("exclusiveMaximum", "maximum", below),
    ] {
        let Some(Value::Number(limit)) = schema.get(exclusive).cloned() else {
            continue;
        };
        // 3.1 may give both bounds; 3.0 keeps the stricter one.
        let inclusive = schema.get(bound).and_then(Value::as_f64);
        let exclusive_limit = limit.as_f64().unwrap_or_default();
        if inclusive.is_some_and(|inclusive| inclusive_is_stricter(inclusive, exclusive_limit)) {
            schema.remove(exclusive);
        } else {
            schema.insert(bound.into(), Value::Number(limit));
            schema.insert(exclusive.into(), true.into());
        }
        notes.add(format!("numeric {exclusive} → {bound} + {exclusive}: true"));
    }
    Ok(())
}

fn is_null_schema(schema: &Value) -> bool {
    let Some(map) = schema.as_mapping() else {
        return false;
    };
    map.len() == 1
        && match map.get("type") {
            Some(Value::String(t)) => t == "null",
            Some(Value::Sequence(ts)) => ts.len() == 1 && ts[0].as_str() == Some("null"),
            _ => false,
        }
}

/// Rewrites our 3.0.3 spec in OpenAPI 3.1.1, the inverse of [`to_3_0`] on the
/// constructs our spec uses.
pub fn to_3_1(doc: &mut Value) -> Result<()> {
    let root = doc
        .as_mapping_mut()
        .ok_or_else(|| Error::new("not an OpenAPI document"))?;
    root.insert("openapi".into(), OPENAPI_3_1.into());
    root.insert("jsonSchemaDialect".into(), DIALECT_3_1.into());
    walk(doc, &mut |kind, schema, at| {
        if kind == Kind::Schema {
            schema_to_3_1(schema, at)?;
        }
        Ok(())
    })
}

fn schema_to_3_1(schema: &mut Mapping, at: &Location) -> Result<()> {
    if schema.remove("nullable") == Some(Value::Bool(true)) {
        let null = Value::from("null");
        if let Some(t) = schema.get_mut("type") {
            *t = Value::Sequence(vec![t.clone(), null]);
        } else if let Some(Value::Sequence(all)) = schema.get("allOf")
            && all.len() == 1
        {
            let mut members = all.clone();
            let mut null_schema = Mapping::new();
            null_schema.insert("type".into(), null);
            members.push(Value::Mapping(null_schema));
            schema.remove("allOf");
            schema.insert("anyOf".into(), Value::Sequence(members));
        } else {
            return Err(Error::new(format!(
                "{at}: `nullable` needs a `type` or a single `allOf` to become OpenAPI 3.1"
            )));
        }
    }
    if let Some(Value::Sequence(values)) = schema.get("enum")
        && values.len() == 1
    {
        let value = values[0].clone();
        schema.remove("enum");
        schema.insert("const".into(), value);
    }
    if let Some(example) = schema.remove("example") {
        schema.insert("examples".into(), Value::Sequence(vec![example]));
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match schema.remove(exclusive) {
            Some(Value::Bool(true)) => {
                let limit = schema.remove(bound).ok_or_else(|| {
                    Error::new(format!("{at}: `{exclusive}: true` without `{bound}`"))
                })?;
                schema.insert(exclusive.into(), limit);
            }
            Some(Value::Bool(false)) | None => {}
            Some(other) => {
                schema.insert(exclusive.into(), other);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(version: &str, schema: &str) -> Value {
        let text = format!(
            "openapi: '{version}'\ncomponents:\n  schemas:\n    S:\n{}",
            schema
                .lines()
                .map(|l| format!("      {l}\n"))
                .collect::<String>()
        );
        serde_norway::from_str(&text).unwrap()
    }

    fn schema(doc: &Value) -> &Value {
        &doc["components"]["schemas"]["S"]
    }

    fn down(schema_yaml: &str) -> Result<Value> {
        let mut d = doc("3.1.1", schema_yaml);
        to_3_0(&mut d)?;
        assert_eq!(d["openapi"], Value::from(OPENAPI_3_0));
        Ok(schema(&d).clone())
    }

    fn yaml(text: &str) -> Value {
        serde_norway::from_str(text).unwrap()
    }

    #[test]
    fn type_arrays_with_null_become_nullable() {
        let s = down("type: [string, 'null']\nformat: date-time").unwrap();
        assert_eq!(s, yaml("type: string\nformat: date-time\nnullable: true"));
        assert_eq!(down("type: [integer]").unwrap(), yaml("type: integer"));
    }

    #[test]
    fn type_arrays_of_several_types_fail_naming_the_place() {
        let e = down("type: [string, integer]").unwrap_err().to_string();
        assert!(
            e.contains("[components, schemas, S]") && e.contains("2 types"),
            "{e}"
        );
        assert!(down("type: 'null'").is_err());
    }

    #[test]
    fn examples_const_and_numeric_bounds_get_their_3_0_forms() {
        assert_eq!(
            down("type: string\nexamples: [a, b]").unwrap(),
            yaml("type: string\nexample: a")
        );
        assert_eq!(down("const: x").unwrap(), yaml("enum: [x]"));
        assert_eq!(
            down("type: integer\nexclusiveMinimum: 0\nexclusiveMaximum: 10").unwrap(),
            yaml(
                "type: integer\nminimum: 0\nexclusiveMinimum: true\nmaximum: 10\nexclusiveMaximum: true"
            )
        );
        // 3.1 may give both bounds; the stricter one survives.
        assert_eq!(
            down("type: integer\nminimum: 5\nexclusiveMinimum: 0").unwrap(),
            yaml("type: integer\nminimum: 5")
        );
    }

    #[test]
    fn a_null_member_of_any_of_becomes_nullable() {
        let s = down("anyOf:\n  - $ref: '#/components/schemas/T'\n  - type: 'null'").unwrap();
        assert_eq!(
            s,
            yaml("allOf:\n  - $ref: '#/components/schemas/T'\nnullable: true")
        );
    }

    #[test]
    fn annotations_go_and_constructs_without_a_3_0_form_fail() {
        assert_eq!(
            down(
                "$schema: https://json-schema.org/draft/2020-12/schema\n$comment: c\ntype: string"
            )
            .unwrap(),
            yaml("type: string")
        );
        let e = down("type: array\nprefixItems: [{type: string}]")
            .unwrap_err()
            .to_string();
        assert!(e.contains("prefixItems"), "{e}");
    }

    #[test]
    fn document_level_3_1_fields_are_dropped() {
        let mut d: Value = yaml(
            "openapi: 3.1.0\njsonSchemaDialect: x\ninfo: {title: t, version: '1', summary: s, \
             license: {name: MIT, identifier: MIT}}\nwebhooks: {a: {}, b: {}}\npaths: {}",
        );
        let notes = to_3_0(&mut d).unwrap();
        assert_eq!(
            d,
            yaml("openapi: 3.0.3\ninfo: {title: t, version: '1', license: {name: MIT}}\npaths: {}")
        );
        assert!(
            notes
                .lines()
                .iter()
                .any(|l| l.contains("webhooks dropped (2")),
            "{:?}",
            notes.lines()
        );
    }

    #[test]
    fn only_3_0_and_3_1_are_accepted() {
        let mut d = yaml("swagger: '2.0'");
        assert!(
            to_3_0(&mut d)
                .unwrap_err()
                .to_string()
                .contains("only OpenAPI 3.0 and 3.1")
        );
        let mut d = doc("3.0.1", "type: string\nexample: a");
        to_3_0(&mut d).unwrap();
        assert_eq!(d["openapi"], Value::from(OPENAPI_3_0));
        assert_eq!(schema(&d), &yaml("type: string\nexample: a"));
    }

    #[test]
    fn up_levelling_is_undone_by_down_levelling() {
        for original in [
            "type: string\nnullable: true\nexample: a",
            "allOf:\n  - $ref: '#/components/schemas/T'\nnullable: true",
            "enum: [only]",
            "type: integer\nminimum: 1\nexclusiveMinimum: true",
        ] {
            let mut d = doc(OPENAPI_3_0, original);
            to_3_1(&mut d).unwrap();
            assert_eq!(d["openapi"], Value::from(OPENAPI_3_1));
            to_3_0(&mut d).unwrap();
            assert_eq!(schema(&d), &yaml(original), "{original}");
        }
    }
}
