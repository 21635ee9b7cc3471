//! Property and member tables: mapping header columns, reading rows.

use super::possible_values::find_possible_values_marked;
use super::type_cell::{parse_type_cell, TypeCellError, TypeName};
use super::{EnumFacts, EnumOrigin, MemberFacts, PropertyFacts};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{Cell, Row};
use heck::ToUpperCamelCase;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Which column holds what.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Columns {
    pub name: usize,
    pub ty: Option<usize>,
    pub value: Option<usize>,
    pub description: Option<usize>,
    pub width: usize,
}

impl Columns {
    /// Maps a header row. The name column is the first one.
    pub fn from_header(header: &Row) -> Columns {
        let mut columns = Columns {
            width: header.source_cells.max(header.cells.len()),
            ..Columns::default()
        };
        for (i, cell) in header.cells.iter().enumerate() {
            let text = cell.content.text.to_ascii_lowercase();
            let text = text.trim();
            if i == 0 {
                continue;
            }
            if text == "type" || text == "data type" || text == "value type" {
                columns.ty.get_or_insert(i);
            } else if text == "value" || text == "numeric value" || text == "int value" {
                columns.value.get_or_insert(i);
            } else if text.starts_with("description") || text == "notes" || text == "remarks" {
                columns.description.get_or_insert(i);
            }
        }
        columns
    }
}

/// The first header cell, lowercased.
pub(crate) fn first_header(header: &Row) -> String {
    header
        .cells
        .first()
        .map(|c| c.content.text.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The name in a name cell: its first word, without markers.
pub(crate) fn name_of(cell: &Cell) -> String {
    cell.content
        .text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| {
            c == '`' || c == '*' || c == '"' || c == '\'' || c == ',' || c == ':'
        })
        .to_owned()
}

fn check_shape(row: &Row, columns: &Columns, diagnostics: &mut Vec<Diagnostic>) {
    let (have, want) = (row.source_cells, columns.width);
    if have == want || want == 0 {
        return;
    }
    let outcome = if have < want {
        "the missing cells were read as empty"
    } else {
        "the extra cells were ignored"
    };
    diagnostics.push(Diagnostic::new(
        Severity::Warning,
        codes::TABLE_ROW_SHAPE,
        row.location.clone(),
        format!("this row has {have} cells but the table header has {want}; {outcome}"),
    ));
}

/// A row whose only filled cell is its first, bold as a whole
/// (`|**Auditing**|`, `|**On-boarding**||`), in a table of a name and more:
/// the Intune pages write such a heading over a group of properties.
fn is_group_heading(row: &Row, columns: &Columns) -> bool {
    if columns.width < 2 {
        return false;
    }
    let mut filled = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.content.text.trim().is_empty());
    let (Some((i, cell)), None) = (filled.next(), filled.next()) else {
        return false;
    };
    let text = cell.content.text.trim();
    i == columns.name && cell.content.strong.iter().any(|s| s.trim() == text)
}

/// Reads a properties/relationships/request-body table.
pub(crate) fn property_rows(
    header: &Row,
    rows: &[Row],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PropertyFacts> {
    let columns = Columns::from_header(header);
    if rows.is_empty() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            codes::EMPTY_TABLE,
            header.location.clone(),
            "this table has a header and no rows",
        ));
    }
    let mut seen = BTreeSet::new();
    let mut out: Vec<PropertyFacts> = Vec::new();
    // The code and emphasis spans of the last kept row's description (a
    // broken-off line joined to that row adds its own).
    let mut last_marked: Vec<String> = Vec::new();
    for row in rows {
        // `|**Android for Work**|`: a row of one bold cell heads a group of
        // the rows below it; it is neither a property nor a description.
        if is_group_heading(row, &columns) {
            continue;
        }
        // A description broken over two lines makes its second line a row
        // of one cell: join it to the row above rather than invent a property.
        if row.source_cells == 1 && columns.width >= 3 {
            if let (Some(last), Some(cell)) = (out.last_mut(), row.cells.first()) {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::TABLE_ROW_SHAPE,
                    row.location.clone(),
                    format!(
                        "this line continues the description of `{}` but a line break made it a table row of its own; it was joined to the row above",
                        last.name
                    ),
                ));
                last.description = format!("{} {}", last.description, cell.content.text)
                    .trim()
                    .to_owned();
                last_marked.extend(cell.content.marked.iter().cloned());
                set_description_facts(last, &last_marked);
                continue;
            }
        }
        check_shape(row, &columns, diagnostics);
        let Some(name_cell) = row.cells.get(columns.name) else {
            continue;
        };
        let name = name_of(name_cell);
        if name.is_empty() {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::EMPTY_NAME,
                row.location.clone(),
                "this row has no property name; it was skipped",
            ));
            continue;
        }
        let type_cell = columns.ty.and_then(|i| row.cells.get(i));
        let type_text = type_cell
            .map(|c| c.content.text.clone())
            .unwrap_or_default();
        let type_location = type_cell
            .map(|c| c.location.clone())
            .unwrap_or_else(|| row.location.clone());
        let description_cell = columns.description.and_then(|i| row.cells.get(i));
        let description = description_cell
            .map(|c| c.content.text.clone())
            .unwrap_or_default();
        let description_location = description_cell
            .map(|c| c.location.clone())
            .unwrap_or_else(|| row.location.clone());
        let parsed = match type_cell.map(|c| parse_type_cell(&c.content)) {
            Some(Ok(t)) => Some(t),
            Some(Err(e)) => {
                diagnostics.push(type_cell_diagnostic(
                    &name,
                    &type_text,
                    &e,
                    type_location.clone(),
                ));
                None
            }
            None => None,
        };
        if !seen.insert(name.to_ascii_lowercase()) {
            let first = out
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(&name))
                .map(|p| p.location.clone());
            let mut d = Diagnostic::new(
                Severity::Warning,
                codes::DUPLICATE_PROPERTY,
                row.location.clone(),
                format!("property `{name}` is listed twice in this table; the first row was kept"),
            );
            if let Some(first) = first {
                d = d.with_related(first, "first listed here");
            }
            diagnostics.push(d);
            continue;
        }
        let mut property = PropertyFacts {
            name,
            type_cell: parsed,
            type_text,
            description,
            read_only: None,
            nullable: None,
            optional: None,
            possible_values: None,
            location: row.location.clone(),
            type_location,
            description_location,
        };
        last_marked = description_cell
            .map(|c| c.content.marked.clone())
            .unwrap_or_default();
        set_description_facts(&mut property, &last_marked);
        out.push(property);
    }
    out
}

/// `word` as a note: not inside another word, followed by `.` (or, unless
/// `needs_period`, by `,`, `;` or the end), perhaps after ` field`/` property`.
fn says_word(description: &str, word: &str, needs_period: bool) -> bool {
    memchr::memmem::find_iter(description.as_bytes(), word.as_bytes()).any(|i| {
        let before = description[..i].chars().next_back();
        let mut after = &description[i + word.len()..];
        for noun in [" field", " property", " parameter"] {
            after = after.strip_prefix(noun).unwrap_or(after);
        }
        let next = after.chars().next();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
            && if needs_period {
                next == Some('.')
            } else {
                next.is_none_or(|c| matches!(c, '.' | ',' | ';'))
            }
    })
}

/// The phrases of description notes.
const NOTE_PHRASES: [&str; 5] = [
    "read-only",
    "read only",
    "not nullable",
    "non-nullable",
    "nullable",
];

/// Which of [`NOTE_PHRASES`] the text holds, in any ASCII case, found in one
/// pass (the same answers as searching a lower-cased copy for each).
fn note_phrases_in(text: &str) -> [bool; 5] {
    static SEARCHER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let searcher = SEARCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(NOTE_PHRASES)
            .expect("valid phrases")
    });
    let mut found = [false; 5];
    for m in searcher.find_overlapping_iter(text) {
        found[m.pattern().as_usize()] = true;
    }
    found
}

/// Read-only, nullable, optional and "Possible values" as the description
/// (and, for optional, the Type cell's note) states them.
fn set_description_facts(p: &mut PropertyFacts, marked: &[String]) {
    let [read_only, read_space_only, not_nullable, non_nullable, nullable] =
        note_phrases_in(&p.description);
    p.read_only = (read_only || read_space_only).then_some(true);
    p.nullable = if not_nullable || non_nullable {
        Some(false)
    } else if nullable {
        Some(true)
    } else {
        None
    };
    p.possible_values = find_possible_values_marked(&p.description, marked).map(|v| v.values);
    let values = p.possible_values.as_deref().unwrap_or(&[]);
    let note = p
        .type_cell
        .as_ref()
        .and_then(|c| c.note.as_deref())
        .map(str::to_ascii_lowercase);
    p.optional = match (optional_note(&p.description, values), note.as_deref()) {
        (Some(said), _) => Some(said),
        (None, Some("optional")) => Some(true),
        (None, Some("required")) => Some(false),
        (None, _) => None,
    };
}

/// `Some(true)` when a description says "Optional" (`Optional.`, `Optional,`,
/// `Optional field.`, `…, optional.`), `Some(false)` when it says "Required"
/// that way; `None` when it says neither or both. A word that is one of the
/// "Possible values" (`values`) does not count.
pub(crate) fn optional_note(description: &str, values: &[String]) -> Option<bool> {
    // The two spellings searched share all but their first letter.
    let has_tail =
        |word: &str| memchr::memmem::find(description.as_bytes(), &word.as_bytes()[1..]).is_some();
    let says = |word: &str| {
        has_tail(word)
            && !values.iter().any(|v| v.eq_ignore_ascii_case(word))
            && (says_word(description, word, false)
                || says_word(description, &word.to_ascii_lowercase(), true))
    };
    match (says("Optional"), says("Required")) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

fn type_cell_diagnostic(
    name: &str,
    text: &str,
    error: &TypeCellError,
    location: crate::source::Location,
) -> Diagnostic {
    match error {
        TypeCellError::Empty => Diagnostic::new(
            Severity::Warning,
            codes::TYPE_CELL_UNREADABLE,
            location,
            format!("property `{name}` has an empty Type cell; it is typed as untyped JSON"),
        ),
        TypeCellError::Ambiguous(names) => Diagnostic::new(
            Severity::Warning,
            codes::TYPE_CELL_AMBIGUOUS,
            location,
            format!(
                "the Type cell of `{name}` names several types ({}); it is typed as untyped JSON instead of guessing",
                names.join(", ")
            ),
        ),
        TypeCellError::Unreadable(_) => Diagnostic::new(
            Severity::Warning,
            codes::TYPE_CELL_UNREADABLE,
            location,
            format!("the Type cell of `{name}` (`{text}`) is not a type name; it is typed as untyped JSON"),
        ),
    }
}

/// Enum member lists stated in "Possible values are" sentences of properties
/// whose Type cell names an enum (or says `Enumeration`).
pub(crate) fn enum_lists_from_properties(
    owner: &str,
    namespace: &str,
    properties: &[PropertyFacts],
) -> Vec<EnumFacts> {
    let mut out = Vec::new();
    for p in properties {
        let (Some(values), Some(cell)) = (&p.possible_values, &p.type_cell) else {
            continue;
        };
        let (name, ns, anonymous) = match &cell.name {
            TypeName::Named {
                namespace: ns,
                name,
            } => (
                name.clone(),
                ns.clone().unwrap_or_else(|| namespace.to_owned()),
                false,
            ),
            TypeName::Enumeration => (
                format!("{}{}", owner, p.name.to_upper_camel_case()),
                namespace.to_owned(),
                true,
            ),
            TypeName::Primitive(_) => continue,
        };
        out.push(EnumFacts {
            name,
            namespace: ns,
            origin: EnumOrigin::PossibleValues {
                owner: owner.to_owned(),
                property: p.name.clone(),
                anonymous,
            },
            description: String::new(),
            members: values
                .iter()
                .map(|v| MemberFacts {
                    name: v.clone(),
                    value: None,
                    description: String::new(),
                    location: p.location.clone(),
                    description_location: p.location.clone(),
                })
                .collect(),
            location: p.location.clone(),
        });
    }
    out
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

fn parse_int(text: &str) -> Option<i64> {
    let t = text.trim().trim_matches('`');
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return i64::from_str_radix(hex, 16).ok();
    }
    t.parse().ok()
}

#[cfg(test)]
mod tests {

    #[test]
    fn note_phrases_in_one_pass_agree_with_searching_a_lower_cased_copy() {
        for text in [
            "Read-only. Nullable.",
            "READ ONLY",
            "Not nullable.",
            "non-Nullable",
            "nothing",
            "",
            "é read-only é",
            "nullabl",
            "Non-nullable. Read-Only",
        ] {
            let lower = text.to_ascii_lowercase();
            assert_eq!(
                note_phrases_in(text),
                NOTE_PHRASES.map(|phrase| lower.contains(phrase)),
                "{text}"
            );
        }
    }

    use super::*;
    use crate::parse::{parse_page, Block};
    use crate::source::SourceFile;

    fn table(text: &str) -> (Row, Vec<Row>) {
        let page = parse_page(&SourceFile::new("t.md", text));
        match page.blocks.into_iter().next() {
            Some(Block::Table { header, rows, .. }) => (header, rows),
            other => panic!("no table: {other:?}"),
        }
    }

    #[test]
    fn a_bold_row_of_one_cell_heads_a_group_and_is_no_property() {
        let (header, rows) = table(
            "|Property|Type|Description|\n|:---|:---|:---|\n\
             |**Android for Work**|\n\
             |settings|String|The settings.|\n\
             |**Auditing**|\n\
             |events|Int32|How many.|\n\
             |continued **on its own** line|\n\
             |**On-boarding**||\n\
             |`code`|\n\
             |*leaning*|\n",
        );
        let mut diagnostics = Vec::new();
        let props = property_rows(&header, &rows, &mut diagnostics);
        assert_eq!(
            props.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["settings", "events"]
        );
        assert_eq!(props[0].description, "The settings.");
        // A line only partly bold, or code or italic as a whole, is still a
        // broken-off description; a bold row with empty cells is a heading.
        assert_eq!(
            props[1].description,
            "How many. continued on its own line code leaning"
        );
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [codes::TABLE_ROW_SHAPE; 3]);
    }

    #[test]
    fn property_rows_read_types_notes_and_flags() {
        let (header, rows) = table(
            "| Property | Type | Description |\n|:--|:--|:--|\n\
             | **id** | String (identifier) | Read-only. Not nullable. |\n\
             | tags | [tag](tag.md) collection | Nullable. Possible values are: `a`, `b`. |\n\
             | tags | String | Again. |\n\
             | short | Int32 |\n\
             continued description of short.\n",
        );
        let mut diagnostics = Vec::new();
        let props = property_rows(&header, &rows, &mut diagnostics);
        assert_eq!(
            props.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["id", "tags", "short"]
        );
        assert_eq!(props[0].read_only, Some(true));
        assert_eq!(props[0].nullable, Some(false));
        assert_eq!(
            props[0].type_cell.as_ref().unwrap().note.as_deref(),
            Some("identifier")
        );
        assert!(props[1].type_cell.as_ref().unwrap().collection);
        assert_eq!(props[1].nullable, Some(true));
        assert_eq!(
            props[1].possible_values.as_deref(),
            Some(&["a".to_owned(), "b".to_owned()][..])
        );
        assert_eq!(props[1].location.line, 4);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&codes::DUPLICATE_PROPERTY), "{codes:?}");
        assert!(codes.contains(&codes::TABLE_ROW_SHAPE), "{codes:?}");
        assert_eq!(
            diagnostics
                .iter()
                .find(|d| d.code == codes::DUPLICATE_PROPERTY)
                .unwrap()
                .source
                .line,
            5
        );
        assert_eq!(props[2].description, "continued description of short.");
        assert_eq!(
            diagnostics
                .iter()
                .filter(|d| d.code == codes::TABLE_ROW_SHAPE)
                .count(),
            2,
            "{diagnostics:?}"
        );
    }

    #[test]
    fn optional_and_required_notes() {
        let none: &[String] = &[];
        assert_eq!(optional_note("The name. Optional.", none), Some(true));
        assert_eq!(optional_note("Optional field. The name.", none), Some(true));
        assert_eq!(
            optional_note("The nature of it, optional.", none),
            Some(true)
        );
        assert_eq!(optional_note("Required. The name.", none), Some(false));
        assert_eq!(optional_note("The name. Required", none), Some(false));
        // Prose, a value, both, or a word inside another are no note.
        assert_eq!(optional_note("Provides an optional comment.", none), None);
        assert_eq!(optional_note("Required if the other is set.", none), None);
        assert_eq!(
            optional_note("Required when created. Optional on update.", none),
            None
        );
        assert_eq!(
            optional_note("Possible values are: notRequired, granted.", none),
            None
        );
        assert_eq!(
            optional_note(
                "Possible values are: Required, Optional.",
                &["Required".to_owned(), "Optional".to_owned()]
            ),
            None
        );
        assert_eq!(
            optional_note(
                "Possible values are: Required, none. Read-only.",
                &["Required".to_owned(), "none".to_owned()]
            ),
            None
        );
    }

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
