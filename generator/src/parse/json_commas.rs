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

/// The 0-based line and 1-based column (in characters) of byte `offset`.
pub(crate) fn line_and_column(text: &str, offset: usize) -> (u32, u32) {
    // An offset inside a character counts from the character's start.
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u32, column as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_before_a_closing_bracket_are_found_outside_strings() {
        let text = "{\n  \"a\": [1, 2,],\n  \"b\": \"x,}\",\n  \"c\": {\"d\": \"\\\",]\",\n  },\n}";
        let commas = trailing_commas(text);
        assert_eq!(commas.len(), 3, "{commas:?}");
        assert_eq!(line_and_column(text, commas[0]), (1, 13));
        assert_eq!(line_and_column(text, commas[1]), (3, 20));
        assert_eq!(line_and_column(text, commas[2]), (4, 4));
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
