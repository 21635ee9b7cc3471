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
