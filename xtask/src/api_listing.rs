//! A crate's public API as sorted text lines, from rustdoc's JSON output.
//!
//! Every item is listed at each public path it can be reached by from the crate
//! root, following `pub use` re-exports (glob ones too), so an item exported twice
//! shows twice. Items of other crates that are re-exported are listed as
//! `pub use <path> = <their path>`, not expanded: their API is theirs to review.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::api_render::{self, Names, Renderer, id_key, list, single};
use crate::error::{Error, Result};

/// The rustdoc JSON `format_version`s this listing understands. Each rustc release
/// may change the format; a new one needs its changes reviewed here (rustdoc-types'
/// changelog lists them) before it is added.
pub const FORMAT_VERSIONS: std::ops::RangeInclusive<u64> = 57..=57;

/// The listing of the crate documented in `json` (one rustdoc JSON file): one line
/// per public item, sorted, each prefixed by the `#[cfg]` it is only built under.
pub fn lines(json: &Value) -> Result<Vec<String>> {
    let version = json["format_version"].as_u64().ok_or_else(|| {
        Error::new("rustdoc JSON has no format_version: is this rustdoc's --output-format json?")
    })?;
    if !FORMAT_VERSIONS.contains(&version) {
        return Err(Error::new(format!(
            "rustdoc JSON format_version {version} is not one `cargo xtask public-api` reads \
             ({}..={}); this toolchain's rustdoc changed its format: review the changes and \
             extend xtask/src/api_listing.rs",
            FORMAT_VERSIONS.start(),
            FORMAT_VERSIONS.end()
        )));
    }
    let (Some(index), Some(paths)) = (json["index"].as_object(), json["paths"].as_object()) else {
        return Err(Error::new("rustdoc JSON lacks its index or paths table"));
    };
    let root = id_key(&json["root"]).ok_or_else(|| Error::new("rustdoc JSON lacks its root"))?;
    let crate_name = index
        .get(&root)
        .and_then(|item| item["name"].as_str())
        .ok_or_else(|| Error::new("rustdoc JSON lacks its root module"))?;

    let mut reach = Reach {
        index,
        found: Vec::new(),
        modules: Vec::new(),
    };
    reach.module(&root, crate_name, &[]);

    let names = Names {
        paths,
        public: public_paths(&reach.found),
    };
    let mut lines = Lines {
        index,
        paths,
        render: Renderer::new(&names),
        out: Vec::new(),
    };
    for found in &reach.found {
        lines.found(found);
    }
    let mut out = lines.out;
    out.sort();
    out.dedup();
    Ok(out.into_iter().map(|(_, line)| line).collect())
}

/// One way to reach an item from the crate root.
enum Found {
    /// This crate's item `id`, at `path`.
    Item {
        id: String,
        path: String,
        cfg: Vec<String>,
    },
    /// A re-export of another crate's item: `pub use path = source`.
    Extern {
        path: String,
        source: String,
        cfg: Vec<String>,
    },
}

/// Walks the module tree from the root, following re-exports.
struct Reach<'a> {
    index: &'a Map<String, Value>,
    found: Vec<Found>,
    /// The modules being walked, so that glob re-exports that loop (`pub use
    /// super::*` in a child) end.
    modules: Vec<String>,
}

impl Reach<'_> {
    /// Records `module` at `path` and walks its public items.
    fn module(&mut self, id: &str, path: &str, cfg: &[String]) {
        self.module_items(id, path, cfg, &HashSet::new());
    }

    /// Walks the public items of `module` as if they were at `path`, except those
    /// named in `shadowed` (an explicit item shadows one a glob brings in).
    fn module_items(&mut self, id: &str, path: &str, cfg: &[String], shadowed: &HashSet<&str>) {
        if self.modules.iter().any(|m| m == id) {
            return;
        }
        let Some(items) = self.index.get(id).map(|m| &m["inner"]["module"]["items"]) else {
            return;
        };
        self.modules.push(id.to_string());
        let items: Vec<&Value> = list(items)
            .filter_map(|item| self.index.get(&id_key(item)?))
            .filter(|item| item["visibility"] == "public")
            .collect();
        // What the module names itself, so a glob re-export does not override it.
        let explicit: HashSet<&str> = items.iter().filter_map(|item| item_name(item)).collect();
        for item in &items {
            if item_name(item).is_some_and(|name| shadowed.contains(name)) {
                continue;
            }
            let mut cfg = cfg.to_vec();
            push_cfgs(&mut cfg, &item["attrs"]);
            match item["inner"].get("use") {
                Some(import) => self.import(import, path, &cfg, &explicit),
                None => {
                    let (Some(id), Some(name)) = (id_key(&item["id"]), item["name"].as_str())
                    else {
                        continue;
                    };
                    self.item(id, format!("{path}::{name}"), &cfg);
                }
            }
        }
        self.modules.pop();
    }

    /// Records this crate's item `id` at `path`, and walks it if it is a module.
    fn item(&mut self, id: String, path: String, cfg: &[String]) {
        let is_module = self
            .index
            .get(&id)
            .is_some_and(|item| item["inner"].get("module").is_some());
        if is_module {
            self.module(&id, &path, cfg);
        }
        self.found.push(Found::Item {
            id,
            path,
            cfg: cfg.to_vec(),
        });
    }

    /// A `pub use` in the module at `path`.
    fn import(&mut self, import: &Value, path: &str, cfg: &[String], explicit: &HashSet<&str>) {
        let source = import["source"].as_str().unwrap_or("_");
        let name = import["name"].as_str().unwrap_or("_");
        let target = id_key(&import["id"])
            .and_then(|id| Some((self.index.get(&id)?, id)))
            .filter(|(item, _)| item["crate_id"] == 0);
        let glob = import["is_glob"] == true;
        match target {
            Some((item, id)) if glob => match single(&item["inner"]) {
                Some(("module", _)) => self.module_items(&id, path, cfg, explicit),
                // `pub use Enum::*` brings the variants in.
                Some(("enum", e)) => {
                    for variant in list(&e["variants"]) {
                        let Some(variant_id) = id_key(variant) else {
                            continue;
                        };
                        let variant_name = self.index.get(&variant_id).and_then(item_name);
                        if let Some(variant_name) = variant_name
                            && !explicit.contains(variant_name)
                        {
                            let at = format!("{path}::{variant_name}");
                            self.item(variant_id, at, cfg);
                        }
                    }
                }
                _ => {}
            },
            Some((_, id)) => self.item(id, format!("{path}::{name}"), cfg),
            None => {
                let source = source.trim_start_matches("::");
                let (path, source) = if glob {
                    (format!("{path}::*"), format!("{source}::*"))
                } else {
                    (format!("{path}::{name}"), source.to_string())
                };
                self.found.push(Found::Extern {
                    path,
                    source,
                    cfg: cfg.to_vec(),
                });
            }
        }
    }
}

/// The name an item takes in its module: its own, or a `use`'s.
fn item_name(item: &Value) -> Option<&str> {
    match item["inner"].get("use") {
        Some(import) if import["is_glob"] == true => None,
        Some(import) => import["name"].as_str(),
        None => item["name"].as_str(),
    }
}

/// The path signatures name each reachable item by: its shortest, then first in
/// sort order, so that the choice does not depend on the order of the JSON.
fn public_paths(found: &[Found]) -> HashMap<String, String> {
    let mut chosen: HashMap<String, String> = HashMap::new();
    for found in found {
        let Found::Item { id, path, .. } = found else {
            continue;
        };
        let better = |current: &String| {
            let key = |p: &str| (p.matches("::").count(), p.to_string());
            key(path) < key(current)
        };
        if chosen.get(id).is_none_or(better) {
            chosen.insert(id.clone(), path.clone());
        }
    }
    chosen
}

/// Adds the conditions in `attrs` to `cfg`, once each.
fn push_cfgs(cfg: &mut Vec<String>, attrs: &Value) {
    for condition in api_render::cfgs(attrs) {
        if !cfg.contains(&condition) {
            cfg.push(condition);
        }
    }
}

/// The sort key of a line: its path's segments, then the line itself, so that a
/// type's fields and methods follow it and siblings stay in name order. A segment
/// is `(0, name)`; a trait impl adds `(1, "")` to its type's path, which puts the
/// impls after the type's members.
type Key = (Vec<(u8, String)>, String);

/// Writes the lines for each reachable item.
struct Lines<'a> {
    index: &'a Map<String, Value>,
    paths: &'a Map<String, Value>,
    render: Renderer<'a>,
    out: Vec<(Key, String)>,
}

impl Lines<'_> {
    fn found(&mut self, found: &Found) {
        match found {
            Found::Extern { path, source, cfg } => {
                self.push(path, cfg, format!("pub use {path} = {source}"), false);
            }
            Found::Item { id, path, cfg } => {
                if let Some(item) = self.index.get(id) {
                    self.item(id, item, path, cfg);
                }
            }
        }
    }

    /// Adds `line`, prefixed by its conditions, sorted under `path` (after the
    /// members of `path` if it is an impl of it).
    fn push(&mut self, path: &str, cfg: &[String], line: String, is_impl: bool) {
        let line = match cfg {
            [] => line,
            [one] => format!("#[cfg({one})] {line}"),
            all => format!("#[cfg(all({}))] {line}", all.join(", ")),
        };
        let mut segments: Vec<(u8, String)> =
            path.split("::").map(|s| (0, s.to_string())).collect();
        if is_impl {
            segments.push((1, String::new()));
        }
        self.out.push(((segments, line.clone()), line));
    }

    fn item(&mut self, id: &str, item: &Value, path: &str, cfg: &[String]) {
        let Some((kind, inner)) = single(&item["inner"]) else {
            return;
        };
        let mut cfg = cfg.to_vec();
        push_cfgs(&mut cfg, &item["attrs"]);
        let r = &self.render;
        let attrs = outer_attrs(item);
        let line = match kind {
            "module" => format!("pub mod {path}"),
            "struct" => {
                let generics = r.generics(&inner["generics"]);
                let where_clause = r.where_clause(&inner["generics"]);
                let shape = match single(&inner["kind"]) {
                    Some(("tuple", fields)) => {
                        let fields: Vec<String> = list(fields)
                            .map(|field| match self.field(field) {
                                Some((_, ty)) => format!("pub {ty}"),
                                None => "_".into(),
                            })
                            .collect();
                        format!("({})", fields.join(", "))
                    }
                    _ => String::new(),
                };
                format!("{attrs}pub struct {path}{generics}{shape}{where_clause}")
            }
            "enum" => format!(
                "{attrs}pub enum {path}{}{}",
                r.generics(&inner["generics"]),
                r.where_clause(&inner["generics"])
            ),
            "union" => format!(
                "{attrs}pub union {path}{}{}",
                r.generics(&inner["generics"]),
                r.where_clause(&inner["generics"])
            ),
            "variant" => format!("{attrs}pub {path}{}", self.variant(inner)),
            "trait" => {
                let unsafety = if inner["is_unsafe"] == true {
                    "unsafe "
                } else {
                    ""
                };
                let bounds = r.bounds(&inner["bounds"]);
                let bounds = if bounds.is_empty() {
                    bounds
                } else {
                    format!(": {bounds}")
                };
                format!(
                    "pub {unsafety}trait {path}{}{bounds}{}",
                    r.generics(&inner["generics"]),
                    r.where_clause(&inner["generics"])
                )
            }
            "function" => self.function(path, inner),
            "constant" => format!("pub const {path}: {}", r.ty(&inner["type"])),
            "static" => {
                let mutability = if inner["is_mutable"] == true {
                    "mut "
                } else {
                    ""
                };
                format!("pub static {mutability}{path}: {}", r.ty(&inner["type"]))
            }
            "type_alias" => format!(
                "pub type {path}{}{} = {}",
                r.generics(&inner["generics"]),
                r.where_clause(&inner["generics"]),
                r.ty(&inner["type"])
            ),
            "trait_alias" => format!(
                "pub trait {path}{} = {}",
                r.generics(&inner["generics"]),
                r.bounds(&inner["params"])
            ),
            "macro" => format!("pub macro {path}!"),
            "proc_macro" => match inner["kind"].as_str() {
                Some("derive") => format!("pub derive {path}"),
                Some("attr") => format!("pub attr {path}"),
                _ => format!("pub macro {path}!"),
            },
            "extern_crate" => format!("pub extern crate {path}"),
            "extern_type" => format!("pub type {path}"),
            "assoc_const" => format!("pub const {path}: {}", r.ty(&inner["type"])),
            "assoc_type" => self.assoc_type(path, inner),
            other => format!("pub {other} {path}"),
        };
        self.push(path, &cfg, line, false);

        match kind {
            "struct" => {
                if let Some(("plain", plain)) = single(&inner["kind"]) {
                    self.fields(path, &cfg, &plain["fields"]);
                }
                self.impls(id, path, &cfg, &inner["impls"]);
            }
            "union" => {
                self.fields(path, &cfg, &inner["fields"]);
                self.impls(id, path, &cfg, &inner["impls"]);
            }
            "enum" => {
                for variant in list(&inner["variants"]) {
                    let Some(variant_id) = id_key(variant) else {
                        continue;
                    };
                    if let Some(variant) = self.index.get(&variant_id) {
                        let name = variant["name"].as_str().unwrap_or("_");
                        self.item(&variant_id, variant, &format!("{path}::{name}"), &cfg);
                    }
                }
                self.impls(id, path, &cfg, &inner["impls"]);
            }
            "trait" => self.members(path, &cfg, &inner["items"], false),
            _ => {}
        }
    }

    /// The field `id` of a struct, union or variant: its name and type, or `None`
    /// when it is private (rustdoc leaves a `null` in a tuple's place).
    fn field(&self, id: &Value) -> Option<(&str, String)> {
        let field = self.index.get(&id_key(id)?)?;
        let name = field["name"].as_str().unwrap_or("_");
        Some((name, self.render.ty(&field["inner"]["struct_field"])))
    }

    /// `pub path::name: T` for each public named field.
    fn fields(&mut self, path: &str, cfg: &[String], fields: &Value) {
        let fields: Vec<(String, String)> = list(fields)
            .filter(|id| {
                id_key(id)
                    .and_then(|id| self.index.get(&id))
                    .is_some_and(|f| f["visibility"] == "public")
            })
            .filter_map(|id| self.field(id))
            .map(|(name, ty)| (name.to_string(), ty))
            .collect();
        for (name, ty) in fields {
            let at = format!("{path}::{name}");
            self.push(&at, cfg, format!("pub {at}: {ty}"), false);
        }
    }

    /// `(u32, String)`, ` { x: u8 }` or nothing, then ` = discriminant`.
    fn variant(&self, variant: &Value) -> String {
        let fields = match single(&variant["kind"]) {
            Some(("tuple", fields)) => {
                let fields: Vec<String> = list(fields)
                    .map(|f| self.field(f).map_or_else(|| "_".into(), |(_, ty)| ty))
                    .collect();
                format!("({})", fields.join(", "))
            }
            Some(("struct", fields)) => {
                let fields: Vec<String> = list(&fields["fields"])
                    .filter_map(|f| self.field(f))
                    .map(|(name, ty)| format!("{name}: {ty}"))
                    .collect();
                format!(" {{ {} }}", fields.join(", "))
            }
            _ => String::new(),
        };
        match variant["discriminant"]["expr"].as_str() {
            Some(expr) => format!("{fields} = {expr}"),
            None => fields,
        }
    }

    /// `pub fn path<T>(args) -> T where ...`.
    fn function(&self, path: &str, function: &Value) -> String {
        let r = &self.render;
        format!(
            "pub {}fn {path}{}{}{}",
            api_render::header(&function["header"]),
            r.generics(&function["generics"]),
            r.sig(&function["sig"], true),
            r.where_clause(&function["generics"])
        )
    }

    /// `pub type path: Bounds = T` of a trait or impl.
    fn assoc_type(&self, path: &str, assoc: &Value) -> String {
        let r = &self.render;
        let bounds = r.bounds(&assoc["bounds"]);
        let mut line = format!("pub type {path}{}", r.generics(&assoc["generics"]));
        if !bounds.is_empty() {
            line = format!("{line}: {bounds}");
        }
        if !assoc["type"].is_null() {
            line = format!("{line} = {}", r.ty(&assoc["type"]));
        }
        line + &r.where_clause(&assoc["generics"])
    }

    /// The items of a trait, or of an inherent impl (`public_only`), under `path`.
    fn members(&mut self, path: &str, cfg: &[String], items: &Value, public_only: bool) {
        for member in list(items) {
            let Some(member_id) = id_key(member) else {
                continue;
            };
            let Some(member) = self.index.get(&member_id) else {
                continue;
            };
            if public_only && member["visibility"] != "public" {
                continue;
            }
            let name = member["name"].as_str().unwrap_or("_");
            self.item(&member_id, member, &format!("{path}::{name}"), cfg);
        }
    }

    /// Whether `trait_path` names one of the [`DERIVE_MARKERS`].
    fn is_derive_marker(&self, trait_path: &Value) -> bool {
        let full = id_key(&trait_path["id"])
            .and_then(|id| self.paths.get(&id))
            .and_then(|entry| entry["path"].as_array())
            .map(|segments| {
                let segments: Vec<&str> = segments.iter().filter_map(Value::as_str).collect();
                segments.join("::")
            });
        full.is_some_and(|full| DERIVE_MARKERS.contains(&full.as_str()))
    }

    /// The inherent methods and trait impls of the type `id` reached at `path`.
    /// Auto-trait impls (`Send`, `Unpin`, ...) and blanket impls (`impl<T> From<T>
    /// for T`) are left out: they follow from the fields and from std, and would
    /// bury the impls this crate wrote.
    fn impls(&mut self, id: &str, path: &str, cfg: &[String], impls: &Value) {
        for impl_id in list(impls) {
            let Some(item) = id_key(impl_id).and_then(|i| self.index.get(&i)) else {
                continue;
            };
            let imp = &item["inner"]["impl"];
            if imp["is_synthetic"] == true
                || !imp["blanket_impl"].is_null()
                || self.is_derive_marker(&imp["trait"])
            {
                continue;
            }
            let mut cfg = cfg.to_vec();
            push_cfgs(&mut cfg, &item["attrs"]);
            if imp["trait"].is_null() {
                self.members(path, &cfg, &imp["items"], true);
                continue;
            }
            let r = self.render.with_this(id, path);
            let line = format!(
                "{}impl{} {}{} for {}{}",
                if imp["is_unsafe"] == true {
                    "unsafe "
                } else {
                    ""
                },
                r.generics(&imp["generics"]),
                if imp["is_negative"] == true { "!" } else { "" },
                r.path(&imp["trait"]),
                r.ty(&imp["for"]),
                r.where_clause(&imp["generics"])
            );
            self.push(path, &cfg, line, true);
        }
    }
}

/// Traits the compiler implements alongside a derive, not part of what the derive
/// promises: `#[derive(PartialEq)]` also implements `StructuralPartialEq`.
const DERIVE_MARKERS: &[&str] = &["core::marker::StructuralPartialEq"];

/// The attributes that change what users may do with a type: `#[non_exhaustive]`
/// forbids building it and matching it exhaustively outside the crate.
fn outer_attrs(item: &Value) -> String {
    list(&item["attrs"])
        .filter(|attr| *attr == "non_exhaustive")
        .map(|_| "#[non_exhaustive] ")
        .collect()
}
