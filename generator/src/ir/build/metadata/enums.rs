//! Enums the docs and the metadata both have: members spelled and valued
//! as the metadata says, its undocumented members added where it lists
//! them (so one after `unknownFutureValue` stays after it).

use super::{added, overridden, undocumented};
use crate::ir::build::*;

/// Merges each docs enum the metadata has with its members.
pub(super) fn merge_enums(model: &mut Model, metadata: &Model, diagnostics: &mut Vec<Diagnostic>) {
    for (key, docs) in &mut model.enums {
        if let Some(meta) = metadata.enums.get(key) {
            // Pages never say whether an enum is flags: no diagnostic.
            docs.flags = meta.flags;
            merge_members(docs, meta, diagnostics);
            add_members(docs, meta, diagnostics);
        }
    }
}

/// Each documented member the metadata lists takes its spelling and value.
fn merge_members(docs: &mut EnumDef, meta: &EnumDef, diagnostics: &mut Vec<Diagnostic>) {
    let owner = docs.name.name.clone();
    for m in &mut docs.members {
        let Some(said) = find(&meta.members, &m.name) else {
            continue;
        };
        if m.name != said.name {
            diagnostics.push(overridden(
                &m.source,
                &said.source,
                format!(
                    "`{owner}.{}`: the docs spell this member `{}`, the metadata ({}) `{}`; spelled as the metadata says",
                    m.name, m.name, said.source, said.name
                ),
            ));
            m.name.clone_from(&said.name);
        }
        if said.value.is_some() && said.value != m.value {
            // A value the docs leave out is no disagreement: only a value
            // the docs state otherwise is reported.
            if let Some(docs_value) = m.value {
                diagnostics.push(overridden(
                    &m.source,
                    &said.source,
                    format!(
                        "`{owner}.{}`: the docs say value {docs_value}, the metadata ({}) says {}; valued as the metadata says",
                        m.name,
                        said.source,
                        said.value.unwrap_or_default()
                    ),
                ));
            }
            m.value = said.value;
        }
    }
}

/// Adds each member the metadata lists and the docs do not, after the
/// member the metadata lists before it (first when none is documented).
fn add_members(docs: &mut EnumDef, meta: &EnumDef, diagnostics: &mut Vec<Diagnostic>) {
    let at = enum_location(docs);
    for (i, m) in meta.members.iter().enumerate() {
        if find(&docs.members, &m.name).is_some() {
            continue;
        }
        let place = meta.members[..i]
            .iter()
            .rev()
            .find_map(|before| position(&docs.members, &before.name))
            .map_or(0, |p| p + 1);
        let value = m.value.map(|v| format!(" (value {v})")).unwrap_or_default();
        diagnostics.push(added(
            at.as_ref().unwrap_or(&m.source),
            &m.source,
            format!(
                "`{}.{}`: no page lists this member, the metadata ({}) has it{value}; added, described as undocumented",
                docs.name.name, m.name, m.source
            ),
        ));
        docs.members.insert(place, undocumented_member(m));
    }
}

/// A metadata member as the model holds one no page names.
pub(super) fn undocumented_member(meta: &EnumMember) -> EnumMember {
    EnumMember {
        description: undocumented(&meta.description),
        placeholder: None,
        ..meta.clone()
    }
}

/// The member named `name`, case-insensitively.
fn find<'m>(members: &'m [EnumMember], name: &str) -> Option<&'m EnumMember> {
    members.iter().find(|m| m.name.eq_ignore_ascii_case(name))
}

/// The index of the member named `name`, case-insensitively.
fn position(members: &[EnumMember], name: &str) -> Option<usize> {
    members
        .iter()
        .position(|m| m.name.eq_ignore_ascii_case(name))
}

/// Where the docs list an enum's members (the list the model took).
fn enum_location(e: &EnumDef) -> Option<Location> {
    e.sources.first().map(|s| s.source.clone())
}
