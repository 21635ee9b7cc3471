//! Drift reports: text (mildest first, breaking changes last, above the
//! counts), markdown (a pull-request comment, counts first), JSON, GitHub
//! workflow annotations, a changelog (release notes by area) and JUnit XML
//! (for CI dashboards). One file per format, JSON here.

mod changelog;
mod junit;
mod markdown;
mod text;

use super::{Change, FailOn, Level};
use crate::report::counted;
use crate::source::Location;
use std::collections::BTreeMap;

/// How a drift report is written. Drift's own enum rather than the `todos`
/// report's: release notes and test results are about changes, which a
/// list of placeholders is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people in a terminal.
    Text,
    /// For a pull-request comment.
    Markdown,
    /// For tools.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// Markdown release notes: breaking changes first, then by area, then
    /// added, changed and removed.
    Changelog,
    /// JUnit XML for CI dashboards: the changes `fail_on` fails are failures.
    Junit {
        /// The mildest severity that is a failure (the run's `--fail-on`).
        fail_on: FailOn,
    },
}

/// Renders changes. `old_prefix`/`new_prefix` go before each side's paths
/// (text, GitHub and JUnit; markdown and the changelog show them short).
pub fn render(changes: &[Change], format: Format, old_prefix: &str, new_prefix: &str) -> String {
    let counts = counts(changes);
    match format {
        Format::Json => json(changes, &counts),
        Format::Text => text::text(changes, &counts, old_prefix, new_prefix),
        Format::Markdown => markdown::markdown(changes, &counts),
        Format::Github => text::github(changes, &counts, old_prefix, new_prefix),
        Format::Changelog => changelog::changelog(changes, &counts),
        Format::Junit { fail_on } => junit::junit(changes, fail_on, old_prefix, new_prefix),
    }
}

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
fn loc(prefix: &str, l: &Option<Location>) -> String {
    l.as_ref()
        .map(|l| format!("{prefix}{l}"))
        .unwrap_or_else(|| "-".to_owned())
}

/// Where to point a reader: the new side's location, else the old side's.
fn shown_location(c: &Change) -> Option<&Location> {
    c.new.as_ref().or(c.old.as_ref())
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

/// Changes for the formats' unit tests.
#[cfg(test)]
mod fixtures {
    use super::super::{Rule, Subject};
    use super::*;

    /// A change of `rule` at `severity` about `subject`, with a message
    /// naming both and a location on the sides its kind has.
    pub fn change(rule: &str, severity: Level, subject: Subject) -> Change {
        let rule = Rule::from_id(rule).expect("a rule id");
        let at = |line| Location {
            path: "resources/x.md".into(),
            line,
            column: 1,
        };
        let (old, new) = match rule.kind() {
            super::super::ChangeKind::Added => (None, Some(at(3))),
            super::super::ChangeKind::Removed => (Some(at(4)), None),
            super::super::ChangeKind::Changed => (Some(at(5)), Some(at(6))),
        };
        Change {
            fingerprint: format!("{rule}:v1.0:{}", subject.key()),
            rule,
            severity,
            version: "v1.0".to_owned(),
            message: format!("{rule} `{}` happened", subject.key()),
            subject,
            old,
            new,
        }
    }

    /// A type subject.
    pub fn ty(name: &str) -> Subject {
        Subject::Type {
            name: name.to_owned(),
        }
    }
}
