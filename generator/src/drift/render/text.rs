//! The line-based reports: text for a terminal and GitHub workflow
//! annotations.

use super::{loc, totals, Change, Level};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The text report: each change on two lines (severity, rule and message;
/// then both locations), then the counts.
pub(super) fn text(
    changes: &[Change],
    counts: &BTreeMap<Level, usize>,
    old_prefix: &str,
    new_prefix: &str,
) -> String {
    let mut out = String::new();
    // Mildest first, so the breaking changes are the last thing
    // printed, just above the counts.
    let by_level = [Level::Info, Level::Warning, Level::Breaking]
        .into_iter()
        .flat_map(|level| changes.iter().filter(move |c| c.severity == level));
    for c in by_level {
        let _ = writeln!(
            out,
            "{:<8} {:<38} {}",
            c.severity.as_str(),
            c.rule,
            c.message
        );
        let _ = writeln!(
            out,
            "         old: {}  new: {}",
            loc(old_prefix, &c.old),
            loc(new_prefix, &c.new)
        );
    }
    let _ = writeln!(out, "{}", totals(counts));
    out
}

/// GitHub workflow annotations: one per change that has a location (the new
/// side's, else the old side's), then the counts.
pub(super) fn github(
    changes: &[Change],
    counts: &BTreeMap<Level, usize>,
    old_prefix: &str,
    new_prefix: &str,
) -> String {
    let mut out = String::new();
    for c in changes {
        let level = match c.severity {
            Level::Breaking => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
        let (prefix, at) = match (&c.new, &c.old) {
            (Some(l), _) => (new_prefix, l),
            (None, Some(l)) => (old_prefix, l),
            (None, None) => continue,
        };
        let message = c.message.replace('%', "%25").replace('\n', "%0A");
        let _ = writeln!(
            out,
            "::{level} file={prefix}{},line={},col={},title={}::{message}",
            at.path, at.line, at.column, c.rule
        );
    }
    let _ = writeln!(out, "{}", totals(counts));
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{change, ty};
    use super::super::{render, Format};
    use super::*;

    #[test]
    fn text_puts_breaking_changes_last_above_the_counts() {
        let changes = [
            change("enum-member-removed", Level::Breaking, ty("x")),
            change("type-added", Level::Info, ty("x")),
            change("property-removed", Level::Warning, ty("x")),
            change("enum-added", Level::Info, ty("x")),
        ];
        let text = render(&changes, Format::Text, "", "");
        let rules: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with(' '))
            .filter_map(|l| l.split_whitespace().nth(1))
            .collect();
        assert_eq!(
            rules,
            [
                "type-added",
                "enum-added",
                "property-removed",
                "enum-member-removed",
                "breaking,"
            ]
        );
        assert!(text.ends_with("1 breaking, 1 warning, 2 info\n"), "{text}");
    }
}
