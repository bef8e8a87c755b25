//! `cargo xtask public-api` lists exactly the public items of a small fixture
//! workspace, `--check` passes while the listing is current and fails, naming the
//! file and writing nothing, once the API has changed.
//!
//! Each test documents its own copy of the fixture with its own target directory,
//! so the tests run in parallel and never touch the repository's listings.

use std::path::{Path, PathBuf};
use std::process::Output;

use tempfile::TempDir;

const LISTING: &str = "public-api/fixture-api.txt";

const MANIFEST: &str = r#"[package]
name = "fixture-api"
version = "0.2.0"
edition = "2024"

[features]
extra = []
slim = []

[workspace]
members = [".", "helper"]
"#;

/// A member that must not get a listing.
const HELPER_MANIFEST: &str = r#"[package]
name = "helper"
version = "0.1.0"
edition = "2024"
publish = false
"#;

const LIB: &str = r#"//! A fixture for `cargo xtask public-api`.

mod inner {
    /// Reachable only through the re-export at the root.
    #[derive(Clone)]
    pub struct Widget {
        pub id: u32,
        label: String,
    }

    impl Widget {
        pub fn new(id: u32) -> Self {
            Self { id, label: String::new() }
        }

        pub fn label(&self, prefix: &str) -> String {
            format!("{prefix}{}", self.label)
        }

        fn _private(&self) {}
    }
}

pub mod shapes {
    pub enum Shape {
        Dot,
        Circle(f64),
        Rect { w: u32, h: u32 },
    }

    pub trait Area {
        fn area(&self) -> f64;
    }
}

pub use inner::Widget;
pub use shapes::Shape as Form;
pub use std::collections::BTreeMap as Map;

#[cfg(feature = "extra")]
pub fn first(widgets: &[Widget]) -> Option<&Widget> {
    widgets.first()
}

/// Everything in it is behind the feature too.
#[cfg(feature = "extra")]
pub mod gated {
    pub fn inside() {}
}

#[cfg(any(feature = "extra", feature = "slim"))]
pub const LIMIT: usize = 3;

pub mod prelude {
    pub use crate::shapes::*;
}
"#;

/// What the fixture's listing must say, line for line.
const EXPECTED: &str = "\
# Public API of fixture-api 0.2.0, written by `cargo xtask public-api`; do not edit.
pub enum fixture_api::Form
pub fixture_api::Form::Circle(f64)
pub fixture_api::Form::Dot
pub fixture_api::Form::Rect { w: u32, h: u32 }
#[cfg(any(feature = \"extra\", feature = \"slim\"))] pub const fixture_api::LIMIT: usize
pub use fixture_api::Map = std::collections::BTreeMap
pub struct fixture_api::Widget
pub fixture_api::Widget::id: u32
pub fn fixture_api::Widget::label(&self, prefix: &str) -> String
pub fn fixture_api::Widget::new(id: u32) -> Self
impl Clone for fixture_api::Widget
#[cfg(feature = \"extra\")] pub fn fixture_api::first(widgets: &[fixture_api::Widget]) -> Option<&fixture_api::Widget>
#[cfg(feature = \"extra\")] pub mod fixture_api::gated
#[cfg(feature = \"extra\")] pub fn fixture_api::gated::inside()
pub mod fixture_api::prelude
pub trait fixture_api::prelude::Area
pub fn fixture_api::prelude::Area::area(&self) -> f64
pub enum fixture_api::prelude::Shape
pub fixture_api::prelude::Shape::Circle(f64)
pub fixture_api::prelude::Shape::Dot
pub fixture_api::prelude::Shape::Rect { w: u32, h: u32 }
pub mod fixture_api::shapes
pub trait fixture_api::shapes::Area
pub fn fixture_api::shapes::Area::area(&self) -> f64
pub enum fixture_api::shapes::Shape
pub fixture_api::shapes::Shape::Circle(f64)
pub fixture_api::shapes::Shape::Dot
pub fixture_api::shapes::Shape::Rect { w: u32, h: u32 }
";

/// A fixture workspace in a temporary directory.
struct Fixture {
    dir: TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Self { dir };
        fixture.write("Cargo.toml", MANIFEST);
        fixture.write("src/lib.rs", LIB);
        fixture.write("helper/Cargo.toml", HELPER_MANIFEST);
        fixture.write("helper/src/lib.rs", "pub fn helper() {}\n");
        fixture
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Replaces the only occurrence of `from` in a file.
    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {relative}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// Runs `xtask public-api <args> --root <fixture>`, building into the fixture.
    fn xtask(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
            .arg("public-api")
            .args(args)
            .arg("--root")
            .arg(self.dir.path())
            .env("CARGO_TARGET_DIR", self.path("target"))
            .output()
            .unwrap()
    }

    /// Writes the listings, asserting success.
    fn record(&self) -> String {
        let run = self.xtask(&[]);
        assert!(run.status.success(), "{}", stderr(&run));
        String::from_utf8_lossy(&run.stdout).into_owned()
    }
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn listings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("public-api"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_listing_has_exactly_the_public_items_of_the_fixture() {
    let fixture = Fixture::new();
    let stdout = fixture.record();
    assert_eq!(fixture.read(LISTING), EXPECTED);
    assert!(
        stdout.contains(&format!("{LISTING}: rewritten (+29 -0 lines)")),
        "{stdout}"
    );
    assert!(
        stdout.contains("+pub fn fixture_api::Widget::new"),
        "the diff: {stdout}"
    );
    assert_eq!(
        listings(fixture.dir.path()),
        ["fixture-api.txt"],
        "publish = false members get none"
    );
}

#[test]
fn check_passes_on_an_unchanged_tree() {
    let fixture = Fixture::new();
    fixture.record();
    let run = fixture.xtask(&["--check"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(fixture.read(LISTING), EXPECTED);
    assert!(
        fixture.record().contains(&format!("{LISTING}: unchanged")),
        "a second run changes nothing"
    );
}

#[test]
fn check_fails_on_a_changed_signature_naming_the_file_and_writes_nothing() {
    let fixture = Fixture::new();
    fixture.record();
    fixture.edit(
        "src/lib.rs",
        "pub fn label(&self, prefix: &str) -> String",
        "pub fn label(&self, prefix: String) -> String",
    );
    let run = fixture.xtask(&["--check"]);
    assert!(!run.status.success(), "--check passed a changed API");
    let stderr = stderr(&run);
    assert!(
        stderr.contains(&format!(
            "stale: {LISTING} does not match the crate's public API (+1 -1 lines)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("-pub fn fixture_api::Widget::label(&self, prefix: &str) -> String"),
        "{stderr}"
    );
    assert!(
        stderr.contains("+pub fn fixture_api::Widget::label(&self, prefix: String) -> String"),
        "{stderr}"
    );
    assert_eq!(fixture.read(LISTING), EXPECTED, "--check wrote the listing");
}

#[test]
fn check_fails_on_a_missing_listing_and_on_one_no_crate_has() {
    let fixture = Fixture::new();
    fixture.write("public-api/helper.txt", "# an old listing\n");
    let run = fixture.xtask(&["--check"]);
    assert!(!run.status.success());
    let stderr = stderr(&run);
    assert!(
        stderr.contains(&format!("stale: {LISTING} is missing")),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "stale: public-api/helper.txt belongs to no publishable crate of the workspace"
        ),
        "{stderr}"
    );
    fixture.record();
    assert_eq!(listings(fixture.dir.path()), ["fixture-api.txt"]);
}

#[test]
fn a_rustdoc_format_it_does_not_know_is_a_clear_error() {
    let json = serde_json::json!({ "format_version": 1, "index": {}, "paths": {}, "root": 0 });
    let error = xtask::api_listing::lines(&json).unwrap_err().to_string();
    assert!(error.contains("format_version 1 is not one"), "{error}");
}
