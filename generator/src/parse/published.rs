//! Plain text copied from the published docs site → the same [`Block`]s the
//! markdown parser gives, so extraction works unchanged.
//!
//! The site drops front matter, annotations and markdown markers: the first
//! line is the title; section headings are lines holding a known section title
//! ("Permissions", "HTTP request", "Properties", …); tables are a header line
//! ("Property Type Description") followed by one line per row, cells separated
//! by spaces (split back by `published_rows.rs`); the HTTP request lines are
//! bare (`POST /x/{id}`); examples are raw HTTP
//! (`POST https://graph.microsoft.com/…` or `HTTP/1.1 201 Created`, headers,
//! then a JSON body; both read by `published_code.rs`). Every block and cell
//! keeps its line and column in the text file. Rows that cannot be split are
//! `published-row-unreadable`.

use super::published_rows::{header, split_row, words, ColumnKind, Header};
use super::{Block, Cell, Inline, Page, Row};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::source::{LineIndex, Location, SourceFile};

/// Section titles the site shows as headings, with the level the docs give them.
const HEADINGS: &[(&str, u8)] = &[
    ("permissions", 2),
    ("prerequisites", 2),
    ("http request", 2),
    ("path parameters", 2),
    ("function parameters", 2),
    ("optional query parameters", 2),
    ("query parameters", 2),
    ("request headers", 2),
    ("request body", 2),
    ("response", 2),
    ("response headers", 2),
    ("example", 2),
    ("examples", 2),
    ("properties", 2),
    ("relationships", 2),
    ("methods", 2),
    ("functions", 2),
    ("actions", 2),
    ("members", 2),
    ("json representation", 2),
    ("see also", 2),
    ("errors", 2),
    ("remarks", 2),
    ("request", 3),
];

/// Parses published text into blocks. Never fails: rows it cannot split
/// become diagnostics.
pub fn parse_published(file: &SourceFile) -> Page {
    let text = file.text.as_str();
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        lines.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    let mut p = Parser {
        file,
        index: LineIndex::new(file.path.clone(), text),
        lines,
        page: Page {
            path: file.path.clone(),
            front_matter: None,
            blocks: Vec::new(),
            diagnostics: Vec::new(),
        },
        section: String::new(),
        in_examples: false,
        examples: 0,
        open_request: None,
    };
    p.run();
    p.page
}

/// The state of one pass over a page's lines.
pub(super) struct Parser<'a> {
    file: &'a SourceFile,
    index: LineIndex,
    /// Each line's byte offset and text (without its line end).
    pub(super) lines: Vec<(usize, &'a str)>,
    pub(super) page: Page,
    /// The current level-2 section, lowercased.
    pub(super) section: String,
    /// Whether an Example(s) heading was seen (Request/Response are level 3 then).
    in_examples: bool,
    /// Request examples seen, to name them.
    pub(super) examples: usize,
    /// The name of a request example waiting for its response.
    pub(super) open_request: Option<String>,
}

impl<'a> Parser<'a> {
    pub(super) fn loc(&self, offset: usize) -> Location {
        self.index.location(&self.file.text, offset)
    }

    /// The location of the first non-blank character of line `i`.
    fn line_loc(&self, i: usize) -> Location {
        let (start, line) = self.lines[i];
        self.loc(start + (line.len() - line.trim_start().len()))
    }

    pub(super) fn trimmed(&self, i: usize) -> &'a str {
        self.lines.get(i).map(|l| l.1.trim()).unwrap_or("")
    }

    /// The first non-blank line at or after `i`.
    pub(super) fn next_non_blank(&self, i: usize) -> Option<usize> {
        (i..self.lines.len()).find(|&j| !self.trimmed(j).is_empty())
    }

    fn inline(text: &str) -> Inline {
        Inline {
            text: super::markdown_inline::normalize_space(text),
            raw: text.trim().to_owned(),
            links: Vec::new(),
            marked: Vec::new(),
            strong: Vec::new(),
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        let mut titled = false;
        while i < self.lines.len() {
            let t = self.trimmed(i);
            if t.is_empty() {
                i += 1;
                continue;
            }
            if !titled {
                titled = true;
                self.page.blocks.push(Block::Heading {
                    level: 1,
                    content: Self::inline(t),
                    location: self.line_loc(i),
                });
                i += 1;
                continue;
            }
            if let Some(level) = self.heading_level(i) {
                let lower = t.to_lowercase();
                if level == 2 {
                    self.section = lower.clone();
                }
                if lower.starts_with("example") {
                    self.in_examples = true;
                }
                self.page.blocks.push(Block::Heading {
                    level,
                    content: Self::inline(t),
                    location: self.line_loc(i),
                });
                i += 1;
                continue;
            }
            if let Some(h) = header(t) {
                if h.kinds.len() > 1
                    || self
                        .lines
                        .get(i + 1)
                        .is_some_and(|l| !l.1.trim().is_empty())
                {
                    i = self.table(i, h);
                    continue;
                }
            }
            if let Some(kind) = self.code_start(t) {
                i = self.code(i, kind);
                continue;
            }
            self.page.blocks.push(Block::Paragraph {
                content: Self::inline(t),
                location: self.line_loc(i),
            });
            i += 1;
        }
    }

    /// The heading level of line `i`, if it is a heading.
    pub(super) fn heading_level(&self, i: usize) -> Option<u8> {
        let t = self.trimmed(i);
        if t.len() > 120 {
            return None;
        }
        let lower = t.to_lowercase();
        if lower == "response" {
            return Some(if self.in_examples { 3 } else { 2 });
        }
        if let Some((_, level)) = HEADINGS.iter().find(|(h, _)| *h == lower) {
            return Some(*level);
        }
        // "Example 1: Get a user", "Example 2 - …"
        if let Some(rest) = lower.strip_prefix("example ") {
            if rest.starts_with(|c: char| c.is_ascii_digit()) && !t.ends_with('.') {
                return Some(3);
            }
        }
        // "x values" right before a member table.
        let ws = words(t);
        if ws.len() == 2 && lower.ends_with(" values") {
            let next = self
                .next_non_blank(i + 1)
                .map(|j| self.trimmed(j))
                .unwrap_or("");
            if header(next).is_some_and(|h| h.kinds.first() == Some(&ColumnKind::Name)) {
                return Some(3);
            }
        }
        None
    }

    /// Reads a table from its header line `i`; returns the line after it.
    fn table(&mut self, i: usize, h: Header) -> usize {
        let location = self.line_loc(i);
        let header_row = self.table_header(i, &h, location.clone());
        let width = header_row.cells.len();
        let mut rows = Vec::new();
        let mut j = i + 1;
        while self.continues_table(j) {
            let row_line = self.lines[j].1;
            if let (true, Some(last)) = (is_continuation(row_line, &h), rows.last_mut()) {
                self.join_continuation(last, j);
            } else if let Some(row) = self.table_row(j, &h, width) {
                rows.push(row);
            }
            j += 1;
        }
        self.page.blocks.push(Block::Table {
            header: header_row,
            rows,
            location,
        });
        j
    }

    /// The header row of a table whose header line is line `i`.
    fn table_header(&self, i: usize, h: &Header, location: Location) -> Row {
        let (start, _) = self.lines[i];
        let cells: Vec<Cell> = h
            .cells
            .iter()
            .map(|(text, at)| Cell {
                content: Self::inline(text),
                location: self.loc(start + at),
            })
            .collect();
        let width = cells.len();
        Row {
            cells,
            source_cells: width,
            location,
        }
    }

    /// Whether line `j` is still part of the table above it: a table ends
    /// at a blank line, a heading or another table's header.
    fn continues_table(&self, j: usize) -> bool {
        j < self.lines.len()
            && !self.trimmed(j).is_empty()
            && self.heading_level(j).is_none()
            && header(self.trimmed(j)).is_none()
    }

    /// Joins line `j`, a sentence continuing the description above, to the
    /// last cell of `row`, with a warning.
    fn join_continuation(&mut self, row: &mut Row, j: usize) {
        let row_line = self.lines[j].1;
        if let Some(cell) = row.cells.last_mut() {
            cell.content.text = super::markdown_inline::normalize_space(&format!(
                "{} {}",
                cell.content.text, row_line
            ));
            cell.content.raw = cell.content.text.clone();
        }
        self.page.diagnostics.push(Diagnostic::new(
            Severity::Warning,
            codes::TABLE_ROW_SHAPE,
            self.line_loc(j),
            "this line reads as a sentence, not a row (a capitalized word, then lower-case words where the type should be): it continues the description above and was joined to it",
        ));
    }

    /// The row of `width` cells line `j` splits into under header `h`, or
    /// `None` (with a warning) when the rules cannot split it.
    fn table_row(&mut self, j: usize, h: &Header, width: usize) -> Option<Row> {
        let (row_start, row_line) = self.lines[j];
        match split_row(row_line, h) {
            Ok(cells) => {
                let cells: Vec<Cell> = cells
                    .into_iter()
                    .map(|(text, at)| Cell {
                        content: Self::inline(&text),
                        location: self.loc(row_start + at),
                    })
                    .collect();
                Some(Row {
                    cells,
                    source_cells: width,
                    location: self.line_loc(j),
                })
            }
            Err(e) => {
                let at = self.loc(row_start + e.at);
                self.page.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::PUBLISHED_ROW_UNREADABLE,
                    at,
                    format!(
                        "this row of the `{}` table cannot be split into cells: its {} column is not where the rules expect it; the row was skipped",
                        h.cells.iter().map(|c| c.0.as_str()).collect::<Vec<_>>().join(" | "),
                        e.column
                    ),
                ));
                None
            }
        }
    }
}

/// A line of a Name/Type/Description table that continues the row above (a
/// description broken over two lines upstream): a capitalized word followed
/// by a lower-case word that is no primitive type and then a lower-case
/// word or nothing (`The options for …`, `Onboarding`), where rows have a
/// property name, a type and a capitalized description.
fn is_continuation(line: &str, h: &Header) -> bool {
    if h.kinds.len() < 3 || h.kinds.get(1) != Some(&ColumnKind::Type) {
        return false;
    }
    let ws = words(line);
    let lower = |i: usize| {
        ws.get(i)
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_lowercase()))
    };
    let Some(first) = ws.first() else {
        return false;
    };
    if !first.text.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    match ws.get(1) {
        None => true,
        Some(second) => {
            lower(1)
                && !super::published_rows::is_primitive_word(second.text)
                && (ws.len() == 2 || lower(2))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{detect_format, InputFormat};

    fn page(text: &str) -> Page {
        parse_published(&SourceFile::new("t.txt", text))
    }

    /// A block in a few words: `h2 Title`, `p`, `table 2` (rows), or
    /// `http request @20` (language, annotation type, line).
    fn block_summary(b: &Block) -> String {
        match b {
            Block::Heading { level, content, .. } => format!("h{level} {}", content.text),
            Block::Paragraph { .. } => "p".to_owned(),
            Block::Table { rows, .. } => format!("table {}", rows.len()),
            Block::Code {
                lang,
                annotation,
                location,
                ..
            } => {
                format!(
                    "{lang} {} @{}",
                    annotation
                        .as_ref()
                        .map(|a| a.block_type.as_str())
                        .unwrap_or("-"),
                    location.line
                )
            }
        }
    }

    #[test]
    fn headings_tables_requests_and_examples() {
        let p = page(
            "Create thing\n\nNamespace: microsoft.graph\n\nHTTP request\n\nPOST /things\nPOST /others/{id}/things\n\n\
             Request body\n\nProperty Type Description\nid String Key.\ntags String collection\n\n\
             Example\n\nRequest\n\nPOST https://graph.microsoft.com/beta/things\nContent-type: application/json\n\n{\n  \"id\": \"1\"\n}\n\n\
             Response\n\nHTTP/1.1 201 Created\nContent-Type: application/json\n\n{\n  \"id\": \"1\"\n}\n",
        );
        let kinds: Vec<String> = p.blocks.iter().map(block_summary).collect();
        assert_eq!(
            kinds,
            [
                "h1 Create thing",
                "p",
                "h2 HTTP request",
                "http - @7",
                "h2 Request body",
                "table 2",
                "h2 Example",
                "h3 Request",
                "http request @20",
                "h3 Response",
                "http response @29"
            ]
        );
        let Block::Table { rows, .. } = &p.blocks[5] else {
            panic!()
        };
        assert_eq!(rows[1].cells[2].content.text, "");
        assert_eq!(
            (
                rows[1].cells[1].location.line,
                rows[1].cells[1].location.column
            ),
            (14, 6)
        );
        let Block::Code { text, .. } = &p.blocks[10] else {
            panic!()
        };
        assert!(
            text.ends_with("}\n") && text.starts_with("HTTP/1.1 201"),
            "{text}"
        );
    }

    #[test]
    fn unreadable_rows_are_located_diagnostics() {
        let p = page("T\n\nProperties\n\nProperty Type Description\nok String Fine.\nbad The type is missing here.\n");
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].code, codes::PUBLISHED_ROW_UNREADABLE);
        assert_eq!(
            (p.diagnostics[0].source.line, p.diagnostics[0].source.column),
            (7, 5)
        );
    }

    #[test]
    fn formats_are_detected_from_clear_signals() {
        assert_eq!(detect_format("---\ntitle: x\n---\n"), InputFormat::Markdown);
        assert_eq!(detect_format("Intro\n# Title\n"), InputFormat::Markdown);
        assert_eq!(detect_format("|a|b|\n|-|-|\n"), InputFormat::Markdown);
        assert_eq!(detect_format("a | b\n--|--\n"), InputFormat::Markdown);
        assert_eq!(
            detect_format("x\n```http\nGET /a\n```\n"),
            InputFormat::Markdown
        );
        assert_eq!(
            detect_format("Title\n\nProperty Type Description\nid String Key.\n"),
            InputFormat::PublishedText
        );
        assert_eq!(detect_format(""), InputFormat::PublishedText);
    }
}
