//! The properties (and relationships) of a type both sides have: added,
//! removed, or changed in type or collection-ness.

use super::Differ;
use crate::drift::{Level, Rule, Subject};
use crate::ir::{Model, Property, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// A type's properties and relationships by lowercase name.
fn properties_by_name(t: &TypeDef) -> BTreeMap<String, Property> {
    t.properties
        .iter()
        .chain(&t.relationships)
        .map(|p| (p.name.to_ascii_lowercase(), p.clone()))
        .collect()
}

/// The properties of `t` and of its base types by lowercase name, the
/// nearest type's first.
fn with_inherited(model: &Model, t: &TypeDef) -> BTreeMap<String, Property> {
    let mut out = properties_by_name(t);
    for ancestor in model.ancestors(t) {
        for (name, p) in properties_by_name(ancestor) {
            out.entry(name).or_insert(p);
        }
    }
    out
}

/// The subject of the property `property` of the type `type_name`.
fn property_subject(type_name: &str, property: &str) -> Subject {
    Subject::Property {
        type_name: type_name.to_owned(),
        property: property.to_owned(),
    }
}

impl Differ<'_> {
    /// `property-added` and `property-removed`, then the changes of each
    /// property both sides of the type have.
    pub(super) fn properties(&mut self, old: &Model, o: &TypeDef, new: &Model, n: &TypeDef) {
        let (op, np) = (properties_by_name(o), properties_by_name(n));
        // A property one side lists on the type and the other on a base type
        // is on both: a struct has its inherited fields, pages repeat them,
        // and the metadata lists each on the type that declares it.
        let (o_all, n_all) = (with_inherited(old, o), with_inherited(new, n));
        let ty = &n.name.name;
        for (k, p) in &np {
            if !o_all.contains_key(k) {
                self.push(
                    Rule::PropertyAdded,
                    Level::Info,
                    property_subject(ty, &p.name),
                    self.worded_only_on(format!("property `{ty}.{}`", p.name), true, || {
                        format!("property `{ty}.{}` was added", p.name)
                    }),
                    None,
                    Some(p.source.clone()),
                );
            }
        }
        for (k, p) in &op {
            let Some(q) = n_all.get(k) else {
                self.push(
                    Rule::PropertyRemoved,
                    Level::Breaking,
                    property_subject(ty, &p.name),
                    self.worded_only_on(format!("property `{ty}.{}`", p.name), false, || {
                        format!("property `{ty}.{}` was removed", p.name)
                    }),
                    Some(p.source.clone()),
                    None,
                );
                continue;
            };
            self.property_changed(ty, p, q);
        }
    }

    /// A property of the type `ty` that changed from `p` to `q`: its type
    /// (as the docs spell it, in any case), or else whether it is a
    /// collection.
    fn property_changed(&mut self, ty: &str, p: &Property, q: &Property) {
        let (a, b) = (p.ty.docs_spelling(), q.ty.docs_spelling());
        if !a.eq_ignore_ascii_case(&b) {
            let (rule, level, what) = match (&p.ty, &q.ty) {
                (TypeRef::Primitive(_), TypeRef::Enum(_)) => {
                    (Rule::PropertyBecameEnum, Level::Warning, "became an enum")
                }
                (TypeRef::Enum(_), TypeRef::Primitive(_)) => (
                    Rule::PropertyNoLongerEnum,
                    Level::Warning,
                    "stopped being an enum",
                ),
                _ => (Rule::PropertyTypeChanged, Level::Breaking, "changed type"),
            };
            self.push(
                rule,
                level,
                property_subject(ty, &p.name),
                self.worded_differs(format!("property `{ty}.{}`", p.name), p, q, || {
                    format!("property `{ty}.{}` {what}: `{a}` → `{b}`", p.name)
                }),
                Some(p.source.clone()),
                Some(q.source.clone()),
            );
        } else if p.collection != q.collection {
            self.push(
                Rule::PropertyCollectionChanged,
                Level::Breaking,
                property_subject(ty, &p.name),
                self.worded_differs(format!("property `{ty}.{}`", p.name), p, q, || {
                    let now = if q.collection {
                        "became a collection"
                    } else {
                        "is no longer a collection"
                    };
                    format!("property `{ty}.{}` {now}", p.name)
                }),
                Some(p.source.clone()),
                Some(q.source.clone()),
            );
        }
    }
}
