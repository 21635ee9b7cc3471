//! "Possible values are: `a`, `b`, `c`." and its variants, in description cells
//! and prose: with or without "The" and a colon, "supported values for x are",
//! lists ending in "and"/"or", parenthetical notes, `value - description`
//! items, and `<li>` items (which the parser renders as `•`).

use regex::Regex;
use std::sync::OnceLock;

fn phrase() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:the\s+)?(?:possible|allowed|supported|valid)\s+values\s*(?:(?:for|of)\s+\S+\s+(?:are|include)|are|include|is)?\s*(?:one\s+of)?\s*:?\s*",
        )
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
    find_possible_values_marked(text, &[])
}

/// Like [`find_possible_values`], with the spans the cell marked as code or
/// emphasis: when the first value was marked, every later value must be too,
/// so words of a description between the values are never taken as values.
pub fn find_possible_values_marked(text: &str, marked: &[String]) -> Option<PossibleValues> {
    for captures in phrase().captures_iter(text) {
        let m = captures.get(0).expect("group 0 is the match");
        let tail = &text[m.end()..];
        let values = if tail.starts_with('•') {
            bullet_values(tail)
        } else {
            inline_values(tail, marked)
        };
        if !values.is_empty() {
            return Some(PossibleValues {
                values,
                offset: text[..m.start()].chars().count(),
            });
        }
    }
    None
}

/// `• a: first • b -- second`: the first word of each item.
fn bullet_values(tail: &str) -> Vec<String> {
    let mut values = Vec::new();
    for item in tail.split('•').skip(1) {
        let word = item.split_whitespace().next().unwrap_or("");
        let value = clean_value(word.trim_end_matches([':', ',', ';', '.']));
        if !is_value_token(&value) {
            break;
        }
        if !values.contains(&value) {
            values.push(value);
        }
    }
    values
}

/// `a, b and c.` / `a - first; b - second.` up to the end of the sentence.
fn inline_values(tail: &str, marked: &[String]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    let mut strict = false;
    for item in split_list(&flatten(tail)) {
        let item = item.trim();
        let item = item
            .strip_prefix("and ")
            .or_else(|| item.strip_prefix("or "))
            .unwrap_or(item);
        if item.is_empty() {
            continue;
        }
        let Some(value) = item_value(item) else {
            if strict {
                continue;
            }
            break;
        };
        let is_marked = marked.iter().any(|m| m.trim_matches(['"', '\'']) == value);
        if values.is_empty() {
            strict = is_marked;
        } else if strict && !is_marked {
            // A word of a description between marked values.
            continue;
        }
        if !values.contains(&value) {
            values.push(value);
        }
    }
    values
}

/// The value an item names: the whole item, or its first word when a
/// description follows (`value - description`, `value: description`, `value for …`).
fn item_value(item: &str) -> Option<String> {
    let whole = clean_value(item);
    if is_value_token(&whole) {
        return Some(whole);
    }
    let mut words = item.splitn(2, char::is_whitespace);
    let first = words.next().unwrap_or("");
    let rest = words.next().unwrap_or("").trim_start();
    let colon = first.ends_with(':');
    let value = clean_value(first.trim_end_matches(':'));
    let separated = colon
        || [
            "- ",
            "-- ",
            "– ",
            "— ",
            "= ",
            "for ",
            "means ",
            "indicates ",
        ]
        .iter()
        .any(|s| rest.starts_with(s));
    (separated && is_value_token(&value)).then_some(value)
}

/// The tail up to the end of its sentence (a period followed by a space or
/// the end of the text), with parenthetical notes removed.
fn flatten(tail: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut chars = tail.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '.' if chars.peek().is_none_or(|n| n.is_whitespace()) => break,
            _ => out.push(c),
        }
    }
    out
}

fn split_list(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for part in list.split([',', ';']) {
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = [" and ", " or "]
                .iter()
                .filter_map(|sep| lower.find(sep).map(|i| (i, sep.len())))
                .min();
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
    part.trim()
        .trim_matches(|c| c == '"' || c == '\'' || c == '`' || c == '*')
        .trim()
        .to_owned()
}

/// A member name: letters, digits, `_` and `-`, but not a number range (`1-500`).
fn is_value_token(value: &str) -> bool {
    let range = value.split('-').count() == 2
        && value
            .split('-')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    !value.is_empty()
        && !range
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && value.chars().count() <= 100
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find_possible_values(text)
            .map(|p| p.values)
            .unwrap_or_default()
    }

    fn marked(text: &str, marked: &[&str]) -> Vec<String> {
        let marked: Vec<String> = marked.iter().map(|m| (*m).to_owned()).collect();
        find_possible_values_marked(text, &marked)
            .map(|p| p.values)
            .unwrap_or_default()
    }

    #[test]
    fn possible_values_are_with_a_colon() {
        assert_eq!(
            values("State. Possible values are: installed, failed, notInstalled."),
            ["installed", "failed", "notInstalled"]
        );
    }

    #[test]
    fn the_possible_values_are_without_a_colon_ending_in_and() {
        assert_eq!(
            values("The possible values are a, b and c."),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn possible_values_colon_ending_in_or() {
        assert_eq!(values("Possible values: a, b, or c"), ["a", "b", "c"]);
    }

    #[test]
    fn no_space_after_the_colon() {
        assert_eq!(
            values("Possible values are:group, oneOnOne and meeting."),
            ["group", "oneOnOne", "meeting"]
        );
    }

    #[test]
    fn parenthetical_notes_are_dropped() {
        assert_eq!(
            values("possible values are none (default), some. Default is none."),
            ["none", "some"]
        );
        // A comma or a period inside the note does not split or end the list.
        assert_eq!(
            values("Possible values are: x (one, or two), y (e.g. this), z."),
            ["x", "y", "z"]
        );
    }

    #[test]
    fn allowed_and_supported_values() {
        assert_eq!(
            values("Allowed values: alpha, beta and gamma."),
            ["alpha", "beta", "gamma"]
        );
        assert_eq!(values("Supported values are: one, two."), ["one", "two"]);
    }

    #[test]
    fn supported_values_for_a_property_are() {
        assert_eq!(
            values("The supported values for kind are: north, south, east."),
            ["north", "south", "east"]
        );
        assert_eq!(
            values("Supported values for {period} are: d7, d30."),
            ["d7", "d30"]
        );
        // "for …" without "are" is a title, not a list.
        assert_eq!(
            values("Possible values for install state."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn values_in_code_spans_exclude_unmarked_words() {
        // The parser removed the backticks; `marked` says which spans were code.
        let text = "Possible values are: alpha, beta (a note), gamma (reasons such as this, that, or other). Read-only.";
        assert_eq!(
            marked(text, &["alpha", "beta", "gamma"]),
            ["alpha", "beta", "gamma"]
        );
        let text = "Possible values are: alpha - does this, that and more; beta - the other.";
        assert_eq!(marked(text, &["alpha", "beta"]), ["alpha", "beta"]);
    }

    #[test]
    fn value_description_items() {
        assert_eq!(
            values("Possible values are: first - the first one; second - the second one."),
            ["first", "second"]
        );
        assert_eq!(
            values("Possible values: app for applications, or user for people."),
            ["app", "user"]
        );
        assert_eq!(
            values("Possible values are: on: it is on, off: it is off."),
            ["on", "off"]
        );
    }

    #[test]
    fn list_items() {
        assert_eq!(
            values("Supported values are: • one • two -- the second • three: the third."),
            ["one", "two", "three"]
        );
        assert_eq!(
            values("Supported values are: • up • down The rest of the text."),
            ["up", "down"]
        );
    }

    #[test]
    fn number_ranges_are_not_values() {
        assert_eq!(
            values("Supported values are 1-500, where 100 = default."),
            Vec::<String>::new()
        );
        assert_eq!(values("Valid values 0 to 24"), Vec::<String>::new());
    }

    #[test]
    fn stops_at_the_end_of_the_sentence() {
        assert_eq!(
            values("Possible values are: a, b. Read-only, c."),
            ["a", "b"]
        );
        assert_eq!(values("No list here."), Vec::<String>::new());
        assert_eq!(
            values("Possible values are listed in the table below."),
            Vec::<String>::new()
        );
    }
}
