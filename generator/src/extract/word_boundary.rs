//! Regex matching with a leading word boundary, without giving up the regex
//! engine's fast automata.

/// The matches of `\b` followed by `re`, where `re` starts with a word
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
}
