//! Annotations the model has a place for: `Core.Description` (else
//! `Core.LongDescription`) as an item's description, and `Core.Computed`
//! as a read-only property. They stand inside the element they annotate or
//! in an `<Annotations Target="namespace.type/member">` block; the first
//! found wins, inline before targeted. Targets the model has no item for
//! (entity sets, operations) are skipped.

use super::names::Names;
use super::Reader;
use crate::ir::{key_of, Model};
use roxmltree::Node;
use std::collections::HashMap;

/// The OData core vocabulary.
const CORE: &str = "Org.OData.Core.V1";

/// What annotations say about one item.
#[derive(Default)]
struct Facts {
    /// `Core.Description`.
    description: Option<String>,
    /// `Core.LongDescription`, used when there is no description.
    long_description: Option<String>,
    /// `Core.Computed`: the service sets it.
    computed: Option<bool>,
}

/// Items by type key, then member or property name (lowercase; empty for
/// the type itself).
type Targets = HashMap<(String, String), Facts>;

/// Reads the annotations of `schemas` and puts them on `model`'s items.
pub(super) fn apply(reader: &mut Reader, schemas: &[Node], names: &Names, model: &mut Model) {
    let mut targets = Targets::new();
    for schema in schemas {
        let Some(namespace) = schema.attribute("Namespace") else {
            continue;
        };
        for child in schema.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "EntityType" | "ComplexType" | "EnumType" => {
                    inline(child, namespace, names, &mut targets);
                }
                "Annotations" => targeted(reader, child, names, &mut targets),
                _ => {}
            }
        }
    }
    put(&mut targets, model);
}

/// The annotations inside a type or enum and inside its members.
fn inline(node: Node, namespace: &str, names: &Names, targets: &mut Targets) {
    let Some(name) = node.attribute("Name") else {
        return;
    };
    if !names.is_first(node) {
        return;
    }
    let key = key_of(namespace, name);
    read_into(
        node,
        names,
        targets.entry((key.clone(), String::new())).or_default(),
    );
    for child in node.children().filter(Node::is_element) {
        if let Some(member) = child.attribute("Name") {
            let facts = targets
                .entry((key.clone(), member.to_ascii_lowercase()))
                .or_default();
            read_into(child, names, facts);
        }
    }
}

/// An `<Annotations Target=…>` block.
fn targeted(reader: &mut Reader, node: Node, names: &Names, targets: &mut Targets) {
    let Some(target) = node.attribute("Target") else {
        reader.missing(node, "Target", "the annotations");
        return;
    };
    let (path, member) = target.split_once('/').unwrap_or((target, ""));
    if member.contains('/') || path.contains('(') {
        return; // A path into the entity container, or an operation.
    }
    let (ns, name) = names.split(path);
    let facts = targets
        .entry((key_of(ns, name), member.to_ascii_lowercase()))
        .or_default();
    read_into(node, names, facts);
}

/// The `<Annotation>` children of `node` into `facts` (what is already set stays).
fn read_into(node: Node, names: &Names, facts: &mut Facts) {
    for a in node
        .children()
        .filter(|c| c.tag_name().name() == "Annotation")
    {
        let Some(term) = a.attribute("Term") else {
            continue;
        };
        let (ns, term) = names.split(term);
        if ns != CORE {
            continue;
        }
        let text = || {
            a.attribute("String")
                .or_else(|| {
                    a.children()
                        .find(|c| c.tag_name().name() == "String")
                        .and_then(|s| s.text())
                })
                .map(str::to_owned)
        };
        match term {
            "Description" if facts.description.is_none() => facts.description = text(),
            "LongDescription" if facts.long_description.is_none() => {
                facts.long_description = text();
            }
            "Computed" if facts.computed.is_none() => {
                facts.computed = Some(a.attribute("Bool") != Some("false"));
            }
            _ => {}
        }
    }
}

/// Puts what was read on the model's types, enums, properties and members.
fn put(targets: &mut Targets, model: &mut Model) {
    let mut take =
        |key: &str, member: &str| targets.remove(&(key.to_owned(), member.to_ascii_lowercase()));
    let text = |f: Facts| f.description.or(f.long_description);
    for (key, t) in &mut model.types {
        if let Some(d) = take(key, "").and_then(text) {
            t.description = d;
        }
        for p in t.properties.iter_mut().chain(&mut t.relationships) {
            if let Some(f) = take(key, &p.name) {
                if f.computed == Some(true) {
                    p.read_only = Some(true);
                }
                if let Some(d) = text(f) {
                    p.description = d;
                }
            }
        }
    }
    for (key, e) in &mut model.enums {
        if let Some(d) = take(key, "").and_then(text) {
            e.description = d;
        }
        for m in &mut e.members {
            if let Some(d) = take(key, &m.name).and_then(text) {
                m.description = d;
            }
        }
    }
}
