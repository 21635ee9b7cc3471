//! The drift rules. Each change has a stable rule id; severities are
//! direction-aware (an enum clients send is held to more than one they only
//! receive) and follow Graph's evolvable-enum rule.
//!
//! One file per subject: `enums` (enums added or removed), `members` (an
//! enum's members and its `unknownFutureValue` sentinel), `types` (types and
//! their base types), `properties`, `endpoints`, `permissions` (an
//! endpoint's scopes), `placeholders`, and `consistency` (drift inside one
//! docs tree).

mod consistency;
mod endpoints;
mod enums;
mod members;
mod permissions;
mod placeholders;
mod properties;
mod types;
mod wording;

pub use consistency::consistency;
pub use wording::Sides;

use super::{Change, Config, Level, Rule, Subject};
use crate::ir::{Model, TypeRef};
use crate::source::Location;
use std::collections::BTreeMap;

/// Graph's evolvable-enum sentinel.
pub const SENTINEL: &str = "unknownFutureValue";

/// How clients use an enum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Usage {
    /// Some writable property has it: clients may send it.
    sent: bool,
    /// Some property has it: clients receive it.
    received: bool,
}

/// How clients use each enum (by key) of `models`: through the properties,
/// relationships and body parameters that have it.
fn usage(models: &[&Model]) -> BTreeMap<String, Usage> {
    let mut out: BTreeMap<String, Usage> = BTreeMap::new();
    for model in models {
        let props = model
            .types
            .values()
            .flat_map(|t| t.properties.iter().chain(&t.relationships))
            .chain(model.endpoints.iter().flat_map(|e| &e.body_parameters));
        for p in props {
            if let TypeRef::Enum(q) = &p.ty {
                let u = out.entry(q.key()).or_default();
                u.received = true;
                if p.read_only != Some(true) {
                    u.sent = true;
                }
            }
        }
    }
    out
}

/// Collects the changes of one API version, with the config's policy,
/// overrides and ignores applied.
struct Differ<'a> {
    /// The API version the changes are about.
    version: &'a str,
    /// Severity overrides, beta policy and ignored fingerprints.
    config: &'a Config,
    /// What the sides are, for the wording.
    sides: Sides,
    /// The changes found so far.
    out: Vec<Change>,
}

impl Differ<'_> {
    /// The message of `what` found on one side only (the new side when
    /// `on_new`): `versions` for two versions, else which of docs and
    /// metadata has it.
    fn worded_only_on(
        &self,
        what: String,
        on_new: bool,
        versions: impl FnOnce() -> String,
    ) -> String {
        match self.sides.mixed() {
            Some(mixed) => mixed.only_on(&what, on_new),
            None => versions(),
        }
    }

    /// The message of a property that differs from `old` to `new`:
    /// `versions` for two versions, else what each side says of its type.
    fn worded_differs(
        &self,
        what: String,
        old: &crate::ir::Property,
        new: &crate::ir::Property,
        versions: impl FnOnce() -> String,
    ) -> String {
        match self.sides.mixed() {
            Some(mixed) => mixed.differs(
                &what,
                &old.ty.described(old.collection),
                &new.ty.described(new.collection),
            ),
            None => versions(),
        }
    }

    /// Records a change at its rule's `level`, made milder for a looser beta
    /// or overridden by the config, unless the config ignores it.
    fn push(
        &mut self,
        rule: Rule,
        level: Level,
        subject: Subject,
        message: String,
        old: Option<Location>,
        new: Option<Location>,
    ) {
        let fingerprint = format!("{rule}:{}:{}", self.version, subject.key());
        let mut severity = level;
        if self.version == "beta" && self.config.beta_is_looser() {
            severity = severity.milder();
        }
        if let Some(over) = self.config.severity.get(rule.id()) {
            severity = *over;
        }
        if self.config.ignores(&fingerprint) {
            return;
        }
        self.out.push(Change {
            fingerprint,
            rule,
            severity,
            version: self.version.to_owned(),
            subject,
            message,
            old,
            new,
        });
    }
}

/// The changes from `old` to `new` (two models of the same API version).
pub fn diff_models(old: &Model, new: &Model, config: &Config) -> Vec<Change> {
    diff_sides(old, new, Sides::Versions, config)
}

/// The changes from `old` to `new`, worded for what the sides are. Beside
/// the metadata, which has no endpoints, permissions or descriptions, only
/// enums, types and properties are compared.
pub fn diff_sides(old: &Model, new: &Model, sides: Sides, config: &Config) -> Vec<Change> {
    let usage = usage(&[old, new]);
    let mut d = Differ {
        version: &new.version,
        config,
        sides,
        out: Vec::new(),
    };
    d.enums(old, new, &usage);
    d.types(old, new);
    if sides == Sides::Versions {
        d.endpoints(old, new);
        d.placeholders(old, new);
    }
    let mut out = d.out;
    out.sort();
    out
}
