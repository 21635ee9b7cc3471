//! Resource pages: `# x resource type` with Properties and Relationships tables.

use super::base_hints::{inherited_cell_hints, inherits_links};
use super::sections::Sections;
use super::tables::{enum_lists_from_properties, first_header, property_rows};
use super::type_cell::{split_qualified, TypeName};
use super::{BaseHint, BaseHintKind, MethodLink, PageFacts, PropertyFacts, TypeFacts, TypeOrigin};
use crate::diagnostics::Diagnostic;
use crate::parse::{Annotation, Block, Page};
use crate::source::Location;

/// `microsoft.graph.x` → `x`.
pub(crate) fn unqualified(name: &str) -> String {
    match split_qualified(name.trim_end_matches('.')) {
        TypeName::Named { name, .. } => name,
        _ => name.to_owned(),
    }
}

/// A resource page's `resource` annotation: the annotation, where its code
/// block is, and the block's text (the JSON representation).
type ResourceAnnotation<'p> = (&'p Annotation, &'p Location, &'p String);

/// The type a resource page describes, with its tables, base-type hints and
/// the enums its "Possible values" sentences list; and the page's method links.
pub(crate) fn extract_resource(sections: &Sections<'_>, facts: &mut PageFacts) {
    let page = sections.page;
    let resource_annotation = resource_annotation(page);
    let location = title_location(page);
    let (name, aliases) = type_name(
        sections,
        resource_annotation,
        &location,
        &mut facts.diagnostics,
    );

    let mut base_hints: Vec<BaseHint> = annotation_base_hint(resource_annotation)
        .into_iter()
        .collect();
    // The names a sentence about this page's own type uses.
    let own: Vec<&str> = std::iter::once(name.as_str())
        .chain(aliases.iter().map(String::as_str))
        .collect();
    let description = read_intro(sections, &own, &mut base_hints);

    let properties = table_rows(sections, "properties", &mut facts.diagnostics, |first| {
        first.starts_with("propert") || first == "name"
    });
    let relationships = table_rows(sections, "relationships", &mut facts.diagnostics, |first| {
        first.starts_with("relationship") || first.starts_with("propert") || first == "name"
    });
    base_hints.extend(inherited_cell_hints(
        properties.iter().chain(&relationships),
    ));
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

/// The page's first code block annotated as `resource`.
fn resource_annotation(page: &Page) -> Option<ResourceAnnotation<'_>> {
    page.blocks.iter().find_map(|b| match b {
        Block::Code {
            annotation: Some(a),
            location,
            text,
            ..
        } if a.block_type == "resource" => Some((a, location, text)),
        _ => None,
    })
}

/// Where the page's `#` title is (the page's start when it has none).
fn title_location(page: &Page) -> Location {
    page.blocks
        .iter()
        .find(|b| matches!(b, Block::Heading { level: 1, .. }))
        .map(|b| b.location().clone())
        .unwrap_or_else(|| Location::start_of(&page.path))
}

/// The base type the annotation's `baseType` names.
fn annotation_base_hint(resource_annotation: Option<ResourceAnnotation<'_>>) -> Option<BaseHint> {
    let (a, location, _) = resource_annotation?;
    let base = a.base_type.as_ref()?;
    Some(BaseHint {
        name: unqualified(base),
        kind: BaseHintKind::Annotation,
        location: location.clone(),
    })
}

/// The name of the type a resource page describes, and other names pages use
/// for it. `location` is the title's; a title that names the type otherwise
/// than the annotation is reported there.
fn type_name(
    sections: &Sections<'_>,
    resource_annotation: Option<ResourceAnnotation<'_>>,
    location: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Vec<String>) {
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
            diagnostics.push(title_differs(
                location,
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
        (None, None) => unnamed_type_name(sections.page, resource_annotation),
    };
    (name, aliases)
}

/// The type's name when neither the title nor the annotation gives one: the
/// JSON representation's `@odata.type`, else the page's file name.
fn unnamed_type_name(page: &Page, resource_annotation: Option<ResourceAnnotation<'_>>) -> String {
    match resource_annotation.and_then(|(_, _, text)| json_odata_type(text)) {
        Some(t) => unqualified(&t),
        None => page
            .path
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".md")
            .to_owned(),
    }
}

/// Reads the paragraphs before the first section: adds the base types their
/// "Inherits from" links name to `base_hints`, and returns the first that
/// describes the type (no namespace line, aside or inheritance sentence).
/// `own` are the names of the page's type.
fn read_intro(sections: &Sections<'_>, own: &[&str], base_hints: &mut Vec<BaseHint>) -> String {
    let mut description = String::new();
    for block in sections.intro() {
        if let Block::Paragraph { content, location } = block {
            let text = &content.text;
            if text.starts_with("Namespace:") {
                continue;
            }
            for name in inherits_links(&content.raw, own) {
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
    description
}

/// The rows of a section's tables whose first header cell (lower case)
/// `accepts`.
fn table_rows(
    sections: &Sections<'_>,
    section: &str,
    diagnostics: &mut Vec<Diagnostic>,
    accepts: impl Fn(&str) -> bool,
) -> Vec<PropertyFacts> {
    let mut rows_read = Vec::new();
    for block in sections.section(section) {
        if let Block::Table { header, rows, .. } = block {
            if accepts(&first_header(header)) {
                rows_read.extend(property_rows(header, rows, diagnostics));
            }
        }
    }
    rows_read
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
    use super::{better_cased, names_a_resource_type};

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
