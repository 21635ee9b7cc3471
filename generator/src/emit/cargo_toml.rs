//! The generated crate's `Cargo.toml`.

use super::features::Features;
use super::{EmitOptions, GeneratedFile, GENERATED_MARKER};

/// The `[features]` lines: one per workload, with the workloads it needs.
fn feature_lines(features: &Features) -> String {
    let all = features.all();
    let quoted = |set: &mut dyn Iterator<Item = &str>| {
        set.map(|f| format!("\"{f}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = format!("full = [{}]\n", quoted(&mut all.iter().copied()));
    for f in &all {
        let needs = features
            .needs
            .get(*f)
            .map(|n| n.iter().map(String::as_str).collect::<Vec<_>>())
            .unwrap_or_default();
        out.push_str(&format!("{f} = [{}]\n", quoted(&mut needs.into_iter())));
    }
    out
}

/// The dev-dependencies and `[[bench]]` targets of the read benchmarks
/// (`EmitOptions::read_bench`): divan, and the derive copies beside the crate.
fn bench_lines(benches: &[&str]) -> String {
    if benches.is_empty() {
        return String::new();
    }
    let mut out = "divan = \"0.1\"\n".to_owned();
    for (name, dir) in super::read_bench::DERIVE_COPIES {
        out.push_str(&format!("{name} = {{ path = \"../{dir}\" }}\n"));
    }
    for bench in benches {
        out.push_str(&format!(
            "\n[[bench]]\nname = \"{bench}\"\nharness = false\nrequired-features = [\"full\"]\n"
        ));
    }
    out
}

/// Emits `Cargo.toml`; `benches` are the read benchmarks' targets, if any.
pub(crate) fn emit(options: &EmitOptions, features: &Features, benches: &[&str]) -> GeneratedFile {
    let workspace = if options.standalone {
        "\n[workspace]\n"
    } else {
        ""
    };
    let contents = format!(
        r#"# This file is {GENERATED_MARKER}. Do not edit it by hand.
# Regenerate it with `{command}`.

[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false
description = "Typed models of the Microsoft Graph API, generated from its reference pages"

[features]
# Every workload; turn default features off and name the workloads you use
# to compile less. Each turns on `core`, what workloads share; a field or an
# endpoint reaching another workload's type is there when that one is on too.
default = ["full"]
{features}
# Send requests with reqwest (`client::Sender`: retries after `Retry-After`,
# the items of every page). Off by default: the default build has no HTTP
# client. Enable a TLS feature of reqwest for https.
reqwest = ["dep:reqwest", "dep:tokio"]

[dependencies]
base64 = "0.22"
chrono = {{ version = "0.4", default-features = false, features = ["std", "serde"] }}
http = "1"
iso8601 = "0.6"
percent-encoding = "2"
reqwest = {{ version = "0.13", default-features = false, optional = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
serde_path_to_error = "0.1"
tokio = {{ version = "1", default-features = false, features = ["time"], optional = true }}
uuid = {{ version = "1", features = ["serde"] }}

[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
wiremock = "0.6"
{benches}{workspace}"#,
        command = options.regen_command,
        name = options.crate_name,
        features = feature_lines(features),
        benches = bench_lines(benches),
    );
    GeneratedFile {
        path: "Cargo.toml".to_owned(),
        contents,
    }
}
