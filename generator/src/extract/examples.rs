//! Request and response examples: annotated code blocks, their first line
//! and their JSON body.

use super::sections::Sections;
use super::PageFacts;
use crate::diagnostics::{codes, Diagnostic, Severity};
use crate::parse::{json_commas, Annotation, Block};
use crate::source::{LineIndex, Location};
use serde::Serialize;

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
        let (first_line, first_line_location) = first_line(text, location);
        let (body, body_location) = body_of(text, location);
        let (body, json) = match body {
            Some(body) => {
                let (body, json) = read_body_json(body, &body_location, a, &mut facts.diagnostics);
                (Some(body), json)
            }
            None => (None, None),
        };
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

/// A code block's first non-blank line, trimmed, and where it starts (the
/// block's location when every line is blank).
fn first_line(text: &str, location: &Location) -> (String, Location) {
    text.lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map_or((String::new(), location.clone()), |(i, l)| {
            let column = 1 + l[..l.len() - l.trim_start().len()].chars().count();
            let at = location.offset_lines(i as u32, column as u32);
            (l.trim().to_owned(), at)
        })
}

/// A code block's body, from the first line that opens a JSON object or
/// array to the end, and where it starts (the block's location when there
/// is none).
fn body_of(text: &str, location: &Location) -> (Option<String>, Location) {
    let body_start = text.lines().position(|l| {
        let t = l.trim_start();
        t.starts_with('{') || t.starts_with('[')
    });
    match body_start {
        Some(i) => {
            let body: Vec<&str> = text.lines().skip(i).collect();
            (Some(body.join("\n")), location.offset_lines(i as u32, 1))
        }
        None => (None, location.clone()),
    }
}

/// Reads an example body as JSON: the body (without its trailing commas when
/// leaving them out makes it JSON) and its value, if it is JSON. A body that
/// is not is reported, unless its annotation says it is truncated and it
/// shows where (`...`).
fn read_body_json(
    body: String,
    body_location: &Location,
    annotation: &Annotation,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Option<serde_json::Value>) {
    // Each body is parsed once; only one that fails is looked at again.
    let error = match serde_json::from_str::<serde_json::Value>(&body) {
        Ok(value) => return (body, Some(value)),
        // Read without building values, serde_json places some errors
        // better (a control character in a string: where it is, not
        // where the string ends), so a body that fails is read so again.
        Err(e) => serde_json::from_str::<serde::de::IgnoredAny>(&body)
            .err()
            .unwrap_or(e),
    };
    if let Some((fixed, value)) = without_trailing_commas(&body, body_location, diagnostics) {
        return (fixed, Some(value));
    }
    let truncated = annotation
        .fields
        .get("truncated")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !truncated || !body.contains("...") {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            codes::EXAMPLE_JSON_INVALID,
            body_location.offset_lines(error.line().saturating_sub(1) as u32, error.column().max(1) as u32),
            format!("this example body is not valid JSON ({error}); it is not checked against the model"),
        ));
    }
    (body, None)
}

/// A body that is not JSON read without its commas before a closing bracket,
/// when that makes it JSON: commas there have one reading, and each is
/// reported where it is.
fn without_trailing_commas(
    text: &str,
    body_location: &Location,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(String, serde_json::Value)> {
    let commas = json_commas::trailing_commas(text);
    if commas.is_empty() {
        return None;
    }
    let fixed = json_commas::without_commas(text, &commas);
    let value = serde_json::from_str::<serde_json::Value>(&fixed).ok()?;
    let index = LineIndex::new(body_location.path.clone(), text);
    for &offset in &commas {
        let at = index.location(text, offset);
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            codes::EXAMPLE_JSON_TRAILING_COMMA,
            body_location.offset_lines(at.line - 1, at.column),
            "this comma comes right before a closing bracket, which JSON does not allow; the example is read as if it were not there".to_owned(),
        ));
    }
    Some((fixed, value))
}
