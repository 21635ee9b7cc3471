//! `src/primitives.rs`: Rust types for the OData primitives that have no
//! exact std/chrono/uuid counterpart on the wire.

use super::{rust_file, EmitError, EmitOptions, GeneratedFile};

/// The module's source. Only doc comments survive formatting, so it has no
/// `//` comments.
const TEMPLATE: &str = include_str!("primitives_template.rs");

/// Emits `src/primitives.rs`.
pub(crate) fn emit(options: &EmitOptions) -> Result<GeneratedFile, EmitError> {
    let tokens: proc_macro2::TokenStream = TEMPLATE.parse().map_err(|e: proc_macro2::LexError| EmitError {
        path: "src/primitives.rs".to_owned(),
        message: e.to_string(),
    })?;
    rust_file("src/primitives.rs".to_owned(), tokens, options)
}
