//! Looking up the Rust names the model's naming pass gave every item, so
//! every emitter refers to items the same way.

use crate::ir::{Model, QualifiedName};
use crate::naming::{unique_names, version_module};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// The Rust names of one item, as the model's naming pass decided them,
/// with its version's module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemName<'m> {
    /// The type's identifier.
    pub ident: &'m str,
    /// The file/module it lives in.
    pub module: &'m str,
    /// The namespace module, for namespaces other than `microsoft.graph`.
    pub namespace_module: Option<&'m str>,
    /// The version module.
    pub version_module: &'m str,
}

/// Whether an item is a struct or an enum: a type and an enum may share a
/// docs name, and still get distinct Rust names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemKind {
    /// A complex or entity type.
    Type,
    /// An enum.
    Enum,
}

/// The version modules, and the models whose entries hold every item's names.
#[derive(Clone, Debug, Default)]
pub struct CrateNames<'m> {
    versions: BTreeMap<String, String>,
    models: BTreeMap<&'m str, &'m Model>,
}

impl<'m> CrateNames<'m> {
    /// Names the version modules (the one name decided across models).
    pub fn new(models: &[&'m Model]) -> CrateNames<'m> {
        let versions = unique_names(
            models
                .iter()
                .map(|m| (m.version.clone(), version_module(&m.version))),
            &["primitives", "client"],
            true,
        );
        CrateNames {
            versions,
            models: models.iter().map(|m| (m.version.as_str(), *m)).collect(),
        }
    }

    /// The module of an API version.
    pub fn version_module(&self, version: &str) -> &str {
        self.versions
            .get(version)
            .map(String::as_str)
            .unwrap_or("unknown_version")
    }

    /// The names of a model item.
    pub fn item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> ItemName<'_> {
        self.try_item(version, kind, name)
            .expect("every model item is named")
    }

    /// The names of an item, if the model has it.
    pub fn try_item(
        &self,
        version: &str,
        kind: ItemKind,
        name: &QualifiedName,
    ) -> Option<ItemName<'_>> {
        let model = self.models.get(version)?;
        let rust = match kind {
            ItemKind::Type => &model.types.get(&name.key())?.rust,
            ItemKind::Enum => &model.enums.get(&name.key())?.rust,
        };
        Some(ItemName {
            ident: &rust.ident,
            module: &rust.module,
            namespace_module: rust.namespace_module.as_deref(),
            version_module: self.version_module(version),
        })
    }

    /// `crate::v1_0::X` (or `crate::v1_0::ns::X`) for an item.
    pub fn path(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> Option<TokenStream> {
        let item = self.try_item(version, kind, name)?;
        let version = ident(item.version_module);
        let ty = ident(item.ident);
        Some(match item.namespace_module {
            Some(ns) => {
                let ns = ident(ns);
                quote! { crate::#version::#ns::#ty }
            }
            None => quote! { crate::#version::#ty },
        })
    }
}

/// An identifier from a name the [`naming`](crate::naming) module produced.
pub fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}
