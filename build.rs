//! Generates the API client from `openapi/cobrowse.yaml` and the webhook types from
//! `openapi/cobrowse-webhooks.yaml` with progenitor, using the settings in `codegen/`
//! that `cargo xtask regen` shares.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zoom_cobrowse_codegen::CodegenError;

type Generate = fn(&Path) -> Result<String, CodegenError>;

/// Each spec, its generator, and the file in OUT_DIR that `src/generated.rs` includes.
const OUTPUTS: &[(&str, Generate, &str)] = &[
    (
        zoom_cobrowse_codegen::API_SPEC,
        zoom_cobrowse_codegen::generate_api,
        "cobrowse.rs",
    ),
    (
        zoom_cobrowse_codegen::WEBHOOK_SPEC,
        zoom_cobrowse_codegen::generate_webhooks,
        "cobrowse_webhooks.rs",
    ),
];

fn main() -> ExitCode {
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (spec, generate, file) in OUTPUTS {
        let spec = Path::new(spec);
        println!("cargo::rerun-if-changed={}", spec.display());
        let code = match generate(spec) {
            Ok(code) => code,
            Err(e) => {
                // One line naming the file and the problem, instead of a panic backtrace.
                println!("cargo::error={e}");
                return ExitCode::FAILURE;
            }
        };
        let out = out_dir.join(file);
        if let Err(e) = std::fs::write(&out, code) {
            println!("cargo::error=cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
