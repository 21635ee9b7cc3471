//! Enums added or removed; an enum on both sides goes on to its members.

use super::{Differ, Usage};
use crate::drift::{Level, Rule, Subject};
use crate::ir::Model;
use std::collections::BTreeMap;

impl Differ<'_> {
    /// `enum-added` and `enum-removed`, then the member rules of each enum
    /// both sides have (an enum no property has counts as sent and received).
    pub(super) fn enums(&mut self, old: &Model, new: &Model, usage: &BTreeMap<String, Usage>) {
        for (key, e) in &new.enums {
            if !old.enums.contains_key(key) {
                let s = Subject::Enum {
                    name: e.name.name.clone(),
                };
                let loc = e.sources.first().map(|s| s.source.clone());
                self.push(
                    Rule::EnumAdded,
                    Level::Info,
                    s,
                    self.worded_only_on(format!("enum `{}`", e.name.name), true, || {
                        format!("enum `{}` was added", e.name.name)
                    }),
                    None,
                    loc,
                );
            }
        }
        for (key, o) in &old.enums {
            let Some(n) = new.enums.get(key) else {
                let s = Subject::Enum {
                    name: o.name.name.clone(),
                };
                let loc = o.sources.first().map(|s| s.source.clone());
                self.push(
                    Rule::EnumRemoved,
                    Level::Breaking,
                    s,
                    self.worded_only_on(format!("enum `{}`", o.name.name), false, || {
                        format!("enum `{}` was removed", o.name.name)
                    }),
                    loc,
                    None,
                );
                continue;
            };
            self.members(
                o,
                n,
                usage.get(key).copied().unwrap_or(Usage {
                    sent: true,
                    received: true,
                }),
            );
        }
    }
}
