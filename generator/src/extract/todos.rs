//! Placeholders upstream left in a page: `**TODO: …**` in front matter,
//! descriptions, permissions and prose; "Not yet documented"; empty
//! description cells; empty `author`/`ms.prod`. Example values that are type
//! names are found by the IR's example check.

use super::{PageFacts, PageKind};
use crate::parse::{Block, Page};
use crate::source::Location;
use regex::Regex;
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// What kind of placeholder. The `as_str` names are stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TodoKind {
    /// `**TODO: Add Description**` in a description.
    TodoDescription,
    /// A description that says "Not yet documented".
    NotYetDocumented,
    /// An empty description cell.
    MissingDescription,
    /// `**TODO: Provide applicable permissions.**`, `**TODO: Determine scopes **`.
    TodoPermissions,
    /// An empty permissions cell.
    MissingPermissions,
    /// `author: "**TODO: Provide Github Name. …**"` and other front matter TODOs.
    TodoFrontMatter,
    /// `author: ""` or `ms.prod: ""`.
    EmptyFrontMatter,
    /// A TODO anywhere else in the page's text.
    TodoProse,
    /// An example value that is a type name (`"String"`, `"Integer"`).
    ExamplePlaceholder,
}

impl TodoKind {
    /// Every kind, in report order.
    pub const ALL: [TodoKind; 9] = [
        TodoKind::TodoDescription,
        TodoKind::NotYetDocumented,
        TodoKind::MissingDescription,
        TodoKind::TodoPermissions,
        TodoKind::MissingPermissions,
        TodoKind::TodoFrontMatter,
        TodoKind::EmptyFrontMatter,
        TodoKind::TodoProse,
        TodoKind::ExamplePlaceholder,
    ];

    /// The stable name: `todo-description`, `missing-description`, …
    pub fn as_str(self) -> &'static str {
        match self {
            TodoKind::TodoDescription => "todo-description",
            TodoKind::NotYetDocumented => "not-yet-documented",
            TodoKind::MissingDescription => "missing-description",
            TodoKind::TodoPermissions => "todo-permissions",
            TodoKind::MissingPermissions => "missing-permissions",
            TodoKind::TodoFrontMatter => "todo-front-matter",
            TodoKind::EmptyFrontMatter => "empty-front-matter",
            TodoKind::TodoProse => "todo-prose",
            TodoKind::ExamplePlaceholder => "example-placeholder",
        }
    }
}

/// One placeholder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TodoFacts {
    /// Its kind.
    pub kind: TodoKind,
    /// What it belongs to: "`mobileAppInstallStatus.deviceName` description",
    /// "the delegated (personal Microsoft account) permission of `POST /x`", "the page's `author`".
    pub owner: String,
    /// The placeholder as written (empty for missing text).
    pub text: String,
    /// Where it is.
    pub source: Location,
}

fn todo_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Upper-case TODO as a word: never `todoTask`, `ToDo` or `ToDownloadsFolder`.
    RE.get_or_init(|| Regex::new(r"\bTODO\b").expect("valid regex"))
}

fn known_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"TODO:?\s*(?:Add Description|Provide applicable permissions\.?|Determine AppOnly scopes|Determine scopes|Provide Github Name\.?|Add MS prod\.?)")
            .expect("valid regex")
    })
}

/// The TODO placeholder in `text`, if any: a known phrase, else up to the end
/// of its sentence (at most 80 characters).
pub fn todo_placeholder(text: &str) -> Option<String> {
    // Most text holds no `TODO` at all: a literal search rules it out before
    // the word-boundary regex runs.
    static TODO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    TODO.get_or_init(|| memchr::memmem::Finder::new("TODO"))
        .find(text.as_bytes())?;
    let m = todo_re().find(text)?;
    if let Some(k) = known_re().find(&text[m.start()..]) {
        if k.start() == 0 {
            return Some(k.as_str().trim().to_owned());
        }
    }
    let rest = &text[m.start()..];
    let end = rest.find(". ").map(|i| i + 1).unwrap_or(rest.len());
    Some(
        rest[..end]
            .chars()
            .take(80)
            .collect::<String>()
            .trim()
            .to_owned(),
    )
}

/// Whether a description is the "Not yet documented" placeholder.
pub fn is_not_yet_documented(text: &str) -> bool {
    text.trim()
        .trim_end_matches('.')
        .eq_ignore_ascii_case("not yet documented")
}

/// The description with its TODO placeholder removed (what is left may still say something).
pub fn without_placeholder(text: &str) -> String {
    let Some(placeholder) = todo_placeholder(text) else {
        return text.to_owned();
    };
    text.replacen(&placeholder, "", 1)
        .trim()
        .trim_start_matches(|c: char| c == '.' || c == ',' || c == ':' || c.is_whitespace())
        .trim()
        .to_owned()
}

/// What kind of description placeholder `text` is, if any.
pub fn description_placeholder(text: &str) -> Option<(TodoKind, String)> {
    if let Some(p) = todo_placeholder(text) {
        return Some((TodoKind::TodoDescription, p));
    }
    if is_not_yet_documented(text) {
        return Some((TodoKind::NotYetDocumented, text.trim().to_owned()));
    }
    if text.trim().is_empty() {
        return Some((TodoKind::MissingDescription, String::new()));
    }
    None
}

struct Finder<'a> {
    out: Vec<TodoFacts>,
    seen: BTreeSet<Location>,
    page: &'a Page,
}

impl Finder<'_> {
    fn push(&mut self, kind: TodoKind, owner: String, text: String, source: Location) {
        if self.seen.insert(source.clone()) {
            self.out.push(TodoFacts {
                kind,
                owner,
                text,
                source,
            });
        }
    }

    /// Where a paragraph with exactly this text starts.
    fn paragraph_location(&self, text: &str) -> Option<Location> {
        self.page.blocks.iter().find_map(|b| match b {
            Block::Paragraph { content, location } if content.text == text => {
                Some(location.clone())
            }
            _ => None,
        })
    }
}

/// Finds the placeholders of a page whose facts are extracted.
pub(crate) fn find_todos(page: &Page, facts: &mut PageFacts) {
    let mut f = Finder {
        out: Vec::new(),
        seen: BTreeSet::new(),
        page,
    };
    // The order matters: a location is reported once, by the first finder
    // that sees it, and prose is left out on lines already reported.
    front_matter_todos(&mut f);
    type_todos(&mut f, facts);
    enum_todos(&mut f, facts);
    if facts.kind == PageKind::Api {
        permission_todos(&mut f, facts);
    }
    prose_todos(&mut f);
    f.out.sort();
    facts.todos = f.out;
}

/// TODOs and empty `author`/`ms.prod` values in the front matter.
fn front_matter_todos(f: &mut Finder<'_>) {
    let Some(front) = &f.page.front_matter else {
        return;
    };
    for (key, entry) in &front.entries {
        if let Some(p) = todo_placeholder(&entry.value) {
            f.push(
                TodoKind::TodoFrontMatter,
                format!("the page's `{key}`"),
                p,
                entry.location.clone(),
            );
        } else if entry.value.trim().is_empty() && (key == "author" || key == "ms.prod") {
            f.push(
                TodoKind::EmptyFrontMatter,
                format!("the page's `{key}`"),
                String::new(),
                entry.location.clone(),
            );
        }
    }
}

/// Placeholders in the descriptions of the page's types and of their
/// properties and relationships.
fn type_todos(f: &mut Finder<'_>, facts: &PageFacts) {
    for ty in &facts.types {
        own_description_todo(f, &ty.name, &ty.description);
        for p in ty.properties.iter().chain(&ty.relationships) {
            if let Some((kind, text)) = description_placeholder(&p.description) {
                f.push(
                    kind,
                    format!("`{}.{}` description", ty.name, p.name),
                    text,
                    p.description_location.clone(),
                );
            }
        }
    }
}

/// Placeholders in the descriptions of the page's member-table enums and of
/// their members.
fn enum_todos(f: &mut Finder<'_>, facts: &PageFacts) {
    for e in &facts.enums {
        if e.origin != super::EnumOrigin::MembersTable {
            continue;
        }
        own_description_todo(f, &e.name, &e.description);
        for m in &e.members {
            // A table without a Description column says nothing is missing.
            if m.description_location == m.location {
                continue;
            }
            if let Some((kind, text)) = description_placeholder(&m.description) {
                f.push(
                    kind,
                    format!("`{}.{}` description", e.name, m.name),
                    text,
                    m.description_location.clone(),
                );
            }
        }
    }
}

/// A placeholder in the description of a type or enum named `name`, found at
/// the paragraph that holds it (a missing description has no place to point at).
fn own_description_todo(f: &mut Finder<'_>, name: &str, description: &str) {
    if let Some((kind, text)) = description_placeholder(description) {
        if kind != TodoKind::MissingDescription {
            if let Some(location) = f.paragraph_location(description) {
                f.push(kind, format!("`{name}` description"), text, location);
            }
        }
    }
}

/// Anything else: TODOs in prose, headings and other table cells.
fn prose_todos(f: &mut Finder<'_>) {
    for block in &f.page.blocks {
        match block {
            Block::Paragraph { content, location }
            | Block::Heading {
                content, location, ..
            } => {
                if let Some(p) = todo_placeholder(&content.text) {
                    let already = f.out.iter().any(|t| t.source.line == location.line);
                    if !already {
                        f.push(
                            TodoKind::TodoProse,
                            "the page's text".to_owned(),
                            p,
                            location.clone(),
                        );
                    }
                }
            }
            Block::Table { rows, .. } => {
                for cell in rows.iter().flat_map(|r| &r.cells) {
                    if let Some(p) = todo_placeholder(&cell.content.text) {
                        f.push(
                            TodoKind::TodoProse,
                            "a table cell".to_owned(),
                            p,
                            cell.location.clone(),
                        );
                    }
                }
            }
            Block::Code { .. } => {}
        }
    }
}

/// TODOs and empty cells in the permissions tables of an api page.
fn permission_todos(f: &mut Finder<'_>, facts: &PageFacts) {
    let endpoints: Vec<String> = facts
        .endpoints
        .iter()
        .map(|e| format!("`{} {}`", e.method, e.path))
        .collect();
    let of = if endpoints.is_empty() {
        "this page's endpoint".to_owned()
    } else {
        endpoints.join(", ")
    };
    for block in &f.page.blocks {
        let Block::Table { header, rows, .. } = block else {
            continue;
        };
        if !super::permissions::is_permissions_table(header) {
            continue;
        }
        for row in rows {
            let (Some(kind), Some(value)) = (row.cells.first(), row.cells.get(1)) else {
                continue;
            };
            let owner = format!("the {} permission of {of}", kind.content.text.trim());
            if let Some(p) = todo_placeholder(&value.content.text) {
                f.push(TodoKind::TodoPermissions, owner, p, value.location.clone());
            } else if value.content.text.trim().is_empty() {
                f.push(
                    TodoKind::MissingPermissions,
                    owner,
                    String::new(),
                    value.location.clone(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_not_todo_words() {
        assert_eq!(
            todo_placeholder("TODO: Add Description").as_deref(),
            Some("TODO: Add Description")
        );
        assert_eq!(
            todo_placeholder("TODO: Add Description Inherited from entity").as_deref(),
            Some("TODO: Add Description")
        );
        assert_eq!(
            todo_placeholder("TODO: Determine scopes").as_deref(),
            Some("TODO: Determine scopes")
        );
        assert_eq!(
            todo_placeholder("TODO: Provide Github Name. See topic-level metadata reference")
                .as_deref(),
            Some("TODO: Provide Github Name.")
        );
        for text in [
            "Create a todoTask in a todoTaskList.",
            "ToDo list",
            "ToDownloadsFolder",
            "todo/lists/{id}",
        ] {
            assert_eq!(todo_placeholder(text), None, "{text}");
        }
        assert!(is_not_yet_documented("Not yet documented"));
        assert_eq!(
            without_placeholder("TODO: Add Description. Possible values are: a, b."),
            "Possible values are: a, b."
        );
        assert_eq!(
            description_placeholder("").map(|d| d.0),
            Some(TodoKind::MissingDescription)
        );
        assert_eq!(description_placeholder("Real text."), None);
    }
}
