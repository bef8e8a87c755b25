//! The `schemars` option adds the JsonSchema derive and nothing else, so the
//! snapshots (every option on) show what a default build compiles, derive aside.

use std::path::{Path, PathBuf};

use zoom_cobrowse_codegen::{
    API_SPEC_JSON, Code, CodegenError, Options, WEBHOOK_SPEC_JSON, generate_api, generate_webhooks,
};

type Generate = fn(&Path, Options) -> Result<Code, CodegenError>;

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative)
}

#[test]
fn schemars_adds_the_json_schema_derive_and_nothing_else() {
    let specs: [(&str, Generate); 2] = [
        (API_SPEC_JSON, generate_api),
        (WEBHOOK_SPEC_JSON, generate_webhooks),
    ];
    for (spec, generate) in specs {
        // Compared without whitespace: token spacing differs around the derive list.
        let generate = |options| {
            let code = generate(&repo_path(spec), options).unwrap().to_source();
            code.split_whitespace().collect::<String>()
        };
        let without = generate(Options::default());
        let with = generate(Options::ALL);
        assert!(!without.contains("schemars"), "{spec}: schemars off");
        let derives = with.matches(",schemars::JsonSchema)").count();
        assert!(derives > 5, "{spec}: {derives} derives");
        let stripped = with.replace(",schemars::JsonSchema)", ")");
        if let Some(at) = first_difference(&stripped, &without) {
            let context = |text: &str| {
                text[at.saturating_sub(200)..]
                    .chars()
                    .take(400)
                    .collect::<String>()
            };
            panic!(
                "{spec}: schemars changes more than the derive, here:\n{}\n-- without: --\n{}",
                context(&stripped),
                context(&without)
            );
        }
    }
}

fn first_difference(a: &str, b: &str) -> Option<usize> {
    a.char_indices()
        .zip(b.chars())
        .find_map(|((at, x), y)| (x != y).then_some(at))
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())))
}
