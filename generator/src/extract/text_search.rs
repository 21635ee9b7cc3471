//! Case-insensitive look-ups on description text without lower-casing a
//! copy of it, and a prefilter that lets the case-insensitive regexes skip
//! text that cannot match.

/// Whether `haystack` contains `needle` (lowercase ASCII) in any ASCII case:
/// the same answer as `haystack.to_ascii_lowercase().contains(needle)`.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    find_ignore_ascii_case(haystack, needle).is_some()
}

/// The byte offset of the first `needle` (lowercase ASCII) in `haystack`, in
/// any ASCII case.
pub(crate) fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[from..]) {
        let at = from + i;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether a case-insensitive (Unicode) regex that needs the word `needle`
/// (lowercase ASCII) could match `text`. ASCII text is searched for the word
/// in any ASCII case; other text always may match, since Unicode case folding
/// maps some non-ASCII letters to ASCII ones (`ſ` to `s`, `K` to `k`).
pub(crate) fn may_match_word(text: &str, needle: &str) -> bool {
    !text.is_ascii() || contains_ignore_ascii_case(text, needle)
}

/// The matches of `\\b` followed by `re`, where `re` starts with a word
/// character, exactly as that regex would find them. A leading Unicode word
/// boundary keeps the regex engine off its fast automata, so the boundary is
/// checked here instead, on the character before each match of `re`: a match
/// without a boundary is skipped and the search goes on one character later.
pub(crate) fn captures_at_word_start<'t>(
    re: &'t regex::Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= text.len() {
            let captures = re.captures_at(text, from)?;
            let whole = captures.get(0).expect("group 0 is the match");
            let before = text[..whole.start()].chars().next_back();
            if before.is_none_or(|c| !regex_syntax::is_word_character(c)) {
                from = if whole.is_empty() {
                    whole.end() + 1
                } else {
                    whole.end()
                };
                return Some(captures);
            }
            let first = text[whole.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            from = whole.start() + first;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_start_matches_are_the_boundary_regex_matches() {
        let with = regex::Regex::new(r"(?i)\binherit(?:ed|s)\s+from\s+\[?([a-z]+)").unwrap();
        let without = regex::Regex::new(r"(?i)inherit(?:ed|s)\s+from\s+\[?([a-z]+)").unwrap();
        for text in [
            "Inherited from [a]. xinherits from b, inherits from c",
            "éinherits from d inherits from e",
            "ſ inherits from f_inherits from g",
            "inheritsinherits from h",
            "",
        ] {
            let expected: Vec<_> = with
                .captures_iter(text)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            let found: Vec<_> = captures_at_word_start(&without, text)
                .map(|c| c.get(1).unwrap().range())
                .collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn agrees_with_lower_casing() {
        for (hay, needle) in [
            ("Read-Only.", "read-only"),
            ("xNULLABLEy", "nullable"),
            ("nulla", "nullable"),
            ("", "a"),
            ("aAa", "aa"),
            ("é Value", "value"),
        ] {
            assert_eq!(
                contains_ignore_ascii_case(hay, needle),
                hay.to_ascii_lowercase().contains(needle),
                "{hay} {needle}"
            );
        }
        assert_eq!(find_ignore_ascii_case("xxINHERITS", "inherits"), Some(2));
    }

    #[test]
    fn non_ascii_text_may_always_match() {
        assert!(may_match_word("valueſ", "values"));
        assert!(!may_match_word("no such word", "values"));
        assert!(may_match_word("Possible VALUES are", "values"));
    }
}
