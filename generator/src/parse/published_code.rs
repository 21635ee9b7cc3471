//! Published text's raw HTTP and JSON runs → code blocks: request lines
//! (`POST /x/{id}`), request and response examples (a request or status
//! line, headers, then a JSON body) and bare JSON values. Examples get the
//! annotation the docs repository would give them, named after the page.

use super::published::Parser;
use super::published_rows::header;
use super::{Annotation, Block};

/// What kind of code block a raw HTTP or JSON run is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CodeKind {
    RequestLines,
    RequestExample,
    ResponseExample,
    Json,
}

impl Parser<'_> {
    /// Whether line text `t` starts a raw HTTP or JSON block, and which.
    pub(super) fn code_start(&self, t: &str) -> Option<CodeKind> {
        if t.starts_with('{') || t.starts_with('[') {
            return Some(CodeKind::Json);
        }
        if let Some(rest) = t.strip_prefix("HTTP/") {
            let status = rest.split_whitespace().nth(1).unwrap_or("");
            if status.len() == 3 && status.chars().all(|c| c.is_ascii_digit()) {
                return Some(CodeKind::ResponseExample);
            }
        }
        let (_, target) = super::request_line(t)?;
        let url = target.starts_with("https://") || target.starts_with("http://");
        if self.section.starts_with("http request") || (!url && target.starts_with('/')) {
            Some(CodeKind::RequestLines)
        } else if url {
            Some(CodeKind::RequestExample)
        } else {
            None
        }
    }

    /// Reads a code block starting at line `i`; returns the line after it.
    pub(super) fn code(&mut self, i: usize, kind: CodeKind) -> usize {
        let mut end = i + 1;
        match kind {
            CodeKind::RequestLines => {
                // Request lines, blank lines between them allowed.
                while let Some(j) = self.next_non_blank(end) {
                    if self.code_start(self.trimmed(j)) != Some(CodeKind::RequestLines) {
                        break;
                    }
                    end = j + 1;
                }
            }
            CodeKind::Json => end = self.json_end(i),
            CodeKind::RequestExample | CodeKind::ResponseExample => {
                while end < self.lines.len() && is_header_line(self.trimmed(end)) {
                    end += 1;
                }
                if let Some(j) = self.next_non_blank(end) {
                    let t = self.trimmed(j);
                    if t.starts_with('{') || t.starts_with('[') {
                        end = self.json_end(j);
                    }
                }
            }
        }
        let text: String = self.lines[i..end]
            .iter()
            .map(|l| format!("{}\n", l.1))
            .collect();
        let annotation = match kind {
            CodeKind::RequestExample => {
                self.examples += 1;
                let name = format!("{}-example-{}", stem(&self.page.path), self.examples);
                self.open_request = Some(name.clone());
                Some(annotation("request", name))
            }
            CodeKind::ResponseExample => {
                let name = self.open_request.take().unwrap_or_else(|| {
                    self.examples += 1;
                    format!("{}-example-{}", stem(&self.page.path), self.examples)
                });
                Some(annotation("response", name))
            }
            CodeKind::RequestLines | CodeKind::Json => None,
        };
        let lang = if kind == CodeKind::Json {
            "json"
        } else {
            "http"
        };
        let (start, _) = self.lines[i];
        self.page.blocks.push(Block::Code {
            lang: lang.to_owned(),
            text,
            annotation,
            location: self.loc(start),
        });
        end
    }

    /// The line after a JSON value starting at line `i`: where its brackets
    /// balance, or before a blank line followed by a heading, a table or
    /// another HTTP block (a truncated body), or the end of the text.
    fn json_end(&self, i: usize) -> usize {
        let mut depth: i64 = 0;
        let (mut in_string, mut escaped) = (false, false);
        let mut j = i;
        while j < self.lines.len() {
            let t = self.trimmed(j);
            if t.is_empty() && j > i {
                let Some(next) = self.next_non_blank(j) else {
                    return j;
                };
                let nt = self.trimmed(next);
                if self.heading_level(next).is_some()
                    || header(nt).is_some()
                    || self.code_start(nt).is_some_and(|k| k != CodeKind::Json)
                {
                    return j;
                }
                j = next;
                continue;
            }
            for c in self.lines[j].1.chars() {
                if in_string {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => in_string = false,
                        _ => {}
                    }
                    continue;
                }
                match c {
                    '"' => in_string = true,
                    '{' | '[' => depth += 1,
                    '}' | ']' => depth -= 1,
                    _ => {}
                }
            }
            in_string = false;
            j += 1;
            if depth <= 0 {
                return j;
            }
        }
        j
    }
}

/// `Content-Type: application/json`: an HTTP header line.
fn is_header_line(t: &str) -> bool {
    let Some((name, _)) = t.split_once(':') else {
        return false;
    };
    !name.is_empty()
        && name.len() < 60
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A file name's stem as a name part: lowercase, other characters as `_`.
fn stem(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.split('.').next().unwrap_or(file);
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The annotation the docs repository gives an example block.
fn annotation(block_type: &str, name: String) -> Annotation {
    Annotation {
        block_type: block_type.to_owned(),
        fields: serde_json::json!({ "blockType": block_type, "name": name }),
        name: Some(name),
        odata_type: None,
        base_type: None,
        is_collection: false,
        open_type: false,
        key_property: None,
    }
}
