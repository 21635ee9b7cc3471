//! YAML front matter (`---` … `---` at the top of a page).

use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::source::Location;
use std::collections::BTreeMap;

/// One front-matter entry: its value as text and the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatterEntry {
    /// The value rendered as text (strings as-is, other scalars via YAML).
    pub value: String,
    /// Where the key stands.
    pub location: Location,
}

/// A page's front matter, keyed by field name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Entries by key, sorted.
    pub entries: BTreeMap<String, FrontMatterEntry>,
    /// Where the block starts.
    pub location: Option<Location>,
}

impl FrontMatter {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(|e| e.value.as_str())
    }

    /// Parses the YAML between the fences. `start` is the location of the
    /// first YAML line.
    pub fn parse(yaml: &str, start: &Location, diagnostics: &mut Vec<Diagnostic>) -> FrontMatter {
        let mut front = FrontMatter {
            entries: BTreeMap::new(),
            location: Some(start.offset_lines(0, 1)),
        };
        if yaml.trim().is_empty() {
            return front;
        }
        // Nearly every page's front matter is flat `key: value` lines; those
        // are read without building a YAML document (the YAML library still
        // reads anything else, and agrees on these: see the tests).
        // Saves 10% of the `ir` command's instructions (benches/fast_paths.sh front_matter).
        let fast = simple_fields(yaml).filter(|_| !cfg!(library_front_matter));
        if let Some(fields) = fast {
            for (line, key, value) in fields {
                front.entries.insert(
                    key.to_owned(),
                    FrontMatterEntry {
                        value,
                        location: start.offset_lines(line, 1),
                    },
                );
            }
            return front;
        }
        Self::parse_with_yaml_library(yaml, start, diagnostics)
    }

    /// Whether [`FrontMatter::parse`] reads this block without the YAML
    /// library (flat `key: value` lines whose values YAML reads as strings).
    pub fn is_flat(yaml: &str) -> bool {
        simple_fields(yaml).is_some()
    }

    /// Reads the block with the YAML library alone: what [`FrontMatter::parse`]
    /// does for anything but flat `key: value` lines (public so tests can hold
    /// both paths to the same result).
    pub fn parse_with_yaml_library(
        yaml: &str,
        start: &Location,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> FrontMatter {
        let mut front = FrontMatter {
            entries: BTreeMap::new(),
            location: Some(start.offset_lines(0, 1)),
        };
        if yaml.trim().is_empty() {
            return front;
        }
        let value: serde_yaml_ng::Value = match serde_yaml_ng::from_str(yaml) {
            Ok(v) => v,
            Err(e) => {
                let (line, column) = e
                    .location()
                    .map(|l| (l.line() as u32, l.column() as u32))
                    .unwrap_or((1, 1));
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::FRONT_MATTER_INVALID,
                    start.offset_lines(line.saturating_sub(1), column.max(1)),
                    format!("the front matter is not valid YAML ({e}); its fields were ignored"),
                ));
                return front;
            }
        };
        let serde_yaml_ng::Value::Mapping(map) = value else {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::FRONT_MATTER_INVALID,
                start.clone(),
                "the front matter is not a list of `key: value` fields; it was ignored",
            ));
            return front;
        };
        for (key, value) in map {
            let Some(key) = key.as_str().map(str::to_owned) else {
                continue;
            };
            let text = match &value {
                serde_yaml_ng::Value::String(s) => s.clone(),
                serde_yaml_ng::Value::Null => String::new(),
                other => serde_yaml_ng::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            };
            let line = key_line(yaml, &key).unwrap_or(0);
            front.entries.insert(
                key,
                FrontMatterEntry {
                    value: text,
                    location: start.offset_lines(line, 1),
                },
            );
        }
        front
    }
}

/// Reads front matter made only of `key: value` lines whose values YAML
/// reads as plain strings, as `(0-based line, key, value)`; `None` for
/// anything else (comments, nesting, lists, escapes, block scalars, numbers,
/// booleans, repeated keys …), which the YAML library then reads.
fn simple_fields(yaml: &str) -> Option<Vec<(u32, &str, String)>> {
    let mut fields: Vec<(u32, &str, String)> = Vec::new();
    for (line, text) in yaml.split('\n').enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        let (key, value) = text
            .split_once(": ")
            .or_else(|| text.strip_suffix(':').map(|k| (k, "")))?;
        let plain_key = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-');
        if key.is_empty() || !key.bytes().all(plain_key) || key.starts_with(['-', '.']) {
            return None;
        }
        if fields.iter().any(|(_, k, _)| *k == key) {
            return None;
        }
        let value = simple_value(value.trim_matches(' '))?;
        fields.push((u32::try_from(line).ok()?, key, value));
    }
    Some(fields)
}

/// A value YAML reads as this very string: empty (null, read as ""), double-
/// or single-quoted without escapes, or plain words that are not a number,
/// boolean or null and hold no character YAML gives a meaning.
fn simple_value(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some(String::new());
    }
    if value.contains('\t') {
        return None;
    }
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            return (!inner.contains(quote) && !inner.contains('\\')).then(|| inner.to_owned());
        }
    }
    let first = value.as_bytes()[0];
    let plain = |c: u8| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                b' ' | b'_' | b'-' | b'.' | b'/' | b'(' | b')' | b',' | b'+'
            )
    };
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    if !first.is_ascii_alphabetic()
        || !value.bytes().all(plain)
        || reserved.iter().any(|r| value.eq_ignore_ascii_case(r))
        || value.ends_with(' ')
    {
        return None;
    }
    Some(value.to_owned())
}

/// The 0-based line of `key:` at the start of a line in `yaml`.
fn key_line(yaml: &str, key: &str) -> Option<u32> {
    yaml.lines()
        .position(|line| {
            line.strip_prefix(key)
                .map(|rest| rest.trim_start().starts_with(':'))
                .unwrap_or(false)
        })
        .map(|i| i as u32)
}

/// The byte range of the YAML between `---` fences at the top of `text`, and
/// the offset just past the closing fence.
pub(super) fn front_matter_range(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn the_fast_path_reads_what_yaml_reads() {
        let yaml = "title: \"Create deviceStatuses\"\ndescription: 'Create a new object.'\nauthor: \"\"\nlocalization_priority: Normal\nms.prod: microsoft-identity-platform\ndoc_type: apiPageType\nempty:\n";
        assert!(simple_fields(yaml).is_some());
        let start = Location::start_of(&Arc::from("p.md"));
        let fast = FrontMatter::parse(yaml, &start, &mut Vec::new());
        let mut diagnostics = Vec::new();
        let slow = FrontMatter::parse_with_yaml_library(yaml, &start, &mut diagnostics);
        assert!(diagnostics.is_empty());
        assert_eq!(fast, slow);
        assert_eq!(fast.get("ms.prod"), Some("microsoft-identity-platform"));
        assert_eq!(fast.entries["doc_type"].location.line, 6);
    }

    #[test]
    fn anything_unusual_goes_to_the_yaml_library() {
        for yaml in [
            "a: true\n",
            "a: 12\n",
            "a: x # comment\n",
            "a: \"x\\\"y\"\n",
            "a:\n  - b\n",
            "a: x\na: y\n",
            "a: |\n  block\n",
            "a: x: y\n",
            "a: [x]\n",
            "  a: x\n",
            "a: 'it''s'\n",
            "a: ~\n",
            "a: 1.5\n",
        ] {
            assert!(simple_fields(yaml).is_none(), "{yaml:?}");
        }
    }
}
