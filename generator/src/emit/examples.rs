//! `tests/examples_<version>.rs`: every concrete example body of the docs
//! deserializes into its model type and serializes back to the same JSON, as
//! the model sees it (`null` members absent, `1.0` equal to `1`).

use super::names::{ident, CrateNames, ItemKind};
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::diagnostics::codes;
use crate::extract::placeholders::has_placeholders;
use crate::ir::{Example, Model, QualifiedName};
use crate::naming::{field_name, unique_names};
use quote::quote;

/// Whether `example`, read as `ty` (a page of a collection when
/// `collection`), contradicts the docs' own types: a collection page without
/// a `value` array, or what the example checks report as a value of the wrong
/// JSON type or a malformed one (`example-wrong-type`, `example-bad-value`).
/// Such an example is left out of the generated tests, which would otherwise
/// fail on the docs' mistake rather than on the crate.
pub(crate) fn contradicts_model(
    model: &Model,
    example: &Example,
    ty: &QualifiedName,
    collection: bool,
) -> bool {
    let Some(body) = &example.body else {
        return false;
    };
    if collection {
        let value: Option<serde_json::Value> = serde_json::from_str(body).ok();
        if !value.is_some_and(|v| v.get("value").is_some_and(|items| items.is_array())) {
            return true;
        }
    }
    let as_read = Example {
        ty: Some(ty.clone()),
        collection,
        ..example.clone()
    };
    let (found, _) = crate::ir::examples::check_example(model, &as_read);
    found
        .iter()
        .any(|d| d.code == codes::EXAMPLE_WRONG_TYPE || d.code == codes::EXAMPLE_BAD_VALUE)
}

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
        if contradicts_model(model, ex, ty, false) {
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
                assert_eq!(comparable(back), comparable(expected), "the round trip changed the example");
            }
        }
    });
    let doc = format!(
        " Round trips of the concrete examples of the `{}` docs: each body deserializes into its",
        model.version
    );
    let comparable = super::json_compare::comparable_fn();
    let tokens = quote! {
        #![doc = #doc]
        #![doc = " model type and serializes back to the same JSON, as the model sees it: `null` members"]
        #![doc = " are absent, and `1.0` is `1`."]
        #(#tests)*
        #comparable
    };
    let path = format!("tests/examples_{}.rs", names.version_module(&model.version));
    rust_file(path, tokens, options).map(Some)
}
