//! Resolving a property's Type cell to a primitive, an enum or a type of the model.

use super::*;

/// What a Type cell is resolved against.
pub(super) struct Resolver<'a> {
    /// The model so far: its enums are known.
    pub(super) model: &'a Model,
    /// Every key a type is found by (its aliases' included).
    pub(super) known_types: &'a BTreeMap<String, QualifiedName>,
    /// The enums made up for `Enumeration` properties.
    pub(super) anonymous: &'a AnonymousEnums,
}

impl Resolver<'_> {
    pub(super) fn resolve_in(
        &self,
        owner_namespace: &str,
        owner_name: &str,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> TypeRef {
        let Some(TypeCell { name, .. }) = &p.type_cell else {
            return TypeRef::Untyped(p.type_text.clone());
        };
        match name {
            TypeName::Primitive(prim) => TypeRef::Primitive(*prim),
            TypeName::Enumeration => self
                .anonymous
                .get(&(
                    key_of(owner_namespace, owner_name),
                    p.name.to_ascii_lowercase(),
                ))
                .map(|q| TypeRef::Enum(q.clone()))
                .unwrap_or_else(|| TypeRef::Untyped(p.type_text.clone())),
            TypeName::Named { namespace, name } if is_any_json(namespace.as_deref(), name) => {
                TypeRef::Untyped(name.clone())
            }
            TypeName::Named { namespace, name } => {
                let mut candidates = Vec::new();
                if let Some(ns) = namespace {
                    candidates.push(key_of(ns, name));
                }
                candidates.push(key_of(owner_namespace, name));
                candidates.push(key_of(crate::extract::DEFAULT_NAMESPACE, name));
                for key in &candidates {
                    if let Some(e) = self.model.enums.get(key) {
                        return TypeRef::Enum(e.name.clone());
                    }
                    if let Some(t) = self.known_types.get(key) {
                        return TypeRef::Complex(t.clone());
                    }
                }
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::UNRESOLVED_TYPE,
                    p.type_location.clone(),
                    format!(
                        "`{}.{}` has type `{name}`, which no page in this docs tree defines; it is typed as untyped JSON",
                        owner_name, p.name
                    ),
                ));
                TypeRef::Untyped(name.clone())
            }
        }
    }

    pub(super) fn property(
        &self,
        owner: &TypeFacts,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Property {
        self.property_in(&owner.namespace, &owner.name, p, diagnostics)
    }

    pub(super) fn property_in(
        &self,
        namespace: &str,
        owner: &str,
        p: &PropertyFacts,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Property {
        Property {
            // Set once the model is complete (`mark_placeholders`).
            placeholder: None,
            name: p.name.clone(),
            ty: self.resolve_in(namespace, owner, p, diagnostics),
            collection: p.type_cell.as_ref().map(|c| c.collection).unwrap_or(false),
            description: p.description.clone(),
            read_only: p.read_only,
            nullable: p.nullable,
            optional: p.optional,
            source: p.location.clone(),
        }
    }
}
