//! API pages: HTTP request lines, permissions, request body, response, examples.

use super::resource::{inherited_names, unqualified};
use super::sections::Sections;
use super::tables::{enum_lists_from_properties, first_header, property_rows};
use super::{BaseHint, BaseHintKind, PageFacts, PropertyFacts, TypeFacts, TypeOrigin};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{json_commas, request_line, Block, HttpMethod, Inline};
use crate::source::{LineIndex, Location};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// The scopes of one permission type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "scopes", rename_all = "kebab-case")]
pub enum Scopes {
    /// The listed scopes.
    Scopes(Vec<String>),
    /// "Not supported."
    NotSupported,
    /// A TODO placeholder or an empty cell: upstream never said.
    Unknown,
}

/// The permissions table of an api page.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PermissionFacts {
    /// Delegated (work or school account).
    pub delegated_work_or_school: Option<Scopes>,
    /// Delegated (personal Microsoft account).
    pub delegated_personal: Option<Scopes>,
    /// Application.
    pub application: Option<Scopes>,
}

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

/// Request or response.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExampleKind {
    /// A request example.
    Request,
    /// A response example.
    Response,
}

/// A request or response example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFacts {
    /// Request or response.
    pub kind: ExampleKind,
    /// The annotation's `name` (pairs a request with its response).
    pub name: Option<String>,
    /// The annotation's `@odata.type`.
    pub odata_type: Option<String>,
    /// Whether the annotation says the body is a collection.
    pub is_collection: bool,
    /// Request: `POST https://…`; response: `HTTP/1.1 201 Created`.
    pub first_line: String,
    /// The JSON body text, if any.
    pub body: Option<String>,
    /// The body read as JSON (trailing commas left out), when it is JSON:
    /// the one place an example body is parsed.
    pub json: Option<serde_json::Value>,
    /// Where the body starts.
    pub body_location: Location,
    /// Where the code block starts.
    pub location: Location,
    /// Where the first line is.
    pub first_line_location: Location,
}

fn status_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\b([1-5]\d\d)\s+[A-Z][A-Za-z-]*").expect("valid regex"))
}

fn response_object_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"response code and (?:an? |the )?(collection of )?([A-Za-z_][A-Za-z0-9_.]*[A-Za-z0-9_]) (?:objects? |resources? )?in the response body")
            .expect("valid regex")
    })
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

pub(crate) fn extract_api(sections: &Sections<'_>, facts: &mut PageFacts) {
    let title = sections.title().to_owned();
    let permissions = permissions(sections);
    // A page without front matter may be published text, whose links are gone:
    // type names are then also read from the sentences around them.
    let linkless = sections.page.front_matter.is_none();

    let mut request_body = None;
    let mut request_page = None;
    let mut body_parameters = Vec::new();
    // Where the body is said to be an object: the sentence naming its type,
    // else the first table of its properties.
    let mut body_statement: Option<BodyStatement> = None;
    for block in sections.section("request body") {
        match block {
            Block::Paragraph { content, location }
                if request_body.is_none()
                    && content
                        .text
                        .to_ascii_lowercase()
                        .contains("json representation") =>
            {
                if let Some((name, page)) = body_type(content, &sections.page.path, linkless) {
                    if !speaks_of_a_reference(&content.text) {
                        body_statement = Some(BodyStatement::Named(name.clone(), location.clone()));
                    }
                    request_body = Some(name);
                    request_page = page;
                }
            }
            Block::Table {
                header,
                rows,
                location,
            } => {
                let first = first_header(header);
                // A table of `@odata.id` alone describes a reference.
                let reference_only = rows.iter().all(|r| {
                    r.cells
                        .first()
                        .is_some_and(|c| c.content.text.contains("odata.id"))
                });
                if (first.starts_with("parameter") || first.starts_with("propert"))
                    && body_statement.is_none()
                    && !reference_only
                {
                    body_statement = Some(BodyStatement::Table(location.clone()));
                }
                // A Parameters table, or a Property table with no named body type
                // ("supply the values for relevant fields"): the body's fields.
                if first.starts_with("parameter")
                    || (request_body.is_none() && first.starts_with("propert"))
                {
                    body_parameters.extend(property_rows(header, rows, &mut facts.diagnostics));
                    continue;
                }
                if let (Some(ty), true) = (&request_body, first.starts_with("propert")) {
                    let properties = property_rows(header, rows, &mut facts.diagnostics);
                    let base_hints = properties
                        .iter()
                        .flat_map(|p| {
                            inherited_names(&p.description)
                                .into_iter()
                                .map(|name| BaseHint {
                                    name,
                                    kind: BaseHintKind::InheritedCell,
                                    location: p.location.clone(),
                                })
                        })
                        .collect();
                    facts.enums.extend(enum_lists_from_properties(
                        ty,
                        &facts.namespace,
                        &properties,
                    ));
                    facts.types.push(TypeFacts {
                        name: ty.clone(),
                        namespace: facts.namespace.clone(),
                        origin: TypeOrigin::RequestBody,
                        description: String::new(),
                        base_hints,
                        properties,
                        relationships: Vec::new(),
                        open: false,
                        key_property: None,
                        aliases: Vec::new(),
                        linked_page: request_page.clone(),
                        location: location.clone(),
                    });
                }
            }
            _ => {}
        }
    }

    let (mut response_status, mut response_type, mut response_collection) = (None, None, false);
    let mut response_page = None;
    for block in sections.section("response") {
        if let Block::Paragraph { content, .. } = block {
            let lower = content.text.to_ascii_lowercase();
            if response_status.is_none() && lower.contains("response code") {
                response_status = status_re()
                    .captures(&content.text)
                    .and_then(|c| c.get(1))
                    .and_then(|m| m.as_str().parse().ok());
                if let Some(link) = content.links.first() {
                    let name = link.text.trim().trim_matches('`');
                    if !name.is_empty() && !name.contains(' ') {
                        response_type = Some(unqualified(name));
                        response_page = linked_page(&sections.page.path, &link.dest);
                        response_collection =
                            lower.contains("collection") || lower.contains("list of");
                    }
                } else if let Some(c) = response_object_re()
                    .captures(&content.text)
                    .filter(|_| linkless)
                {
                    // Published text has no links: "… and a mobileAppInstallStatus object in the response body".
                    let (collection, name) = (
                        c.get(1).is_some(),
                        c.get(2).map(|m| m.as_str()).unwrap_or(""),
                    );
                    if name.starts_with(|c: char| c.is_ascii_lowercase())
                        && !matches!(name, "new" | "json" | "the" | "an" | "a" | "updated")
                    {
                        response_type = Some(unqualified(name));
                        response_collection = collection;
                    }
                }
            }
        }
    }

    let query_parameters = named_rows(sections, "optional query parameters");
    let headers = named_rows(sections, "request headers");
    let mut request_blocks: Vec<&Block> = sections.section("http request").collect();
    if request_blocks.is_empty() {
        // Some pages put the request block right under Permissions, with no heading.
        request_blocks = sections
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
            .collect();
    }
    for block in request_blocks {
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
                facts.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    codes::HTTP_REQUEST_UNREADABLE,
                    line_location,
                    format!("`{trimmed}` is not a `METHOD /path` line; it was skipped"),
                ));
                continue;
            };
            facts.endpoints.push(EndpointFacts {
                method,
                path: normalize_request_path(target),
                title: title.clone(),
                request_body: request_body.clone(),
                request_page: request_page.clone(),
                response_status,
                response_type: response_type.clone(),
                response_page: response_page.clone(),
                response_collection,
                permissions: permissions.clone(),
                query_parameters: query_parameters.clone(),
                headers: headers.clone(),
                body_parameters: body_parameters.clone(),
                location: line_location,
            });
        }
    }
    if let Some(statement) = body_statement {
        check_reference_bodies(&facts.endpoints, &statement, &mut facts.diagnostics);
    }
    extract_examples(sections, facts);
}

/// Where a request body section says the body is an object.
enum BodyStatement {
    /// A sentence naming the body's type ("a JSON representation of the [x] object").
    Named(String, Location),
    /// A table of the body's properties or parameters.
    Table(Location),
}

/// Whether a sentence about the request body speaks of an ID or a reference
/// ("supply the `id` of …", "a reference … in the `@odata.id` format").
fn speaks_of_a_reference(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '@'))
        .map(|w| w.trim_matches('.').to_ascii_lowercase())
        .any(|w| {
            matches!(
                w.as_str(),
                "id" | "ids" | "identifier" | "identifiers" | "reference" | "references"
            ) || w.ends_with("odata.id")
        })
}

/// Whether a request line adds a reference: `POST` or `PUT` to a path
/// ending in `/$ref` (a query after it aside).
pub(crate) fn adds_reference(method: HttpMethod, path: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path).trim_end_matches('/');
    matches!(method, HttpMethod::Post | HttpMethod::Put)
        && path
            .rsplit('/')
            .next()
            .is_some_and(|last| last.eq_ignore_ascii_case("$ref"))
}

/// `ref-body-not-reference`: a page whose request lines add a reference
/// (`POST …/$ref`) but whose request body section describes an object.
fn check_reference_bodies(
    endpoints: &[EndpointFacts],
    statement: &BodyStatement,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines: Vec<String> = endpoints
        .iter()
        .filter(|e| adds_reference(e.method, &e.path))
        .map(|e| format!("`{} {}`", e.method, e.path))
        .collect();
    if lines.is_empty() {
        return;
    }
    let (described, location) = match statement {
        BodyStatement::Named(name, location) => {
            let article = if name.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            (format!("{article} `{name}` object"), location)
        }
        BodyStatement::Table(location) => (
            "an object with the properties of this table".to_owned(),
            location,
        ),
    };
    diagnostics.push(Diagnostic::new(
        Severity::Warning,
        codes::REF_BODY_NOT_REFERENCE,
        location.clone(),
        format!(
            "the request body is described as {described}, but {} {} a reference: the service takes \
             `{{\"@odata.id\": \"<URL of the object>\"}}`, not the object, and the generated code sends such a reference",
            lines.join(" and "),
            if lines.len() == 1 { "adds" } else { "add" }
        ),
    ));
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

fn scopes(text: &str) -> Scopes {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.contains("todo") || trimmed.is_empty() {
        return Scopes::Unknown;
    }
    if lower.starts_with("not supported")
        || lower.starts_with("not applicable")
        || lower.trim_end_matches('.') == "none"
    {
        return Scopes::NotSupported;
    }
    // Scopes are dotted names (`User.Read.All`); ordinary words are not.
    let list: Vec<String> = trimmed
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|s| s.trim_matches(|c: char| c == '.' || c == '*' || c == '`' || c == '(' || c == ')'))
        .filter(|s| s.contains('.') && s.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        })
        .map(str::to_owned)
        .collect();
    if list.is_empty() {
        Scopes::Unknown
    } else {
        Scopes::Scopes(list)
    }
}

/// Whether a table is a permissions table: its first header cell says
/// "Permission type" (pages put it under Permissions or Prerequisites).
pub(crate) fn is_permissions_table(header: &crate::parse::Row) -> bool {
    first_header(header).starts_with("permission type")
}

fn permissions(sections: &Sections<'_>) -> PermissionFacts {
    let mut out = PermissionFacts::default();
    for block in &sections.page.blocks {
        let Block::Table { header, rows, .. } = block else {
            continue;
        };
        if !is_permissions_table(header) {
            continue;
        }
        for row in rows {
            let (Some(kind), Some(value)) = (row.cells.first(), row.cells.get(1)) else {
                continue;
            };
            let kind = kind.content.text.to_ascii_lowercase();
            let value = scopes(&value.content.text);
            if kind.contains("personal") {
                out.delegated_personal.get_or_insert(value);
            } else if kind.contains("delegated") {
                out.delegated_work_or_school.get_or_insert(value);
            } else if kind.contains("application") {
                out.application.get_or_insert(value);
            }
        }
    }
    out
}

/// Request and response code blocks with their annotations.
pub(crate) fn extract_examples(sections: &Sections<'_>, facts: &mut PageFacts) {
    for block in &sections.page.blocks {
        let Block::Code {
            annotation: Some(a),
            text,
            location,
            ..
        } = block
        else {
            continue;
        };
        let kind = match a.block_type.as_str() {
            "request" => ExampleKind::Request,
            "response" => ExampleKind::Response,
            _ => continue,
        };
        let (first_line, first_line_location) = text
            .lines()
            .enumerate()
            .find(|(_, l)| !l.trim().is_empty())
            .map_or((String::new(), location.clone()), |(i, l)| {
                let column = 1 + l[..l.len() - l.trim_start().len()].chars().count();
                let at = location.offset_lines(i as u32, column as u32);
                (l.trim().to_owned(), at)
            });
        let body_start = text.lines().position(|l| {
            let t = l.trim_start();
            t.starts_with('{') || t.starts_with('[')
        });
        let (mut body, body_location) = match body_start {
            Some(i) => {
                let body: Vec<&str> = text.lines().skip(i).collect();
                (Some(body.join("\n")), location.offset_lines(i as u32, 1))
            }
            None => (None, location.clone()),
        };
        // Each body is parsed once; only one that fails is looked at again.
        let parsed = body
            .as_deref()
            .map(serde_json::from_str::<serde_json::Value>);
        let (mut json, mut invalid) = match (parsed, &body) {
            (Some(Ok(value)), _) => (Some(value), None),
            // Read without building values, serde_json places some errors
            // better (a control character in a string: where it is, not
            // where the string ends), so a body that fails is read so again.
            (Some(Err(e)), Some(text)) => (
                None,
                Some(
                    serde_json::from_str::<serde::de::IgnoredAny>(text)
                        .err()
                        .unwrap_or(e),
                ),
            ),
            _ => (None, None),
        };
        if let (Some(_), Some(text)) = (&invalid, &body) {
            // Commas before a closing bracket have one reading: the body is
            // read without them, and each is reported where it is.
            let commas = json_commas::trailing_commas(text);
            let fixed = json_commas::without_commas(text, &commas);
            let reread = (!commas.is_empty())
                .then(|| serde_json::from_str::<serde_json::Value>(&fixed).ok())
                .flatten();
            if let Some(value) = reread {
                let index = LineIndex::new(body_location.path.clone(), text);
                for &offset in &commas {
                    let at = index.location(text, offset);
                    facts.diagnostics.push(Diagnostic::new(
                        Severity::Info,
                        codes::EXAMPLE_JSON_TRAILING_COMMA,
                        body_location.offset_lines(at.line - 1, at.column),
                        "this comma comes right before a closing bracket, which JSON does not allow; the example is read as if it were not there".to_owned(),
                    ));
                }
                body = Some(fixed);
                json = Some(value);
                invalid = None;
            }
        }
        if let (Some(e), Some(body)) = (invalid, &body) {
            if !a
                .fields
                .get("truncated")
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
                || !body.contains("...")
            {
                facts.diagnostics.push(Diagnostic::new(
                    Severity::Info,
                    codes::EXAMPLE_JSON_INVALID,
                    body_location.offset_lines(e.line().saturating_sub(1) as u32, e.column().max(1) as u32),
                    format!("this example body is not valid JSON ({e}); it is not checked against the model"),
                ));
            }
        }
        facts.examples.push(ExampleFacts {
            kind,
            name: a.name.clone(),
            odata_type: a.odata_type.clone(),
            is_collection: a.is_collection,
            first_line,
            body,
            json,
            body_location,
            location: location.clone(),
            first_line_location,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{adds_reference, linked_page, speaks_of_a_reference};
    use crate::parse::HttpMethod;

    #[test]
    fn reference_requests_and_sentences_about_references() {
        assert!(adds_reference(
            HttpMethod::Post,
            "/groups/{id}/members/$ref"
        ));
        assert!(adds_reference(HttpMethod::Put, "/users/{id}/manager/$REF/"));
        assert!(adds_reference(
            HttpMethod::Post,
            "/groups/{id}/owners/$ref?x=1"
        ));
        assert!(!adds_reference(
            HttpMethod::Delete,
            "/groups/{id}/members/{m}/$ref"
        ));
        assert!(!adds_reference(HttpMethod::Post, "/groups/{id}/members"));
        assert!(speaks_of_a_reference(
            "supply a JSON representation of the `id` of the identityProvider"
        ));
        assert!(speaks_of_a_reference(
            "a reference in the @odata.id format."
        ));
        assert!(!speaks_of_a_reference(
            "supply a JSON representation of a directoryObject object. Identity matters."
        ));
    }

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
