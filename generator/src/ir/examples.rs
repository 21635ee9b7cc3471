//! Checking the docs' example bodies against the model: unknown property
//! names, wrong JSON types, enum values that are not members, malformed
//! dates. Placeholders (`"String"`, `"Integer"`) are reported as
//! placeholders, not as mistakes.

use super::{Example, Model, Property, QualifiedName, TypeDef, TypeRef, Verdict};
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::extract::placeholders::{has_placeholders, is_placeholder_value};
use crate::extract::todos::{TodoFacts, TodoKind};
use crate::extract::type_cell::{split_qualified, Primitive, TypeName};
use crate::source::Location;
use regex::Regex;
use serde_json::Value;
use std::sync::OnceLock;

fn date_time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
            .expect("valid regex")
    })
}

fn date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\d{4}-\d{2}-\d{2}$").expect("valid regex"))
}

fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$").expect("valid regex"))
}

fn guid_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
            .expect("valid regex")
    })
}

fn duration_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
            .expect("valid regex")
    })
}

/// Whether `text` is base64 as the generated crate reads it: the standard
/// alphabet with padding, or the URL-safe one.
fn is_base64(text: &str) -> bool {
    use base64::Engine as _;
    let engines = [
        &base64::engine::general_purpose::STANDARD,
        &base64::engine::general_purpose::URL_SAFE,
    ];
    engines.iter().any(|e| e.decode(text).is_ok())
}

struct Checker<'m> {
    model: &'m Model,
    body: &'m str,
    start: &'m Location,
    example: String,
    out: Vec<Diagnostic>,
    todos: Vec<TodoFacts>,
}

impl<'m> Checker<'m> {
    /// The location of `"key"` in the body text (its first occurrence).
    fn key_location(&self, key: &str) -> Location {
        let needle = format!("\"{key}\"");
        for (i, line) in self.body.lines().enumerate() {
            if let Some(col) = line.find(&needle) {
                return self
                    .start
                    .offset_lines(i as u32, line[..col].chars().count() as u32 + 1);
            }
        }
        self.start.clone()
    }

    fn push(&mut self, severity: Severity, code: &'static str, key: &str, message: String) {
        let location = self.key_location(key);
        self.out
            .push(Diagnostic::new(severity, code, location, message));
    }

    fn properties_of<'t>(&'t self, ty: &'t TypeDef) -> Vec<&'t Property> {
        let mut chain = self.model.ancestors(ty);
        chain.insert(0, ty);
        chain
            .iter()
            .flat_map(|t| t.properties.iter().chain(&t.relationships))
            .collect()
    }

    fn object(&mut self, ty: &TypeDef, value: &Value, depth: usize) {
        let Value::Object(map) = value else { return };
        if depth > 32 {
            return;
        }
        let derived = map
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|named| self.derived_type(ty, named));
        let ty = derived.unwrap_or(ty);
        // An open type takes any key (dynamic properties), and so does a type
        // without documented properties (a dictionary such as plannerUserIds).
        let props: Vec<Property> = self.properties_of(ty).into_iter().cloned().collect();
        let open = self.model.is_open(ty) || props.is_empty();
        for (key, v) in map {
            if key.contains('@') {
                continue;
            }
            let Some(p) = props.iter().find(|p| p.name.eq_ignore_ascii_case(key)) else {
                if open {
                    continue;
                }
                let message = format!(
                    "the example sets `{key}`, which is not a property of `{}`",
                    ty.name.name
                );
                self.push(
                    Severity::Warning,
                    codes::EXAMPLE_UNKNOWN_PROPERTY,
                    key,
                    message,
                );
                continue;
            };
            self.value(&ty.name.name, p, v, depth);
        }
    }

    /// The type an object's `"@odata.type": "#microsoft.graph.x"` names, when
    /// it is `ty` or derives from it (objects of a derived type in a list of
    /// the base type are checked against what they are).
    fn derived_type(&self, ty: &TypeDef, named: &str) -> Option<&'m TypeDef> {
        let TypeName::Named {
            namespace: Some(namespace),
            name,
        } = split_qualified(named)
        else {
            return None;
        };
        let found = self.model.types.get(&super::key_of(&namespace, &name))?;
        let is_ty_or_derived = found.name == ty.name
            || self
                .model
                .ancestors(found)
                .iter()
                .any(|a| a.name == ty.name);
        is_ty_or_derived.then_some(found)
    }

    fn value(&mut self, owner: &str, p: &Property, v: &Value, depth: usize) {
        if v.is_null() {
            return;
        }
        if p.collection {
            match v {
                Value::Array(items) => {
                    let single = Property {
                        collection: false,
                        ..p.clone()
                    };
                    for item in items {
                        self.value(owner, &single, item, depth);
                    }
                }
                Value::String(s) if is_placeholder_value(s) => self.placeholder(owner, p, s),
                _ => self.wrong_type(owner, p, v, "a JSON array"),
            }
            return;
        }
        if let Value::String(s) = v {
            if is_placeholder_value(s) {
                self.placeholder(owner, p, s);
                return;
            }
        }
        match &p.ty {
            TypeRef::Untyped(_) => {}
            TypeRef::Complex(q) => match (v, self.model.types.get(&q.key())) {
                (Value::Object(_), Some(t)) => {
                    let t = t.clone();
                    self.object(&t, v, depth + 1);
                }
                (Value::Object(_), None) => {}
                _ => self.wrong_type(owner, p, v, "a JSON object"),
            },
            TypeRef::Enum(q) => match v {
                Value::String(s) => {
                    let Some(e) = self.model.enums.get(&q.key()) else {
                        return;
                    };
                    let members: Vec<&str> = s.split(',').map(str::trim).collect();
                    for m in members {
                        if !e.members.iter().any(|x| x.name == m) {
                            let hint = e
                                .members
                                .iter()
                                .find(|x| x.name.eq_ignore_ascii_case(m))
                                .map(|x| format!(" (the member is spelled `{}`)", x.name))
                                .unwrap_or_default();
                            let message = format!(
                                "`{owner}.{}` is `{m}` in this example, which is not a member of `{}`{hint}",
                                p.name, e.name.name
                            );
                            self.push(
                                Severity::Warning,
                                codes::EXAMPLE_ENUM_VALUE,
                                &p.name,
                                message,
                            );
                        }
                    }
                }
                _ => self.wrong_type(owner, p, v, "a JSON string (an enum member)"),
            },
            TypeRef::Primitive(prim) => self.primitive(owner, p, *prim, v),
        }
    }

    fn primitive(&mut self, owner: &str, p: &Property, prim: Primitive, v: &Value) {
        use Primitive::*;
        let ok = match prim {
            String | Stream | Binary => v.is_string(),
            Boolean => v.is_boolean(),
            Byte | SByte | Int16 | Int32 | Int64 => v.is_i64() || v.is_u64(),
            Single | Double | Decimal => {
                v.is_number() || matches!(v.as_str(), Some("NaN" | "INF" | "-INF"))
            }
            DateTimeOffset | Date | TimeOfDay | Duration | Guid => v.is_string(),
        };
        if !ok {
            let expected = match prim {
                Boolean => "a JSON boolean",
                Byte | SByte | Int16 | Int32 | Int64 => "a JSON integer",
                Single | Double | Decimal => "a JSON number",
                _ => "a JSON string",
            };
            self.wrong_type(owner, p, v, expected);
            return;
        }
        let Some(s) = v.as_str() else { return };
        let (well_formed, what) = match prim {
            DateTimeOffset => (
                date_time_re().is_match(s),
                "an RFC 3339 date-time with offset",
            ),
            Date => (date_re().is_match(s), "a date (yyyy-mm-dd)"),
            TimeOfDay => (time_re().is_match(s), "a time of day (hh:mm:ss)"),
            Duration => (duration_re().is_match(s), "an ISO 8601 duration"),
            Guid => (guid_re().is_match(s), "a GUID"),
            Binary => (is_base64(s), "base64"),
            _ => return,
        };
        if !well_formed {
            let message = format!(
                "`{owner}.{}` is `{s}` in this example, which is not {what}",
                p.name
            );
            self.push(
                Severity::Warning,
                codes::EXAMPLE_BAD_VALUE,
                &p.name,
                message,
            );
        }
    }

    fn placeholder(&mut self, owner: &str, p: &Property, s: &str) {
        let message = format!(
            "`{owner}.{}` holds the placeholder `{s}` in this example, not a value",
            p.name
        );
        self.push(Severity::Info, codes::EXAMPLE_PLACEHOLDER, &p.name, message);
        self.todos.push(TodoFacts {
            kind: TodoKind::ExamplePlaceholder,
            owner: format!("`{owner}.{}` in {}", p.name, self.example),
            text: s.to_owned(),
            source: self.key_location(&p.name),
        });
    }

    fn wrong_type(&mut self, owner: &str, p: &Property, v: &Value, expected: &str) {
        let found = match v {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        let message = format!(
            "`{owner}.{}` is {found} in this example, but its type `{}` needs {expected}",
            p.name,
            p.ty.docs_spelling()
        );
        self.push(
            Severity::Warning,
            codes::EXAMPLE_WRONG_TYPE,
            &p.name,
            message,
        );
    }
}

/// Checks one example; returns its findings and the placeholders it holds.
pub fn check_example(model: &Model, example: &Example) -> (Vec<Diagnostic>, Vec<TodoFacts>) {
    let (Some(body), Some(value), Some(ty)) = (&example.body, &example.json, &example.ty) else {
        return Default::default();
    };
    let Some(def) = model.types.get(&ty.key()) else {
        return Default::default();
    };
    let kind = match example.kind {
        crate::extract::ExampleKind::Request => "request",
        crate::extract::ExampleKind::Response => "response",
    };
    let name = match &example.name {
        Some(n) => format!("the {kind} example `{n}`"),
        None => format!("a {kind} example"),
    };
    let mut checker = Checker {
        model,
        body,
        start: &example.source,
        example: name,
        out: Vec::new(),
        todos: Vec::new(),
    };
    match (value, example.collection) {
        (Value::Object(map), true) => {
            if let Some(Value::Array(items)) = map.get("value") {
                for item in items {
                    checker.object(def, item, 0);
                }
            }
        }
        (Value::Object(_), false) => checker.object(def, value, 0),
        _ => {}
    }
    (checker.out, checker.todos)
}

/// The verdict on `example` read as its own type, from what
/// [`check_example`] found in it.
pub fn verdict(example: &Example, found: &[Diagnostic]) -> Verdict {
    let Some(json) = &example.json else {
        return match example.body {
            Some(_) => Verdict::NotJson,
            None => Verdict::NoBody,
        };
    };
    if has_placeholders(json) {
        return Verdict::Placeholders;
    }
    let wrong =
        |d: &Diagnostic| d.code == codes::EXAMPLE_WRONG_TYPE || d.code == codes::EXAMPLE_BAD_VALUE;
    if example.ty.is_some()
        && (lacks_value_array(example.collection, json) || found.iter().any(wrong))
    {
        return Verdict::Contradicts;
    }
    Verdict::Concrete
}

/// The verdict on `example` read as `ty` (a page of a collection when
/// `collection`), which may not be the type the example names: an
/// endpoint's response type.
pub fn verdict_as(
    model: &Model,
    example: &Example,
    ty: &QualifiedName,
    collection: bool,
) -> Verdict {
    let as_read = Example {
        ty: Some(ty.clone()),
        collection,
        ..example.clone()
    };
    let (found, _) = check_example(model, &as_read);
    verdict(&as_read, &found)
}

/// A page of a collection without a `value` array.
fn lacks_value_array(collection: bool, json: &Value) -> bool {
    collection && !json.get("value").is_some_and(Value::is_array)
}

/// The method and path of a request example's first line:
/// `POST https://graph.microsoft.com/v1.0/me/events?$select=x HTTP/1.1` is
/// `POST` and `/me/events` (host, version, query and fragment removed,
/// percent-escapes decoded, repeated and trailing `/` dropped). `None` when
/// the line is not an HTTP request, or calls a host that is not Graph (an
/// upload URL the service handed out).
pub fn example_request(first_line: &str) -> Option<(String, String)> {
    let (method, url) = first_line.trim().split_once(char::is_whitespace)?;
    let method = method.to_ascii_uppercase();
    let known = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];
    if !known.contains(&method.as_str()) {
        return None;
    }
    let url = url.trim();
    let url = url.rsplit_once(" HTTP/").map_or(url, |(u, _)| u).trim_end();
    let (host, path) = match url.split_once("://") {
        Some((_, rest)) => rest.split_at(rest.find('/').unwrap_or(rest.len())),
        None if url.starts_with("graph.microsoft.com") => {
            url.split_at(url.find('/').unwrap_or(url.len()))
        }
        None => ("", url),
    };
    if !host.is_empty() && !host.to_ascii_lowercase().contains("graph") {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .first()
        .is_some_and(|s| crate::workspace::is_version_name(&s.to_ascii_lowercase()))
    {
        segments.remove(0);
    }
    Some((method, format!("/{}", segments.join("/"))))
}

/// `text` without its parenthesized groups (`range(address='A1:B2')/x` is
/// `range/x`): a function's arguments are values, written or not.
fn without_arguments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A path's segments as compared: lower case, without query, function
/// arguments, type casts (`microsoft.graph.user`) and empty segments; an
/// item addressed by path (`root:/a/b.txt:`) as `root:{}:`; `me` as
/// `users/{me}` and a leading `drive` as `users/{me}/drive` (the signed-in
/// user's); a drive's `root` as `items/root` (its root item).
fn compared_segments(path: &str) -> Vec<String> {
    let path = path.split('?').next().unwrap_or(path).to_ascii_lowercase();
    let path = without_arguments(&path);
    // `:/…:` and a trailing `:/…`: the item path, as one parameter.
    let mut addressed = String::with_capacity(path.len());
    let mut rest = path.as_str();
    while let Some(i) = rest.find(":/") {
        addressed.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(':') {
            Some(end) => {
                addressed.push_str(":{}:");
                rest = &after[end + 1..];
            }
            None => {
                addressed.push_str(":{}");
                rest = "";
            }
        }
    }
    addressed.push_str(rest);
    let mut out: Vec<String> = Vec::new();
    for segment in addressed.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with("microsoft.graph.") {
            continue;
        }
        let n = out.len();
        let in_drive = (n >= 1 && out[n - 1] == "drive") || (n >= 2 && out[n - 2] == "drives");
        if segment == "me" {
            out.extend(["users".to_owned(), "{me}".to_owned()]);
        } else if segment == "drive" && n == 0 {
            out.extend(["users".to_owned(), "{me}".to_owned(), "drive".to_owned()]);
        } else if segment.starts_with("root") && in_drive {
            out.extend(["items".to_owned(), segment.to_owned()]);
        } else {
            out.push(segment.to_owned());
        }
    }
    out
}

/// Whether one segment of an example's path is the request line's segment:
/// each `{parameter}` of the request line stands for any text, and a
/// `{placeholder}` the example writes as a whole segment stands for any
/// segment (a request line may write a value where its parameter belongs).
fn segment_matches(template: &str, example: &str) -> bool {
    if example.starts_with('{') && example.ends_with('}') {
        return true;
    }
    // The request line's segment as literal pieces between parameters.
    let mut pieces: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    pieces.push(rest);
    let Some((first, others)) = pieces.split_first() else {
        return false;
    };
    let Some(mut text) = example.strip_prefix(first) else {
        return false;
    };
    let Some((last, middle)) = others.split_last() else {
        return text.is_empty();
    };
    for piece in middle {
        match text.find(piece) {
            Some(i) => text = &text[i + piece.len()..],
            None => return false,
        }
    }
    text.ends_with(last)
}

/// Whether an example's path (see [`example_request`]) is the path of the
/// request line `template`: the same segments, without case, each
/// `{parameter}` standing for any value (a concrete ID or a placeholder such
/// as `{user-id}`), `/me/…` the same as `/users/{id}/…`, function arguments
/// and type casts aside (see `compared_segments`).
pub fn example_path_matches(template: &str, example: &str) -> bool {
    let (template, example) = (compared_segments(template), compared_segments(example));
    template.len() == example.len()
        && template
            .iter()
            .zip(&example)
            .all(|(t, e)| segment_matches(t, e))
}

/// [`check_example_urls`] of every page, in parallel, in page order.
pub fn check_all_example_urls(pages: &[crate::extract::PageFacts]) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let found: Vec<Vec<Diagnostic>> = pages.par_iter().map(check_example_urls).collect();
    found.into_iter().flatten().collect()
}

/// `example-url-not-request-line`: the request examples of a page whose
/// URL's path is none of the page's request lines' paths (a GUID written
/// into a request line counts as the ID it is and as a parameter).
pub fn check_example_urls(page: &crate::extract::PageFacts) -> Vec<Diagnostic> {
    if page.endpoints.is_empty() {
        return Vec::new();
    }
    let templates: Vec<String> = page
        .endpoints
        .iter()
        .flat_map(|e| {
            let as_params = crate::extract::paths::literal_keys_as_params(&e.path);
            std::iter::once(e.path.clone()).chain(as_params.map(|(path, _)| path))
        })
        .collect();
    // Named in the message: the first three, and how many more.
    let mut lines: Vec<String> = page
        .endpoints
        .iter()
        .take(3)
        .map(|e| format!("`{} {}`", e.method, e.path))
        .collect();
    if page.endpoints.len() > 3 {
        lines.push(format!("{} more", page.endpoints.len() - 3));
    }
    let mut out = Vec::new();
    for example in &page.examples {
        if example.kind != crate::extract::ExampleKind::Request {
            continue;
        }
        let Some((method, path)) = example_request(&example.first_line) else {
            continue;
        };
        if templates.iter().any(|t| example_path_matches(t, &path)) {
            continue;
        }
        out.push(Diagnostic::new(
            Severity::Warning,
            codes::EXAMPLE_URL_NOT_REQUEST_LINE,
            example.first_line_location.clone(),
            format!(
                "this request example calls `{method} {path}`, but no HTTP request line of the page has this path ({}{})",
                if page.endpoints.len() == 1 { "the line is " } else { "the lines are " },
                lines.join(", ")
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{example_path_matches, example_request};

    #[test]
    fn an_example_line_gives_its_method_and_path() {
        let read = |line: &str| example_request(line).map(|(m, p)| format!("{m} {p}"));
        assert_eq!(
            read("post https://graph.microsoft.com/v1.0/me/events?$select=a HTTP/1.1").as_deref(),
            Some("POST /me/events")
        );
        assert_eq!(
            read("GET https://graph.microsoft.com/V1.0//teams/a%20b/").as_deref(),
            Some("GET /teams/a b")
        );
        assert_eq!(read("GET /beta/me#top").as_deref(), Some("GET /me"));
        // Not a request, or a host that is not Graph (an upload URL).
        assert_eq!(read("HTTP/1.1 200 OK"), None);
        assert_eq!(read("PUT https://contoso.example/up/abc"), None);
    }

    #[test]
    fn example_paths_match_request_lines_as_a_reader_would() {
        let matches = example_path_matches;
        // Parameters stand for IDs and placeholders, whatever their names.
        assert!(matches("/users/{id}/events", "/users/4ba/events"));
        assert!(matches(
            "/users/{id | userPrincipalName}",
            "/users/{user-id}"
        ));
        // Case and trailing slashes aside; `/me` is a user.
        assert!(matches("/Users/{id}/Events/", "/users/x/events"));
        assert!(matches("/users/{id}/events", "/me/events"));
        assert!(matches("/me/events", "/users/someone@example.com/events"));
        assert!(matches(
            "/education/users/{id}/classes",
            "/education/me/classes"
        ));
        // A placeholder where the line wrote a value.
        assert!(matches(
            "/domains/example.com/records",
            "/domains/{domain}/records"
        ));
        // Function arguments are values; casts narrow the same path.
        assert!(matches(
            "/x/cell(row={row},column={column})",
            "/x/cell(row=5,column=6)"
        ));
        assert!(matches("/x/usedRange", "/x/usedRange(valuesOnly=true)"));
        assert!(matches(
            "/groups/{id}/members",
            "/groups/1/members/microsoft.graph.user"
        ));
        // A drive's root is an item; an item path is one parameter.
        assert!(matches(
            "/me/drive/items/{item-id}/children",
            "/me/drive/root/children"
        ));
        assert!(matches("/drives/{d}/items/{i}", "/drives/b!x/root"));
        assert!(matches(
            "/me/drive/root:/{path}:/content",
            "/me/drive/root:/A/B c.txt:/content"
        ));
        assert!(matches(
            "/me/drive/items/{p}:/{name}:/content",
            "/me/drive/root:/a.txt:/content"
        ));
        assert!(matches(
            "/drive/items/{id}/content",
            "/me/drive/items/1/content"
        ));
        // Segments that differ, or a segment more or less.
        assert!(!matches("/groups/{id}/members/$ref", "/groups/1/members"));
        assert!(!matches("/groups/{id}/members", "/groups/1/owners"));
        assert!(!matches("/me/calendars/{id}", "/me/calendar"));
        assert!(!matches(
            "/sites/{id}/lists",
            "/sites/{id}/lists/{list}/items"
        ));
        assert!(!matches(
            "/communications/presences",
            "/communications/presences/1"
        ));
    }
}
