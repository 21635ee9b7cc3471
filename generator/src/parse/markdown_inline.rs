//! Markdown inline content: the [`Builder`]'s handlers for links, emphasis,
//! code spans and inline HTML, and collapsing whitespace in collected text.

use super::markdown::Builder;
use super::Link;
use crate::diagnostics::{codes, Diagnostic, Severity};

impl Builder<'_> {
    /// Handles an inline HTML tag at byte `start`: list and line-break tags
    /// become spacing, a comment may be an annotation, and anything else in a
    /// table cell is dropped with a note.
    pub(super) fn inline_html(&mut self, html: &str, start: usize) {
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
            self.inline_annotation(html, start);
        } else if self.in_cell() {
            let location = self.loc(start);
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

    /// Opens a link to `dest_url`: its text starts here.
    pub(super) fn start_link(&mut self, dest_url: pulldown_cmark::CowStr<'_>) {
        if let Some(c) = self.inline.as_mut() {
            c.link_starts
                .push((c.content.text.len(), dest_url.into_string()));
        }
    }

    /// Closes the innermost open link, keeping its text and target.
    pub(super) fn end_link(&mut self) {
        if let Some(c) = self.inline.as_mut() {
            if let Some((start, dest)) = c.link_starts.pop() {
                let text = normalize_space(c.content.text.get(start..).unwrap_or(""));
                c.content.links.push(Link { text, dest });
            }
        }
    }

    /// Opens an emphasis or strong span: its text starts here.
    pub(super) fn start_mark(&mut self) {
        if let Some(c) = self.inline.as_mut() {
            c.mark_starts.push(c.content.text.len());
        }
    }

    /// Closes the innermost emphasis or strong span, keeping its text as
    /// marked (and as strong when `strong`).
    pub(super) fn end_mark(&mut self, strong: bool) {
        if let Some(c) = self.inline.as_mut() {
            if let Some(start) = c.mark_starts.pop() {
                let marked = normalize_space(c.content.text.get(start..).unwrap_or(""));
                if !marked.is_empty() {
                    if strong {
                        c.content.strong.push(marked.clone());
                    }
                    c.content.marked.push(marked);
                }
            }
        }
    }

    /// A code span: its text is kept, and marked.
    pub(super) fn code_span(&mut self, code: &str) {
        if let Some(c) = self.inline.as_mut() {
            c.content.text.push_str(code);
            c.content.marked.push(code.trim().to_owned());
        }
    }
}

/// Whether [`normalize_space`] would change `text`: leading, trailing or
/// repeated whitespace, whitespace other than a space, or non-ASCII text
/// (which may hold Unicode spaces). One pass over the bytes.
pub(super) fn needs_normalizing(text: &str) -> bool {
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
    use crate::parse::{parse_markdown, Block, Page};
    use crate::source::SourceFile;

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
}
