//! Which API version of the old docs is compared with which version of the
//! new docs.

use crate::ir::Model;

/// The models of two docs trees, paired for comparison.
#[derive(Debug)]
pub struct VersionPairs<'m> {
    /// `(old, new)` pairs to diff, in the new side's order.
    pub pairs: Vec<(&'m Model, &'m Model)>,
    /// Versions of the old side that nothing on the new side is paired with.
    pub only_old: Vec<&'m str>,
    /// Versions of the new side that nothing on the old side is paired with.
    pub only_new: Vec<&'m str>,
}

impl VersionPairs<'_> {
    /// The changes of every pair, worded for what the sides are, sorted.
    pub fn diff(&self, sides: super::Sides, config: &super::Config) -> Vec<super::Change> {
        let mut changes: Vec<super::Change> = self
            .pairs
            .iter()
            .flat_map(|(o, n)| super::diff_sides(o, n, sides, config))
            .collect();
        changes.sort();
        changes
    }
}

/// Pairs the versions of two docs trees: by name (`v1.0` with `v1.0`), except
/// that two sides of one version each are paired whatever their names (a
/// `beta` folder against a tree read as `default`, or a version promoted from
/// `beta` to `v1.0`).
pub fn pair_versions<'m>(old: &'m [Model], new: &'m [Model]) -> VersionPairs<'m> {
    if let ([o], [n]) = (old, new) {
        return VersionPairs {
            pairs: vec![(o, n)],
            only_old: Vec::new(),
            only_new: Vec::new(),
        };
    }
    let mut pairs = Vec::new();
    let mut only_new = Vec::new();
    for n in new {
        match old.iter().find(|o| o.version == n.version) {
            Some(o) => pairs.push((o, n)),
            None => only_new.push(n.version.as_str()),
        }
    }
    let only_old = old
        .iter()
        .filter(|o| !new.iter().any(|n| n.version == o.version))
        .map(|o| o.version.as_str())
        .collect();
    VersionPairs {
        pairs,
        only_old,
        only_new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn models(versions: &[&str]) -> Vec<Model> {
        versions
            .iter()
            .map(|v| crate::ir::build_model(v, Vec::new()))
            .collect()
    }

    fn paired<'m>(pairs: &VersionPairs<'m>) -> Vec<(&'m str, &'m str)> {
        pairs
            .pairs
            .iter()
            .map(|(o, n)| (o.version.as_str(), n.version.as_str()))
            .collect()
    }

    #[test]
    fn versions_are_paired_by_name() {
        let (old, new) = (models(&["beta", "v1.0"]), models(&["beta", "v1.0", "v2.0"]));
        let pairs = pair_versions(&old, &new);
        assert_eq!(paired(&pairs), [("beta", "beta"), ("v1.0", "v1.0")]);
        assert_eq!(pairs.only_new, ["v2.0"]);
        assert!(pairs.only_old.is_empty());

        let (old, new) = (models(&["beta", "v1.0"]), models(&["v1.0"]));
        let pairs = pair_versions(&old, &new);
        assert_eq!(paired(&pairs), [("v1.0", "v1.0")]);
        assert_eq!(pairs.only_old, ["beta"]);
        assert!(pairs.only_new.is_empty());
    }

    #[test]
    fn two_single_versions_are_paired_whatever_their_names() {
        let (old, new) = (models(&["beta"]), models(&["default"]));
        let pairs = pair_versions(&old, &new);
        assert_eq!(paired(&pairs), [("beta", "default")]);
        assert!(pairs.only_old.is_empty() && pairs.only_new.is_empty());
    }

    #[test]
    fn an_empty_side_pairs_nothing() {
        let (old, new) = (models(&[]), models(&["v1.0"]));
        let pairs = pair_versions(&old, &new);
        assert!(pairs.pairs.is_empty());
        assert_eq!(pairs.only_new, ["v1.0"]);
        let pairs = pair_versions(&new, &old);
        assert!(pairs.pairs.is_empty());
        assert_eq!(pairs.only_old, ["v1.0"]);
    }
}
