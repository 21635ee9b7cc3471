//! Property tables: mapping header columns (member tables share the
//! mapping), reading rows.

use super::description_notes::set_description_facts;
use super::type_cell::{parse_type_cell, TypeCellError, TypeName};
use super::{EnumFacts, EnumOrigin, MemberFacts, PropertyFacts};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{Cell, Row};
use heck::ToUpperCamelCase;
use std::collections::BTreeSet;

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

/// `table-row-shape`: a row with more or fewer cells than the header.
pub(super) fn check_shape(row: &Row, columns: &Columns, diagnostics: &mut Vec<Diagnostic>) {
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
        if row.source_cells == 1
            && columns.width >= 3
            && join_broken_line(row, out.last_mut(), &mut last_marked, diagnostics)
        {
            continue;
        }
        check_shape(row, &columns, diagnostics);
        let Some(mut property) = read_property_row(row, &columns, diagnostics) else {
            continue;
        };
        if !seen.insert(property.name.to_ascii_lowercase()) {
            diagnostics.push(duplicate_property(&property.name, row, &out));
            continue;
        }
        last_marked = description_cell(row, &columns)
            .map(|c| c.content.marked.clone())
            .unwrap_or_default();
        set_description_facts(&mut property, &last_marked);
        out.push(property);
    }
    out
}

/// Joins a row of one cell to the description of the property above it
/// (`last`), with a warning; whether there was a property and a cell to join.
fn join_broken_line(
    row: &Row,
    last: Option<&mut PropertyFacts>,
    last_marked: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let (Some(last), Some(cell)) = (last, row.cells.first()) else {
        return false;
    };
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
    set_description_facts(last, last_marked);
    true
}

/// The row's Description cell, when the table has that column.
fn description_cell<'r>(row: &'r Row, columns: &Columns) -> Option<&'r Cell> {
    columns.description.and_then(|i| row.cells.get(i))
}

/// The property a row lists, its description notes not yet read; `None`
/// (with a warning) for a row without a name. A Type cell that cannot be
/// read is reported and leaves the type unknown.
fn read_property_row(
    row: &Row,
    columns: &Columns,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PropertyFacts> {
    let name = name_of(row.cells.get(columns.name)?);
    if name.is_empty() {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            codes::EMPTY_NAME,
            row.location.clone(),
            "this row has no property name; it was skipped",
        ));
        return None;
    }
    let type_cell = columns.ty.and_then(|i| row.cells.get(i));
    let type_text = type_cell
        .map(|c| c.content.text.clone())
        .unwrap_or_default();
    let type_location = type_cell
        .map(|c| c.location.clone())
        .unwrap_or_else(|| row.location.clone());
    let description_cell = description_cell(row, columns);
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
    Some(PropertyFacts {
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
    })
}

/// `duplicate-property`: a row names a property an earlier row of `kept`
/// already lists.
fn duplicate_property(name: &str, row: &Row, kept: &[PropertyFacts]) -> Diagnostic {
    let first = kept
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
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
    d
}

/// The diagnostic of a Type cell that could not be read.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::first_table as table;

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
}
