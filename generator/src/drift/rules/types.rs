//! Types added or removed, and the base type of a type both sides have; its
//! properties go on to `properties`.

use super::Differ;
use crate::drift::{Level, Rule, Subject};
use crate::ir::{Model, QualifiedName, TypeDef};

/// A base type as the messages show it: `` `name` ``, or nothing.
fn show_base(base: &Option<QualifiedName>) -> String {
    base.as_ref()
        .map(|q| format!("`{}`", q.name))
        .unwrap_or_default()
}

/// The rule, level and message of a base type that changed from `old` to
/// `new` on the type `name`.
fn base_type_change(
    name: &str,
    old: &Option<QualifiedName>,
    new: &Option<QualifiedName>,
) -> (Rule, Level, String) {
    // The docs state a base type ("Inherits from", an annotation) or
    // say nothing: nothing stated is not "no base type".
    match (old, new) {
        (Some(_), None) => (
            Rule::BaseTypeUnstated,
            Level::Warning,
            format!("the docs no longer say that `{name}` inherits from {} (a removed base type, or a page that stopped saying so)", show_base(old)),
        ),
        (None, Some(_)) => (Rule::BaseTypeStated, Level::Info, format!("the docs now say that `{name}` inherits from {}", show_base(new))),
        _ => (
            Rule::BaseTypeChanged,
            Level::Breaking,
            format!("the base type of `{name}` changed from {} to {}", show_base(old), show_base(new)),
        ),
    }
}

impl Differ<'_> {
    /// `type-added` and `type-removed`, then the base type and properties of
    /// each type both sides have.
    pub(super) fn types(&mut self, old: &Model, new: &Model) {
        for (key, t) in &new.types {
            if !old.types.contains_key(key) {
                let s = Subject::Type {
                    name: t.name.name.clone(),
                };
                self.push(
                    Rule::TypeAdded,
                    Level::Info,
                    s,
                    self.worded_only_on(format!("type `{}`", t.name.name), true, || {
                        format!("type `{}` was added", t.name.name)
                    }),
                    None,
                    t.sources.first().cloned(),
                );
            }
        }
        for (key, o) in &old.types {
            let Some(n) = new.types.get(key) else {
                let s = Subject::Type {
                    name: o.name.name.clone(),
                };
                self.push(
                    Rule::TypeRemoved,
                    Level::Breaking,
                    s,
                    self.worded_only_on(format!("type `{}`", o.name.name), false, || {
                        format!("type `{}` was removed", o.name.name)
                    }),
                    o.sources.first().cloned(),
                    None,
                );
                continue;
            };
            self.base_type(o, n);
            self.properties(old, o, new, n);
        }
    }

    /// `base-type-changed`, `base-type-unstated` or `base-type-stated` when
    /// the base types differ (by name, in any case).
    fn base_type(&mut self, o: &TypeDef, n: &TypeDef) {
        let base = |b: &Option<QualifiedName>| b.as_ref().map(|q| q.name.to_ascii_lowercase());
        if base(&o.base) == base(&n.base) {
            return;
        }
        let s = Subject::Type {
            name: n.name.name.clone(),
        };
        let (rule, level, mut message) = base_type_change(&n.name.name, &o.base, &n.base);
        if let Some(mixed) = self.sides.mixed() {
            let said = |b: &Option<QualifiedName>| match b {
                Some(_) => format!("it inherits from {}", show_base(b)),
                None => "nothing of a base type".to_owned(),
            };
            let what = format!("the base type of `{}`", n.name.name);
            message = mixed.differs(&what, &said(&o.base), &said(&n.base));
        }
        self.push(
            rule,
            level,
            s,
            message,
            o.sources.first().cloned(),
            n.sources.first().cloned(),
        );
    }
}
