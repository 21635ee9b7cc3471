//! `ref-body-not-reference`: request lines that add a reference (`POST
//! …/$ref`) on a page whose request body section describes an object.

use super::EndpointFacts;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::HttpMethod;
use crate::source::Location;

/// Where a request body section says the body is an object.
pub(super) enum BodyStatement {
    /// A sentence naming the body's type ("a JSON representation of the [x] object").
    Named(String, Location),
    /// A table of the body's properties or parameters.
    Table(Location),
}

/// Whether a sentence about the request body speaks of an ID or a reference
/// ("supply the `id` of …", "a reference … in the `@odata.id` format").
pub(super) fn speaks_of_a_reference(text: &str) -> bool {
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
pub(super) fn check_reference_bodies(
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

#[cfg(test)]
mod tests {
    use super::{adds_reference, speaks_of_a_reference};
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
}
