//! `cargo xtask regen --check` passes on the repository as committed and fails,
//! saying what is stale, when the spec, the overlay, the webhook spec or a snapshot
//! is out of date.

mod common;

use common::Workspace;

const SPEC: &str = "openapi/cobrowse.yaml";
const SPEC_JSON: &str = "openapi/cobrowse.json";
const OVERLAY: &str = "openapi/overlay.yaml";
const SURFACE: &str = "openapi/snapshot/surface.txt";
const CODE: &str = "openapi/snapshot/cobrowse.rs";
const HTTPMOCK: &str = "mock/src/generated/httpmock.rs";
const WEBHOOK_SPEC: &str = "openapi/cobrowse-webhooks.yaml";
const WEBHOOK_CODE: &str = "openapi/snapshot/cobrowse_webhooks.rs";
const WEBHOOK_SURFACE: &str = "openapi/snapshot/surface_webhooks.txt";

/// A field added by hand to an event object, in canonical form.
const NEW_WEBHOOK_FIELD: (&str, &str) = (
    "          description: When the user left the session.\n",
    "          description: When the user left the session.\n        page_url:\n          type: string\n          description: The page the user was on.\n",
);

#[test]
fn check_passes_on_the_committed_repository() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["regen", "--check", "--root"])
        .arg(common::repo())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains(WEBHOOK_SPEC), "{stdout}");
}

#[test]
fn check_fails_on_a_stale_surface_snapshot() {
    let ws = Workspace::copy();
    ws.edit(
        SURFACE,
        "  user_count: Option<i64>\n\nstruct PastSessionList",
        "\nstruct PastSessionList",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(stderr.contains(&format!("stale: {SURFACE}")), "{stderr}");
    assert!(
        stderr.contains("+  user_count: Option<i64>"),
        "the diff shows what is missing:\n{stderr}"
    );
    assert!(!stderr.contains(&format!("stale: {SPEC}")), "{stderr}");
}

#[test]
fn check_fails_on_a_missing_code_snapshot() {
    let ws = Workspace::copy();
    std::fs::remove_file(ws.path(CODE)).unwrap();
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(stderr.contains(&format!("stale: {CODE}")), "{stderr}");
}

#[test]
fn check_fails_on_a_description_edited_by_hand_without_regen() {
    let ws = Workspace::copy();
    ws.edit(
        SPEC,
        "description: The user's IP address.",
        "description: The user's IPv4 or IPv6 address.",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    // The edit is in canonical form, so only the generated code (doc comment) is stale.
    assert!(stderr.contains(&format!("stale: {CODE}")), "{stderr}");
    assert!(stderr.contains("run `cargo xtask regen`"), "{stderr}");
}

#[test]
fn check_fails_on_a_json_spec_edited_instead_of_its_yaml() {
    let ws = Workspace::copy();
    ws.edit(
        SPEC_JSON,
        "\"description\": \"The user's IP address.\"",
        "\"description\": \"The user's IPv4 or IPv6 address.\"",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(
        stderr.contains(&format!(
            "stale: {SPEC_JSON} is not the JSON rendering of its YAML spec"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains(&format!("stale: {SPEC} ")), "{stderr}");
}

#[test]
fn check_fails_on_a_hand_edit_that_undoes_an_overlay_fix() {
    let ws = Workspace::copy();
    ws.edit(
        SPEC,
        "        - $ref: '#/components/schemas/PastSessionDetail'\n        - $ref: '#/components/schemas/LiveSessionDetail'",
        "        - $ref: '#/components/schemas/LiveSessionDetail'\n        - $ref: '#/components/schemas/PastSessionDetail'",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(
        stderr.contains(&format!("stale: {SPEC} is not what regen makes of it")),
        "{stderr}"
    );
    assert!(
        stderr.contains("+        - $ref: '#/components/schemas/PastSessionDetail'"),
        "{stderr}"
    );
}

#[test]
fn check_fails_on_a_spec_not_in_canonical_form() {
    let ws = Workspace::copy();
    ws.edit(SPEC, "openapi: '3.0.3'\n", "openapi: \"3.0.3\"\n");
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(stderr.contains(&format!("stale: {SPEC}")), "{stderr}");
    assert!(stderr.contains("+openapi: '3.0.3'"), "{stderr}");
}

#[test]
fn check_fails_when_the_overlay_changed_since_the_last_regen() {
    let ws = Workspace::copy();
    ws.edit(
        OVERLAY,
        "description: A page of live sessions.",
        "description: One page of live sessions.",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(stderr.contains(&format!("stale: {SPEC}")), "{stderr}");
    assert!(
        stderr.contains("+      description: One page of live sessions."),
        "{stderr}"
    );
}

#[test]
fn regen_rewrites_what_is_stale_prints_the_surface_diff_and_then_checks_clean() {
    let ws = Workspace::copy();
    // A hand edit with an API effect: user_count becomes required.
    ws.edit(
        SPEC,
        "      description: Details of a live Cobrowse session.\n      required:\n        - session_id\n",
        "      description: Details of a live Cobrowse session.\n      required:\n        - session_id\n        - user_count\n",
    );
    let stdout = ws.xtask(&["regen"]).ok();
    assert!(
        stdout.contains(&format!("{SURFACE}: rewritten")),
        "{stdout}"
    );
    assert!(
        stdout.contains("-  user_count: Option<i64>\n+  user_count: i64"),
        "{stdout}"
    );
    assert!(ws.read(CODE).contains("pub user_count: i64,"));
    ws.xtask(&["regen", "--check"]).ok();
}

#[test]
fn regen_fails_without_writing_when_the_overlay_is_broken() {
    let ws = Workspace::copy();
    ws.edit(
        OVERLAY,
        "  SessionDetail: [PastSessionDetail, LiveSessionDetail]",
        "  SessionDetail: [PastSessionDetail]",
    );
    let stderr = ws.xtask(&["regen"]).failed();
    assert!(
        stderr.contains("fix `oneOf.SessionDetail` no longer applies"),
        "{stderr}"
    );
    assert_eq!(ws.read(SPEC), common::committed_spec());
}

#[test]
fn check_fails_on_a_stale_webhook_snapshot() {
    let ws = Workspace::copy();
    ws.edit(
        WEBHOOK_CODE,
        "pub fn deliver_event(&self)",
        "pub fn deliver(&self)",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(
        stderr.contains(&format!(
            "stale: {WEBHOOK_CODE} does not match the webhook types generated"
        )),
        "{stderr}"
    );
    assert!(
        !stderr.contains(&format!("stale: {WEBHOOK_SPEC}")),
        "{stderr}"
    );
    assert!(!stderr.contains(&format!("stale: {CODE}")), "{stderr}");
}

#[test]
fn check_fails_on_a_stale_httpmock_snapshot() {
    let ws = Workspace::copy();
    ws.edit(
        HTTPMOCK,
        "    fn get_session<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>\n    where\n        F: FnOnce(operations::GetSessionWhen, operations::GetSessionThen);\n",
        "",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(
        stderr.contains(&format!(
            "stale: {HTTPMOCK} does not match the httpmock helpers generated from the spec (+3 -0 lines)"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains(&format!("stale: {CODE}")), "{stderr}");
}

#[test]
fn check_fails_on_a_webhook_field_added_by_hand_without_regen() {
    let ws = Workspace::copy();
    let (from, to) = NEW_WEBHOOK_FIELD;
    ws.edit(WEBHOOK_SPEC, from, to);
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    // The edit is in canonical form, so only what is generated from it is stale.
    assert!(
        !stderr.contains(&format!("stale: {WEBHOOK_SPEC}")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("stale: {WEBHOOK_CODE}")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "stale: {WEBHOOK_SURFACE} does not match the surface of the webhook spec"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("+  page_url: Option<String>"), "{stderr}");
}

#[test]
fn check_fails_on_a_webhook_spec_not_in_canonical_form() {
    let ws = Workspace::copy();
    ws.edit(
        WEBHOOK_SPEC,
        "  version: '1.0.0'\n",
        "  version: \"1.0.0\"\n",
    );
    let stderr = ws.xtask(&["regen", "--check"]).failed();
    assert!(
        stderr.contains(&format!(
            "stale: {WEBHOOK_SPEC} is not what regen makes of it"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("+  version: '1.0.0'"), "{stderr}");
    assert!(
        !stderr.contains(&format!("stale: {WEBHOOK_CODE}")),
        "{stderr}"
    );
}

#[test]
fn regen_writes_the_webhook_snapshots_prints_their_surface_diff_and_then_checks_clean() {
    let ws = Workspace::copy();
    let (from, to) = NEW_WEBHOOK_FIELD;
    ws.edit(WEBHOOK_SPEC, from, to);
    let spec = ws.read(WEBHOOK_SPEC);
    let stdout = ws.xtask(&["regen"]).ok();
    assert!(
        stdout.contains(&format!("{WEBHOOK_SPEC}: unchanged")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{WEBHOOK_SURFACE}: rewritten")),
        "{stdout}"
    );
    assert!(stdout.contains("+  page_url: Option<String>"), "{stdout}");
    assert!(
        stdout.contains(&format!("{HTTPMOCK}: unchanged")),
        "{stdout}"
    );
    assert_eq!(ws.read(WEBHOOK_SPEC), spec);
    assert!(
        ws.read(WEBHOOK_CODE)
            .contains("pub page_url: ::std::option::Option<")
    );
    ws.xtask(&["regen", "--check"]).ok();
}

#[test]
fn regen_fails_without_writing_when_the_webhook_spec_breaks_a_rule() {
    let ws = Workspace::copy();
    ws.edit(
        WEBHOOK_SPEC,
        "    UrlValidationPayload:\n      type: object\n",
        "    UrlValidationPayload:\n      type: object\n      additionalProperties: false\n",
    );
    let edited = ws.read(WEBHOOK_SPEC);
    let committed_code = ws.read(WEBHOOK_CODE);
    let stderr = ws.xtask(&["regen"]).failed();
    assert!(stderr.contains(WEBHOOK_SPEC), "{stderr}");
    assert!(
        stderr.contains("schema UrlValidationPayload: additionalProperties: false"),
        "{stderr}"
    );
    assert_eq!(ws.read(WEBHOOK_SPEC), edited);
    assert_eq!(ws.read(WEBHOOK_CODE), committed_code);
}
