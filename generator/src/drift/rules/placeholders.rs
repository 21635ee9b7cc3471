//! Placeholders upstream filled in.

use super::Differ;
use crate::drift::{Level, Rule, Subject};
use crate::ir::Model;
use std::collections::BTreeSet;

impl Differ<'_> {
    /// Placeholders of the old side that the new side no longer has for the
    /// same subject (kind and owner): upstream filled them in.
    pub(super) fn placeholders(&mut self, old: &Model, new: &Model) {
        let still: BTreeSet<(&str, &str)> = new
            .todos
            .iter()
            .map(|t| (t.kind.as_str(), t.owner.as_str()))
            .collect();
        let mut reported = BTreeSet::new();
        for t in &old.todos {
            let key = (t.kind.as_str(), t.owner.as_str());
            if still.contains(&key) || !reported.insert(key) {
                continue;
            }
            // The kind is part of the subject: one owner can hold placeholders of several kinds.
            let s = Subject::Placeholder {
                kind: t.kind,
                owner: t.owner.clone(),
            };
            let what = if t.text.is_empty() {
                String::new()
            } else {
                format!(" (`{}`)", t.text)
            };
            self.push(
                Rule::PlaceholderFilled,
                Level::Info,
                s,
                format!(
                    "the {} placeholder{what} of {} was filled in",
                    t.kind.as_str(),
                    t.owner
                ),
                Some(t.source.clone()),
                None,
            );
        }
    }
}
