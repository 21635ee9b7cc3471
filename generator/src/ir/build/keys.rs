//! Keys and aliases: the key a resource annotation names, and the other names pages give a type.

use super::*;

/// Adds the key a resource annotation names (`"keyProperty": "id"`) to a
/// type whose tables list it neither there nor on a base type (an entity
/// whose page leaves out the `id` every entity has), with an info
/// diagnostic. `id` is a string, as Graph's `entity.id` is; another name's
/// type is not known, so it is untyped JSON. A type whose base gets the
/// same key inherits it instead.
pub(super) fn add_unlisted_keys(
    model: &mut Model,
    keys: &BTreeMap<String, (String, Location)>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lists = |ty: &TypeDef, name: &str| {
        ty.properties
            .iter()
            .chain(&ty.relationships)
            .any(|p| p.name.eq_ignore_ascii_case(name))
    };
    let missing: BTreeMap<&String, &(String, Location)> = keys
        .iter()
        .filter(|(key, (name, _))| {
            model.types.get(*key).is_some_and(|ty| {
                !lists(ty, name) && !model.ancestors(ty).iter().any(|a| lists(a, name))
            })
        })
        .collect();
    let adds: Vec<(String, Property, Diagnostic)> = missing
        .iter()
        .filter(|(key, (name, _))| {
            let ty = &model.types[**key];
            !model.ancestors(ty).iter().any(|a| {
                missing
                    .get(&a.name.key())
                    .is_some_and(|(base_name, _)| base_name.eq_ignore_ascii_case(name))
            })
        })
        .map(|(key, (name, location))| {
            let ty_name = &model.types[*key].name.name;
            let (ty, spelled) = if name == "id" {
                (TypeRef::Primitive(Primitive::String), "a string")
            } else {
                // No Type cell to keep: Graph's own name for any JSON value.
                (TypeRef::Untyped("Json".to_owned()), "untyped JSON")
            };
            let property = Property {
                // Set once the model is complete (`mark_placeholders`).
                placeholder: None,
                name: name.clone(),
                ty,
                collection: false,
                description: format!(
                    "The key of a `{ty_name}`: the page's resource annotation names it \
                     (`keyProperty`), but no table lists it."
                ),
                read_only: None,
                nullable: None,
                optional: None,
                contained: false,
                source: location.clone(),
            };
            let diagnostic = Diagnostic::new(
                Severity::Info,
                codes::KEY_PROPERTY_NOT_LISTED,
                location.clone(),
                format!(
                    "the resource annotation of this JSON representation names `{name}` as the key of \
                     `{ty_name}` (`keyProperty`), but no table lists it, on this page or a base type's; \
                     the model adds `{name}` as {spelled}"
                ),
            );
            ((*key).clone(), property, diagnostic)
        })
        .collect();
    for (key, property, diagnostic) in adds {
        if let Some(ty) = model.types.get_mut(&key) {
            ty.properties.insert(0, property);
        }
        diagnostics.push(diagnostic);
    }
}

/// A name a resource page gives its type besides its own (see
/// [`TypeFacts::aliases`]) that pages may use for it.
pub(super) struct Alias {
    /// The type's key.
    pub(super) target: String,
    /// The type's name.
    pub(super) target_name: String,
    /// The name as the page spells it.
    pub(super) spelling: String,
}

/// The aliases that stand, by alias key: one that names an enum or another
/// resource page's type is dropped (Type cells that say it mean that), and
/// of two pages claiming one alias the first in path order keeps it. Each
/// dropped alias is an info diagnostic.
pub(super) fn alias_keys(
    all: &[&TypeFacts],
    own: &BTreeSet<String>,
    enum_keys: &BTreeSet<&String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Alias> {
    let mut aliases: BTreeMap<String, Alias> = BTreeMap::new();
    for facts in all.iter().filter(|f| f.origin == TypeOrigin::ResourcePage) {
        for alias in &facts.aliases {
            let key = key_of(&facts.namespace, alias);
            let target = key_of(&facts.namespace, &facts.name);
            let taken = if own.contains(&key) {
                Some("a type of its own".to_owned())
            } else if enum_keys.contains(&key) {
                Some("an enum".to_owned())
            } else {
                aliases
                    .get(&key)
                    .filter(|a| a.target != target)
                    .map(|a| format!("the name another page gives `{}`", a.target_name))
            };
            match taken {
                Some(what) => diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    codes::TYPE_NAME_DIFFERS,
                    facts.location.clone(),
                    format!(
                        "the title's name `{alias}` is also {what}; pages that say `{alias}` do not mean `{}`",
                        facts.name
                    ),
                )),
                None => {
                    aliases.entry(key).or_insert_with(|| Alias {
                        target,
                        target_name: facts.name.clone(),
                        spelling: alias.clone(),
                    });
                }
            }
        }
    }
    aliases
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::{Primitive, QualifiedName, TypeRef};

    /// A resource page titled `titled` whose JSON representation's
    /// annotation has `fields` (`"name": value` lines after `blockType`).
    fn annotated(titled: &str, intro: &str, rows: &[&str], fields: &[&str]) -> String {
        let mut page = resource(titled, intro, rows);
        page.push_str("\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\"");
        for field in fields {
            page.push_str(&format!(",\n  {field}"));
        }
        page.push_str("\n}-->\n```json\n{}\n```\n");
        page
    }

    #[test]
    fn a_key_property_no_table_lists_is_added_first_as_a_string_with_an_info() {
        let thing = annotated(
            "thing",
            "",
            &["size|Int32|How big."],
            &[
                r#""@odata.type": "microsoft.graph.thing""#,
                r#""keyProperty": "id""#,
            ],
        );
        let model = model_of(&[("resources/thing.md", &thing)]);
        let thing = type_named(&model, "thing");
        assert_eq!(thing.properties[0].name, "id");
        assert_eq!(
            thing.properties[0].ty,
            TypeRef::Primitive(Primitive::String)
        );
        assert_eq!(thing.properties[1].name, "size");
        let found = with_code(&model, codes::KEY_PROPERTY_NOT_LISTED);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].source, thing.properties[0].source);
    }

    #[test]
    fn a_listed_key_is_not_added_and_another_unlisted_key_is_untyped_json() {
        let listed = annotated(
            "thing",
            "",
            &["ID|String|Key."],
            &[r#""keyProperty": "id""#],
        );
        let other = annotated(
            "gadget",
            "",
            &["size|Int32|How big."],
            &[r#""keyProperty": "code""#],
        );
        let model = model_of(&[
            ("resources/thing.md", &listed),
            ("resources/gadget.md", &other),
        ]);
        assert_eq!(type_named(&model, "thing").properties.len(), 1);
        let gadget = type_named(&model, "gadget");
        assert_eq!(gadget.properties[0].name, "code");
        assert_eq!(gadget.properties[0].ty, TypeRef::Untyped("Json".to_owned()));
        assert_eq!(with_code(&model, codes::KEY_PROPERTY_NOT_LISTED).len(), 1);
    }

    #[test]
    fn a_key_a_base_type_also_lacks_is_added_to_the_base_only() {
        let base = annotated(
            "thingBase",
            "",
            &["size|Int32|How big."],
            &[r#""keyProperty": "id""#],
        );
        let thing = annotated(
            "thing",
            "Inherits from [thingBase](thingbase.md).",
            &["color|String|Its color."],
            &[r#""keyProperty": "id""#],
        );
        let model = model_of(&[
            ("resources/thingbase.md", &base),
            ("resources/thing.md", &thing),
        ]);
        assert_eq!(type_named(&model, "thingBase").properties[0].name, "id");
        let thing = type_named(&model, "thing");
        assert!(thing.properties.iter().all(|p| p.name != "id"));
        let found = with_code(&model, codes::KEY_PROPERTY_NOT_LISTED);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&*found[0].source.path, "resources/thingbase.md");
    }

    #[test]
    fn a_title_name_is_an_alias_unless_another_page_defines_that_type() {
        let gizmo = annotated(
            "widget",
            "",
            &["size|Int32|How big."],
            &[r#""@odata.type": "microsoft.graph.gizmo""#],
        );
        let user = resource("user", "", &["tool|widget|A tool."]);
        let alone = model_of(&[("resources/gizmo.md", &gizmo), ("resources/user.md", &user)]);
        assert_eq!(type_named(&alone, "gizmo").aliases, ["widget"]);
        let gizmo_name = QualifiedName::new("microsoft.graph", "gizmo");
        assert_eq!(
            type_named(&alone, "user").properties[0].ty,
            TypeRef::Complex(gizmo_name)
        );

        let widget = resource("widget", "", &["id|String|Key."]);
        let model = model_of(&[
            ("resources/gizmo.md", &gizmo),
            ("resources/user.md", &user),
            ("resources/widget.md", &widget),
        ]);
        assert!(type_named(&model, "gizmo").aliases.is_empty());
        assert_eq!(
            type_named(&model, "user").properties[0].ty,
            TypeRef::Complex(QualifiedName::new("microsoft.graph", "widget"))
        );
        let refused: Vec<_> = with_code(&model, codes::TYPE_NAME_DIFFERS)
            .into_iter()
            .filter(|d| d.message.contains("a type of its own"))
            .collect();
        assert_eq!(refused.len(), 1, "{:?}", model.diagnostics);
        assert_eq!(&*refused[0].source.path, "resources/gizmo.md");
    }
}
