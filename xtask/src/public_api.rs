//! `cargo xtask public-api`: the public API of each publishable crate of the
//! workspace, recorded in `public-api/<crate>.txt` so that a change of it shows as
//! a diff in review. `--check` fails when a recorded listing is stale.
//!
//! The listing comes from rustdoc's JSON output, which stable rustdoc writes only
//! when told it is a nightly (`RUSTC_BOOTSTRAP=1` with `-Z unstable-options`); each
//! crate is documented with `--all-features` so feature-gated items are listed too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::api_listing;
use crate::diff;
use crate::error::{Error, Result};

/// The directory of the listings, relative to the workspace root.
pub const DIR: &str = "public-api";

/// A workspace member that may be published, and so has an API to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crate {
    /// The package name, as in `Cargo.toml`.
    pub name: String,
    /// The package version.
    pub version: String,
    /// The library target's crate name (`zoom_cobrowse`), if the package has one.
    pub lib: Option<String>,
    /// Its optional dependencies, by crate name (`schemars`), each with the
    /// condition it is built under (`feature = "schemars"`).
    pub optional: BTreeMap<String, String>,
}

impl Crate {
    /// Where its listing lives, relative to the workspace root.
    pub fn listing_path(&self) -> String {
        format!("{DIR}/{}.txt", self.name)
    }
}

/// The workspace's publishable members (none says `publish = false`), in name
/// order, and the directory cargo builds into.
pub fn publishable(root: &Path) -> Result<(Vec<Crate>, PathBuf)> {
    let output = cargo()
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .output()
        .map_err(|e| Error::new(format!("cannot run cargo metadata: {e}")))?;
    if !output.status.success() {
        return Err(Error::new(format!(
            "cargo metadata failed in {}:\n{}",
            root.display(),
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    let metadata: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| Error::new(format!("cargo metadata printed no JSON: {e}")))?;
    let target_dir = metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| Error::new("cargo metadata gave no target_directory"))?;
    let mut crates: Vec<Crate> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        // `publish = false` reads as an empty list of registries; absent is null.
        .filter(|package| package["publish"].as_array().is_none_or(|r| !r.is_empty()))
        .map(|package| Crate {
            name: package["name"].as_str().unwrap_or_default().to_string(),
            version: package["version"].as_str().unwrap_or_default().to_string(),
            lib: package["targets"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|target| is_library(target))
                .and_then(|target| target["name"].as_str())
                .map(|name| name.replace('-', "_")),
            optional: optional_dependencies(package),
        })
        .collect();
    crates.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((crates, target_dir))
}

/// The optional normal dependencies of a `cargo metadata` package, by crate name
/// (the package name with `_` for `-`), each with the features that build it
/// (those listing `dep:<name>`; cargo lists an implicit feature that way too).
fn optional_dependencies(package: &Value) -> BTreeMap<String, String> {
    let features = package["features"].as_object();
    package["dependencies"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|dep| dep["optional"] == true && dep["kind"].is_null())
        .filter_map(|dep| {
            let name = dep["rename"].as_str().or(dep["name"].as_str())?;
            let enabler = format!("dep:{name}");
            let conditions: Vec<String> = features
                .into_iter()
                .flatten()
                .filter(|(_, enables)| {
                    let mut enables = enables.as_array().into_iter().flatten();
                    enables.any(|value| value.as_str() == Some(&enabler))
                })
                .map(|(feature, _)| format!("feature = \"{feature}\""))
                .collect();
            let condition = match conditions.as_slice() {
                [] => return None,
                [one] => one.clone(),
                all => format!("any({})", all.join(", ")),
            };
            let package = dep["name"].as_str()?;
            Some((package.replace('-', "_"), condition))
        })
        .collect()
}

/// Whether a cargo target is a library others can use.
fn is_library(target: &Value) -> bool {
    target["kind"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|kind| matches!(kind.as_str(), Some("lib" | "rlib" | "dylib" | "proc-macro")))
}

/// `$CARGO` (the cargo running this xtask) or the one on the PATH.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Documents `krate`'s library with all features as rustdoc JSON and reads it.
pub fn rustdoc_json(root: &Path, target_dir: &Path, krate: &Crate, lib: &str) -> Result<Value> {
    let status = cargo()
        .args(["rustdoc", "--lib", "--all-features", "-p"])
        .arg(format!("{}@{}", krate.name, krate.version))
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .args(["--", "-Z", "unstable-options", "--output-format", "json"])
        // Stable rustdoc emits JSON only as a nightly; no nightly toolchain is needed.
        .env("RUSTC_BOOTSTRAP", "1")
        .status()
        .map_err(|e| Error::new(format!("cannot run cargo rustdoc: {e}")))?;
    if !status.success() {
        return Err(Error::new(format!(
            "cargo rustdoc failed for {} ({status}); its errors are above",
            krate.name
        )));
    }
    let path = target_dir.join("doc").join(format!("{lib}.json"));
    let text = std::fs::read_to_string(&path).map_err(|e| Error::in_file(&path, e))?;
    serde_json::from_str(&text).map_err(|e| Error::in_file(&path, e))
}

/// The text of a listing file.
pub fn render(krate: &Crate, lines: &[String]) -> String {
    let mut text = format!(
        "# Public API of {} {}, written by `cargo xtask public-api`; do not edit.\n",
        krate.name, krate.version
    );
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Every listing file's new text: `(path relative to the root, text)`, one per
/// publishable crate with a library.
pub fn generate(root: &Path) -> Result<Vec<(String, String)>> {
    let (crates, target_dir) = publishable(root)?;
    let mut files = Vec::new();
    for krate in &crates {
        // A binary-only package has no Rust API to keep stable.
        let Some(lib) = &krate.lib else { continue };
        let json = rustdoc_json(root, &target_dir, krate, lib)?;
        let lines = api_listing::lines(&json, &krate.optional).map_err(|e| {
            Error::new(format!(
                "{}: {e}",
                target_dir.join("doc").join(format!("{lib}.json")).display()
            ))
        })?;
        files.push((krate.listing_path(), render(krate, &lines)));
    }
    Ok(files)
}

/// A listing whose committed text differs from the crate's API.
#[derive(Debug)]
pub struct Change {
    /// Path relative to the root.
    pub path: String,
    /// The committed text (empty when the file is missing).
    pub old: String,
    /// The new text, or `None` when no publishable crate has this listing any more.
    pub new: Option<String>,
}

impl Change {
    /// `+added -removed` lines.
    pub fn line_counts(&self) -> (usize, usize) {
        diff::line_counts(&self.old, self.new.as_deref().unwrap_or_default())
    }

    /// A unified diff, committed → current API, at most `max_lines` long.
    pub fn unified_diff(&self, max_lines: usize) -> String {
        let labels = (
            &format!("{} (committed)", self.path),
            &format!("{} (current)", self.path),
        );
        let new = self.new.as_deref().unwrap_or_default();
        diff::unified((labels.0, labels.1), &self.old, new, max_lines)
    }
}

/// The listings that differ from `generated`, and the committed ones no crate has.
pub fn changes(root: &Path, generated: &[(String, String)]) -> Result<Vec<Change>> {
    let mut changes: Vec<Change> = generated
        .iter()
        .filter_map(|(path, new)| {
            let old = std::fs::read_to_string(root.join(path)).unwrap_or_default();
            (old != *new).then(|| Change {
                path: path.clone(),
                old,
                new: Some(new.clone()),
            })
        })
        .collect();
    let dir = root.join(DIR);
    if !dir.is_dir() {
        return Ok(changes);
    }
    let entries = std::fs::read_dir(&dir).map_err(|e| Error::in_file(&dir, e))?;
    let mut orphans = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::in_file(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{DIR}/{name}");
        if name.ends_with(".txt") && !generated.iter().any(|(p, _)| *p == path) {
            let old = std::fs::read_to_string(entry.path())
                .map_err(|e| Error::in_file(&entry.path(), e))?;
            orphans.push(Change {
                path,
                old,
                new: None,
            });
        }
    }
    orphans.sort_by(|a, b| a.path.cmp(&b.path));
    changes.extend(orphans);
    Ok(changes)
}

/// Writes each changed listing and removes the orphaned ones.
pub fn write(root: &Path, changes: &[Change]) -> Result<()> {
    for change in changes {
        let path = root.join(&change.path);
        match &change.new {
            Some(text) => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| Error::in_file(dir, e))?;
                }
                std::fs::write(&path, text).map_err(|e| Error::in_file(&path, e))?;
            }
            None => std::fs::remove_file(&path).map_err(|e| Error::in_file(&path, e))?,
        }
    }
    Ok(())
}

/// What to tell a maintainer about a stale listing.
pub fn why_stale(change: &Change) -> &'static str {
    match change.new {
        Some(_) if change.old.is_empty() => "is missing",
        Some(_) => "does not match the crate's public API",
        None => "belongs to no publishable crate of the workspace",
    }
}
