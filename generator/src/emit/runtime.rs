//! The fixed modules of the generated crate: `src/primitives.rs` (Rust
//! types for OData primitives), `src/object.rs` (how the model structs read
//! and write JSON objects) and `src/client.rs` with its submodules (the
//! sans-IO runtime of the endpoint functions). Their sources are real Rust
//! files under `templates/`, formatted like every other generated file (so
//! they hold only doc comments).

use super::{rust_file, EmitError, EmitOptions, GeneratedFile};

/// Every fixed module: its path in the generated crate and its source.
const MODULES: &[(&str, &str)] = &[
    ("src/primitives.rs", include_str!("templates/primitives.rs")),
    ("src/object.rs", include_str!("templates/object.rs")),
    ("src/client.rs", include_str!("templates/client.rs")),
    (
        "src/client/batch.rs",
        include_str!("templates/client_batch.rs"),
    ),
    (
        "src/client/body.rs",
        include_str!("templates/client_body.rs"),
    ),
    (
        "src/client/error.rs",
        include_str!("templates/client_error.rs"),
    ),
    (
        "src/client/paging.rs",
        include_str!("templates/client_paging.rs"),
    ),
    (
        "src/client/sender.rs",
        include_str!("templates/client_sender.rs"),
    ),
];

/// Emits every fixed module.
pub(crate) fn emit_all(options: &EmitOptions) -> Result<Vec<GeneratedFile>, EmitError> {
    MODULES
        .iter()
        .map(|(path, source)| emit(path, source, options))
        .collect()
}

/// Emits one fixed module at `path`.
fn emit(path: &str, source: &str, options: &EmitOptions) -> Result<GeneratedFile, EmitError> {
    let tokens: proc_macro2::TokenStream =
        source
            .parse()
            .map_err(|e: proc_macro2::LexError| EmitError {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
    rust_file(path.to_owned(), tokens, options)
}
