//! A request line's path template, read once when the model is built:
//! emission renders it and matches examples against it without parsing the
//! request line again.

use crate::extract::paths::{parse_query, path_params, unreadable_query_pieces};
pub use crate::extract::paths::{PathPart, PathSegment, QueryPair};

/// The path of an endpoint: its segments, its parameters, and the query its
/// request line writes (`GET /me?$expand=manager`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathTemplate {
    /// The `/`-separated segments, in order.
    pub segments: Vec<PathSegment>,
    /// The path's parameter names, in order of first use.
    pub params: Vec<String>,
    /// The query written on the request line (empty when none is).
    pub query: QueryTemplate,
}

/// The query string a request line writes, read into `name=value` pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryTemplate {
    /// The query as written after `?`, if the request line has one.
    pub written: Option<String>,
    /// The `name=value` pairs, in order.
    pub pairs: Vec<QueryPair>,
    /// The parameters the values hold that are not path parameters, in
    /// order of first use: an endpoint function takes them after the path's.
    pub params: Vec<String>,
    /// The pieces that are no `name=value` pair (`requiresReview:{Boolean}`):
    /// reported once, and left out of the request.
    pub unreadable: Vec<String>,
}

impl PathTemplate {
    /// A template from a path's segments and the query written after it.
    pub fn new(segments: Vec<PathSegment>, query: Option<String>) -> PathTemplate {
        let params = path_params(&segments);
        let query = QueryTemplate::new(query, &params);
        PathTemplate {
            segments,
            params,
            query,
        }
    }

    /// Reads a request line's path and query (a leading `/` is required).
    pub fn parse(text: &str) -> Result<PathTemplate, crate::extract::paths::PathError> {
        let (segments, query) = crate::extract::paths::parse_path(text)?;
        Ok(PathTemplate::new(segments, query))
    }

    /// Every string argument the path and its query take: the path's
    /// parameters, then the query's.
    pub fn arguments(&self) -> impl Iterator<Item = &String> {
        self.params.iter().chain(&self.query.params)
    }

    /// Whether the path addresses an OData reference (`…/$ref`), which takes
    /// and gives `{"@odata.id": …}` whatever its page says.
    pub fn is_reference(&self) -> bool {
        self.segments
            .last()
            .is_some_and(|s| matches!(s.parts.as_slice(), [PathPart::Literal(t)] if t == "$ref"))
    }

    /// The last segment that is no system segment (`$ref`, `$value`): what
    /// the path addresses.
    pub fn addressed(&self) -> Option<&PathSegment> {
        self.segments.iter().rev().find(|s| s.system().is_none())
    }

    /// The system segment the path ends in (`$value`), if any.
    pub fn trailing_system(&self) -> Option<&str> {
        self.segments.last().and_then(PathSegment::system)
    }

    /// Whether a concrete path (`/users/1/messages`, no query) fills this
    /// template: as many segments, literal ones equal without case.
    pub fn matches(&self, path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        parts.len() == self.segments.len()
            && self
                .segments
                .iter()
                .zip(&parts)
                .all(|(s, p)| s.literal().is_none_or(|lit| lit.eq_ignore_ascii_case(p)))
    }
}

impl QueryTemplate {
    fn new(written: Option<String>, path_params: &[String]) -> QueryTemplate {
        let text = written.as_deref().unwrap_or("");
        let pairs = parse_query(text);
        let unreadable = unreadable_query_pieces(text)
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut params: Vec<String> = Vec::new();
        for part in pairs.iter().flat_map(|p| &p.value) {
            if let PathPart::Param(name) = part {
                if !path_params.contains(name) && !params.contains(name) {
                    params.push(name.clone());
                }
            }
        }
        QueryTemplate {
            written,
            pairs,
            params,
            unreadable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PathTemplate;

    fn template(text: &str) -> PathTemplate {
        PathTemplate::parse(text).expect("a readable path")
    }

    #[test]
    fn query_parameters_that_are_not_path_parameters_come_after_them() {
        let t = template("/sites/{site-id}/lists?$filter=id eq '{list-id}' and x eq '{site-id}'");
        assert_eq!(t.params, ["site-id"]);
        assert_eq!(t.query.params, ["list-id"]);
        let all: Vec<&String> = t.arguments().collect();
        assert_eq!(all, ["site-id", "list-id"]);
        assert_eq!(t.query.pairs.len(), 1);
        assert!(t.query.unreadable.is_empty());
    }

    #[test]
    fn pieces_that_are_no_pair_are_kept_apart() {
        let t = template("/me/x?requiresReview:{Boolean}&$top=5");
        assert_eq!(t.query.unreadable, ["requiresReview:{Boolean}"]);
        assert_eq!(t.query.pairs.len(), 1);
        assert_eq!(
            t.query.written.as_deref(),
            Some("requiresReview:{Boolean}&$top=5")
        );
    }

    #[test]
    fn references_and_addressed_segments() {
        let t = template("/groups/{id}/members/$ref");
        assert!(t.is_reference());
        assert_eq!(t.trailing_system(), Some("$ref"));
        assert_eq!(t.addressed().and_then(|s| s.literal()), Some("members"));
        assert!(!template("/groups/{id}/members").is_reference());
    }

    #[test]
    fn concrete_paths_fill_a_template_without_case() {
        let t = template("/users/{id}/messages");
        assert!(t.matches("/Users/abc/MESSAGES"));
        assert!(!t.matches("/users/abc"));
        assert!(!t.matches("/groups/abc/messages"));
    }
}
