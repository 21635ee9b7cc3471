//! Enums: the lists of one enum merged, members tables before "Possible values" lists.

use super::*;

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

/// Builds every enum: named lists merged (a "Possible values" list naming
/// a type is no enum), then each `Enumeration` property's list matched to a
/// named enum or made an enum of its own. Returns which enum each such
/// property takes.
pub(super) fn build_enums(
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
    build_named(model, named, type_keys, diagnostics);
    let (resolved, synthesized) = resolve_anonymous(model, &anonymous, type_keys, diagnostics);
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

/// Merges the lists of each named enum, members tables first.
fn build_named(
    model: &mut Model,
    named: BTreeMap<String, Vec<&EnumFacts>>,
    type_keys: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
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
}

/// Lists of `Enumeration` properties to make enums of, by the new enum's key.
type Synthesized<'f> = BTreeMap<String, Vec<&'f EnumFacts>>;

/// Each `Enumeration` property's list: the named enum with the same
/// members (the first, with a warning, when several have them), else a new
/// enum named after the list, `Enum` appended while the name is taken.
fn resolve_anonymous<'f>(
    model: &Model,
    anonymous: &[&'f EnumFacts],
    type_keys: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (AnonymousEnums, Synthesized<'f>) {
    let mut resolved = AnonymousEnums::new();
    let mut synthesized = Synthesized::new();
    // Each named enum's member set, built once, in the model's order.
    let member_sets: Vec<(BTreeSet<String>, &EnumDef)> = model
        .enums
        .values()
        .map(|e| (lowercase_set(e.members.iter().map(|m| m.name.as_str())), e))
        .collect();
    for &facts in anonymous {
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
            [first, ..] => {
                diagnostics.push(ambiguous(facts, owner, property, &matches));
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
    (resolved, synthesized)
}

/// `anonymous-enum-ambiguous`: the values of `owner.property` match several
/// named enums; the first is taken.
fn ambiguous(facts: &EnumFacts, owner: &str, property: &str, matches: &[&EnumDef]) -> Diagnostic {
    let names: Vec<String> = matches
        .iter()
        .map(|e| format!("`{}`", e.name.name))
        .collect();
    let mut d = Diagnostic::new(
        Severity::Warning,
        codes::ANONYMOUS_ENUM_AMBIGUOUS,
        facts.location.clone(),
        format!(
            "`{owner}.{property}` is typed `Enumeration` and its values match several enums ({}); it was given `{}`",
            names.join(", "),
            matches[0].name.name
        ),
    );
    for other in &matches[1..] {
        if let Some(s) = other.sources.first() {
            d = d.with_related(
                s.source.clone(),
                format!("`{}` is defined here", other.name.name),
            );
        }
    }
    d
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
    let tables: Vec<&EnumFacts> = lists
        .iter()
        .copied()
        .filter(|l| l.origin == EnumOrigin::MembersTable)
        .collect();
    // With members tables, the model is their union (in order); without, the union of the prose lists.
    let taken: Vec<&EnumFacts> = if tables.is_empty() {
        lists.to_vec()
    } else {
        tables
    };
    let members = union_of_members(&taken, &first.name, diagnostics);
    let taken_at = taken
        .first()
        .map(|l| l.location.clone())
        .unwrap_or_else(|| first.location.clone());
    report_disagreeing_lists(lists, &members, &taken_at, diagnostics);
    let mut sources: Vec<EnumSource> = lists
        .iter()
        .map(|l| EnumSource {
            kind: match l.origin {
                EnumOrigin::MembersTable => EnumListKind::MembersTable,
                EnumOrigin::PossibleValues { .. } => EnumListKind::PossibleValues,
            },
            source: l.location.clone(),
        })
        .collect();
    sources.dedup();
    EnumDef {
        // Set once the model is complete (`mark_placeholders`).
        placeholder: None,
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
        flags: false,
        rust: RustName::default(),
        workload: String::new(),
    }
}

/// The members of `taken` lists, in order, each once: a value or a
/// description a later list gives fills one the first lacks, and a value
/// that disagrees is reported (`enum-value-conflict`).
fn union_of_members(
    taken: &[&EnumFacts],
    enum_name: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<EnumMember> {
    let mut members: Vec<EnumMember> = Vec::new();
    for list in taken {
        for m in &list.members {
            let Some(existing) = members.iter_mut().find(|x| x.name == m.name) else {
                members.push(EnumMember {
                    // Set once the model is complete (`mark_placeholders`).
                    placeholder: None,
                    name: m.name.clone(),
                    value: m.value,
                    description: m.description.clone(),
                    source: m.location.clone(),
                });
                continue;
            };
            if let (Some(a), Some(b)) = (existing.value, m.value) {
                if a != b {
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Warning,
                            codes::ENUM_VALUE_CONFLICT,
                            m.location.clone(),
                            format!(
                                "member `{}` of `{enum_name}` has value {b} here but {a} elsewhere; the model keeps {a}",
                                m.name
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
    }
    members
}

/// `enum-members-disagree` for every list whose members are not the
/// model's, saying what it lacks and adds.
fn report_disagreeing_lists(
    lists: &[&EnumFacts],
    members: &[EnumMember],
    taken_at: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let first = lists[0];
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
        if *taken_at != list.location {
            d = d.with_related(taken_at.clone(), "the model took this list");
        }
        for other in lists
            .iter()
            .filter(|l| l.location != list.location && l.location != *taken_at)
        {
            d = d.with_related(other.location.clone(), "another list of the same enum");
        }
        diagnostics.push(d);
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::{EnumListKind, Model, QualifiedName, TypeRef};

    /// An enum page with a `### name values` members table for each (name, members).
    fn enum_page(tables: &[(&str, &[&str])]) -> String {
        let mut page = "# Enum values\n\nNamespace: microsoft.graph\n".to_owned();
        for (name, members) in tables {
            page.push_str(&format!(
                "\n### {name} values\n\n|Member|Description|\n|:---|:---|\n"
            ));
            for m in *members {
                page.push_str(&format!("|{m}|A member.|\n"));
            }
        }
        page
    }

    fn member_names(model: &Model, key: &str) -> Vec<String> {
        let def = model
            .enums
            .get(key)
            .unwrap_or_else(|| panic!("no enum `{key}` in {:?}", model.enums.keys()));
        def.members.iter().map(|m| m.name.clone()).collect()
    }

    fn property_type(model: &Model, owner: &str, property: &str) -> TypeRef {
        let ty = type_named(model, owner);
        let p = ty.properties.iter().find(|p| p.name == property);
        p.unwrap_or_else(|| panic!("no `{owner}.{property}`"))
            .ty
            .clone()
    }

    #[test]
    fn a_members_table_beats_a_possible_values_list_that_disagrees_with_it() {
        let enums = enum_page(&[("thingState", &["on", "off", "paused"])]);
        let thing = resource(
            "thing",
            "",
            &["state|thingState|Possible values are: `on`, `off`, `broken`."],
        );
        let model = model_of(&[
            ("resources/enums.md", &enums),
            ("resources/thing.md", &thing),
        ]);
        assert_eq!(
            member_names(&model, "microsoft.graph.thingstate"),
            ["on", "off", "paused"]
        );
        let kinds: Vec<EnumListKind> = model.enums["microsoft.graph.thingstate"]
            .sources
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [EnumListKind::MembersTable, EnumListKind::PossibleValues]
        );
        let found = with_code(&model, codes::ENUM_MEMBERS_DISAGREE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].source.path, "resources/thing.md");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("lacks `paused`")
                && found[0].message.contains("adds `broken`"),
            "{}",
            found[0].message
        );
        assert_eq!(&*found[0].related[0].source.path, "resources/enums.md");
    }

    #[test]
    fn an_enumeration_property_matching_no_enum_gets_a_synthesized_enum() {
        let thing = resource(
            "thing",
            "",
            &["color|Enumeration|The possible values are `red`, `green` and `blue`."],
        );
        let model = model_of(&[("resources/thing.md", &thing)]);
        let def = &model.enums["microsoft.graph.thingcolor"];
        assert!(def.synthesized);
        assert_eq!(
            member_names(&model, "microsoft.graph.thingcolor"),
            ["red", "green", "blue"]
        );
        assert_eq!(
            property_type(&model, "thing", "color"),
            TypeRef::Enum(QualifiedName::new("microsoft.graph", "thingColor"))
        );
        let found = with_code(&model, codes::ANONYMOUS_ENUM);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn a_synthesized_name_taken_by_a_type_gets_an_enum_suffix() {
        let thing = resource(
            "thing",
            "",
            &["color|Enumeration|Possible values are: `red`, `blue`."],
        );
        let taken = resource("thingColor", "", &["hue|String|A hue."]);
        let model = model_of(&[
            ("resources/thing.md", &thing),
            ("resources/thingcolor.md", &taken),
        ]);
        assert!(!model.enums.contains_key("microsoft.graph.thingcolor"));
        assert!(model.enums["microsoft.graph.thingcolorenum"].synthesized);
        assert_eq!(
            property_type(&model, "thing", "color"),
            TypeRef::Enum(QualifiedName::new("microsoft.graph", "thingColorEnum"))
        );
    }

    #[test]
    fn an_enumeration_property_takes_the_named_enum_with_its_values_or_the_first_of_several() {
        let enums = enum_page(&[
            ("shade", &["Red", "Green"]),
            ("tint", &["red", "green"]),
            ("size", &["small", "large"]),
        ]);
        let thing = resource(
            "thing",
            "",
            &[
                "color|Enumeration|Possible values are: `red`, `green`.",
                "size|Enumeration|Possible values are: `large`, `small`.",
            ],
        );
        let model = model_of(&[
            ("resources/enums.md", &enums),
            ("resources/thing.md", &thing),
        ]);
        // One enum has the values (in another order): it is that enum.
        assert_eq!(
            property_type(&model, "thing", "size"),
            TypeRef::Enum(QualifiedName::new("microsoft.graph", "size"))
        );
        // Two have them (without case): the first in key order, with a warning.
        assert_eq!(
            property_type(&model, "thing", "color"),
            TypeRef::Enum(QualifiedName::new("microsoft.graph", "shade"))
        );
        let found = with_code(&model, codes::ANONYMOUS_ENUM_AMBIGUOUS);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`tint`"), "{}", found[0].message);
        assert!(model.enums.values().all(|e| !e.synthesized));
        assert!(with_code(&model, codes::ANONYMOUS_ENUM).is_empty());
    }

    #[test]
    fn possible_values_on_a_property_typed_as_a_complex_type_make_no_enum() {
        let thing = resource(
            "thing",
            "",
            &["fit|fitInfo|Possible values are: `tight`, `loose`."],
        );
        let info = resource("fitInfo", "", &["width|Int32|How wide."]);
        let model = model_of(&[
            ("resources/thing.md", &thing),
            ("resources/fitinfo.md", &info),
        ]);
        assert!(!model.enums.contains_key("microsoft.graph.fitinfo"));
        assert_eq!(
            property_type(&model, "thing", "fit"),
            TypeRef::Complex(QualifiedName::new("microsoft.graph", "fitInfo"))
        );
        let found = with_code(&model, codes::POSSIBLE_VALUES_ON_TYPE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].source.path, "resources/thing.md");
    }
}
