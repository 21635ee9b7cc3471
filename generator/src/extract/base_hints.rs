//! Clues to a type's base type in a page's text: "Inherits from [x]"
//! sentences and "Inherited from [x]" notes in property descriptions.

use super::resource::unqualified;
use super::{BaseHint, BaseHintKind, PropertyFacts};
use regex::Regex;
use std::sync::OnceLock;

/// "Inherits from [x]" or "Inherited from [x]", linked or not.
fn inherited_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\binherit(?:ed|s)\s+from\s+(?:the\s+)?\[?([A-Za-z_][A-Za-z0-9_.]*)")
            .expect("valid regex")
    })
}

/// Base-type hints in a text, from "Inherits from [x]" or "Inherited from [x]".
fn inherited_names(text: &str) -> Vec<String> {
    inherited_re()
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| unqualified(m.as_str()))
        .collect()
}

/// "Inherits from", "derives from" or "derived from" a linked name.
fn inherits_link_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:inherits|derive[sd])\s+from\s+(?:the\s+)?\[(?:`|\*\*)?([A-Za-z_][A-Za-z0-9_.]*)(?:`|\*\*)?\]",
        )
        .expect("valid regex")
    })
}

/// Base types a paragraph's markdown names by link: "Inherits from
/// [x](link)" anywhere; "Derived from [x](link)" starting a sentence or after
/// a comma ("…, derived from [x]"); "is derived from [x]" and "derives from
/// [x]" when the sentence is about the page's own type (`own`: "The
/// **drive** resource is derived from [**baseItem**][baseItem]"), not about
/// something else ("the navigation property, which is derived from [x]").
/// Names may be bold or code; only linked names count.
pub(super) fn inherits_links(raw: &str, own: &[&str]) -> Vec<String> {
    inherits_link_re()
        .captures_iter(raw)
        .filter(|c| {
            let whole = c.get(0).expect("group 0 is the match");
            let phrase = whole.as_str().to_ascii_lowercase();
            if phrase.starts_with("inherits") {
                return true;
            }
            let before = &raw[..whole.start()];
            let sentence = before
                .rfind(". ")
                .map_or(before, |i| &before[i + 2..])
                .trim_start();
            let lead = sentence.trim_end().to_ascii_lowercase();
            let subject = lead.strip_suffix(" is").or_else(|| lead.strip_suffix("is"));
            match subject {
                // "…, which is derived from": about something else.
                Some(subject) => {
                    let subject = subject.trim_end();
                    !(subject.ends_with("which") || subject.ends_with("that"))
                        && names_own(subject, own)
                }
                None if phrase.starts_with("derives") => {
                    !(lead.ends_with("which") || lead.ends_with("that")) && names_own(&lead, own)
                }
                None => lead.is_empty() || lead.ends_with(','),
            }
        })
        .filter_map(|c| c.get(1))
        .map(|m| unqualified(m.as_str()))
        .collect()
}

/// Whether a (lower-cased) sentence start names one of `own` as a word,
/// bold or not.
fn names_own(lead: &str, own: &[&str]) -> bool {
    lead.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .any(|word| {
            own.iter()
                .any(|o| !o.is_empty() && word.eq_ignore_ascii_case(o))
        })
}

/// The base-type hints of properties' "Inherited from [x]" notes, in order.
pub(super) fn inherited_cell_hints<'a>(
    properties: impl IntoIterator<Item = &'a PropertyFacts>,
) -> Vec<BaseHint> {
    properties
        .into_iter()
        .flat_map(|p| {
            inherited_names(&p.description)
                .into_iter()
                .map(|name| BaseHint {
                    name,
                    kind: BaseHintKind::InheritedCell,
                    location: p.location.clone(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::inherits_links;

    #[test]
    fn every_phrasing_of_a_base_type_link_is_read() {
        for (raw, base) in [
            ("Inherits from [entity](entity.md).", "entity"),
            ("Derived from [place](place.md).", "place"),
            (
                "The **drive** resource is derived from [**baseItem**](baseitem.md) and inherits properties from that resource.",
                "baseItem",
            ),
            ("The **driveItem** is derived from [**baseItem**][baseItem].", "baseItem"),
            ("x derives from [`teamworkHostedContent`](t.md)", "teamworkHostedContent"),
            ("Inherits from [microsoft.graph.entity](entity.md).", "entity"),
            (
                "Used to create a mail threat assessment, derived from [threatAssessmentRequest](t.md).",
                "threatAssessmentRequest",
            ),
            ("A room. Derived from [place](place.md).", "place"),
        ] {
            assert_eq!(inherits_links(raw, &["x", "drive", "driveItem"]), [base], "{raw}");
        }
        // Not a link, not the phrase, or about something else: no base.
        for raw in [
            "Derived from place.",
            "Underived from [place](place.md).",
            "Inherits properties from [place](place.md).",
            "Used in the **extensions** navigation property, which is derived from the [extension](extension.md) abstract type.",
            "Its **value** is derived from [signIn](signin.md) data.",
            "Some values are computed or derived from [signIn](signin.md).",
        ] {
            assert!(inherits_links(raw, &["x", "drive"]).is_empty(), "{raw}");
        }
    }
}
