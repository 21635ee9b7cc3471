//! Cargo features per workload, so a user compiles only what they use. Each
//! item, endpoint and generated test belongs to the workload of the page that
//! defines it; a feature turns on the features of every item its items refer
//! to (property types, base types, request and response bodies).

use super::names::ItemKind;
use crate::ir::{Endpoint, Model, QualifiedName, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The feature of every item and endpoint, and what each feature needs.
#[derive(Clone, Debug, Default)]
pub struct Features {
    items: BTreeMap<(String, ItemKind, String), String>,
    endpoints: BTreeMap<(String, String, String), String>,
    /// Feature → the features it turns on.
    pub needs: BTreeMap<String, BTreeSet<String>>,
}

fn page_workloads(model: &Model) -> BTreeMap<&str, &str> {
    model
        .pages
        .iter()
        .map(|p| (&*p.path, p.workload.as_str()))
        .collect()
}

impl Features {
    /// Decides every feature.
    pub fn new(models: &[&Model]) -> Features {
        let mut f = Features::default();
        for model in models {
            let pages = page_workloads(model);
            let of = |path: Option<&str>| {
                path.and_then(|p| pages.get(p))
                    .copied()
                    .unwrap_or("core")
                    .to_owned()
            };
            for t in model.types.values() {
                let w = of(t.sources.first().map(|s| &*s.path));
                f.items
                    .insert((model.version.clone(), ItemKind::Type, t.name.key()), w);
            }
            for e in model.enums.values() {
                let w = of(e.sources.first().map(|s| &*s.source.path));
                f.items
                    .insert((model.version.clone(), ItemKind::Enum, e.name.key()), w);
            }
            for e in &model.endpoints {
                let w = of(Some(&*e.source.path));
                f.endpoints.insert(endpoint_key(&model.version, e), w);
            }
        }
        for model in models {
            for t in model.types.values() {
                let own = f.item(&model.version, ItemKind::Type, &t.name).to_owned();
                let mut needs = BTreeSet::new();
                for p in t.properties.iter().chain(&t.relationships) {
                    needs.extend(f.of_ref(&model.version, &p.ty));
                }
                if let Some(base) = &t.base {
                    needs.extend(
                        f.try_item(&model.version, ItemKind::Type, base)
                            .map(str::to_owned),
                    );
                }
                f.add_needs(own, needs);
            }
            for e in &model.endpoints {
                let own = f.endpoint(&model.version, e).to_owned();
                let mut needs = BTreeSet::new();
                for q in e.request_body_type.iter().chain(&e.response.resolved) {
                    needs.extend(
                        f.try_item(&model.version, ItemKind::Type, q)
                            .map(str::to_owned),
                    );
                }
                for p in &e.body_parameters {
                    needs.extend(f.of_ref(&model.version, &p.ty));
                }
                f.add_needs(own, needs);
            }
        }
        f
    }

    fn add_needs(&mut self, feature: String, mut needs: BTreeSet<String>) {
        needs.remove(&feature);
        self.needs.entry(feature).or_default().extend(needs);
    }

    fn of_ref(&self, version: &str, ty: &TypeRef) -> Option<String> {
        match ty {
            TypeRef::Enum(q) => self.try_item(version, ItemKind::Enum, q).map(str::to_owned),
            TypeRef::Complex(q) => self.try_item(version, ItemKind::Type, q).map(str::to_owned),
            _ => None,
        }
    }

    fn try_item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> Option<&str> {
        self.items
            .get(&(version.to_owned(), kind, name.key()))
            .map(String::as_str)
    }

    /// The feature of an item.
    pub fn item(&self, version: &str, kind: ItemKind, name: &QualifiedName) -> &str {
        self.try_item(version, kind, name).unwrap_or("core")
    }

    /// The feature of an endpoint.
    pub fn endpoint(&self, version: &str, e: &Endpoint) -> &str {
        self.endpoints
            .get(&endpoint_key(version, e))
            .map(String::as_str)
            .unwrap_or("core")
    }

    /// Every feature, sorted.
    pub fn all(&self) -> BTreeSet<&str> {
        self.items
            .values()
            .chain(self.endpoints.values())
            .map(String::as_str)
            .collect()
    }
}

fn endpoint_key(version: &str, e: &Endpoint) -> (String, String, String) {
    (
        version.to_owned(),
        e.method.as_str().to_owned(),
        e.path.clone(),
    )
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
