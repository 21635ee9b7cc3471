//! The permissions the docs list, one constant per distinct set: the v1.0
//! corpus has 3,133 endpoints but 315 sets. Each endpoint's `*_PERMISSIONS`
//! constant names its set instead of spelling it out, which took a twentieth
//! of the crate's check time.

use super::function::{scopes_text, scopes_tokens};
use crate::emit::docs::doc_attrs;
use crate::emit::features::cfg_any;
use crate::emit::names::ident;
use crate::ir::{Endpoint, Model, PermissionFacts};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;

/// The distinct permission sets of one version's endpoints.
pub(super) struct PermissionSets<'m> {
    /// Each distinct set of permissions, with its constant.
    by_facts: BTreeMap<&'m PermissionFacts, Set<'m>>,
    /// The version's module: the constants live in `crate::<version>::api`.
    version_module: String,
}

/// One set's constant: its name and who uses it.
struct Set<'m> {
    name: String,
    /// The features of each endpoint using it: the constant compiles when
    /// any of them is on.
    users: BTreeSet<BTreeSet<&'m str>>,
}

impl<'m> PermissionSets<'m> {
    /// Collects the sets of `model`'s endpoints; the constants go into the
    /// module `version_module::api`.
    pub(super) fn new(model: &'m Model, version_module: &str) -> PermissionSets<'m> {
        let mut by_facts: BTreeMap<&'m PermissionFacts, Set<'m>> = BTreeMap::new();
        for e in &model.endpoints {
            let set = by_facts.entry(&e.permissions).or_insert_with(|| Set {
                name: String::new(),
                users: BTreeSet::new(),
            });
            set.users.insert(model.endpoint_workloads(e));
        }
        name_sets(&mut by_facts);
        PermissionSets {
            by_facts,
            version_module: version_module.to_owned(),
        }
    }

    /// The path of `e`'s set constant.
    pub(super) fn path(&self, e: &Endpoint) -> TokenStream {
        let version = ident(&self.version_module);
        let name = self
            .by_facts
            .get(&e.permissions)
            .map(|set| ident(&set.name));
        quote! { crate::#version::api::#name }
    }

    /// Every set's constant, each under the features of the endpoints using it.
    pub(super) fn items(&self) -> TokenStream {
        let items = self.by_facts.iter().map(|(p, set)| {
            let name = ident(&set.name);
            let doc = format!(
                "Delegated (work or school account): {}; delegated (personal Microsoft account): {}; application: {}.",
                scopes_text(&p.delegated_work_or_school),
                scopes_text(&p.delegated_personal),
                scopes_text(&p.application),
            );
            let doc = doc_attrs(&doc);
            let cfg = cfg_any(&set.users);
            let (work, personal, application) = (
                scopes_tokens(&p.delegated_work_or_school),
                scopes_tokens(&p.delegated_personal),
                scopes_tokens(&p.application),
            );
            quote! {
                #doc
                #cfg
                pub const #name: crate::client::Permissions = crate::client::Permissions {
                    delegated_work_or_school: #work,
                    delegated_personal: #personal,
                    application: #application,
                };
            }
        });
        quote! { #(#items)* }
    }
}

/// The set as text, the same for equal sets whatever page lists them.
fn canonical(p: &PermissionFacts) -> String {
    [
        &p.delegated_work_or_school,
        &p.delegated_personal,
        &p.application,
    ]
    .map(|scopes| scopes_tokens(scopes).to_string())
    .join(";")
}

/// Names each set `PERMISSIONS_` and a hash of its text, so a set keeps its
/// name when others come and go (the generated diff shows only real
/// changes); on a clash, the later set in sorted order takes the next hash.
fn name_sets(by_facts: &mut BTreeMap<&PermissionFacts, Set<'_>>) {
    let mut taken: BTreeSet<u32> = BTreeSet::new();
    for (facts, set) in by_facts.iter_mut() {
        let mut hasher = fnv::FnvHasher::default();
        hasher.write(canonical(facts).as_bytes());
        // Folded to 32 bits: short names, and a clash is handled below.
        let full = hasher.finish();
        let mut short = (full ^ (full >> 32)) as u32;
        while !taken.insert(short) {
            short = short.wrapping_add(1);
        }
        set.name = format!("PERMISSIONS_{short:08X}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Scopes;

    fn sets_named<'a>(facts: &[&'a PermissionFacts]) -> BTreeMap<String, String> {
        let mut by_facts: BTreeMap<&'a PermissionFacts, Set<'a>> = facts
            .iter()
            .map(|p| {
                let set = Set {
                    name: String::new(),
                    users: BTreeSet::new(),
                };
                (*p, set)
            })
            .collect();
        name_sets(&mut by_facts);
        by_facts
            .into_iter()
            .map(|(p, set)| (canonical(p), set.name))
            .collect()
    }

    #[test]
    fn a_set_keeps_its_name_when_other_sets_come_and_go() {
        let read = PermissionFacts {
            delegated_work_or_school: Some(Scopes::Scopes(vec!["Mail.Read".to_owned()])),
            ..Default::default()
        };
        let write = PermissionFacts {
            application: Some(Scopes::Scopes(vec!["Mail.ReadWrite".to_owned()])),
            ..Default::default()
        };
        let none = PermissionFacts::default();
        let alone = sets_named(&[&read]);
        let together = sets_named(&[&none, &read, &write]);
        assert_eq!(alone[&canonical(&read)], together[&canonical(&read)]);
        let names: BTreeSet<&String> = together.values().collect();
        assert_eq!(names.len(), 3, "{together:?}");
        assert!(names
            .iter()
            .all(|n| n.starts_with("PERMISSIONS_") && n.len() == 20));
    }
}
