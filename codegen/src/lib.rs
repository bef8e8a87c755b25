//! The one place where zoom-cobrowse's generator settings live.
//!
//! `build.rs` calls [`generate_api`] to produce the client it compiles, and
//! `cargo xtask regen` calls the same function to write the reviewable snapshot,
//! so the two can never disagree about what the spec turns into.

use std::fmt;
use std::path::{Path, PathBuf};

use openapiv3::OpenAPI;
use progenitor_impl::{
    GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl,
};
use quote::quote;

/// The API spec, relative to the workspace root.
pub const API_SPEC: &str = "openapi/cobrowse.yaml";

/// Hand-written types that replace generated ones: `(schema name, Rust path, impls)`.
///
/// Open enums keep values Zoom adds later instead of failing the whole page;
/// `SessionDuration` keeps Zoom's text and parses it on demand.
const REPLACEMENTS: &[(&str, &str, &[TypeImpl])] = &[
    (
        "RoleType",
        "crate::enums::RoleType",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "DataCenter",
        "crate::enums::DataCenter",
        &[TypeImpl::Display, TypeImpl::FromStr],
    ),
    (
        "SessionDuration",
        "crate::duration::SessionDuration",
        &[TypeImpl::Display],
    ),
];

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

/// The generator settings of the API client.
pub fn api_settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote!(crate::transport::Transport))
        .with_hooks(HooksMode::Expected)
        .with_derive("PartialEq")
        .with_derive("schemars::JsonSchema");
    for (schema, rust_path, impls) in REPLACEMENTS {
        settings.with_replacement(schema, rust_path, impls.iter().cloned());
    }
    settings
}

/// Reads and parses an OpenAPI 3.0 document in YAML (or JSON, a subset of YAML).
pub fn load_spec(path: &Path) -> Result<OpenAPI, CodegenError> {
    let text = std::fs::read_to_string(path).map_err(|e| CodegenError::new(path, e))?;
    parse_spec(path, &text)
}

/// Parses spec text; `path` only names it in errors.
pub fn parse_spec(path: &Path, text: &str) -> Result<OpenAPI, CodegenError> {
    serde_norway::from_str(text)
        .map_err(|e| CodegenError::new(path, format!("not a valid OpenAPI 3.0 document: {e}")))
}

/// Generates the client, its types and the operation table from the spec at `path`,
/// as formatted Rust source.
pub fn generate_api(path: &Path) -> Result<String, CodegenError> {
    let spec = load_spec(path)?;
    check_invariants(&spec).map_err(|e| CodegenError::new(path, e))?;
    let mut generator = Generator::new(&api_settings());
    let client = generator
        .generate_tokens(&spec)
        .map_err(|e| CodegenError::new(path, format!("progenitor: {e}")))?;
    let operations = operation_table(&spec);
    render(
        path,
        quote! {
            #client
            #operations
        },
    )
}

/// The path [`generate_httpmock`]'s output glob-imports to find `types::*`: the helpers
/// are included in the crate itself (`zoom_cobrowse::mock::httpmock`).
pub const HTTPMOCK_CRATE_PATH: &str = "crate";

/// Generates progenitor's typed httpmock helpers (a `When`/`Then` pair per operation
/// and a `MockServerExt` trait) from the spec at `path`, with the client's settings so
/// the helpers take the very types the client decodes.
pub fn generate_httpmock(path: &Path) -> Result<String, CodegenError> {
    let spec = load_spec(path)?;
    check_invariants(&spec).map_err(|e| CodegenError::new(path, e))?;
    let mut generator = Generator::new(&api_settings());
    let helpers = generator
        .httpmock(&spec, HTTPMOCK_CRATE_PATH)
        .map_err(|e| CodegenError::new(path, format!("progenitor httpmock: {e}")))?;
    render(path, helpers)
}

/// Formats generated tokens as a Rust file headed "do not edit".
fn render(path: &Path, tokens: proc_macro2::TokenStream) -> Result<String, CodegenError> {
    let file = syn::parse2::<syn::File>(tokens)
        .map_err(|e| CodegenError::new(path, format!("generated code does not parse: {e}")))?;
    Ok(format!(
        "// Generated from {} by zoom-cobrowse-codegen; do not edit.\n\n{}",
        API_SPEC,
        prettyplease::unparse(&file)
    ))
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
    if let Some(components) = &spec.components {
        for (name, schema) in &components.schemas {
            if let Some(schema) = schema.as_item()
                && let openapiv3::SchemaKind::Type(openapiv3::Type::Object(obj)) =
                    &schema.schema_kind
                && matches!(
                    obj.additional_properties,
                    Some(openapiv3::AdditionalProperties::Any(false))
                )
            {
                problems.push(format!("schema {name}: additionalProperties: false breaks decoding when Zoom adds a field"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn operation_table(spec: &OpenAPI) -> proc_macro2::TokenStream {
    let rows = operations(spec).into_iter().map(|op| {
        let OperationFacts {
            id,
            zoom_id,
            method,
            path,
            rate_limit_label,
        } = op;
        let label = label_variant(&rate_limit_label);
        quote! {
            crate::operation::Operation {
                id: #id,
                zoom_id: #zoom_id,
                method: #method,
                path: #path,
                rate_limit_label: crate::operation::RateLimitLabel::#label,
            }
        }
    });
    quote! {
        /// Every operation of the spec, with the Zoom facts the runtime layer needs.
        pub const OPERATIONS: &[crate::operation::Operation] = &[#(#rows),*];
    }
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
