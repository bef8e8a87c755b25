//! Generates the API client from `openapi/cobrowse.yaml` with progenitor, using the
//! settings in `codegen/` that `cargo xtask regen` shares; with feature `mock`, also
//! progenitor's typed httpmock helpers.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zoom_cobrowse_codegen::CodegenError;

fn main() -> ExitCode {
    let spec = Path::new(zoom_cobrowse_codegen::API_SPEC);
    println!("cargo::rerun-if-changed={}", spec.display());
    let mut outputs = vec![("cobrowse.rs", zoom_cobrowse_codegen::generate_api(spec))];
    if std::env::var_os("CARGO_FEATURE_MOCK").is_some() {
        outputs.push((
            "httpmock.rs",
            zoom_cobrowse_codegen::generate_httpmock(spec),
        ));
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, code) in outputs {
        if let Err(problem) = write(&out_dir.join(name), code) {
            // One line naming the file and the problem, instead of a panic backtrace.
            println!("cargo::error={problem}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn write(out: &Path, code: Result<String, CodegenError>) -> Result<(), String> {
    let code = code.map_err(|e| e.to_string())?;
    std::fs::write(out, code).map_err(|e| format!("cannot write {}: {e}", out.display()))
}
