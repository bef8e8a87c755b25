//! `cargo xtask`: see the library docs and `cargo xtask help`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::error::{Error, Result};
use xtask::public_api;
use xtask::regen::{self, Source};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Maintainer tools for zoom-cobrowse's OpenAPI spec and public API"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rewrite openapi/cobrowse.yaml in canonical form with openapi/overlay.yaml
    /// applied and openapi/cobrowse-webhooks.yaml in canonical form, write each as
    /// JSON beside it (what build.rs reads), validate both, and refresh
    /// openapi/snapshot/.
    Regen {
        /// Import this document as Zoom publishes it (JSON or YAML, OpenAPI 3.0 or
        /// 3.1) instead of re-deriving the current spec.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        /// Write nothing; fail if regen would change a file.
        #[arg(long)]
        check: bool,
        /// The workspace root (default: this repository).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Render openapi/cobrowse.yaml as Zoom would publish it (OpenAPI 3.1.1 JSON,
    /// Zoom's operationIds, inline schemas, no overlay fix): the import fixture.
    Upstream {
        /// Where to write it, relative to the root [default: xtask/tests/fixtures/zoom-cobrowse-3.1.json].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The workspace root (default: this repository).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
    /// Record the public API of each publishable crate (all features on) in
    /// public-api/<crate>.txt, from rustdoc's JSON, and print what changed.
    PublicApi {
        /// Write nothing; fail if a listing is stale.
        #[arg(long)]
        check: bool,
        /// The workspace root (default: this repository).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Regen { from, check, root } => {
            let root = root.unwrap_or_else(default_root);
            let source = from.as_deref().map_or(Source::Spec, Source::Upstream);
            if check {
                check_cmd(&root, source)
            } else {
                regen_cmd(&root, source)
            }
        }
        Command::Upstream { out, root } => {
            let root = root.unwrap_or_else(default_root);
            let out = root.join(out.unwrap_or_else(|| regen::UPSTREAM_FIXTURE.into()));
            upstream_cmd(&root, &out)
        }
        Command::PublicApi { check, root } => {
            let root = root.unwrap_or_else(default_root);
            if check {
                public_api_check_cmd(&root)
            } else {
                public_api_cmd(&root)
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository this xtask was built from.
fn default_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

fn regen_cmd(root: &Path, source: Source<'_>) -> Result<ExitCode> {
    let generated = regen::generate(root, source)?;
    if let Source::Upstream(from) = source {
        println!("imported {}", from.display());
        for note in generated.notes.lines() {
            println!("  {note}");
        }
    }
    let paths: Vec<&str> = generated.files.iter().map(|(path, _)| *path).collect();
    let changes = regen::changes(root, generated);
    regen::write(root, &changes)?;
    for path in paths {
        match changes.iter().find(|c| c.path == path) {
            None => println!("{path}: unchanged"),
            Some(change) => {
                let (added, removed) = change.line_counts();
                println!("{path}: rewritten (+{added} -{removed} lines)");
                if regen::SURFACE_SNAPSHOTS.contains(&path) {
                    print!("{}", change.unified_diff(usize::MAX));
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check_cmd(root: &Path, source: Source<'_>) -> Result<ExitCode> {
    let changes = regen::changes(root, regen::generate(root, source)?);
    if changes.is_empty() {
        println!(
            "{}, its overlay, {}, their JSON renderings and the snapshots are up to date",
            regen::SPEC,
            regen::WEBHOOK_SPEC
        );
        return Ok(ExitCode::SUCCESS);
    }
    for change in &changes {
        let (added, removed) = change.line_counts();
        eprintln!(
            "stale: {} {} (+{added} -{removed} lines)",
            change.path,
            regen::why_stale(change.path)
        );
        if !regen::CODE_SNAPSHOTS.contains(&change.path) {
            eprint!("{}", change.unified_diff(60));
        }
    }
    eprintln!("run `cargo xtask regen` and commit the result");
    Ok(ExitCode::FAILURE)
}

fn upstream_cmd(root: &Path, out: &Path) -> Result<ExitCode> {
    let json = regen::render_upstream_json(root)?;
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::in_file(dir, e))?;
    }
    std::fs::write(out, json).map_err(|e| Error::in_file(out, e))?;
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn public_api_cmd(root: &Path) -> Result<ExitCode> {
    let generated = public_api::generate(root)?;
    let changes = public_api::changes(root, &generated)?;
    public_api::write(root, &changes)?;
    for (path, _) in &generated {
        if !changes.iter().any(|c| c.path == *path) {
            println!("{path}: unchanged");
        }
    }
    for change in &changes {
        let (added, removed) = change.line_counts();
        let done = if change.new.is_some() {
            "rewritten"
        } else {
            "removed"
        };
        println!("{}: {done} (+{added} -{removed} lines)", change.path);
        print!("{}", change.unified_diff(usize::MAX));
    }
    Ok(ExitCode::SUCCESS)
}

fn public_api_check_cmd(root: &Path) -> Result<ExitCode> {
    let generated = public_api::generate(root)?;
    let changes = public_api::changes(root, &generated)?;
    if changes.is_empty() {
        println!(
            "{}/ records the public API of every publishable crate",
            public_api::DIR
        );
        return Ok(ExitCode::SUCCESS);
    }
    for change in &changes {
        let (added, removed) = change.line_counts();
        eprintln!(
            "stale: {} {} (+{added} -{removed} lines)",
            change.path,
            public_api::why_stale(change)
        );
    }
    for change in &changes {
        eprint!("{}", change.unified_diff(400));
    }
    eprintln!("run `cargo xtask public-api`, review the API change and commit the result");
    Ok(ExitCode::FAILURE)
}
