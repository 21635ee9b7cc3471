//! Endpoint functions: one per method and path template, in modules that
//! follow the path's literal segments. `POST
//! /deviceAppManagement/mobileApps/{mobileAppId}/deviceStatuses` is
//! `api::device_app_management::mobile_apps::device_statuses::create`, in
//! `api/device_app_management/mobile_apps/device_statuses.rs`: a file per
//! module. The names are the model's ([`crate::ir::FunctionName`]).

mod function;
mod permission_sets;

pub(crate) use function::{in_odata_string, is_raw_download};

use super::docs::inner_doc_attrs;
use super::names::{ident, CrateNames};
use super::{rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{Endpoint, Model};
use function::endpoint_tokens;
use permission_sets::PermissionSets;
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
    options: &EmitOptions,
) -> Result<Vec<GeneratedFile>, EmitError> {
    if model.endpoints.is_empty() {
        return Ok(Vec::new());
    }
    // Group the functions by module, then build and format each file on its
    // own thread (token streams are not `Send`).
    let mut named: BTreeMap<&[String], Vec<&Endpoint>> = BTreeMap::new();
    for e in &model.endpoints {
        named.entry(&e.function.module).or_default().push(e);
    }
    let dir = format!("src/{}/api", names.version_module(&model.version));
    let sets = PermissionSets::new(model, names.version_module(&model.version));
    // Every module, those with no endpoint of their own included, with its
    // child modules, and the first endpoint below it (paths in order) for
    // its doc comment.
    let mut modules: BTreeMap<&[String], ModuleFile<'_, '_>> = BTreeMap::new();
    for (path, endpoints) in &named {
        for depth in 0..=path.len() {
            let module = modules.entry(&path[..depth]).or_default();
            module.first = module.first.or(endpoints.first().copied());
            if let Some(child) = path.get(depth) {
                module.children.insert(child);
            }
        }
        if let Some(module) = modules.get_mut(path) {
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
                .map(|e| endpoint_tokens(model, names, &sets, e));
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
            // The shared permission sets live in the root module.
            let shared = path.is_empty().then(|| sets.items());
            rust_file(file, quote! { #doc #(#items)* #shared #(#mods)* }, options)
        })
        .collect();
    // The first error in path order, whichever thread met it first.
    files.into_iter().collect()
}

/// One module of `api/`, written to its own file.
#[derive(Default)]
struct ModuleFile<'a, 'm> {
    /// Its own endpoints.
    endpoints: &'a [&'m Endpoint],
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
