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
            contained: false,
            source: p.location.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::{key_of, Model, Primitive, Property, QualifiedName, TypeRef};

    const CALL_RECORDS: &str = "microsoft.graph.callRecords";

    /// A resource page of `name` in `microsoft.graph.callRecords`.
    fn call_records_page(name: &str, rows: &[&str]) -> String {
        resource(name, "", rows).replace(
            "Namespace: microsoft.graph\n",
            &format!("Namespace: {CALL_RECORDS}\n"),
        )
    }

    fn property<'m>(model: &'m Model, owner_key: &str, name: &str) -> &'m Property {
        model.types[owner_key]
            .properties
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("no `{owner_key}.{name}`"))
    }

    #[test]
    fn a_type_no_page_defines_is_untyped_with_an_unresolved_type_warning() {
        let thing = resource(
            "thing",
            "",
            &["size|Int32|Known.", "mystery|mysteryType|Unknown."],
        );
        let model = model_of(&[("resources/thing.md", &thing)]);
        let mystery = property(&model, "microsoft.graph.thing", "mystery");
        assert_eq!(mystery.ty, TypeRef::Untyped("mysteryType".to_owned()));
        let found = with_code(&model, codes::UNRESOLVED_TYPE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("`thing.mystery`"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].source.line, mystery.source.line);
    }

    #[test]
    fn a_namespaced_name_resolves_in_its_namespace_and_a_bare_one_in_the_owners() {
        let graph_session = resource("session", "", &["id|String|Key."]);
        let records_session = call_records_page("session", &["id|String|Key."]);
        let thing = resource(
            "thing",
            "",
            &[
                "call|microsoft.graph.callRecords.session|Qualified.",
                "own|session|Bare, in the owner's namespace.",
            ],
        );
        let record = call_records_page(
            "callRecord",
            &["sessions|Collection(session)|Bare, in callRecords."],
        );
        let model = model_of(&[
            ("resources/session.md", &graph_session),
            ("resources/callrecords-session.md", &records_session),
            ("resources/thing.md", &thing),
            ("resources/callrecords-callrecord.md", &record),
        ]);
        let records = QualifiedName::new(CALL_RECORDS, "session");
        let graph = QualifiedName::new("microsoft.graph", "session");
        let thing_key = "microsoft.graph.thing";
        assert_eq!(
            property(&model, thing_key, "call").ty,
            TypeRef::Complex(records.clone())
        );
        assert_eq!(
            property(&model, thing_key, "own").ty,
            TypeRef::Complex(graph)
        );
        let sessions = property(&model, &key_of(CALL_RECORDS, "callRecord"), "sessions");
        assert_eq!(sessions.ty, TypeRef::Complex(records));
        assert!(sessions.collection);
        assert!(with_code(&model, codes::UNRESOLVED_TYPE).is_empty());
    }

    #[test]
    fn a_bare_name_missing_from_the_owners_namespace_falls_back_to_microsoft_graph() {
        let part = resource("part", "", &["id|String|Key."]);
        let record = call_records_page("callRecord", &["part|part|Only in microsoft.graph."]);
        let model = model_of(&[
            ("resources/part.md", &part),
            ("resources/callrecords-callrecord.md", &record),
        ]);
        let part = property(&model, &key_of(CALL_RECORDS, "callRecord"), "part");
        assert_eq!(
            part.ty,
            TypeRef::Complex(QualifiedName::new("microsoft.graph", "part"))
        );
    }

    #[test]
    fn enum_names_resolve_to_enums_and_json_is_untyped_without_a_warning() {
        let enums = "# Enum values\n\nNamespace: microsoft.graph\n\n### shade values\n\n\
                     |Member|Description|\n|:---|:---|\n|red|Red.|\n|blue|Blue.|\n";
        let thing = resource(
            "thing",
            "",
            &[
                "shade|shade|An enum.",
                "values|Json|Any JSON.",
                "count|Int64|A number.",
            ],
        );
        let model = model_of(&[
            ("resources/enums.md", enums),
            ("resources/thing.md", &thing),
        ]);
        let thing = type_named(&model, "thing");
        let types: Vec<&TypeRef> = thing.properties.iter().map(|p| &p.ty).collect();
        assert_eq!(
            types,
            [
                &TypeRef::Enum(QualifiedName::new("microsoft.graph", "shade")),
                &TypeRef::Untyped("Json".to_owned()),
                &TypeRef::Primitive(Primitive::Int64),
            ]
        );
        assert!(with_code(&model, codes::UNRESOLVED_TYPE).is_empty());
    }
}
