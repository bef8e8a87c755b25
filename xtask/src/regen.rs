//! `cargo xtask regen`: Zoom's document (or our spec, rendered back into Zoom's
//! shape) → down-levelled to 3.0.3 → overlay applied → canonical YAML and its JSON
//! rendering → validated by generating the client and its httpmock helpers from
//! the JSON, as build.rs does → spec, JSON and snapshots written, with what
//! changed. The webhook spec, which is written by hand rather than imported, is put
//! in canonical form, rendered as JSON and validated by generating its types.
//!
//! A plain `regen` imports the rendering of the current spec, so the overlay and
//! its inverse are exercised on every run, and `--check` fails whenever a regen
//! would change a file.

use std::path::{Path, PathBuf};

use zoom_cobrowse_codegen::{self as codegen, Options};

use crate::dialect::{self, Notes};
use crate::doc::{self, Value};
use crate::error::{Error, Result};
use crate::overlay::Overlay;
use crate::{diff, emit, openapi, surface, zoom};

/// The spec, relative to the workspace root.
pub const SPEC: &str = codegen::API_SPEC;
/// The spec as JSON, what build.rs reads (users' builds then parse no YAML).
pub const SPEC_JSON: &str = codegen::API_SPEC_JSON;
/// The local fixes.
pub const OVERLAY: &str = "openapi/overlay.yaml";
/// The reviewable copy of the generated client.
pub const CODE_SNAPSHOT: &str = "openapi/snapshot/cobrowse.rs";
/// The generated httpmock helpers, checked in as source of the simulator crate
/// (zoom-cobrowse-mock), which has no build script and ships without the spec.
pub const HTTPMOCK_SNAPSHOT: &str = "mock/src/generated/httpmock.rs";
/// The API-surface summary.
pub const SURFACE_SNAPSHOT: &str = "openapi/snapshot/surface.txt";
/// The webhook spec, relative to the workspace root.
pub const WEBHOOK_SPEC: &str = codegen::WEBHOOK_SPEC;
/// The webhook spec as JSON, what build.rs reads.
pub const WEBHOOK_SPEC_JSON: &str = codegen::WEBHOOK_SPEC_JSON;
/// The reviewable copy of the generated webhook types and delivery client.
pub const WEBHOOK_CODE_SNAPSHOT: &str = "openapi/snapshot/cobrowse_webhooks.rs";
/// The webhook-surface summary.
pub const WEBHOOK_SURFACE_SNAPSHOT: &str = "openapi/snapshot/surface_webhooks.txt";
/// The JSON renderings of the specs, and the snapshots of generated Rust: too long
/// to diff usefully.
pub const CODE_SNAPSHOTS: &[&str] = &[
    SPEC_JSON,
    CODE_SNAPSHOT,
    HTTPMOCK_SNAPSHOT,
    WEBHOOK_SPEC_JSON,
    WEBHOOK_CODE_SNAPSHOT,
];
/// The surface summaries, whose diff regen prints.
pub const SURFACE_SNAPSHOTS: &[&str] = &[SURFACE_SNAPSHOT, WEBHOOK_SURFACE_SNAPSHOT];
/// Our spec as Zoom would publish it, for the import tests.
pub const UPSTREAM_FIXTURE: &str = "xtask/tests/fixtures/zoom-cobrowse-3.1.json";

/// The comment heading the spec; part of its canonical form.
pub const HEADER: &str = "\
# Zoom Cobrowse SDK REST API, recreated for zoom-cobrowse.
#
# Written by `cargo xtask regen`; `cargo xtask regen --check` fails when this file
# is not what regen makes of it. Zoom publishes the API as OpenAPI 3.1.1 (API
# version 2); progenitor reads only OpenAPI 3.0.x, so regen writes 3.0.3: type
# arrays with null become `nullable`, schema `examples` become `example`, `const`
# becomes a one-value enum, and `$schema`, `jsonSchemaDialect` and `webhooks` go.
# Sources: Zoom's reference page (shared/seed/cobrowse-sdk-api.txt) for every
# response shape, example and error, and shared/reference/zoom-cobrowse-api.md for
# the request parameters the page rendering lost.
#
# Local decisions, kept in openapi/overlay.yaml and re-applied by every regen, so
# that importing Zoom's next document (`cargo xtask regen --from FILE`) keeps them:
# - operationIds are Rust-friendly; Zoom's originals live in `x-zoom-operation-id`.
# - `x-zoom-rate-limit-label` carries the label Zoom states only in prose.
# - every inline schema is a named component, so Rust types have real names; the
#   open enums RoleType and DataCenter are components, which the crate replaces by
#   hand-written types that keep values Zoom adds later.
# - get-session's oneOf lists the past shape before the live one: the generated
#   untagged enum tries variants in order, and a live-first order decodes past
#   sessions as live and silently drops end_time and duration.
# - every documented error answer shares the ZoomError body.
# - the request parameters Zoom's reference page lost are restored.
# Other edits to this file survive `regen` but not the next import of Zoom's
# document: a fix that must last belongs in openapi/overlay.yaml.
#
# Invariants (zoom_cobrowse_codegen::check_invariants): snake_case operationIds,
# a known rate-limit label on every operation, no additionalProperties: false (so
# fields Zoom adds never break decoding), every error answer a ZoomError, and no
# oneOf variant shadowed by an earlier one.
";

/// The comment heading the webhook spec; part of its canonical form.
pub const WEBHOOK_HEADER: &str = "\
# Zoom Cobrowse SDK webhooks, recreated for zoom-cobrowse.
#
# Written by hand, then put in canonical form by `cargo xtask regen`;
# `cargo xtask regen --check` fails when this file is not what regen makes of it.
# Unlike openapi/cobrowse.yaml it is not imported from Zoom's document and has no
# overlay: edit it here, then run regen.
#
# Zoom publishes these events as OpenAPI 3.1.0 (version 1.0.0) under `webhooks:`,
# one entry per event name. progenitor reads only OpenAPI 3.0.x and generates from
# `paths`, so this file is written as 3.0.3 and describes the delivery itself as one
# operation: Zoom POSTs every event, signed, to the app's Event Notification Endpoint
# URL (`/` here). The generated client can therefore deliver signed events to a
# receiver, which is what tests of a receiver need. Sources: Zoom's Cobrowse SDK
# webhook reference (event schemas and examples) and
# shared/reference/zoom-cobrowse-api.md (signature, url_validation).
#
# Local decisions:
# - each event, payload and object is a named component, so Rust types have real names.
# - every object field is optional except `session_id` (Zoom marks more required):
#   one missing field must not fail a delivery that was signed and sent.
# - no schema sets additionalProperties: false (Zoom's does), so fields Zoom adds
#   never break decoding; the receiver keeps the raw JSON of every event as well.
# - `role_type` is the API's open RoleType enum; `end_reason` and `leave_reason`
#   are plain strings whose known values are listed, since Zoom adds reasons.
# - `endpoint.url_validation` is not in Zoom's Cobrowse spec; it is the challenge
#   every Zoom webhook endpoint must answer, so it is modelled here too.
# - the request body is the generic `WebhookEvent` envelope, not a oneOf of the
#   events: the events differ only in `event`, so an untagged oneOf would decode
#   every event as the first variant. The receiver decodes by `event` name instead.
#
# Invariants (zoom_cobrowse_codegen::check_webhook_invariants): no
# additionalProperties: false, every event object (`*Object`) requires exactly
# session_id, and no oneOf variant shadowed by an earlier one.
";

/// Where `regen` reads the API from.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// The current spec, rendered back into Zoom's shape.
    Spec,
    /// A document as Zoom publishes it (JSON or YAML, OpenAPI 3.0 or 3.1).
    Upstream(&'a Path),
}

/// What regen makes of a source: each file's new text, and what the import changed.
#[derive(Debug)]
pub struct Generated {
    /// `(path relative to the root, text)`, each spec before its snapshots.
    pub files: Vec<(&'static str, String)>,
    /// What down-levelling to 3.0.3 changed.
    pub notes: Notes,
}

/// Everything regen would write, computed without writing anything.
pub fn generate(root: &Path, source: Source<'_>) -> Result<Generated> {
    let overlay = Overlay::load(&root.join(OVERLAY))?;
    let upstream = match source {
        Source::Spec => render_upstream(root, &overlay)?,
        Source::Upstream(path) => doc::read(path)?,
    };
    let (spec, notes) = import(upstream, &overlay)?;
    let text = emit::yaml(&spec, HEADER)?;
    let spec_path = root.join(SPEC);
    let json = json_rendering(&spec_path, &spec, &text)?;
    // The snapshots show every option on: all the code any feature set compiles.
    let code = generate_code(&spec_path, || {
        codegen::generate_api_from_str(&spec_path, &json, Options::ALL)
    })?;
    let httpmock = generate_code(&spec_path, || {
        codegen::generate_httpmock_from_str(&spec_path, &json)
    })?;
    let surface = surface::summarize(SPEC, &spec, &code)?;

    let webhook_path = root.join(WEBHOOK_SPEC);
    let mut webhooks = doc::read(&webhook_path)?;
    openapi::canonicalize(&mut webhooks)?;
    let webhook_text = emit::yaml(&webhooks, WEBHOOK_HEADER)?;
    let webhook_json = json_rendering(&webhook_path, &webhooks, &webhook_text)?;
    let webhook_code = generate_code(&webhook_path, || {
        codegen::generate_webhooks_from_str(&webhook_path, &webhook_json, Options::ALL)
    })?;
    let webhook_surface = surface::summarize(WEBHOOK_SPEC, &webhooks, &webhook_code)?;
    Ok(Generated {
        files: vec![
            (SPEC, text),
            (SPEC_JSON, json),
            (CODE_SNAPSHOT, code),
            (HTTPMOCK_SNAPSHOT, httpmock),
            (SURFACE_SNAPSHOT, surface),
            (WEBHOOK_SPEC, webhook_text),
            (WEBHOOK_SPEC_JSON, webhook_json),
            (WEBHOOK_CODE_SNAPSHOT, webhook_code),
            (WEBHOOK_SURFACE_SNAPSHOT, webhook_surface),
        ],
        notes,
    })
}

/// The JSON build.rs reads for the spec `doc`, whose canonical YAML is `yaml`.
/// Both are parsed as OpenAPI and compared, so what users compile is what the
/// YAML, which people edit and review, says.
fn json_rendering(spec_path: &Path, doc: &Value, yaml: &str) -> Result<String> {
    let json = emit::json(doc)?;
    let from_json = codegen::parse_spec(spec_path, &json).map_err(|e| Error::new(e.to_string()))?;
    let from_yaml: openapiv3::OpenAPI =
        serde_norway::from_str(yaml).map_err(|e| Error::in_file(spec_path, e))?;
    if from_json != from_yaml {
        return Err(Error::in_file(
            spec_path,
            "its JSON rendering reads as another OpenAPI document than the YAML (an emitter bug)",
        ));
    }
    Ok(json)
}

/// Zoom's document → our spec, in canonical order.
pub fn import(mut spec: Value, overlay: &Overlay) -> Result<(Value, Notes)> {
    let notes = dialect::to_3_0(&mut spec)?;
    zoom::adopt(&mut spec)?;
    overlay.apply(&mut spec)?;
    openapi::canonicalize(&mut spec)?;
    Ok((spec, notes))
}

/// Our spec as Zoom would publish it: OpenAPI 3.1.1, Zoom's operationIds, every
/// schema inline, no overlay fix applied.
pub fn render_upstream(root: &Path, overlay: &Overlay) -> Result<Value> {
    let mut spec = doc::read(&root.join(SPEC))?;
    overlay.unapply(&mut spec)?;
    dialect::to_3_1(&mut spec)?;
    Ok(spec)
}

/// [`render_upstream`] as the pretty JSON of the fixture.
pub fn render_upstream_json(root: &Path) -> Result<String> {
    let overlay = Overlay::load(&root.join(OVERLAY))?;
    emit::json(&render_upstream(root, &overlay)?)
}

/// Generates code as build.rs does, from the JSON, formatted for review; a
/// generator panic becomes an error that names the spec.
fn generate_code(
    spec_path: &Path,
    generate: impl FnOnce() -> std::result::Result<codegen::Code, codegen::CodegenError>
    + std::panic::UnwindSafe,
) -> Result<String> {
    std::panic::catch_unwind(generate)
        .map_err(|panic| {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            Error::in_file(spec_path, format!("progenitor panicked: {message}"))
        })?
        .and_then(|code| code.to_pretty_source())
        .map_err(|e| Error::new(e.to_string()))
}

/// A file whose committed text differs from what regen makes.
#[derive(Debug)]
pub struct Change {
    /// Path relative to the root.
    pub path: &'static str,
    /// The committed text (empty when the file is missing).
    pub old: String,
    /// What regen makes.
    pub new: String,
}

impl Change {
    /// `+added -removed` lines.
    pub fn line_counts(&self) -> (usize, usize) {
        diff::line_counts(&self.old, &self.new)
    }

    /// A unified diff, committed → regenerated, at most `max_lines` long.
    pub fn unified_diff(&self, max_lines: usize) -> String {
        let labels = (
            &format!("{} (committed)", self.path),
            &format!("{} (regen)", self.path),
        );
        diff::unified((labels.0, labels.1), &self.old, &self.new, max_lines)
    }
}

/// The files whose committed text differs from `generated`.
pub fn changes(root: &Path, generated: Generated) -> Vec<Change> {
    generated
        .files
        .into_iter()
        .filter_map(|(path, new)| {
            let old = std::fs::read_to_string(root.join(path)).unwrap_or_default();
            (old != new).then_some(Change { path, old, new })
        })
        .collect()
}

/// Writes each changed file.
pub fn write(root: &Path, changes: &[Change]) -> Result<()> {
    for change in changes {
        let path: PathBuf = root.join(change.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::in_file(dir, e))?;
        }
        std::fs::write(&path, &change.new).map_err(|e| Error::in_file(&path, e))?;
    }
    Ok(())
}

/// What to tell a maintainer about a stale file.
pub fn why_stale(path: &str) -> &'static str {
    match path {
        SPEC => {
            "is not what regen makes of it: edited by hand, not in canonical form, or \
             openapi/overlay.yaml changed since the last regen"
        }
        SPEC_JSON | WEBHOOK_SPEC_JSON => {
            "is not the JSON rendering of its YAML spec, which build.rs generates from: \
             edit the YAML (never the JSON) and run regen"
        }
        CODE_SNAPSHOT => "does not match the client generated from the spec",
        HTTPMOCK_SNAPSHOT => "does not match the httpmock helpers generated from the spec",
        SURFACE_SNAPSHOT => "does not match the API surface of the spec",
        WEBHOOK_SPEC => {
            "is not what regen makes of it: edited by hand without running regen, or \
             not in canonical form (key order, folding, header)"
        }
        WEBHOOK_CODE_SNAPSHOT => "does not match the webhook types generated from the webhook spec",
        WEBHOOK_SURFACE_SNAPSHOT => "does not match the surface of the webhook spec",
        _ => "is out of date",
    }
}
