//! Endpoint functions: one per method and path template, in modules that
//! follow the path's literal segments. `POST
//! /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses` is
//! `api::device_app_management::mobile_apps::device_statuses::create`, in
//! `api/device_app_management/mobile_apps/device_statuses.rs`: a file per
//! module.
//!
//! Function names: `GET` → `get` (path ends in a parameter, or a single
//! object) or `list` (a collection); `POST` → `create` (201 Created) or
//! `post`; `PATCH` → `update`; `PUT` → `put`; `DELETE` → `delete`; a trailing
//! `$ref`, `$value` or `$count` adds `_ref`, `_value`, `_count`. Names that
//! still collide in one module get `2`, `3`, … in path order.

mod function;
mod naming;

pub(crate) use function::{in_odata_string, is_raw_download};
pub(crate) use naming::function_names;

use super::docs::inner_doc_attrs;
use super::features::Features;
use super::names::{ident, CrateNames};
use super::{rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{Endpoint, Model};
use function::endpoint_tokens;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// Emits `src/<version>/api/…`, or nothing when the version has no endpoint:
/// a file per module, so a file's path is its endpoints' path
/// (`api/me/onenote/sections.rs` for `/me/onenote/sections/{id}`) and a
/// function stays in its file whatever the docs add around it.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    features: &Features,
    options: &EmitOptions,
) -> Result<Vec<GeneratedFile>, EmitError> {
    if model.endpoints.is_empty() {
        return Ok(Vec::new());
    }
    // Name every function first (plain strings), then build and format each
    // file on its own thread (token streams are not `Send`).
    let named = function_names(model);
    let dir = format!("src/{}/api", names.version_module(&model.version));
    // Every module, those with no endpoint of their own included, with its
    // child modules, and the first endpoint below it (paths in order) for
    // its doc comment.
    let mut modules: BTreeMap<&[String], ModuleFile<'_, '_>> = BTreeMap::new();
    for (path, endpoints) in &named {
        for depth in 0..=path.len() {
            let module = modules.entry(&path[..depth]).or_default();
            module.first = module.first.or(endpoints.first().map(|(e, _)| *e));
            if let Some(child) = path.get(depth) {
                module.children.insert(child);
            }
        }
        if let Some(module) = modules.get_mut(path.as_slice()) {
            module.endpoints = endpoints;
        }
    }
    use rayon::prelude::*;
    let modules: Vec<(&&[String], &ModuleFile<'_, '_>)> = modules.iter().collect();
    let files: Vec<Result<GeneratedFile, EmitError>> = modules
        .par_iter()
        .map(|(path, module)| {
            let version = &model.version;
            let items = module
                .endpoints
                .iter()
                .map(|(e, name)| endpoint_tokens(model, names, features, e, name));
            // The root file is the module `api`.
            let own_name = path.last().map_or("api", String::as_str);
            let mods = module.children.iter().map(|child| {
                let m = ident(child);
                let allow = inception_allow(own_name, child);
                quote! { #allow pub mod #m; }
            });
            let (file, doc) = match path.split_last() {
                None => (
                    format!("{dir}/mod.rs"),
                    format!(
                        "Endpoints of the `{version}` API: a function per method and path, in \
                         modules named after the path. Each returns a \
                         [`crate::client::Operation`]; turn it into an `http::Request` with \
                         `request(super::BASE_URL)`."
                    ),
                ),
                Some(_) => (
                    format!("{dir}/{}.rs", path.join("/")),
                    format!(
                        "Endpoints of the `{version}` API under `{}`.",
                        module
                            .first
                            .map_or_else(String::new, |e| path_prefix(e, path.len()))
                    ),
                ),
            };
            let doc = inner_doc_attrs(&doc);
            rust_file(file, quote! { #doc #(#items)* #(#mods)* }, options)
        })
        .collect();
    // The first error in path order, whichever thread met it first.
    files.into_iter().collect()
}

/// One module of `api/`, written to its own file.
#[derive(Default)]
struct ModuleFile<'a, 'm> {
    /// Its own endpoints, named.
    endpoints: &'a [(&'m Endpoint, String)],
    /// Its child modules.
    children: std::collections::BTreeSet<&'a String>,
    /// The first endpoint at or below it.
    first: Option<&'m Endpoint>,
}

/// `#[allow(clippy::module_inception)]` for a module named like the module
/// that holds it (`/groups/{id}/groups`): the path says so, and renaming it
/// would hide the path.
fn inception_allow(parent: &str, child: &str) -> TokenStream {
    if parent == child {
        quote! { #[allow(clippy::module_inception)] }
    } else {
        TokenStream::new()
    }
}

/// `e`'s path up to its `count`-th named segment, parameters written `{…}`
/// (`/users/{…}/calendar`): what a file's doc comment says it holds, in the
/// shape of the module's first endpoint (another may have a parameter where
/// this one has none).
fn path_prefix(e: &Endpoint, count: usize) -> String {
    let mut prefix = String::new();
    let mut named = 0;
    for segment in e.template.segments.iter().filter(|s| s.system().is_none()) {
        if named == count {
            break;
        }
        prefix.push('/');
        match segment.module_word() {
            Some(word) => {
                prefix.push_str(word);
                named += 1;
            }
            None => prefix.push_str("{…}"),
        }
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::function_names;
    use crate::source::SourceFile;

    fn names_of(request_lines: &str) -> Vec<(String, String)> {
        let page = format!(
            "---\ntitle: \"Get things\"\ndoc_type: apiPageType\n---\n\n# Get things\n\n## HTTP request\n\n```http\n{request_lines}\n```\n"
        );
        let model = crate::build_version("v1.0", &[SourceFile::new("api/things.md", page)]);
        let mut out: Vec<(String, String)> = function_names(&model)
            .into_iter()
            .flat_map(|(module, endpoints)| {
                endpoints.into_iter().map(move |(e, name)| {
                    (e.path.clone(), format!("{}::{name}", module.join("::")))
                })
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
