//! Types the docs and the metadata both have: properties typed as the
//! metadata types them, its base and open flag taken, its undocumented
//! properties and relationships added.

use super::{added, overridden, undocumented, NameMap};
use crate::ir::build::*;

/// Merges each docs type that the metadata has (by key or alias) with the
/// metadata's definition.
pub(super) fn merge_types(
    model: &mut Model,
    metadata: &Model,
    names: &NameMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let keys: Vec<String> = model.types.keys().cloned().collect();
    for key in keys {
        let Some(meta) = counterpart(&model.types[&key], metadata) else {
            continue;
        };
        let documented = documented_names(model, &model.types[&key]);
        let meta_properties = metadata_properties(metadata, meta);
        let Some(ty) = model.types.get_mut(&key) else {
            continue;
        };
        merge_base(ty, meta, names, diagnostics);
        merge_open(ty, meta, diagnostics);
        // What pages never say is taken without a diagnostic.
        ty.is_abstract = meta.is_abstract;
        let owner = ty.name.name.clone();
        for p in ty.properties.iter_mut().chain(&mut ty.relationships) {
            if let Some(m) = meta_properties.get(&p.name.to_ascii_lowercase()) {
                merge_property(&owner, p, m, names, diagnostics);
            }
        }
        add_undocumented(ty, meta, &documented, names, diagnostics);
    }
}

/// The metadata's definition of a docs type: by its key, else by an alias.
fn counterpart<'m>(ty: &TypeDef, metadata: &'m Model) -> Option<&'m TypeDef> {
    std::iter::once(ty.name.key())
        .chain(ty.aliases.iter().map(|a| key_of(&ty.name.namespace, a)))
        .find_map(|key| metadata.types.get(&key))
}

/// The lower-case names of the properties and relationships the docs list
/// on `ty` or a base of it: the metadata adds none of these.
fn documented_names(model: &Model, ty: &TypeDef) -> BTreeSet<String> {
    std::iter::once(ty)
        .chain(model.ancestors(ty))
        .flat_map(|t| t.properties.iter().chain(&t.relationships))
        .map(|p| p.name.to_ascii_lowercase())
        .collect()
}

/// The metadata's properties and navigation properties of `meta` and its
/// bases, by lower-case name, the nearest declaration winning: pages often
/// list an inherited property on the derived type.
fn metadata_properties<'m>(
    metadata: &'m Model,
    meta: &'m TypeDef,
) -> BTreeMap<String, &'m Property> {
    let mut found = BTreeMap::new();
    for t in std::iter::once(meta).chain(metadata.ancestors(meta)) {
        for p in t.properties.iter().chain(&t.relationships) {
            found.entry(p.name.to_ascii_lowercase()).or_insert(p);
        }
    }
    found
}

/// The metadata's base type, when it differs from the docs'.
fn merge_base(
    ty: &mut TypeDef,
    meta: &TypeDef,
    names: &NameMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let base = meta.base.as_ref().map(|b| names.type_name(b));
    if base.as_ref().map(QualifiedName::key) == ty.base.as_ref().map(QualifiedName::key) {
        return;
    }
    let says = |b: &Option<QualifiedName>| match b {
        Some(b) => format!("it derives from `{}`", b.name),
        None => "it derives from no type".to_owned(),
    };
    let message = format!(
        "`{}`: the docs say {}, the metadata ({}) says {}; derived as the metadata says",
        ty.name.name,
        says(&ty.base),
        meta_location(meta),
        says(&base)
    );
    diagnostics.push(overridden(
        &docs_location(ty),
        &meta_location(meta),
        message,
    ));
    ty.base = base;
}

/// An open type in the metadata is open in the model.
fn merge_open(ty: &mut TypeDef, meta: &TypeDef, diagnostics: &mut Vec<Diagnostic>) {
    if !meta.open || ty.open {
        return;
    }
    let message = format!(
        "`{}`: the docs do not say it is an open type, the metadata ({}) says it is; open as the metadata says",
        ty.name.name,
        meta_location(meta)
    );
    diagnostics.push(overridden(
        &docs_location(ty),
        &meta_location(meta),
        message,
    ));
    ty.open = true;
}

/// A documented property typed as the metadata types it: its spelling,
/// type, collection and nullability; description, notes and location stay
/// the docs'.
fn merge_property(
    owner: &str,
    p: &mut Property,
    meta: &Property,
    names: &NameMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let docs_at = p.source.clone();
    let at = |message: String| overridden(&docs_at, &meta.source, message);
    let mut found = Vec::new();
    if p.name != meta.name {
        found.push(at(format!(
            "`{owner}.{}`: the docs spell it `{}`, the metadata ({}) `{}`; spelled as the metadata says",
            p.name, p.name, meta.source, meta.name
        )));
    }
    let ty = names.type_ref(&meta.ty);
    let both_untyped = matches!((&p.ty, &ty), (TypeRef::Untyped(_), TypeRef::Untyped(_)));
    if (p.ty != ty && !both_untyped) || p.collection != meta.collection {
        found.push(at(format!(
            "`{owner}.{}`: the docs say {}, the metadata ({}) says {}; typed as the metadata says",
            meta.name,
            p.ty.described(p.collection),
            meta.source,
            ty.described(meta.collection)
        )));
        if !both_untyped {
            p.ty = ty;
        }
        p.collection = meta.collection;
    }
    if let (Some(docs), Some(says)) = (p.nullable, meta.nullable) {
        if docs != says {
            let word = |n: bool| if n { "nullable" } else { "not nullable" };
            found.push(at(format!(
                "`{owner}.{}`: the docs say {}, the metadata ({}) says {}; {} as the metadata says",
                meta.name,
                word(docs),
                meta.source,
                word(says),
                word(says)
            )));
        }
    }
    diagnostics.extend(found);
    p.name.clone_from(&meta.name);
    p.nullable = meta.nullable.or(p.nullable);
    p.contained = meta.contained;
}

/// Adds the metadata's own properties and navigation properties that no
/// page lists on the type or a base of it, described as undocumented.
fn add_undocumented(
    ty: &mut TypeDef,
    meta: &TypeDef,
    documented: &BTreeSet<String>,
    names: &NameMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = docs_location(ty);
    let lists = [
        (&meta.properties, &mut ty.properties, "property"),
        (&meta.relationships, &mut ty.relationships, "relationship"),
    ];
    for (from, into, what) in lists {
        for m in from {
            if documented.contains(&m.name.to_ascii_lowercase()) {
                continue;
            }
            let p = undocumented_property(m, names);
            diagnostics.push(added(
                &at,
                &m.source,
                format!(
                    "`{}.{}`: no page lists this {what}, the metadata ({}) has it as {}; added, described as undocumented",
                    ty.name.name,
                    m.name,
                    m.source,
                    p.ty.described(p.collection)
                ),
            ));
            into.push(p);
        }
    }
}

/// A metadata property as the model holds one no page names.
pub(super) fn undocumented_property(meta: &Property, names: &NameMap) -> Property {
    Property {
        ty: names.type_ref(&meta.ty),
        description: undocumented(&meta.description),
        placeholder: None,
        ..meta.clone()
    }
}

/// Where the docs describe a type: the page named after it when one does
/// (`resources/user.md`, not `intune-devices-user.md`, which sorts first),
/// else its authoritative page.
fn docs_location(ty: &TypeDef) -> Location {
    let paths: Vec<&str> = ty.sources.iter().map(|s| &*s.path).collect();
    let own = crate::ir::build::workloads::own_page(&ty.name.name, &paths);
    ty.sources
        .iter()
        .find(|s| Some(&*s.path) == own)
        .or(ty.sources.first())
        .cloned()
        .unwrap_or_else(super::nowhere)
}

/// Where the metadata defines a type.
fn meta_location(meta: &TypeDef) -> Location {
    meta.sources.first().cloned().unwrap_or_else(super::nowhere)
}

/// Breaks a base chain that loops back (the metadata's bases mixed with
/// the docs', or a metadata that loops itself): the first type of the loop
/// in key order loses its base, with `base-type-cycle`.
pub(super) fn break_base_cycles(model: &mut Model, diagnostics: &mut Vec<Diagnostic>) {
    let keys: Vec<String> = model.types.keys().cloned().collect();
    for key in keys {
        if !loops(model, &key) {
            continue;
        }
        let Some(ty) = model.types.get_mut(&key) else {
            continue;
        };
        let base = ty.base.take().map(|b| b.name).unwrap_or_default();
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            codes::BASE_TYPE_CYCLE,
            docs_location(ty),
            format!(
                "`{}` derives from `{base}`, whose bases lead back to `{}` once the metadata's base types are taken; the base type was dropped",
                ty.name.name, ty.name.name
            ),
        ));
    }
}

/// Whether the base chain from the type `key` comes back to it.
fn loops(model: &Model, key: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut current = key.to_owned();
    while let Some(base) = model.types.get(&current).and_then(|t| t.base.as_ref()) {
        current = base.key();
        if current == key {
            return true;
        }
        if !seen.insert(current.clone()) {
            return false;
        }
    }
    false
}
