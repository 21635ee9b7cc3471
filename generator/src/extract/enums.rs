//! Enum member tables: `# x enum type` pages and `### x values` sections.

use super::sections::Sections;
use super::tables::{first_header, member_rows};
use super::{EnumFacts, EnumOrigin, PageFacts, PageKind};
use crate::parse::Block;

/// A member table's first header cell.
fn is_member_header(first: &str) -> bool {
    matches!(
        first,
        "member" | "members" | "name" | "value" | "enum value" | "member name"
    )
}

pub(crate) fn extract_enum_tables(sections: &Sections<'_>, facts: &mut PageFacts) {
    let page = sections.page;
    // `# x enum type` page: the Members table(s).
    let title = sections.title();
    if facts.kind == PageKind::Enum && title.to_ascii_lowercase().ends_with(" enum type") {
        let name = title
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches('`')
            .to_owned();
        let description = sections
            .intro()
            .find_map(|b| match b {
                Block::Paragraph { content, .. } if !content.text.starts_with("Namespace:") => {
                    let lower = content.text.to_ascii_lowercase();
                    (!lower.starts_with("important") && !lower.starts_with("note"))
                        .then(|| content.text.clone())
                }
                _ => None,
            })
            .unwrap_or_default();
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
    // `### x values` sections: the first member table after the heading.
    let mut pending: Option<(String, u8)> = None;
    for block in &page.blocks {
        match block {
            Block::Heading { level, content, .. } => {
                pending = None;
                let text = content.text.trim();
                let lower = text.to_ascii_lowercase();
                if *level >= 2 && (lower.ends_with(" values") || lower.ends_with(" enum")) {
                    let name = text
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .trim_matches('`');
                    if !name.is_empty() && text.split_whitespace().count() == 2 {
                        pending = Some((name.to_owned(), *level));
                    }
                }
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
