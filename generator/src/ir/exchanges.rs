//! Pairing each request example with the response that answers it and the
//! endpoint its URL calls, for the generated endpoint tests.
//!
//! The pairing is strict where [`super::example_urls::example_request`] (which
//! reports a URL that matches no request line) is lenient: a test must call
//! exactly the endpoint the example shows, so `/me` is not read as
//! `/users/{id}` and the URL's query must name every pair the request line
//! writes.

use super::examples::verdict_as;
use super::{Endpoint, Example, ExampleKind, Exchange, Model};
use crate::extract::paths::parse_query;

/// The method, the path (without host and version) and the query parameter
/// names of a request example's first line.
fn example_call(first_line: &str) -> Option<(String, String, Vec<String>)> {
    let line = first_line.trim();
    let (method, url) = line.split_once(char::is_whitespace)?;
    let method = method.to_ascii_uppercase();
    // The URL runs to the end of the line (a `$filter` holds spaces), or to
    // an ` HTTP/1.1` after it.
    let url = url.trim();
    let url = url.rsplit_once(" HTTP/").map_or(url, |(u, _)| u).trim_end();
    if url.is_empty() {
        return None;
    }
    let path = url
        .split_once("://")
        .map(|(_, rest)| rest.find('/').map(|i| &rest[i..]).unwrap_or("/"))
        .unwrap_or(url);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let query_names = parse_query(query).into_iter().map(|p| p.name).collect();
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .first()
        .is_some_and(|s| crate::source::is_version_name(s))
    {
        segments.remove(0);
    }
    Some((method, format!("/{}", segments.join("/")), query_names))
}

/// Of the endpoints on the request's page that its URL calls, the one whose
/// request line writes the most of the URL's query parameters and none it
/// lacks (the earlier line on a tie).
fn called_endpoint(model: &Model, request: &Example) -> Option<usize> {
    let (method, path, query_names) = example_call(&request.first_line)?;
    model
        .endpoints
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.source.path == request.source.path
                && e.method.as_str() == method
                && e.template.matches(&path)
        })
        .filter_map(|(i, e)| {
            let pairs = &e.template.query.pairs;
            pairs
                .iter()
                .all(|p| query_names.contains(&p.name))
                .then_some((i, e, pairs.len()))
        })
        .max_by_key(|&(_, e, written)| (written, std::cmp::Reverse(e.source.line)))
        .map(|(i, _, _)| i)
}

/// Every request example with a response of the same name after it on its
/// page and an endpoint it calls, with the verdicts on both bodies read as
/// the endpoint's types.
pub(super) fn pair_examples(model: &Model) -> Vec<Exchange> {
    let mut out = Vec::new();
    for (i, request) in model.examples.iter().enumerate() {
        if request.kind != ExampleKind::Request {
            continue;
        }
        let Some(response) = model.examples[i + 1..]
            .iter()
            .take_while(|x| x.source.path == request.source.path)
            .position(|x| x.kind == ExampleKind::Response && x.name == request.name)
        else {
            continue;
        };
        let response = i + 1 + response;
        let Some(endpoint) = called_endpoint(model, request) else {
            continue;
        };
        let e: &Endpoint = &model.endpoints[endpoint];
        out.push(Exchange {
            endpoint,
            request: i,
            response,
            request_verdict: e
                .request_body_type
                .as_ref()
                .map(|ty| verdict_as(model, request, ty, false)),
            response_verdict: e
                .response
                .resolved
                .as_ref()
                .map(|ty| verdict_as(model, &model.examples[response], ty, e.response.collection)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::example_call;

    #[test]
    fn a_request_line_gives_method_path_and_query_names() {
        let (method, path, names) = example_call(
            "get https://graph.microsoft.com/v1.0/me/events?$select=subject&$top=2 HTTP/1.1",
        )
        .expect("a request");
        assert_eq!(method, "GET");
        assert_eq!(path, "/me/events");
        assert_eq!(names, ["$select", "$top"]);
        assert_eq!(example_call("POST").map(|c| c.1), None);
    }
}
