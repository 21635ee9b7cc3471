//! Endpoints added or removed (matched by method and path shape, so renaming
//! a path parameter is no change), or rewritten in full on the same page;
//! the permissions of an endpoint both sides have go on to `permissions`.

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
                let rewritten = rewritten_as(e, &k.1, &ne);
                if !rewritten.is_empty() {
                    self.path_rewritten(e, &rewritten);
                    continue;
                }
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

    /// `endpoint-path-rewritten`: `old` is gone, and `new` (its page's
    /// endpoints whose paths end with its path) are what its page now writes.
    fn path_rewritten(&mut self, old: &Endpoint, new: &[&Endpoint]) {
        const NAMED: usize = 3;
        let mut lines: Vec<String> = new
            .iter()
            .take(NAMED)
            .map(|n| format!("`{} {}`", n.method, n.path))
            .collect();
        if new.len() > NAMED {
            lines.push(format!("{} more", new.len() - NAMED));
        }
        self.push(
            Rule::EndpointPathRewritten,
            Level::Info,
            endpoint_subject(old),
            format!(
                "`{} {}` is now written in full on its page: {}",
                old.method,
                old.path,
                lines.join(", ")
            ),
            Some(old.source.clone()),
            Some(new[0].source.clone()),
        );
    }
}

/// The page a location is on, by file name: the same page whichever folder
/// each side's docs root is.
fn page_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The new side's endpoints that rewrite `old` (of path shape `shape`) in
/// full: the same method on the same page, on a longer path whose last
/// segments are `old`'s. Sorted by path.
fn rewritten_as<'n>(
    old: &Endpoint,
    shape: &str,
    new: &'n BTreeMap<(HttpMethod, String), Endpoint>,
) -> Vec<&'n Endpoint> {
    let page = page_name(&old.source.path);
    new.iter()
        .filter(|((method, new_shape), n)| {
            *method == old.method
                && page_name(&n.source.path) == page
                && new_shape.len() > shape.len()
                && new_shape.ends_with(shape)
                // The tail starts a segment: `/x/workbook/…`, not `/xworkbook/…`.
                && shape.starts_with('/')
        })
        .map(|(_, n)| n)
        .collect()
}
