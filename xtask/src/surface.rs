//! A short, diffable summary of the API surface: each operation with its method,
//! path, parameters and rate-limit label (from the spec), and each generated type
//! with its fields as Rust sees them (from the generated code). Its diff is what a
//! reviewer reads when Zoom changes the API.

use std::fmt::Write;

use quote::ToTokens;

use crate::doc::{self, Location, Value};
use crate::error::{Error, Result};
use crate::zoom;

/// The summary of `spec` (at `spec_path`, relative to the root) and the code
/// generated from it.
pub fn summarize(spec_path: &str, spec: &Value, code: &str) -> Result<String> {
    let mut out =
        format!("# API surface of {spec_path}, written by `cargo xtask regen`; do not edit.\n");
    out.push_str("\n## Operations\n");
    for (path, method, at) in doc::operations(spec) {
        operation(&mut out, spec, &path, &method, &at);
    }
    out.push_str("\n## Types\n");
    types(&mut out, code)?;
    Ok(out)
}

fn operation(out: &mut String, spec: &Value, path: &str, method: &str, at: &Location) {
    let Some(op) = doc::get(spec, at) else { return };
    let field = |key: &str| doc::str_field(op, key).unwrap_or("?");
    let _ = writeln!(
        out,
        "\n{}: {} {path}",
        field("operationId"),
        method.to_uppercase()
    );
    // Only the API's operations are Zoom's; the webhook delivery has no Zoom facts.
    if op.get(zoom::OPERATION_ID).is_some() {
        let _ = writeln!(
            out,
            "  zoom: {}, rate limit: {}",
            field(zoom::OPERATION_ID),
            field(zoom::RATE_LIMIT_LABEL),
        );
    }
    for param in op
        .get("parameters")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
    {
        let param = resolve(spec, param, "parameters");
        let required = if param.get("required").and_then(Value::as_bool) == Some(true) {
            "required"
        } else {
            "optional"
        };
        let _ = writeln!(
            out,
            "  {} {}: {}, {required}",
            doc::str_field(param, "in").unwrap_or("?"),
            doc::str_field(param, "name").unwrap_or("?"),
            param
                .get("schema")
                .map_or("?".to_string(), |s| schema_summary(spec, s)),
        );
    }
    if let Some(request) = op.get("requestBody") {
        let request = resolve(spec, request, "requestBodies");
        let _ = writeln!(out, "  body: {}", body(spec, request));
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_mapping) {
        for (status, response) in responses {
            let response = resolve(spec, response, "responses");
            let body = body(spec, response);
            let _ = writeln!(out, "  {}: {body}", status.as_str().unwrap_or("?"));
        }
    }
}

/// The schema of a request's or response's first media type (`application/json`
/// throughout the API), or `(no body)`.
fn body(spec: &Value, node: &Value) -> String {
    node.get("content")
        .and_then(Value::as_mapping)
        .and_then(|content| content.values().next())
        .and_then(|media| media.get("schema"))
        .map_or("(no body)".to_string(), |s| schema_summary(spec, s))
}

fn resolve<'a>(spec: &'a Value, node: &'a Value, section: &str) -> &'a Value {
    doc::ref_name(node, section)
        .and_then(|name| doc::get(spec, &Location::new(["components", section, name])))
        .unwrap_or(node)
}

/// `LiveSessionList`, `string(date-time)`, `integer 30..=300 default 30`, ...
fn schema_summary(spec: &Value, schema: &Value) -> String {
    if let Some(name) = doc::ref_name(schema, "schemas") {
        let named = resolve(spec, schema, "schemas");
        return match named.get("enum").and_then(Value::as_sequence) {
            Some(values) => format!("{name} ({})", scalars(values, " | ")),
            None => name.to_string(),
        };
    }
    let mut text = doc::str_field(schema, "type").unwrap_or("any").to_string();
    if let Some(format) = doc::str_field(schema, "format") {
        let _ = write!(text, "({format})");
    }
    if let Some(items) = schema.get("items") {
        text = format!("[{}]", schema_summary(spec, items));
    }
    let bound = |key| {
        schema
            .get(key)
            .map(|v| scalars(std::slice::from_ref(v), ""))
    };
    match (bound("minimum"), bound("maximum")) {
        (None, None) => {}
        (min, max) => {
            let _ = write!(
                text,
                " {}..={}",
                min.unwrap_or_default(),
                max.unwrap_or_default()
            );
        }
    }
    if let Some(default) = bound("default") {
        let _ = write!(text, " default {default}");
    }
    if schema.get("nullable").and_then(Value::as_bool) == Some(true) {
        text.push_str(" nullable");
    }
    text
}

fn scalars(values: &[Value], separator: &str) -> String {
    values
        .iter()
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => serde_norway::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// Every struct and enum of the generated `types` module, with fields or variants.
fn types(out: &mut String, code: &str) -> Result<()> {
    let file = syn::parse_file(code)
        .map_err(|e| Error::new(format!("the generated code does not parse: {e}")))?;
    let items = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|(_, items)| items),
            _ => None,
        })
        .ok_or_else(|| Error::new("the generated code has no `types` module"))?;
    for item in items {
        match item {
            syn::Item::Struct(s) => {
                let _ = writeln!(out, "\nstruct {}", s.ident);
                for field in &s.fields {
                    let name = field
                        .ident
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let default = if serde_args(&field.attrs).iter().any(|a| a == "default") {
                        " (absent: empty)"
                    } else {
                        ""
                    };
                    let _ = writeln!(out, "  {name}: {}{default}", type_text(&field.ty));
                }
            }
            syn::Item::Enum(e) => {
                let untagged = serde_args(&e.attrs).iter().any(|a| a == "untagged");
                let how = if untagged {
                    " (untagged: first variant that decodes wins)"
                } else {
                    ""
                };
                let _ = writeln!(out, "\nenum {}{how}", e.ident);
                for variant in &e.variants {
                    let rename = serde_args(&variant.attrs)
                        .into_iter()
                        .find_map(|a| a.strip_prefix("rename = ").map(str::to_string));
                    let fields = match &variant.fields {
                        syn::Fields::Unnamed(f) => {
                            let tys: Vec<String> =
                                f.unnamed.iter().map(|f| type_text(&f.ty)).collect();
                            format!("({})", tys.join(", "))
                        }
                        _ => String::new(),
                    };
                    let wire = rename.map(|r| format!(" = {r}")).unwrap_or_default();
                    let _ = writeln!(out, "  {}{fields}{wire}", variant.ident);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The comma-separated arguments of every `#[serde(...)]` attribute, as text.
fn serde_args(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .filter_map(|a| a.meta.require_list().ok())
        .flat_map(|list| {
            list.tokens
                .to_string()
                .split(',')
                .map(|arg| arg.trim().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A Rust type as a reader writes it: `Option<Vec<SessionUser>>`, keeping the
/// full path only for the crate's own hand-written types.
fn type_text(ty: &syn::Type) -> String {
    let syn::Type::Path(path) = ty else {
        return ty.to_token_stream().to_string();
    };
    let segments = &path.path.segments;
    let own_type =
        path.path.leading_colon.is_none() && segments.first().is_some_and(|s| s.ident == "crate");
    let shown: Vec<&syn::PathSegment> = if own_type {
        segments.iter().collect()
    } else {
        segments.iter().last().into_iter().collect()
    };
    shown
        .iter()
        .map(|segment| {
            let mut text = segment.ident.to_string();
            if let syn::PathArguments::AngleBracketed(args) = &segment.arguments {
                let args: Vec<String> = args
                    .args
                    .iter()
                    .map(|arg| match arg {
                        syn::GenericArgument::Type(ty) => type_text(ty),
                        other => other.to_token_stream().to_string(),
                    })
                    .collect();
                let _ = write!(text, "<{}>", args.join(", "));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("::")
}
