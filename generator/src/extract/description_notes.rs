//! The notes a property's description states: read-only, nullable,
//! optional or required, and its "Possible values".

use super::possible_values::find_possible_values_marked;
use super::PropertyFacts;
use std::sync::OnceLock;

/// `word` as a note: not inside another word, followed by `.` (or, unless
/// `needs_period`, by `,`, `;` or the end), perhaps after ` field`/` property`.
fn says_word(description: &str, word: &str, needs_period: bool) -> bool {
    memchr::memmem::find_iter(description.as_bytes(), word.as_bytes()).any(|i| {
        let before = description[..i].chars().next_back();
        let mut after = &description[i + word.len()..];
        for noun in [" field", " property", " parameter"] {
            after = after.strip_prefix(noun).unwrap_or(after);
        }
        let next = after.chars().next();
        before.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_')
            && if needs_period {
                next == Some('.')
            } else {
                next.is_none_or(|c| matches!(c, '.' | ',' | ';'))
            }
    })
}

/// The phrases of description notes.
const NOTE_PHRASES: [&str; 5] = [
    "read-only",
    "read only",
    "not nullable",
    "non-nullable",
    "nullable",
];

/// Which of [`NOTE_PHRASES`] the text holds, in any ASCII case, found in one
/// pass (the same answers as searching a lower-cased copy for each).
fn note_phrases_in(text: &str) -> [bool; 5] {
    static SEARCHER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let searcher = SEARCHER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(NOTE_PHRASES)
            .expect("valid phrases")
    });
    let mut found = [false; 5];
    for m in searcher.find_overlapping_iter(text) {
        found[m.pattern().as_usize()] = true;
    }
    found
}

/// Read-only, nullable, optional and "Possible values" as the description
/// (and, for optional, the Type cell's note) states them.
pub(super) fn set_description_facts(p: &mut PropertyFacts, marked: &[String]) {
    let [read_only, read_space_only, not_nullable, non_nullable, nullable] =
        note_phrases_in(&p.description);
    p.read_only = (read_only || read_space_only).then_some(true);
    p.nullable = if not_nullable || non_nullable {
        Some(false)
    } else if nullable {
        Some(true)
    } else {
        None
    };
    p.possible_values = find_possible_values_marked(&p.description, marked).map(|v| v.values);
    let values = p.possible_values.as_deref().unwrap_or(&[]);
    let note = p
        .type_cell
        .as_ref()
        .and_then(|c| c.note.as_deref())
        .map(str::to_ascii_lowercase);
    p.optional = match (optional_note(&p.description, values), note.as_deref()) {
        (Some(said), _) => Some(said),
        (None, Some("optional")) => Some(true),
        (None, Some("required")) => Some(false),
        (None, _) => None,
    };
}

/// `Some(true)` when a description says "Optional" (`Optional.`, `Optional,`,
/// `Optional field.`, `…, optional.`), `Some(false)` when it says "Required"
/// that way; `None` when it says neither or both. A word that is one of the
/// "Possible values" (`values`) does not count.
pub(crate) fn optional_note(description: &str, values: &[String]) -> Option<bool> {
    let says = |word: &str| {
        !values.iter().any(|v| v.eq_ignore_ascii_case(word))
            && (says_word(description, word, false)
                || says_word(description, &word.to_ascii_lowercase(), true))
    };
    match (says("Optional"), says("Required")) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_phrases_in_one_pass_agree_with_searching_a_lower_cased_copy() {
        for text in [
            "Read-only. Nullable.",
            "READ ONLY",
            "Not nullable.",
            "non-Nullable",
            "nothing",
            "",
            "é read-only é",
            "nullabl",
            "Non-nullable. Read-Only",
        ] {
            let lower = text.to_ascii_lowercase();
            assert_eq!(
                note_phrases_in(text),
                NOTE_PHRASES.map(|phrase| lower.contains(phrase)),
                "{text}"
            );
        }
    }

    #[test]
    fn optional_and_required_notes() {
        let none: &[String] = &[];
        assert_eq!(optional_note("The name. Optional.", none), Some(true));
        assert_eq!(optional_note("Optional field. The name.", none), Some(true));
        assert_eq!(
            optional_note("The nature of it, optional.", none),
            Some(true)
        );
        assert_eq!(optional_note("Required. The name.", none), Some(false));
        assert_eq!(optional_note("The name. Required", none), Some(false));
        // Prose, a value, both, or a word inside another are no note.
        assert_eq!(optional_note("Provides an optional comment.", none), None);
        assert_eq!(optional_note("Required if the other is set.", none), None);
        assert_eq!(
            optional_note("Required when created. Optional on update.", none),
            None
        );
        assert_eq!(
            optional_note("Possible values are: notRequired, granted.", none),
            None
        );
        assert_eq!(
            optional_note(
                "Possible values are: Required, Optional.",
                &["Required".to_owned(), "Optional".to_owned()]
            ),
            None
        );
        assert_eq!(
            optional_note(
                "Possible values are: Required, none. Read-only.",
                &["Required".to_owned(), "none".to_owned()]
            ),
            None
        );
    }
}
