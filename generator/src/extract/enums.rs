//! Enum member tables: `# x enum type` pages and `### x values` sections.

use super::sections::Sections;
use super::tables::{check_shape, first_header, name_of, Columns};
use super::{EnumFacts, EnumOrigin, MemberFacts, PageFacts, PageKind};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{Block, Row};

/// A member table's first header cell.
fn is_member_header(first: &str) -> bool {
    matches!(
        first,
        "member" | "members" | "name" | "value" | "enum value" | "member name"
    )
}

/// Enum member lists of a page: an enum page's Members tables and the
/// tables of `### x values` sections.
pub(crate) fn extract_enum_tables(sections: &Sections<'_>, facts: &mut PageFacts) {
    // `# x enum type` page: the Members table(s).
    let title = sections.title();
    if facts.kind == PageKind::Enum && title.to_ascii_lowercase().ends_with(" enum type") {
        enum_page_tables(sections, title, facts);
    }
    values_section_tables(sections, facts);
}

/// The Members tables of an `# x enum type` page (titled `title`), each a
/// list of the enum the title names, described by the page's intro.
fn enum_page_tables(sections: &Sections<'_>, title: &str, facts: &mut PageFacts) {
    let name = title
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches('`')
        .to_owned();
    let description = enum_page_description(sections);
    for block in sections.section("members") {
        if let Block::Table {
            header,
            rows,
            location,
        } = block
        {
            if !is_member_header(&first_header(header)) {
                continue;
            }
            let members = member_rows(header, rows, &mut facts.diagnostics);
            facts.enums.push(EnumFacts {
                name: name.clone(),
                namespace: facts.namespace.clone(),
                origin: EnumOrigin::MembersTable,
                description: description.clone(),
                members,
                location: location.clone(),
            });
        }
    }
}

/// An enum page's description: the intro's first paragraph that is not the
/// namespace line, where that is no Important or Note aside.
fn enum_page_description(sections: &Sections<'_>) -> String {
    sections
        .intro()
        .find_map(|b| match b {
            Block::Paragraph { content, .. } if !content.text.starts_with("Namespace:") => {
                let lower = content.text.to_ascii_lowercase();
                (!lower.starts_with("important") && !lower.starts_with("note"))
                    .then(|| content.text.clone())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// `### x values` sections: the first member table after the heading.
fn values_section_tables(sections: &Sections<'_>, facts: &mut PageFacts) {
    let mut pending: Option<(String, u8)> = None;
    for block in &sections.page.blocks {
        match block {
            Block::Heading { level, content, .. } => {
                pending = values_heading_name(content.text.trim(), *level)
                    .map(|name| (name.to_owned(), *level));
            }
            Block::Table {
                header,
                rows,
                location,
            } => {
                if let Some((name, _)) = pending.take() {
                    if !is_member_header(&first_header(header)) {
                        continue;
                    }
                    let members = member_rows(header, rows, &mut facts.diagnostics);
                    facts.enums.push(EnumFacts {
                        name,
                        namespace: facts.namespace.clone(),
                        origin: EnumOrigin::MembersTable,
                        description: String::new(),
                        members,
                        location: location.clone(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// The enum a heading of level 2 or more names when it reads `x values` or
/// `x enum` (two words).
fn values_heading_name(text: &str, level: u8) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    if level < 2 || !(lower.ends_with(" values") || lower.ends_with(" enum")) {
        return None;
    }
    let name = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches('`');
    (!name.is_empty() && text.split_whitespace().count() == 2).then_some(name)
}

/// Reads a members table.
pub(crate) fn member_rows(
    header: &Row,
    rows: &[Row],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<MemberFacts> {
    let columns = Columns::from_header(header);
    let mut out: Vec<MemberFacts> = Vec::new();
    for row in rows {
        check_shape(row, &columns, diagnostics);
        let Some(cell) = row.cells.get(columns.name) else {
            continue;
        };
        let name = name_of(cell);
        if name.is_empty() {
            continue;
        }
        let value = columns
            .value
            .and_then(|i| row.cells.get(i))
            .and_then(|c| parse_int(&c.content.text));
        let description_cell = columns.description.and_then(|i| row.cells.get(i));
        let description = description_cell
            .map(|c| c.content.text.clone())
            .unwrap_or_default();
        let description_location = description_cell
            .map(|c| c.location.clone())
            .unwrap_or_else(|| row.location.clone());
        if let Some(first) = out.iter().find(|m| m.name == name) {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    codes::DUPLICATE_MEMBER,
                    row.location.clone(),
                    format!("member `{name}` is listed twice; the first row was kept"),
                )
                .with_related(first.location.clone(), "first listed here"),
            );
            continue;
        }
        out.push(MemberFacts {
            name,
            value,
            description,
            location: cell.location.clone(),
            description_location,
        });
    }
    out
}

/// A member value cell as a number: decimal or `0x` hexadecimal.
fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim().trim_matches('`');
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::member_rows;
    use crate::test_support::first_table as table;

    #[test]
    fn member_rows_with_and_without_values() {
        let (header, rows) = table("|Member|Value|Description|\n|-|-|-|\n|a|0|First.|\n|b|0x10|Hex.|\n|c|n/a|No number.|\n");
        let members = member_rows(&header, &rows, &mut Vec::new());
        assert_eq!(
            members.iter().map(|m| m.value).collect::<Vec<_>>(),
            [Some(0), Some(16), None]
        );
        assert_eq!(members[0].description, "First.");
        let (header, rows) = table("| Member\n|:---\n| x\n| y\n");
        let members = member_rows(&header, &rows, &mut Vec::new());
        assert_eq!(
            members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            ["x", "y"]
        );
        assert!(members
            .iter()
            .all(|m| m.value.is_none() && m.description.is_empty()));
    }
}
