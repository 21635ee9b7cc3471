//! Endpoint function names: one per method and path template, in modules
//! that follow the path's literal segments, decided once per module.
//!
//! `GET` → `get` (path ends in a parameter, or a single object) or `list`
//! (a collection); `POST` → `create` (201 Created) or `post`; `PATCH` →
//! `update`; `PUT` → `put`; `DELETE` → `delete`; a trailing `$ref`,
//! `$value` or `$count` adds `_ref`, `_value`, `_count`. Names that still
//! collide in one module are told apart by what sets them apart, then get
//! `2`, `3`, … in path order.

use super::FunctionName;
use crate::ir::{Endpoint, HttpMethod, Model, PathPart, PathSegment, PathTemplate};
use crate::naming::{field_name, module_name, parameter_name, unique_names};
use std::collections::BTreeMap;

/// The module path of an endpoint: its literal segments, system segments left out.
fn module_path(segments: &[PathSegment]) -> Vec<String> {
    segments
        .iter()
        .filter(|s| s.system().is_none())
        .filter_map(PathSegment::module_word)
        .map(module_name)
        .collect()
}

/// The function name before collisions are resolved.
fn function_name(e: &Endpoint) -> String {
    let system = e
        .template
        .trailing_system()
        .map(|s| s.trim_start_matches('$').to_ascii_lowercase());
    let addressed = e.template.addressed();
    let base = match e.method {
        HttpMethod::Get => {
            if addressed.is_some_and(|s| s.is_param()) || !e.response.collection {
                "get"
            } else {
                "list"
            }
        }
        HttpMethod::Post if e.response.status == Some(201) => "create",
        HttpMethod::Post => "post",
        HttpMethod::Patch => "update",
        HttpMethod::Put => "put",
        HttpMethod::Delete => "delete",
        other @ (HttpMethod::Head | HttpMethod::Options) => return field_name(other.as_str()),
    };
    match system {
        Some(s) => field_name(&format!("{base}_{s}")),
        None => base.to_owned(),
    }
}

/// The Rust names of an endpoint function's string parameters: the path's,
/// then the query's ([`PathTemplate::arguments`]), none of them `body`.
fn argument_names(template: &PathTemplate) -> Vec<String> {
    let all: Vec<&String> = template.arguments().collect();
    let unique = unique_names(
        all.iter().enumerate().map(|(i, p)| (i, parameter_name(p))),
        &["body"],
        false,
    );
    (0..all.len()).map(|i| unique[&i].clone()).collect()
}

/// Names every endpoint's function: its module path, its name, and the
/// names of its string arguments.
pub fn name_functions(model: &mut Model) {
    let names = function_names(model);
    for (e, name) in model.endpoints.iter_mut().zip(names) {
        e.function = name;
    }
}

/// Every endpoint's function name, in endpoint order.
fn function_names(model: &Model) -> Vec<FunctionName> {
    let mut modules: BTreeMap<Vec<String>, Vec<(usize, &Endpoint)>> = BTreeMap::new();
    for (i, e) in model.endpoints.iter().enumerate() {
        modules
            .entry(module_path(&e.template.segments))
            .or_default()
            .push((i, e));
    }
    let mut named = vec![FunctionName::default(); model.endpoints.len()];
    for (path, entries) in &modules {
        let endpoints: Vec<&Endpoint> = entries.iter().map(|(_, e)| *e).collect();
        let bases: Vec<String> = endpoints.iter().map(|e| function_name(e)).collect();
        let shared = |base: &String| bases.iter().filter(|b| *b == base).count() > 1;
        // Endpoints of one module with the same name are told apart by what
        // sets them apart; numbers only for what is still the same after that.
        let first: Vec<String> = endpoints
            .iter()
            .zip(&bases)
            .map(|(e, base)| {
                if shared(base) {
                    distinguished_name(base, e, false)
                } else {
                    base.clone()
                }
            })
            .collect();
        // Still the same: the query's values say more (`$expand=extensions`
        // beside `$expand=singleValueExtendedProperties`).
        let still_shared = |name: &String| first.iter().filter(|n| *n == name).count() > 1;
        let fn_names =
            unique_names(
                endpoints.iter().zip(&bases).zip(&first).enumerate().map(
                    |(i, ((e, base), name))| {
                        let name = if still_shared(name) {
                            distinguished_name(base, e, true)
                        } else {
                            name.clone()
                        };
                        (i, name)
                    },
                ),
                &[],
                false,
            );
        for (k, (i, e)) in entries.iter().enumerate() {
            named[*i] = FunctionName {
                module: path.clone(),
                name: fn_names[&k].clone(),
                arguments: argument_names(&e.template),
            };
        }
    }
    named
}

/// `base` with what sets `e` apart from other endpoints of its module, in
/// words of the path's literal text only (so renaming a `{parameter}`, which
/// is no change to the endpoint, renames no function): a segment that is a
/// key (`get_by_id` beside the collection's `get`), the names of a
/// function's arguments (`get_by_date` beside `get_by_period` for
/// `getX(date={d})` and `getX(period='{p}')`), and the names of the query
/// its request line writes (`get_by_id_with_expand`), and with `values` the
/// first word of each query value too (`get_by_id_with_expand_extensions`).
fn distinguished_name(base: &str, e: &Endpoint, values: bool) -> String {
    let mut name = base.to_owned();
    let addressed = e.template.addressed();
    // A word as it reads inside a name (`type`, not the field name `type_`).
    let word = |text: &str| field_name(text).trim_end_matches('_').to_owned();
    let keys: Vec<String> = match addressed.map(|s| s.parts.as_slice()) {
        Some([PathPart::Param(_)]) => vec!["id".to_owned()],
        Some(parts) => parts
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, PathPart::Param(_)))
            .map(|(i, _)| argument_key(parts, i).map_or_else(|| "key".to_owned(), |k| word(&k)))
            .collect(),
        None => Vec::new(),
    };
    for (i, key) in keys.iter().enumerate() {
        name.push_str(if i == 0 { "_by_" } else { "_and_" });
        name.push_str(key);
    }
    let pairs = &e.template.query.pairs;
    if !pairs.is_empty() {
        name.push_str("_with");
        for pair in pairs {
            name.push('_');
            name.push_str(&word(pair.name.trim_start_matches('$')));
            if let Some(value) = values.then(|| value_word(&pair.value)).flatten() {
                name.push('_');
                name.push_str(&word(value));
            }
        }
    }
    field_name(&name)
}

/// The word a query value starts with, as written in the docs
/// (`extensions` in `extensions($filter=…)`, `displayName` in
/// `displayName eq 'x'`); none when it starts with a parameter, a number or
/// a sign.
fn value_word(value: &[PathPart]) -> Option<&str> {
    let PathPart::Literal(text) = value.first()? else {
        return None;
    };
    let text = text.trim_start_matches(['$', '\'', '"', ' ']);
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let word = &text[..end];
    word.starts_with(|c: char| c.is_ascii_alphabetic())
        .then_some(word)
}

/// The argument name written before the parameter at `parts[i]`: `date` in
/// `getX(date={d})`, `period` in `getX(period='{p}')`.
fn argument_key(parts: &[PathPart], i: usize) -> Option<String> {
    let PathPart::Literal(before) = parts.get(i.checked_sub(1)?)? else {
        return None;
    };
    let before = before
        .trim_end_matches(['\'', '"', ' '])
        .strip_suffix('=')?;
    let key = before.rsplit(['(', ',', ' ']).next()?.trim();
    (!key.is_empty()).then(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    fn names_of(request_lines: &str) -> Vec<(String, String)> {
        let page = format!(
            "---\ntitle: \"Get things\"\ndoc_type: apiPageType\n---\n\n# Get things\n\n## HTTP request\n\n```http\n{request_lines}\n```\n"
        );
        let model = crate::build_version("v1.0", &[SourceFile::new("api/things.md", page)]);
        let mut out: Vec<(String, String)> = model
            .endpoints
            .iter()
            .map(|e| {
                let f = &e.function;
                (
                    e.path.clone(),
                    format!("{}::{}", f.module.join("::"), f.name),
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn endpoints_sharing_a_name_are_told_apart_by_parameters_then_query() {
        let names = names_of(
            "GET /sites/{site-id}/lists\n\
             GET /sites/{site-id}/lists/{list-id}\n\
             GET /sites/{site-id}/lists/{list-id}?expand=columns\n\
             GET /reports/getThing(date={date_value})\n\
             GET /reports/getThing(period='{period_value}')\n\
             GET /things/{type}\n\
             GET /things\n\
             GET /me?$filter=a\n\
             GET /me?$filter=b",
        );
        let expected = [
            ("/me?$filter=a", "me::get_with_filter_a"),
            ("/me?$filter=b", "me::get_with_filter_b"),
            (
                "/reports/getThing(date={date_value})",
                "reports::get_thing::get_by_date",
            ),
            (
                "/reports/getThing(period='{period_value}')",
                "reports::get_thing::get_by_period",
            ),
            ("/sites/{site-id}/lists", "sites::lists::get"),
            (
                "/sites/{site-id}/lists/{list-id}",
                "sites::lists::get_by_id",
            ),
            (
                "/sites/{site-id}/lists/{list-id}?expand=columns",
                "sites::lists::get_by_id_with_expand",
            ),
            ("/things", "things::get"),
            ("/things/{type}", "things::get_by_id"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, n)| (p.to_string(), n.to_string()))
            .collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn the_query_values_first_word_tells_apart_what_its_names_do_not() {
        let names = names_of(
            "GET /users/{id}/messages/{id}?$expand=extensions($filter=id eq '{x}')\n\
             GET /users/{id}/messages/{id}?$expand=singleValueExtendedProperties($filter=id eq '{x}')\n\
             GET /users/{id}/messages?$filter=props/any(p: p/value eq '{v}')\n\
             GET /users/{id}/messages?$filter=props/any(p: p/value ne '{v}')\n\
             GET /users/{id}/messages?$top=5\n\
             GET /users/{id}/messages?$top=10",
        );
        let names: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "users::messages::get_by_id_with_expand_extensions",
                "users::messages::get_by_id_with_expand_single_value_extended_properties",
                "users::messages::get_with_filter_props",
                "users::messages::get_with_filter_props2",
                // A number is no word: numbered, in path order (`10` before `5`).
                "users::messages::get_with_top",
                "users::messages::get_with_top2",
            ]
        );
    }

    #[test]
    fn renaming_a_parameter_renames_no_function() {
        let names = |lines: &str| -> Vec<String> {
            names_of(lines).into_iter().map(|(_, name)| name).collect()
        };
        assert_eq!(
            names("GET /lists\nGET /lists/{list-id}\nGET /r/getX(date={date_value})\nGET /r/getX(period='{p}')"),
            names("GET /lists\nGET /lists/{id}\nGET /r/getX(date={d})\nGET /r/getX(period='{period}')"),
        );
    }

    #[test]
    fn a_name_no_other_endpoint_shares_stays_plain() {
        let names = names_of(
            "GET /sites/{site-id}/lists/{list-id}\nPATCH /sites/{site-id}/lists/{list-id}",
        );
        assert_eq!(
            names,
            [
                (
                    "/sites/{site-id}/lists/{list-id}".to_owned(),
                    "sites::lists::get".to_owned()
                ),
                (
                    "/sites/{site-id}/lists/{list-id}".to_owned(),
                    "sites::lists::update".to_owned()
                ),
            ]
        );
    }
}
