//! Types and enums only the metadata has, added when the merged model
//! refers to them (a property's type, a relationship's, a base type), and
//! then what they refer to in turn, so the crate compiles.
//!
//! The metadata's other types are left out: the Graph metadata has a few
//! thousand types, and one neither a page nor a merged item names would be
//! code no endpoint reaches, with no page to give it a workload or a word
//! of documentation.

use super::enums::undocumented_member;
use super::types::undocumented_property;
use super::{added, undocumented, NameMap};
use crate::ir::build::*;

/// A type or an enum the model refers to, by key, with who refers to it.
struct Wanted {
    /// `true` for an enum.
    is_enum: bool,
    key: String,
    /// `` `owner.property` `` or `` `type` `` (as a base).
    by: String,
    /// Where the referrer is.
    at: Location,
}

/// Adds every metadata-only type and enum the model refers to, with a
/// `metadata-added` at the metadata's definition naming the referrer.
pub(super) fn add_referenced(
    model: &mut Model,
    metadata: &Model,
    names: &NameMap,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut wanted: Vec<Wanted> = model.types.values().flat_map(references).collect();
    // Popped from the end: reversed so the first referrer in key order is
    // the one a diagnostic names.
    wanted.reverse();
    while let Some(w) = wanted.pop() {
        if w.is_enum {
            if model.enums.contains_key(&w.key) {
                continue;
            }
            let Some(meta) = metadata.enums.get(&w.key) else {
                continue;
            };
            diagnostics.push(found(&w, "enum", &meta.name, enum_source(meta)));
            model.enums.insert(w.key, undocumented_enum(meta));
        } else {
            if model.types.contains_key(&w.key) {
                continue;
            }
            let Some(meta) = metadata.types.get(&w.key) else {
                continue;
            };
            let def = undocumented_type(meta, names);
            let source = def.sources.first().cloned().unwrap_or_else(|| w.at.clone());
            diagnostics.push(found(&w, "type", &meta.name, source));
            let mut more: Vec<Wanted> = references(&def);
            more.reverse();
            wanted.extend(more);
            model.types.insert(w.key, def);
        }
    }
}

/// The `metadata-added` of a type or enum added for `w`'s referrer.
fn found(w: &Wanted, what: &str, name: &QualifiedName, source: Location) -> Diagnostic {
    added(
        &source,
        &source,
        format!(
            "`{}`: no page describes this {what}, the metadata ({source}) does and {} refers to it; added, described as undocumented",
            name.name, w.by
        ),
    )
    .with_related(w.at.clone(), format!("{} refers to it here", w.by))
}

/// The enums and types `ty` refers to: its base, and its properties' and
/// relationships' types.
fn references(ty: &TypeDef) -> Vec<Wanted> {
    let base = ty.base.iter().map(|b| Wanted {
        is_enum: false,
        key: b.key(),
        by: format!("`{}` (as its base)", ty.name.name),
        at: ty.sources.first().cloned().unwrap_or_else(super::nowhere),
    });
    let properties = ty
        .properties
        .iter()
        .chain(&ty.relationships)
        .filter_map(|p| {
            let (is_enum, q) = match &p.ty {
                TypeRef::Enum(q) => (true, q),
                TypeRef::Complex(q) => (false, q),
                _ => return None,
            };
            Some(Wanted {
                is_enum,
                key: q.key(),
                by: format!("`{}.{}`", ty.name.name, p.name),
                at: p.source.clone(),
            })
        });
    base.chain(properties).collect()
}

/// A metadata type as the model holds one no page describes: names mapped
/// to the merged model's, everything described as undocumented.
fn undocumented_type(meta: &TypeDef, names: &NameMap) -> TypeDef {
    let mut def = meta.clone();
    def.description = undocumented(&meta.description);
    def.placeholder = None;
    def.base = meta.base.as_ref().map(|b| names.type_name(b));
    def.aliases.clear();
    for p in def.properties.iter_mut().chain(&mut def.relationships) {
        *p = undocumented_property(p, names);
    }
    def
}

/// A metadata enum as the model holds one no page describes.
fn undocumented_enum(meta: &EnumDef) -> EnumDef {
    let mut def = meta.clone();
    def.description = undocumented(&meta.description);
    def.placeholder = None;
    def.members = meta.members.iter().map(undocumented_member).collect();
    def
}

/// Where the metadata defines an enum.
fn enum_source(meta: &EnumDef) -> Location {
    meta.sources
        .first()
        .map(|s| s.source.clone())
        .or_else(|| meta.members.first().map(|m| m.source.clone()))
        .unwrap_or_else(super::nowhere)
}
