//! `tests/examples_<version>.rs`: every concrete example body of the docs
//! deserializes into its model type and serializes back to the same JSON.

use super::names::{ident, CrateNames, ItemKind};
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::extract::placeholders::has_placeholders;
use crate::ir::Model;
use crate::naming::{field_name, unique_names};
use quote::quote;

/// Emits the test file, or `None` when the version has no concrete example.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    features: &super::features::Features,
    options: &EmitOptions,
) -> Result<Option<GeneratedFile>, EmitError> {
    let crate_ident = ident(&options.crate_name.replace('-', "_"));
    let mut cases = Vec::new();
    for (i, ex) in model.examples.iter().enumerate() {
        let (Some(body), Some(ty), false) = (&ex.body, &ex.ty, ex.collection) else {
            continue;
        };
        let Ok(json) = serde_json::from_str::<serde_json::Value>(body) else {
            continue;
        };
        if !json.is_object() || has_placeholders(&json) {
            continue;
        }
        let Some(item) = names.try_item(&model.version, ItemKind::Type, ty) else {
            continue;
        };
        let version = ident(&item.version_module);
        let ty_ident = ident(&item.ident);
        let path = match &item.namespace_module {
            Some(ns) => {
                let ns = ident(ns);
                quote! { ::#crate_ident::#version::#ns::#ty_ident }
            }
            None => quote! { ::#crate_ident::#version::#ty_ident },
        };
        let kind = match ex.kind {
            crate::extract::ExampleKind::Request => "request",
            crate::extract::ExampleKind::Response => "response",
        };
        let base = ex
            .name
            .as_deref()
            .map(field_name)
            .unwrap_or_else(|| format!("example_{}", ex.source.line));
        let cfg = super::features::cfg(features.item(&model.version, ItemKind::Type, ty));
        cases.push((
            i,
            format!("{base}_{kind}"),
            ex.source.to_string(),
            path,
            body.clone(),
            cfg,
        ));
    }
    if cases.is_empty() {
        return Ok(None);
    }
    let fn_names = unique_names(cases.iter().map(|c| (c.0, field_name(&c.1))), &[], false);
    let tests = cases.iter().map(|(i, _, source, path, body, cfg)| {
        let name = ident(&fn_names[i]);
        let doc = format!(" The example at `{source}`.");
        let body = raw_string(body);
        quote! {
            #[doc = #doc]
            #cfg
            #[test]
            fn #name() {
                let body = #body;
                let expected: ::serde_json::Value = ::serde_json::from_str(body).expect("the example is JSON");
                let parsed: #path = ::serde_json::from_str(body).expect("the example deserializes into the model");
                let back = ::serde_json::to_value(&parsed).expect("the model serializes");
                assert_eq!(back, expected, "the round trip changed the example");
            }
        }
    });
    let doc = format!(
        " Round trips of the concrete examples of the `{}` docs: each body deserializes into its",
        model.version
    );
    let tokens = quote! {
        #![doc = #doc]
        #![doc = " model type and serializes back to the same JSON."]
        #(#tests)*
    };
    let path = format!("tests/examples_{}.rs", names.version_module(&model.version));
    rust_file(path, tokens, options).map(Some)
}
