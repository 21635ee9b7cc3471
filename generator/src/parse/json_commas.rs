//! JSON in the docs that is JSON but for a comma before a closing `}` or
//! `]` (`{"a": 1,}`): the commonest slip in annotations and example bodies,
//! and one with only one reading.

/// The byte offsets of the commas in `text` that stand right before a
/// closing `}` or `]` (whitespace between), outside strings.
pub(crate) fn trailing_commas(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b',' => {
                let next = bytes[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
                if matches!(next, Some(b'}' | b']')) {
                    found.push(i);
                }
            }
            _ => {}
        }
    }
    found
}

/// `text` with the commas at `offsets` turned into spaces, so every other
/// character keeps its line and column.
pub(crate) fn without_commas(text: &str, offsets: &[usize]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &i in offsets {
        if bytes.get(i) == Some(&b',') {
            bytes[i] = b' ';
        }
    }
    // Only ASCII commas were replaced by ASCII spaces: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_before_a_closing_bracket_are_found_outside_strings() {
        let text = "{\n  \"a\": [1, 2,],\n  \"b\": \"x,}\",\n  \"c\": {\"d\": \"\\\",]\",\n  },\n}";
        let commas = trailing_commas(text);
        assert_eq!(commas.len(), 3, "{commas:?}");
        let index = crate::source::LineIndex::new("t.json".into(), text);
        let at = |offset: usize| {
            let l = index.location(text, offset);
            (l.line, l.column)
        };
        assert_eq!(at(commas[0]), (2, 13));
        assert_eq!(at(commas[1]), (4, 20));
        assert_eq!(at(commas[2]), (5, 4));
        let fixed = without_commas(text, &commas);
        assert_eq!(fixed.len(), text.len());
        let value: serde_json::Value = serde_json::from_str(&fixed).unwrap();
        assert_eq!(value["b"], "x,}");
        assert_eq!(value["c"]["d"], "\",]");
        assert_eq!(value["a"], serde_json::json!([1, 2]));
    }

    #[test]
    fn valid_json_has_none() {
        assert!(trailing_commas("{\"a\": [1, 2], \"b\": {\"c\": \"d,]\"}}").is_empty());
        assert!(trailing_commas("").is_empty());
        assert!(trailing_commas(",").is_empty());
    }
}
