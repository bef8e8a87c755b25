//! The one place where zoom-cobrowse's generator settings live.
//!
//! `build.rs` calls [`generate_api`] and [`generate_webhooks`] to produce the code it
//! compiles, and `cargo xtask regen` calls the same functions to write the reviewable
//! snapshots, so the two can never disagree about what a spec turns into.
//!
//! The specs are edited as YAML (`openapi/*.yaml`); `cargo xtask regen` writes each
//! as JSON beside it, which is what this crate reads, so the SDK's users compile no
//! YAML parser. The snapshots are formatted with prettyplease under the feature
//! `pretty`, which only `cargo xtask` enables: `build.rs` writes code no one reads.
#![deny(missing_docs)]

use std::fmt;
use std::path::{Path, PathBuf};

use openapiv3::OpenAPI;
use progenitor_impl::{
    GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl,
};
use quote::quote;

/// The API spec as people edit it, relative to the workspace root.
pub const API_SPEC: &str = "openapi/cobrowse.yaml";

/// [`API_SPEC`] as JSON, written by `cargo xtask regen`: what `build.rs` generates from.
pub const API_SPEC_JSON: &str = "openapi/cobrowse.json";

/// The webhook spec (events Zoom pushes, and their delivery) as people edit it,
/// relative to the workspace root.
pub const WEBHOOK_SPEC: &str = "openapi/cobrowse-webhooks.yaml";

/// [`WEBHOOK_SPEC`] as JSON, written by `cargo xtask regen`: what `build.rs` generates from.
pub const WEBHOOK_SPEC_JSON: &str = "openapi/cobrowse-webhooks.json";

/// Hand-written types that replace generated ones: `(schema name, Rust path, impls)`.
///
/// Open enums keep values Zoom adds later instead of failing the whole page;
/// `SessionDuration` keeps Zoom's text and parses it on demand; `SessionDetail`
/// decodes get-session's live-or-past answer in one pass instead of serde's
/// untagged buffering (its variants stay the generated structs). Its path is the
/// public re-export, which the simulator's generated httpmock helpers also reach.
const REPLACEMENTS: &[(&str, &str, &[TypeImpl])] = &[
    (
        "RoleType",
        "crate::open_enums::RoleType",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "DataCenter",
        "crate::open_enums::DataCenter",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "SessionDuration",
        "crate::session_duration::SessionDuration",
        &[TypeImpl::Display],
    ),
    ("SessionDetail", "crate::types::SessionDetail", &[]),
];

/// What the generated code contains beyond the client and its types: the choices
/// the SDK's cargo features make, which `build.rs` reads from its environment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Derive `schemars::JsonSchema` for every generated type: the SDK's feature
    /// `schemars`, off by default so users who need no JSON Schema compile no schemars.
    pub schemars: bool,
}

impl Options {
    /// Every option on: what the reviewable snapshots show, so that they show all
    /// the code any feature set compiles.
    pub const ALL: Self = Self { schemars: true };
}

/// Why generation failed, naming the file and the problem.
#[derive(Debug)]
pub struct CodegenError {
    path: PathBuf,
    problem: String,
}

impl CodegenError {
    fn new(path: &Path, problem: impl fmt::Display) -> Self {
        Self {
            path: path.to_path_buf(),
            problem: problem.to_string(),
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for CodegenError {}

/// The settings both specs share: builder interface, derives, hand-written types.
fn common_settings(options: Options) -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq");
    if options.schemars {
        settings.with_derive("schemars::JsonSchema");
    }
    for (schema, rust_path, impls) in REPLACEMENTS {
        settings.with_replacement(schema, rust_path, impls.iter().cloned());
    }
    settings
}

/// The generator settings of the API client.
pub fn api_settings(options: Options) -> GenerationSettings {
    let mut settings = common_settings(options);
    settings
        .with_inner_type(quote!(crate::transport::Transport))
        .with_hooks(HooksMode::Expected);
    settings
}

/// The generator settings of the webhook types and their delivery client. The
/// delivery client posts to a receiver, not to Zoom, so it takes none of the API
/// client's transport (auth, retries, rate limits) and keeps progenitor's default hooks.
pub fn webhook_settings(options: Options) -> GenerationSettings {
    common_settings(options)
}

/// Reads and parses an OpenAPI 3.0 document in JSON.
pub fn load_spec(path: &Path) -> Result<OpenAPI, CodegenError> {
    let text = read(path)?;
    parse_spec(path, &text)
}

fn read(path: &Path) -> Result<String, CodegenError> {
    std::fs::read_to_string(path).map_err(|e| CodegenError::new(path, e))
}

/// Parses the JSON text of an OpenAPI 3.0 document; `path` only names it in errors.
pub fn parse_spec(path: &Path, text: &str) -> Result<OpenAPI, CodegenError> {
    serde_json::from_str(text)
        .map_err(|e| CodegenError::new(path, format!("not a valid OpenAPI 3.0 document: {e}")))
}

/// Generated Rust, headed "do not edit" and naming the spec it came from.
#[derive(Clone, Debug)]
pub struct Code {
    /// The spec the header names: the YAML people edit.
    spec_name: &'static str,
    tokens: proc_macro2::TokenStream,
}

impl Code {
    fn header(&self) -> String {
        format!(
            "// Generated from {} by zoom-cobrowse-codegen; do not edit.\n\n",
            self.spec_name
        )
    }

    /// The source as the compiler reads it, unformatted: what `build.rs` writes.
    pub fn to_source(&self) -> String {
        self.header() + &self.tokens.to_string()
    }

    /// The source formatted for people: what the reviewable snapshots hold.
    #[cfg(feature = "pretty")]
    pub fn to_pretty_source(&self) -> Result<String, CodegenError> {
        let file = syn::parse2::<syn::File>(self.tokens.clone()).map_err(|e| {
            let spec = Path::new(self.spec_name);
            CodegenError::new(spec, format!("generated code does not parse: {e}"))
        })?;
        Ok(self.header() + &prettyplease::unparse(&file))
    }
}

/// Generates the client, its types and the operation table from the JSON spec at
/// `path`.
pub fn generate_api(path: &Path, options: Options) -> Result<Code, CodegenError> {
    let text = read(path)?;
    generate_api_from_str(path, &text, options)
}

/// [`generate_api`] on JSON spec text not yet written to disk (`cargo xtask regen`
/// validates before it writes); `path` only names it in errors.
pub fn generate_api_from_str(
    path: &Path,
    text: &str,
    options: Options,
) -> Result<Code, CodegenError> {
    let spec = parse_spec(path, text)?;
    check_invariants(&spec).map_err(|e| CodegenError::new(path, e))?;
    let operations = operation_table(&spec);
    let client = progenitor(path, &spec, &api_settings(options))?;
    Ok(Code {
        spec_name: API_SPEC,
        tokens: quote! {
            #client
            #operations
        },
    })
}

/// Generates the webhook event types and the delivery client from the JSON spec at
/// `path`.
pub fn generate_webhooks(path: &Path, options: Options) -> Result<Code, CodegenError> {
    let text = read(path)?;
    generate_webhooks_from_str(path, &text, options)
}

/// [`generate_webhooks`] on JSON spec text not yet written to disk (`cargo xtask
/// regen` validates before it writes); `path` only names it in errors.
pub fn generate_webhooks_from_str(
    path: &Path,
    text: &str,
    options: Options,
) -> Result<Code, CodegenError> {
    let spec = parse_spec(path, text)?;
    check_webhook_invariants(&spec).map_err(|e| CodegenError::new(path, e))?;
    Ok(Code {
        spec_name: WEBHOOK_SPEC,
        tokens: progenitor(path, &spec, &webhook_settings(options))?,
    })
}

/// The path [`generate_httpmock_from_str`]'s output glob-imports to find `types::*`:
/// the helpers live in the simulator crate (`zoom_cobrowse_mock::httpmock`), beside
/// the SDK.
pub const HTTPMOCK_CRATE_PATH: &str = "zoom_cobrowse";

/// Generates progenitor's typed httpmock helpers (a `When`/`Then` pair per operation
/// and a `MockServerExt` trait) from the JSON text of the API spec, with the
/// client's settings so the helpers take the very types the client decodes (what
/// those types derive does not change the helpers); `path` only names it in errors.
/// `cargo xtask regen` checks the helpers in, so the simulator crate needs no spec.
pub fn generate_httpmock_from_str(path: &Path, text: &str) -> Result<Code, CodegenError> {
    let spec = parse_spec(path, text)?;
    check_invariants(&spec).map_err(|e| CodegenError::new(path, e))?;
    let mut generator = Generator::new(&api_settings(Options::default()));
    let helpers = generator
        .httpmock(&spec, HTTPMOCK_CRATE_PATH)
        .map_err(|e| CodegenError::new(path, format!("progenitor httpmock: {e}")))?;
    Ok(Code {
        spec_name: API_SPEC,
        tokens: helpers,
    })
}

/// Runs progenitor's client generator with `settings`.
fn progenitor(
    path: &Path,
    spec: &OpenAPI,
    settings: &GenerationSettings,
) -> Result<proc_macro2::TokenStream, CodegenError> {
    Generator::new(settings)
        .generate_tokens(spec)
        .map_err(|e| CodegenError::new(path, format!("progenitor: {e}")))
}

/// The Zoom facts of one operation that the hand-written layer needs at run time.
pub struct OperationFacts {
    /// Our operationId, as progenitor passes it to the hooks.
    pub id: String,
    /// Zoom's own operationId (`x-zoom-operation-id`).
    pub zoom_id: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// Zoom's rate-limit label (`x-zoom-rate-limit-label`), e.g. `LIGHT`.
    pub rate_limit_label: String,
}

/// Each operation's facts, in path order.
pub fn operations(spec: &OpenAPI) -> Vec<OperationFacts> {
    spec.paths
        .iter()
        .filter_map(|(path, item)| item.as_item().map(|item| (path, item)))
        .flat_map(|(path, item)| {
            item.iter().map(move |(method, op)| {
                let ext = |key: &str| {
                    op.extensions
                        .get(key)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                OperationFacts {
                    id: op.operation_id.clone().unwrap_or_default(),
                    zoom_id: ext("x-zoom-operation-id"),
                    method: method.to_uppercase(),
                    path: path.clone(),
                    rate_limit_label: ext("x-zoom-rate-limit-label"),
                }
            })
        })
        .collect()
}

/// Our own rules on top of OpenAPI's: what the hand-written layer relies on.
pub fn check_invariants(spec: &OpenAPI) -> Result<(), String> {
    let mut problems = Vec::new();
    for op in operations(spec) {
        let name = format!("{} {}", op.method, op.path);
        if op.id.is_empty() || !op.id.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            problems.push(format!(
                "{name}: operationId must be snake_case, got {:?}",
                op.id
            ));
        }
        if op.zoom_id.is_empty() {
            problems.push(format!("{name}: x-zoom-operation-id is missing"));
        }
        if label_variant(&op.rate_limit_label).is_none() {
            problems.push(format!(
                "{name}: x-zoom-rate-limit-label must be LIGHT, MEDIUM, HEAVY or RESOURCE-INTENSIVE, got {:?}",
                op.rate_limit_label
            ));
        }
    }
    problems.extend(error_body_problems(spec));
    problems.extend(shadowed_variants(spec));
    check_open_objects(spec, &mut problems);
    verdict(problems)
}

/// Our rules for the webhook spec: objects stay open, and an event's `object`
/// requires nothing but `session_id`, so one missing field never fails a delivery.
pub fn check_webhook_invariants(spec: &OpenAPI) -> Result<(), String> {
    let mut problems = Vec::new();
    check_open_objects(spec, &mut problems);
    for (name, obj) in object_schemas(spec) {
        if name.ends_with("Object") && obj.required != ["session_id"] {
            problems.push(format!(
                "schema {name}: an event object must require exactly [session_id], got {:?}",
                obj.required
            ));
        }
    }
    problems.extend(shadowed_variants(spec));
    verdict(problems)
}

fn verdict(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn check_open_objects(spec: &OpenAPI, problems: &mut Vec<String>) {
    for (name, obj) in object_schemas(spec) {
        if matches!(
            obj.additional_properties,
            Some(openapiv3::AdditionalProperties::Any(false))
        ) {
            problems.push(format!(
                "schema {name}: additionalProperties: false breaks decoding when Zoom adds a field"
            ));
        }
    }
}

/// The component schemas that are objects, by name.
fn object_schemas(spec: &OpenAPI) -> impl Iterator<Item = (&String, &openapiv3::ObjectType)> {
    spec.components
        .iter()
        .flat_map(|c| &c.schemas)
        .filter_map(|(name, schema)| match &schema.as_item()?.schema_kind {
            openapiv3::SchemaKind::Type(openapiv3::Type::Object(obj)) => Some((name, obj)),
            _ => None,
        })
}

/// The `Operation` enum: one variant per operation, with its Zoom facts, so the
/// hand-written layer and the simulator name operations by type, not by string.
fn operation_table(spec: &OpenAPI) -> proc_macro2::TokenStream {
    let facts = operations(spec);
    let variants: Vec<_> = facts.iter().map(|op| variant_name(&op.id)).collect();
    let docs = facts
        .iter()
        .map(|op| format!(" `{} {}` (`{}`).", op.method, op.path, op.id));
    let column = |field: fn(&OperationFacts) -> &str| {
        let values = facts.iter().map(field);
        let variants = &variants;
        quote! { match self { #(Self::#variants => #values),* } }
    };
    let ids = column(|op| &op.id);
    let zoom_ids = column(|op| &op.zoom_id);
    let methods = column(|op| &op.method);
    let paths = column(|op| &op.path);
    let labels = facts.iter().map(|op| label_variant(&op.rate_limit_label));
    let id_values = facts.iter().map(|op| &op.id);
    quote! {
        /// One operation of the API, generated from the spec with its Zoom facts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Operation {
            #(#[doc = #docs] #variants,)*
        }

        impl Operation {
            /// Every operation of the API, in path order.
            pub const ALL: &'static [Operation] = &[#(Self::#variants),*];

            /// Our operationId, e.g. `list_past_sessions`.
            pub const fn id(self) -> &'static str { #ids }

            /// Zoom's own operationId, e.g. `Listpastsession`.
            pub const fn zoom_id(self) -> &'static str { #zoom_ids }

            /// The HTTP method.
            pub const fn method(self) -> &'static str { #methods }

            /// The path template, e.g. `/cobrowsesdk/sessions/{sessionId}`.
            pub const fn path(self) -> &'static str { #paths }

            /// The Zoom rate-limit budget this operation spends.
            pub const fn rate_limit_label(self) -> crate::RateLimitLabel {
                match self { #(Self::#variants => crate::RateLimitLabel::#labels),* }
            }

            /// The operation whose operationId is `id`.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { #(#id_values => Some(Self::#variants),)* _ => None }
            }
        }
    }
}

/// `list_past_sessions` → `ListPastSessions`.
fn variant_name(id: &str) -> proc_macro2::Ident {
    let name: String = id
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    proc_macro2::Ident::new(&name, proc_macro2::Span::call_site())
}

/// The `RateLimitLabel` variant of a Zoom label.
fn label_variant(label: &str) -> Option<proc_macro2::Ident> {
    let name = match label {
        "LIGHT" => "Light",
        "MEDIUM" => "Medium",
        "HEAVY" => "Heavy",
        "RESOURCE-INTENSIVE" => "ResourceIntensive",
        _ => return None,
    };
    Some(proc_macro2::Ident::new(
        name,
        proc_macro2::Span::call_site(),
    ))
}

/// Every error answer must decode as `ZoomError`: progenitor allows one error type
/// per operation (two panic it), and the hand-written layer reads code and message.
fn error_body_problems(spec: &OpenAPI) -> Vec<String> {
    use openapiv3::ReferenceOr;
    let components = spec.components.as_ref();
    let mut problems = Vec::new();
    for (path, item) in spec.paths.iter() {
        let Some(item) = item.as_item() else { continue };
        for (method, op) in item.iter() {
            let statuses = op
                .responses
                .responses
                .iter()
                .map(|(status, r)| (status.to_string(), r));
            let errors = statuses
                .filter(|(status, _)| !status.starts_with('2'))
                .chain(
                    op.responses
                        .default
                        .iter()
                        .map(|r| ("default".to_string(), r)),
                );
            for (status, response) in errors {
                let response = match response {
                    ReferenceOr::Item(r) => Some(r),
                    ReferenceOr::Reference { reference } => reference
                        .strip_prefix("#/components/responses/")
                        .and_then(|name| components?.responses.get(name)?.as_item()),
                };
                let schema = response
                    .and_then(|r| r.content.get("application/json"))
                    .and_then(|m| m.schema.as_ref());
                if !matches!(schema, Some(ReferenceOr::Reference { reference })
                    if reference == "#/components/schemas/ZoomError")
                {
                    problems.push(format!(
                        "{} {path}: response {status} must have an application/json ZoomError body",
                        method.to_uppercase()
                    ));
                }
            }
        }
    }
    problems
}

/// A generated untagged enum takes the first variant that decodes, and unknown
/// fields are ignored: a variant that requires only a subset of a later variant's
/// fields decodes every value of the later one, which is then never chosen.
fn shadowed_variants(spec: &OpenAPI) -> Vec<String> {
    use openapiv3::{ReferenceOr, SchemaKind, Type};
    let Some(components) = &spec.components else {
        return Vec::new();
    };
    let required = |variant: &ReferenceOr<openapiv3::Schema>| {
        let name = match variant {
            ReferenceOr::Reference { reference } => {
                reference.strip_prefix("#/components/schemas/")?
            }
            ReferenceOr::Item(_) => return None,
        };
        match &components.schemas.get(name)?.as_item()?.schema_kind {
            SchemaKind::Type(Type::Object(obj)) => Some((name.to_string(), obj.required.clone())),
            _ => None,
        }
    };
    let mut problems = Vec::new();
    for (name, schema) in &components.schemas {
        let Some(SchemaKind::OneOf { one_of }) = schema.as_item().map(|s| &s.schema_kind) else {
            continue;
        };
        let variants: Vec<_> = one_of.iter().filter_map(required).collect();
        for (i, (earlier, earlier_required)) in variants.iter().enumerate() {
            for (later, later_required) in &variants[i + 1..] {
                if earlier_required.iter().all(|f| later_required.contains(f)) {
                    problems.push(format!(
                        "schema {name}: oneOf variant {later} can never be chosen: {earlier} comes \
                         first and requires only {earlier_required:?}; list {later} first"
                    ));
                }
            }
        }
    }
    problems
}
