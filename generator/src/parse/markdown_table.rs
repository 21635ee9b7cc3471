//! Markdown tables: the [`Builder`]'s handlers for table events, and
//! counting the cells written in a row's source line.

use super::markdown::Builder;
use super::{Block, Row};

/// A table being read: its header row, its body rows and the row being read.
pub(super) struct TableBuilder {
    start: usize,
    header: Option<Row>,
    rows: Vec<Row>,
    /// The row whose cells are being read; `flush_inline` adds to it.
    pub(super) current: Option<Row>,
}

impl Builder<'_> {
    /// Opens a table starting at byte `start`.
    pub(super) fn start_table(&mut self, start: usize) {
        self.flush_inline();
        self.table = Some(TableBuilder {
            start,
            header: None,
            rows: Vec::new(),
            current: None,
        });
    }

    /// Opens a header or body row starting at byte `start`, noting how many
    /// cells its source line holds.
    pub(super) fn start_table_row(&mut self, start: usize) {
        let location = self.loc(start);
        let line_end = memchr::memchr(b'\n', &self.file.text.as_bytes()[start..])
            .map(|i| start + i)
            .unwrap_or(self.file.text.len());
        let source_cells = count_cells(&self.file.text[start..line_end]);
        if let Some(t) = self.table.as_mut() {
            t.current = Some(Row {
                cells: Vec::with_capacity(source_cells),
                source_cells,
                location,
            });
        }
    }

    /// Closes the header row.
    pub(super) fn end_table_head(&mut self) {
        if let Some(t) = self.table.as_mut() {
            t.header = t.current.take();
        }
    }

    /// Closes a body row.
    pub(super) fn end_table_row(&mut self) {
        if let Some(t) = self.table.as_mut() {
            if let Some(row) = t.current.take() {
                t.rows.push(row);
            }
        }
    }

    /// Closes the table and adds it to the page (with an empty header if it
    /// had none).
    pub(super) fn finish_table(&mut self) {
        if let Some(t) = self.table.take() {
            let location = self.loc(t.start);
            let header = t.header.unwrap_or(Row {
                cells: Vec::new(),
                source_cells: 0,
                location: location.clone(),
            });
            self.page.blocks.push(Block::Table {
                header,
                rows: t.rows,
                location,
            });
        }
    }
}

/// The number of cells in a table row's source line: pipes that are not
/// escaped and not inside a code span separate cells; a leading and a
/// trailing pipe do not.
pub(crate) fn count_cells(line: &str) -> usize {
    // Every character that matters is ASCII, and no byte of a multi-byte
    // UTF-8 character is ASCII: the bytes between them can be skipped.
    let bytes = line.trim().as_bytes();
    let mut separators = 0;
    let mut in_code = false;
    let mut at = 0;
    let mut last_pipe = None;
    while let Some(found) = memchr::memchr3(b'\\', b'`', b'|', &bytes[at..]) {
        let i = at + found;
        match bytes[i] {
            b'\\' => {
                at = (i + 2).min(bytes.len());
                continue;
            }
            b'`' => in_code = !in_code,
            _ if !in_code => {
                if i > 0 {
                    separators += 1;
                }
                last_pipe = Some(i);
            }
            _ => {}
        }
        at = i + 1;
    }
    let ends_with_pipe = !bytes.is_empty() && last_pipe == Some(bytes.len() - 1);
    if ends_with_pipe && separators > 0 {
        separators -= 1;
    }
    separators + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_markdown, Page};
    use crate::source::SourceFile;

    fn page(text: &str) -> Page {
        parse_markdown(&SourceFile::new("t.md", text))
    }

    #[test]
    fn escaped_pipes_stay_in_their_cell() {
        let p = page("|a|b|\n|-|-|\n|x \\| y|z|\n");
        let Block::Table { rows, .. } = &p.blocks[0] else {
            panic!()
        };
        assert_eq!(rows[0].cells[0].content.text, "x | y");
        assert_eq!(rows[0].cells[1].content.text, "z");
    }

    /// The plain character-by-character reading `count_cells` must agree with.
    fn count_cells_by_char(line: &str) -> usize {
        let (mut separators, mut in_code, mut escaped, mut first, mut last_was_pipe) =
            (0, false, false, true, false);
        for c in line.trim().chars() {
            last_was_pipe = false;
            if escaped {
                escaped = false;
                first = false;
                continue;
            }
            match c {
                '\\' => escaped = true,
                '`' => in_code = !in_code,
                '|' if !in_code => {
                    if !first {
                        separators += 1;
                    }
                    last_was_pipe = true;
                }
                _ => {}
            }
            first = false;
        }
        if last_was_pipe && separators > 0 {
            separators -= 1;
        }
        separators + 1
    }

    #[test]
    fn counting_cells_by_byte_agrees_with_reading_each_character() {
        use proptest::prelude::*;
        crate::test_support::seeded_runner()
            .run(&"[|`\\\\a é\\t]{0,14}", |line| {
                prop_assert_eq!(count_cells(&line), count_cells_by_char(&line), "{:?}", line);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn counts_the_cells_written_in_a_row() {
        assert_eq!(count_cells("|a|b|c|"), 3);
        assert_eq!(count_cells("a | b"), 2);
        assert_eq!(count_cells("| x \\| y | `a|b` |"), 2);
        assert_eq!(count_cells("| Member"), 1);
        assert_eq!(count_cells("|a||"), 2);
        assert_eq!(count_cells("| a \\"), 1);
        assert_eq!(count_cells("| é | ü \\| x |"), 2);
        assert_eq!(count_cells("`|`|"), 1);
        assert_eq!(count_cells(""), 1);
    }
}
