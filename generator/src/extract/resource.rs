//! Resource pages: `# x resource type` with Properties and Relationships tables.

use super::sections::Sections;
use super::tables::{enum_lists_from_properties, first_header, property_rows};
use super::type_cell::{split_qualified, TypeName};
use super::{BaseHint, BaseHintKind, MethodLink, PageFacts, TypeFacts, TypeOrigin};
use crate::parse::Block;
use regex::Regex;
use std::sync::OnceLock;

fn inherited_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `\b` in front is checked by `captures_at_word_start`.
        Regex::new(r"(?i)inherit(?:ed|s)\s+from\s+(?:the\s+)?\[?([A-Za-z_][A-Za-z0-9_.]*)")
            .expect("valid regex")
    })
}

/// Base-type hints in a text, from "Inherits from [x]" or "Inherited from [x]".
pub(crate) fn inherited_names(text: &str) -> Vec<String> {
    super::word_boundary::captures_at_word_start(inherited_re(), text)
        .filter_map(|c| c.get(1))
        .map(|m| unqualified(m.as_str()))
        .collect()
}

fn inherits_link_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // `\b` in front is checked by `captures_at_word_start`.
        Regex::new(
            r"(?i)(?:inherits|derive[sd])\s+from\s+(?:the\s+)?\[(?:`|\*\*)?([A-Za-z_][A-Za-z0-9_.]*)(?:`|\*\*)?\]",
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
pub(crate) fn inherits_links(raw: &str, own: &[&str]) -> Vec<String> {
    super::word_boundary::captures_at_word_start(inherits_link_re(), raw)
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

/// `microsoft.graph.x` → `x`.
pub(crate) fn unqualified(name: &str) -> String {
    match split_qualified(name.trim_end_matches('.')) {
        TypeName::Named { name, .. } => name,
        _ => name.to_owned(),
    }
}

pub(crate) fn extract_resource(sections: &Sections<'_>, facts: &mut PageFacts) {
    let page = sections.page;
    let resource_annotation = page.blocks.iter().find_map(|b| match b {
        Block::Code {
            annotation: Some(a),
            location,
            text,
            ..
        } if a.block_type == "resource" => Some((a, location, text)),
        _ => None,
    });
    let location = page
        .blocks
        .iter()
        .find(|b| matches!(b, Block::Heading { level: 1, .. }))
        .map(|b| b.location().clone())
        .unwrap_or_else(|| crate::source::Location::start_of(&page.path));
    let title = sections.title();
    let title_name = title
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches('`');
    let title_name = (!title_name.is_empty() && title.split_whitespace().count() > 1)
        .then(|| title_name.to_owned());
    let annotated = resource_annotation.and_then(|(a, location, _)| {
        let qualified = a.odata_type.as_deref()?.trim_start_matches('#');
        let wire = unqualified(qualified);
        let is_name = !wire.is_empty() && wire.chars().all(|c| c.is_alphanumeric() || c == '_');
        is_name.then_some((qualified, wire, location))
    });
    // The annotation's `@odata.type` is the name on the wire; the title is
    // prose and sometimes shortens it (`Chart` for `workbookChart`). Pages
    // that use the title's name still find the type through an alias.
    let mut aliases = Vec::new();
    let name = match (title_name, annotated) {
        (Some(titled), Some((_, wire, _))) if titled == wire => wire,
        (Some(titled), Some((_, wire, _))) if titled.eq_ignore_ascii_case(&wire) => {
            better_cased(titled, wire)
        }
        // "Configuring the invitation message": prose, not another name.
        (Some(_), Some((_, wire, _))) if !names_a_resource_type(title) => wire,
        (Some(titled), Some((qualified, wire, annotation_location))) => {
            facts.diagnostics.push(title_differs(
                &location,
                &titled,
                qualified,
                &wire,
                annotation_location,
            ));
            aliases.push(titled);
            wire
        }
        (Some(titled), None) => titled,
        (None, Some((_, wire, _))) => wire,
        (None, None) => match resource_annotation.and_then(|(_, _, text)| json_odata_type(text)) {
            Some(t) => unqualified(&t),
            None => page
                .path
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".md")
                .to_owned(),
        },
    };

    let mut base_hints = Vec::new();
    if let Some((a, loc, _)) = resource_annotation {
        if let Some(base) = &a.base_type {
            base_hints.push(BaseHint {
                name: unqualified(base),
                kind: BaseHintKind::Annotation,
                location: loc.clone(),
            });
        }
    }
    // The names a sentence about this page's own type uses.
    let own: Vec<&str> = std::iter::once(name.as_str())
        .chain(aliases.iter().map(String::as_str))
        .collect();
    let mut description = String::new();
    for block in sections.intro() {
        if let Block::Paragraph { content, location } = block {
            let text = &content.text;
            if text.starts_with("Namespace:") {
                continue;
            }
            for name in inherits_links(&content.raw, &own) {
                base_hints.push(BaseHint {
                    name,
                    kind: BaseHintKind::InheritsSentence,
                    location: location.clone(),
                });
            }
            let lower = text.to_ascii_lowercase();
            if description.is_empty()
                && !lower.starts_with("important")
                && !lower.starts_with("note")
                && !lower.starts_with("inherits from")
                && !lower.starts_with("derived from")
            {
                description = text.clone();
            }
        }
    }

    let mut properties = Vec::new();
    for block in sections.section("properties") {
        if let Block::Table { header, rows, .. } = block {
            let first = first_header(header);
            if first.starts_with("propert") || first == "name" {
                properties.extend(property_rows(header, rows, &mut facts.diagnostics));
            }
        }
    }
    let mut relationships = Vec::new();
    for block in sections.section("relationships") {
        if let Block::Table { header, rows, .. } = block {
            let first = first_header(header);
            if first.starts_with("relationship") || first.starts_with("propert") || first == "name"
            {
                relationships.extend(property_rows(header, rows, &mut facts.diagnostics));
            }
        }
    }
    for p in properties.iter().chain(&relationships) {
        for base in inherited_names(&p.description) {
            base_hints.push(BaseHint {
                name: base,
                kind: BaseHintKind::InheritedCell,
                location: p.location.clone(),
            });
        }
    }
    if let Some((_, location, text)) = resource_annotation {
        check_json_representation(
            &name,
            text,
            location,
            &properties,
            &relationships,
            &mut facts.diagnostics,
        );
    }
    facts.enums.extend(enum_lists_from_properties(
        &name,
        &facts.namespace,
        &properties,
    ));
    facts.types.push(TypeFacts {
        name,
        namespace: facts.namespace.clone(),
        origin: TypeOrigin::ResourcePage,
        description,
        base_hints,
        properties,
        relationships,
        open: resource_annotation.is_some_and(|(a, _, _)| a.open_type),
        key_property: resource_annotation
            .and_then(|(a, location, _)| a.key_property.clone().map(|k| (k, location.clone()))),
        aliases,
        linked_page: None,
        location,
    });
    facts.method_links = method_links(sections);
}

/// The links of the Methods section's tables: of each row, the first link
/// of its first cell that goes to a page of the docs folder
/// (`[Update user](../api/user-update.md)`).
fn method_links(sections: &Sections<'_>) -> Vec<MethodLink> {
    let mut out = Vec::new();
    for block in sections.section("methods") {
        let Block::Table { rows, .. } = block else {
            continue;
        };
        for row in rows {
            let Some(cell) = row.cells.first() else {
                continue;
            };
            let linked = cell.content.links.iter().find_map(|link| {
                let page = super::api::linked_page(&sections.page.path, &link.dest)?;
                Some(MethodLink {
                    text: link.text.clone(),
                    page,
                    location: cell.location.clone(),
                })
            });
            out.extend(linked);
        }
    }
    out
}

/// Of two spellings that differ only in case, the annotation's (the wire
/// name: `onenoteResource`, not the title's `OneNoteResource`), unless it has
/// lost the words' capitals (`orgcontact` for `orgContact`: the title's, its
/// first letter lower case) or starts with one where the title does not.
fn better_cased(titled: String, wire: String) -> String {
    let has_capital = |s: &str| s.bytes().any(|b| b.is_ascii_uppercase());
    let starts_capital = |s: &str| s.starts_with(|c: char| c.is_ascii_uppercase());
    if !has_capital(&wire) && has_capital(&titled) {
        let mut lowered = titled;
        if let Some(first) = lowered.get_mut(..1) {
            first.make_ascii_lowercase();
        }
        lowered
    } else if starts_capital(&wire) && !starts_capital(&titled) {
        titled
    } else {
        wire
    }
}

/// Whether a title reads `x resource type …`, naming the type it describes.
fn names_a_resource_type(title: &str) -> bool {
    let mut words = title.split_whitespace().skip(1);
    words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("resource"))
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("type"))
}

/// `type-name-differs`: the title and the annotation name the type differently.
fn title_differs(
    heading: &crate::source::Location,
    titled: &str,
    qualified: &str,
    wire: &str,
    annotation_location: &crate::source::Location,
) -> crate::diagnostics::Diagnostic {
    use crate::diagnostics::{codes, Diagnostic, Severity};
    Diagnostic::new(
        Severity::Info,
        codes::TYPE_NAME_DIFFERS,
        heading.clone(),
        format!(
            "the title calls this type `{titled}`, but its JSON representation says `{qualified}`: \
             the type is named `{wire}`, and `{titled}` is kept as another name for it"
        ),
    )
    .with_related(
        annotation_location.clone(),
        "the JSON representation, whose annotation gives `@odata.type`",
    )
}

/// The `"@odata.type"` of a JSON representation block, if it parses.
fn json_odata_type(text: &str) -> Option<String> {
    odata_type_of(text).map(|t| t.trim_start_matches('#').to_owned())
}

/// The `"@odata.type"` string of a JSON object, when `json` is a valid JSON
/// object that has one (read without building the whole document).
pub fn odata_type_of(json: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Typed {
        #[serde(rename = "@odata.type", default)]
        odata_type: Option<serde_json::Value>,
    }
    let typed: Typed = serde_json::from_str(json).ok()?;
    match typed.odata_type? {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    }
}

/// Keys of the JSON representation that no table lists.
fn check_json_representation(
    owner: &str,
    text: &str,
    location: &crate::source::Location,
    properties: &[super::PropertyFacts],
    relationships: &[super::PropertyFacts],
    diagnostics: &mut Vec<crate::diagnostics::Diagnostic>,
) {
    use crate::diagnostics::{codes, Diagnostic, Severity};
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    if properties.is_empty() {
        return;
    }
    let known: std::collections::BTreeSet<String> = properties
        .iter()
        .chain(relationships)
        .map(|p| p.name.to_ascii_lowercase())
        .collect();
    for (i, line) in text.lines().enumerate() {
        let Some(key) = line
            .trim_start()
            .strip_prefix('"')
            .and_then(|rest| rest.split('"').next())
        else {
            continue;
        };
        if key.starts_with('@')
            || !map.contains_key(key)
            || known.contains(&key.to_ascii_lowercase())
        {
            continue;
        }
        let column = 1 + line.len() - line.trim_start().len();
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            codes::JSON_REPRESENTATION_MISMATCH,
            location.offset_lines(i as u32, column as u32),
            format!("`{key}` is in the JSON representation of `{owner}` but in neither its Properties nor its Relationships table"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::{better_cased, inherits_links, names_a_resource_type};

    #[test]
    fn case_only_differences_keep_the_wire_spelling_unless_it_lost_its_capitals() {
        let pick = |titled: &str, wire: &str| better_cased(titled.to_owned(), wire.to_owned());
        assert_eq!(pick("IdentitySet", "identitySet"), "identitySet");
        assert_eq!(
            pick("OneNoteResource", "onenoteResource"),
            "onenoteResource"
        );
        assert_eq!(pick("SharePointIds", "sharepointIds"), "sharepointIds");
        assert_eq!(pick("Audio", "audio"), "audio");
        assert_eq!(pick("orgContact", "orgcontact"), "orgContact");
        assert_eq!(pick("IdentitySet", "identityset"), "identitySet");
        assert_eq!(pick("identitySet", "IdentitySet"), "identitySet");
    }

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

    #[test]
    fn the_methods_table_links_are_facts_of_the_resource_page() {
        let text = "# lamp resource type\n\n## Methods\n\n\
            | Method | Return type |\n|:--|:--|\n\
            | [Update lamp](../api/lamp-update.md) | [lamp](lamp.md) |\n\
            | **Group** | |\n\
            | [Get lamp][get] | [lamp](lamp.md) |\n\
            | [Elsewhere](https://example.com/x.md) | None |\n\n\
            ## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n\
            |id|String|Id.|\n\n[get]: ../api/Lamp-Get.md\n";
        let file = crate::source::SourceFile::new("v1.0/resources/lamp.md", text.to_owned());
        let facts = crate::extract::extract_page(&crate::parse::parse_page(&file));
        let links: Vec<(&str, &str, u32)> = facts
            .method_links
            .iter()
            .map(|l| (l.text.as_str(), l.page.as_str(), l.location.line))
            .collect();
        assert_eq!(
            links,
            [
                ("Update lamp", "v1.0/api/lamp-update.md", 7),
                ("Get lamp", "v1.0/api/lamp-get.md", 9),
            ]
        );
    }

    #[test]
    fn only_a_resource_type_title_names_a_type() {
        assert!(names_a_resource_type("Chart resource type"));
        assert!(names_a_resource_type(
            "openTypeExtension Resource Type (open extensions)"
        ));
        assert!(!names_a_resource_type("Configuring the invitation message"));
        assert!(!names_a_resource_type("Chart"));
    }
}
