//! `tests/examples_<version>.rs`: every concrete example body of the docs
//! deserializes into its model type and serializes back to the same JSON, as
//! the model sees it (`null` members absent, `1.0` equal to `1`).

use super::names::{ident, CrateNames, ItemKind};
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{Example, ExampleKind, Model, QualifiedName, TypeLookup, Verdict};
use crate::naming::{field_name, unique_names};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

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
    let cases: Vec<ExampleCase> = model
        .examples
        .iter()
        .enumerate()
        .filter_map(|(index, ex)| tests.case(index, ex, features))
        .collect();
    if cases.is_empty() {
        return Ok(None);
    }
    let fn_names = unique_names(
        cases.iter().map(|c| (c.index, field_name(&c.name))),
        &[],
        false,
    );
    let test_fns = cases.iter().map(|c| c.test_fn(&fn_names[&c.index]));
    let tokens = test_file(&model.version, test_fns);
    let path = format!("tests/examples_{}.rs", names.version_module(&model.version));
    rust_file(path, tokens, options).map(Some)
}

/// The file's tokens: its doc, the tests, and the `comparable` helper they
/// call.
fn test_file(version: &str, test_fns: impl Iterator<Item = TokenStream>) -> TokenStream {
    let doc = format!(
        " Round trips of the concrete examples of the `{version}` docs: each body deserializes into its"
    );
    let comparable = super::json_compare::comparable_fn();
    quote! {
        #![doc = #doc]
        #![doc = " model type and serializes back to the same JSON, as the model sees it: `null` members"]
        #![doc = " are absent, and `1.0` is `1`."]
        #(#test_fns)*
        #comparable
    }
}

/// One concrete example the file tests.
struct ExampleCase {
    /// Its index among the model's examples: what its test's name is unique by.
    index: usize,
    /// The test's name before it is made unique: the example's name (or
    /// line) and kind.
    name: String,
    /// Where the example is.
    source: String,
    /// The test body's checks (see [`ExampleTests::check`]).
    check: TokenStream,
    /// The example's JSON body, as written.
    body: String,
    /// The `#[cfg]` of the features the test needs.
    cfg: TokenStream,
}

impl ExampleCase {
    /// The test function, named `name`.
    fn test_fn(&self, name: &str) -> TokenStream {
        let name = ident(name);
        let doc = format!(" The example at `{}`.", self.source);
        let body = raw_string(&self.body);
        let (cfg, check) = (&self.cfg, &self.check);
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
    }
}

/// What the checks of one version's example tests read.
struct ExampleTests<'m> {
    model: &'m Model,
    names: &'m CrateNames<'m>,
    lookup: TypeLookup<'m>,
    crate_ident: &'m Ident,
}

impl ExampleTests<'_> {
    /// The test case of the example at `index`, if it is a concrete JSON
    /// object of an emitted type that there is something to check for.
    fn case(
        &self,
        index: usize,
        ex: &Example,
        features: &super::features::Features,
    ) -> Option<ExampleCase> {
        let (Some(body), Some(json), Some(ty)) = (&ex.body, &ex.json, &ex.ty) else {
            return None;
        };
        if !json.is_object() || ex.verdict != Verdict::Concrete {
            return None;
        }
        let check = self.check(ty, ex.collection, json)?;
        let kind = match ex.kind {
            ExampleKind::Request => "request",
            ExampleKind::Response => "response",
        };
        let base = ex
            .name
            .as_deref()
            .map(field_name)
            .unwrap_or_else(|| format!("example_{}", ex.source.line));
        Some(ExampleCase {
            index,
            name: format!("{base}_{kind}"),
            source: ex.source.to_string(),
            check,
            body: body.clone(),
            cfg: self.cfg(features, ty, ex.collection, json),
        })
    }

    /// The `#[cfg]` of an example read as `ty`: the features of `ty` and,
    /// since the test names the derived types too, of theirs.
    fn cfg(
        &self,
        features: &super::features::Features,
        ty: &QualifiedName,
        collection: bool,
        json: &serde_json::Value,
    ) -> TokenStream {
        let version = &self.model.version;
        let mut needed = BTreeSet::from([features.item(version, ItemKind::Type, ty)]);
        for derived in self.derived_types(ty, collection, json) {
            needed.insert(features.item(version, ItemKind::Type, derived));
        }
        super::features::cfg_all(&needed)
    }

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
                let back = written(&derived);
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
            let back = written(&parsed);
            assert_eq!(comparable(back), comparable(expected.clone()), "the round trip changed the example");
            #(#derived)*
        })
    }
}
