//! The fixed modules of the generated crate: `src/primitives.rs` (Rust
//! types for OData primitives), `src/object.rs` (how the model structs read
//! and write JSON objects) and `src/client.rs` (the sans-IO runtime of the
//! endpoint functions). Their sources are real Rust files here, formatted
//! like every other generated file (so they hold only doc comments).

use super::{rust_file, EmitError, EmitOptions, GeneratedFile};

/// The source of `src/primitives.rs`.
pub(crate) const PRIMITIVES: &str = include_str!("primitives_template.rs");

/// The source of `src/object.rs`.
pub(crate) const OBJECT: &str = include_str!("object_template.rs");

/// The source of `src/client.rs`.
pub(crate) const CLIENT: &str = include_str!("client_template.rs");

/// Emits one fixed module at `path`.
pub(crate) fn emit(
    path: &str,
    source: &str,
    options: &EmitOptions,
) -> Result<GeneratedFile, EmitError> {
    let tokens: proc_macro2::TokenStream =
        source
            .parse()
            .map_err(|e: proc_macro2::LexError| EmitError {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
    rust_file(path.to_owned(), tokens, options)
}
