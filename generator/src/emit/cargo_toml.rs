//! The generated crate's `Cargo.toml`.

use super::{EmitOptions, GeneratedFile, GENERATED_MARKER};

/// Emits `Cargo.toml`.
pub(crate) fn emit(options: &EmitOptions) -> GeneratedFile {
    let workspace = if options.standalone { "\n[workspace]\n" } else { "" };
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
# Send requests with reqwest (`Operation::send`). Off by default: the default
# build has no HTTP client. Enable a TLS feature of reqwest for https.
reqwest = ["dep:reqwest"]

[dependencies]
base64 = "0.22"
chrono = {{ version = "0.4", default-features = false, features = ["std", "serde"] }}
http = "1"
iso8601 = "0.6"
percent-encoding = "2"
reqwest = {{ version = "0.13", default-features = false, optional = true }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
uuid = {{ version = "1", features = ["serde"] }}

[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
wiremock = "0.6"
{workspace}"#,
        command = options.regen_command,
        name = options.crate_name,
    );
    GeneratedFile { path: "Cargo.toml".to_owned(), contents }
}
