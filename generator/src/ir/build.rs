//! Merging page facts into a [`Model`].

use super::*;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::extract::paths::{literal_keys_as_params, parse_path, PathError, PathSegment};
use crate::extract::todos::TodoFacts;
use crate::extract::type_cell::{split_qualified, TypeCell, TypeName};
use crate::extract::{
    BaseHintKind, EndpointFacts, EnumFacts, EnumOrigin, PageFacts, PropertyFacts, TypeFacts,
    TypeOrigin,
};
use std::collections::{BTreeMap, BTreeSet};

/// Builds the model of one API version from the facts of its pages. The
/// result does not depend on the order of `pages`.
pub fn build_model(version: &str, mut pages: Vec<PageFacts>) -> Model {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let mut model = Model {
        version: version.to_owned(),
        ..Model::default()
    };
    let mut diagnostics = Vec::new();
    for page in &pages {
        diagnostics.extend(page.diagnostics.iter().cloned());
        let ms_prod = page.front_matter.as_ref().and_then(|f| f.get("ms.prod"));
        model.pages.push(PageInfo {
            path: page.path.clone(),
            kind: page.kind,
            title: page.title.clone(),
            workload: super::workload(&page.path, ms_prod),
        });
        let yields = !page.types.is_empty() || !page.enums.is_empty() || !page.endpoints.is_empty();
        if !yields && page.diagnostics.is_empty() {
            diagnostics.push(Diagnostic::new(
                Severity::Info,
                codes::PAGE_WITHOUT_MODEL,
                Location::start_of(&page.path),
                format!(
                    "this page ({}) defines no type, enum or endpoint the generator recognizes",
                    if page.title.is_empty() {
                        "untitled"
                    } else {
                        &page.title
                    }
                ),
            ));
        }
    }

    let all_enums: Vec<&EnumFacts> = pages.iter().flat_map(|p| &p.enums).collect();
    let all_types: Vec<&TypeFacts> = pages.iter().flat_map(|p| &p.types).collect();
    let type_keys: BTreeSet<String> = all_types
        .iter()
        .map(|t| key_of(&t.namespace, &t.name))
        .collect();
    let anonymous = build_enums(&mut model, &all_enums, &type_keys, &mut diagnostics);
    let page_types = page_types(&all_types);
    build_types(
        &mut model,
        &all_types,
        &page_types,
        &anonymous,
        &mut diagnostics,
    );
    build_endpoints(
        &mut model,
        &pages,
        &page_types,
        &anonymous,
        &mut diagnostics,
    );
    build_examples(&mut model, &pages);
    diagnostics.extend(super::examples::check_all_example_urls(&pages));
    let mut todos: Vec<TodoFacts> = pages.iter().flat_map(|p| p.todos.iter().cloned()).collect();
    let checked: Vec<_> = {
        use rayon::prelude::*;
        model
            .examples
            .par_iter()
            .map(|example| super::examples::check_example(&model, example))
            .collect()
    };
    for (found, placeholders) in checked {
        diagnostics.extend(found);
        todos.extend(placeholders);
    }
    diagnostics.extend(super::names_check::check_names(&model));
    todos.sort_by(|a, b| (&a.source, a.kind, &a.owner).cmp(&(&b.source, b.kind, &b.owner)));
    todos.dedup();
    model.todos = todos;

    diagnostics.sort();
    diagnostics.dedup();
    model.diagnostics = diagnostics;
    // The page facts are many small allocations: free them in parallel.
    {
        use rayon::prelude::*;
        pages.into_par_iter().for_each(drop);
    }
    model
}

/// The type each resource page describes, by the page's lower-case path, for
/// links whose text is no type name (`[tabs](../resources/teamstab.md)`):
/// the type's key, which is also its key in the model (a resource page's own
/// name is never an alias).
fn page_types(all: &[&TypeFacts]) -> BTreeMap<String, String> {
    let mut by_page = BTreeMap::new();
    for facts in all.iter().filter(|f| f.origin == TypeOrigin::ResourcePage) {
        by_page
            .entry(facts.location.path.to_ascii_lowercase())
            .or_insert_with(|| key_of(&facts.namespace, &facts.name));
    }
    by_page
}

/// Anonymous `Enumeration` properties: (owner key, property lowercase) → enum.
type AnonymousEnums = BTreeMap<(String, String), QualifiedName>;

fn origin_rank(origin: &EnumOrigin) -> u8 {
    match origin {
        EnumOrigin::MembersTable => 0,
        EnumOrigin::PossibleValues { .. } => 1,
    }
}

fn member_set(facts: &EnumFacts) -> BTreeSet<String> {
    lowercase_set(facts.members.iter().map(|m| m.name.as_str()))
}

/// Names compared without case: the lower-cased set.
fn lowercase_set<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_ascii_lowercase).collect()
}

fn build_enums(
    model: &mut Model,
    all: &[&EnumFacts],
    type_keys: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> AnonymousEnums {
    let mut named: BTreeMap<String, Vec<&EnumFacts>> = BTreeMap::new();
    let mut anonymous: Vec<&EnumFacts> = Vec::new();
    for facts in all {
        match &facts.origin {
            EnumOrigin::PossibleValues {
                anonymous: true, ..
            } => anonymous.push(facts),
            _ => named
                .entry(key_of(&facts.namespace, &facts.name))
                .or_default()
                .push(facts),
        }
    }
    for (key, mut lists) in named {
        // A "Possible values" sentence on a property whose type is a complex
        // type describes values inside it, not an enum: the type wins.
        if type_keys.contains(&key) && !lists.iter().any(|l| l.origin == EnumOrigin::MembersTable) {
            let first = lists.iter().map(|l| &l.location).min().cloned();
            if let Some(location) = first {
                diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    codes::POSSIBLE_VALUES_ON_TYPE,
                    location,
                    format!("a \"Possible values\" list names `{}`, which is a type, not an enum; the list was not made an enum", lists[0].name),
                ));
            }
            continue;
        }
        lists.sort_by(|a, b| {
            (origin_rank(&a.origin), &a.location).cmp(&(origin_rank(&b.origin), &b.location))
        });
        let def = merge_enum_lists(&lists, false, diagnostics);
        model.enums.insert(key, def);
    }

    // Resolve anonymous lists: equal member set to exactly one named enum → that enum.
    let mut resolved = AnonymousEnums::new();
    let mut synthesized: BTreeMap<String, Vec<&EnumFacts>> = BTreeMap::new();
    // Each named enum's member set, built once, in the model's order.
    let member_sets: Vec<(BTreeSet<String>, &EnumDef)> = model
        .enums
        .values()
        .map(|e| (lowercase_set(e.members.iter().map(|m| m.name.as_str())), e))
        .collect();
    for facts in anonymous {
        let EnumOrigin::PossibleValues {
            owner, property, ..
        } = &facts.origin
        else {
            continue;
        };
        let set = member_set(facts);
        let matches: Vec<&EnumDef> = member_sets
            .iter()
            .filter(|(members, _)| *members == set)
            .map(|(_, e)| *e)
            .collect();
        let owner_key = (
            key_of(&facts.namespace, owner),
            property.to_ascii_lowercase(),
        );
        match matches.as_slice() {
            [one] => {
                resolved.insert(owner_key, one.name.clone());
            }
            [first, rest @ ..] => {
                let mut d = Diagnostic::new(
                    Severity::Warning,
                    codes::ANONYMOUS_ENUM_AMBIGUOUS,
                    facts.location.clone(),
                    format!(
                        "`{owner}.{property}` is typed `Enumeration` and its values match several enums ({}); it was given `{}`",
                        matches.iter().map(|e| format!("`{}`", e.name.name)).collect::<Vec<_>>().join(", "),
                        first.name.name
                    ),
                );
                for other in rest {
                    if let Some(s) = other.sources.first() {
                        d = d.with_related(
                            s.source.clone(),
                            format!("`{}` is defined here", other.name.name),
                        );
                    }
                }
                diagnostics.push(d);
                resolved.insert(owner_key, first.name.clone());
            }
            [] => {
                let mut name = facts.name.clone();
                while model.enums.contains_key(&key_of(&facts.namespace, &name))
                    || type_keys.contains(&key_of(&facts.namespace, &name))
                {
                    name.push_str("Enum");
                }
                resolved.insert(
                    owner_key,
                    QualifiedName::new(facts.namespace.clone(), name.clone()),
                );
                synthesized
                    .entry(key_of(&facts.namespace, &name))
                    .or_default()
                    .push(facts);
            }
        }
    }
    for (key, lists) in synthesized {
        let mut def = merge_enum_lists(&lists, true, diagnostics);
        def.name.name = resolved
            .values()
            .find(|q| q.key() == key)
            .map(|q| q.name.clone())
            .unwrap_or(def.name.name);
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            codes::ANONYMOUS_ENUM,
            lists[0].location.clone(),
            format!(
                "this property is typed `Enumeration` and its values match no named enum; the enum `{}` was made up for it",
                def.name.name
            ),
        ));
        model.enums.insert(key, def);
    }
    resolved
}

/// Merges several lists of one enum. The first list (a members table when
/// there is one) is the one the model takes; every list that differs from it
/// is reported.
fn merge_enum_lists(
    lists: &[&EnumFacts],
    synthesized: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> EnumDef {
    let first = lists[0];
    let tables: Vec<&&EnumFacts> = lists
        .iter()
        .filter(|l| l.origin == EnumOrigin::MembersTable)
        .collect();
    let mut members: Vec<EnumMember> = Vec::new();
    // With members tables, the model is their union (in order); without, the union of the prose lists.
    let taken: Vec<&&EnumFacts> = if tables.is_empty() {
        lists.iter().collect()
    } else {
        tables
    };
    for list in &taken {
        for m in &list.members {
            match members.iter_mut().find(|x| x.name == m.name) {
                Some(existing) => {
                    if let (Some(a), Some(b)) = (existing.value, m.value) {
                        if a != b {
                            diagnostics.push(
                                Diagnostic::new(
                                    Severity::Warning,
                                    codes::ENUM_VALUE_CONFLICT,
                                    m.location.clone(),
                                    format!(
                                        "member `{}` of `{}` has value {b} here but {a} elsewhere; the model keeps {a}",
                                        m.name, first.name
                                    ),
                                )
                                .with_related(existing.source.clone(), format!("value {a} here")),
                            );
                        }
                    }
                    if existing.value.is_none() {
                        existing.value = m.value;
                    }
                    if existing.description.is_empty() {
                        existing.description = m.description.clone();
                    }
                }
                None => members.push(EnumMember {
                    name: m.name.clone(),
                    value: m.value,
                    description: m.description.clone(),
                    source: m.location.clone(),
                }),
            }
        }
    }
    let model_set = lowercase_set(members.iter().map(|m| m.name.as_str()));
    for list in lists {
        let set = member_set(list);
        if set == model_set {
            continue;
        }
        let missing: Vec<&str> = members
            .iter()
            .filter(|m| !set.contains(&m.name.to_ascii_lowercase()))
            .map(|m| m.name.as_str())
            .collect();
        let extra: Vec<&str> = list
            .members
            .iter()
            .filter(|m| !model_set.contains(&m.name.to_ascii_lowercase()))
            .map(|m| m.name.as_str())
            .collect();
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("lacks {}", quoted(&missing)));
        }
        if !extra.is_empty() {
            parts.push(format!("adds {}", quoted(&extra)));
        }
        let taken_at = taken
            .first()
            .map(|l| l.location.clone())
            .unwrap_or_else(|| first.location.clone());
        let mut d = Diagnostic::new(
            Severity::Warning,
            codes::ENUM_MEMBERS_DISAGREE,
            list.location.clone(),
            format!(
                "this list of `{}` members {} compared with the list the model took",
                first.name,
                parts.join(" and "),
            ),
        );
        if taken_at != list.location {
            d = d.with_related(taken_at.clone(), "the model took this list");
        }
        for other in lists
            .iter()
            .filter(|l| l.location != list.location && l.location != taken_at)
        {
            d = d.with_related(other.location.clone(), "another list of the same enum");
        }
        diagnostics.push(d);
    }
    let mut sources: Vec<EnumSource> = lists
        .iter()
        .map(|l| EnumSource {
            kind: match l.origin {
                EnumOrigin::MembersTable => "members-table",
                EnumOrigin::PossibleValues { .. } => "possible-values",
            },
            source: l.location.clone(),
        })
        .collect();
    sources.dedup();
    EnumDef {
        name: QualifiedName::new(first.namespace.clone(), first.name.clone()),
        description: lists
            .iter()
            .map(|l| l.description.as_str())
            .find(|d| !d.is_empty())
            .unwrap_or("")
            .to_owned(),
        members,
        sources,
        synthesized,
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn build_types(
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
    // First the names, so property types can be resolved against every type.
    let mut known_types: BTreeMap<String, QualifiedName> = groups
        .iter()
        .map(|(k, v)| {
            let first = v
                .iter()
                .min_by_key(|f| (f.origin, &f.location))
                .expect("non-empty group");
            (
                k.clone(),
                QualifiedName::new(first.namespace.clone(), first.name.clone()),
            )
        })
        .collect();
    for (key, alias) in &aliases {
        if let Some(name) = known_types.get(&alias.target).cloned() {
            known_types.entry(key.clone()).or_insert(name);
        }
    }
    let resolver = Resolver {
        model,
        known_types: &known_types,
        anonymous,
    };
    // The key each resource page's annotation names (`keyProperty`).
    let keys: BTreeMap<String, (String, Location)> = groups
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
        .collect();
    let mut types = BTreeMap::new();
    let mut request_only = BTreeMap::new();
    // Each type merges on its own (in parallel); results are taken in key order.
    let merged: Vec<_> = {
        use rayon::prelude::*;
        let groups: Vec<(String, Vec<&TypeFacts>)> = groups.into_iter().collect();
        groups
            .into_par_iter()
            .map(|(key, mut facts)| {
                facts.sort_by(|a, b| (a.origin, &a.location).cmp(&(b.origin, &b.location)));
                let mut found = Vec::new();
                let (def, added) = merge_type(&facts, &resolver, &mut found);
                (key, def, added, found)
            })
            .collect()
    };
    let mut names_by_type: BTreeMap<&String, Vec<String>> = BTreeMap::new();
    for alias in aliases.values() {
        names_by_type
            .entry(&alias.target)
            .or_default()
            .push(alias.spelling.clone());
    }
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

/// Adds the key a resource annotation names (`"keyProperty": "id"`) to a
/// type whose tables list it neither there nor on a base type (an entity
/// whose page leaves out the `id` every entity has), with an info
/// diagnostic. `id` is a string, as Graph's `entity.id` is; another name's
/// type is not known, so it is untyped JSON. A type whose base gets the
/// same key inherits it instead.
fn add_unlisted_keys(
    model: &mut Model,
    keys: &BTreeMap<String, (String, Location)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lists = |ty: &TypeDef, name: &str| {
        ty.properties
            .iter()
            .chain(&ty.relationships)
            .any(|p| p.name.eq_ignore_ascii_case(name))
    };
    let missing: BTreeMap<&String, &(String, Location)> = keys
        .iter()
        .filter(|(key, (name, _))| {
            model.types.get(*key).is_some_and(|ty| {
                !lists(ty, name) && !model.ancestors(ty).iter().any(|a| lists(a, name))
            })
        })
        .collect();
    let adds: Vec<(String, Property, Diagnostic)> = missing
        .iter()
        .filter(|(key, (name, _))| {
            let ty = &model.types[**key];
            !model.ancestors(ty).iter().any(|a| {
                missing
                    .get(&a.name.key())
                    .is_some_and(|(base_name, _)| base_name.eq_ignore_ascii_case(name))
            })
        })
        .map(|(key, (name, location))| {
            let ty_name = &model.types[*key].name.name;
            let (ty, spelled) = if name == "id" {
                (TypeRef::Primitive(Primitive::String), "a string")
            } else {
                // No Type cell to keep: Graph's own name for any JSON value.
                (TypeRef::Untyped("Json".to_owned()), "untyped JSON")
            };
            let property = Property {
                name: name.clone(),
                ty,
                collection: false,
                description: format!(
                    "The key of a `{ty_name}`: the page's resource annotation names it \
                     (`keyProperty`), but no table lists it."
                ),
                read_only: None,
                nullable: None,
                optional: None,
                source: location.clone(),
            };
            let diagnostic = Diagnostic::new(
                Severity::Info,
                codes::KEY_PROPERTY_NOT_LISTED,
                location.clone(),
                format!(
                    "the resource annotation of this JSON representation names `{name}` as the key of \
                     `{ty_name}` (`keyProperty`), but no table lists it, on this page or a base type's; \
                     the model adds `{name}` as {spelled}"
                ),
            );
            ((*key).clone(), property, diagnostic)
        })
        .collect();
    for (key, property, diagnostic) in adds {
        if let Some(ty) = model.types.get_mut(&key) {
            ty.properties.insert(0, property);
        }
        diagnostics.push(diagnostic);
    }
}

/// A name a resource page gives its type besides its own (see
/// [`TypeFacts::aliases`]) that pages may use for it.
struct Alias {
    /// The type's key.
    target: String,
    /// The type's name.
    target_name: String,
    /// The name as the page spells it.
    spelling: String,
}

/// The aliases that stand, by alias key: one that names an enum or another
/// resource page's type is dropped (Type cells that say it mean that), and
/// of two pages claiming one alias the first in path order keeps it. Each
/// dropped alias is an info diagnostic.
fn alias_keys(
    all: &[&TypeFacts],
    own: &BTreeSet<String>,
    enum_keys: &BTreeSet<&String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Alias> {
    let mut aliases: BTreeMap<String, Alias> = BTreeMap::new();
    for facts in all.iter().filter(|f| f.origin == TypeOrigin::ResourcePage) {
        for alias in &facts.aliases {
            let key = key_of(&facts.namespace, alias);
            let target = key_of(&facts.namespace, &facts.name);
            let taken = if own.contains(&key) {
                Some("a type of its own".to_owned())
            } else if enum_keys.contains(&key) {
                Some("an enum".to_owned())
            } else {
                aliases
                    .get(&key)
                    .filter(|a| a.target != target)
                    .map(|a| format!("the name another page gives `{}`", a.target_name))
            };
            match taken {
                Some(what) => diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    codes::TYPE_NAME_DIFFERS,
                    facts.location.clone(),
                    format!(
                        "the title's name `{alias}` is also {what}; pages that say `{alias}` do not mean `{}`",
                        facts.name
                    ),
                )),
                None => {
                    aliases.entry(key).or_insert_with(|| Alias {
                        target,
                        target_name: facts.name.clone(),
                        spelling: alias.clone(),
                    });
                }
            }
        }
    }
    aliases
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

struct Resolver<'a> {
    model: &'a Model,
    known_types: &'a BTreeMap<String, QualifiedName>,
    anonymous: &'a AnonymousEnums,
}

impl Resolver<'_> {
    fn resolve_in(
        &self,
        owner_namespace: &str,
        owner_name: &str,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let Some(TypeCell { name, .. }) = &p.type_cell else {
            return TypeRef::Untyped(p.type_text.clone());
        };
        match name {
            TypeName::Primitive(prim) => TypeRef::Primitive(*prim),
            TypeName::Enumeration => self
                .anonymous
                .get(&(
                    key_of(owner_namespace, owner_name),
                    p.name.to_ascii_lowercase(),
                ))
                .map(|q| TypeRef::Enum(q.clone()))
                .unwrap_or_else(|| TypeRef::Untyped(p.type_text.clone())),
            TypeName::Named { namespace, name } if is_any_json(namespace.as_deref(), name) => {
                TypeRef::Untyped(name.clone())
            }
            TypeName::Named { namespace, name } => {
                let mut candidates = Vec::new();
                if let Some(ns) = namespace {
                    candidates.push(key_of(ns, name));
                }
                candidates.push(key_of(owner_namespace, name));
                candidates.push(key_of(crate::extract::DEFAULT_NAMESPACE, name));
                for key in &candidates {
                    if let Some(e) = self.model.enums.get(key) {
                        return TypeRef::Enum(e.name.clone());
                    }
                    if let Some(t) = self.known_types.get(key) {
                        return TypeRef::Complex(t.clone());
                    }
                }
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::UNRESOLVED_TYPE,
                    p.type_location.clone(),
                    format!(
                        "`{}.{}` has type `{name}`, which no page in this docs tree defines; it is typed as untyped JSON",
                        owner_name, p.name
                    ),
                ));
                TypeRef::Untyped(name.clone())
            }
        }
    }

    fn property(
        &self,
        owner: &TypeFacts,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Property {
        self.property_in(&owner.namespace, &owner.name, p, diagnostics)
    }

    fn property_in(
        &self,
        namespace: &str,
        owner: &str,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Property {
        Property {
            name: p.name.clone(),
            ty: self.resolve_in(namespace, owner, p, diagnostics),
            collection: p.type_cell.as_ref().map(|c| c.collection).unwrap_or(false),
            description: p.description.clone(),
            read_only: p.read_only,
            nullable: p.nullable,
            optional: p.optional,
            source: p.location.clone(),
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
        name: QualifiedName::new(primary.namespace.clone(), primary.name.clone()),
        base: None,
        description: String::new(),
        properties: Vec::new(),
        relationships: Vec::new(),
        open: facts.iter().any(|f| f.open),
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

/// Explicit hints (annotation, "Inherits from") win; otherwise the
/// "Inherited from" notes in property descriptions are candidates, settled in
/// [`resolve_bases`].
fn pick_base(facts: &[&TypeFacts], diagnostics: &mut Vec<Diagnostic>) -> Option<QualifiedName> {
    let primary = facts[0];
    let hints: Vec<_> = facts
        .iter()
        .flat_map(|f| f.base_hints.iter().map(move |h| (f, h)))
        .collect();
    let explicit: Vec<_> = hints
        .iter()
        .filter(|(_, h)| h.kind != BaseHintKind::InheritedCell)
        .collect();
    let chosen = if let Some((f, h)) = explicit.first() {
        for (_, other) in &explicit[1..] {
            if !other.name.eq_ignore_ascii_case(&h.name) {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        codes::BASE_TYPE_CONFLICT,
                        other.location.clone(),
                        format!(
                            "`{}` inherits from `{}` here but from `{}` elsewhere; the model keeps `{}`",
                            primary.name, other.name, h.name, h.name
                        ),
                    )
                    .with_related(h.location.clone(), format!("inherits from `{}` here", h.name)),
                );
            }
        }
        Some((f.namespace.clone(), h.name.clone(), h.location.clone()))
    } else {
        // Candidates from cells; the most derived one is settled later. Keep the
        // candidate named most often; ties by name.
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, h) in &hints {
            *counts.entry(h.name.clone()).or_default() += 1;
        }
        let best = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(n, _)| n.clone());
        best.and_then(|n| {
            hints
                .iter()
                .find(|(_, h)| h.name == n)
                .map(|(f, h)| (f.namespace.clone(), n.clone(), h.location.clone()))
        })
    };
    let (namespace, name, location) = chosen?;
    if name.eq_ignore_ascii_case(&primary.name) {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            codes::BASE_TYPE_CYCLE,
            location,
            format!(
                "`{}` is said to inherit from itself; the base type was dropped",
                primary.name
            ),
        ));
        return None;
    }
    Some(QualifiedName::new(namespace, name))
}

/// Settles base types: spelling from the model, "Inherited from" candidates
/// narrowed to the most derived one, cycles broken with a diagnostic.
fn resolve_bases(model: &mut Model, diagnostics: &mut Vec<Diagnostic>) {
    let keys: Vec<String> = model.types.keys().cloned().collect();
    let known_types = model.type_keys();
    for key in &keys {
        let base = model.types[key].base.clone();
        if let Some(base) = base {
            let found = known_types
                .get(&base.key())
                .or_else(|| known_types.get(&key_of(crate::extract::DEFAULT_NAMESPACE, &base.name)))
                .cloned();
            if let Some(found) = found {
                model.types.get_mut(key).expect("key exists").base = Some(found);
            }
        }
    }
    for key in &keys {
        let ty = &model.types[key];
        let mut seen = BTreeSet::from([key.clone()]);
        let mut current = ty.base.clone();
        while let Some(b) = current {
            if !seen.insert(b.key()) {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::BASE_TYPE_CYCLE,
                    ty.sources[0].clone(),
                    format!(
                        "the base types of `{}` loop back on themselves (through `{}`); inherited properties stop at the loop",
                        ty.name.name, b.name
                    ),
                ));
                break;
            }
            current = model.types.get(&b.key()).and_then(|t| t.base.clone());
        }
    }
}

fn build_endpoints(
    model: &mut Model,
    pages: &[PageFacts],
    page_types: &BTreeMap<String, String>,
    anonymous: &AnonymousEnums,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let known_types = model.type_keys();
    use rayon::prelude::*;
    let all: Vec<&crate::extract::EndpointFacts> =
        pages.iter().flat_map(|page| &page.endpoints).collect();
    // Paths are read in parallel; which endpoint of a method and path shape
    // is kept is decided after (`keep_one_per_endpoint`).
    // A GUID written into the path is read as the parameter it stands for.
    let parsed: Vec<_> = all
        .par_iter()
        .map(|e| {
            let (path, keys) = literal_keys_as_params(&e.path)
                .map_or((None, Vec::new()), |(path, keys)| (Some(path), keys));
            let parsed = parse_path(path.as_deref().unwrap_or(&e.path))
                .map(|(segments, query)| PathTemplate::new(segments, query));
            (path, keys, parsed)
        })
        .collect();
    // Request lines of one method and path shape, in page order.
    let mut groups: LineGroups<'_> = BTreeMap::new();
    for (e, (path, keys, parsed)) in all.iter().zip(parsed) {
        for k in &keys {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_LITERAL_KEY,
                e.location.clone(),
                format!(
                    "`{} {}` writes the ID `{}` where a parameter belongs; it is read as `{{{}}}`",
                    e.method, e.path, k.written, k.param
                ),
            ));
        }
        match parsed {
            Ok(parsed) => {
                let key = (path_shape(path.as_deref().unwrap_or(&e.path)), e.method);
                groups.entry(key).or_default().push((*e, path, parsed));
            }
            Err(PathError(reason)) => diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_UNREADABLE,
                e.location.clone(),
                format!("{reason}; this request line was skipped"),
            )),
        }
    }
    let lookup = model.type_lookup();
    let kept = keep_one_per_endpoint(model, &lookup, pages, page_types, groups, diagnostics);
    let built: Vec<(Endpoint, Vec<Diagnostic>)> = {
        let resolver = Resolver {
            model,
            known_types: &known_types,
            anonymous,
        };
        kept.into_par_iter()
            .map(|(e, path, template)| {
                let mut found = Vec::new();
                let owner = e.title.clone();
                // Several tables may list the same field: the first row wins.
                let mut body_parameters: Vec<Property> = Vec::new();
                for p in &e.body_parameters {
                    if body_parameters
                        .iter()
                        .any(|b| b.name.eq_ignore_ascii_case(&p.name))
                    {
                        continue;
                    }
                    body_parameters.push(resolver.property_in(
                        crate::extract::DEFAULT_NAMESPACE,
                        &owner,
                        p,
                        &mut found,
                    ));
                }
                // A body type by its name, else by the page its link goes to.
                let find = |name: &Option<String>, page: &Option<String>| {
                    super::duplicates::body_type(
                        model,
                        &lookup,
                        page_types,
                        name.as_deref(),
                        page.as_deref(),
                    )
                };
                let endpoint = Endpoint {
                    method: e.method,
                    path: path.unwrap_or_else(|| e.path.clone()),
                    title: e.title.clone(),
                    template,
                    request_body: e.request_body.clone(),
                    request_body_type: find(&e.request_body, &e.request_page),
                    body_parameters,
                    query_parameters: e.query_parameters.clone(),
                    headers: e.headers.clone(),
                    response: ResponseDef {
                        status: e.response_status,
                        ty: e.response_type.clone(),
                        resolved: find(&e.response_type, &e.response_page),
                        collection: e.response_collection,
                    },
                    permissions: e.permissions.clone(),
                    alias_of: None,
                    source: e.location.clone(),
                };
                (endpoint, found)
            })
            .collect()
    };
    let mut endpoints = Vec::with_capacity(built.len());
    for (endpoint, found) in built {
        endpoints.push(endpoint);
        diagnostics.extend(found);
    }
    endpoints.sort_by(|a, b| (&a.path, &a.method, &a.source).cmp(&(&b.path, &b.method, &b.source)));
    link_me_aliases(&mut endpoints);
    model.endpoints = endpoints;
}

/// A readable request line: its facts, its path with any GUID read as a
/// parameter, and the path as read.
type ReadLine<'p> = (&'p EndpointFacts, Option<String>, PathTemplate);

/// Readable request lines by path shape and method, in page order.
type LineGroups<'p> = BTreeMap<(String, HttpMethod), Vec<ReadLine<'p>>>;

/// Of each group of request lines with one method and path shape, the one
/// the model follows (see [`super::duplicates`]), with a `duplicate-endpoint`
/// diagnostic for each other one and an `http-request-unreadable` one for
/// each piece of its query that is no `name=value` pair.
fn keep_one_per_endpoint<'p>(
    model: &Model,
    lookup: &TypeLookup<'_>,
    pages: &[PageFacts],
    page_types: &BTreeMap<String, String>,
    groups: LineGroups<'p>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ReadLine<'p>> {
    let chooser = super::duplicates::Chooser::new(model, lookup, pages, page_types);
    let mut kept = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        let winner = if group.len() == 1 {
            0
        } else {
            let facts: Vec<&EndpointFacts> = group.iter().map(|(e, _, _)| *e).collect();
            let (winner, found) = chooser.choose(&facts);
            diagnostics.extend(found);
            winner
        };
        let (e, path, template) = group.swap_remove(winner);
        for piece in &template.query.unreadable {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_UNREADABLE,
                e.location.clone(),
                format!(
                    "`{piece}` in the query of `{} {}` is not a `name=value` pair; the endpoint function leaves it out",
                    e.method, e.path
                ),
            ));
        }
        kept.push((e, path, template));
    }
    kept
}

/// `/me/x` is `/users/{id}/x` for the signed-in user: record which endpoint
/// each `/me` path is an alias of.
fn link_me_aliases(endpoints: &mut [Endpoint]) {
    let shape = |segments: &[PathSegment]| -> Vec<Option<String>> {
        segments
            .iter()
            .map(|s| {
                if s.is_param() {
                    None
                } else {
                    Some(format!("{:?}", s.parts))
                }
            })
            .collect()
    };
    let users: BTreeMap<(HttpMethod, Vec<Option<String>>), String> = endpoints
        .iter()
        .filter(|e| {
            let segments = &e.template.segments;
            segments.first().and_then(|s| s.literal()) == Some("users")
                && segments.get(1).is_some_and(|s| s.is_param())
        })
        .map(|e| ((e.method, shape(&e.template.segments[2..])), e.path.clone()))
        .collect();
    for e in endpoints.iter_mut() {
        let segments = &e.template.segments;
        if segments.first().and_then(|s| s.literal()) == Some("me") {
            e.alias_of = users.get(&(e.method, shape(&segments[1..]))).cloned();
        }
    }
}

fn build_examples(model: &mut Model, pages: &[PageFacts]) {
    let lookup = model.type_lookup();
    let mut examples = Vec::new();
    for page in pages {
        let request_body = page.endpoints.iter().find_map(|e| e.request_body.clone());
        let mut last_request_name: Option<String> = None;
        for ex in &page.examples {
            // A response without a name answers the request before it.
            let name = match ex.kind {
                crate::extract::ExampleKind::Request => {
                    last_request_name = ex.name.clone();
                    ex.name.clone()
                }
                crate::extract::ExampleKind::Response => {
                    ex.name.clone().or_else(|| last_request_name.clone())
                }
            };
            let body_type = ex.body.as_deref().and_then(crate::extract::odata_type_of);
            let named = body_type.or_else(|| ex.odata_type.clone()).or_else(|| {
                (ex.kind == crate::extract::ExampleKind::Request)
                    .then(|| request_body.clone())
                    .flatten()
            });
            let ty = named.and_then(|n| match split_qualified(&n) {
                TypeName::Named { namespace, name } => lookup
                    .find(namespace.as_deref(), &name)
                    .map(|t| t.name.clone()),
                _ => None,
            });
            examples.push(Example {
                kind: ex.kind,
                name,
                ty,
                collection: ex.is_collection,
                first_line: ex.first_line.clone(),
                body: ex.body.clone(),
                source: ex.body_location.clone(),
            });
        }
    }
    model.examples.extend(examples);
}
