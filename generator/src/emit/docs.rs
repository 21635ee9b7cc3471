//! Doc comments: one `#[doc]` attribute per line of text.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::Placeholder;

/// The words every doc line about a placeholder upstream left starts with;
/// stable, so reviewers and tools can search for it.
pub const UNDOCUMENTED_MARKER: &str = "Undocumented upstream:";

/// The doc text for a description: the text itself, or what is left of it
/// plus a marker line saying what upstream never documented and where.
pub(crate) fn describe(
    description: &str,
    placeholder: Option<&Placeholder>,
    what: &str,
    page: &str,
) -> String {
    match placeholder {
        None => description.to_owned(),
        Some(Placeholder::Todo { marker, rest }) => {
            let marker = format!("{UNDOCUMENTED_MARKER} the description of this {what} is the placeholder `{marker}` in `{page}`.");
            if rest.is_empty() {
                marker
            } else {
                format!("{rest}\n\n{marker}")
            }
        }
        Some(Placeholder::NotYetDocumented) => {
            format!("{UNDOCUMENTED_MARKER} the description of this {what} says \"Not yet documented\" in `{page}`.")
        }
        Some(Placeholder::Missing) => format!(
            "{UNDOCUMENTED_MARKER} the docs give no description of this {what} in `{page}`."
        ),
    }
}

/// Width at which description text is wrapped.
const WRAP: usize = 96;

/// The words of a paragraph; a `code span` with spaces stays one word, so a
/// line break never falls inside it.
fn words(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for word in paragraph.split_whitespace() {
        if open {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(word);
            }
        } else {
            out.push(word.to_owned());
        }
        if word.matches('`').count() % 2 == 1 {
            open = !open;
        }
    }
    out
}

/// Splits `text` into lines of at most [`WRAP`] characters (longer words stay whole).
pub(crate) fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in words(paragraph) {
            let word = word.as_str();
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// Removes what a doc comment must not hold: bidirectional-override
/// characters (a deny-by-default lint) and other control characters.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

fn attrs(text: &str, inner: bool) -> TokenStream {
    let lines = wrap(&clean(text)).into_iter().map(|line| {
        let line = if line.is_empty() {
            line
        } else {
            format!(" {line}")
        };
        if inner {
            quote! { #![doc = #line] }
        } else {
            quote! { #[doc = #line] }
        }
    });
    quote! { #(#lines)* }
}

/// Outer doc attributes (`///`) for `text`; `\n` starts a new paragraph line.
pub(crate) fn doc_attrs(text: &str) -> TokenStream {
    attrs(text, false)
}

/// Inner doc attributes (`//!`).
pub(crate) fn inner_doc_attrs(text: &str) -> TokenStream {
    attrs(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_long_text_and_keeps_paragraphs() {
        let long = "word ".repeat(40);
        let lines = wrap(&format!("{long}\n\nDocs: `x`"));
        assert!(lines.iter().all(|l| l.chars().count() <= WRAP));
        assert!(lines.len() >= 4);
        assert_eq!(lines.last().unwrap(), "Docs: `x`");
        assert_eq!(lines[lines.len() - 2], "");
        assert_eq!(clean("a\u{202E}b\u{2066}c\td"), "abc d");
        let lines = wrap(&format!("{} `POST /a/{{b}}/c` end", "w ".repeat(45)));
        assert!(
            lines.iter().any(|l| l.contains("`POST /a/{b}/c`")),
            "{lines:?}"
        );
    }
}
