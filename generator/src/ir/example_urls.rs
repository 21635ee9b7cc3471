//! Checking example URLs against the request lines of their page: a
//! request example whose URL matches none of them is reported
//! (`example-url-not-request-line`). The matching is lenient, as a reader's
//! would be: `/me` reads as `/users/{id}`, casts and function arguments
//! are ignored.

use crate::diagnostics::{codes, Diagnostic, Severity};

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
        .is_some_and(|s| crate::source::is_version_name(&s.to_ascii_lowercase()))
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
