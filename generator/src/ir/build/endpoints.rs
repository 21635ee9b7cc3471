//! Endpoints: request lines read once, one kept per method and path shape, `/me` aliases linked.

use super::resolve::Resolver;
use super::*;

/// Builds every endpoint: request lines read, one kept per method and path
/// shape, bodies and responses resolved, sorted by path and method, `/me`
/// aliases linked.
pub(super) fn build_endpoints(
    model: &mut Model,
    pages: &[PageFacts],
    page_types: &BTreeMap<String, String>,
    anonymous: &AnonymousEnums,
    diagnostics: &mut Vec<Diagnostic>,
) {
    use rayon::prelude::*;
    let known_types = model.type_keys();
    let groups = read_request_lines(pages, diagnostics);
    let lookup = model.type_lookup();
    let kept = keep_one_per_endpoint(model, &lookup, pages, page_types, groups, diagnostics);
    let built: Vec<(Endpoint, Vec<Diagnostic>)> = {
        let resolver = Resolver {
            model,
            known_types: &known_types,
            anonymous,
        };
        let bodies = BodyTypes {
            model,
            lookup: &lookup,
            page_types,
        };
        kept.into_par_iter()
            .map(|line| endpoint_of(line, &resolver, &bodies))
            .collect()
    };
    let mut endpoints = Vec::with_capacity(built.len());
    for (endpoint, found) in built {
        endpoints.push(endpoint);
        diagnostics.extend(found);
    }
    endpoints.sort_by(|a, b| (&a.path, &a.method, &a.source).cmp(&(&b.path, &b.method, &b.source)));
    link_me_aliases(&mut endpoints);
    model.endpoints = endpoints;
}

/// Every page's request lines, read in parallel into templates (a GUID
/// written into the path read as the parameter it stands for), grouped by
/// method and path shape in page order. Which one of a group is kept is
/// decided after (`keep_one_per_endpoint`).
fn read_request_lines<'p>(
    pages: &'p [PageFacts],
    diagnostics: &mut Vec<Diagnostic>,
) -> LineGroups<'p> {
    use rayon::prelude::*;
    let all: Vec<&EndpointFacts> = pages.iter().flat_map(|page| &page.endpoints).collect();
    let parsed: Vec<_> = all
        .par_iter()
        .map(|e| {
            let (path, keys) = literal_keys_as_params(&e.path)
                .map_or((None, Vec::new()), |(path, keys)| (Some(path), keys));
            let parsed = PathTemplate::parse(path.as_deref().unwrap_or(&e.path));
            (path, keys, parsed)
        })
        .collect();
    let mut groups: LineGroups<'_> = BTreeMap::new();
    for (e, (path, keys, parsed)) in all.iter().zip(parsed) {
        for k in &keys {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_LITERAL_KEY,
                e.location.clone(),
                format!(
                    "`{} {}` writes the ID `{}` where a parameter belongs; it is read as `{{{}}}`",
                    e.method, e.path, k.written, k.param
                ),
            ));
        }
        match parsed {
            Ok(parsed) => {
                let key = (path_shape(path.as_deref().unwrap_or(&e.path)), e.method);
                groups.entry(key).or_default().push((*e, path, parsed));
            }
            Err(PathError(reason)) => diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_UNREADABLE,
                e.location.clone(),
                format!("{reason}; this request line was skipped"),
            )),
        }
    }
    groups
}

/// What request and response body types are found by.
struct BodyTypes<'a, 'm> {
    model: &'a Model,
    lookup: &'a TypeLookup<'m>,
    page_types: &'a BTreeMap<String, String>,
}

impl BodyTypes<'_, '_> {
    /// A body type by its name, else by the page its link goes to.
    fn find(&self, name: &Option<String>, page: &Option<String>) -> Option<QualifiedName> {
        super::duplicates::body_type(
            self.model,
            self.lookup,
            self.page_types,
            name.as_deref(),
            page.as_deref(),
        )
    }
}

/// The endpoint of a kept request line, and what resolving its body
/// parameters found.
fn endpoint_of(
    (e, path, template): ReadLine<'_>,
    resolver: &Resolver<'_>,
    bodies: &BodyTypes<'_, '_>,
) -> (Endpoint, Vec<Diagnostic>) {
    let mut found = Vec::new();
    // Several tables may list the same field: the first row wins.
    let mut body_parameters: Vec<Property> = Vec::new();
    for p in &e.body_parameters {
        if body_parameters
            .iter()
            .any(|b| b.name.eq_ignore_ascii_case(&p.name))
        {
            continue;
        }
        body_parameters.push(resolver.property_in(
            crate::extract::DEFAULT_NAMESPACE,
            &e.title,
            p,
            &mut found,
        ));
    }
    let endpoint = Endpoint {
        method: e.method,
        path: path.unwrap_or_else(|| e.path.clone()),
        title: e.title.clone(),
        template,
        request_body: e.request_body.clone(),
        request_body_type: bodies.find(&e.request_body, &e.request_page),
        body_parameters,
        query_parameters: e.query_parameters.clone(),
        headers: e.headers.clone(),
        response: ResponseDef {
            status: e.response_status,
            ty: e.response_type.clone(),
            resolved: bodies.find(&e.response_type, &e.response_page),
            collection: e.response_collection,
        },
        permissions: e.permissions.clone(),
        alias_of: None,
        function: FunctionName::default(),
        workload: String::new(),
        source: e.location.clone(),
    };
    (endpoint, found)
}

/// A readable request line: its facts, its path with any GUID read as a
/// parameter, and the path as read.
type ReadLine<'p> = (&'p EndpointFacts, Option<String>, PathTemplate);

/// Readable request lines by path shape and method, in page order.
type LineGroups<'p> = BTreeMap<(String, HttpMethod), Vec<ReadLine<'p>>>;

/// Of each group of request lines with one method and path shape, the one
/// the model follows (see [`super::duplicates`]), with a `duplicate-endpoint`
/// diagnostic for each other one and an `http-request-unreadable` one for
/// each piece of its query that is no `name=value` pair.
fn keep_one_per_endpoint<'p>(
    model: &Model,
    lookup: &TypeLookup<'_>,
    pages: &[PageFacts],
    page_types: &BTreeMap<String, String>,
    groups: LineGroups<'p>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ReadLine<'p>> {
    let chooser = super::duplicates::Chooser::new(model, lookup, pages, page_types);
    let mut kept = Vec::with_capacity(groups.len());
    for (_, mut group) in groups {
        let winner = if group.len() == 1 {
            0
        } else {
            let facts: Vec<&EndpointFacts> = group.iter().map(|(e, _, _)| *e).collect();
            let (winner, found) = chooser.choose(&facts);
            diagnostics.extend(found);
            winner
        };
        let (e, path, template) = group.swap_remove(winner);
        for piece in &template.query.unreadable {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                codes::HTTP_REQUEST_UNREADABLE,
                e.location.clone(),
                format!(
                    "`{piece}` in the query of `{} {}` is not a `name=value` pair; the endpoint function leaves it out",
                    e.method, e.path
                ),
            ));
        }
        kept.push((e, path, template));
    }
    kept
}

/// `/me/x` is `/users/{id}/x` for the signed-in user: record which endpoint
/// each `/me` path is an alias of.
fn link_me_aliases(endpoints: &mut [Endpoint]) {
    let shape = |segments: &[PathSegment]| -> Vec<Option<String>> {
        segments
            .iter()
            .map(|s| {
                if s.is_param() {
                    None
                } else {
                    Some(format!("{:?}", s.parts))
                }
            })
            .collect()
    };
    let users: BTreeMap<(HttpMethod, Vec<Option<String>>), String> = endpoints
        .iter()
        .filter(|e| {
            let segments = &e.template.segments;
            segments.first().and_then(|s| s.literal()) == Some("users")
                && segments.get(1).is_some_and(|s| s.is_param())
        })
        .map(|e| ((e.method, shape(&e.template.segments[2..])), e.path.clone()))
        .collect();
    for e in endpoints.iter_mut() {
        let segments = &e.template.segments;
        if segments.first().and_then(|s| s.literal()) == Some("me") {
            e.alias_of = users.get(&(e.method, shape(&segments[1..]))).cloned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_pages::{model_of, with_code};
    use crate::diagnostics::{codes, Severity};
    use crate::ir::{Endpoint, HttpMethod, Model};

    /// An api page titled `title` whose HTTP request block holds `lines`.
    fn api_page(title: &str, lines: &[&str]) -> String {
        format!(
            "# {title}\n\n## HTTP request\n\n```http\n{}\n```\n",
            lines.join("\n")
        )
    }

    fn endpoint<'m>(model: &'m Model, method: HttpMethod, path: &str) -> &'m Endpoint {
        model
            .endpoints
            .iter()
            .find(|e| e.method == method && e.path == path)
            .unwrap_or_else(|| panic!("no `{method} {path}`"))
    }

    #[test]
    fn a_guid_written_in_the_path_is_read_as_a_parameter_with_a_warning() {
        let page = api_page(
            "List assignments",
            &["GET /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments"],
        );
        let model = model_of(&[("api/assignments-list.md", &page)]);
        let paths: Vec<&str> = model.endpoints.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/education/classes/{class-id}/assignments"]);
        assert!(model.endpoints[0].template.segments[2].is_param());
        let found = with_code(&model, codes::HTTP_REQUEST_LITERAL_KEY);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("`{class-id}`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn two_pages_with_one_method_and_path_shape_keep_one_endpoint() {
        let a = api_page("Get thing", &["GET /things/{id}"]);
        let b = api_page(
            "Get thing again",
            &["GET /Things/{thing-id}", "DELETE /things/{id}"],
        );
        let model = model_of(&[("api/thing-get.md", &a), ("api/thing-get-again.md", &b)]);
        let gets: Vec<&Endpoint> = model
            .endpoints
            .iter()
            .filter(|e| e.method == HttpMethod::Get)
            .collect();
        assert_eq!(gets.len(), 1, "{gets:?}");
        endpoint(&model, HttpMethod::Delete, "/things/{id}");
        let found = with_code(&model, codes::DUPLICATE_ENDPOINT);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0].source.path, gets[0].source.path);
        assert_eq!(found[0].related[0].source, gets[0].source);
    }

    #[test]
    fn a_me_path_is_an_alias_of_the_users_path_with_the_same_method_and_shape() {
        let page = api_page(
            "Things of a user",
            &[
                "GET /me/things",
                "GET /users/{id | userPrincipalName}/things",
                "POST /me/things",
                "GET /me/things/{thing-id}",
                "GET /users/{id}/things/{thing-id}/parts",
            ],
        );
        let model = model_of(&[("api/user-things.md", &page)]);
        assert_eq!(
            endpoint(&model, HttpMethod::Get, "/me/things")
                .alias_of
                .as_deref(),
            Some("/users/{id | userPrincipalName}/things")
        );
        assert_eq!(
            endpoint(&model, HttpMethod::Post, "/me/things").alias_of,
            None
        );
        assert_eq!(
            endpoint(&model, HttpMethod::Get, "/me/things/{thing-id}").alias_of,
            None
        );
    }

    #[test]
    fn an_unreadable_query_piece_is_a_warning_and_the_endpoint_is_kept() {
        let page = api_page(
            "Find things",
            &["GET /things?requiresReview:{Boolean}&$top=5"],
        );
        let model = model_of(&[("api/things-find.md", &page)]);
        let kept = endpoint(
            &model,
            HttpMethod::Get,
            "/things?requiresReview:{Boolean}&$top=5",
        );
        let found = with_code(&model, codes::HTTP_REQUEST_UNREADABLE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("`requiresReview:{Boolean}`"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].source, kept.source);
    }

    #[test]
    fn a_path_that_does_not_parse_is_skipped_with_a_warning() {
        let page = api_page("Get things", &["GET /things/{id", "GET /things"]);
        let model = model_of(&[("api/things-get.md", &page)]);
        let paths: Vec<&str> = model.endpoints.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["/things"]);
        let found = with_code(&model, codes::HTTP_REQUEST_UNREADABLE);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.ends_with("this request line was skipped"),
            "{}",
            found[0].message
        );
    }
}
