//! Types from the service metadata (`--metadata`): the metadata's types and
//! enums merged into the docs' right after both are built, so endpoints,
//! examples, naming and workloads see the merged model.
//!
//! The metadata decides what a property *is* (its type, whether it is a
//! collection, whether it is nullable), a type's base, and an enum's
//! members and values; the pages keep what only they say (descriptions,
//! placeholders, read-only and optional notes, locations, and everything
//! about endpoints). What the metadata has and no page names is added,
//! described as undocumented. Every change is an info diagnostic naming
//! both sides: `metadata-override` or `metadata-added`.

use super::*;

mod enums;
mod pull;
#[cfg(test)]
mod tests;
mod types;

/// The description of an item the metadata has and no page names.
pub const UNDOCUMENTED: &str = "Not documented in the reference pages; from the service metadata.";

/// Merges `metadata`'s types and enums into `model` (types and enums built
/// from the pages, nothing else yet), pushing a diagnostic per change.
pub(super) fn merge_metadata(
    model: &mut Model,
    metadata: &Model,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let names = NameMap::new(model, metadata);
    enums::merge_enums(model, metadata, diagnostics);
    types::merge_types(model, metadata, &names, diagnostics);
    pull::add_referenced(model, metadata, &names, diagnostics);
    types::break_base_cycles(model, diagnostics);
}

/// The name in the merged model of each metadata type and enum: the docs'
/// spelling when the docs have the item (by key, or a type by an alias),
/// else the metadata's own.
struct NameMap {
    types: BTreeMap<String, QualifiedName>,
    enums: BTreeMap<String, QualifiedName>,
}

impl NameMap {
    fn new(model: &Model, metadata: &Model) -> Self {
        let docs_types = model.type_keys();
        let types = metadata
            .types
            .iter()
            .map(|(key, t)| {
                let name = docs_types.get(key).unwrap_or(&t.name);
                (key.clone(), name.clone())
            })
            .collect();
        let enums = metadata
            .enums
            .iter()
            .map(|(key, e)| {
                let name = model.enums.get(key).map_or(&e.name, |d| &d.name);
                (key.clone(), name.clone())
            })
            .collect();
        NameMap { types, enums }
    }

    /// A metadata type's name in the merged model.
    fn type_name(&self, name: &QualifiedName) -> QualifiedName {
        self.types.get(&name.key()).unwrap_or(name).clone()
    }

    /// A metadata property type in the merged model's names; Graph's `Json`
    /// is untyped JSON, as the docs read it.
    fn type_ref(&self, ty: &TypeRef) -> TypeRef {
        match ty {
            TypeRef::Complex(q) if is_any_json(Some(&q.namespace), &q.name) => {
                TypeRef::Untyped(q.name.clone())
            }
            TypeRef::Complex(q) => TypeRef::Complex(self.type_name(q)),
            TypeRef::Enum(q) => TypeRef::Enum(self.enums.get(&q.key()).unwrap_or(q).clone()),
            other => other.clone(),
        }
    }
}

/// The description of an item only the metadata has: [`UNDOCUMENTED`],
/// then the metadata's own description, if any.
fn undocumented(description: &str) -> String {
    if description.trim().is_empty() {
        UNDOCUMENTED.to_owned()
    } else {
        format!("{UNDOCUMENTED} {description}")
    }
}

/// A `metadata-override` at the docs' location, the metadata's related.
fn overridden(docs: &Location, metadata: &Location, message: String) -> Diagnostic {
    Diagnostic::new(
        Severity::Info,
        codes::METADATA_OVERRIDE,
        docs.clone(),
        message,
    )
    .with_related(metadata.clone(), "the metadata's definition")
}

/// A `metadata-added` at `at` (the docs' owner, else the metadata's own
/// location), the metadata's definition related.
fn added(at: &Location, metadata: &Location, message: String) -> Diagnostic {
    let diagnostic = Diagnostic::new(Severity::Info, codes::METADATA_ADDED, at.clone(), message);
    if at == metadata {
        diagnostic
    } else {
        diagnostic.with_related(metadata.clone(), "the metadata's definition")
    }
}

/// The location of an item that has none (a metadata reader always
/// gives one; kept total rather than panicking).
fn nowhere() -> Location {
    Location::start_of(&std::sync::Arc::from(""))
}
