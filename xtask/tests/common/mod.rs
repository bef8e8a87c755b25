//! Runs the real `xtask` binary against throw-away copies of the repository's
//! `openapi/` directory, so no test touches the committed files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

pub use serde_norway::Value;
use tempfile::TempDir;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The committed spec's text.
pub fn committed_spec() -> String {
    std::fs::read_to_string(repo().join("openapi/cobrowse.yaml")).unwrap()
}

/// The checked-in Zoom-shaped fixture, parsed in document order.
pub fn fixture() -> Value {
    let text = std::fs::read_to_string(fixture_path()).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A value written in YAML.
pub fn yaml(text: &str) -> Value {
    serde_norway::from_str(text).unwrap()
}

/// Where the fixture lives.
pub fn fixture_path() -> PathBuf {
    repo().join("xtask/tests/fixtures/zoom-cobrowse-3.1.json")
}

/// A workspace root holding a copy of the committed `openapi/` directory and
/// the simulator's generated httpmock helpers.
pub struct Workspace {
    dir: TempDir,
}

impl Workspace {
    pub fn copy() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("openapi"), &dir.path().join("openapi"));
        // The httpmock helpers regen writes live in the simulator crate.
        let generated = "mock/src/generated";
        copy_dir(&repo().join(generated), &dir.path().join(generated));
        Self { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    pub fn write(&self, relative: &str, text: &str) {
        std::fs::write(self.path(relative), text).unwrap();
    }

    /// Replaces the only occurrence of `from` in a file.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} must occur once in {relative}"
        );
        self.write(relative, &text.replacen(from, to, 1));
    }

    /// Writes `doc` as JSON into the workspace and returns its path.
    pub fn upstream(&self, doc: &Value) -> PathBuf {
        let path = self.path("zoom.json");
        std::fs::write(&path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
        path
    }

    /// Runs `xtask <args> --root <this workspace>`.
    pub fn xtask(&self, args: &[&str]) -> Run {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .unwrap();
        Run(output)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The outcome of one xtask run.
pub struct Run(Output);

impl Run {
    pub fn succeeded(&self) -> bool {
        self.0.status.success()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    /// Asserts success and returns stdout.
    pub fn ok(&self) -> String {
        assert!(
            self.succeeded(),
            "xtask failed:\n{}\n{}",
            self.stdout(),
            self.stderr()
        );
        self.stdout()
    }

    /// Asserts failure and returns stderr.
    pub fn failed(&self) -> String {
        assert!(!self.succeeded(), "xtask succeeded:\n{}", self.stdout());
        self.stderr()
    }
}
