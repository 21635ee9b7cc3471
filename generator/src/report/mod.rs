//! Rendering diagnostics and summaries for people.

pub mod todos;

use crate::diagnostics::{Diagnostic, Severity};
use crate::ir::Model;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Renders a diagnostic as `path:line:col: severity[code]: message`, each
/// related location on its own indented line. `prefix` is prepended to paths
/// (the docs root as the user named it).
pub fn render_line(d: &Diagnostic, prefix: &str) -> String {
    let mut out = format!(
        "{prefix}{}: {}[{}]: {}",
        d.source,
        d.severity.as_str(),
        d.code,
        d.message
    );
    for r in &d.related {
        let _ = write!(out, "\n    {prefix}{}: {}", r.source, r.message);
    }
    out
}

/// Renders a diagnostic with the source line it points at, using
/// annotate-snippets.
pub fn render_snippet(d: &Diagnostic, prefix: &str, source_text: &str) -> String {
    use annotate_snippets::{Level, Renderer, Snippet};
    let line_index = d.source.line.saturating_sub(1) as usize;
    let Some(line) = source_text.lines().nth(line_index) else {
        return render_line(d, prefix);
    };
    let column = (d.source.column.saturating_sub(1) as usize).min(line.chars().count());
    let start = line
        .char_indices()
        .nth(column)
        .map(|(i, _)| i)
        .unwrap_or(line.len());
    let end = line[start..]
        .find('|')
        .map(|i| start + i.max(1))
        .unwrap_or(line.len())
        .max(start);
    let level = match d.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Note,
    };
    let origin = format!("{prefix}{}", d.source.path);
    let title = format!("[{}] {}", d.code, d.message);
    let message = level.title(&title).snippet(
        Snippet::source(line)
            .line_start(d.source.line as usize)
            .origin(&origin)
            .annotation(level.span(start..end)),
    );
    let mut out = Renderer::plain().render(message).to_string();
    for r in &d.related {
        let _ = write!(out, "\n  = related: {prefix}{}: {}", r.source, r.message);
    }
    out
}

/// Counts per severity and per code over several models.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Pages read.
    pub pages: usize,
    /// Types.
    pub types: usize,
    /// Enums.
    pub enums: usize,
    /// Endpoints.
    pub endpoints: usize,
    /// Diagnostics by severity.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Diagnostics by code.
    pub by_code: BTreeMap<&'static str, usize>,
}

impl Summary {
    /// Counts over `models`.
    pub fn of(models: &[Model]) -> Summary {
        let mut s = Summary::default();
        for m in models {
            s.pages += m.pages.len();
            s.types += m.types.len();
            s.enums += m.enums.len();
            s.endpoints += m.endpoints.len();
            for d in &m.diagnostics {
                *s.by_severity.entry(d.severity).or_default() += 1;
                *s.by_code.entry(d.code).or_default() += 1;
            }
        }
        s
    }

    /// `3 pages, 2 types, 1 enum, 4 endpoints`.
    pub fn model_counts(&self) -> String {
        format!(
            "{}, {}, {}, {}",
            counted(self.pages, "page", "pages"),
            counted(self.types, "type", "types"),
            counted(self.enums, "enum", "enums"),
            counted(self.endpoints, "endpoint", "endpoints"),
        )
    }

    /// How many diagnostics of `severity`.
    pub fn of_severity(&self, severity: Severity) -> usize {
        self.by_severity.get(&severity).copied().unwrap_or(0)
    }

    /// A few lines for people.
    pub fn render(&self) -> String {
        let severity = |s: Severity| self.of_severity(s);
        let mut out = format!(
            "{}; diagnostics: {}, {}, {}\n",
            self.model_counts(),
            counted(severity(Severity::Error), "error", "errors"),
            counted(severity(Severity::Warning), "warning", "warnings"),
            counted(severity(Severity::Info), "info", "infos"),
        );
        for (code, n) in &self.by_code {
            let _ = writeln!(out, "  {n:>6}  {code}");
        }
        out
    }
}

/// `n` with the word for one or for many: `1 warning`, `2 warnings`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "warning", "warnings"), "1 warning");
        assert_eq!(counted(0, "warning", "warnings"), "0 warnings");
        assert_eq!(counted(2, "info", "infos"), "2 infos");
    }
}
