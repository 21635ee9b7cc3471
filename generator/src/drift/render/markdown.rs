//! The markdown report: a pull-request comment, counts first.

use super::{shown_location, totals, Change, Level};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The markdown report: the counts as a heading, then a section per
/// severity, most severe first.
pub(super) fn markdown(changes: &[Change], counts: &BTreeMap<Level, usize>) -> String {
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
            let at = shown_location(c)
                .map(|l| format!(" — `{l}`"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{at}", c.message);
        }
        let _ = writeln!(out, "\n</details>");
    }
    out.push('\n');
}
