//! The changelog: markdown release notes. Breaking changes first, in a
//! section of their own; then the rest by area (types, properties, enums,
//! endpoints, permissions, placeholders), each split into added, changed and
//! removed. Each line is the change's message with a short location.

use super::super::{Area, ChangeKind, Rule};
use super::{shown_location, totals, Change, Level};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The release notes of `changes`.
pub(super) fn changelog(changes: &[Change], counts: &BTreeMap<Level, usize>) -> String {
    let mut out = String::from("## API changes\n\n");
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let _ = writeln!(out, "{}.", totals(counts));
    // Lines name their version only when the notes cover more than one.
    let versions: BTreeSet<&str> = changes.iter().map(|c| c.version.as_str()).collect();
    let line = |c: &Change| entry(c, versions.len() > 1);
    let mut sorted: Vec<&Change> = changes.iter().collect();
    sorted.sort_by(|a, b| order(a).cmp(&order(b)));
    let (breaking, rest): (Vec<&Change>, Vec<&Change>) = sorted
        .into_iter()
        .partition(|c| c.severity == Level::Breaking);
    if !breaking.is_empty() {
        out.push_str("\n### Breaking changes\n\n");
        breaking.iter().for_each(|c| out.push_str(&line(c)));
    }
    // Scopes listed in another order change nothing for a reader of release
    // notes, and a docs update can have hundreds: one line counts them.
    let (reordered, rest): (Vec<&Change>, Vec<&Change>) = rest
        .into_iter()
        .partition(|c| c.rule == Rule::EndpointPermissionsReordered);
    for area in Area::ALL {
        let in_area: Vec<&Change> = rest
            .iter()
            .copied()
            .filter(|c| c.rule.area() == area)
            .collect();
        let folded = if area == Rule::EndpointPermissionsReordered.area() {
            folded_line(&reordered)
        } else {
            None
        };
        if in_area.is_empty() && folded.is_none() {
            continue;
        }
        let _ = writeln!(out, "\n### {}", area.title());
        for kind in ChangeKind::ALL {
            let mut of_kind = in_area.iter().filter(|c| c.rule.kind() == kind).peekable();
            let fold_here = kind == Rule::EndpointPermissionsReordered.kind();
            let folded = folded.as_ref().filter(|_| fold_here);
            if of_kind.peek().is_some() || folded.is_some() {
                let _ = writeln!(out, "\n#### {}\n", kind.title());
                of_kind.for_each(|c| out.push_str(&line(c)));
                out.extend(folded.map(String::as_str));
            }
        }
    }
    out
}

/// The one line that counts the endpoints whose scopes are only listed in
/// another order; `None` when there are none.
fn folded_line(reordered: &[&Change]) -> Option<String> {
    match reordered.len() {
        0 => None,
        n => Some(format!(
            "- {n} {} the same permissions in another order (`endpoint-permissions-reordered`; `--format json` lists {})\n",
            if n == 1 { "endpoint lists" } else { "endpoints list" },
            if n == 1 { "it" } else { "them" },
        )),
    }
}

/// The order of the notes: by area, kind and subject, then version and
/// rule (the message last, so equal keys cannot reorder).
fn order(c: &Change) -> impl Ord + '_ {
    (
        c.rule.area(),
        c.rule.kind(),
        &c.subject,
        &c.version,
        c.rule,
        &c.message,
    )
}

/// One line: the message, capitalized; its version (when the notes cover
/// several) and `warning` in italics when there are any; then where it is,
/// as `path:line`.
fn entry(c: &Change, with_version: bool) -> String {
    let mut tags: Vec<&str> = Vec::new();
    if with_version {
        tags.push(&c.version);
    }
    if c.severity == Level::Warning {
        tags.push("warning");
    }
    let tags = if tags.is_empty() {
        String::new()
    } else {
        format!(" *({})*", tags.join(", "))
    };
    let at = shown_location(c)
        .map(|l| format!(" — `{}:{}`", l.path, l.line))
        .unwrap_or_default();
    format!("- {}{tags}{at}\n", capitalized(&c.message))
}

/// `text` with its first letter upper-case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{change, ty};
    use super::super::{render, Format};
    use super::*;
    use crate::drift::Subject;

    fn property(t: &str, p: &str) -> Subject {
        Subject::Property {
            type_name: t.to_owned(),
            property: p.to_owned(),
        }
    }

    /// The `###` and `####` headings, in order.
    fn headings(notes: &str) -> Vec<&str> {
        notes.lines().filter(|l| l.starts_with("###")).collect()
    }

    #[test]
    fn breaking_changes_come_first_then_areas_then_kinds() {
        let changes = [
            change("property-added", Level::Info, property("user", "mail")),
            change("type-removed", Level::Breaking, ty("old")),
            change("type-added", Level::Info, ty("zeta")),
            change("type-added", Level::Info, ty("alpha")),
            change(
                "property-became-enum",
                Level::Warning,
                property("user", "kind"),
            ),
            change(
                "property-removed",
                Level::Breaking,
                property("user", "gone"),
            ),
        ];
        let notes = render(&changes, Format::Changelog, "", "");
        assert_eq!(
            headings(&notes),
            [
                "### Breaking changes",
                "### Types",
                "#### Added",
                "### Properties",
                "#### Added",
                "#### Changed",
            ],
            "{notes}"
        );
        let lines: Vec<&str> = notes.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(lines.len(), changes.len(), "every change once: {notes}");
        // Breaking: types before properties; the rest by subject.
        assert!(lines[0].contains("`old`") && lines[1].contains("`user.gone`"));
        assert!(lines[2].contains("`alpha`") && lines[3].contains("`zeta`"));
        assert!(lines[5].contains("*(warning)*"), "{}", lines[5]);
        assert!(
            lines[0].starts_with("- Type-removed `old` happened — `resources/x.md:4`"),
            "capitalized, with the old side's path:line for a removal: {}",
            lines[0]
        );
        assert!(notes.contains("2 breaking, 1 warning, 3 info."), "{notes}");
    }

    #[test]
    fn versions_are_named_only_when_there_are_several() {
        let mut beta = change("type-added", Level::Info, ty("b"));
        beta.version = "beta".to_owned();
        let v1 = change("type-added", Level::Info, ty("a"));
        let one = render(std::slice::from_ref(&v1), Format::Changelog, "", "");
        assert!(!one.contains("*(v1.0)*"), "{one}");
        let both = render(&[v1, beta], Format::Changelog, "", "");
        assert!(
            both.contains("*(v1.0)*") && both.contains("*(beta)*"),
            "{both}"
        );
    }

    #[test]
    fn permissions_only_reordered_are_counted_on_one_line() {
        let endpoint = |path: &str| Subject::Endpoint {
            method: "GET".to_owned(),
            path: path.to_owned(),
        };
        let mut changes: Vec<Change> = (0..5)
            .map(|i| {
                change(
                    "endpoint-permissions-reordered",
                    Level::Info,
                    endpoint(&format!("/r/{i}")),
                )
            })
            .collect();
        changes.push(change(
            "endpoint-permissions-changed",
            Level::Warning,
            endpoint("/c"),
        ));
        let notes = render(&changes, Format::Changelog, "", "");
        let lines: Vec<&str> = notes.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(lines.len(), 2, "{notes}");
        assert!(lines[0].contains("`GET /c`"), "{notes}");
        assert!(
            lines[1].starts_with("- 5 endpoints list the same permissions in another order"),
            "{notes}"
        );
        assert_eq!(
            headings(&notes),
            ["### Permissions", "#### Changed"],
            "{notes}"
        );
    }

    #[test]
    fn no_changes_say_so() {
        assert_eq!(
            render(&[], Format::Changelog, "", ""),
            "## API changes\n\nNo changes.\n"
        );
    }
}
