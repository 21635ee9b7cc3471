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

[dependencies]
base64 = "0.22"
chrono = {{ version = "0.4", default-features = false, features = ["std", "serde"] }}
iso8601 = "0.6"
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
uuid = {{ version = "1", features = ["serde"] }}
{workspace}"#,
        command = options.regen_command,
        name = options.crate_name,
    );
    GeneratedFile { path: "Cargo.toml".to_owned(), contents }
}
