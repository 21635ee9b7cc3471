//! `<EntityType>` and `<ComplexType>`: a type with its base, whether it is
//! abstract or open, its properties and its navigation properties.

use super::names::Names;
use super::Reader;
use crate::diagnostics::{codes, Severity};
use crate::ir::{Model, Property, QualifiedName, RustName, TypeDef, GENERAL};
use roxmltree::Node;
use std::collections::HashSet;

/// Elements a type may hold besides its properties: read elsewhere
/// (`Annotation`) or not modelled (`Key`: Graph's keys are all `id`).
const KNOWN_IN_TYPE: &[&str] = &["Key", "Annotation"];

/// Elements a property may hold: annotations (read by `annotations`) and a
/// navigation property's delete rule and constraints (not modelled).
const KNOWN_IN_PROPERTY: &[&str] = &["Annotation", "OnDelete", "ReferentialConstraint"];

impl Reader<'_> {
    /// One entity or complex type into `model` (a second declaration of a
    /// name was reported by `names` and is skipped).
    pub(super) fn structured_type(
        &mut self,
        node: Node,
        namespace: &str,
        names: &Names,
        model: &mut Model,
    ) {
        let Some(name) = node.attribute("Name") else {
            return; // Reported by `names`.
        };
        if !names.is_first(node) {
            return;
        }
        let base = node
            .attribute("BaseType")
            .map(|b| names.base(self, node, b));
        let mut t = TypeDef {
            name: QualifiedName::new(namespace, name),
            base,
            description: String::new(),
            placeholder: None,
            properties: Vec::new(),
            relationships: Vec::new(),
            open: self.flag(node, "OpenType", false),
            is_abstract: self.flag(node, "Abstract", false),
            aliases: Vec::new(),
            sources: vec![self.at(node)],
            rust: RustName::default(),
            workload: GENERAL.to_owned(),
        };
        let mut seen = HashSet::new();
        for child in node.children().filter(Node::is_element) {
            let kind = child.tag_name().name();
            let navigation = match kind {
                "Property" => false,
                "NavigationProperty" => true,
                _ if KNOWN_IN_TYPE.contains(&kind) => continue,
                _ => {
                    self.unknown(child, node.tag_name().name());
                    continue;
                }
            };
            let Some(p) = self.property(child, navigation, names) else {
                continue;
            };
            if !seen.insert(p.name.to_ascii_lowercase()) {
                self.report(
                    Severity::Warning,
                    codes::DUPLICATE_PROPERTY,
                    child,
                    format!("`{name}` declares `{}` twice; the first is kept", p.name),
                );
                continue;
            }
            if navigation {
                t.relationships.push(p);
            } else {
                t.properties.push(p);
            }
        }
        model.types.insert(t.name.key(), t);
    }

    /// A `<Property>` or `<NavigationProperty>`; `None` (reported) without
    /// a name or a type. An absent `Nullable` is CSDL's default, nullable,
    /// for a structural property, and unsaid for a navigation property.
    fn property(&mut self, node: Node, navigation: bool, names: &Names) -> Option<Property> {
        let Some(name) = node.attribute("Name") else {
            self.missing(node, "Name", "the property");
            return None;
        };
        let Some(type_text) = node.attribute("Type") else {
            self.missing(node, "Type", &format!("the property `{name}`"));
            return None;
        };
        for child in node.children().filter(Node::is_element) {
            if !KNOWN_IN_PROPERTY.contains(&child.tag_name().name()) {
                self.unknown(child, node.tag_name().name());
            }
        }
        let (ty, collection) = names.resolve(self, node, type_text);
        let nullable = match node.attribute("Nullable") {
            None if navigation => None,
            _ => Some(self.flag(node, "Nullable", true)),
        };
        Some(Property {
            name: name.to_owned(),
            ty,
            collection,
            description: String::new(),
            placeholder: None,
            read_only: None,
            nullable,
            optional: None,
            contained: navigation && self.flag(node, "ContainsTarget", false),
            source: self.at(node),
        })
    }
}
