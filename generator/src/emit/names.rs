//! The Rust name and module of every item of the crate, decided once so
//! every emitter refers to items the same way.

use crate::ir::{Model, QualifiedName};
use crate::naming::{module_name, type_name, unique_names, version_module};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// The Rust names of one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemName {
    /// The type's identifier.
    pub ident: String,
    /// The file/module it lives in.
    pub module: String,
    /// The namespace module, for namespaces other than `microsoft.graph`.
    pub namespace_module: Option<String>,
    /// The version module.
    pub version_module: String,
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

/// Names of every version module and item.
#[derive(Clone, Debug, Default)]
pub struct CrateNames {
    versions: BTreeMap<String, String>,
    items: BTreeMap<(String, ItemKind, String), ItemName>,
}

/// Names that item modules may not take in a version module.
const RESERVED_MODULES: &[&str] = &["mod", "primitives", "client", "api", "tests"];

/// The namespace module for a namespace, or `None` for `microsoft.graph`.
fn namespace_module(namespace: &str) -> Option<String> {
    if namespace.eq_ignore_ascii_case(crate::extract::DEFAULT_NAMESPACE) {
        return None;
    }
    let short = namespace
        .strip_prefix("microsoft.graph.")
        .unwrap_or(namespace);
    Some(module_name(short))
}

impl CrateNames {
    /// Decides every name. Deterministic: depends only on the models' contents.
    pub fn new(models: &[&Model]) -> CrateNames {
        let versions = unique_names(
            models
                .iter()
                .map(|m| (m.version.clone(), version_module(&m.version))),
            &["primitives", "client"],
            true,
        );
        let mut items = BTreeMap::new();
        for model in models {
            let version_mod = versions[&model.version].clone();
            // Group by namespace module.
            // Namespace modules: never a reserved name, never two alike.
            let namespaces: std::collections::BTreeSet<&str> = model
                .types
                .values()
                .map(|t| t.name.namespace.as_str())
                .chain(model.enums.values().map(|e| e.name.namespace.as_str()))
                .filter(|ns| namespace_module(ns).is_some())
                .collect();
            let ns_modules = unique_names(
                namespaces.iter().map(|ns| {
                    (
                        ns.to_ascii_lowercase(),
                        namespace_module(ns).unwrap_or_default(),
                    )
                }),
                RESERVED_MODULES,
                true,
            );
            let namespace_module = |ns: &str| {
                namespace_module(ns).map(|_| ns_modules[&ns.to_ascii_lowercase()].clone())
            };
            let mut groups: BTreeMap<Option<String>, Vec<(ItemKind, &QualifiedName)>> =
                BTreeMap::new();
            let all = model
                .types
                .values()
                .map(|t| (ItemKind::Type, &t.name))
                .chain(model.enums.values().map(|e| (ItemKind::Enum, &e.name)));
            for (kind, q) in all {
                groups
                    .entry(namespace_module(&q.namespace))
                    .or_default()
                    .push((kind, q));
            }
            let namespace_mods: Vec<String> = groups.keys().flatten().cloned().collect();
            for (ns_mod, names) in groups {
                let keyed = |f: fn(&str) -> String| {
                    names
                        .iter()
                        .map(move |(k, q)| ((q.key(), *k), f(&q.name)))
                        .collect::<Vec<_>>()
                };
                let idents = unique_names(keyed(type_name), &[], false);
                let mut reserved: Vec<&str> = RESERVED_MODULES.to_vec();
                if ns_mod.is_none() {
                    reserved.extend(namespace_mods.iter().map(String::as_str));
                }
                let modules = unique_names(keyed(module_name), &reserved, true);
                for (kind, q) in names {
                    let key = (q.key(), kind);
                    items.insert(
                        (model.version.clone(), kind, q.key()),
                        ItemName {
                            ident: idents[&key].clone(),
                            module: modules[&key].clone(),
                            namespace_module: ns_mod.clone(),
                            version_module: version_mod.clone(),
                        },
                    );
                }
            }
        }
        CrateNames { versions, items }
    }

    /// The module of an API version.
    pub fn version_module(&self, version: &str) -> &str {
        self.versions
            .get(version)
            .map(String::as_str)
            .unwrap_or("unknown_version")
    }

    /// The names of a model item.
    pub fn item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> &ItemName {
        self.try_item(version, kind, name)
            .expect("every model item is named")
    }

    /// The names of an item, if the model has it.
    pub fn try_item(
        &self,
        version: &str,
        kind: ItemKind,
        name: &QualifiedName,
    ) -> Option<&ItemName> {
        self.items.get(&(version.to_owned(), kind, name.key()))
    }

    /// `crate::v1_0::X` (or `crate::v1_0::ns::X`) for an item.
    pub fn path(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> Option<TokenStream> {
        let item = self.try_item(version, kind, name)?;
        let version = ident(&item.version_module);
        let ty = ident(&item.ident);
        Some(match &item.namespace_module {
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
