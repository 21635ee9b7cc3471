//! `<EnumType>`: an enum with its members, their values, and `IsFlags`.

use super::Reader;
use crate::diagnostics::{codes, Severity};
use crate::ir::{
    EnumDef, EnumListKind, EnumMember, EnumSource, Model, QualifiedName, RustName, GENERAL,
};
use roxmltree::Node;
use std::collections::HashSet;

impl Reader<'_> {
    /// One enum type into `model`. Members without a `Value` take their
    /// position (CSDL: when no member has a value, they count from 0); a
    /// value that is not an integer is reported and left out.
    pub(super) fn enum_type(
        &mut self,
        node: Node,
        namespace: &str,
        names: &super::names::Names,
        model: &mut Model,
    ) {
        let Some(name) = node.attribute("Name") else {
            return; // Reported by `names`.
        };
        if !names.is_first(node) {
            return;
        }
        let members: Vec<Node> = node
            .children()
            .filter(Node::is_element)
            .filter(|child| match child.tag_name().name() {
                "Member" => true,
                "Annotation" => false,
                _ => {
                    self.unknown(*child, "EnumType");
                    false
                }
            })
            .collect();
        let implicit = members.iter().all(|m| m.attribute("Value").is_none());
        let mut e = EnumDef {
            name: QualifiedName::new(namespace, name),
            description: String::new(),
            placeholder: None,
            members: Vec::new(),
            sources: vec![EnumSource {
                kind: EnumListKind::Metadata,
                source: self.at(node),
            }],
            synthesized: false,
            flags: self.flag(node, "IsFlags", false),
            rust: RustName::default(),
            workload: GENERAL.to_owned(),
        };
        e.members = self.members(name, members, implicit);
        model.enums.insert(e.name.key(), e);
    }

    /// The members of the enum `name`: a member named twice (in any case)
    /// is reported and the first kept; without any `Value`, members count
    /// from 0.
    fn members(&mut self, name: &str, members: Vec<Node>, implicit: bool) -> Vec<EnumMember> {
        let mut out = Vec::with_capacity(members.len());
        let mut seen = HashSet::new();
        for (index, member) in members.into_iter().enumerate() {
            let Some(member_name) = member.attribute("Name") else {
                self.missing(member, "Name", "the member");
                continue;
            };
            if !seen.insert(member_name.to_ascii_lowercase()) {
                self.report(
                    Severity::Warning,
                    codes::DUPLICATE_MEMBER,
                    member,
                    format!(
                        "`{name}` declares the member `{member_name}` twice (names are compared without case); the first is kept"
                    ),
                );
                continue;
            }
            for child in member.children().filter(Node::is_element) {
                if child.tag_name().name() != "Annotation" {
                    self.unknown(child, "Member");
                }
            }
            let value = match member.attribute("Value") {
                None => implicit.then(|| i64::try_from(index).ok()).flatten(),
                Some(text) => self.member_value(member, text),
            };
            out.push(EnumMember {
                name: member_name.to_owned(),
                value,
                description: String::new(),
                placeholder: None,
                source: self.at(member),
            });
        }
        out
    }

    /// A member's `Value`: an integer, else reported and `None`.
    fn member_value(&mut self, member: Node, text: &str) -> Option<i64> {
        match text.trim().parse::<i64>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.report(
                    Severity::Warning,
                    codes::METADATA_ATTRIBUTE_INVALID,
                    member,
                    format!(
                        "`Value=\"{text}\"` is not an integer; the member is read without a value"
                    ),
                );
                None
            }
        }
    }
}
