//! The permissions of an endpoint both sides have: scopes added or removed,
//! or only listed in another order.

use super::Differ;
use crate::drift::{Level, Rule, Subject};
use crate::extract::Scopes;
use crate::ir::Endpoint;

/// How the scopes of one kind of access differ between the two sides.
enum AccessChange {
    /// The same.
    Unchanged,
    /// The same scopes in another order, described for the message.
    Reordered(String),
    /// Scopes added or removed, or the access newly (not) supported,
    /// described for the message.
    Changed(String),
}

/// One kind of access's scopes as the messages show them.
fn show(s: &Option<Scopes>) -> String {
    match s {
        Some(Scopes::Scopes(list)) => list.join(", "),
        Some(Scopes::NotSupported) => "not supported".to_owned(),
        Some(Scopes::Unknown) => "unknown".to_owned(),
        None => "not documented".to_owned(),
    }
}

/// Scopes as the messages quote them: `` `a`, `b` ``.
fn quoted(list: Vec<&String>) -> String {
    let q: Vec<String> = list.iter().map(|s| format!("`{s}`")).collect();
    q.join(", ")
}

/// How the access `label` changed from `a` to `b`.
fn access_change(label: &str, a: &Option<Scopes>, b: &Option<Scopes>) -> AccessChange {
    if a == b {
        return AccessChange::Unchanged;
    }
    match (a, b) {
        (Some(Scopes::Scopes(before)), Some(Scopes::Scopes(after))) => {
            scope_list_change(label, before, after)
        }
        _ => AccessChange::Changed(format!("{label}: {} → {}", show(a), show(b))),
    }
}

/// How the access `label` changed from one list of scopes to another that
/// is not the same list.
fn scope_list_change(label: &str, before: &[String], after: &[String]) -> AccessChange {
    let (mut sorted_before, mut sorted_after) = (before.to_vec(), after.to_vec());
    sorted_before.sort();
    sorted_after.sort();
    // `show` of a list of scopes is the list joined.
    let both = || format!("{} → {}", before.join(", "), after.join(", "));
    if sorted_before == sorted_after {
        return AccessChange::Reordered(format!("{label}: {}", both()));
    }
    let added: Vec<&String> = after.iter().filter(|s| !before.contains(s)).collect();
    let removed: Vec<&String> = before.iter().filter(|s| !after.contains(s)).collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", quoted(added)));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", quoted(removed)));
    }
    if parts.is_empty() {
        // Only a repeated scope came or went: show both lists.
        parts.push(both());
    }
    AccessChange::Changed(format!("{label}: {}", parts.join(", ")))
}

impl Differ<'_> {
    /// A change of an endpoint's permissions: scopes added or removed, or a
    /// kind of access newly (not) supported, is `endpoint-permissions-changed`;
    /// the same scopes in another order (the docs list them from least to
    /// most privileged, and reorder them when they fix that) is only
    /// `endpoint-permissions-reordered`.
    pub(super) fn permissions(&mut self, e: &Endpoint, n: &Endpoint, subject: Subject) {
        let (old, new) = (&e.permissions, &n.permissions);
        let accesses = [
            (
                "delegated (work or school)",
                &old.delegated_work_or_school,
                &new.delegated_work_or_school,
            ),
            (
                "delegated (personal)",
                &old.delegated_personal,
                &new.delegated_personal,
            ),
            ("application", &old.application, &new.application),
        ];
        let mut changed = Vec::new();
        let mut reordered = Vec::new();
        for (label, a, b) in accesses {
            match access_change(label, a, b) {
                AccessChange::Unchanged => {}
                AccessChange::Reordered(what) => reordered.push(what),
                AccessChange::Changed(what) => changed.push(what),
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
