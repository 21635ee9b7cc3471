//! Navigating a page by its headings.

use super::{PageKind, DEFAULT_NAMESPACE};
use crate::parse::{Block, Page};

/// A page with helpers to find its title, namespace and sections.
pub(crate) struct Sections<'p> {
    pub page: &'p Page,
}

impl<'p> Sections<'p> {
    pub fn new(page: &'p Page) -> Self {
        Sections { page }
    }

    /// The first `#` heading's text.
    pub fn title(&self) -> &'p str {
        self.page
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading {
                    level: 1, content, ..
                } => Some(content.text.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// The `Namespace: x` line, or `microsoft.graph`.
    pub fn namespace(&self) -> String {
        self.page
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { content, .. } => {
                    content.text.strip_prefix("Namespace:").map(|ns| {
                        ns.split_whitespace()
                            .next()
                            .unwrap_or("")
                            .trim_end_matches('.')
                            .to_owned()
                    })
                }
                _ => None,
            })
            .filter(|ns| !ns.is_empty())
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned())
    }

    /// Decides what kind of page this is: title first, then `doc_type`, then path.
    pub fn kind(&self) -> PageKind {
        let title = self.title().to_ascii_lowercase();
        if title.ends_with(" resource type")
            || title.ends_with(" complex type")
            || title.ends_with(" entity type")
        {
            return PageKind::Resource;
        }
        if title.ends_with(" enum type")
            || title.ends_with("enum values")
            || title.ends_with("enumeration values")
        {
            return PageKind::Enum;
        }
        let path = self.page.path.to_ascii_lowercase();
        if path.starts_with("api/") || path.contains("/api/") {
            return PageKind::Api;
        }
        let doc_type = self
            .page
            .front_matter
            .as_ref()
            .and_then(|f| f.get("doc_type"))
            .unwrap_or("")
            .to_ascii_lowercase();
        match doc_type.as_str() {
            "resourcepagetype" => return PageKind::Resource,
            "enumpagetype" => return PageKind::Enum,
            "apipagetype" => return PageKind::Api,
            _ => {}
        }
        // Without front matter (published text), an HTTP request section
        // holding request lines makes an api page.
        if self.page.front_matter.is_none()
            && self
                .section("http request")
                .any(|b| matches!(b, Block::Code { .. }))
        {
            return PageKind::Api;
        }
        if self.section("properties").next().is_some() {
            PageKind::Resource
        } else {
            PageKind::Other
        }
    }

    /// The blocks under every `##` heading whose text starts with `name`
    /// (case-insensitive), up to the next heading of the same or a higher level.
    pub fn section<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'p Block> + 's {
        let name = name.as_bytes();
        let mut inside: Option<u8> = None;
        self.page.blocks.iter().filter(move |b| {
            if let Block::Heading { level, content, .. } = b {
                if inside.is_some_and(|l| *level <= l) {
                    inside = None;
                }
                let starts_with_name = content
                    .text
                    .as_bytes()
                    .get(..name.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(name));
                if *level == 2 && starts_with_name {
                    inside = Some(*level);
                }
                return false;
            }
            inside.is_some()
        })
    }

    /// The paragraphs before the first `##` heading.
    pub fn intro(&self) -> impl Iterator<Item = &'p Block> + '_ {
        self.page
            .blocks
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { level: 2.., .. }))
            .filter(|b| matches!(b, Block::Paragraph { .. }))
    }
}
