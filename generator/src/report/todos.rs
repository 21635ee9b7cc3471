//! The `todos` report: placeholders grouped by page and kind, with totals, in
//! text, markdown, JSON or GitHub workflow annotations; and the budget that
//! lets CI fail when their number grows.

use crate::extract::todos::{TodoFacts, TodoKind};
use crate::ir::Model;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Output format of the `todos` report (drift has its own,
/// `drift::Format`, with the formats only changes have).
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
}

/// A placeholder without its line and column: what a baseline remembers, so
/// moving text around a page is not a change.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Fingerprint {
    /// API version.
    pub version: String,
    /// Page path.
    pub page: String,
    /// Kind (`todo-description`, …).
    pub kind: String,
    /// What it belongs to.
    pub owner: String,
    /// The placeholder text.
    pub text: String,
}

/// Every placeholder of the models with its version, sorted.
pub fn all_todos(models: &[Model]) -> Vec<(&str, &TodoFacts)> {
    let mut out: Vec<(&str, &TodoFacts)> = models
        .iter()
        .flat_map(|m| m.todos.iter().map(move |t| (m.version.as_str(), t)))
        .collect();
    out.sort_by(|a, b| (a.0, &a.1.source, a.1.kind).cmp(&(b.0, &b.1.source, b.1.kind)));
    out
}

fn fingerprint(version: &str, t: &TodoFacts) -> Fingerprint {
    Fingerprint {
        version: version.to_owned(),
        page: t.source.path.to_string(),
        kind: t.kind.as_str().to_owned(),
        owner: t.owner.clone(),
        text: t.text.clone(),
    }
}

/// How many placeholders there are of each kind.
fn totals(todos: &[(&str, &TodoFacts)]) -> BTreeMap<TodoKind, usize> {
    let mut out = BTreeMap::new();
    for (_, t) in todos {
        *out.entry(t.kind).or_default() += 1;
    }
    out
}

/// Renders the report. `prefix` is put before page paths (the docs folder as named).
pub fn render(models: &[Model], format: Format, prefix: &str) -> String {
    let report = TodoReport::of(models);
    match format {
        Format::Json => report.json(),
        Format::Github => report.github(prefix),
        Format::Text => report.text(prefix),
        Format::Markdown => report.markdown(prefix),
    }
}

/// The placeholders of some models as the report shows them: in order, by
/// page, and counted by kind.
struct TodoReport<'m> {
    /// Every placeholder with its version, sorted.
    todos: Vec<(&'m str, &'m TodoFacts)>,
    /// How many there are of each kind.
    totals: BTreeMap<TodoKind, usize>,
    /// The placeholders of each page, by version and page path.
    pages: BTreeMap<(&'m str, &'m str), Vec<&'m TodoFacts>>,
}

/// One placeholder of the JSON report.
#[derive(Serialize)]
struct JsonItem<'a> {
    /// API version.
    version: &'a str,
    /// The placeholder.
    #[serde(flatten)]
    todo: &'a TodoFacts,
}

/// The JSON report: totals, then every placeholder.
#[derive(Serialize)]
struct JsonReport<'a> {
    /// How many placeholders.
    total: usize,
    /// On how many pages.
    pages: usize,
    /// How many of each kind.
    by_kind: BTreeMap<&'static str, usize>,
    /// Every placeholder.
    todos: Vec<JsonItem<'a>>,
}

impl<'m> TodoReport<'m> {
    /// The report of `models`' placeholders.
    fn of(models: &'m [Model]) -> TodoReport<'m> {
        let todos = all_todos(models);
        let totals = totals(&todos);
        let pages: BTreeMap<(&str, &str), Vec<&TodoFacts>> =
            todos.iter().fold(BTreeMap::new(), |mut acc, (v, t)| {
                acc.entry((*v, &*t.source.path))
                    .or_insert_with(Vec::new)
                    .push(*t);
                acc
            });
        TodoReport {
            todos,
            totals,
            pages,
        }
    }

    /// The JSON report, pretty, with a trailing newline.
    fn json(&self) -> String {
        let report = JsonReport {
            total: self.todos.len(),
            pages: self.pages.len(),
            by_kind: self.totals.iter().map(|(k, n)| (k.as_str(), *n)).collect(),
            todos: self
                .todos
                .iter()
                .map(|(version, todo)| JsonItem { version, todo })
                .collect(),
        };
        let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
        out.push('\n');
        out
    }

    /// GitHub workflow annotations: a notice per placeholder, then the count.
    fn github(&self, prefix: &str) -> String {
        let mut out = String::new();
        for (_, t) in &self.todos {
            let message = if t.text.is_empty() {
                t.owner.clone()
            } else {
                format!("{}: {}", t.owner, t.text)
            };
            let _ = writeln!(
                out,
                "::notice file={prefix}{},line={},col={},title=placeholder {}::{}",
                t.source.path,
                t.source.line,
                t.source.column,
                t.kind.as_str(),
                escape_github(&message)
            );
        }
        let _ = writeln!(
            out,
            "{} placeholders on {} pages",
            self.todos.len(),
            self.pages.len()
        );
        out
    }

    /// The text report: each page's placeholders by kind, then the totals.
    fn text(&self, prefix: &str) -> String {
        let mut out = String::new();
        for ((version, page), items) in &self.pages {
            let _ = writeln!(out, "{prefix}{page} ({version})");
            for kind in TodoKind::ALL {
                text_kind(&mut out, kind, items);
            }
        }
        let _ = writeln!(
            out,
            "\n{} placeholders on {} pages",
            self.todos.len(),
            self.pages.len()
        );
        for (kind, n) in &self.totals {
            let _ = writeln!(out, "  {n:>6}  {}", kind.as_str());
        }
        out
    }

    /// The markdown report: the totals as a heading and a table, then each
    /// page's placeholders in a collapsed `<details>`.
    fn markdown(&self, prefix: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "### Placeholders upstream left: {} on {} pages\n",
            self.todos.len(),
            self.pages.len()
        );
        let _ = writeln!(out, "| kind | count |\n|---|---:|");
        for (kind, n) in &self.totals {
            let _ = writeln!(out, "| `{}` | {n} |", kind.as_str());
        }
        for ((version, page), items) in &self.pages {
            markdown_page(&mut out, prefix, version, page, items);
        }
        out
    }
}

/// The text lines of a page's placeholders of one kind, under a line with
/// the kind and their number; nothing when the page has none.
fn text_kind(out: &mut String, kind: TodoKind, items: &[&TodoFacts]) {
    let of_kind: Vec<&&TodoFacts> = items.iter().filter(|t| t.kind == kind).collect();
    if of_kind.is_empty() {
        return;
    }
    let _ = writeln!(out, "  {} ({})", kind.as_str(), of_kind.len());
    for t in of_kind {
        let text = if t.text.is_empty() {
            String::new()
        } else {
            format!(": {}", t.text)
        };
        let _ = writeln!(
            out,
            "    {}:{}  {}{}",
            t.source.line, t.source.column, t.owner, text
        );
    }
}

/// A page's placeholders as a markdown list in a collapsed `<details>`.
fn markdown_page(out: &mut String, prefix: &str, version: &str, page: &str, items: &[&TodoFacts]) {
    let _ = writeln!(
        out,
        "\n<details><summary><code>{prefix}{page}</code> ({version}): {}</summary>\n",
        items.len()
    );
    for t in items {
        let text = if t.text.is_empty() {
            String::new()
        } else {
            format!(" — `{}`", t.text)
        };
        let _ = writeln!(
            out,
            "- line {}: {} ({}){}",
            t.source.line,
            t.owner,
            t.kind.as_str(),
            text
        );
    }
    let _ = writeln!(out, "\n</details>");
}

/// Escapes a message for a GitHub workflow command.
fn escape_github(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A committed record of the placeholders CI accepts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version.
    pub schema_version: u32,
    /// How many placeholders there were.
    pub total: usize,
    /// Each one, without line numbers.
    pub todos: Vec<Fingerprint>,
}

impl Baseline {
    /// The baseline of the current placeholders.
    pub fn of(models: &[Model]) -> Baseline {
        let mut todos: Vec<Fingerprint> = all_todos(models)
            .into_iter()
            .map(|(v, t)| fingerprint(v, t))
            .collect();
        todos.sort();
        Baseline {
            schema_version: 1,
            total: todos.len(),
            todos,
        }
    }

    /// As pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The outcome of comparing the current placeholders with a budget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetCheck {
    /// Placeholders now.
    pub current: usize,
    /// Placeholders allowed.
    pub allowed: usize,
    /// Placeholders that are not in the baseline, with their locations.
    pub new: Vec<(String, TodoFacts)>,
}

impl BudgetCheck {
    /// Whether the number grew past the budget.
    pub fn exceeded(&self) -> bool {
        self.current > self.allowed
    }
}

/// Compares with a baseline (new ones are those the baseline does not hold,
/// counted as a multiset) or with a maximum count.
pub fn check_budget(
    models: &[Model],
    baseline: Option<&Baseline>,
    max: Option<usize>,
) -> BudgetCheck {
    let todos = all_todos(models);
    let mut remaining: BTreeMap<Fingerprint, usize> = BTreeMap::new();
    if let Some(b) = baseline {
        for f in &b.todos {
            *remaining.entry(f.clone()).or_default() += 1;
        }
    }
    let mut new = Vec::new();
    for (v, t) in &todos {
        let f = fingerprint(v, t);
        match remaining.get_mut(&f) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push((v.to_string(), (*t).clone())),
        }
    }
    let allowed = match (baseline, max) {
        (Some(b), Some(m)) => b.total.min(m),
        (Some(b), None) => b.total,
        (None, Some(m)) => m,
        (None, None) => usize::MAX,
    };
    if baseline.is_none() {
        new.clear();
    }
    BudgetCheck {
        current: todos.len(),
        allowed,
        new,
    }
}
