//! What each node of an OpenAPI document is, so that transformations reach every
//! schema (and only schemas) and the canonical form can order each object's keys.

use crate::doc::{Location, Mapping, Value};
use crate::error::Result;

/// The kind of an OpenAPI object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The root.
    Document,
    /// `info`.
    Info,
    /// An entry of `servers`.
    Server,
    /// An entry of `tags`.
    Tag,
    /// A path item.
    PathItem,
    /// An operation.
    Operation,
    /// A parameter.
    Parameter,
    /// A request body.
    RequestBody,
    /// A response.
    Response,
    /// A media type entry of `content`.
    MediaType,
    /// A header.
    Header,
    /// A schema.
    Schema,
    /// `components`.
    Components,
    /// A security scheme.
    SecurityScheme,
    /// Anything else: examples, extensions, security requirements. Kept as written.
    Data,
}

/// How the value under a key relates to its parent.
#[derive(Clone, Copy)]
enum Shape {
    One(Kind),
    MapOf(Kind),
    SeqOf(Kind),
}

fn child(kind: Kind, key: &str) -> Shape {
    use Kind::*;
    use Shape::*;
    match (kind, key) {
        (Document, "info") => One(Info),
        (Document, "servers") | (PathItem, "servers") | (Operation, "servers") => SeqOf(Server),
        (Document, "tags") => SeqOf(Tag),
        (Document, "paths") | (Document, "webhooks") => MapOf(PathItem),
        (Document, "components") => One(Components),
        (PathItem, "parameters") | (Operation, "parameters") => SeqOf(Parameter),
        (PathItem, method) if crate::doc::HTTP_METHODS.contains(&method) => One(Operation),
        (Operation, "requestBody") => One(RequestBody),
        (Operation, "responses") => MapOf(Response),
        (Parameter, "schema") | (Header, "schema") | (MediaType, "schema") => One(Schema),
        (Parameter, "content")
        | (Header, "content")
        | (RequestBody, "content")
        | (Response, "content") => MapOf(MediaType),
        (Response, "headers") => MapOf(Header),
        (Schema, "properties" | "patternProperties" | "$defs") => MapOf(Schema),
        (Schema, "items" | "not" | "additionalProperties") => One(Schema),
        (Schema, "allOf" | "anyOf" | "oneOf" | "prefixItems") => SeqOf(Schema),
        (Components, "schemas") => MapOf(Schema),
        (Components, "parameters") => MapOf(Parameter),
        (Components, "responses") => MapOf(Response),
        (Components, "requestBodies") => MapOf(RequestBody),
        (Components, "headers") => MapOf(Header),
        (Components, "securitySchemes") => MapOf(SecurityScheme),
        (Components, "pathItems") => MapOf(PathItem),
        _ => One(Data),
    }
}

/// Calls `visit` on every object node of `doc` with its kind and location, parents
/// before children; children are found in the node as `visit` left it.
pub fn walk(
    doc: &mut Value,
    visit: &mut impl FnMut(Kind, &mut Mapping, &Location) -> Result<()>,
) -> Result<()> {
    walk_node(doc, Kind::Document, &Location::default(), visit)
}

fn walk_node(
    node: &mut Value,
    kind: Kind,
    at: &Location,
    visit: &mut impl FnMut(Kind, &mut Mapping, &Location) -> Result<()>,
) -> Result<()> {
    let Value::Mapping(map) = node else {
        return Ok(());
    };
    if kind == Kind::Data {
        return Ok(());
    }
    visit(kind, map, at)?;
    if map.contains_key("$ref") {
        return Ok(());
    }
    for (key, value) in map.iter_mut() {
        let Some(key) = key.as_str() else { continue };
        let at = at.join(key);
        match child(kind, key) {
            Shape::One(kind) => walk_node(value, kind, &at, visit)?,
            Shape::MapOf(kind) => {
                if let Value::Mapping(entries) = value {
                    for (name, entry) in entries.iter_mut() {
                        let name = name.as_str().unwrap_or_default();
                        walk_node(entry, kind, &at.join(name), visit)?;
                    }
                }
            }
            Shape::SeqOf(kind) => {
                if let Value::Sequence(items) = value {
                    for (i, item) in items.iter_mut().enumerate() {
                        walk_node(item, kind, &at.join(i.to_string()), visit)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The order of an object's own keys in the canonical form; keys not listed follow
/// in the order they came.
fn key_order(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Document => &[
            "openapi",
            "jsonSchemaDialect",
            "info",
            "servers",
            "tags",
            "security",
            "paths",
            "webhooks",
            "components",
            "externalDocs",
        ],
        Kind::Info => &[
            "title",
            "summary",
            "description",
            "termsOfService",
            "contact",
            "license",
            "version",
        ],
        Kind::Server => &["url", "description", "variables"],
        Kind::Tag => &["name", "description", "externalDocs"],
        Kind::PathItem => &[
            "$ref",
            "summary",
            "description",
            "servers",
            "parameters",
            "get",
            "put",
            "post",
            "delete",
            "options",
            "head",
            "patch",
            "trace",
        ],
        Kind::Operation => &[
            "tags",
            "operationId",
            "x-zoom-operation-id",
            "x-zoom-rate-limit-label",
            "x-zoom-granular-scope",
            "summary",
            "description",
            "externalDocs",
            "parameters",
            "requestBody",
            "responses",
            "callbacks",
            "deprecated",
            "security",
            "servers",
        ],
        Kind::Parameter => &[
            "$ref",
            "name",
            "in",
            "required",
            "description",
            "deprecated",
            "allowEmptyValue",
            "style",
            "explode",
            "allowReserved",
            "schema",
            "example",
            "examples",
            "content",
        ],
        Kind::RequestBody => &["$ref", "description", "required", "content"],
        Kind::Response => &["$ref", "description", "headers", "content", "links"],
        Kind::MediaType => &["schema", "example", "examples", "encoding"],
        Kind::Header => &[
            "$ref",
            "description",
            "required",
            "deprecated",
            "style",
            "explode",
            "schema",
            "example",
            "examples",
            "content",
        ],
        Kind::Schema => &[
            "$ref",
            "title",
            "type",
            "format",
            "nullable",
            "description",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "allOf",
            "oneOf",
            "anyOf",
            "not",
            "discriminator",
            "enum",
            "const",
            "minimum",
            "exclusiveMinimum",
            "maximum",
            "exclusiveMaximum",
            "multipleOf",
            "minLength",
            "maxLength",
            "pattern",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties",
            "default",
            "example",
            "examples",
            "readOnly",
            "writeOnly",
            "deprecated",
            "xml",
            "externalDocs",
        ],
        Kind::Components => &[
            "securitySchemes",
            "parameters",
            "responses",
            "requestBodies",
            "headers",
            "schemas",
            "examples",
            "links",
            "callbacks",
            "pathItems",
        ],
        Kind::SecurityScheme => &[
            "type",
            "scheme",
            "bearerFormat",
            "description",
            "name",
            "in",
            "flows",
            "openIdConnectUrl",
        ],
        Kind::Data => &[],
    }
}

/// Puts every object's keys in the canonical order, and the named components of
/// each `components` section in alphabetical order. Everything keyed by data
/// (paths, properties, status codes) keeps the order it came in.
pub fn canonicalize(doc: &mut Value) -> Result<()> {
    walk(doc, &mut |kind, map, _| {
        let order = key_order(kind);
        let rank = |key: &Value| {
            key.as_str()
                .and_then(|k| order.iter().position(|known| *known == k))
                .unwrap_or(order.len())
        };
        // A stable sort keeps unlisted keys in their original order.
        sort_mapping(map, |a, b| rank(a).cmp(&rank(b)));
        if kind == Kind::Components {
            for (_, section) in map.iter_mut() {
                if let Value::Mapping(section) = section {
                    sort_mapping(section, |a, b| a.as_str().cmp(&b.as_str()));
                }
            }
        }
        Ok(())
    })
}

fn sort_mapping(map: &mut Mapping, mut cmp: impl FnMut(&Value, &Value) -> std::cmp::Ordering) {
    let mut entries: Vec<(Value, Value)> = std::mem::take(map).into_iter().collect();
    entries.sort_by(|(a, _), (b, _)| cmp(a, b));
    map.extend(entries);
}
