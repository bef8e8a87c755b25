//! The webhook spec keeps its rules, and breaking one names the schema at fault.

use std::path::{Path, PathBuf};

use zoom_cobrowse_codegen::{
    Options, WEBHOOK_SPEC, WEBHOOK_SPEC_JSON, check_webhook_invariants, generate_webhooks,
    generate_webhooks_from_str,
};

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative)
}

/// The YAML people edit; the tests edit it as they would.
fn spec_text() -> String {
    std::fs::read_to_string(repo_path(WEBHOOK_SPEC)).unwrap()
}

/// YAML text as the JSON `cargo xtask regen` renders it for build.rs.
fn as_json(yaml: &str) -> String {
    let doc: serde_json::Value = serde_norway::from_str(yaml).unwrap();
    doc.to_string()
}

fn problems(text: &str) -> String {
    let spec = serde_norway::from_str(text).unwrap();
    check_webhook_invariants(&spec).unwrap_err()
}

#[test]
fn the_checked_in_spec_generates() {
    // What build.rs does.
    let code = generate_webhooks(&repo_path(WEBHOOK_SPEC_JSON), Options::default())
        .unwrap()
        .to_source();
    assert!(code.starts_with("// Generated from openapi/cobrowse-webhooks.yaml"));
    for ty in [
        "CobrowseSessionStarted",
        "CobrowseSessionEnded",
        "CobrowseSessionUserJoined",
        "CobrowseSessionUserLeft",
        "EndpointUrlValidation",
        "UrlValidationResponse",
        "WebhookEvent",
    ] {
        assert!(code.contains(&format!("pub struct {ty} ")), "{ty} missing");
    }
    assert!(code.contains("pub fn deliver_event"));
}

#[test]
fn an_event_object_requiring_more_than_session_id_is_refused() {
    let text = spec_text().replacen(
        "      required:\n        - session_id\n      properties:\n        session_id:\n          type: string\n          description: The Cobrowse session's ID.\n        start_url:",
        "      required:\n        - session_id\n        - start_url\n      properties:\n        session_id:\n          type: string\n          description: The Cobrowse session's ID.\n        start_url:",
        1,
    );
    assert_ne!(text, spec_text(), "the edit must apply");
    let problems = problems(&text);
    assert!(
        problems.contains("schema SessionStartedObject"),
        "{problems}"
    );
    assert!(problems.contains("exactly [session_id]"), "{problems}");
}

#[test]
fn a_closed_object_is_refused() {
    let text = spec_text().replacen(
        "    UrlValidationPayload:\n      type: object\n",
        "    UrlValidationPayload:\n      type: object\n      additionalProperties: false\n",
        1,
    );
    assert_ne!(text, spec_text(), "the edit must apply");
    let problems = problems(&text);
    assert!(
        problems.contains("schema UrlValidationPayload: additionalProperties: false"),
        "{problems}"
    );
}

#[test]
fn a_broken_spec_fails_generation_with_the_file_named() {
    let text = spec_text().replacen("  - session_id\n", "  - session_id\n        - user_id\n", 1);
    let path = repo_path(WEBHOOK_SPEC_JSON);
    let err = generate_webhooks_from_str(&path, &as_json(&text), Options::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("cobrowse-webhooks.json"), "{err}");
}
