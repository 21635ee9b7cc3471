//! Endpoints added or removed (matched by method and path shape, so renaming
//! a path parameter is no change); the permissions of an endpoint both
//! sides have go on to `permissions`.

use super::Differ;
use crate::drift::{Level, Rule, Subject};
use crate::ir::{path_shape, Endpoint, HttpMethod, Model};
use std::collections::BTreeMap;

/// A model's endpoints by method and path shape.
fn endpoints_by_shape(m: &Model) -> BTreeMap<(HttpMethod, String), Endpoint> {
    m.endpoints
        .iter()
        .map(|e| ((e.method, path_shape(&e.path)), e.clone()))
        .collect()
}

/// The subject of an endpoint.
fn endpoint_subject(e: &Endpoint) -> Subject {
    Subject::Endpoint {
        method: e.method.as_str().to_owned(),
        path: e.path.clone(),
    }
}

impl Differ<'_> {
    /// `endpoint-added` and `endpoint-removed`, then the permissions of each
    /// endpoint both sides have, when they differ.
    pub(super) fn endpoints(&mut self, old: &Model, new: &Model) {
        let (oe, ne) = (endpoints_by_shape(old), endpoints_by_shape(new));
        for (k, e) in &ne {
            if !oe.contains_key(k) {
                self.push(
                    Rule::EndpointAdded,
                    Level::Info,
                    endpoint_subject(e),
                    format!("`{} {}` was added", e.method, e.path),
                    None,
                    Some(e.source.clone()),
                );
            }
        }
        for (k, e) in &oe {
            let Some(n) = ne.get(k) else {
                self.push(
                    Rule::EndpointRemoved,
                    Level::Breaking,
                    endpoint_subject(e),
                    format!("`{} {}` was removed", e.method, e.path),
                    Some(e.source.clone()),
                    None,
                );
                continue;
            };
            if e.permissions != n.permissions {
                self.permissions(e, n, endpoint_subject(n));
            }
        }
    }
}
