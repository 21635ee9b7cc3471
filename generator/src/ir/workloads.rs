//! Workloads: the Cargo feature of the generated crate each type, enum and
//! endpoint belongs to, and the references between workloads that are
//! compiled only when both are on.

use super::{Endpoint, Model, TypeDef, TypeRef};
use std::collections::BTreeSet;

/// The foundation workload: the base types several workloads derive from and
/// the value types (enums, complex types that are no entity type) items of
/// several workloads hold. Every other workload's feature turns it on.
pub const FOUNDATION: &str = "core";

/// The workload of pages that name no product (no file prefix, no
/// `ms.prod`).
pub const GENERAL: &str = "general";

/// The key of `microsoft.graph.entity`, the root of the entity types.
const ENTITY_KEY: &str = "microsoft.graph.entity";

/// The workload of a page: `intune-<area>` from an `intune-<area>-…` file
/// name, else the slug of the front matter's `ms.prod` (a placeholder does not
/// count), else [`GENERAL`]. Always a valid Cargo feature name, never `default`,
/// `full`, `reqwest` or [`FOUNDATION`].
pub fn workload(path: &str, ms_prod: Option<&str>) -> String {
    let file = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".md")
        .to_ascii_lowercase();
    let raw = if let Some(rest) = file.strip_prefix("intune-") {
        match rest.split_once('-') {
            Some((area, _)) => format!("intune-{area}"),
            None => "intune".to_owned(),
        }
    } else {
        match ms_prod {
            Some(p)
                if !p.trim().is_empty() && crate::extract::todos::todo_placeholder(p).is_none() =>
            {
                p.to_owned()
            }
            _ => GENERAL.to_owned(),
        }
    };
    let mut slug = String::new();
    for c in raw.to_ascii_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        slug = GENERAL.to_owned();
    }
    if slug.starts_with(|c: char| c.is_ascii_digit()) {
        slug.insert_str(0, "w-");
    }
    if matches!(slug.as_str(), "default" | "full" | "reqwest" | FOUNDATION) {
        slug.push_str("-docs");
    }
    slug
}

/// The feature a reference from an item of workload `owner` to an item of
/// workload `target` is compiled under besides `owner`'s: `target`, unless
/// it is `owner` or the foundation (always on with `owner`).
pub fn gate<'a>(owner: &str, target: &'a str) -> Option<&'a str> {
    (target != owner && target != FOUNDATION).then_some(target)
}

impl Model {
    /// The workload of the type or enum `ty` refers to, if the model has it.
    pub fn workload_of(&self, ty: &TypeRef) -> Option<&str> {
        match ty {
            TypeRef::Enum(q) => self.enums.get(&q.key()).map(|e| e.workload.as_str()),
            TypeRef::Complex(q) => self.types.get(&q.key()).map(|t| t.workload.as_str()),
            TypeRef::Primitive(_) | TypeRef::Untyped(_) => None,
        }
    }

    /// The feature a property of type `ty`, on a struct of workload `owner`,
    /// is compiled under besides `owner`'s (a navigation property to another
    /// workload's entity type), if any.
    pub fn property_gate(&self, owner: &str, ty: &TypeRef) -> Option<&str> {
        gate(owner, self.workload_of(ty)?)
    }

    /// Every workload an endpoint's function is compiled under: its own, and
    /// those of its request body, response and body parameters' types, the
    /// foundation left out.
    pub fn endpoint_workloads<'a>(&'a self, e: &'a Endpoint) -> BTreeSet<&'a str> {
        let mut out = BTreeSet::from([e.workload.as_str()]);
        for q in e.request_body_type.iter().chain(&e.response.resolved) {
            out.extend(self.types.get(&q.key()).map(|t| t.workload.as_str()));
        }
        for p in &e.body_parameters {
            out.extend(self.workload_of(&p.ty));
        }
        if e.workload != FOUNDATION {
            out.remove(FOUNDATION);
        }
        out
    }

    /// Whether `ty` is an entity type (`entity` or derived from it): one
    /// with an identity, reached by navigation, rather than a value held in
    /// place.
    pub fn is_entity_type(&self, ty: &TypeDef) -> bool {
        ty.name.key() == ENTITY_KEY
            || self
                .ancestors(ty)
                .iter()
                .any(|a| a.name.key() == ENTITY_KEY)
    }
}

#[cfg(test)]
mod tests {
    use super::{gate, workload};

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
            "general"
        );
        assert_eq!(
            workload("resources/x.md", Some("Outlook & Calendar")),
            "outlook-calendar"
        );
        assert_eq!(workload("resources/x.md", Some("default")), "default-docs");
        assert_eq!(workload("resources/x.md", None), "general");
        // The foundation is no product's name.
        assert_eq!(workload("resources/x.md", Some("Core")), "core-docs");
    }

    #[test]
    fn only_references_to_another_workload_than_the_foundation_are_gated() {
        assert_eq!(gate("outlook", "outlook"), None);
        assert_eq!(gate("outlook", "core"), None);
        assert_eq!(gate("outlook", "users"), Some("users"));
        assert_eq!(gate("core", "users"), Some("users"));
    }
}
