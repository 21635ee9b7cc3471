//! API pages: HTTP request lines, request body, response, query parameters
//! and headers (permissions, examples and the reference-body check have
//! their own modules).

use super::base_hints::inherited_cell_hints;
use super::examples::extract_examples;
use super::permissions::{permissions, PermissionFacts};
use super::reference_bodies::{check_reference_bodies, speaks_of_a_reference, BodyStatement};
use super::resource::unqualified;
use super::response::read_response;
use super::sections::Sections;
use super::tables::{enum_lists_from_properties, first_header, property_rows};
use super::{PageFacts, PropertyFacts, TypeFacts, TypeOrigin};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{request_line, Block, HttpMethod, Inline, Row};
use crate::source::Location;
use regex::Regex;
use std::sync::OnceLock;

/// One `METHOD /path` line of the HTTP request block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointFacts {
    /// `GET`, `POST`, …
    pub method: HttpMethod,
    /// The path template as written (`/deviceAppManagement/mobileApps/{mobileAppId}`).
    pub path: String,
    /// The page title.
    pub title: String,
    /// The request body's type, from "a JSON representation of the [x] object".
    pub request_body: Option<String>,
    /// The page the request body type's link goes to (see `response_page`).
    pub request_page: Option<String>,
    /// The success status code, from "returns a `201 Created` response code".
    pub response_status: Option<u16>,
    /// The response body's type.
    pub response_type: Option<String>,
    /// The page the response type's link goes to (`resources/teamstab.md`,
    /// relative to the docs folder), for when the link text is no type name
    /// (`[tabs](../resources/teamstab.md)`).
    pub response_page: Option<String>,
    /// Whether the response body is a collection.
    pub response_collection: bool,
    /// The permissions table.
    pub permissions: PermissionFacts,
    /// Rows of the Optional query parameters table.
    pub query_parameters: Vec<NamedRow>,
    /// Rows of the Request headers table.
    pub headers: Vec<NamedRow>,
    /// An action's Parameters table in the Request body section.
    pub body_parameters: Vec<PropertyFacts>,
    /// Where the line is.
    pub location: Location,
}

/// A row of a two-column name/description table (query parameters, headers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedRow {
    /// The name (`$select`, `Authorization`).
    pub name: String,
    /// The description or value cell.
    pub description: String,
    /// Whether the description says Required.
    pub required: bool,
    /// Where the row is.
    pub location: Location,
}

/// "… a JSON representation of a b2xIdentityUserFlow." (published text only,
/// where the link that names the type is gone): a camelCase name ending the sentence.
fn representation_end_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i:representation\s+(?:of|for)\s+(?:the\s+|an?\s+)?(?:new\s+)?)([a-z][a-z0-9_]*[A-Z][A-Za-z0-9_]*)\.(?:\s|$)")
            .expect("valid regex")
    })
}

fn representation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)representation\s+(?:of|for)\s+(?:the\s+|an?\s+)?(?:new\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s+(?:object|resource|entity)").expect("valid regex")
    })
}

/// The first link's text and the page it goes to (see [`linked_page`]), or
/// the name after "representation of the" (without links, as in published
/// text, also a camelCase name ending the sentence).
fn body_type(
    content: &Inline,
    page: &str,
    linkless_page: bool,
) -> Option<(String, Option<String>)> {
    // A linked name counts only when the link goes to a page (a type's page).
    if let Some(link) = content
        .links
        .iter()
        .find(|l| l.dest.contains(".md") || l.dest.contains("/resources/"))
    {
        let name = link.text.trim().trim_matches('`');
        if !name.is_empty() && !name.contains(' ') {
            return Some((unqualified(name), linked_page(page, &link.dest)));
        }
    }
    representation_re()
        .captures(&content.text)
        .or_else(|| {
            linkless_page
                .then(|| representation_end_re().captures(&content.text))
                .flatten()
        })
        .and_then(|c| c.get(1))
        .map(|m| (unqualified(m.as_str()), None))
}

/// The docs-folder path of the page a link on the page at `page` goes to,
/// lower case: `../resources/teamstab.md#x` from `api/chat-list-tabs.md` is
/// `resources/teamstab.md`. `None` for links to anything but a `.md` page
/// by a relative path.
pub(crate) fn linked_page(page: &str, dest: &str) -> Option<String> {
    let dest = dest.split(['#', '?']).next().unwrap_or("");
    if !dest.ends_with(".md") || dest.contains("://") || dest.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for piece in dest.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            _ => parts.push(piece),
        }
    }
    Some(parts.join("/").to_ascii_lowercase())
}

/// The endpoints of an api page (one per request line, each with what the
/// page says of its body, response and permissions), the request body's type,
/// and the page's examples.
pub(crate) fn extract_api(sections: &Sections<'_>, facts: &mut PageFacts) {
    let title = sections.title().to_owned();
    let permissions = permissions(sections);
    // A page without front matter may be published text, whose links are gone:
    // type names are then also read from the sentences around them.
    let linkless = sections.page.front_matter.is_none();
    let body = read_request_body(sections, linkless, facts);
    let response = read_response(sections, linkless);
    let query_parameters = named_rows(sections, "optional query parameters");
    let headers = named_rows(sections, "request headers");
    for (method, target, location) in request_lines(sections, &mut facts.diagnostics) {
        facts.endpoints.push(EndpointFacts {
            method,
            path: normalize_request_path(target),
            title: title.clone(),
            request_body: body.name.clone(),
            request_page: body.page.clone(),
            response_status: response.status,
            response_type: response.type_name.clone(),
            response_page: response.page.clone(),
            response_collection: response.collection,
            permissions: permissions.clone(),
            query_parameters: query_parameters.clone(),
            headers: headers.clone(),
            body_parameters: body.parameters.clone(),
            location,
        });
    }
    if let Some(statement) = body.statement {
        check_reference_bodies(&facts.endpoints, &statement, &mut facts.diagnostics);
    }
    extract_examples(sections, facts);
}

/// What an api page's Request body section says of the body.
#[derive(Default)]
struct RequestBody {
    /// The body's type, from "a JSON representation of the [x] object".
    name: Option<String>,
    /// The page the type's link goes to.
    page: Option<String>,
    /// The body's fields: an action's Parameters table, or a Property table
    /// when no type is named.
    parameters: Vec<PropertyFacts>,
    /// Where the body is said to be an object: the sentence naming its type,
    /// else the first table of its properties.
    statement: Option<BodyStatement>,
}

/// Reads the Request body section. A Property table of a named body type
/// describes that type: it is added to the page's types (with the enums its
/// "Possible values" list).
fn read_request_body(
    sections: &Sections<'_>,
    linkless: bool,
    facts: &mut PageFacts,
) -> RequestBody {
    let mut body = RequestBody::default();
    for block in sections.section("request body") {
        match block {
            Block::Paragraph { content, location }
                if body.name.is_none()
                    && content
                        .text
                        .to_ascii_lowercase()
                        .contains("json representation") =>
            {
                if let Some((name, page)) = body_type(content, &sections.page.path, linkless) {
                    if !speaks_of_a_reference(&content.text) {
                        body.statement = Some(BodyStatement::Named(name.clone(), location.clone()));
                    }
                    body.name = Some(name);
                    body.page = page;
                }
            }
            Block::Table {
                header,
                rows,
                location,
            } => body.read_table(header, rows, location, facts),
            _ => {}
        }
    }
    body
}

impl RequestBody {
    /// Reads a table of the Request body section.
    fn read_table(
        &mut self,
        header: &Row,
        rows: &[Row],
        location: &Location,
        facts: &mut PageFacts,
    ) {
        let first = first_header(header);
        // A table of `@odata.id` alone describes a reference.
        let reference_only = rows.iter().all(|r| {
            r.cells
                .first()
                .is_some_and(|c| c.content.text.contains("odata.id"))
        });
        if (first.starts_with("parameter") || first.starts_with("propert"))
            && self.statement.is_none()
            && !reference_only
        {
            self.statement = Some(BodyStatement::Table(location.clone()));
        }
        // A Parameters table, or a Property table with no named body type
        // ("supply the values for relevant fields"): the body's fields.
        if first.starts_with("parameter") || (self.name.is_none() && first.starts_with("propert")) {
            self.parameters
                .extend(property_rows(header, rows, &mut facts.diagnostics));
            return;
        }
        if let (Some(ty), true) = (&self.name, first.starts_with("propert")) {
            let properties = property_rows(header, rows, &mut facts.diagnostics);
            facts.enums.extend(enum_lists_from_properties(
                ty,
                &facts.namespace,
                &properties,
            ));
            let body_type = request_body_type(ty, properties, &self.page, location, facts);
            facts.types.push(body_type);
        }
    }
}

/// The type a request body's Property table describes: `name`, whose link
/// goes to `linked_page`, with the table's `properties` and the base types
/// their "Inherited from" notes name.
fn request_body_type(
    name: &str,
    properties: Vec<PropertyFacts>,
    linked_page: &Option<String>,
    location: &Location,
    facts: &PageFacts,
) -> TypeFacts {
    let base_hints = inherited_cell_hints(&properties);
    TypeFacts {
        name: name.to_owned(),
        namespace: facts.namespace.clone(),
        origin: TypeOrigin::RequestBody,
        description: String::new(),
        base_hints,
        properties,
        relationships: Vec::new(),
        open: false,
        key_property: None,
        aliases: Vec::new(),
        linked_page: linked_page.clone(),
        location: location.clone(),
    }
}

/// The code blocks that hold the request lines: the HTTP request section's,
/// else the first `ignored` block of request lines that is no response.
fn request_blocks<'p>(sections: &Sections<'p>) -> Vec<&'p Block> {
    let request_blocks: Vec<&Block> = sections.section("http request").collect();
    if !request_blocks.is_empty() {
        return request_blocks;
    }
    // Some pages put the request block right under Permissions, with no heading.
    sections
        .page
        .blocks
        .iter()
        .filter(|b| match b {
            Block::Code {
                annotation: Some(a),
                text,
                ..
            } => {
                a.block_type == "ignored"
                    && text
                        .lines()
                        .any(|l| request_line(l.trim()).is_some() && l.contains(" /"))
                    && !text.contains("HTTP/1.1")
            }
            _ => false,
        })
        .take(1)
        .collect()
}

/// The `METHOD /path` lines of the request blocks, each with where it is;
/// other lines (comments and blank lines aside) are reported and skipped.
fn request_lines<'p>(
    sections: &Sections<'p>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(HttpMethod, &'p str, Location)> {
    let mut lines = Vec::new();
    for block in request_blocks(sections) {
        let Block::Code { text, location, .. } = block else {
            continue;
        };
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with("//") || trimmed.starts_with('#') {
                continue;
            }
            let line_location =
                location.offset_lines(i as u32, 1 + (line.len() - line.trim_start().len()) as u32);
            let Some((method, target)) = request_line(trimmed) else {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::HTTP_REQUEST_UNREADABLE,
                    line_location,
                    format!("`{trimmed}` is not a `METHOD /path` line; it was skipped"),
                ));
                continue;
            };
            lines.push((method, target, line_location));
        }
    }
    lines
}

/// A request line's path relative to the version root: a full URL loses its
/// host and version, and a path written without its leading `/` gets one.
fn normalize_request_path(path: &str) -> String {
    let mut path = path.trim();
    if let Some((_, rest)) = path.split_once("://") {
        path = rest.find('/').map(|i| &rest[i..]).unwrap_or("/");
        if let Some(rest) = path.strip_prefix('/') {
            let first = rest.split('/').next().unwrap_or("");
            if crate::source::is_version_name(first) {
                path = &rest[first.len()..];
            }
        }
    }
    if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    }
}

/// The rows of the name/description tables in a section.
fn named_rows(sections: &Sections<'_>, section: &str) -> Vec<NamedRow> {
    let mut out = Vec::new();
    for block in sections.section(section) {
        let Block::Table { rows, .. } = block else {
            continue;
        };
        for row in rows {
            let Some(name) = row
                .cells
                .first()
                .map(|c| c.content.text.trim().trim_matches('`').to_owned())
            else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let description = row
                .cells
                .get(1)
                .map(|c| c.content.text.clone())
                .unwrap_or_default();
            let required = description.to_ascii_lowercase().contains("required")
                && !description.to_ascii_lowercase().contains("not required");
            out.push(NamedRow {
                name,
                description,
                required,
                location: row.location.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::linked_page;

    #[test]
    fn links_resolve_to_pages_of_the_docs_folder() {
        let page = "api/chat-list-tabs.md";
        let to = |dest: &str| linked_page(page, dest);
        assert_eq!(
            to("../resources/teamsTab.md").as_deref(),
            Some("resources/teamstab.md")
        );
        assert_eq!(
            to("../resources/teamstab.md#properties").as_deref(),
            Some("resources/teamstab.md")
        );
        assert_eq!(to("./chat-get.md").as_deref(), Some("api/chat-get.md"));
        assert_eq!(
            linked_page("v1.0/api/x.md", "../resources/y.md").as_deref(),
            Some("v1.0/resources/y.md")
        );
        // Not a page of the folder: a site path, another site, no page, or above the root.
        assert_eq!(
            to("/graph/api/resources/teamstab?view=graph-rest-1.0"),
            None
        );
        assert_eq!(to("https://example.com/a.md"), None);
        assert_eq!(to("../resources/teamstab"), None);
        assert_eq!(to("../../../outside.md"), None);
    }
}
