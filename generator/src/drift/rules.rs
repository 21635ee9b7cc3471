//! The drift rules. Each change has a stable rule id; severities are
//! direction-aware (an enum clients send is held to more than one they only
//! receive) and follow Graph's evolvable-enum rule.

use super::{Change, Config, Level, Rule, Subject};
use crate::diagnostics::codes;
use crate::ir::{EnumDef, Model, Property, TypeRef};
use crate::source::Location;
use std::collections::{BTreeMap, BTreeSet};

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

struct Differ<'a> {
    version: &'a str,
    config: &'a Config,
    out: Vec<Change>,
}

impl Differ<'_> {
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

    fn enums(&mut self, old: &Model, new: &Model, usage: &BTreeMap<String, Usage>) {
        for (key, e) in &new.enums {
            if !old.enums.contains_key(key) {
                let s = Subject::Enum {
                    name: e.name.name.clone(),
                };
                let loc = e.sources.first().map(|s| s.source.clone());
                self.push(
                    Rule::EnumAdded,
                    Level::Info,
                    s,
                    format!("enum `{}` was added", e.name.name),
                    None,
                    loc,
                );
            }
        }
        for (key, o) in &old.enums {
            let Some(n) = new.enums.get(key) else {
                let s = Subject::Enum {
                    name: o.name.name.clone(),
                };
                let loc = o.sources.first().map(|s| s.source.clone());
                self.push(
                    Rule::EnumRemoved,
                    Level::Breaking,
                    s,
                    format!("enum `{}` was removed", o.name.name),
                    loc,
                    None,
                );
                continue;
            };
            self.members(
                o,
                n,
                usage.get(key).copied().unwrap_or(Usage {
                    sent: true,
                    received: true,
                }),
            );
        }
    }

    fn members(&mut self, o: &EnumDef, n: &EnumDef, usage: Usage) {
        let name = &n.name.name;
        let subject = |member: &str| Subject::EnumMember {
            enum_name: name.clone(),
            member: member.to_owned(),
        };
        let old_names: BTreeSet<&str> = o.members.iter().map(|m| m.name.as_str()).collect();
        let new_names: BTreeSet<&str> = n.members.iter().map(|m| m.name.as_str()).collect();
        let mut removed: Vec<&crate::ir::EnumMember> = o
            .members
            .iter()
            .filter(|m| !new_names.contains(m.name.as_str()))
            .collect();
        let mut added: Vec<&crate::ir::EnumMember> = n
            .members
            .iter()
            .filter(|m| !old_names.contains(m.name.as_str()))
            .collect();

        // Renamed by case only.
        removed.retain(|r| {
            let Some(a) = added
                .iter()
                .position(|a| a.name.eq_ignore_ascii_case(&r.name))
            else {
                return true;
            };
            let a = added.remove(a);
            self.push(
                Rule::EnumMemberCaseChanged,
                Level::Breaking,
                subject(&r.name),
                format!(
                    "member `{}` of `{name}` is now spelled `{}`: the wire value changed",
                    r.name, a.name
                ),
                Some(r.source.clone()),
                Some(a.source.clone()),
            );
            false
        });
        // A removed and an added member with the same value: a rename candidate.
        removed.retain(|r| {
            let Some(v) = r.value else { return true };
            let Some(a) = added.iter().position(|a| a.value == Some(v)) else { return true };
            let a = added.remove(a);
            self.push(
                Rule::EnumMemberRenamed,
                Level::Breaking,
                subject(&r.name),
                format!("member `{}` of `{name}` was removed and `{}` added with the same value {v}: probably a rename", r.name, a.name),
                Some(r.source.clone()),
                Some(a.source.clone()),
            );
            false
        });

        let old_sentinel = o.members.iter().position(|m| m.name == SENTINEL);
        let new_sentinel = n.members.iter().position(|m| m.name == SENTINEL);
        for r in removed {
            if r.name == SENTINEL {
                continue;
            }
            let (level, why) = if usage.sent {
                (Level::Breaking, "clients that send it will be refused")
            } else {
                (Level::Warning, "clients only receive it")
            };
            self.push(
                Rule::EnumMemberRemoved,
                level,
                subject(&r.name),
                format!("member `{}` was removed from `{name}` ({why})", r.name),
                Some(r.source.clone()),
                None,
            );
        }
        for a in added {
            if a.name == SENTINEL {
                continue;
            }
            let index = n.members.iter().position(|m| m.name == a.name).unwrap_or(0);
            match new_sentinel {
                Some(s) if index > s => self.push(
                    Rule::EnumMemberAdded,
                    Level::Info,
                    subject(&a.name),
                    format!("member `{}` was added to `{name}` after `{SENTINEL}`: safe for evolvable-enum clients", a.name),
                    None,
                    Some(a.source.clone()),
                ),
                Some(_) => self.push(
                    Rule::EnumMemberInsertedBeforeSentinel,
                    Level::Breaking,
                    subject(&a.name),
                    format!("member `{}` was added to `{name}` before `{SENTINEL}`: clients that did not opt in will receive it", a.name),
                    None,
                    Some(a.source.clone()),
                ),
                None => {
                    let (level, why) = if usage.received {
                        (Level::Warning, "clients that receive it may not know it")
                    } else {
                        (Level::Info, "clients only send it")
                    };
                    self.push(
                        Rule::EnumMemberAdded,
                        level,
                        subject(&a.name),
                        format!("member `{}` was added to `{name}` ({why})", a.name),
                        None,
                        Some(a.source.clone()),
                    )
                }
            }
        }
        // Values.
        for om in &o.members {
            let Some(nm) = n.members.iter().find(|m| m.name == om.name) else {
                continue;
            };
            if let (Some(a), Some(b)) = (om.value, nm.value) {
                if a != b {
                    self.push(
                        Rule::EnumMemberValueChanged,
                        Level::Breaking,
                        subject(&om.name),
                        format!(
                            "member `{}` of `{name}` changed value from {a} to {b}",
                            om.name
                        ),
                        Some(om.source.clone()),
                        Some(nm.source.clone()),
                    );
                }
            }
        }
        // The sentinel itself.
        let sentinel_subject = || subject(SENTINEL);
        match (old_sentinel, new_sentinel) {
            (None, Some(i)) => self.push(
                Rule::EnumSentinelAdded,
                Level::Warning,
                sentinel_subject(),
                format!("`{name}` became evolvable: `{SENTINEL}` was added"),
                None,
                Some(n.members[i].source.clone()),
            ),
            (Some(i), None) => self.push(
                Rule::EnumSentinelRemoved,
                Level::Breaking,
                sentinel_subject(),
                format!("`{name}` is no longer evolvable: `{SENTINEL}` was removed"),
                Some(o.members[i].source.clone()),
                None,
            ),
            (Some(oi), Some(ni)) => {
                let before = |members: &[crate::ir::EnumMember], s: usize| -> BTreeSet<String> {
                    members[..s].iter().map(|m| m.name.clone()).collect()
                };
                let common: BTreeSet<&str> = old_names.intersection(&new_names).copied().collect();
                let old_before: BTreeSet<String> = before(&o.members, oi)
                    .into_iter()
                    .filter(|m| common.contains(m.as_str()))
                    .collect();
                let new_before: BTreeSet<String> = before(&n.members, ni)
                    .into_iter()
                    .filter(|m| common.contains(m.as_str()))
                    .collect();
                if old_before != new_before {
                    self.push(
                        Rule::EnumSentinelMoved,
                        Level::Breaking,
                        sentinel_subject(),
                        format!("`{SENTINEL}` moved in `{name}`: members crossed it"),
                        Some(o.members[oi].source.clone()),
                        Some(n.members[ni].source.clone()),
                    );
                }
            }
            (None, None) => {}
        }
    }

    fn types(&mut self, old: &Model, new: &Model) {
        for (key, t) in &new.types {
            if !old.types.contains_key(key) {
                let s = Subject::Type {
                    name: t.name.name.clone(),
                };
                self.push(
                    Rule::TypeAdded,
                    Level::Info,
                    s,
                    format!("type `{}` was added", t.name.name),
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
                    format!("type `{}` was removed", o.name.name),
                    o.sources.first().cloned(),
                    None,
                );
                continue;
            };
            let base = |b: &Option<crate::ir::QualifiedName>| {
                b.as_ref().map(|q| q.name.to_ascii_lowercase())
            };
            if base(&o.base) != base(&n.base) {
                let show = |b: &Option<crate::ir::QualifiedName>| {
                    b.as_ref()
                        .map(|q| format!("`{}`", q.name))
                        .unwrap_or_default()
                };
                let s = Subject::Type {
                    name: n.name.name.clone(),
                };
                let name = &n.name.name;
                // The docs state a base type ("Inherits from", an annotation) or
                // say nothing: nothing stated is not "no base type".
                let (rule, level, message) = match (&o.base, &n.base) {
                    (Some(_), None) => (
                        Rule::BaseTypeUnstated,
                        Level::Warning,
                        format!("the docs no longer say that `{name}` inherits from {} (a removed base type, or a page that stopped saying so)", show(&o.base)),
                    ),
                    (None, Some(_)) => (Rule::BaseTypeStated, Level::Info, format!("the docs now say that `{name}` inherits from {}", show(&n.base))),
                    _ => (
                        Rule::BaseTypeChanged,
                        Level::Breaking,
                        format!("the base type of `{name}` changed from {} to {}", show(&o.base), show(&n.base)),
                    ),
                };
                self.push(
                    rule,
                    level,
                    s,
                    message,
                    o.sources.first().cloned(),
                    n.sources.first().cloned(),
                );
            }
            let props = |t: &'_ crate::ir::TypeDef| -> BTreeMap<String, Property> {
                t.properties
                    .iter()
                    .chain(&t.relationships)
                    .map(|p| (p.name.to_ascii_lowercase(), p.clone()))
                    .collect()
            };
            let (op, np) = (props(o), props(n));
            let ty = &n.name.name;
            let subject = |p: &str| Subject::Property {
                type_name: ty.clone(),
                property: p.to_owned(),
            };
            for (k, p) in &np {
                if !op.contains_key(k) {
                    self.push(
                        Rule::PropertyAdded,
                        Level::Info,
                        subject(&p.name),
                        format!("property `{ty}.{}` was added", p.name),
                        None,
                        Some(p.source.clone()),
                    );
                }
            }
            for (k, p) in &op {
                let Some(q) = np.get(k) else {
                    self.push(
                        Rule::PropertyRemoved,
                        Level::Breaking,
                        subject(&p.name),
                        format!("property `{ty}.{}` was removed", p.name),
                        Some(p.source.clone()),
                        None,
                    );
                    continue;
                };
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
                        subject(&p.name),
                        format!("property `{ty}.{}` {what}: `{a}` → `{b}`", p.name),
                        Some(p.source.clone()),
                        Some(q.source.clone()),
                    );
                } else if p.collection != q.collection {
                    self.push(
                        Rule::PropertyCollectionChanged,
                        Level::Breaking,
                        subject(&p.name),
                        format!(
                            "property `{ty}.{}` {}",
                            p.name,
                            if q.collection {
                                "became a collection"
                            } else {
                                "is no longer a collection"
                            }
                        ),
                        Some(p.source.clone()),
                        Some(q.source.clone()),
                    );
                }
            }
        }
    }

    fn endpoints(&mut self, old: &Model, new: &Model) {
        let index =
            |m: &'_ Model| -> BTreeMap<(crate::ir::HttpMethod, String), crate::ir::Endpoint> {
                m.endpoints
                    .iter()
                    .map(|e| ((e.method, crate::ir::path_shape(&e.path)), e.clone()))
                    .collect()
            };
        let (oe, ne) = (index(old), index(new));
        let subject = |e: &crate::ir::Endpoint| Subject::Endpoint {
            method: e.method.as_str().to_owned(),
            path: e.path.clone(),
        };
        for (k, e) in &ne {
            if !oe.contains_key(k) {
                self.push(
                    Rule::EndpointAdded,
                    Level::Info,
                    subject(e),
                    format!("`{} {}` was added", e.method, e.path),
                    None,
                    Some(e.source.clone()),
                );
            }
        }
        for (k, e) in &oe {
            let Some(n) = ne.get(k) else {
                self.push(
                    Rule::EndpointRemoved,
                    Level::Breaking,
                    subject(e),
                    format!("`{} {}` was removed", e.method, e.path),
                    Some(e.source.clone()),
                    None,
                );
                continue;
            };
            if e.permissions != n.permissions {
                self.permissions(e, n, subject(n));
            }
        }
    }

    /// A change of an endpoint's permissions: scopes added or removed, or a
    /// kind of access newly (not) supported, is `endpoint-permissions-changed`;
    /// the same scopes in another order (the docs list them from least to
    /// most privileged, and reorder them when they fix that) is only
    /// `endpoint-permissions-reordered`.
    fn permissions(&mut self, e: &crate::ir::Endpoint, n: &crate::ir::Endpoint, subject: Subject) {
        use crate::extract::Scopes;
        let show = |s: &Option<Scopes>| match s {
            Some(Scopes::Scopes(list)) => list.join(", "),
            Some(Scopes::NotSupported) => "not supported".to_owned(),
            Some(Scopes::Unknown) => "unknown".to_owned(),
            None => "not documented".to_owned(),
        };
        let mut changed = Vec::new();
        let mut reordered = Vec::new();
        for (label, a, b) in [
            (
                "delegated (work or school)",
                &e.permissions.delegated_work_or_school,
                &n.permissions.delegated_work_or_school,
            ),
            (
                "delegated (personal)",
                &e.permissions.delegated_personal,
                &n.permissions.delegated_personal,
            ),
            (
                "application",
                &e.permissions.application,
                &n.permissions.application,
            ),
        ] {
            if a == b {
                continue;
            }
            match (a, b) {
                (Some(Scopes::Scopes(before)), Some(Scopes::Scopes(after))) => {
                    let quoted = |list: Vec<&String>| -> String {
                        let q: Vec<String> = list.iter().map(|s| format!("`{s}`")).collect();
                        q.join(", ")
                    };
                    let (mut sorted_before, mut sorted_after) = (before.clone(), after.clone());
                    sorted_before.sort();
                    sorted_after.sort();
                    if sorted_before == sorted_after {
                        reordered.push(format!("{label}: {} → {}", show(a), show(b)));
                        continue;
                    }
                    let added: Vec<&String> =
                        after.iter().filter(|s| !before.contains(s)).collect();
                    let removed: Vec<&String> =
                        before.iter().filter(|s| !after.contains(s)).collect();
                    let mut parts = Vec::new();
                    if !added.is_empty() {
                        parts.push(format!("added {}", quoted(added)));
                    }
                    if !removed.is_empty() {
                        parts.push(format!("removed {}", quoted(removed)));
                    }
                    if parts.is_empty() {
                        // Only a repeated scope came or went: show both lists.
                        parts.push(format!("{} → {}", show(a), show(b)));
                    }
                    changed.push(format!("{label}: {}", parts.join(", ")));
                }
                _ => changed.push(format!("{label}: {} → {}", show(a), show(b))),
            }
        }
        let (rule, level, what, all) = if changed.is_empty() {
            (
                Rule::EndpointPermissionsReordered,
                Level::Info,
                "are listed in another order",
                reordered,
            )
        } else {
            changed.extend(reordered);
            (
                Rule::EndpointPermissionsChanged,
                Level::Warning,
                "changed",
                changed,
            )
        };
        self.push(
            rule,
            level,
            subject,
            format!(
                "the permissions of `{} {}` {what} ({})",
                n.method,
                n.path,
                all.join("; ")
            ),
            Some(e.source.clone()),
            Some(n.source.clone()),
        );
    }
}

impl Differ<'_> {
    /// Placeholders of the old side that the new side no longer has for the
    /// same subject (kind and owner): upstream filled them in.
    fn placeholders(&mut self, old: &Model, new: &Model) {
        let still: BTreeSet<(&str, &str)> = new
            .todos
            .iter()
            .map(|t| (t.kind.as_str(), t.owner.as_str()))
            .collect();
        let mut reported = BTreeSet::new();
        for t in &old.todos {
            let key = (t.kind.as_str(), t.owner.as_str());
            if still.contains(&key) || !reported.insert(key) {
                continue;
            }
            // The kind is part of the subject: one owner can hold placeholders of several kinds.
            let s = Subject::Placeholder {
                kind: t.kind,
                owner: t.owner.clone(),
            };
            let what = if t.text.is_empty() {
                String::new()
            } else {
                format!(" (`{}`)", t.text)
            };
            self.push(
                Rule::PlaceholderFilled,
                Level::Info,
                s,
                format!(
                    "the {} placeholder{what} of {} was filled in",
                    t.kind.as_str(),
                    t.owner
                ),
                Some(t.source.clone()),
                None,
            );
        }
    }
}

/// The changes from `old` to `new` (two models of the same API version).
pub fn diff_models(old: &Model, new: &Model, config: &Config) -> Vec<Change> {
    let usage = usage(&[old, new]);
    let mut d = Differ {
        version: &new.version,
        config,
        out: Vec::new(),
    };
    d.enums(old, new, &usage);
    d.types(old, new);
    d.endpoints(old, new);
    d.placeholders(old, new);
    let mut out = d.out;
    out.sort();
    out
}

/// Drift inside one docs tree: the same enum listed differently on
/// different pages of a version, and members of a `v1.0` enum that the same
/// enum in `beta` lacks.
pub fn consistency(models: &[Model], config: &Config) -> Vec<Change> {
    let mut out = Vec::new();
    for m in models {
        let mut d = Differ {
            version: &m.version,
            config,
            out: Vec::new(),
        };
        for diag in m
            .diagnostics
            .iter()
            .filter(|d| d.code == codes::ENUM_MEMBERS_DISAGREE)
        {
            let name = diag.message.split('`').nth(1).unwrap_or("").to_owned();
            let s = Subject::EnumList {
                enum_name: name,
                at: diag.source.clone(),
            };
            let taken = diag.related.first().map(|r| r.source.clone());
            d.push(
                Rule::EnumListsDisagree,
                Level::Warning,
                s,
                diag.message.clone(),
                taken,
                Some(diag.source.clone()),
            );
        }
        out.extend(d.out);
    }
    let v1 = models.iter().find(|m| m.version == "v1.0");
    let beta = models.iter().find(|m| m.version == "beta");
    if let (Some(v1), Some(beta)) = (v1, beta) {
        let mut d = Differ {
            version: "beta",
            config,
            out: Vec::new(),
        };
        for (key, e) in &v1.enums {
            let Some(b) = beta.enums.get(key) else {
                continue;
            };
            for m in &e.members {
                if !b.members.iter().any(|x| x.name == m.name) {
                    let s = Subject::EnumMember {
                        enum_name: e.name.name.clone(),
                        member: m.name.clone(),
                    };
                    d.push(
                        Rule::EnumMemberMissingInBeta,
                        Level::Warning,
                        s,
                        format!(
                            "member `{}` of `{}` is in v1.0 but not in beta",
                            m.name, e.name.name
                        ),
                        Some(m.source.clone()),
                        b.sources.first().map(|s| s.source.clone()),
                    );
                }
            }
        }
        out.extend(d.out);
    }
    out.sort();
    out
}
