//! Type and enum names: an identifier and a module each, unique within
//! their namespace module; namespace modules unique within the version.

use super::{RustName, RESERVED_MODULES};
use crate::ir::{Model, QualifiedName, DEFAULT_NAMESPACE};
use crate::naming::{module_name, type_name, unique_names};
use std::collections::{BTreeMap, BTreeSet};

/// Whether an item is a struct or an enum: a type and an enum may share a
/// docs name, and still get distinct Rust names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ItemKind {
    Type,
    Enum,
}

/// The namespace module for a namespace, or `None` for `microsoft.graph`.
fn namespace_module(namespace: &str) -> Option<String> {
    if namespace.eq_ignore_ascii_case(DEFAULT_NAMESPACE) {
        return None;
    }
    let short = namespace
        .strip_prefix("microsoft.graph.")
        .unwrap_or(namespace);
    Some(module_name(short))
}

/// Names every type and enum of `model`. Deterministic: depends only on
/// the model's contents.
pub fn name_items(model: &mut Model) {
    let names = decide(model);
    for t in model.types.values_mut() {
        if let Some(name) = names.get(&(t.name.key(), ItemKind::Type)) {
            t.rust = name.clone();
        }
    }
    for e in model.enums.values_mut() {
        if let Some(name) = names.get(&(e.name.key(), ItemKind::Enum)) {
            e.rust = name.clone();
        }
    }
}

fn decide(model: &Model) -> BTreeMap<(String, ItemKind), RustName> {
    // Namespace modules: never a reserved name, never two alike.
    let namespaces: BTreeSet<&str> = model
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
    let namespace_module =
        |ns: &str| namespace_module(ns).map(|_| ns_modules[&ns.to_ascii_lowercase()].clone());
    let mut groups: BTreeMap<Option<String>, Vec<(ItemKind, &QualifiedName)>> = BTreeMap::new();
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
    let mut out = BTreeMap::new();
    for (ns_mod, names) in groups {
        let keyed = |f: fn(&str) -> String| {
            names
                .iter()
                .map(move |(k, q)| ((q.key(), *k), f(&q.name)))
                .collect::<Vec<_>>()
        };
        let idents = unique_names(keyed(type_name), &[], false);
        // The default namespace's item modules sit beside the namespace modules.
        let mut reserved: Vec<&str> = RESERVED_MODULES.to_vec();
        if ns_mod.is_none() {
            reserved.extend(namespace_mods.iter().map(String::as_str));
        }
        let modules = unique_names(keyed(module_name), &reserved, true);
        for (kind, q) in names {
            let key = (q.key(), kind);
            let name = RustName {
                ident: idents[&key].clone(),
                module: modules[&key].clone(),
                namespace_module: ns_mod.clone(),
            };
            out.insert(key, name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    fn resource(name: &str) -> SourceFile {
        SourceFile::new(
            format!("resources/{}.md", name.to_ascii_lowercase()),
            format!(
                "---\ntitle: \"{name} resource type\"\ndoc_type: resourcePageType\n---\n\n# {name} resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The id. |\n"
            ),
        )
    }

    #[test]
    fn types_get_an_identifier_and_a_module_in_their_entry() {
        let model = crate::build_version("v1.0", &[resource("mobileApp")]);
        let t = model.types.values().next().expect("one type");
        assert_eq!(t.rust.ident, "MobileApp");
        assert_eq!(t.rust.module, "mobile_app");
        assert_eq!(t.rust.namespace_module, None);
    }

    #[test]
    fn names_that_collide_once_converted_get_distinct_ones() {
        let model = crate::build_version("v1.0", &[resource("fooBar"), resource("foo_bar")]);
        let idents: std::collections::BTreeSet<&str> = model
            .types
            .values()
            .map(|t| t.rust.ident.as_str())
            .collect();
        let modules: std::collections::BTreeSet<&str> = model
            .types
            .values()
            .map(|t| t.rust.module.as_str())
            .collect();
        assert_eq!(model.types.len(), 2);
        assert_eq!(idents.len(), 2, "{idents:?}");
        assert_eq!(modules.len(), 2, "{modules:?}");
    }
}
