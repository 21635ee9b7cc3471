//! The words a page's title, file name and path are compared by when
//! choosing between pages that document one endpoint.

use crate::parse::HttpMethod;
use std::collections::BTreeMap;

/// Whether a page file is one of the Intune copies (`intune-devices-user.md`).
pub(super) fn is_intune(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("intune-"))
}

/// Whether `verb` is a word for what `method` does.
pub(super) fn is_verb_of(method: HttpMethod, verb: &str) -> bool {
    let verbs: &[&str] = match method {
        HttpMethod::Get => &["get", "list", "read", "retrieve"],
        HttpMethod::Post => &["create", "add", "post"],
        HttpMethod::Patch => &["update", "edit"],
        HttpMethod::Put => &["update", "replace", "put", "upload", "set"],
        HttpMethod::Delete => &["delete", "remove"],
        HttpMethod::Head | HttpMethod::Options => &[],
    };
    verbs.contains(&verb)
}

/// Lower case, letters and digits only: `multi-value Property` → `multivalueproperty`.
pub(super) fn squeezed(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether two squeezed nouns are one noun, singular or plural
/// (`event`/`events`, `policy`/`policies`).
pub(super) fn same_noun(a: &str, b: &str) -> bool {
    let plural = |one: &str, many: &str| {
        many.strip_suffix('s')
            .is_some_and(|s| s == one || s.strip_suffix('e') == Some(one))
            || (many.strip_suffix("ies").is_some()
                && one.strip_suffix('y') == many.strip_suffix("ies"))
    };
    !a.is_empty() && !b.is_empty() && (a == b || plural(a, b) || plural(b, a))
}

/// The name of a path's last segment that is not a parameter or a `$ref`,
/// `$value` or `$count`, squeezed: `events` for `/groups/{id}/events`,
/// `delta` for `/users/delta()`, `content` for `/me/drive/root:/{path}:/content`.
pub(super) fn last_segment_name(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    path.split('/')
        .rev()
        .map(|s| {
            let s = s.split('(').next().unwrap_or(s);
            let s = s.rsplit('.').next().unwrap_or(s);
            let without_params: String = s
                .split('{')
                .map(|p| p.split_once('}').map_or(p, |(_, rest)| rest))
                .collect();
            squeezed(&without_params)
        })
        .find(|s| !s.is_empty() && s != "ref" && s != "value" && s != "count")
        .unwrap_or_default()
}

/// Each type's own resource page, by type key: of the resource pages that
/// describe it, one that is not an Intune copy, then one named after the
/// type (`resources/user.md` for `user`), then the first in path order.
pub(super) fn home_pages(page_types: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut homes: BTreeMap<&String, (bool, bool, &String)> = BTreeMap::new();
    for (page, key) in page_types {
        let stem = page
            .rsplit('/')
            .next()
            .unwrap_or(page)
            .trim_end_matches(".md");
        let named_after = key.rsplit('.').next() == Some(stem);
        let rank = (is_intune(page), !named_after, page);
        let entry = homes.entry(key).or_insert(rank);
        *entry = rank.min(*entry);
    }
    homes
        .into_iter()
        .map(|(key, (_, _, page))| (key.clone(), page.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{home_pages, is_intune, is_verb_of, last_segment_name, same_noun, squeezed};
    use crate::parse::HttpMethod;
    use std::collections::BTreeMap;

    #[test]
    fn nouns_match_in_the_singular_and_the_plural() {
        assert!(same_noun("event", "events"));
        assert!(same_noun("events", "event"));
        assert!(same_noun("policy", "policies"));
        assert!(same_noun("address", "addresses"));
        assert!(same_noun(&squeezed("calendar Group"), "calendargroups"));
        assert!(!same_noun("multivalueextendedproperty", "events"));
        assert!(!same_noun("", "s"));
    }

    #[test]
    fn the_last_segment_skips_parameters_and_dollar_segments() {
        assert_eq!(last_segment_name("/groups/{id}/events"), "events");
        assert_eq!(last_segment_name("/groups/{id}/events/{id}"), "events");
        assert_eq!(last_segment_name("/groups/{id}/members/$ref"), "members");
        assert_eq!(last_segment_name("/users/delta()?$select=x"), "delta");
        assert_eq!(
            last_segment_name("/me/drive/root:/{item-path}:/content"),
            "content"
        );
        assert_eq!(
            last_segment_name("/users/{id}/microsoft.graph.getMemberGroups"),
            "getmembergroups"
        );
    }

    #[test]
    fn verbs_intune_copies_and_home_pages() {
        assert!(is_verb_of(HttpMethod::Patch, "update") && !is_verb_of(HttpMethod::Patch, "move"));
        assert!(is_verb_of(HttpMethod::Delete, "remove") && !is_verb_of(HttpMethod::Get, "create"));
        assert!(is_intune("api/intune-devices-user-update.md"));
        assert!(is_intune("Intune-x.md") && !is_intune("api/user-update.md"));
        let page_types = BTreeMap::from(
            [
                ("resources/intune-devices-user.md", "microsoft.graph.user"),
                ("resources/intune-mam-user.md", "microsoft.graph.user"),
                ("resources/user.md", "microsoft.graph.user"),
                ("resources/chart.md", "microsoft.graph.workbookchart"),
                ("resources/intune-a-app.md", "microsoft.graph.app"),
                ("resources/intune-b-app.md", "microsoft.graph.app"),
            ]
            .map(|(p, k)| (p.to_owned(), k.to_owned())),
        );
        let homes = home_pages(&page_types);
        assert_eq!(homes["microsoft.graph.user"], "resources/user.md");
        assert_eq!(homes["microsoft.graph.workbookchart"], "resources/chart.md");
        assert_eq!(homes["microsoft.graph.app"], "resources/intune-a-app.md");
    }
}
