//! Source files and locations: every fact the generator extracts points back
//! to a `path:line:column` in the page it came from.

use std::fmt;
use std::sync::Arc;

/// One input page: its path relative to the docs root (always `/`-separated)
/// and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the docs root, with `/` separators.
    pub path: Arc<str>,
    /// The page text, with CRLF line ends normalized to LF and any BOM removed.
    pub text: String,
    /// The format to parse it as; `None` detects it from the text
    /// (the parser's `detect_format`).
    pub format: Option<InputFormat>,
}

impl SourceFile {
    /// Builds a source file, normalizing line ends and dropping a leading BOM
    /// (neither changes line numbers).
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let path: String = path.into();
        let mut text: String = text.into();
        if let Some(stripped) = text.strip_prefix('\u{feff}') {
            text = stripped.to_owned();
        }
        if memchr::memchr(b'\r', text.as_bytes()).is_some() {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        SourceFile {
            path: Arc::from(path.replace('\\', "/")),
            text,
            format: None,
        }
    }

    /// The same file, parsed as `format` whatever its text looks like (`None`: detected).
    pub fn with_format(mut self, format: Option<InputFormat>) -> Self {
        self.format = format;
        self
    }
}

/// Whether a path component or URL segment names an API version (`v1.0`,
/// `beta`, `v2`).
pub fn is_version_name(name: &str) -> bool {
    name == "beta"
        || (name.starts_with('v')
            && name.len() > 1
            && name[1..].chars().all(|c| c.is_ascii_digit() || c == '.')
            && name[1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The Graph URLs of a text that name an API version
/// (`https://graph.microsoft.com/beta/…`), in text order: the byte offset
/// where each URL starts (its scheme, when it has one) and the version.
pub fn version_urls(text: &str) -> impl Iterator<Item = (usize, &str)> {
    const HOST: &str = "graph.microsoft.com/";
    memchr::memmem::find_iter(text.as_bytes(), HOST).filter_map(move |at| {
        let rest = &text[at + HOST.len()..];
        let version = &rest[..rest.find('/')?];
        if !is_version_name(version) {
            return None;
        }
        let before = &text[..at];
        let start = ["https://", "http://"]
            .iter()
            .find(|scheme| before.ends_with(*scheme))
            .map_or(at, |scheme| at - scheme.len());
        Some((start, version))
    })
}

/// A position in a page: 1-based line and column (columns count characters).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// Path of the page relative to the docs root.
    pub path: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Location {
    /// A location at the start of a page (used for page-level findings).
    pub fn start_of(path: &Arc<str>) -> Self {
        Location {
            path: path.clone(),
            line: 1,
            column: 1,
        }
    }

    /// The same location moved `lines` lines down, at column `column`.
    pub fn offset_lines(&self, lines: u32, column: u32) -> Self {
        Location {
            path: self.path.clone(),
            line: self.line + lines,
            column,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Piece by piece rather than `write!`: the `ir` export writes one
        // location per item, and integer formatting through `fmt` is slow.
        f.write_str(&self.path)?;
        f.write_str(":")?;
        f.write_str(itoa::Buffer::new().format(self.line))?;
        f.write_str(":")?;
        f.write_str(itoa::Buffer::new().format(self.column))
    }
}

impl serde::Serialize for Location {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Maps byte offsets of a text to line and column numbers.
#[derive(Clone, Debug)]
pub struct LineIndex {
    path: Arc<str>,
    line_starts: Vec<usize>,
    /// The line of the last look-up: parsers ask in page order, so the next
    /// answer is usually this line or one shortly after it.
    last_line: std::cell::Cell<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(path: Arc<str>, text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            path,
            line_starts,
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The path this index belongs to.
    pub fn path(&self) -> &Arc<str> {
        &self.path
    }

    /// The location of byte `offset` in `text` (the text this index was built from).
    pub fn location(&self, text: &str, offset: usize) -> Location {
        let offset = offset.min(text.len());
        let starts = &self.line_starts;
        let contains = |line: usize| {
            starts[line] <= offset && starts.get(line + 1).is_none_or(|&next| offset < next)
        };
        let last = self.last_line.get().min(starts.len() - 1);
        let line = match (last..(last + 8).min(starts.len())).find(|&line| contains(line)) {
            Some(line) => line,
            None => match starts.binary_search(&offset) {
                Ok(i) => i,
                Err(i) => i - 1,
            },
        };
        self.last_line.set(line);
        let start = starts[line];
        let column = match text.get(start..offset) {
            Some(s) if s.is_ascii() => s.len(),
            Some(s) => s.chars().count(),
            None => offset - start,
        };
        Location {
            path: self.path.clone(),
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}

/// The format of a page's text (a file may force one; otherwise the
/// parser decides per file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFormat {
    /// Markdown from the docs repository (front matter, `|` tables, `#` headings, fences).
    Markdown,
    /// Plain text copied from the published docs site (no markdown markers,
    /// tables flattened into lines).
    PublishedText,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_and_count_characters() {
        let text = "ab\nçd|x\n";
        let index = LineIndex::new(Arc::from("p.md"), text);
        assert_eq!(index.location(text, 0).to_string(), "p.md:1:1");
        assert_eq!(index.location(text, 3).to_string(), "p.md:2:1");
        let bar = text.find('|').unwrap();
        assert_eq!(index.location(text, bar).to_string(), "p.md:2:3");
    }

    #[test]
    fn look_ups_in_any_order_give_the_counted_line_and_column() {
        let text = "a\nbé\n\n|c|d|\nlong line here\n\nx";
        let index = LineIndex::new(Arc::from("p.md"), text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let order = offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
            .chain(offsets.iter().rev().step_by(5));
        for &offset in order {
            let before = &text[..offset];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
            let found = index.location(text, offset);
            assert_eq!(
                (found.line as usize, found.column as usize),
                (line, column),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn version_names() {
        assert!(is_version_name("v1.0"));
        assert!(is_version_name("beta"));
        assert!(is_version_name("v2"));
        assert!(!is_version_name("vendor"));
        assert!(!is_version_name("v"));
        assert!(!is_version_name("v.1"));
        assert!(!is_version_name("Beta"));
    }

    #[test]
    fn version_urls_name_their_version_and_start_at_the_scheme() {
        let text = "GET https://graph.microsoft.com/v1.0/me\n\
                    see graph.microsoft.com/beta/users and \
                    https://graph.microsoft.com/users/x (no version), \
                    http://graph.microsoft.com/v2/x, graph.microsoft.com/beta";
        let found: Vec<(usize, &str)> = version_urls(text).collect();
        let starts: Vec<&str> = found.iter().map(|(at, _)| &text[*at..*at + 12]).collect();
        assert_eq!(
            found.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
            ["v1.0", "beta", "v2"]
        );
        assert_eq!(starts, ["https://grap", "graph.micros", "http://graph"]);
    }

    #[test]
    fn source_files_normalize_line_ends_and_bom() {
        let file = SourceFile::new("a\\b.md", "\u{feff}x\r\ny\r\n");
        assert_eq!(&*file.path, "a/b.md");
        assert_eq!(file.text, "x\ny\n");
    }
}
