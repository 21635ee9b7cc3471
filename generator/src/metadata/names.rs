//! What the schemas declare, read before anything is built: each schema's
//! namespace and alias (and those of referenced vocabularies), and every
//! type, enum and type definition by key, so a `Type="graph.user"` resolves
//! whatever order the declarations come in.

use super::Reader;
use crate::diagnostics::{codes, Severity};
use crate::ir::{key_of, Primitive, QualifiedName, TypeRef};
use roxmltree::{Node, NodeId};
use std::collections::{HashMap, HashSet};

/// What a qualified name declares.
#[derive(Clone, Debug)]
pub(super) enum Declared {
    /// An entity or complex type, as its schema spells it.
    Type(QualifiedName),
    /// An enum type.
    Enum(QualifiedName),
    /// A type definition: a named primitive.
    Definition(TypeRef),
}

/// The declarations of every schema of one document.
pub(super) struct Names {
    /// Alias → namespace.
    aliases: HashMap<String, String>,
    /// Declarations by [`key_of`].
    declared: HashMap<String, Declared>,
    /// The elements that declare a name first (a later one with the same
    /// name is reported and skipped).
    first: HashSet<NodeId>,
}

/// `Collection(x)` → (`x`, true); anything else → (itself, false).
pub(super) fn strip_collection(text: &str) -> (&str, bool) {
    match text
        .strip_prefix("Collection(")
        .and_then(|t| t.strip_suffix(')'))
    {
        Some(inner) => (inner.trim(), true),
        None => (text.trim(), false),
    }
}

/// An `Edm.` primitive the model knows, by its exact CSDL name.
fn edm_primitive(text: &str) -> Option<Primitive> {
    let name = text.strip_prefix("Edm.")?;
    Primitive::ALL.into_iter().find(|p| p.as_str() == name)
}

impl Names {
    /// Reads the namespaces, aliases and declarations of `schemas`, and the
    /// aliases `root`'s `<edmx:Reference>` includes give vocabularies.
    pub(super) fn collect(reader: &mut Reader, root: Node, schemas: &[Node]) -> Names {
        let mut names = Names {
            aliases: HashMap::new(),
            declared: HashMap::new(),
            first: HashSet::new(),
        };
        let includes = root
            .children()
            .filter(|n| n.tag_name().name() == "Reference")
            .flat_map(|r| r.children().filter(|n| n.tag_name().name() == "Include"));
        for include in includes {
            if let (Some(ns), Some(alias)) =
                (include.attribute("Namespace"), include.attribute("Alias"))
            {
                names.aliases.insert(alias.to_owned(), ns.to_owned());
            }
        }
        for schema in schemas {
            let Some(namespace) = schema.attribute("Namespace") else {
                reader.missing(*schema, "Namespace", "the schema");
                continue;
            };
            if let Some(alias) = schema.attribute("Alias") {
                names.aliases.insert(alias.to_owned(), namespace.to_owned());
            }
            for child in schema.children().filter(Node::is_element) {
                names.declare(reader, child, namespace);
            }
        }
        names
    }

    /// Records one schema child, if it declares a type.
    fn declare(&mut self, reader: &mut Reader, node: Node, namespace: &str) {
        let kind = node.tag_name().name();
        if !matches!(
            kind,
            "EntityType" | "ComplexType" | "EnumType" | "TypeDefinition"
        ) {
            return;
        }
        let Some(name) = node.attribute("Name") else {
            reader.missing(node, "Name", "the type");
            return;
        };
        let qualified = QualifiedName::new(namespace, name);
        let key = qualified.key();
        if self.declared.contains_key(&key) {
            reader.report(
                Severity::Warning,
                codes::TYPE_DESCRIBED_TWICE,
                node,
                format!("`{namespace}.{name}` is declared twice (names are compared without case); the first declaration is kept"),
            );
            return;
        }
        let declared = match kind {
            "EnumType" => Declared::Enum(qualified),
            "TypeDefinition" => {
                let Some(underlying) = node.attribute("UnderlyingType") else {
                    reader.missing(node, "UnderlyingType", "the type definition");
                    return;
                };
                Declared::Definition(match edm_primitive(underlying) {
                    Some(p) => TypeRef::Primitive(p),
                    None => TypeRef::Untyped(underlying.to_owned()),
                })
            }
            _ => Declared::Type(qualified),
        };
        self.declared.insert(key, declared);
        self.first.insert(node.id());
    }

    /// Whether `node` is the declaration the model keeps for its name.
    pub(super) fn is_first(&self, node: Node) -> bool {
        self.first.contains(&node.id())
    }

    /// A qualified name's namespace and name, its alias replaced by the
    /// namespace it stands for.
    pub(super) fn split<'a>(&'a self, text: &'a str) -> (&'a str, &'a str) {
        let (ns, name) = text.rsplit_once('.').unwrap_or(("", text));
        let ns = self.aliases.get(ns).map_or(ns, String::as_str);
        (ns, name)
    }

    /// What a qualified name declares, if this document declares it.
    pub(super) fn lookup(&self, text: &str) -> Option<&Declared> {
        let (ns, name) = self.split(text);
        self.declared.get(&key_of(ns, name))
    }

    /// A `Type` attribute as a model type and whether it is a collection. A
    /// name no schema declares and no primitive the model knows is
    /// `unresolved-type` and untyped JSON (`Edm.Untyped`, which is any JSON,
    /// without a word).
    pub(super) fn resolve(&self, reader: &mut Reader, node: Node, text: &str) -> (TypeRef, bool) {
        let (inner, collection) = strip_collection(text);
        if let Some(p) = edm_primitive(inner) {
            return (TypeRef::Primitive(p), collection);
        }
        let ty = match self.lookup(inner) {
            Some(Declared::Type(q)) => TypeRef::Complex(q.clone()),
            Some(Declared::Enum(q)) => TypeRef::Enum(q.clone()),
            Some(Declared::Definition(t)) => t.clone(),
            None => {
                if inner != "Edm.Untyped" {
                    reader.report(
                        Severity::Warning,
                        codes::UNRESOLVED_TYPE,
                        node,
                        format!("`{inner}` is no type this metadata declares nor a primitive the generator knows; read as untyped JSON"),
                    );
                }
                TypeRef::Untyped(inner.to_owned())
            }
        };
        (ty, collection)
    }

    /// A `BaseType` attribute as the name of a declared entity or complex
    /// type; a name it does not declare as one is `unresolved-type`, kept
    /// as written (its alias resolved).
    pub(super) fn base(&self, reader: &mut Reader, node: Node, text: &str) -> QualifiedName {
        if let Some(Declared::Type(q)) = self.lookup(text) {
            return q.clone();
        }
        reader.report(
            Severity::Warning,
            codes::UNRESOLVED_TYPE,
            node,
            format!("the base type `{text}` is no entity or complex type this metadata declares"),
        );
        let (ns, name) = self.split(text);
        QualifiedName::new(ns, name)
    }
}
