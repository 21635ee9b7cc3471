//! Stage 1: a page's text → a flat list of located blocks (headings,
//! paragraphs, tables, code blocks, annotations) plus its front matter.
//!
//! Pure: takes a [`SourceFile`](crate::source::SourceFile), returns a [`Page`].
//! Two input formats give the same blocks: markdown from the docs repository
//! (`markdown.rs`) and plain text copied from the published docs site
//! ([`published`]); [`detect_format`] tells them apart per file.

mod annotation;
mod front_matter;
pub(crate) mod json_commas;
mod markdown;
mod markdown_inline;
mod markdown_table;
pub mod published;
mod published_code;
mod published_rows;

pub use annotation::Annotation;
pub use front_matter::FrontMatter;
pub use markdown::parse_markdown;
pub use published::parse_published;

pub use crate::source::InputFormat;
use crate::source::SourceFile;

/// An HTTP method a request line may start with.
///
/// Declared in alphabetical order: endpoints sort by path, then method, and
/// that order is the order of the methods' names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HttpMethod {
    /// `DELETE`.
    Delete,
    /// `GET`.
    Get,
    /// `HEAD`.
    Head,
    /// `OPTIONS`.
    Options,
    /// `PATCH`.
    Patch,
    /// `POST`.
    Post,
    /// `PUT`.
    Put,
}

impl HttpMethod {
    /// Every method, in [`Ord`] order.
    pub const ALL: [HttpMethod; 7] = [
        HttpMethod::Delete,
        HttpMethod::Get,
        HttpMethod::Head,
        HttpMethod::Options,
        HttpMethod::Patch,
        HttpMethod::Post,
        HttpMethod::Put,
    ];

    /// The method as written on a request line: `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Delete => "DELETE",
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Options => "OPTIONS",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
        }
    }

    /// The method an upper-case word names, if any.
    pub fn from_word(word: &str) -> Option<HttpMethod> {
        HttpMethod::ALL.into_iter().find(|m| m.as_str() == word)
    }
}

impl std::fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl serde::Serialize for HttpMethod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// `METHOD target [HTTP/1.1]` → `(METHOD, target)`: a request line as the
/// docs write it (HTTP request blocks, the first line of request examples);
/// `None` when the line does not start with an upper-case HTTP method and a target.
pub(crate) fn request_line(line: &str) -> Option<(HttpMethod, &str)> {
    let (method, rest) = line.split_once(|c: char| c.is_whitespace())?;
    let method = HttpMethod::from_word(method)?;
    let mut target = rest.trim();
    if let Some((before, version)) = target.rsplit_once(|c: char| c.is_whitespace()) {
        let digits = version.strip_prefix("HTTP/").map(str::as_bytes);
        let is_version = matches!(digits, Some([d]) if d.is_ascii_digit())
            || matches!(digits, Some([d, b'.', e]) if d.is_ascii_digit() && e.is_ascii_digit());
        if is_version {
            target = before.trim_end();
        }
    }
    (!target.is_empty()).then_some((method, target))
}

/// Decides the format of a page from clear signals: front matter, a `#`
/// heading, a `|` table row or a code fence at the start of a line mean
/// markdown; a text with none of them is published text.
pub fn detect_format(text: &str) -> InputFormat {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.starts_with("---") {
        return InputFormat::Markdown;
    }
    let markdown_line = |line: &str| {
        let t = line.trim_start();
        (t.starts_with('#') && t.trim_start_matches('#').starts_with(' '))
            || (t.starts_with('|') && t.len() > 1)
            || t.starts_with("```")
            || t.starts_with("~~~")
            || t.starts_with("<!--")
            || is_table_separator(t)
    };
    if text.lines().any(markdown_line) {
        InputFormat::Markdown
    } else {
        InputFormat::PublishedText
    }
}

/// `|:---|---|` or `--|--`: a markdown table's separator line.
fn is_table_separator(t: &str) -> bool {
    t.contains('|') && t.contains("--") && t.chars().all(|c| matches!(c, '|' | ':' | '-' | ' '))
}

/// Parses a page in its format: the one its [`SourceFile::format`] forces,
/// else the one [`detect_format`] finds. Never fails.
pub fn parse_page(file: &SourceFile) -> Page {
    match file.format.unwrap_or_else(|| detect_format(&file.text)) {
        InputFormat::Markdown => parse_markdown(file),
        InputFormat::PublishedText => parse_published(file),
    }
}

use crate::diagnostics::Diagnostic;
use crate::source::Location;
use std::sync::Arc;

/// A parsed page.
#[derive(Clone, Debug)]
pub struct Page {
    /// Path relative to the docs root.
    pub path: Arc<str>,
    /// YAML front matter, if the page has any.
    pub front_matter: Option<FrontMatter>,
    /// The page's blocks, in document order.
    pub blocks: Vec<Block>,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Inline text with the links it contains.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    /// The text with markdown markers removed (link text kept, code kept without backticks).
    pub text: String,
    /// The markdown source of the text, trimmed (paragraphs only; empty for
    /// headings and cells).
    pub raw: String,
    /// Links in the text: `(link text, destination)`.
    pub links: Vec<Link>,
    /// Spans that were code or emphasis, which often mark names and values.
    pub marked: Vec<String>,
    /// Spans that were bold (`**x**`), a subset of `marked`.
    pub strong: Vec<String>,
}

/// A markdown link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// Where it points.
    pub dest: String,
}

/// A table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The cell's content.
    pub content: Inline,
    /// Where the cell starts.
    pub location: Location,
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's cells (padded by the markdown parser to the header's width).
    pub cells: Vec<Cell>,
    /// How many cells the row's source line actually has.
    pub source_cells: usize,
    /// Where the row starts.
    pub location: Location,
}

/// A block of a page.
#[derive(Clone, Debug)]
pub enum Block {
    /// `# Title` (level 1) … `###### x` (level 6).
    Heading {
        /// 1 to 6.
        level: u8,
        /// Heading text.
        content: Inline,
        /// Where the heading starts.
        location: Location,
    },
    /// A paragraph, block quote line or list item's text.
    Paragraph {
        /// Paragraph text.
        content: Inline,
        /// Where it starts.
        location: Location,
    },
    /// A table: header row and body rows.
    Table {
        /// The header row.
        header: Row,
        /// The body rows.
        rows: Vec<Row>,
        /// Where the table starts.
        location: Location,
    },
    /// A fenced or indented code block.
    Code {
        /// The info string's first word (`http`, `json`, …), lowercased.
        lang: String,
        /// The code.
        text: String,
        /// The `<!-- { … } -->` annotation just before it, if any.
        annotation: Option<Annotation>,
        /// Where the code itself starts (the line after the fence).
        location: Location,
    },
}

impl Block {
    /// Where the block starts.
    pub fn location(&self) -> &Location {
        match self {
            Block::Heading { location, .. }
            | Block::Paragraph { location, .. }
            | Block::Table { location, .. }
            | Block::Code { location, .. } => location,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{request_line, HttpMethod};

    #[test]
    fn request_lines() {
        assert_eq!(
            request_line("GET /me/events"),
            Some((HttpMethod::Get, "/me/events"))
        );
        assert_eq!(
            request_line("POST  /a/{id}/b HTTP/1.1"),
            Some((HttpMethod::Post, "/a/{id}/b"))
        );
        assert_eq!(
            request_line("PATCH https://graph.microsoft.com/v1.0/x HTTP/2"),
            Some((HttpMethod::Patch, "https://graph.microsoft.com/v1.0/x"))
        );
        assert_eq!(
            request_line("GET /drive/root:/a b.txt:/content"),
            Some((HttpMethod::Get, "/drive/root:/a b.txt:/content"))
        );
        assert_eq!(
            request_line("GET /x HTTP/1.1x"),
            Some((HttpMethod::Get, "/x HTTP/1.1x"))
        );
        assert_eq!(request_line("FETCH /x"), None);
        assert_eq!(request_line("GET"), None);
        assert_eq!(request_line("GET   "), None);
        assert_eq!(request_line("get /x"), None);
    }
}
