//! `benches/read_<version>.rs` (with `EmitOptions::read_bench`): a divan
//! benchmark that reads every concrete response example of the docs into its
//! type with this crate's generated impls and with two copies of the crate
//! written with serde's derive (`SerdeImpls::Derive`, the same structs, and
//! `SerdeImpls::DeriveDroppingUnknown`), timed side by side in one process on
//! the same bodies.

use super::names::{ident, CrateNames, ItemKind};
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{Example, ExampleKind, Model, Verdict};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The package names and folders (beside the crate) the benchmark expects of
/// the derive copies: `SerdeImpls::Derive`, then `DeriveDroppingUnknown`.
pub(crate) const DERIVE_COPIES: [(&str, &str); 2] = [
    ("graph-model-derive", "derive"),
    ("graph-model-derive-drop", "derive-drop"),
];

/// Emits the benchmark file of a version, named `read_<version module>`, or
/// nothing when the version has no example it reads.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    options: &EmitOptions,
) -> Result<Option<GeneratedFile>, EmitError> {
    let reads: Vec<ExampleRead> = model
        .examples
        .iter()
        .filter_map(|ex| read_of(model, names, ex))
        .collect();
    if reads.is_empty() {
        return Ok(None);
    }
    let this = ident(&options.crate_name.replace('-', "_"));
    let [copy, drop] = DERIVE_COPIES.map(|(name, _)| ident(&name.replace('-', "_")));
    let count = reads.len();
    let consts = reads.iter().enumerate().map(|(i, read)| {
        let name = format_ident!("BODY_{i}");
        let body = raw_string(&read.body);
        quote! { const #name: &str = #body; }
    });
    let (read_this, read_copy, read_drop) = (
        read_all(&reads, &this),
        read_all(&reads, &copy),
        read_all(&reads, &drop),
    );
    let doc = format!(
        " Reads the {count} concrete response examples of the `{}` docs, each into its type, with the",
        model.version
    );
    let tokens = quote! {
        #![doc = #doc]
        #![doc = " crate's generated impls (`generated`), with serde's derive on a copy of the same structs"]
        #![doc = " (`derive`: members the docs do not list kept with `#[serde(flatten)]`), and with serde's"]
        #![doc = " derive dropping those members (`derive_drop_unknown`: less work than the crate does)."]

        /// 1 when `body` reads as a `T`, else 0.
        fn read_as<T: ::serde::de::DeserializeOwned>(body: &str) -> usize {
            usize::from(::serde_json::from_str::<T>(::divan::black_box(body)).is_ok())
        }

        fn main() {
            // Both sides read every example, or the comparison is not of the same work.
            let read = (generated(), derive(), derive_drop_unknown());
            assert_eq!(read, (#count, #count, #count), "examples read (generated, derive, derive_drop_unknown)");
            ::divan::main();
        }

        /// Every example, with the crate's generated impls.
        #[::divan::bench]
        fn generated() -> usize {
            #read_this
        }

        /// Every example, with serde's derive on the same structs.
        #[::divan::bench]
        fn derive() -> usize {
            #read_copy
        }

        /// Every example, with serde's derive dropping undocumented members.
        #[::divan::bench]
        fn derive_drop_unknown() -> usize {
            #read_drop
        }

        #(#consts)*
    };
    let path = format!("benches/read_{}.rs", names.version_module(&model.version));
    rust_file(path, tokens, options).map(Some)
}

/// The body of a benchmark function: every example read with crate `krate`,
/// giving how many read.
fn read_all(reads: &[ExampleRead], krate: &proc_macro2::Ident) -> TokenStream {
    let statements = reads.iter().enumerate().map(|(i, read)| {
        let name = format_ident!("BODY_{i}");
        let item = &read.item;
        let ty = if read.collection {
            quote! { ::#krate::client::Collection<::#krate::#item> }
        } else {
            quote! { ::#krate::#item }
        };
        quote! { read += read_as::<#ty>(#name); }
    });
    quote! {
        let mut read = 0usize;
        #(#statements)*
        read
    }
}

/// A concrete response example the benchmark reads.
struct ExampleRead {
    /// Its type's path under a crate root (`v1_0::User`).
    item: TokenStream,
    /// Whether the body is a page of them.
    collection: bool,
    /// The JSON body, as written.
    body: String,
}

/// The read of an example: for concrete JSON objects of responses whose
/// type is an emitted struct.
fn read_of(model: &Model, names: &CrateNames, ex: &Example) -> Option<ExampleRead> {
    let (Some(body), Some(json), Some(ty)) = (&ex.body, &ex.json, &ex.ty) else {
        return None;
    };
    if ex.kind != ExampleKind::Response || ex.verdict != Verdict::Concrete || !json.is_object() {
        return None;
    }
    if crate::ir::is_any_json(Some(&ty.namespace), &ty.name) {
        return None;
    }
    let item = names.try_item(&model.version, ItemKind::Type, ty)?;
    let version = ident(item.version_module);
    let ty_ident = ident(item.ident);
    let item = match item.namespace_module {
        Some(ns) => {
            let ns = ident(ns);
            quote! { #version::#ns::#ty_ident }
        }
        None => quote! { #version::#ty_ident },
    };
    Some(ExampleRead {
        item,
        collection: ex.collection,
        body: body.clone(),
    })
}
