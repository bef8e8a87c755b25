//! Rust syntax for the pieces of rustdoc's JSON a public-API listing shows: types,
//! generics, bounds, function signatures and `cfg` conditions.
//!
//! Everything is read from `serde_json::Value` rather than a `rustdoc-types` release,
//! which would pin one `format_version`; [`crate::api_listing`] checks the version.
//! A shape this renderer does not know becomes `_` instead of an error: one odd type
//! should blur one line of the listing, not stop the semver check.

use std::collections::HashMap;

use serde_json::Value;

/// Full paths of std items that every Rust file can name without a `use` (the
/// 2024 prelude), shortened in the listing so signatures read like the source.
const PRELUDE: &[(&str, &str)] = &[
    ("alloc::borrow::ToOwned", "ToOwned"),
    ("alloc::boxed::Box", "Box"),
    ("alloc::string::String", "String"),
    ("alloc::string::ToString", "ToString"),
    ("alloc::vec::Vec", "Vec"),
    ("core::clone::Clone", "Clone"),
    ("core::cmp::Eq", "Eq"),
    ("core::cmp::Ord", "Ord"),
    ("core::cmp::PartialEq", "PartialEq"),
    ("core::cmp::PartialOrd", "PartialOrd"),
    ("core::convert::AsMut", "AsMut"),
    ("core::convert::AsRef", "AsRef"),
    ("core::convert::From", "From"),
    ("core::convert::Into", "Into"),
    ("core::convert::TryFrom", "TryFrom"),
    ("core::convert::TryInto", "TryInto"),
    ("core::default::Default", "Default"),
    ("core::future::future::Future", "Future"),
    ("core::future::into_future::IntoFuture", "IntoFuture"),
    ("core::iter::traits::collect::Extend", "Extend"),
    ("core::iter::traits::collect::FromIterator", "FromIterator"),
    ("core::iter::traits::collect::IntoIterator", "IntoIterator"),
    (
        "core::iter::traits::double_ended::DoubleEndedIterator",
        "DoubleEndedIterator",
    ),
    (
        "core::iter::traits::exact_size::ExactSizeIterator",
        "ExactSizeIterator",
    ),
    ("core::iter::traits::iterator::Iterator", "Iterator"),
    ("core::marker::Copy", "Copy"),
    ("core::marker::Send", "Send"),
    ("core::marker::Sized", "Sized"),
    ("core::marker::Sync", "Sync"),
    ("core::marker::Unpin", "Unpin"),
    ("core::ops::drop::Drop", "Drop"),
    ("core::ops::function::Fn", "Fn"),
    ("core::ops::function::FnMut", "FnMut"),
    ("core::ops::function::FnOnce", "FnOnce"),
    ("core::option::Option", "Option"),
    ("core::result::Result", "Result"),
];

/// How to name the items a type refers to.
pub struct Names<'a> {
    /// rustdoc's `paths` table: id → the item's defining path (private modules
    /// included) for every item the crate mentions.
    pub paths: &'a serde_json::Map<String, Value>,
    /// The public path chosen for each of this crate's items reachable from its root.
    pub public: HashMap<String, String>,
}

impl Names<'_> {
    /// The name a signature should use for the item `id`, written `written` in the
    /// source: the public path for this crate's items, the defining path (prelude
    /// items shortened) for other crates', and the source's spelling otherwise.
    fn path(&self, id: &Value, written: &str, this: Option<(&str, &str)>) -> String {
        let id = id_key(id);
        if let (Some((self_id, self_path)), Some(id)) = (this, id.as_deref())
            && self_id == id
        {
            return self_path.to_string();
        }
        let Some(id) = id else {
            return written.to_string();
        };
        if let Some(public) = self.public.get(&id) {
            return public.clone();
        }
        let Some(segments) = self
            .paths
            .get(&id)
            .and_then(|entry| entry["path"].as_array())
        else {
            return written.to_string();
        };
        let full = segments
            .iter()
            .map(|s| s.as_str().unwrap_or("_"))
            .collect::<Vec<_>>()
            .join("::");
        match PRELUDE.iter().find(|(path, _)| *path == full) {
            Some((_, short)) => (*short).to_string(),
            None => full,
        }
    }
}

/// An item id as the key of rustdoc's `index` and `paths` maps.
pub fn id_key(id: &Value) -> Option<String> {
    id.as_u64().map(|n| n.to_string())
}

/// Renders types, with one item (the type whose impls are listed) named by the
/// path it was reached by rather than its chosen public path.
pub struct Renderer<'a> {
    names: &'a Names<'a>,
    this: Option<(&'a str, &'a str)>,
}

impl<'a> Renderer<'a> {
    /// A renderer naming items through `names`.
    pub fn new(names: &'a Names<'a>) -> Self {
        Self { names, this: None }
    }

    /// The same renderer, naming item `id` as `path`.
    pub fn with_this<'b>(&'b self, id: &'b str, path: &'b str) -> Renderer<'b> {
        Renderer {
            names: self.names,
            this: Some((id, path)),
        }
    }

    /// A type.
    pub fn ty(&self, ty: &Value) -> String {
        let Some((kind, inner)) = single(ty) else {
            return "_".into();
        };
        match kind {
            "resolved_path" => self.path(inner),
            "dyn_trait" => {
                let mut parts: Vec<String> = inner["traits"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|poly| {
                        format!(
                            "{}{}",
                            self.hrtb(&poly["generic_params"]),
                            self.path(&poly["trait"])
                        )
                    })
                    .collect();
                parts.extend(inner["lifetime"].as_str().map(str::to_string));
                format!("dyn {}", parts.join(" + "))
            }
            "generic" | "primitive" => inner.as_str().unwrap_or("_").to_string(),
            "function_pointer" => {
                let header = header(&inner["header"]);
                let sig = self.sig(&inner["sig"], false);
                format!("{}{header}fn{sig}", self.hrtb(&inner["generic_params"]))
            }
            "tuple" => {
                let items: Vec<String> = list(inner).map(|t| self.ty(t)).collect();
                match items.as_slice() {
                    [one] => format!("({one},)"),
                    _ => format!("({})", items.join(", ")),
                }
            }
            "slice" => format!("[{}]", self.ty(inner)),
            "array" => format!(
                "[{}; {}]",
                self.ty(&inner["type"]),
                inner["len"].as_str().unwrap_or("_")
            ),
            "pat" => self.ty(&inner["type"]),
            "impl_trait" => format!("impl {}", self.bounds(inner)),
            "infer" => "_".into(),
            "raw_pointer" => {
                let mutability = if inner["is_mutable"] == true {
                    "mut"
                } else {
                    "const"
                };
                format!("*{mutability} {}", self.pointee(&inner["type"]))
            }
            "borrowed_ref" => {
                let lifetime = inner["lifetime"]
                    .as_str()
                    .map(|l| format!("{l} "))
                    .unwrap_or_default();
                let mutability = if inner["is_mutable"] == true {
                    "mut "
                } else {
                    ""
                };
                format!("&{lifetime}{mutability}{}", self.pointee(&inner["type"]))
            }
            "qualified_path" => {
                let self_type = self.ty(&inner["self_type"]);
                let name = inner["name"].as_str().unwrap_or("_");
                let args = self.args(&inner["args"]);
                // `Self::Out` inside a trait comes with an empty trait path.
                match inner["trait"].get("path").and_then(Value::as_str) {
                    Some(trait_path) if !trait_path.is_empty() => format!(
                        "<{self_type} as {}>::{name}{args}",
                        self.path(&inner["trait"])
                    ),
                    _ => format!("{self_type}::{name}{args}"),
                }
            }
            _ => "_".into(),
        }
    }

    /// The type behind `&` or `*`: `&(dyn A + Send)` needs the parentheses.
    fn pointee(&self, ty: &Value) -> String {
        let text = self.ty(ty);
        let multi_bound = single(ty).is_some_and(|(kind, _)| {
            matches!(kind, "dyn_trait" | "impl_trait") && text.contains(" + ")
        });
        if multi_bound {
            format!("({text})")
        } else {
            text
        }
    }

    /// A path with its generic arguments: `Vec<u8>`, `Fn(&T) -> bool`.
    pub fn path(&self, path: &Value) -> String {
        let written = path["path"].as_str().unwrap_or("_");
        let name = self.names.path(&path["id"], written, self.this);
        format!("{name}{}", self.args(&path["args"]))
    }

    /// Generic arguments: `<u8, Item = T>` or `(A, B) -> C`; empty when none.
    fn args(&self, args: &Value) -> String {
        let Some((kind, inner)) = single(args) else {
            return String::new();
        };
        match kind {
            "angle_bracketed" => {
                let mut parts: Vec<String> = list(&inner["args"]).map(|a| self.arg(a)).collect();
                parts.extend(list(&inner["constraints"]).map(|c| self.constraint(c)));
                if parts.is_empty() {
                    String::new()
                } else {
                    format!("<{}>", parts.join(", "))
                }
            }
            "parenthesized" => {
                let inputs: Vec<String> = list(&inner["inputs"]).map(|t| self.ty(t)).collect();
                format!("({}){}", inputs.join(", "), self.output(&inner["output"]))
            }
            "return_type_notation" => "(..)".into(),
            _ => "<_>".into(),
        }
    }

    fn arg(&self, arg: &Value) -> String {
        if arg == "infer" {
            return "_".into();
        }
        match single(arg) {
            Some(("lifetime", lifetime)) => lifetime.as_str().unwrap_or("_").into(),
            Some(("type", ty)) => self.ty(ty),
            Some(("const", constant)) => constant["expr"].as_str().unwrap_or("_").into(),
            _ => "_".into(),
        }
    }

    /// `Item = u32` or `Item: Send`.
    fn constraint(&self, constraint: &Value) -> String {
        let name = constraint["name"].as_str().unwrap_or("_");
        let args = self.args(&constraint["args"]);
        match single(&constraint["binding"]) {
            Some(("equality", term)) => match single(term) {
                Some(("type", ty)) => format!("{name}{args} = {}", self.ty(ty)),
                Some(("constant", c)) => {
                    format!("{name}{args} = {}", c["expr"].as_str().unwrap_or("_"))
                }
                _ => format!("{name}{args} = _"),
            },
            Some(("constraint", bounds)) => format!("{name}{args}: {}", self.bounds(bounds)),
            _ => format!("{name}{args}"),
        }
    }

    /// ` -> T`, or nothing for `()`.
    fn output(&self, output: &Value) -> String {
        if output.is_null() {
            String::new()
        } else {
            format!(" -> {}", self.ty(output))
        }
    }

    /// Bounds joined by ` + `.
    pub fn bounds(&self, bounds: &Value) -> String {
        list(bounds)
            .map(|b| self.bound(b))
            .collect::<Vec<_>>()
            .join(" + ")
    }

    fn bound(&self, bound: &Value) -> String {
        match single(bound) {
            Some(("trait_bound", tb)) => {
                let modifier = match tb["modifier"].as_str() {
                    Some("maybe") => "?",
                    Some("maybe_const") => "[const] ",
                    _ => "",
                };
                format!(
                    "{}{modifier}{}",
                    self.hrtb(&tb["generic_params"]),
                    self.path(&tb["trait"])
                )
            }
            Some(("outlives", lifetime)) => lifetime.as_str().unwrap_or("_").into(),
            Some(("use", captured)) => {
                let names: Vec<String> = list(captured)
                    .map(|arg| match single(arg) {
                        Some((_, name)) => name.as_str().unwrap_or("_").to_string(),
                        None => "_".into(),
                    })
                    .collect();
                format!("use<{}>", names.join(", "))
            }
            _ => "_".into(),
        }
    }

    /// `for<'a> ` for higher-ranked bounds; empty when there are none.
    fn hrtb(&self, params: &Value) -> String {
        let params: Vec<String> = list(params).map(|p| self.param(p)).collect();
        if params.is_empty() {
            String::new()
        } else {
            format!("for<{}> ", params.join(", "))
        }
    }

    /// `<'a, T: Clone = u8, const N: usize>`, without the parameters rustdoc made up
    /// for `impl Trait` arguments (they show in the argument list).
    pub fn generics(&self, generics: &Value) -> String {
        let params: Vec<String> = list(&generics["params"])
            .filter(|p| p["kind"]["type"]["is_synthetic"] != true)
            .map(|p| self.param(p))
            .collect();
        if params.is_empty() {
            String::new()
        } else {
            format!("<{}>", params.join(", "))
        }
    }

    fn param(&self, param: &Value) -> String {
        let name = param["name"].as_str().unwrap_or("_");
        match single(&param["kind"]) {
            Some(("lifetime", lifetime)) => {
                let outlives: Vec<&str> = list(&lifetime["outlives"])
                    .map(|l| l.as_str().unwrap_or("_"))
                    .collect();
                if outlives.is_empty() {
                    name.into()
                } else {
                    format!("{name}: {}", outlives.join(" + "))
                }
            }
            Some(("type", ty)) => {
                let mut text = name.to_string();
                let bounds = self.bounds(&ty["bounds"]);
                if !bounds.is_empty() {
                    text = format!("{text}: {bounds}");
                }
                if !ty["default"].is_null() {
                    text = format!("{text} = {}", self.ty(&ty["default"]));
                }
                text
            }
            Some(("const", constant)) => {
                let mut text = format!("const {name}: {}", self.ty(&constant["type"]));
                if let Some(default) = constant["default"].as_str() {
                    text = format!("{text} = {default}");
                }
                text
            }
            _ => "_".into(),
        }
    }

    /// ` where T: Clone, 'a: 'b`; empty when there is no where clause.
    pub fn where_clause(&self, generics: &Value) -> String {
        let predicates: Vec<String> = list(&generics["where_predicates"])
            .map(|p| match single(p) {
                Some(("bound_predicate", bp)) => format!(
                    "{}{}: {}",
                    self.hrtb(&bp["generic_params"]),
                    self.ty(&bp["type"]),
                    self.bounds(&bp["bounds"])
                ),
                Some(("lifetime_predicate", lp)) => format!(
                    "{}: {}",
                    lp["lifetime"].as_str().unwrap_or("_"),
                    list(&lp["outlives"])
                        .map(|l| l.as_str().unwrap_or("_"))
                        .collect::<Vec<_>>()
                        .join(" + ")
                ),
                Some(("eq_predicate", ep)) => {
                    let rhs = match single(&ep["rhs"]) {
                        Some(("type", ty)) => self.ty(ty),
                        _ => "_".into(),
                    };
                    format!("{} = {rhs}", self.ty(&ep["lhs"]))
                }
                _ => "_".into(),
            })
            .collect();
        if predicates.is_empty() {
            String::new()
        } else {
            format!(" where {}", predicates.join(", "))
        }
    }

    /// `(&self, id: u32) -> T`; `methods` renders a `self` argument as `&self`.
    pub fn sig(&self, sig: &Value, methods: bool) -> String {
        let mut inputs: Vec<String> = list(&sig["inputs"])
            .map(|input| {
                let name = input[0].as_str().unwrap_or("_");
                let ty = &input[1];
                if methods && name == "self" {
                    self.receiver(ty)
                } else if methods {
                    format!("{name}: {}", self.ty(ty))
                } else {
                    // Function pointers name their arguments `_` unless the source did.
                    match name {
                        "_" => self.ty(ty),
                        _ => format!("{name}: {}", self.ty(ty)),
                    }
                }
            })
            .collect();
        if sig["is_c_variadic"] == true {
            inputs.push("...".into());
        }
        format!("({}){}", inputs.join(", "), self.output(&sig["output"]))
    }

    /// `self`, `&self`, `&'a mut self` or `self: Box<Self>`.
    fn receiver(&self, ty: &Value) -> String {
        let is_self = |t: &Value| t.get("generic").and_then(Value::as_str) == Some("Self");
        if is_self(ty) {
            return "self".into();
        }
        if let Some(reference) = ty.get("borrowed_ref")
            && is_self(&reference["type"])
        {
            let lifetime = reference["lifetime"]
                .as_str()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            let mutability = if reference["is_mutable"] == true {
                "mut "
            } else {
                ""
            };
            return format!("&{lifetime}{mutability}self");
        }
        format!("self: {}", self.ty(ty))
    }
}

/// `const async unsafe extern "C" ` of a function header; empty for a plain `fn`.
pub fn header(header: &Value) -> String {
    let mut text = String::new();
    for (flag, word) in [
        ("is_const", "const "),
        ("is_async", "async "),
        ("is_unsafe", "unsafe "),
    ] {
        if header[flag] == true {
            text.push_str(word);
        }
    }
    let abi = match &header["abi"] {
        Value::String(abi) => abi.clone(),
        // `{"C": {"unwind": false}}`, or `{"Other": "efiapi"}` for the rest.
        Value::Object(abi) => match abi.iter().next() {
            Some((_, Value::String(other))) => other.clone(),
            Some((name, _)) => name.clone(),
            None => "_".into(),
        },
        _ => "_".into(),
    };
    match abi.as_str() {
        "Rust" => {}
        "C" => text.push_str("extern \"C\" "),
        other => text.push_str(&format!("extern \"{}\" ", other.to_lowercase())),
    }
    text
}

/// The `cfg` conditions in an item's attributes, as Rust `cfg` predicates.
///
/// rustdoc 1.95 records `#[cfg]` only as the compiler's debug text,
/// `#[attr = CfgTrace([NameValue { name: "feature", value: Some("x"), .. }])]`;
/// this reads the `NameValue`, `Not`, `All` and `Any` forms of it and gives `_` for
/// anything else, so an unfamiliar condition still marks the item as conditional.
pub fn cfgs(attrs: &Value) -> Vec<String> {
    list(attrs)
        .filter_map(|attr| attr["other"].as_str())
        .filter_map(|text| text.strip_prefix("#[attr = CfgTrace("))
        .flat_map(|rest| {
            let mut out = Vec::new();
            let parsed = rest
                .strip_prefix('[')
                .and_then(|rest| cfg_list(rest, &mut out));
            if parsed.is_none() {
                out = vec!["_".into()];
            }
            out
        })
        .collect()
}

/// Parses `expr, expr, ...]` into `out`; returns the text after the `]`.
fn cfg_list<'t>(mut text: &'t str, out: &mut Vec<String>) -> Option<&'t str> {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix(']') {
            return Some(rest);
        }
        let (cfg, rest) = cfg_expr(text)?;
        out.push(cfg);
        text = rest.trim_start();
        text = text.strip_prefix(',').unwrap_or(text);
    }
}

/// Parses one cfg expression; returns it and the text after it.
fn cfg_expr(text: &str) -> Option<(String, &str)> {
    if let Some(rest) = text.strip_prefix("NameValue {") {
        let name = quoted_after(rest, "name: ")?;
        let value_at = rest.find("value: ")? + "value: ".len();
        let value = rest[value_at..]
            .starts_with("Some(")
            .then(|| quoted_after(&rest[value_at..], "Some("))
            .flatten();
        let cfg = match value {
            Some(value) => format!("{name} = \"{value}\""),
            None => name.to_string(),
        };
        return Some((cfg, after_close(rest)?));
    }
    if let Some(rest) = text.strip_prefix("Not(") {
        let (inner, _) = cfg_expr(rest)?;
        return Some((format!("not({inner})"), after_close(rest)?));
    }
    for (variant, word) in [("All([", "all"), ("Any([", "any")] {
        if let Some(rest) = text.strip_prefix(variant) {
            let mut inner = Vec::new();
            let after_list = cfg_list(rest, &mut inner)?;
            let cfg = format!("{word}({})", inner.join(", "));
            return Some((cfg, after_close(after_list)?));
        }
    }
    None
}

/// The string literal right after `label` in `text`.
fn quoted_after<'t>(text: &'t str, label: &str) -> Option<&'t str> {
    let start = text.find(label)? + label.len();
    let rest = text[start..].strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// The text after the bracket closing one already open, skipping nested brackets
/// and string literals.
fn after_close(text: &str) -> Option<&str> {
    let mut depth = 1usize;
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[at + 1..]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The variant name and content of a one-key object (rustdoc's externally tagged
/// enums), or `None` for anything else.
pub fn single(value: &Value) -> Option<(&str, &Value)> {
    let object = value.as_object()?;
    if object.len() != 1 {
        return None;
    }
    object.iter().next().map(|(k, v)| (k.as_str(), v))
}

/// The elements of an array; nothing for anything else.
pub fn list(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}
