//! `cargo xtask regen --from` imports a document shaped as Zoom publishes it, and
//! reproduces the committed spec from the checked-in 3.1 rendering of it. A fix of
//! the overlay that no longer applies fails the import, naming the fix.

mod common;

use common::{Value, Workspace, yaml};

const SPEC: &str = "openapi/cobrowse.yaml";
const LIVE: &str = "/cobrowsesdk/live_sessions";
const SESSION: &str = "/cobrowsesdk/sessions/{sessionId}";

fn live_schema(doc: &mut Value) -> &mut Value {
    &mut doc["paths"][LIVE]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
}

/// Imports `doc` into a fresh workspace; returns the workspace and the run.
fn import(doc: &Value) -> (Workspace, common::Run) {
    let ws = Workspace::copy();
    let from = ws.upstream(doc);
    let run = ws.xtask(&["regen", "--from", from.to_str().unwrap()]);
    (ws, run)
}

#[test]
fn importing_the_3_1_fixture_reproduces_the_committed_spec_byte_for_byte() {
    let ws = Workspace::copy();
    let from = common::fixture_path();
    let stdout = ws.xtask(&["regen", "--from", from.to_str().unwrap()]).ok();
    assert_eq!(ws.read(SPEC), common::committed_spec());
    assert!(
        stdout.contains("1 × type array with null → nullable"),
        "{stdout}"
    );
    assert!(stdout.contains("3 × schema examples → example"), "{stdout}");
    for file in [
        SPEC,
        "openapi/snapshot/cobrowse.rs",
        "mock/src/generated/httpmock.rs",
        "openapi/snapshot/surface.txt",
        "openapi/cobrowse-webhooks.yaml",
        "openapi/snapshot/cobrowse_webhooks.rs",
        "openapi/snapshot/surface_webhooks.txt",
    ] {
        assert!(stdout.contains(&format!("{file}: unchanged")), "{stdout}");
    }
}

#[test]
fn a_yaml_rendering_of_the_fixture_imports_the_same() {
    let ws = Workspace::copy();
    let yaml = serde_norway::to_string(&common::fixture()).unwrap();
    std::fs::write(ws.path("zoom.yaml"), yaml).unwrap();
    ws.xtask(&[
        "regen",
        "--check",
        "--from",
        ws.path("zoom.yaml").to_str().unwrap(),
    ])
    .ok();
}

#[test]
fn a_3_0_rendering_of_the_fixture_imports_the_same() {
    let ws = Workspace::copy();
    let mut doc = common::fixture();
    xtask::dialect::to_3_0(&mut doc).unwrap();
    assert_eq!(doc["openapi"], "3.0.3");
    let from = ws.upstream(&doc);
    ws.xtask(&["regen", "--check", "--from", from.to_str().unwrap()])
        .ok();
}

#[test]
fn the_fixture_is_the_upstream_rendering_of_the_committed_spec() {
    let ws = Workspace::copy();
    ws.xtask(&["upstream", "--out", "rendered.json"]).ok();
    let fixture = std::fs::read_to_string(common::fixture_path()).unwrap();
    assert_eq!(
        ws.read("rendered.json"),
        fixture,
        "refresh it with `cargo xtask upstream`"
    );
}

#[test]
fn the_fixture_has_the_shape_zoom_publishes() {
    let doc = common::fixture();
    assert_eq!(doc["openapi"], "3.1.1");
    let ops: Vec<&Value> = doc["paths"]
        .as_mapping()
        .unwrap()
        .values()
        .map(|item| &item["get"])
        .collect();
    let ids: Vec<&str> = ops
        .iter()
        .map(|op| op["operationId"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "Listlivesessions",
            "Listpastsession",
            "Getasession",
            "Listsessionusers"
        ]
    );
    for op in &ops {
        assert!(op.get("x-zoom-rate-limit-label").is_none());
        assert!(
            op["description"]
                .as_str()
                .unwrap()
                .contains("Rate Limit Label: ")
        );
        assert!(op.get("parameters").is_none(), "Zoom's page lost them");
        assert!(op["responses"]["401"].get("content").is_none());
    }
    assert!(
        doc["components"].get("schemas").is_none(),
        "every schema is inline"
    );
    let text = serde_json::to_string(&doc).unwrap();
    assert!(
        text.contains(r#"["string","null"]"#),
        "a 3.1 type array with null"
    );
    assert!(
        text.contains(r#""examples":["00:03:19"]"#),
        "3.1 schema examples"
    );
    assert!(!text.contains("$ref"));
    let variants = &doc["paths"][SESSION]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"]["oneOf"];
    assert!(
        variants[0]["properties"].get("end_time").is_none(),
        "Zoom lists live first"
    );
    assert!(variants[1]["properties"].get("end_time").is_some());
}

#[test]
fn a_fix_whose_place_is_gone_fails_the_import_naming_the_fix() {
    let mut doc = common::fixture();
    live_schema(&mut doc)["properties"]
        .as_mapping_mut()
        .unwrap()
        .shift_remove("sessions");
    let (ws, run) = import(&doc);
    let stderr = run.failed();
    assert!(
        stderr.contains(
            "openapi/overlay.yaml: fix `schemas.LiveSession` no longer applies: \
             [components, schemas, LiveSessionList, properties, sessions, items] is gone"
        ),
        "{stderr}"
    );
    assert_eq!(
        ws.read(SPEC),
        common::committed_spec(),
        "nothing is written"
    );
}

#[test]
fn an_operation_zoom_renamed_fails_the_import() {
    let mut doc = common::fixture();
    doc["paths"][LIVE]["get"]["operationId"] = "ListLiveSessions".into();
    let stderr = import(&doc).1.failed();
    assert!(
        stderr.contains(r#"GET /cobrowsesdk/live_sessions (Zoom's operationId "ListLiveSessions") has no entry under `operations`"#),
        "{stderr}"
    );
}

#[test]
fn a_parameter_zoom_now_publishes_itself_fails_the_import() {
    let mut doc = common::fixture();
    doc["paths"][LIVE]["get"]["parameters"] =
        yaml("[{name: page_size, in: query, schema: {type: integer}}]");
    let stderr = import(&doc).1.failed();
    assert!(
        stderr.contains("fix `operations.Listlivesessions` no longer applies: Zoom's document now defines query parameter `page_size`"),
        "{stderr}"
    );
}

#[test]
fn zoom_swapping_the_one_of_order_fails_the_import() {
    let mut doc = common::fixture();
    let schema = &mut doc["paths"][SESSION]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"];
    schema["oneOf"].as_sequence_mut().unwrap().reverse();
    let stderr = import(&doc).1.failed();
    // The overlay names the variants by position, so the swap names the live shape
    // PastSessionDetail, which has no duration to name.
    assert!(
        stderr.contains(
            "fix `schemas.SessionDuration` no longer applies: \
             [components, schemas, PastSessionDetail, properties, duration] is gone"
        ),
        "{stderr}"
    );
}

#[test]
fn a_live_first_one_of_fails_generation_as_build_rs_would() {
    let spec = common::committed_spec();
    let past = "        - $ref: '#/components/schemas/PastSessionDetail'\n";
    let live = "        - $ref: '#/components/schemas/LiveSessionDetail'\n";
    let swapped = spec.replace(&format!("{past}{live}"), &format!("{live}{past}"));
    assert_ne!(swapped, spec);
    // build.rs reads the JSON rendering regen writes.
    let json = serde_json::to_string(&yaml(&swapped)).unwrap();
    let error = zoom_cobrowse_codegen::generate_api_from_str(
        SPEC.as_ref(),
        &json,
        zoom_cobrowse_codegen::Options::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("schema SessionDetail: oneOf variant PastSessionDetail can never be chosen"),
        "{error}"
    );
}

#[test]
fn an_error_answer_without_a_zoom_error_body_is_caught_by_the_invariants() {
    let mut doc = common::fixture();
    doc["paths"][LIVE]["get"]["responses"]["403"] = yaml("description: Forbidden");
    let stderr = import(&doc).1.failed();
    assert!(
        stderr.contains("GET /cobrowsesdk/live_sessions: response 403 must have an application/json ZoomError body"),
        "{stderr}"
    );
}

#[test]
fn an_operation_without_a_rate_limit_label_fails_the_import() {
    let mut doc = common::fixture();
    let description = doc["paths"][LIVE]["get"]["description"].as_str().unwrap();
    doc["paths"][LIVE]["get"]["description"] =
        description.replace("Rate Limit Label: LIGHT", "").into();
    let stderr = import(&doc).1.failed();
    assert!(
        stderr
            .contains("GET /cobrowsesdk/live_sessions: its description names no rate-limit label"),
        "{stderr}"
    );
}

#[test]
fn a_changed_rate_limit_label_flows_into_the_spec_and_the_surface() {
    let mut doc = common::fixture();
    let description = doc["paths"][LIVE]["get"]["description"].as_str().unwrap();
    doc["paths"][LIVE]["get"]["description"] = description
        .replace("Rate Limit Label: LIGHT", "Rate Limit Label: MEDIUM")
        .into();
    let (ws, run) = import(&doc);
    let stdout = run.ok();
    assert!(ws.read(SPEC).contains("x-zoom-rate-limit-label: MEDIUM"));
    assert!(
        stdout.contains("-  zoom: Listlivesessions, rate limit: LIGHT\n+  zoom: Listlivesessions, rate limit: MEDIUM"),
        "{stdout}"
    );
}

#[test]
fn a_3_1_construct_without_a_3_0_form_fails_naming_its_place() {
    let mut doc = common::fixture();
    live_schema(&mut doc)["properties"]["page_size"]["type"] = yaml("[integer, string]");
    let stderr = import(&doc).1.failed();
    assert!(
        stderr.contains("[paths, /cobrowsesdk/live_sessions, get, responses, 200, content, application/json, schema, properties, page_size]"),
        "{stderr}"
    );
}

#[test]
fn a_field_zoom_adds_appears_in_the_surface_diff() {
    let mut doc = common::fixture();
    live_schema(&mut doc)["properties"]["total_records"] =
        yaml("{type: integer, description: How many sessions there are.}");
    let (ws, run) = import(&doc);
    let stdout = run.ok();
    assert!(stdout.contains("+  total_records: Option<i64>"), "{stdout}");
    assert!(ws.read(SPEC).contains("total_records:"));
    ws.xtask(&["regen", "--check"]).ok();
}
