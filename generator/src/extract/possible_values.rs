//! "Possible values are: `a`, `b`, `c`." and its variants, in description cells
//! and prose.

use regex::Regex;
use std::sync::OnceLock;

fn phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:the\s+)?(?:possible|allowed|supported|valid)\s+values\s*(?:are|include|is)?\s*(?:one\s+of)?\s*:?\s*")
            .expect("valid regex")
    })
}

/// A "Possible values" list found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PossibleValues {
    /// The values, in the order written.
    pub values: Vec<String>,
    /// Character offset (in the text) where the phrase starts.
    pub offset: usize,
}

/// Finds the first "Possible values are: …" list in `text` (markdown markers
/// already removed). Returns `None` when there is no such phrase or it is
/// followed by no value.
pub fn find_possible_values(text: &str) -> Option<PossibleValues> {
    let m = phrase().find(text)?;
    let tail = &text[m.end()..];
    let end = sentence_end(tail);
    let list = &tail[..end];
    let mut values = Vec::new();
    for part in split_list(list) {
        let value = clean_value(part);
        if value.is_empty() {
            continue;
        }
        if !is_value_token(&value) {
            break;
        }
        if !values.contains(&value) {
            values.push(value);
        }
    }
    if values.is_empty() {
        None
    } else {
        Some(PossibleValues { values, offset: text[..m.start()].chars().count() })
    }
}

/// The end of the sentence that holds the list: a period followed by a space
/// or the end of the text.
fn sentence_end(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if (b == b'.' || b == b';') && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) {
            return i;
        }
    }
    tail.len()
}

fn split_list(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for part in list.split(',') {
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = [" and ", " or "].iter().filter_map(|sep| lower.find(sep).map(|i| (i, sep.len()))).min();
            match cut {
                Some((i, len)) => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + len..];
                }
                None => {
                    parts.push(rest);
                    break;
                }
            }
        }
    }
    parts
}

fn clean_value(part: &str) -> String {
    let mut value = part.trim();
    for prefix in ["and ", "or "] {
        if let Some(v) = value.strip_prefix(prefix) {
            value = v.trim();
        }
    }
    // Drop a parenthetical note: `none (default)`.
    if let Some(open) = value.find(" (") {
        value = value[..open].trim();
    }
    value.trim_matches(|c| c == '"' || c == '\'' || c == '`' || c == '*').trim().to_owned()
}

fn is_value_token(value: &str) -> bool {
    value.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') && value.chars().count() <= 100
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find_possible_values(text).map(|p| p.values).unwrap_or_default()
    }

    #[test]
    fn every_phrasing() {
        assert_eq!(values("State. Possible values are: installed, failed, notInstalled."), ["installed", "failed", "notInstalled"]);
        assert_eq!(values("The possible values are a, b and c."), ["a", "b", "c"]);
        assert_eq!(values("Possible values: a, b, or c"), ["a", "b", "c"]);
        assert_eq!(values("Possible values are:group, oneOnOne and meeting."), ["group", "oneOnOne", "meeting"]);
        assert_eq!(values("possible values are none (default), some. Default is none."), ["none", "some"]);
    }

    #[test]
    fn stops_at_the_end_of_the_sentence() {
        assert_eq!(values("Possible values are: a, b. Read-only, c."), ["a", "b"]);
        assert_eq!(values("No list here."), Vec::<String>::new());
        assert_eq!(values("Possible values are listed in the table below."), Vec::<String>::new());
    }
}
