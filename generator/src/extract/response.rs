//! The Response section of an api page: the success status code and the
//! response body's type.

use super::api::linked_page;
use super::resource::unqualified;
use super::sections::Sections;
use crate::parse::Block;
use regex::Regex;
use std::sync::OnceLock;

/// A status code and its reason phrase: `201 Created`.
fn status_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b([1-5]\d\d)\s+[A-Z][A-Za-z-]*").expect("valid regex"))
}

/// "… response code and a [collection of] x object in the response body".
fn response_object_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"response code and (?:an? |the )?(collection of )?([A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]) (?:objects? |resources? )?in the response body")
            .expect("valid regex")
    })
}

/// What an api page's Response section says of the response.
#[derive(Default)]
pub(super) struct Response {
    /// The success status code.
    pub(super) status: Option<u16>,
    /// The response body's type.
    pub(super) type_name: Option<String>,
    /// The page the type's link goes to.
    pub(super) page: Option<String>,
    /// Whether the body is a collection.
    pub(super) collection: bool,
}

/// Reads the Response section: the first paragraph about the response code
/// that gives a status (and, linked or in published text, the body's type).
pub(super) fn read_response(sections: &Sections<'_>, linkless: bool) -> Response {
    let mut response = Response::default();
    for block in sections.section("response") {
        let Block::Paragraph { content, .. } = block else {
            continue;
        };
        let lower = content.text.to_ascii_lowercase();
        if response.status.is_some() || !lower.contains("response code") {
            continue;
        }
        response.status = status_re()
            .captures(&content.text)
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse().ok());
        if let Some(link) = content.links.first() {
            let name = link.text.trim().trim_matches('`');
            if !name.is_empty() && !name.contains(' ') {
                response.type_name = Some(unqualified(name));
                response.page = linked_page(&sections.page.path, &link.dest);
                response.collection = lower.contains("collection") || lower.contains("list of");
            }
        } else if let Some((name, collection)) =
            unlinked_response_object(&content.text).filter(|_| linkless)
        {
            response.type_name = Some(name);
            response.collection = collection;
        }
    }
    response
}

/// Published text has no links: "… and a mobileAppInstallStatus object in the
/// response body" names the response's type (and whether it is a collection)
/// by a lower camelCase name.
fn unlinked_response_object(text: &str) -> Option<(String, bool)> {
    let c = response_object_re().captures(text)?;
    let (collection, name) = (
        c.get(1).is_some(),
        c.get(2).map(|m| m.as_str()).unwrap_or(""),
    );
    (name.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(name, "new" | "json" | "the" | "an" | "a" | "updated"))
    .then(|| (unqualified(name), collection))
}
