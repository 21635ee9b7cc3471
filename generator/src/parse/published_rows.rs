//! Published text's flattened tables: recognizing a header line ("Property
//! Type Description") and splitting a row line back into its cells by rules
//! (a name word, a type phrase, a number, the rest), never by guessing: a row
//! the rules cannot split is an error the caller reports.

/// What a column holds, which decides how many words of a row it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColumnKind {
    /// A name: one word (two when the first ends with `:`, as in `Prefer: outlook.timezone`).
    Name,
    /// A permission type: one of the known phrases ("Delegated (work or school account)").
    PermissionType,
    /// A method or function name: the words before the return type.
    MethodName,
    /// A Type cell: a type phrase (`String`, `mobileApp collection`, `Collection(x)`, `String (identifier)`).
    Type,
    /// An integer value (enum members); empty when the row has none.
    Number,
    /// One word.
    Word,
    /// The rest of the line (always the last column).
    Rest,
}

/// Header phrases that may start a table, with the kind of their column.
const FIRST_PHRASES: &[(&str, ColumnKind)] = &[
    ("property", ColumnKind::Name),
    ("property name", ColumnKind::Name),
    ("relationship", ColumnKind::Name),
    ("relationship name", ColumnKind::Name),
    ("parameter", ColumnKind::Name),
    ("parameter name", ColumnKind::Name),
    ("query parameter", ColumnKind::Name),
    ("name", ColumnKind::Name),
    ("member", ColumnKind::Name),
    ("member name", ColumnKind::Name),
    ("enum value", ColumnKind::Name),
    ("header", ColumnKind::Name),
    ("value", ColumnKind::Name),
    ("permission type", ColumnKind::PermissionType),
    ("method", ColumnKind::MethodName),
    ("function", ColumnKind::MethodName),
];

/// Header phrases of the other columns.
const OTHER_PHRASES: &[(&str, ColumnKind)] = &[
    ("type", ColumnKind::Type),
    ("data type", ColumnKind::Type),
    ("value type", ColumnKind::Type),
    ("return type", ColumnKind::Type),
    ("value", ColumnKind::Number),
    ("int value", ColumnKind::Number),
    ("numeric value", ColumnKind::Number),
    ("description", ColumnKind::Rest),
    ("notes", ColumnKind::Rest),
    ("remarks", ColumnKind::Rest),
    ("required", ColumnKind::Word),
    ("required?", ColumnKind::Word),
    ("required (y/n)", ColumnKind::Word),
    ("permissions", ColumnKind::Rest),
    ("permission", ColumnKind::Rest),
    (
        "permissions (from least to most privileged)",
        ColumnKind::Rest,
    ),
    (
        "permissions (from most to least privileged)",
        ColumnKind::Rest,
    ),
];

/// The permission types a permissions row starts with.
pub(crate) const PERMISSION_TYPES: &[&str] = &[
    "Delegated (work or school account)",
    "Delegated (personal Microsoft account)",
    "Application",
    "Delegated",
];

/// Type words that are not camelCase identifiers but are types.
const TYPE_WORDS: &[&str] = &[
    "string",
    "boolean",
    "bool",
    "byte",
    "sbyte",
    "int",
    "integer",
    "long",
    "single",
    "double",
    "float",
    "decimal",
    "number",
    "date",
    "duration",
    "guid",
    "binary",
    "stream",
    "json",
    "object",
    "enumeration",
    "enum",
    "none",
    "void",
    "url",
    "uri",
];

/// A word of a line: its text and byte range in the line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words of a line, split at whitespace.
pub(crate) fn words(line: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    text: &line[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &line[s..],
            start: s,
            end: line.len(),
        });
    }
    out
}

/// A recognized header line: its cells (text and byte start) and what each column holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Header {
    /// The header cells: text and byte offset in the line.
    pub cells: Vec<(String, usize)>,
    /// What each column holds.
    pub kinds: Vec<ColumnKind>,
}

/// Reads a header line: every word must belong to a known header phrase,
/// the first phrase one that starts tables; two columns or more (or the
/// single `Member` column).
pub(crate) fn header(line: &str) -> Option<Header> {
    let ws = words(line);
    if ws.is_empty() || ws.len() > 16 {
        return None;
    }
    let mut cells = Vec::new();
    let mut kinds = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let table = if i == 0 { FIRST_PHRASES } else { OTHER_PHRASES };
        let mut found = None;
        for n in (1..=6.min(ws.len() - i)).rev() {
            let phrase = line[ws[i].start..ws[i + n - 1].end].to_lowercase();
            let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some((_, kind)) = table.iter().find(|(p, _)| *p == phrase) {
                found = Some((n, *kind, line[ws[i].start..ws[i + n - 1].end].to_owned()));
                break;
            }
        }
        let (n, kind, text) = found?;
        cells.push((text, ws[i].start));
        kinds.push(kind);
        i += n;
    }
    let single_member = kinds.len() == 1 && cells[0].0.eq_ignore_ascii_case("member");
    if kinds.len() < 2 && !single_member {
        return None;
    }
    if kinds.len() > 1 {
        if let Some(last) = kinds.last_mut() {
            *last = ColumnKind::Rest;
        }
    }
    Some(Header { cells, kinds })
}

/// Whether a word is an identifier that names a type: a primitive or type
/// word, a camelCase or dotted name, or a PascalCase name with an inner capital
/// or digit (`IdentitySet`, `Int32`); ordinary capitalized words (`The`) are not.
pub(crate) fn is_type_word(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || first == '_') || w.ends_with('.') {
        return false;
    }
    if !w
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        return false;
    }
    first.is_ascii_lowercase()
        || w.contains('.')
        || TYPE_WORDS.contains(&w.to_ascii_lowercase().as_str())
        || w.chars()
            .skip(1)
            .any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A primitive or type word (`string`, `int`, `boolean`), whatever its case.
pub(crate) fn is_primitive_word(word: &str) -> bool {
    TYPE_WORDS.contains(&word.to_ascii_lowercase().as_str())
        || [
            "int16",
            "int32",
            "int64",
            "datetimeoffset",
            "timeofday",
            "datetime",
        ]
        .contains(&word.to_ascii_lowercase().as_str())
}

/// `Event`, `Location`: an identifier starting with a capital.
fn is_capitalized_identifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// How many words starting at `at` make a type phrase, if they do.
pub(crate) fn type_phrase(ws: &[Word<'_>], at: usize) -> Option<usize> {
    let first = ws.get(at)?.text;
    let next_starts_sentence = || {
        ws.get(at + 1).is_none_or(|w| {
            w.text.eq_ignore_ascii_case("collection")
                || !w.text.starts_with(|c: char| c.is_lowercase())
        })
    };
    let mut n = if first.to_ascii_lowercase().starts_with("collection(") {
        // `Collection(x)`, possibly with spaces inside the parentheses.
        (0..4).find(|k| ws.get(at + k).is_some_and(|w| w.text.ends_with(')')))? + 1
    } else if is_type_word(first) || (is_capitalized_identifier(first) && next_starts_sentence()) {
        // A capitalized word (`Event`) is a type when a sentence or the end
        // of the row follows it; before a lower-case word it starts a
        // description (`The date …`) and the row has no type.
        1
    } else {
        return None;
    };
    if ws
        .get(at + n)
        .is_some_and(|w| w.text.eq_ignore_ascii_case("collection"))
        && !ws
            .get(at + n + 1)
            .is_some_and(|w| w.text.eq_ignore_ascii_case("of"))
    {
        n += 1;
    }
    // `JSON object`, `itemAnalytics resource`: the word belongs to the cell.
    if ws
        .get(at + n)
        .is_some_and(|w| w.text == "object" || w.text == "resource")
    {
        n += 1;
    }
    if ws.get(at + n).is_some_and(|w| is_note(w.text)) {
        n += 1;
    }
    // `a or b`: kept whole, so the Type cell reads as ambiguous as in markdown.
    if ws.get(at + n).is_some_and(|w| w.text == "or")
        && ws.get(at + n + 1).is_some_and(|w| is_type_word(w.text))
    {
        n += 2;
    }
    Some(n)
}

/// `(identifier)`, `(timestamp)`: a parenthesized lower-case note of a type.
fn is_note(word: &str) -> bool {
    let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) else {
        return false;
    };
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

/// Why a row could not be split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RowError {
    /// The column that could not be read.
    pub column: String,
    /// Byte offset in the line where reading failed.
    pub at: usize,
}

/// Splits a row line into one cell per header column: `(text, byte start)`.
/// Missing trailing cells are empty (at the end of the line); two spaces
/// between words mark an empty cell.
pub(crate) fn split_row(line: &str, header: &Header) -> Result<Vec<(String, usize)>, RowError> {
    let ws = words(line);
    let mut cells: Vec<(String, usize)> = Vec::with_capacity(header.kinds.len());
    let mut at = 0;
    // Empty cells still owed by a wide gap before word `at`.
    let mut empties = 0usize;
    let error = |column: usize, at: usize| RowError {
        column: header
            .cells
            .get(column)
            .map(|c| c.0.clone())
            .unwrap_or_default(),
        at: ws.get(at).map(|w| w.start).unwrap_or(line.len()),
    };
    for (column, kind) in header.kinds.iter().enumerate() {
        let here = ws.get(at).map(|w| w.start).unwrap_or(line.len());
        if at >= ws.len() {
            cells.push((String::new(), line.len()));
            continue;
        }
        if column > 0 && empties > 0 && *kind != ColumnKind::Rest {
            empties -= 1;
            cells.push((String::new(), here));
            continue;
        }
        let n = match kind {
            ColumnKind::Rest => ws.len() - at,
            ColumnKind::Name => {
                // A name starts with a letter, a digit or `@ _ $ #` (never a parenthesis or a quote).
                if !ws[at].text.starts_with(|c: char| {
                    c.is_alphanumeric() || matches!(c, '@' | '_' | '$' | '#')
                }) {
                    return Err(error(column, at));
                }
                if ws[at].text.ends_with(':') && at + 1 < ws.len() {
                    2
                } else {
                    1
                }
            }
            ColumnKind::Word => 1,
            ColumnKind::Number => usize::from(is_number(ws[at].text)),
            ColumnKind::Type => type_phrase(&ws, at).ok_or_else(|| error(column, at))?,
            ColumnKind::PermissionType => {
                permission_type(&ws, at, line).ok_or_else(|| error(column, at))?
            }
            ColumnKind::MethodName => method_name(&ws, at).ok_or_else(|| error(column, at))?,
        };
        if n == 0 {
            cells.push((String::new(), here));
            continue;
        }
        let last = &ws[at + n - 1];
        cells.push((line[ws[at].start..last.end].to_owned(), ws[at].start));
        at += n;
        empties = ws
            .get(at)
            .map(|next| gap(line, last.end, next.start))
            .unwrap_or(0);
    }
    Ok(cells)
}

/// Empty cells a gap between two words stands for: one per extra space.
fn gap(line: &str, from: usize, to: usize) -> usize {
    line.get(from..to)
        .map(|g| g.chars().filter(|c| *c == ' ').count().saturating_sub(1))
        .unwrap_or(0)
}

fn is_number(word: &str) -> bool {
    let w = word.trim_matches('`');
    let w = w.strip_prefix('-').unwrap_or(w);
    if let Some(hex) = w.strip_prefix("0x").or_else(|| w.strip_prefix("0X")) {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
}

/// A permission type: a known phrase, else (the workload rows some pages list
/// under a permission type, such as `Policy Set`) the words before the first
/// scope (`A.Read.All`) or "Not supported".
fn permission_type(ws: &[Word<'_>], at: usize, line: &str) -> Option<usize> {
    for phrase in PERMISSION_TYPES {
        let n = phrase.split_whitespace().count();
        let Some(last) = ws.get(at + n - 1) else {
            continue;
        };
        if line[ws[at].start..last.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .eq_ignore_ascii_case(phrase)
        {
            return Some(n);
        }
    }
    let is_scope = |w: &str| {
        let w = w.trim_end_matches(',');
        w.contains('.')
            && !w.ends_with('.')
            && w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
    };
    let first_value = (at..ws.len()).find(|&j| {
        is_scope(ws[j].text)
            || (ws[j].text == "Not"
                && ws
                    .get(j + 1)
                    .is_some_and(|w| w.text.starts_with("supported")))
    })?;
    (first_value > at && ws[at].text.starts_with(|c: char| c.is_alphabetic()))
        .then_some(first_value - at)
}

/// A method name: the words before the first type phrase that ends the row
/// or is followed by a capitalized word (the description).
fn method_name(ws: &[Word<'_>], at: usize) -> Option<usize> {
    (at + 1..ws.len()).find_map(|j| {
        let n = type_phrase(ws, j)?;
        let next = ws.get(j + n);
        next.is_none_or(|w| w.text.starts_with(|c: char| c.is_uppercase()))
            .then_some(j - at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str, header_line: &str) -> Vec<String> {
        let h = header(header_line).expect("a header");
        split_row(line, &h)
            .expect("splits")
            .into_iter()
            .map(|c| c.0)
            .collect()
    }

    #[test]
    fn headers_are_known_phrases() {
        let h = header("Permission type Permissions (from least to most privileged)").unwrap();
        assert_eq!(
            h.cells.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            [
                "Permission type",
                "Permissions (from least to most privileged)"
            ]
        );
        assert_eq!(
            header("Property name Type Description")
                .unwrap()
                .cells
                .len(),
            3
        );
        assert_eq!(header("Member").unwrap().kinds, [ColumnKind::Name]);
        assert!(header("Name").is_none());
        assert!(header("Property of the thing").is_none());
        assert!(header("The Type Description").is_none());
    }

    #[test]
    fn property_rows_with_multi_word_types_and_empty_descriptions() {
        let h = "Property Type Description";
        assert_eq!(
            texts("tags String collection The tags.", h),
            ["tags", "String collection", "The tags."]
        );
        assert_eq!(
            texts("apps mobileApp collection Apps. Read-only.", h),
            ["apps", "mobileApp collection", "Apps. Read-only."]
        );
        assert_eq!(
            texts("id String (identifier) Key.", h),
            ["id", "String (identifier)", "Key."]
        );
        assert_eq!(
            texts("x Collection(microsoft.graph.y) Ys.", h),
            ["x", "Collection(microsoft.graph.y)", "Ys."]
        );
        assert_eq!(texts("short Int32", h), ["short", "Int32", ""]);
        assert_eq!(
            texts("empty  The type is missing.", h),
            ["empty", "", "The type is missing."]
        );
        assert_eq!(
            texts("set IdentitySet Who.", h),
            ["set", "IdentitySet", "Who."]
        );
        let h = header(h).unwrap();
        assert!(split_row("broken The description only", &h).is_err());
        assert_eq!(
            texts(
                "events Event collection The events.",
                "Property Type Description"
            ),
            ["events", "Event collection", "The events."]
        );
        assert_eq!(
            texts("place Location Where.", "Property Type Description"),
            ["place", "Location", "Where."]
        );
        assert_eq!(
            texts("data JSON object Raw.", "Property Type Description"),
            ["data", "JSON object", "Raw."]
        );
    }

    #[test]
    fn permission_member_and_header_rows() {
        let h = "Permission type Permissions (from most to least privileged)";
        assert_eq!(
            texts("Delegated (work or school account) A.Read.All, B.Read", h),
            ["Delegated (work or school account)", "A.Read.All, B.Read"]
        );
        assert_eq!(
            texts("Delegated (personal Microsoft account) Not supported.", h),
            ["Delegated (personal Microsoft account)", "Not supported."]
        );
        assert_eq!(
            texts("Application A.Read.All", h),
            ["Application", "A.Read.All"]
        );
        assert_eq!(
            texts("Policy Set A.Read.All, B.Read", h),
            ["Policy Set", "A.Read.All, B.Read"]
        );
        assert!(split_row("Someone else reads", &header(h).unwrap()).is_err());
        assert_eq!(
            texts("first 0 The first.", "Member Value Description"),
            ["first", "0", "The first."]
        );
        assert_eq!(
            texts("second The second.", "Member Value Description"),
            ["second", "", "The second."]
        );
        assert_eq!(
            texts("Authorization Bearer {token}. Required.", "Header Value"),
            ["Authorization", "Bearer {token}. Required."]
        );
        assert_eq!(
            texts("Prefer: outlook.timezone Optional.", "Name Description"),
            ["Prefer: outlook.timezone", "Optional."]
        );
        assert_eq!(
            texts(
                "List users user collection Get users.",
                "Method Return Type Description"
            ),
            ["List users", "user collection", "Get users."]
        );
    }
}
