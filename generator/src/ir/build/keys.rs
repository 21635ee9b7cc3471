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
