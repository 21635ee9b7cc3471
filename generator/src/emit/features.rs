//! Cargo features per workload, so a user compiles only what they use. Each
//! item, endpoint and generated test belongs to the workload the model gave
//! it (`core`, the foundation, for what several workloads share); every
//! workload's feature turns `core` on. A reference from one workload to
//! another (a navigation property, an endpoint's body) is compiled only when
//! both are on, so no feature turns on another beyond what is left
//! ungated.

use super::names::ItemKind;
use crate::ir::{Model, QualifiedName, FOUNDATION};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// What each workload feature needs, and look-ups of the workload the
/// model gave each item and endpoint.
#[derive(Clone, Debug, Default)]
pub struct Features<'m> {
    models: BTreeMap<&'m str, &'m Model>,
    /// Feature → the features it turns on.
    pub needs: BTreeMap<String, BTreeSet<String>>,
}

impl<'m> Features<'m> {
    /// Decides what each feature needs: the foundation, and the features
    /// of what its types refer to without a gate (their own or the
    /// foundation's, once the model has its foundation).
    pub fn new(models: &[&'m Model]) -> Features<'m> {
        let mut f = Features {
            models: models.iter().map(|m| (m.version.as_str(), *m)).collect(),
            needs: BTreeMap::new(),
        };
        for model in models {
            for workload in source_workloads(model) {
                f.add_needs(workload.to_owned(), BTreeSet::from([FOUNDATION.to_owned()]));
            }
            for t in model.types.values() {
                let own = t.workload.as_str();
                let needs = t
                    .properties
                    .iter()
                    .chain(&t.relationships)
                    .filter(|p| model.property_gate(own, &p.ty).is_none())
                    .filter_map(|p| model.workload_of(&p.ty).map(str::to_owned))
                    .collect();
                f.add_needs(own.to_owned(), needs);
            }
        }
        f
    }

    /// Records that `feature` turns on `needs` (itself left out).
    fn add_needs(&mut self, feature: String, mut needs: BTreeSet<String>) {
        needs.remove(&feature);
        self.needs.entry(feature).or_default().extend(needs);
    }

    /// The feature of an item.
    pub fn item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> &str {
        let Some(model) = self.models.get(version) else {
            return FOUNDATION;
        };
        let workload = match kind {
            ItemKind::Type => model.types.get(&name.key()).map(|t| &t.workload),
            ItemKind::Enum => model.enums.get(&name.key()).map(|e| &e.workload),
        };
        workload.map_or(FOUNDATION, String::as_str)
    }

    /// Every feature, the foundation included, sorted.
    pub fn all(&self) -> BTreeSet<&str> {
        let mut all: BTreeSet<&str> = self.needs.keys().map(String::as_str).collect();
        all.insert(FOUNDATION);
        all
    }
}

/// The workload of every item and endpoint, and of every page that
/// describes one: a workload whose items all went to the foundation
/// (`teamwork`'s one value type) stays a feature a user can name.
fn source_workloads(model: &Model) -> BTreeSet<&str> {
    let pages: BTreeMap<&str, &str> = model
        .pages
        .iter()
        .map(|p| (&*p.path, p.workload.as_str()))
        .collect();
    let mut out = BTreeSet::new();
    for t in model.types.values() {
        out.insert(t.workload.as_str());
        out.extend(t.sources.iter().filter_map(|s| pages.get(&*s.path)));
    }
    for e in model.enums.values() {
        out.insert(e.workload.as_str());
        out.extend(e.sources.iter().filter_map(|s| pages.get(&*s.source.path)));
    }
    for e in &model.endpoints {
        out.insert(e.workload.as_str());
    }
    out
}

/// `#[cfg(feature = "…")]`.
pub(crate) fn cfg(feature: &str) -> TokenStream {
    quote! { #[cfg(feature = #feature)] }
}

/// `#[cfg(feature = "…")]` when one feature, `#[cfg(all(…))]` when several;
/// the foundation left out beside another (each turns it on).
pub(crate) fn cfg_all(features: &BTreeSet<&str>) -> TokenStream {
    let predicate = all_predicate(features);
    quote! { #[cfg(#predicate)] }
}

/// `#[cfg(…)]` true when all features of any one of `sets` are on: a set
/// that holds another is left out, and `any` only when more than one is left.
pub(crate) fn cfg_any(sets: &BTreeSet<BTreeSet<&str>>) -> TokenStream {
    // A set: `{core, files}` and `{files}` reduce to the same predicate.
    let reduced: BTreeSet<BTreeSet<&str>> = sets.iter().map(without_foundation).collect();
    let minimal: Vec<&BTreeSet<&str>> = reduced
        .iter()
        .filter(|set| {
            !reduced
                .iter()
                .any(|other| other != *set && other.is_subset(set))
        })
        .collect();
    match minimal.as_slice() {
        [one] => cfg_all(one),
        _ => {
            let predicates = minimal.iter().map(|set| all_predicate(set));
            quote! { #[cfg(any(#(#predicates),*))] }
        }
    }
}

/// The features that decide: the foundation only when alone.
fn without_foundation<'a>(features: &BTreeSet<&'a str>) -> BTreeSet<&'a str> {
    let mut features = features.clone();
    if features.len() > 1 {
        features.remove(FOUNDATION);
    }
    features
}

/// `feature = "…"` or `all(feature = "…", …)`.
fn all_predicate(features: &BTreeSet<&str>) -> TokenStream {
    let features = without_foundation(features);
    match features.len() {
        1 => {
            let feature = features.iter().next().copied().unwrap_or_default();
            quote! { feature = #feature }
        }
        _ => quote! { all(#(feature = #features),*) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set<'a>(features: &[&'a str]) -> BTreeSet<&'a str> {
        features.iter().copied().collect()
    }

    #[test]
    fn cfg_any_keeps_only_the_sets_no_other_set_is_inside() {
        let sets = BTreeSet::from([
            set(&["mail"]),
            set(&["mail", "users"]),
            set(&["files", FOUNDATION]),
            set(&["files"]),
        ]);
        assert_eq!(
            cfg_any(&sets).to_string(),
            quote! { #[cfg(any(feature = "files", feature = "mail"))] }.to_string()
        );
    }

    #[test]
    fn cfg_any_of_one_set_is_that_sets_cfg_all() {
        let sets = BTreeSet::from([set(&["mail", "users"])]);
        assert_eq!(
            cfg_any(&sets).to_string(),
            cfg_all(&set(&["mail", "users"])).to_string()
        );
        let sets = BTreeSet::from([set(&[FOUNDATION])]);
        assert_eq!(cfg_any(&sets).to_string(), cfg(FOUNDATION).to_string());
    }
}
