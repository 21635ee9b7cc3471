//! Base types: explicit hints first, "Inherited from" notes settled after every type is known.

use super::*;

/// Explicit hints (annotation, "Inherits from") win; otherwise the
/// "Inherited from" notes in property descriptions are candidates, settled in
/// [`resolve_bases`].
pub(super) fn pick_base(
    facts: &[&TypeFacts],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<QualifiedName> {
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
pub(super) fn resolve_bases(model: &mut Model, diagnostics: &mut Vec<Diagnostic>) {
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

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::QualifiedName;

    fn graph(name: &str) -> Option<QualifiedName> {
        Some(QualifiedName::new("microsoft.graph", name))
    }

    #[test]
    fn an_inherits_from_sentence_sets_the_base_in_the_base_pages_spelling() {
        let base = resource("thingBase", "", &["id|String|Key."]);
        let thing = resource(
            "thing",
            "A thing. Inherits from [ThingBase](thingbase.md).",
            &["size|Int32|How big."],
        );
        let model = model_of(&[
            ("resources/thingbase.md", &base),
            ("resources/thing.md", &thing),
        ]);
        assert_eq!(type_named(&model, "thing").base, graph("thingBase"));
        assert_eq!(type_named(&model, "thingBase").base, None);
        assert!(with_code(&model, codes::BASE_TYPE_CYCLE).is_empty());
    }

    #[test]
    fn a_type_said_to_inherit_from_itself_has_no_base() {
        let selfish = resource(
            "selfish",
            "Inherits from [selfish](selfish.md).",
            &["me|String|Itself."],
        );
        let model = model_of(&[("resources/selfish.md", &selfish)]);
        assert_eq!(type_named(&model, "selfish").base, None);
        let found = with_code(&model, codes::BASE_TYPE_CYCLE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn a_cycle_of_two_types_is_reported_on_each_and_ancestors_stop_at_it() {
        let a = resource("alpha", "Inherits from [beta](beta.md).", &["a|String|A."]);
        let b = resource("beta", "Inherits from [alpha](alpha.md).", &["b|String|B."]);
        let model = model_of(&[("resources/alpha.md", &a), ("resources/beta.md", &b)]);
        let alpha = type_named(&model, "alpha");
        assert_eq!(alpha.base, graph("beta"));
        assert_eq!(model.ancestors(alpha).len(), 1);
        let mut paths: Vec<&str> = with_code(&model, codes::BASE_TYPE_CYCLE)
            .iter()
            .map(|d| &*d.source.path)
            .collect();
        paths.sort();
        assert_eq!(paths, ["resources/alpha.md", "resources/beta.md"]);
    }

    #[test]
    fn of_conflicting_explicit_bases_the_annotation_wins_with_a_warning() {
        let mut thing = resource(
            "thing",
            "Inherits from [otherBase](otherbase.md).",
            &["size|Int32|How big."],
        );
        thing.push_str(
            "\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \
             \"baseType\": \"microsoft.graph.thingBase\"\n}-->\n```json\n{}\n```\n",
        );
        let model = model_of(&[
            (
                "resources/thingbase.md",
                &resource("thingBase", "", &["id|String|Key."]),
            ),
            (
                "resources/otherbase.md",
                &resource("otherBase", "", &["id|String|Key."]),
            ),
            ("resources/thing.md", &thing),
        ]);
        assert_eq!(type_named(&model, "thing").base, graph("thingBase"));
        let found = with_code(&model, codes::BASE_TYPE_CONFLICT);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("`otherBase`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn without_an_explicit_base_the_base_most_inherited_from_wins() {
        let thing = resource(
            "thing",
            "",
            &[
                "id|String|Key. Inherited from [entity](entity.md).",
                "name|String|Name. Inherited from [namedThing](namedthing.md).",
                "label|String|Label. Inherited from [namedThing](namedthing.md).",
            ],
        );
        let model = model_of(&[
            (
                "resources/entity.md",
                &resource("entity", "", &["id|String|Key."]),
            ),
            (
                "resources/namedthing.md",
                &resource("namedThing", "", &["name|String|Name."]),
            ),
            ("resources/thing.md", &thing),
        ]);
        assert_eq!(type_named(&model, "thing").base, graph("namedThing"));
        assert!(with_code(&model, codes::BASE_TYPE_CONFLICT).is_empty());
    }
}
