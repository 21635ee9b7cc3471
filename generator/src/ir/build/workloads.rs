//! The workload (Cargo feature) of each type, enum and endpoint: its page's,
//! except for the foundation every workload needs.

use super::*;

/// Gives each type, enum and endpoint the workload of the page that defines
/// it, then moves what several workloads share to the foundation.
pub(super) fn assign_workloads(model: &mut Model) {
    attribute_to_pages(model);
    assign_foundation(model);
}

/// Gives each type and enum the workload of the page named after it
/// (`resources/user.md` for `user`) when one describes it, else of its first
/// source; each endpoint that of its page; [`GENERAL`] for none. (A type
/// several pages describe would otherwise go to whichever sorts first:
/// `user` to `intune-devices` by `intune-devices-user.md`.)
fn attribute_to_pages(model: &mut Model) {
    let pages: BTreeMap<&str, &str> = model
        .pages
        .iter()
        .map(|p| (&*p.path, p.workload.as_str()))
        .collect();
    let of = |path: Option<&str>| {
        path.and_then(|p| pages.get(p))
            .copied()
            .unwrap_or(GENERAL)
            .to_owned()
    };
    for t in model.types.values_mut() {
        let paths: Vec<&str> = t.sources.iter().map(|s| &*s.path).collect();
        t.workload = of(own_page(&t.name.name, &paths).or(paths.first().copied()));
    }
    for e in model.enums.values_mut() {
        let paths: Vec<&str> = e.sources.iter().map(|s| &*s.source.path).collect();
        e.workload = of(own_page(&e.name.name, &paths).or(paths.first().copied()));
    }
    for e in &mut model.endpoints {
        e.workload = of(Some(&*e.source.path));
    }
}

/// The page among `paths` named after the item `name`:
/// `…resources/<name>.md`, case-insensitively.
pub(super) fn own_page<'p>(name: &str, paths: &[&'p str]) -> Option<&'p str> {
    let own = format!("resources/{name}.md").to_ascii_lowercase();
    paths.iter().copied().find(|p| {
        let p = p.to_ascii_lowercase();
        p == own || p.ends_with(&format!("/{own}"))
    })
}

/// A type or an enum, by key.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ItemKey {
    Type(String),
    Enum(String),
}

/// Moves to [`FOUNDATION`] every base type another workload's type derives
/// from, and every value (an enum, or a complex type that is no entity
/// type) an item of another workload holds; then the bases and values those
/// hold in turn. What is left crossing workloads is an entity type, reached
/// by a navigation property, a base of the same workload, or an endpoint's
/// body: emission compiles those only when both workloads are on.
fn assign_foundation(model: &mut Model) {
    let entities: BTreeSet<String> = model
        .types
        .values()
        .filter(|t| model.is_entity_type(t))
        .map(|t| t.name.key())
        .collect();
    let mut stack = foundation_seeds(model, &entities);
    let mut moved = BTreeSet::new();
    while let Some(item) = stack.pop() {
        if !moved.insert(item.clone()) {
            continue;
        }
        if let ItemKey::Type(key) = &item {
            if let Some(t) = model.types.get(key) {
                stack.extend(base_of(model, t));
                stack.extend(held_values(model, t, &entities));
            }
        }
    }
    for item in moved {
        let workload = match &item {
            ItemKey::Type(key) => model.types.get_mut(key).map(|t| &mut t.workload),
            ItemKey::Enum(key) => model.enums.get_mut(key).map(|e| &mut e.workload),
        };
        if let Some(workload) = workload {
            FOUNDATION.clone_into(workload);
        }
    }
}

/// The bases and values that items of another workload than their own
/// derive from or hold.
fn foundation_seeds(model: &Model, entities: &BTreeSet<String>) -> Vec<ItemKey> {
    let workload_of = |item: &ItemKey| match item {
        ItemKey::Type(key) => model.types.get(key).map(|t| t.workload.as_str()),
        ItemKey::Enum(key) => model.enums.get(key).map(|e| e.workload.as_str()),
    };
    let mut seeds = Vec::new();
    for t in model.types.values() {
        let used = base_of(model, t)
            .into_iter()
            .chain(held_values(model, t, entities));
        seeds.extend(used.filter(|item| workload_of(item) != Some(t.workload.as_str())));
    }
    seeds
}

/// `t`'s base type, when the model has it.
fn base_of(model: &Model, t: &TypeDef) -> Option<ItemKey> {
    let key = t.base.as_ref()?.key();
    model.types.contains_key(&key).then_some(ItemKey::Type(key))
}

/// The enums and value types (complex types that are no entity type) the
/// properties and relationships of `t` hold.
fn held_values(model: &Model, t: &TypeDef, entities: &BTreeSet<String>) -> Vec<ItemKey> {
    t.properties
        .iter()
        .chain(&t.relationships)
        .filter_map(|p| match &p.ty {
            TypeRef::Enum(q) if model.enums.contains_key(&q.key()) => Some(ItemKey::Enum(q.key())),
            TypeRef::Complex(q)
                if model.types.contains_key(&q.key()) && !entities.contains(&q.key()) =>
            {
                Some(ItemKey::Type(q.key()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, resource, type_named};
    use crate::ir::{key_of, Model, DEFAULT_NAMESPACE};

    /// `text` under front matter naming the product `prod`.
    fn with_prod(prod: &str, text: &str) -> String {
        format!("---\nms.prod: {prod}\n---\n{text}")
    }

    /// `page` with a Relationships table of `rows` (`name|Type|Description`).
    fn with_relationships(page: &str, rows: &[&str]) -> String {
        let mut page = format!(
            "{page}\n## Relationships\n|Relationship|Type|Description|\n|:---|:---|:---|\n"
        );
        for row in rows {
            page.push_str(&format!("|{row}|\n"));
        }
        page
    }

    /// The workload of the enum `name` of `microsoft.graph`.
    fn enum_workload<'m>(model: &'m Model, name: &str) -> &'m str {
        &model.enums[&key_of(DEFAULT_NAMESPACE, name)].workload
    }

    #[test]
    fn a_type_takes_the_workload_of_the_page_named_after_it() {
        let intune = resource("user", "What Intune knows of a user.", &["id|String|Id."]);
        let own = with_prod(
            "users",
            &resource("user", "A user.", &["displayName|String|Name."]),
        );
        let model = model_of(&[
            ("resources/intune-devices-user.md", &intune),
            ("resources/user.md", &own),
        ]);
        assert_eq!(type_named(&model, "user").workload, "users");
        // Without a page named after it, the first page by path decides.
        let model = model_of(&[("resources/intune-devices-user.md", &intune)]);
        assert_eq!(type_named(&model, "user").workload, "intune-devices");
    }

    #[test]
    fn a_page_without_product_is_general() {
        let thing = resource("thing", "A thing.", &["size|Int32|How big."]);
        let model = model_of(&[("resources/thing.md", &thing)]);
        assert_eq!(type_named(&model, "thing").workload, "general");
    }

    #[test]
    fn shared_bases_and_values_go_to_the_foundation_entity_types_stay() {
        let entity = with_prod("applications", &resource("entity", "", &["id|String|Id."]));
        let message = with_prod(
            "outlook",
            &resource(
                "message",
                "Inherits from [entity](entity.md).",
                &["from|[recipient](recipient.md)|Sender."],
            ),
        );
        let recipient = with_prod(
            "outlook",
            &resource(
                "recipient",
                "",
                &["emailAddress|[emailAddress](emailaddress.md)|Address."],
            ),
        );
        let address = with_prod(
            "outlook",
            &resource("emailAddress", "", &["address|String|A."]),
        );
        let user = with_prod(
            "users",
            &with_relationships(
                &resource(
                    "user",
                    "Inherits from [entity](entity.md).",
                    &[
                        "contact|[recipient](recipient.md)|Contact.",
                        "kind|userKind|Possible values are: `member`, `guest`.",
                    ],
                ),
                &["messages|[message](message.md) collection|Mail."],
            ),
        );
        let model = model_of(&[
            ("resources/entity.md", &entity),
            ("resources/message.md", &message),
            ("resources/recipient.md", &recipient),
            ("resources/emailaddress.md", &address),
            ("resources/user.md", &user),
        ]);
        let workload = |name| type_named(&model, name).workload.as_str();
        // A base of other workloads' types, a value users holds, and the
        // value that value holds.
        assert_eq!(workload("entity"), "core");
        assert_eq!(workload("recipient"), "core");
        assert_eq!(workload("emailAddress"), "core");
        // An entity type stays: users reaches it by navigation, gated.
        assert_eq!(workload("message"), "outlook");
        assert_eq!(workload("user"), "users");
        // A value only its own workload holds stays there.
        assert_eq!(enum_workload(&model, "userKind"), "users");
        let user = type_named(&model, "user");
        assert_eq!(
            model.property_gate(&user.workload, &user.relationships[0].ty),
            Some("outlook")
        );
        assert_eq!(
            model.property_gate(&user.workload, &user.properties[0].ty),
            None
        );
    }
}
