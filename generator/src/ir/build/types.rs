//! Types: the facts of every page describing one type merged, properties resolved.

use super::bases::{pick_base, resolve_bases};
use super::keys::{add_unlisted_keys, alias_keys, Alias};
use super::resolve::Resolver;
use super::*;

/// Builds every type: the facts of each type (its aliases' and linked
/// request bodies' included) merged in parallel, then base types, unlisted
/// keys and request-only properties settled.
pub(super) fn build_types(
    model: &mut Model,
    all: &[&TypeFacts],
    page_types: &BTreeMap<String, String>,
    anonymous: &AnonymousEnums,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let resource_keys: BTreeSet<String> = all
        .iter()
        .filter(|f| f.origin == TypeOrigin::ResourcePage)
        .map(|f| key_of(&f.namespace, &f.name))
        .collect();
    let enum_keys: BTreeSet<&String> = model.enums.keys().collect();
    let aliases = alias_keys(all, &resource_keys, &enum_keys, diagnostics);
    let groups = group_facts(all, &aliases, &resource_keys, page_types);
    let known_types = known_types(&groups, &aliases);
    let resolver = Resolver {
        model,
        known_types: &known_types,
        anonymous,
    };
    let keys = annotated_keys(&groups);
    let merged = merge_groups(groups, &resolver);
    let mut names_by_type: BTreeMap<&String, Vec<String>> = BTreeMap::new();
    for alias in aliases.values() {
        names_by_type
            .entry(&alias.target)
            .or_default()
            .push(alias.spelling.clone());
    }
    let mut types = BTreeMap::new();
    let mut request_only = BTreeMap::new();
    for (key, mut def, added, found) in merged {
        diagnostics.extend(found);
        def.aliases = names_by_type.remove(&key).unwrap_or_default();
        def.aliases.sort();
        request_only.insert(key.clone(), added);
        types.insert(key, def);
    }
    model.types = types;
    resolve_bases(model, diagnostics);
    add_unlisted_keys(model, &keys, diagnostics);
    check_request_only(model, &request_only, diagnostics);
}

/// The facts of each type by its key: an alias's under the type it names,
/// a request body's that no resource page names under the type of the page
/// its link goes to.
fn group_facts<'f>(
    all: &[&'f TypeFacts],
    aliases: &BTreeMap<String, Alias>,
    resource_keys: &BTreeSet<String>,
    page_types: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<&'f TypeFacts>> {
    let mut groups: BTreeMap<String, Vec<&TypeFacts>> = BTreeMap::new();
    for facts in all {
        let key = key_of(&facts.namespace, &facts.name);
        let key = match aliases.get(&key) {
            Some(alias) => alias.target.clone(),
            None if !resource_keys.contains(&key) => facts
                .linked_page
                .as_ref()
                .and_then(|page| page_types.get(page))
                .cloned()
                .unwrap_or(key),
            None => key,
        };
        groups.entry(key).or_default().push(facts);
    }
    groups
}

/// Every type's name by key, its aliases' keys included: known before any
/// type is merged, so property types resolve against every type.
fn known_types(
    groups: &BTreeMap<String, Vec<&TypeFacts>>,
    aliases: &BTreeMap<String, Alias>,
) -> BTreeMap<String, QualifiedName> {
    let mut known: BTreeMap<String, QualifiedName> = groups
        .iter()
        .filter_map(|(k, v)| {
            let first = v.iter().min_by_key(|f| (f.origin, &f.location))?;
            Some((
                k.clone(),
                QualifiedName::new(first.namespace.clone(), first.name.clone()),
            ))
        })
        .collect();
    for (key, alias) in aliases {
        if let Some(name) = known.get(&alias.target).cloned() {
            known.entry(key.clone()).or_insert(name);
        }
    }
    known
}

/// The key each resource page's annotation names (`keyProperty`).
fn annotated_keys(
    groups: &BTreeMap<String, Vec<&TypeFacts>>,
) -> BTreeMap<String, (String, Location)> {
    groups
        .iter()
        .filter_map(|(key, facts)| {
            let named = facts
                .iter()
                .filter(|f| f.origin == TypeOrigin::ResourcePage)
                .min_by_key(|f| &f.location)?
                .key_property
                .clone()?;
            Some((key.clone(), named))
        })
        .collect()
}

/// A merged type: its key, its definition, the properties only a request
/// body lists, and what merging found.
type Merged = (String, TypeDef, Vec<String>, Vec<Diagnostic>);

/// Each type merged on its own (in parallel); results in key order.
fn merge_groups(groups: BTreeMap<String, Vec<&TypeFacts>>, resolver: &Resolver<'_>) -> Vec<Merged> {
    use rayon::prelude::*;
    let groups: Vec<(String, Vec<&TypeFacts>)> = groups.into_iter().collect();
    groups
        .into_par_iter()
        .map(|(key, mut facts)| {
            facts.sort_by(|a, b| (a.origin, &a.location).cmp(&(b.origin, &b.location)));
            let mut found = Vec::new();
            let (def, added) = merge_type(&facts, resolver, &mut found);
            (key, def, added, found)
        })
        .collect()
}

/// A property only a create/update page lists is fine when a base type has
/// it (the request table lists inherited properties too): it is then dropped
/// from the derived type. Otherwise it is reported and kept.
fn check_request_only(
    model: &mut Model,
    request_only: &BTreeMap<String, Vec<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (key, names) in request_only {
        if names.is_empty() {
            continue;
        }
        let inherited: BTreeSet<String> = match model.types.get(key) {
            Some(ty) => model
                .ancestors(ty)
                .iter()
                .flat_map(|t| t.properties.iter().chain(&t.relationships))
                .map(|p| p.name.to_ascii_lowercase())
                .collect(),
            None => continue,
        };
        let Some(ty) = model.types.get_mut(key) else {
            continue;
        };
        let owner = ty.name.name.clone();
        for name in names {
            if inherited.contains(&name.to_ascii_lowercase()) {
                ty.properties.retain(|p| &p.name != name);
                continue;
            }
            if let Some(p) = ty.properties.iter().find(|p| &p.name == name) {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        codes::PROPERTY_NOT_ON_RESOURCE,
                        p.source.clone(),
                        format!("`{name}` is not a property of `{owner}` on its resource page; the model adds it"),
                    )
                    .with_related(ty.sources[0].clone(), format!("the resource page of `{owner}`")),
                );
            }
        }
    }
}

/// Merges the facts of one type. Also returns the properties that only a
/// request-body table lists (checked against the base types later).
fn merge_type(
    facts: &[&TypeFacts],
    resolver: &Resolver<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (TypeDef, Vec<String>) {
    let mut added = Vec::new();
    let primary = facts[0];
    let mut def = TypeDef {
        // Set once the model is complete (`mark_placeholders`).
        placeholder: None,
        name: QualifiedName::new(primary.namespace.clone(), primary.name.clone()),
        base: None,
        description: String::new(),
        properties: Vec::new(),
        relationships: Vec::new(),
        open: facts.iter().any(|f| f.open),
        is_abstract: false,
        rust: RustName::default(),
        workload: String::new(),
        aliases: Vec::new(),
        sources: facts.iter().map(|f| f.location.clone()).collect(),
    };
    def.description = facts
        .iter()
        .map(|f| f.description.as_str())
        .find(|d| !d.is_empty())
        .unwrap_or("")
        .to_owned();
    for (i, f) in facts.iter().enumerate() {
        let from_secondary = i > 0
            && primary.origin == TypeOrigin::ResourcePage
            && f.origin == TypeOrigin::RequestBody;
        if i > 0 && f.origin == TypeOrigin::ResourcePage {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Info,
                    codes::TYPE_DESCRIBED_TWICE,
                    f.location.clone(),
                    format!(
                        "`{}` is also described on this page; the model merges its properties into those of the first page",
                        primary.name
                    ),
                )
                .with_related(primary.location.clone(), "first described here"),
            );
        }
        for (list, incoming) in [
            (&mut def.properties, &f.properties),
            (&mut def.relationships, &f.relationships),
        ] {
            for p in incoming {
                let prop = resolver.property(f, p, diagnostics);
                merge_property(
                    list,
                    prop,
                    &primary.name,
                    from_secondary,
                    &mut added,
                    diagnostics,
                );
            }
        }
    }
    // Base hints are resolved once every type is known; keep them for now.
    def.base = pick_base(facts, diagnostics);
    (def, added)
}

fn merge_property(
    list: &mut Vec<Property>,
    prop: Property,
    owner: &str,
    from_secondary: bool,
    added: &mut Vec<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(existing) = list
        .iter_mut()
        .find(|p| p.name.eq_ignore_ascii_case(&prop.name))
    else {
        if from_secondary {
            added.push(prop.name.clone());
        }
        list.push(prop);
        return;
    };
    if existing.source == prop.source {
        return;
    }
    if existing.ty != prop.ty && !matches!(prop.ty, TypeRef::Untyped(_)) {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                codes::PROPERTY_TYPE_CONFLICT,
                prop.source.clone(),
                format!(
                    "`{owner}.{}` is typed `{}` here but `{}` on the page the model follows",
                    prop.name,
                    prop.ty.docs_spelling(),
                    existing.ty.docs_spelling()
                ),
            )
            .with_related(
                existing.source.clone(),
                format!("typed `{}` here", existing.ty.docs_spelling()),
            ),
        );
    } else if existing.collection != prop.collection {
        diagnostics.push(
            Diagnostic::new(
                Severity::Warning,
                codes::PROPERTY_COLLECTION_CONFLICT,
                prop.source.clone(),
                format!(
                    "`{owner}.{}` is {} here but {} on the page the model follows",
                    prop.name,
                    if prop.collection {
                        "a collection"
                    } else {
                        "a single value"
                    },
                    if existing.collection {
                        "a collection"
                    } else {
                        "a single value"
                    }
                ),
            )
            .with_related(existing.source.clone(), "the model follows this row"),
        );
    }
    if existing.description.is_empty() {
        existing.description = prop.description;
    }
    existing.read_only = existing.read_only.or(prop.read_only);
    existing.nullable = existing.nullable.or(prop.nullable);
    existing.optional = existing.optional.or(prop.optional);
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::{Primitive, TypeRef};

    /// A create page whose request body is a [thing](../resources/`linked`)
    /// (link text `text`), with a Properties table of `rows`.
    fn create_page(text: &str, linked: &str, rows: &[&str]) -> String {
        let mut page = format!(
            "# Create thing\n\n## HTTP request\n\n```http\nPOST /things\n```\n\n## Request body\n\n\
             In the request body, supply a JSON representation of the [{text}](../resources/{linked}) object.\n\n\
             |Property|Type|Description|\n|:---|:---|:---|\n"
        );
        for row in rows {
            page.push_str(&format!("|{row}|\n"));
        }
        page
    }

    fn names(properties: &[crate::ir::Property]) -> Vec<&str> {
        properties.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn two_pages_of_one_type_merge_and_the_first_pages_row_wins() {
        let a = resource("thing", "", &["a|String|From page a."]);
        let b = resource(
            "thing",
            "",
            &["a|Int32|From page b.", "b|String|Only on b."],
        );
        let model = model_of(&[("resources/thing-a.md", &a), ("resources/thing-b.md", &b)]);
        let thing = type_named(&model, "thing");
        assert_eq!(names(&thing.properties), ["a", "b"]);
        assert_eq!(
            thing.properties[0].ty,
            TypeRef::Primitive(Primitive::String)
        );
        assert_eq!(thing.properties[0].description, "From page a.");
        assert_eq!(thing.sources.len(), 2);
        let conflict = with_code(&model, codes::PROPERTY_TYPE_CONFLICT);
        assert_eq!(conflict.len(), 1, "{conflict:?}");
        assert_eq!(&*conflict[0].source.path, "resources/thing-b.md");
        assert_eq!(&*conflict[0].related[0].source.path, "resources/thing-a.md");
        let twice = with_code(&model, codes::TYPE_DESCRIBED_TWICE);
        assert_eq!(twice.len(), 1, "{twice:?}");
        assert_eq!(&*twice[0].source.path, "resources/thing-b.md");
        assert_eq!(twice[0].severity, Severity::Info);
    }

    #[test]
    fn empty_descriptions_are_filled_from_a_later_page() {
        let a = resource("thing", "", &["a|String|", "c|String collection|Tags."]);
        let b = resource(
            "thing",
            "A thing, said on page b.",
            &["a|String|Said on b.", "c|String|Not a collection here."],
        );
        let model = model_of(&[("resources/thing-a.md", &a), ("resources/thing-b.md", &b)]);
        let thing = type_named(&model, "thing");
        assert_eq!(thing.description, "A thing, said on page b.");
        assert_eq!(thing.properties[0].description, "Said on b.");
        // A filled description is no conflict; a collection that is not one is.
        assert!(with_code(&model, codes::PROPERTY_TYPE_CONFLICT).is_empty());
        assert!(thing.properties[1].collection);
        let found = with_code(&model, codes::PROPERTY_COLLECTION_CONFLICT);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].source.path, "resources/thing-b.md");
    }

    #[test]
    fn a_create_page_only_property_is_dropped_when_a_base_has_it_and_otherwise_reported() {
        let base = resource(
            "thingBase",
            "",
            &["id|String|Key.", "displayName|String|Name."],
        );
        let thing = resource(
            "thing",
            "Inherits from [thingBase](thingbase.md).",
            &["size|Int32|How big."],
        );
        let create = create_page(
            "thing",
            "thing.md",
            &[
                "displayName|String|Name.",
                "size|Int32|How big.",
                "extra|String|Only here.",
            ],
        );
        let model = model_of(&[
            ("resources/thingbase.md", &base),
            ("resources/thing.md", &thing),
            ("api/thing-create.md", &create),
        ]);
        let thing = type_named(&model, "thing");
        assert_eq!(names(&thing.properties), ["size", "extra"]);
        let found = with_code(&model, codes::PROPERTY_NOT_ON_RESOURCE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`extra`"), "{}", found[0].message);
        assert_eq!(&*found[0].source.path, "api/thing-create.md");
        assert_eq!(&*found[0].related[0].source.path, "resources/thing.md");
    }

    #[test]
    fn a_request_body_whose_link_text_is_no_type_name_joins_the_linked_pages_type() {
        let tab = resource("teamsTab", "", &["name|String|Its name."]);
        let create = create_page(
            "tab",
            "teamstab.md",
            &["name|String|Its name.", "url|String|Where."],
        );
        let model = model_of(&[
            ("resources/teamstab.md", &tab),
            ("api/tab-create.md", &create),
        ]);
        assert!(!model.types.contains_key("microsoft.graph.tab"));
        let tab = type_named(&model, "teamsTab");
        assert_eq!(names(&tab.properties), ["name", "url"]);
        assert_eq!(tab.sources.len(), 2);
    }
}
