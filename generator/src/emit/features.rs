//! Cargo features per workload, so a user compiles only what they use. Each
//! item, endpoint and generated test belongs to the workload of the page that
//! defines it; a feature turns on the features of every item its items refer
//! to (property types, base types, request and response bodies).

use super::names::ItemKind;
use crate::ir::{Endpoint, Model, QualifiedName, TypeRef};
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
    /// Decides what each feature needs: the features of every item its
    /// items refer to (property types, base types, request and response
    /// bodies).
    pub fn new(models: &[&'m Model]) -> Features<'m> {
        let mut f = Features {
            models: models.iter().map(|m| (m.version.as_str(), *m)).collect(),
            needs: BTreeMap::new(),
        };
        for model in models {
            for t in model.types.values() {
                let mut needs = BTreeSet::new();
                for p in t.properties.iter().chain(&t.relationships) {
                    needs.extend(f.of_ref(model, &p.ty));
                }
                if let Some(base) = &t.base {
                    needs.extend(model.types.get(&base.key()).map(|b| b.workload.clone()));
                }
                f.add_needs(t.workload.clone(), needs);
            }
            for e in &model.endpoints {
                let mut needs = BTreeSet::new();
                for q in e.request_body_type.iter().chain(&e.response.resolved) {
                    needs.extend(model.types.get(&q.key()).map(|t| t.workload.clone()));
                }
                for p in &e.body_parameters {
                    needs.extend(f.of_ref(model, &p.ty));
                }
                f.add_needs(e.workload.clone(), needs);
            }
        }
        f
    }

    fn add_needs(&mut self, feature: String, mut needs: BTreeSet<String>) {
        needs.remove(&feature);
        self.needs.entry(feature).or_default().extend(needs);
    }

    fn of_ref(&self, model: &Model, ty: &TypeRef) -> Option<String> {
        match ty {
            TypeRef::Enum(q) => model.enums.get(&q.key()).map(|e| e.workload.clone()),
            TypeRef::Complex(q) => model.types.get(&q.key()).map(|t| t.workload.clone()),
            _ => None,
        }
    }

    /// The feature of an item.
    pub fn item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> &str {
        let Some(model) = self.models.get(version) else {
            return "core";
        };
        let workload = match kind {
            ItemKind::Type => model.types.get(&name.key()).map(|t| &t.workload),
            ItemKind::Enum => model.enums.get(&name.key()).map(|e| &e.workload),
        };
        workload.map_or("core", String::as_str)
    }

    /// The feature of an endpoint.
    pub fn endpoint<'e>(&self, e: &'e Endpoint) -> &'e str {
        &e.workload
    }

    /// Every feature, sorted.
    pub fn all(&self) -> BTreeSet<&str> {
        let mut all = BTreeSet::new();
        for model in self.models.values() {
            all.extend(model.types.values().map(|t| t.workload.as_str()));
            all.extend(model.enums.values().map(|e| e.workload.as_str()));
            all.extend(model.endpoints.iter().map(|e| e.workload.as_str()));
        }
        all
    }
}

/// `#[cfg(feature = "…")]`.
pub(crate) fn cfg(feature: &str) -> TokenStream {
    quote! { #[cfg(feature = #feature)] }
}

/// `#[cfg(feature = "…")]` when one feature, `#[cfg(all(…))]` when several.
pub(crate) fn cfg_all(features: &BTreeSet<&str>) -> TokenStream {
    match features.len() {
        1 => cfg(features.iter().next().copied().unwrap_or_default()),
        _ => quote! { #[cfg(all(#(feature = #features),*))] },
    }
}

#[cfg(test)]
mod tests {
    use crate::ir::workload;

    #[test]
    fn workloads_from_file_names_and_front_matter() {
        assert_eq!(
            workload(
                "beta/api/intune-apps-mobileappinstallstatus-create.md",
                None
            ),
            "intune-apps"
        );
        assert_eq!(
            workload(
                "resources/intune-shared-compliancestatus.md",
                Some("intune")
            ),
            "intune-shared"
        );
        assert_eq!(
            workload("resources/user.md", Some("microsoft-identity-platform")),
            "microsoft-identity-platform"
        );
        assert_eq!(
            workload("resources/x.md", Some("**TODO: Add MS prod.**")),
            "core"
        );
        assert_eq!(
            workload("resources/x.md", Some("Outlook & Calendar")),
            "outlook-calendar"
        );
        assert_eq!(workload("resources/x.md", Some("default")), "default-docs");
        assert_eq!(workload("resources/x.md", None), "core");
    }
}
