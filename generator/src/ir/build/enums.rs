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
                    // Set once the model is complete (`mark_placeholders`).
                    placeholder: None,
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
        rust: RustName::default(),
        workload: String::new(),
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
