//! Generates the API client from `openapi/cobrowse.yaml` with progenitor, using the
//! settings in `codegen/` that `cargo xtask regen` shares.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let spec = Path::new(zoom_cobrowse_codegen::API_SPEC);
    println!("cargo::rerun-if-changed={}", spec.display());
    let code = match zoom_cobrowse_codegen::generate_api(spec) {
        Ok(code) => code,
        Err(e) => {
            // One line naming the file and the problem, instead of a panic backtrace.
            println!("cargo::error={e}");
            return ExitCode::FAILURE;
        }
    };
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("cobrowse.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo::error=cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
