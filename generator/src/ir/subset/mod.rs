//! Generating a subset (`--include-path`, `--exclude-path`): a pure pass
//! from a model to the model of only the endpoints a [`PathFilter`] keeps
//! and the types and enums they reach, renamed, so that emission computes
//! names, features and tests on the subset. The docs' pages, placeholders
//! and diagnostics are kept whole: they describe the docs, not the crate.

mod filter;
mod reach;

pub use filter::{closest_paths, FlagGlob, PathFilter};
pub use reach::{reach, Reached};

use crate::ir::{Exchange, Model};

/// How many close paths an error shows.
const CLOSEST_SHOWN: usize = 5;

/// Why a subset could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubsetError {
    /// The first glob no endpoint path matches.
    pub glob: FlagGlob,
    /// The endpoint paths closest to it, closest first.
    pub closest: Vec<String>,
}

impl std::fmt::Display for SubsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} matches no endpoint path", self.glob)?;
        if !self.closest.is_empty() {
            write!(f, "; the closest are:")?;
            for path in &self.closest {
                write!(f, "\n  {path}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for SubsetError {}

/// The subset of `model` that `filter` keeps; an error when one of its
/// globs matches no endpoint.
pub fn subset(model: &Model, filter: &PathFilter) -> Result<Model, SubsetError> {
    Ok(subset_all(std::slice::from_ref(model), filter)?.remove(0))
}

/// The subset of every model that `filter` keeps; an error when one of its
/// globs matches no endpoint of any model (a glob may match in one API
/// version only).
pub fn subset_all(models: &[Model], filter: &PathFilter) -> Result<Vec<Model>, SubsetError> {
    let endpoints = || models.iter().flat_map(|m| &m.endpoints);
    let methods_and_paths = endpoints().map(|e| (e.method, e.path.as_str()));
    if let Some(glob) = filter.unmatched(methods_and_paths).into_iter().next() {
        let paths = endpoints().map(|e| e.path.as_str());
        let closest = closest_paths(&glob.glob, paths, CLOSEST_SHOWN);
        return Err(SubsetError { glob, closest });
    }
    Ok(models.iter().map(|m| prune(m, filter)).collect())
}

/// The model of the endpoints `filter` keeps, the types and enums they
/// reach, and the examples and exchanges left about them; renamed.
fn prune(model: &Model, filter: &PathFilter) -> Model {
    let kept: Vec<usize> = (0..model.endpoints.len())
        .filter(|&i| filter.keeps(model.endpoints[i].method, &model.endpoints[i].path))
        .collect();
    let reached = reach(model, kept.iter().map(|&i| &model.endpoints[i]));
    let mut out = Model {
        version: model.version.clone(),
        types: keep_keys(&model.types, &reached.types),
        enums: keep_keys(&model.enums, &reached.enums),
        endpoints: kept.iter().map(|&i| model.endpoints[i].clone()).collect(),
        pages: model.pages.clone(),
        todos: model.todos.clone(),
        diagnostics: model.diagnostics.clone(),
        ..Model::default()
    };
    keep_examples(model, &kept, &mut out);
    // Names depend on what else is named (collisions are numbered): decide
    // them again among what the subset keeps.
    super::names::name_items(&mut out);
    super::names::name_functions(&mut out);
    out
}

/// The entries of `map` whose keys are in `keys`.
fn keep_keys<T: Clone>(
    map: &std::collections::BTreeMap<String, T>,
    keys: &std::collections::BTreeSet<String>,
) -> std::collections::BTreeMap<String, T> {
    map.iter()
        .filter(|(k, _)| keys.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Into `out`: the examples of the kept endpoints' exchanges and those of
/// kept types, in their order, and the exchanges of the kept endpoints
/// (`kept`, indices into `model.endpoints`), their indices remapped.
fn keep_examples(model: &Model, kept: &[usize], out: &mut Model) {
    let endpoint_at = |old: usize| kept.binary_search(&old).ok();
    let exchanges: Vec<(usize, &Exchange)> = model
        .exchanges
        .iter()
        .filter_map(|x| Some((endpoint_at(x.endpoint)?, x)))
        .collect();
    let in_exchange: std::collections::BTreeSet<usize> = exchanges
        .iter()
        .flat_map(|(_, x)| [x.request, x.response])
        .collect();
    let mut example_at = std::collections::BTreeMap::new();
    for (old, example) in model.examples.iter().enumerate() {
        let of_kept_type = (example.ty.as_ref()).is_some_and(|t| out.types.contains_key(&t.key()));
        if of_kept_type || in_exchange.contains(&old) {
            example_at.insert(old, out.examples.len());
            out.examples.push(example.clone());
        }
    }
    out.exchanges = exchanges
        .into_iter()
        .map(|(endpoint, x)| Exchange {
            endpoint,
            request: example_at[&x.request],
            response: example_at[&x.response],
            ..x.clone()
        })
        .collect();
}

#[cfg(test)]
mod tests;
