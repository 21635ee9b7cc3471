//! `tests/examples_<version>.rs`: every concrete example body of the docs
//! deserializes into its model type and serializes back to the same JSON, as
//! the model sees it (`null` members absent, `1.0` equal to `1`).

use super::names::{ident, CrateNames, ItemKind};
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{ExampleKind, Model, QualifiedName, TypeLookup, Verdict};
use crate::naming::{field_name, unique_names};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// Emits the test file, or `None` when the version has no concrete example.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    features: &super::features::Features,
    options: &EmitOptions,
) -> Result<Option<GeneratedFile>, EmitError> {
    let crate_ident = ident(&options.crate_name.replace('-', "_"));
    let tests = ExampleTests {
        model,
        names,
        lookup: model.type_lookup(),
        crate_ident: &crate_ident,
    };
    let mut cases = Vec::new();
    for (i, ex) in model.examples.iter().enumerate() {
        let (Some(body), Some(json), Some(ty)) = (&ex.body, &ex.json, &ex.ty) else {
            continue;
        };
        if !json.is_object() || ex.verdict != Verdict::Concrete {
            continue;
        }
        let Some(check) = tests.check(ty, ex.collection, json) else {
            continue;
        };
        let kind = match ex.kind {
            ExampleKind::Request => "request",
            ExampleKind::Response => "response",
        };
        let base = ex
            .name
            .as_deref()
            .map(field_name)
            .unwrap_or_else(|| format!("example_{}", ex.source.line));
        // The test names the derived types too: it needs their workloads.
        let mut needed =
            std::collections::BTreeSet::from([features.item(&model.version, ItemKind::Type, ty)]);
        for derived in tests.derived_types(ty, ex.collection, json) {
            needed.insert(features.item(&model.version, ItemKind::Type, derived));
        }
        let cfg = super::features::cfg_all(&needed);
        cases.push((
            i,
            format!("{base}_{kind}"),
            ex.source.to_string(),
            check,
            body.clone(),
            cfg,
        ));
    }
    if cases.is_empty() {
        return Ok(None);
    }
    let fn_names = unique_names(cases.iter().map(|c| (c.0, field_name(&c.1))), &[], false);
    let tests = cases.iter().map(|(i, _, source, check, body, cfg)| {
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
                #check
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

/// What the checks of one version's example tests read.
struct ExampleTests<'m> {
    model: &'m Model,
    names: &'m CrateNames<'m>,
    lookup: TypeLookup<'m>,
    crate_ident: &'m Ident,
}

impl ExampleTests<'_> {
    /// The path of a model type from the crate's tests, if it is emitted.
    fn type_path(&self, ty: &QualifiedName) -> Option<TokenStream> {
        let crate_ident = self.crate_ident;
        let item = self
            .names
            .try_item(&self.model.version, ItemKind::Type, ty)?;
        let version = ident(item.version_module);
        let ty_ident = ident(item.ident);
        Some(match &item.namespace_module {
            Some(ns) => {
                let ns = ident(ns);
                quote! { ::#crate_ident::#version::#ns::#ty_ident }
            }
            None => quote! { ::#crate_ident::#version::#ty_ident },
        })
    }

    /// The type derived from `expected` that an object's `@odata.type`
    /// names, if it names one.
    fn derived_type(
        &self,
        expected: &QualifiedName,
        object: &serde_json::Value,
    ) -> Option<&QualifiedName> {
        let odata_type = object.get("@odata.type")?.as_str()?.trim_start_matches('#');
        let (namespace, name) = odata_type.rsplit_once('.')?;
        let found = self.lookup.find(Some(namespace), name)?;
        let derives = self
            .model
            .ancestors(found)
            .iter()
            .any(|a| a.name.key() == expected.key());
        derives.then_some(&found.name)
    }

    /// The derived types an example read as `ty` names (its own, or its
    /// items' when a page).
    fn derived_types(
        &self,
        ty: &QualifiedName,
        collection: bool,
        json: &serde_json::Value,
    ) -> Vec<&QualifiedName> {
        let objects: Vec<&serde_json::Value> = if collection {
            json.get("value")
                .and_then(|v| v.as_array())
                .map(|items| items.iter().collect())
                .unwrap_or_default()
        } else {
            vec![json]
        };
        objects
            .into_iter()
            .filter_map(|object| self.derived_type(ty, object))
            .collect()
    }

    /// Reads `value` (an expression of type `expected`) as the derived type
    /// its example object names, when it names one, and checks it
    /// round-trips to `json_expr`.
    fn derived_check(
        &self,
        expected: &QualifiedName,
        object: &serde_json::Value,
        value: TokenStream,
        json_expr: TokenStream,
    ) -> Option<TokenStream> {
        let derived_path = self.type_path(self.derived_type(expected, object)?)?;
        let crate_ident = self.crate_ident;
        Some(quote! {
            {
                let derived: #derived_path = ::#crate_ident::client::Model::cast(&#value)
                    .expect("the derived type reads")
                    .expect("the @odata.type names the derived type");
                let back = ::serde_json::to_value(&derived).expect("the model serializes");
                assert_eq!(comparable(back), comparable(#json_expr.clone()), "the derived type changed the example");
            }
        })
    }

    /// The test body of an example read as `ty` (a page of a collection when
    /// `collection`, tested only when it holds a derived type): a round trip,
    /// and each object whose `@odata.type` names a type derived from `ty`
    /// read as that type.
    fn check(
        &self,
        ty: &QualifiedName,
        collection: bool,
        json: &serde_json::Value,
    ) -> Option<TokenStream> {
        let path = self.type_path(ty)?;
        let crate_ident = self.crate_ident;
        let (read, derived) = if collection {
            let items = json.get("value")?.as_array()?;
            let derived: Vec<TokenStream> = items
                .iter()
                .enumerate()
                .filter_map(|(k, item)| {
                    self.derived_check(
                        ty,
                        item,
                        quote! { parsed.value[#k] },
                        quote! { expected["value"][#k] },
                    )
                })
                .collect();
            // A page is tested for the derived types in it; the round trip of
            // its items is what the object examples already test.
            if derived.is_empty() {
                return None;
            }
            (
                quote! { ::#crate_ident::client::Collection<#path> },
                derived,
            )
        } else {
            let derived = self.derived_check(ty, json, quote! { parsed }, quote! { expected });
            (path, derived.into_iter().collect())
        };
        Some(quote! {
            let parsed: #read = ::serde_json::from_str(body).expect("the example deserializes into the model");
            let back = ::serde_json::to_value(&parsed).expect("the model serializes");
            assert_eq!(comparable(back), comparable(expected.clone()), "the round trip changed the example");
            #(#derived)*
        })
    }
}
