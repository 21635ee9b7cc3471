//! `src/<version>/`: a file per type and enum, and a `mod.rs` per
//! namespace module declaring them under their workload's feature.

use super::features::{cfg, Features};
use super::names::{ident, CrateNames, ItemKind, ItemName};
use super::{docs, enums, rust_file, structs, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{EnumDef, Model, TypeDef};
use quote::quote;
use std::collections::BTreeMap;

/// A type or an enum of the model.
enum Item<'m> {
    Type(&'m TypeDef),
    Enum(&'m EnumDef),
}

/// One item's file, and what its module file says of it.
struct EmittedItem<'n> {
    name: ItemName<'n>,
    feature: &'n str,
    file: GeneratedFile,
}

/// What one namespace module's `mod.rs` declares: each item's module,
/// identifier and feature.
type ModuleItems<'n> = Vec<(&'n str, &'n str, &'n str)>;

/// Emits the version's item files and module files.
pub(super) fn emit(
    model: &Model,
    names: &CrateNames,
    features: &Features,
    options: &EmitOptions,
) -> Result<Vec<GeneratedFile>, EmitError> {
    let version_dir = format!("src/{}", names.version_module(&model.version));
    let mut files = Vec::new();
    let mut by_namespace: BTreeMap<Option<&str>, ModuleItems<'_>> = BTreeMap::new();
    for result in item_files(model, names, features, options, &version_dir) {
        let EmittedItem {
            name,
            feature,
            file,
        } = result?;
        files.push(file);
        by_namespace
            .entry(name.namespace_module)
            .or_default()
            .push((name.module, name.ident, feature));
    }
    let namespace_modules: Vec<&str> = by_namespace.keys().flatten().copied().collect();
    by_namespace.entry(None).or_default();
    for (namespace, mut items) in by_namespace {
        items.sort_by(|a, b| a.0.cmp(b.0));
        let children = match namespace {
            None => namespace_modules.as_slice(),
            Some(_) => &[],
        };
        let dir = item_dir(&version_dir, namespace);
        let tokens = module_file(model, namespace, children, &items);
        files.push(rust_file(format!("{dir}/mod.rs"), tokens, options)?);
    }
    Ok(files)
}

/// The folder of a namespace module's items.
fn item_dir(version_dir: &str, namespace: Option<&str>) -> String {
    match namespace {
        Some(ns) => format!("{version_dir}/{ns}"),
        None => version_dir.to_owned(),
    }
}

/// One file per item, emitted and formatted in parallel (token streams are
/// not `Send`, so each is built and formatted on the same thread).
fn item_files<'n>(
    model: &'n Model,
    names: &'n CrateNames,
    features: &'n Features,
    options: &EmitOptions,
    version_dir: &str,
) -> Vec<Result<EmittedItem<'n>, EmitError>> {
    use rayon::prelude::*;
    let items: Vec<Item<'_>> = model
        .types
        .values()
        .map(Item::Type)
        .chain(model.enums.values().map(Item::Enum))
        .collect();
    let hierarchy = structs::Hierarchy::new(model);
    items
        .par_iter()
        .map(|item| {
            let (name, feature, tokens) = match item {
                Item::Type(ty) => {
                    let n = names.item(&model.version, ItemKind::Type, &ty.name);
                    let f = features.item(&model.version, ItemKind::Type, &ty.name);
                    (
                        n,
                        f,
                        structs::emit_struct(model, ty, names, &hierarchy, options.serde_impls),
                    )
                }
                Item::Enum(e) => {
                    let n = names.item(&model.version, ItemKind::Enum, &e.name);
                    let f = features.item(&model.version, ItemKind::Enum, &e.name);
                    (n, f, enums::emit_enum(e, &n))
                }
            };
            let dir = item_dir(version_dir, name.namespace_module);
            let file = rust_file(format!("{dir}/{}.rs", name.module), tokens, options)?;
            Ok(EmittedItem {
                name,
                feature,
                file,
            })
        })
        .collect()
}

/// A namespace module's `mod.rs`: its child namespace modules, each item's
/// module and re-export under its feature, and for the version's own
/// module the base URL and `api`.
fn module_file(
    model: &Model,
    namespace: Option<&str>,
    children: &[&str],
    items: &ModuleItems<'_>,
) -> proc_macro2::TokenStream {
    let ns_mods = children.iter().map(|ns| {
        let ident = ident(ns);
        quote! { pub mod #ident; }
    });
    let item_mods = items.iter().map(|(module, item, feature)| {
        let m = ident(module);
        let i = ident(item);
        let cfg = cfg(feature);
        quote! {
            #cfg
            mod #m;
            #cfg
            pub use self::#m::#i;
        }
    });
    let title = match namespace {
        Some(_) => format!(
            "Items of another namespace in the `{}` API version.",
            model.version
        ),
        None => format!("Types and enums of the `{}` API version.", model.version),
    };
    let doc = docs::inner_doc_attrs(&title);
    let api = (namespace.is_none() && !model.endpoints.is_empty()).then(|| {
        let base_url = format!("https://graph.microsoft.com/{}", model.version);
        let base_doc = format!(" The default base URL of the `{}` API.", model.version);
        quote! {
            #[doc = #base_doc]
            pub const BASE_URL: &str = #base_url;

            pub mod api;
        }
    });
    quote! {
        #doc
        #api
        #(#ns_mods)*
        #(#item_mods)*
    }
}
