//! Generates the API client from `openapi/cobrowse.json` and the webhook types from
//! `openapi/cobrowse-webhooks.json` with progenitor, using the settings in `codegen/`
//! that `cargo xtask regen` shares. The JSON files are renderings of the YAML specs
//! people edit, written by `cargo xtask regen`, so this build parses no YAML.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zoom_cobrowse_codegen::{
    API_SPEC_JSON, Code, CodegenError, Options, WEBHOOK_SPEC_JSON, generate_api, generate_webhooks,
};

fn main() -> ExitCode {
    let api = Path::new(API_SPEC_JSON);
    let webhooks = Path::new(WEBHOOK_SPEC_JSON);
    for spec in [api, webhooks] {
        println!("cargo::rerun-if-changed={}", spec.display());
    }
    // The feature `schemars` derives JsonSchema for every generated type.
    let options = Options {
        schemars: std::env::var_os("CARGO_FEATURE_SCHEMARS").is_some(),
    };
    // Each file is included by `src/generated.rs`.
    let outputs = [
        ("cobrowse.rs", generate_api(api, options)),
        ("cobrowse_webhooks.rs", generate_webhooks(webhooks, options)),
    ];
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

fn write(out: &Path, code: Result<Code, CodegenError>) -> Result<(), String> {
    let code = code.map_err(|e| e.to_string())?;
    std::fs::write(out, code.to_source())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))
}
