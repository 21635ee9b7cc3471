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
        let mut front = FrontMatter { entries: BTreeMap::new(), location: Some(start.offset_lines(0, 1)) };
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
            let Some(key) = key.as_str().map(str::to_owned) else { continue };
            let text = match &value {
                serde_yaml_ng::Value::String(s) => s.clone(),
                serde_yaml_ng::Value::Null => String::new(),
                other => serde_yaml_ng::to_string(other).unwrap_or_default().trim().to_owned(),
            };
            let line = key_line(yaml, &key).unwrap_or(0);
            front.entries.insert(
                key,
                FrontMatterEntry { value: text, location: start.offset_lines(line, 1) },
            );
        }
        front
    }
}

/// The 0-based line of `key:` at the start of a line in `yaml`.
fn key_line(yaml: &str, key: &str) -> Option<u32> {
    yaml.lines().position(|line| {
        line.strip_prefix(key)
            .map(|rest| rest.trim_start().starts_with(':'))
            .unwrap_or(false)
    })
    .map(|i| i as u32)
}
