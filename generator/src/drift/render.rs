//! Drift reports: text (mildest first, breaking changes last, above the
//! counts), markdown (a pull-request comment, counts first), JSON, and
//! GitHub workflow annotations.

use super::{Change, Level};
use crate::report::counted;
use crate::report::todos::Format;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// How many changes there are of each severity.
fn counts(changes: &[Change]) -> BTreeMap<Level, usize> {
    let mut out = BTreeMap::new();
    for c in changes {
        *out.entry(c.severity).or_default() += 1;
    }
    out
}

/// How many changes `counts` holds of `level`.
fn count(counts: &BTreeMap<Level, usize>, level: Level) -> usize {
    counts.get(&level).copied().unwrap_or(0)
}

/// `1 breaking, 2 warnings, 0 info`.
fn totals(counts: &BTreeMap<Level, usize>) -> String {
    format!(
        "{} breaking, {}, {} info",
        count(counts, Level::Breaking),
        counted(count(counts, Level::Warning), "warning", "warnings"),
        count(counts, Level::Info)
    )
}

/// A side's location with its prefix, or `-` when the change has none there.
fn loc(prefix: &str, l: &Option<crate::source::Location>) -> String {
    l.as_ref()
        .map(|l| format!("{prefix}{l}"))
        .unwrap_or_else(|| "-".to_owned())
}

/// Renders changes. `old_prefix`/`new_prefix` go before each side's paths.
pub fn render(changes: &[Change], format: Format, old_prefix: &str, new_prefix: &str) -> String {
    let counts = counts(changes);
    match format {
        Format::Json => json(changes, &counts),
        Format::Text => text(changes, &counts, old_prefix, new_prefix),
        Format::Markdown => markdown(changes, &counts),
        Format::Github => github(changes, &counts, old_prefix, new_prefix),
    }
}

/// The JSON report: the counts, then every change.
#[derive(serde::Serialize)]
struct JsonReport<'a> {
    /// Breaking changes.
    breaking: usize,
    /// Warnings.
    warning: usize,
    /// Info changes.
    info: usize,
    /// Every change.
    changes: &'a [Change],
}

/// The JSON report, pretty, with a trailing newline.
fn json(changes: &[Change], counts: &BTreeMap<Level, usize>) -> String {
    let report = JsonReport {
        breaking: count(counts, Level::Breaking),
        warning: count(counts, Level::Warning),
        info: count(counts, Level::Info),
        changes,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// The text report: each change on two lines (severity, rule and message;
/// then both locations), then the counts.
fn text(
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

/// The markdown report: the counts as a heading, then a section per
/// severity, most severe first.
fn markdown(changes: &[Change], counts: &BTreeMap<Level, usize>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### Docs drift: {}\n", totals(counts));
    for level in [Level::Breaking, Level::Warning, Level::Info] {
        let of_level: Vec<&Change> = changes.iter().filter(|c| c.severity == level).collect();
        if !of_level.is_empty() {
            markdown_level(&mut out, level, of_level);
        }
    }
    out
}

/// One severity's markdown section: a table of its rules with their counts,
/// then each rule's changes in a collapsed `<details>`.
fn markdown_level(out: &mut String, level: Level, of_level: Vec<&Change>) {
    let mut by_rule: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
    for c in of_level {
        by_rule.entry(c.rule.id()).or_default().push(c);
    }
    let _ = writeln!(out, "#### {}\n", level.as_str());
    let _ = writeln!(out, "| rule | count |\n|---|---:|");
    for (rule, list) in &by_rule {
        let _ = writeln!(out, "| `{rule}` | {} |", list.len());
    }
    for (rule, list) in &by_rule {
        let _ = writeln!(
            out,
            "\n<details><summary><code>{rule}</code> ({})</summary>\n",
            list.len()
        );
        for c in list {
            let at = c
                .new
                .as_ref()
                .or(c.old.as_ref())
                .map(|l| format!(" — `{l}`"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{at}", c.message);
        }
        let _ = writeln!(out, "\n</details>");
    }
    out.push('\n');
}

/// GitHub workflow annotations: one per change that has a location (the new
/// side's, else the old side's), then the counts.
fn github(
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
    use super::*;

    fn change(rule: &'static str, severity: Level) -> Change {
        Change {
            fingerprint: format!("{rule}:v1.0:x"),
            rule: super::super::Rule::from_id(rule).expect("a rule id"),
            severity,
            version: "v1.0".to_owned(),
            subject: super::super::Subject::Type {
                name: "x".to_owned(),
            },
            message: format!("{rule} happened"),
            old: None,
            new: None,
        }
    }

    #[test]
    fn text_puts_breaking_changes_last_above_the_counts() {
        let changes = [
            change("enum-member-removed", Level::Breaking),
            change("type-added", Level::Info),
            change("property-removed", Level::Warning),
            change("enum-added", Level::Info),
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
