//! The permissions table of an api page: the scopes of each permission type.

use super::sections::Sections;
use super::tables::first_header;
use crate::parse::Block;
use serde::Serialize;

/// The scopes of one permission type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "scopes", rename_all = "kebab-case")]
pub enum Scopes {
    /// The listed scopes.
    Scopes(Vec<String>),
    /// "Not supported."
    NotSupported,
    /// A TODO placeholder or an empty cell: upstream never said.
    Unknown,
}

/// The permissions table of an api page.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PermissionFacts {
    /// Delegated (work or school account).
    pub delegated_work_or_school: Option<Scopes>,
    /// Delegated (personal Microsoft account).
    pub delegated_personal: Option<Scopes>,
    /// Application.
    pub application: Option<Scopes>,
}

/// The scopes a permissions cell lists, or why it lists none.
fn scopes(text: &str) -> Scopes {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.contains("todo") || trimmed.is_empty() {
        return Scopes::Unknown;
    }
    if lower.starts_with("not supported")
        || lower.starts_with("not applicable")
        || lower.trim_end_matches('.') == "none"
    {
        return Scopes::NotSupported;
    }
    // Scopes are dotted names (`User.Read.All`); ordinary words are not.
    let list: Vec<String> = trimmed
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|s| s.trim_matches(|c: char| c == '.' || c == '*' || c == '`' || c == '(' || c == ')'))
        .filter(|s| s.contains('.') && s.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        })
        .map(str::to_owned)
        .collect();
    if list.is_empty() {
        Scopes::Unknown
    } else {
        Scopes::Scopes(list)
    }
}

/// Whether a table is a permissions table: its first header cell says
/// "Permission type" (pages put it under Permissions or Prerequisites).
pub(crate) fn is_permissions_table(header: &crate::parse::Row) -> bool {
    first_header(header).starts_with("permission type")
}

/// The permissions table of a page: the first value given for each
/// permission type, from every permissions table.
pub(crate) fn permissions(sections: &Sections<'_>) -> PermissionFacts {
    let mut out = PermissionFacts::default();
    for block in &sections.page.blocks {
        let Block::Table { header, rows, .. } = block else {
            continue;
        };
        if !is_permissions_table(header) {
            continue;
        }
        for row in rows {
            let (Some(kind), Some(value)) = (row.cells.first(), row.cells.get(1)) else {
                continue;
            };
            let kind = kind.content.text.to_ascii_lowercase();
            let value = scopes(&value.content.text);
            if kind.contains("personal") {
                out.delegated_personal.get_or_insert(value);
            } else if kind.contains("delegated") {
                out.delegated_work_or_school.get_or_insert(value);
            } else if kind.contains("application") {
                out.application.get_or_insert(value);
            }
        }
    }
    out
}
