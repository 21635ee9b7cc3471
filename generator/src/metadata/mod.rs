//! The service's metadata: a CSDL (EDMX) XML document read into the same
//! [`Model`] the pages give. Pure: text in, a model and its diagnostics out.
//!
//! The document is parsed with roxmltree; then [`names`] records every
//! schema's namespace and alias and every type it declares, so that
//! [`types`] and [`enums`] can resolve each `Type` and `BaseType` whatever
//! order the declarations come in; last, [`annotations`] puts the
//! descriptions (inline, or in `<Annotations Target=…>` blocks) on the items
//! they target. Every item is located at the start of its element; XML that
//! is not well-formed, an element the reader does not know and a missing or
//! unreadable attribute are located diagnostics, never a panic.

mod annotations;
mod enums;
mod names;
mod types;

#[cfg(test)]
mod tests;

use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::ir::Model;
use crate::source::{LineIndex, Location};
use names::Names;
use roxmltree::Node;
use std::sync::Arc;

/// Reads a metadata document into the model of `version`. `path` is the
/// file as the user named it: every location points into it.
pub fn read_metadata(path: &str, text: &str, version: &str) -> Model {
    let mut model = Model {
        version: version.to_owned(),
        ..Model::default()
    };
    // A BOM is not part of the document (and roxmltree refuses it before
    // the XML declaration); it is one character, so columns of line 1 shift by one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        text,
        lines: LineIndex::new(Arc::from(path), text),
        diagnostics: Vec::new(),
    };
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    match roxmltree::Document::parse_with_options(text, options) {
        Ok(doc) => reader.document(&doc, &mut model),
        Err(e) => reader.xml_error(&e),
    }
    crate::ir::name_items(&mut model);
    let mut diagnostics = reader.diagnostics;
    diagnostics.sort();
    diagnostics.dedup();
    model.diagnostics = diagnostics;
    model
}

/// The document being read: its text, line index and what was found wrong.
struct Reader<'t> {
    /// The document.
    text: &'t str,
    /// Turns byte offsets into locations.
    lines: LineIndex,
    /// The diagnostics so far.
    diagnostics: Vec<Diagnostic>,
}

/// The schema elements the reader knows but does not model (operations,
/// the entity container, terms): skipped without a word.
const KNOWN_UNMODELLED: &[&str] = &[
    "Action",
    "Function",
    "EntityContainer",
    "Term",
    "Annotation",
];

impl Reader<'_> {
    /// Where `node` starts.
    fn at(&self, node: Node) -> Location {
        self.lines.location(self.text, node.range().start)
    }

    /// Records a diagnostic at `node`.
    fn report(&mut self, severity: Severity, code: &'static str, node: Node, message: String) {
        let at = self.at(node);
        self.diagnostics
            .push(Diagnostic::new(severity, code, at, message));
    }

    /// `metadata-xml-invalid` where the parser stopped.
    fn xml_error(&mut self, e: &roxmltree::Error) {
        let pos = e.pos();
        let at = Location {
            path: self.lines.path().clone(),
            line: pos.row.max(1),
            column: pos.col.max(1),
        };
        self.diagnostics.push(Diagnostic::new(
            Severity::Error,
            codes::METADATA_XML_INVALID,
            at,
            format!("the metadata is not well-formed XML ({e}); nothing was read from it"),
        ));
    }

    /// `metadata-unknown-element`: an element the reader does not know
    /// where it stands (skipped, with everything inside it).
    fn unknown(&mut self, node: Node, parent: &str) {
        let name = node.tag_name().name();
        self.report(
            Severity::Warning,
            codes::METADATA_UNKNOWN_ELEMENT,
            node,
            format!("`<{name}>` is not an element the metadata reader knows inside `<{parent}>`; it was skipped"),
        );
    }

    /// `metadata-attribute-missing`: `node` lacks `attribute`, so `what` was skipped.
    fn missing(&mut self, node: Node, attribute: &str, what: &str) {
        let name = node.tag_name().name();
        self.report(
            Severity::Error,
            codes::METADATA_ATTRIBUTE_MISSING,
            node,
            format!("`<{name}>` has no `{attribute}` attribute; {what} was skipped"),
        );
    }

    /// A boolean attribute (`true`/`false`); `default` when absent, and
    /// also (with `metadata-attribute-invalid`) when it is something else.
    fn flag(&mut self, node: Node, attribute: &str, default: bool) -> bool {
        match node.attribute(attribute) {
            None => default,
            Some("true") => true,
            Some("false") => false,
            Some(other) => {
                self.report(
                    Severity::Warning,
                    codes::METADATA_ATTRIBUTE_INVALID,
                    node,
                    format!("`{attribute}=\"{other}\"` is neither `true` nor `false`; read as `{default}`"),
                );
                default
            }
        }
    }

    /// The whole document: `<edmx:Edmx>` (or a bare `<Schema>`).
    fn document(&mut self, doc: &roxmltree::Document, model: &mut Model) {
        let root = doc.root_element();
        let schemas = match root.tag_name().name() {
            "Edmx" => self.edmx_schemas(root),
            "Schema" => vec![root],
            other => {
                self.report(
                    Severity::Error,
                    codes::METADATA_UNKNOWN_ELEMENT,
                    root,
                    format!("the root element is `<{other}>`, not `<edmx:Edmx>` or `<Schema>`: this is not CSDL metadata"),
                );
                return;
            }
        };
        let names = Names::collect(self, root, &schemas);
        for schema in &schemas {
            self.schema(*schema, &names, model);
        }
        annotations::apply(self, &schemas, &names, model);
    }

    /// The schemas of `<edmx:Edmx>`: those of its `<edmx:DataServices>`.
    fn edmx_schemas<'a, 'i>(&mut self, edmx: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
        let mut schemas = Vec::new();
        for child in edmx.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "DataServices" => {
                    for s in child.children().filter(Node::is_element) {
                        match s.tag_name().name() {
                            "Schema" => schemas.push(s),
                            _ => self.unknown(s, "edmx:DataServices"),
                        }
                    }
                }
                // References to other documents' vocabularies: their
                // aliases are read by `names`, nothing else is needed.
                "Reference" => {}
                _ => self.unknown(child, "edmx:Edmx"),
            }
        }
        schemas
    }

    /// One schema's types and enums.
    fn schema(&mut self, schema: Node, names: &Names, model: &mut Model) {
        let Some(namespace) = schema.attribute("Namespace") else {
            return; // Reported once, by `names`.
        };
        for child in schema.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "EntityType" | "ComplexType" => {
                    self.structured_type(child, namespace, names, model)
                }
                "EnumType" => self.enum_type(child, namespace, names, model),
                // Read by `names` (a named primitive) and `annotations`.
                "TypeDefinition" | "Annotations" => {}
                name if KNOWN_UNMODELLED.contains(&name) => {}
                _ => self.unknown(child, "Schema"),
            }
        }
    }
}
