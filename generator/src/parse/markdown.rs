//! pulldown-cmark events → [`Block`]s with locations.
//!
//! [`Builder`] walks the events once; tables are built in
//! `markdown_table.rs` and inline content (links, marks, inline HTML) in
//! `markdown_inline.rs`.

use super::front_matter::front_matter_range;
use super::markdown_inline::{needs_normalizing, normalize_space};
use super::markdown_table::TableBuilder;
use super::{Annotation, Block, Cell, FrontMatter, Inline, Page};
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

/// What the inline collector is collecting for.
pub(super) enum InlineTarget {
    Heading(u8),
    Paragraph,
    Cell,
}

/// The inline content of one heading, paragraph, list item or table cell,
/// collected until its end event.
pub(super) struct InlineCollector {
    pub(super) target: InlineTarget,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) content: Inline,
    /// Where each open link's text starts in `content.text`, and its target.
    pub(super) link_starts: Vec<(usize, String)>,
    /// Where each open emphasis or strong span starts in `content.text`.
    pub(super) mark_starts: Vec<usize>,
}

/// The state of one walk over a page's events.
pub(super) struct Builder<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) index: &'a LineIndex,
    pub(super) page: Page,
    pub(super) inline: Option<InlineCollector>,
    pub(super) table: Option<TableBuilder>,
    /// An open code block: its language, where its text starts, its text.
    pub(super) code: Option<(String, usize, String)>,
    /// An open HTML block: where it starts, its text.
    pub(super) html: Option<(usize, String)>,
    /// The annotation the next code block takes.
    pub(super) pending_annotation: Option<Annotation>,
}

impl Builder<'_> {
    /// The location of byte `offset` of the page.
    pub(super) fn loc(&self, offset: usize) -> Location {
        self.index.location(&self.file.text, offset)
    }

    /// Whether inline content is being collected for a table cell.
    pub(super) fn in_cell(&self) -> bool {
        matches!(
            self.inline,
            Some(InlineCollector {
                target: InlineTarget::Cell,
                ..
            })
        )
    }

    /// Starts collecting inline content for `target` (source bytes
    /// `start..end`), closing what was being collected.
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

    /// Ends the inline content being collected: it becomes a heading, a
    /// paragraph or a cell of the current table row.
    pub(super) fn flush_inline(&mut self) {
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

    /// Appends `text` to the inline content being collected, if any.
    pub(super) fn push_text(&mut self, text: &str) {
        if let Some(c) = self.inline.as_mut() {
            c.content.text.push_str(text);
        }
    }

    /// Handles one event at byte `range` of the page.
    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        // Inside a code block only its text and its end matter.
        if self.code.is_some() {
            self.code_block_event(event);
            return;
        }
        match event {
            Event::Start(tag) => self.start_tag(tag, range),
            Event::End(end) => self.end_tag(end),
            Event::Html(text) => self.html_block_text(&text),
            Event::InlineHtml(html) => self.inline_html(&html, range.start),
            Event::Code(code) => self.code_span(&code),
            Event::Text(text) => self.push_text(&text),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            _ => {}
        }
    }

    /// Handles the start of a construct at byte `range` of the page.
    fn start_tag(&mut self, tag: Tag<'_>, range: std::ops::Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.start_inline(InlineTarget::Heading(level as u8), range.start, range.end)
            }
            // A paragraph inside a table cell is part of the cell's content.
            Tag::Paragraph if !self.in_cell() => {
                self.start_inline(InlineTarget::Paragraph, range.start, range.end)
            }
            Tag::Item => self.start_inline(InlineTarget::Paragraph, range.start, range.end),
            Tag::List(_) | Tag::BlockQuote(_) => self.flush_inline(),
            Tag::Table(_) => self.start_table(range.start),
            Tag::TableHead | Tag::TableRow => self.start_table_row(range.start),
            Tag::TableCell => self.start_inline(InlineTarget::Cell, range.start, range.end),
            Tag::CodeBlock(kind) => self.start_code_block(kind, range),
            Tag::HtmlBlock => self.html = Some((range.start, String::new())),
            Tag::Link { dest_url, .. } => self.start_link(dest_url),
            Tag::Emphasis | Tag::Strong => self.start_mark(),
            _ => {}
        }
    }

    /// Handles the end of a construct.
    fn end_tag(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item if !self.in_cell() => {
                self.flush_inline()
            }
            TagEnd::TableCell => self.flush_inline(),
            TagEnd::TableHead => self.end_table_head(),
            TagEnd::TableRow => self.end_table_row(),
            TagEnd::Table => self.finish_table(),
            TagEnd::HtmlBlock => self.finish_html(),
            TagEnd::Link => self.end_link(),
            TagEnd::Emphasis | TagEnd::Strong => self.end_mark(end == TagEnd::Strong),
            _ => {}
        }
    }

    /// Opens a code block: its language (fenced blocks only, lowercased) and
    /// where its text starts (the line after a fence).
    fn start_code_block(&mut self, kind: CodeBlockKind<'_>, range: std::ops::Range<usize>) {
        self.flush_inline();
        let (lang, start) = match kind {
            CodeBlockKind::Fenced(info) => {
                let lang = info
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let next_line = memchr::memchr(b'\n', &self.file.text.as_bytes()[range.start..])
                    .map(|i| range.start + i + 1)
                    .unwrap_or(range.start);
                (lang, next_line)
            }
            CodeBlockKind::Indented => (String::new(), range.start),
        };
        self.code = Some((lang, start, String::with_capacity(range.len())));
    }

    /// Handles an event inside an open code block.
    fn code_block_event(&mut self, event: Event<'_>) {
        match event {
            Event::Text(t) => {
                if let Some((_, _, code)) = self.code.as_mut() {
                    code.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => self.finish_code(),
            _ => {}
        }
    }

    /// Closes the code block, which takes the pending annotation.
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

    /// Appends a piece of an open HTML block's text.
    fn html_block_text(&mut self, text: &str) {
        if let Some((_, html)) = self.html.as_mut() {
            html.push_str(text);
        }
    }

    /// Closes an HTML block, which may be an annotation.
    fn finish_html(&mut self) {
        let Some((start, html)) = self.html.take() else {
            return;
        };
        self.inline_annotation(&html, start);
    }

    /// Reads `html` (starting at byte `start`) as an annotation for the next
    /// code block; an invalid one is a warning.
    pub(super) fn inline_annotation(&mut self, html: &str, start: usize) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        parse_markdown(&SourceFile::new("t.md", text))
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

    #[test]
    fn invalid_front_matter_is_a_located_diagnostic() {
        let p = page("---\ntitle: [unclosed\n---\n# T\n");
        assert_eq!(p.diagnostics.len(), 1);
        assert_eq!(p.diagnostics[0].code, codes::FRONT_MATTER_INVALID);
        assert!(p.diagnostics[0].source.line >= 2);
    }
}
