//! pulldown-cmark events → [`Block`]s with locations.

use super::{Annotation, Block, Cell, FrontMatter, Inline, Link, Page, Row};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::source::{LineIndex, Location, SourceFile};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Parses a markdown page into blocks. Never fails: problems become diagnostics.
pub fn parse_markdown(file: &SourceFile) -> Page {
    let index = LineIndex::new(file.path.clone(), &file.text);
    let mut builder = Builder {
        file,
        index: &index,
        page: Page {
            path: file.path.clone(),
            front_matter: None,
            blocks: Vec::new(),
            diagnostics: Vec::new(),
        },
        inline: None,
        table: None,
        code: None,
        html: None,
        pending_annotation: None,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Front matter only counts at the very top. The markdown parser sees the
    // text after it, and its offsets are shifted back to the page's.
    let (markdown, base) = match front_matter_range(&file.text) {
        Some((yaml, end)) => {
            let first_line = index.location(&file.text, 0).offset_lines(1, 1);
            let front =
                FrontMatter::parse(&file.text[yaml], &first_line, &mut builder.page.diagnostics);
            builder.page.front_matter = Some(front);
            (&file.text[end..], end)
        }
        None => (file.text.as_str(), 0),
    };
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        builder.event(event, range.start + base..range.end + base);
    }
    builder.flush_inline();
    builder.page
}

/// The byte range of the YAML between `---` fences at the top of `text`, and
/// the offset just past the closing fence.
fn front_matter_range(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let rest = text.strip_prefix("---")?;
    let first_newline = rest.find('\n')?;
    if !rest[..first_newline].trim().is_empty() {
        return None;
    }
    let yaml_start = 3 + first_newline + 1;
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((yaml_start..offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// What the inline collector is collecting for.
enum InlineTarget {
    Heading(u8),
    Paragraph,
    Cell,
}

struct InlineCollector {
    target: InlineTarget,
    start: usize,
    end: usize,
    content: Inline,
    link_starts: Vec<(usize, String)>,
    mark_starts: Vec<usize>,
}

struct TableBuilder {
    start: usize,
    header: Option<Row>,
    rows: Vec<Row>,
    current: Option<Row>,
}

struct Builder<'a> {
    file: &'a SourceFile,
    index: &'a LineIndex,
    page: Page,
    inline: Option<InlineCollector>,
    table: Option<TableBuilder>,
    code: Option<(String, usize, String)>,
    html: Option<(usize, String)>,
    pending_annotation: Option<Annotation>,
}

impl Builder<'_> {
    fn loc(&self, offset: usize) -> Location {
        self.index.location(&self.file.text, offset)
    }

    fn start_inline(&mut self, target: InlineTarget, start: usize, end: usize) {
        self.flush_inline();
        self.inline = Some(InlineCollector {
            target,
            start,
            end,
            content: Inline {
                // The text is at most as long as its source, give or take a
                // `<li>` bullet: one allocation instead of a growing string.
                text: String::with_capacity(end.saturating_sub(start)),
                ..Inline::default()
            },
            link_starts: Vec::new(),
            mark_starts: Vec::new(),
        });
    }

    fn flush_inline(&mut self) {
        let Some(collector) = self.inline.take() else {
            return;
        };
        let mut content = collector.content;
        if needs_normalizing(&content.text) {
            content.text = normalize_space(&content.text);
        }
        // Only paragraphs need their markdown source (for linked names).
        if matches!(collector.target, InlineTarget::Paragraph) {
            content.raw = self
                .file
                .text
                .get(collector.start..collector.end)
                .unwrap_or("")
                .trim()
                .to_owned();
        }
        let location = self.loc(collector.start);
        match collector.target {
            InlineTarget::Heading(level) => {
                self.pending_annotation = None;
                self.page.blocks.push(Block::Heading {
                    level,
                    content,
                    location,
                });
            }
            InlineTarget::Paragraph => {
                if !content.text.is_empty() {
                    self.page
                        .blocks
                        .push(Block::Paragraph { content, location });
                }
            }
            InlineTarget::Cell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.current.as_mut()) {
                    // Cells start after the pipe: point at the cell's first character.
                    row.cells.push(Cell { content, location });
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(c) = self.inline.as_mut() {
            c.content.text.push_str(text);
        }
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        if let Some((_, _, code)) = self.code.as_mut() {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.finish_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.start_inline(InlineTarget::Heading(level as u8), range.start, range.end)
            }
            Event::Start(Tag::Paragraph)
                if !matches!(
                    self.inline,
                    Some(InlineCollector {
                        target: InlineTarget::Cell,
                        ..
                    })
                ) =>
            {
                self.start_inline(InlineTarget::Paragraph, range.start, range.end)
            }
            Event::Start(Tag::Item) => {
                self.start_inline(InlineTarget::Paragraph, range.start, range.end)
            }
            Event::Start(Tag::List(_)) | Event::Start(Tag::BlockQuote(_)) => self.flush_inline(),
            Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Item)
                if !matches!(
                    self.inline,
                    Some(InlineCollector {
                        target: InlineTarget::Cell,
                        ..
                    })
                ) =>
            {
                self.flush_inline()
            }
            Event::Start(Tag::Table(_)) => {
                self.flush_inline();
                self.table = Some(TableBuilder {
                    start: range.start,
                    header: None,
                    rows: Vec::new(),
                    current: None,
                });
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let location = self.loc(range.start);
                let line_end = memchr::memchr(b'\n', &self.file.text.as_bytes()[range.start..])
                    .map(|i| range.start + i)
                    .unwrap_or(self.file.text.len());
                let source_cells = count_cells(&self.file.text[range.start..line_end]);
                if let Some(t) = self.table.as_mut() {
                    t.current = Some(Row {
                        cells: Vec::with_capacity(source_cells),
                        source_cells,
                        location,
                    });
                }
            }
            Event::Start(Tag::TableCell) => {
                self.start_inline(InlineTarget::Cell, range.start, range.end)
            }
            Event::End(TagEnd::TableCell) => self.flush_inline(),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = self.table.as_mut() {
                    t.header = t.current.take();
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = self.table.as_mut() {
                    if let Some(row) = t.current.take() {
                        t.rows.push(row);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
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
            Event::Start(Tag::CodeBlock(kind)) => {
                self.flush_inline();
                let (lang, start) = match kind {
                    CodeBlockKind::Fenced(info) => {
                        let lang = info
                            .split_whitespace()
                            .next()
                            .unwrap_or("")
                            .to_ascii_lowercase();
                        let next_line =
                            memchr::memchr(b'\n', &self.file.text.as_bytes()[range.start..])
                                .map(|i| range.start + i + 1)
                                .unwrap_or(range.start);
                        (lang, next_line)
                    }
                    CodeBlockKind::Indented => (String::new(), range.start),
                };
                self.code = Some((lang, start, String::with_capacity(range.len())));
            }
            Event::Start(Tag::HtmlBlock) => self.html = Some((range.start, String::new())),
            Event::Html(text) => {
                if let Some((_, html)) = self.html.as_mut() {
                    html.push_str(&text);
                }
            }
            Event::End(TagEnd::HtmlBlock) => self.finish_html(),
            Event::InlineHtml(html) => {
                // Tags are matched without case, on their first bytes only.
                let starts = |tag: &str| {
                    html.get(..tag.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(tag))
                };
                if starts("<br") {
                    self.push_text(" ");
                } else if starts("<li>") || starts("<li ") {
                    // A list item: a bullet keeps it apart from the text before it.
                    self.push_text(" • ");
                } else if ["</li", "<ul", "</ul", "<ol", "</ol"]
                    .into_iter()
                    .any(starts)
                {
                    // The rest of a list: a space keeps the items apart from what follows.
                    self.push_text(" ");
                } else if html.starts_with("<!--") {
                    self.inline_annotation(&html, range.start);
                } else if matches!(
                    self.inline,
                    Some(InlineCollector {
                        target: InlineTarget::Cell,
                        ..
                    })
                ) {
                    let location = self.loc(range.start);
                    self.page.diagnostics.push(Diagnostic::new(
                        Severity::Info,
                        codes::HTML_IN_CELL,
                        location,
                        format!(
                            "the HTML tag `{}` in this table cell was dropped (its text is kept)",
                            html.trim()
                        ),
                    ));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(c) = self.inline.as_mut() {
                    c.link_starts
                        .push((c.content.text.len(), dest_url.into_string()));
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(c) = self.inline.as_mut() {
                    if let Some((start, dest)) = c.link_starts.pop() {
                        let text = normalize_space(c.content.text.get(start..).unwrap_or(""));
                        c.content.links.push(Link { text, dest });
                    }
                }
            }
            Event::Start(Tag::Emphasis) | Event::Start(Tag::Strong) => {
                if let Some(c) = self.inline.as_mut() {
                    c.mark_starts.push(c.content.text.len());
                }
            }
            Event::End(end @ (TagEnd::Emphasis | TagEnd::Strong)) => {
                if let Some(c) = self.inline.as_mut() {
                    if let Some(start) = c.mark_starts.pop() {
                        let marked = normalize_space(c.content.text.get(start..).unwrap_or(""));
                        if !marked.is_empty() {
                            if end == TagEnd::Strong {
                                c.content.strong.push(marked.clone());
                            }
                            c.content.marked.push(marked);
                        }
                    }
                }
            }
            Event::Code(code) => {
                if let Some(c) = self.inline.as_mut() {
                    c.content.text.push_str(&code);
                    c.content.marked.push(code.trim().to_owned());
                }
            }
            Event::Text(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            _ => {}
        }
    }

    fn finish_code(&mut self) {
        let Some((lang, start, text)) = self.code.take() else {
            return;
        };
        let location = self.loc(start);
        let annotation = self.pending_annotation.take();
        self.page.blocks.push(Block::Code {
            lang,
            text,
            annotation,
            location,
        });
    }

    fn finish_html(&mut self) {
        let Some((start, html)) = self.html.take() else {
            return;
        };
        self.inline_annotation(&html, start);
    }

    fn inline_annotation(&mut self, html: &str, start: usize) {
        match Annotation::parse(html) {
            Ok(Some(a)) => self.pending_annotation = Some(a),
            Ok(None) => {}
            Err(reason) => self.page.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::ANNOTATION_INVALID,
                self.loc(start),
                format!("this `<!-- {{ … }} -->` annotation is not valid JSON ({reason}); it was ignored"),
            )),
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

/// Whether [`normalize_space`] would change `text`: leading, trailing or
/// repeated whitespace, whitespace other than a space, or non-ASCII text
/// (which may hold Unicode spaces). One pass over the bytes.
fn needs_normalizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if first.is_ascii_whitespace() || last.is_ascii_whitespace() {
        return true;
    }
    let mut previous_space = false;
    for &b in bytes {
        match b {
            b' ' => {
                if previous_space {
                    return true;
                }
                previous_space = true;
            }
            b'\n' | b'\t' | b'\r' | 0x0c | 0x80.. => return true,
            _ => previous_space = false,
        }
    }
    false
}

/// Collapses runs of whitespace into one space and trims.
pub(crate) fn normalize_space(text: &str) -> String {
    if !needs_normalizing(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        parse_markdown(&SourceFile::new("t.md", text))
    }

    #[test]
    fn list_items_in_cells_become_bullets() {
        let p = page("|Property|Type|Description|\n|-|-|-|\n|x|String|Values are:<ul><li>one</li><li>two</li></ul>Then more.|\n");
        let Block::Table { rows, .. } = &p.blocks[0] else {
            panic!("{:?}", p.blocks)
        };
        let text = normalize_space(&rows[0].cells[2].content.text);
        assert_eq!(text, "Values are: • one • two Then more.");
    }

    #[test]
    fn tables_keep_cell_locations_links_and_marks() {
        let p = page("---\ntitle: \"x\"\n---\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|status|[complianceStatus](../resources/x.md)|Possible values are: `a`, `b`.|\n");
        let fm = p.front_matter.as_ref().unwrap();
        assert_eq!(fm.get("title"), Some("x"));
        assert_eq!(fm.entries["title"].location.line, 2);
        let Block::Table { header, rows, .. } = &p.blocks[1] else {
            panic!("{:?}", p.blocks)
        };
        assert_eq!(header.cells.len(), 3);
        let cells = &rows[0].cells;
        assert_eq!(cells[1].content.text, "complianceStatus");
        assert_eq!(cells[1].content.links[0].dest, "../resources/x.md");
        assert_eq!(cells[2].content.marked, vec!["a", "b"]);
        assert_eq!(cells[0].location.line, 8);
        assert_eq!(cells[1].location.column, 9);
    }

    #[test]
    fn annotations_attach_to_the_next_code_block() {
        let p = page("Text.\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"n\"\n}\n-->\n``` http\nPOST /x\n```\n");
        let code = p.blocks.iter().find_map(|b| match b {
            Block::Code {
                annotation,
                text,
                location,
                ..
            } => Some((annotation.clone(), text.clone(), location.clone())),
            _ => None,
        });
        let (annotation, text, location) = code.unwrap();
        assert_eq!(annotation.unwrap().name.as_deref(), Some("n"));
        assert_eq!(text, "POST /x\n");
        assert_eq!(location.line, 8);
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

    #[test]
    fn needs_normalizing_is_exactly_when_normalizing_changes_the_text() {
        for text in [
            "", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u{a0}b", "é", "a\u{c}b", "a b c",
        ] {
            assert!(
                needs_normalizing(text)
                    || text.split_whitespace().collect::<Vec<_>>().join(" ") == text,
                "{text:?}"
            );
            if text.is_ascii() {
                let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(needs_normalizing(text), collapsed != text, "{text:?}");
            }
        }
    }

    #[test]
    fn front_matter_keeps_page_offsets() {
        let p = page("---\ntitle: x\n---\n# Title\n\n|a|b|\n|-|-|\n|c|d|\n");
        assert_eq!(p.blocks[0].location().line, 4);
        let Block::Table { rows, .. } = &p.blocks[1] else {
            panic!("{:?}", p.blocks)
        };
        assert_eq!(
            (
                rows[0].cells[1].location.line,
                rows[0].cells[1].location.column
            ),
            (8, 4)
        );
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

    #[test]
    fn invalid_front_matter_is_a_located_diagnostic() {
        let p = page("---\ntitle: [unclosed\n---\n# T\n");
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].code, codes::FRONT_MATTER_INVALID);
        assert!(p.diagnostics[0].source.line >= 2);
    }
}
