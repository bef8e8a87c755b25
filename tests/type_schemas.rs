//! Every type of the API has a JSON Schema (schemars) that agrees with its fields,
//! and round-trips through serde_json without losing anything. The list of types
//! is checked against the API-surface snapshot, so a type added to the spec fails
//! here until it is covered.

mod common;

use std::collections::BTreeSet;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use zoom_cobrowse::types::*;

/// One struct or enum of `openapi/snapshot/surface.txt`.
struct SurfaceType {
    name: String,
    /// `(field, required)`: required unless `Option` or defaulted when absent.
    fields: Vec<(String, bool)>,
}

fn surface_types() -> Vec<SurfaceType> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/snapshot/surface.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let types = text.split("\n## Types\n").nth(1).expect("a types section");
    types
        .split("\n\n")
        .filter_map(|block| {
            let mut lines = block.trim().lines();
            let head = lines.next()?;
            let name = head.split_whitespace().nth(1)?.to_string();
            let fields = if head.starts_with("struct ") {
                lines
                    .filter_map(|line| {
                        let (field, ty) = line.trim().split_once(": ")?;
                        let required =
                            !ty.starts_with("Option<") && !ty.ends_with("(absent: empty)");
                        Some((field.to_string(), required))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Some(SurfaceType { name, fields })
        })
        .collect()
}

/// The JSON Schema of `T`, checked against its surface entry, and `sample`
/// round-tripped through `T`.
fn check<T>(name: &str, sample: Value) -> String
where
    T: schemars::JsonSchema + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    assert_eq!(schema["title"].as_str(), Some(name), "{schema:#}");
    if let Some(entry) = surface_types().into_iter().find(|t| t.name == name)
        && !entry.fields.is_empty()
    {
        let properties: BTreeSet<&str> = schema["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{name} has no properties: {schema:#}"))
            .keys()
            .map(String::as_str)
            .collect();
        // `extra` is flattened: the fields a type keeps without knowing them are
        // the schema's additional properties, not a property named `extra`.
        let keeps_unknown = entry.fields.iter().any(|(f, _)| f == "extra");
        if keeps_unknown {
            assert_eq!(schema["additionalProperties"], json!(true), "{name}");
        }
        let fields: BTreeSet<&str> = entry
            .fields
            .iter()
            .map(|(f, _)| f.as_str())
            .filter(|f| *f != "extra")
            .collect();
        assert_eq!(properties, fields, "{name}");
        let required: BTreeSet<&str> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let expected: BTreeSet<&str> = entry
            .fields
            .iter()
            .filter(|(f, r)| *r && f != "extra")
            .map(|(f, _)| f.as_str())
            .collect();
        assert_eq!(required, expected, "{name}");
    }
    let value: T = serde_json::from_value(sample.clone())
        .unwrap_or_else(|e| panic!("{name} does not decode {sample}: {e}"));
    let back = serde_json::to_value(&value).unwrap();
    assert_eq!(back, sample, "{name} loses data in a round trip");
    assert_eq!(serde_json::from_value::<T>(back).unwrap(), value);
    name.to_string()
}

#[test]
fn every_type_has_a_json_schema_and_round_trips_through_json() {
    let live = common::live_sessions_example();
    let past = common::past_sessions_example();
    let users = common::session_users_example();
    let covered = [
        check::<LiveSessionList>("LiveSessionList", live.clone()),
        check::<LiveSession>("LiveSession", live["sessions"][0].clone()),
        check::<SessionUser>("SessionUser", live["sessions"][0]["users"][0].clone()),
        check::<PastSessionList>("PastSessionList", past.clone()),
        check::<PastSession>("PastSession", past["sessions"][0].clone()),
        check::<PastSessionUser>("PastSessionUser", past["sessions"][0]["users"][0].clone()),
        check::<PastSessionUser>("PastSessionUser", json!({})),
        check::<SessionDetail>("SessionDetail", common::past_session_detail_example()),
        check::<SessionDetail>("SessionDetail", common::live_session_detail_example()),
        check::<PastSessionDetail>("PastSessionDetail", common::past_session_detail_example()),
        check::<LiveSessionDetail>("LiveSessionDetail", common::live_session_detail_example()),
        check::<SessionUserList>("SessionUserList", users.clone()),
        check::<SessionUserConnection>("SessionUserConnection", users["users"][0].clone()),
        check::<TimeType>("TimeType", json!("end_time")),
        check::<ZoomError>("ZoomError", json!({"code": 30101, "message": "expired"})),
        check::<RoleType>("RoleType", json!("customer")),
        check::<RoleType>("RoleType", json!("observer")),
        check::<DataCenter>("DataCenter", json!("SG")),
        check::<DataCenter>("DataCenter", json!("ZA")),
        check::<SessionDuration>("SessionDuration", json!("123:00:01")),
    ];
    let covered: BTreeSet<String> = covered.into_iter().collect();
    let generated: BTreeSet<String> = surface_types().into_iter().map(|t| t.name).collect();
    let missing: Vec<&String> = generated.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "types without a schema/round-trip check: {missing:?}"
    );
}

#[test]
fn the_session_detail_schema_lists_the_past_shape_first() {
    let schema = serde_json::to_value(schemars::schema_for!(SessionDetail)).unwrap();
    let variants: Vec<&str> = schema["anyOf"]
        .as_array()
        .unwrap_or_else(|| panic!("{schema:#}"))
        .iter()
        .filter_map(|v| v["$ref"].as_str())
        .collect();
    assert_eq!(
        variants,
        ["#/$defs/PastSessionDetail", "#/$defs/LiveSessionDetail"]
    );
}

#[test]
fn open_enum_schemas_accept_any_string_and_list_the_known_values() {
    let schema = serde_json::to_value(schemars::schema_for!(DataCenter)).unwrap();
    assert_eq!(schema["type"], "string");
    assert!(
        schema.get("enum").is_none(),
        "a closed enum would reject new values"
    );
    let known: Vec<&str> = DataCenter::KNOWN.iter().map(DataCenter::as_str).collect();
    assert_eq!(schema["examples"], json!(known));
}
