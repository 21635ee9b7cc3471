//! `src/client.rs`: the sans-IO runtime of the endpoint functions.

use super::{rust_file, EmitError, EmitOptions, GeneratedFile};

/// The module's source. Only doc comments survive formatting, so it has no
/// `//` comments.
const TEMPLATE: &str = include_str!("client_template.rs");

/// Emits `src/client.rs`.
pub(crate) fn emit(options: &EmitOptions) -> Result<GeneratedFile, EmitError> {
    let tokens: proc_macro2::TokenStream = TEMPLATE.parse().map_err(|e: proc_macro2::LexError| EmitError {
        path: "src/client.rs".to_owned(),
        message: e.to_string(),
    })?;
    rust_file("src/client.rs".to_owned(), tokens, options)
}
