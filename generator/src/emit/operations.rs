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

use super::docs::{doc_attrs, inner_doc_attrs, UNDOCUMENTED_MARKER};
use super::features::{cfg, Features};
use super::names::{ident, CrateNames, ItemKind};
use super::structs::emit_plain_struct;
use super::{rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::extract::paths::{parse_query, PathPart, PathSegment, QueryPair};
use crate::extract::Scopes;
use crate::ir::{Endpoint, Model};
use crate::naming::{field_name, module_name, parameter_name, type_name, unique_names};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// Bytes a literal path part may hold as written (RFC 3986 `pchar`).
const LITERAL: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// The module path of an endpoint: its literal segments, system segments left out.
pub(crate) fn module_path(segments: &[PathSegment]) -> Vec<String> {
    segments
        .iter()
        .filter(|s| s.system().is_none())
        .filter_map(PathSegment::module_word)
        .map(module_name)
        .collect()
}

/// Whether an endpoint downloads bytes (`GET …/$value`, `GET …/content`).
pub(crate) fn is_raw_download(e: &Endpoint) -> bool {
    e.method == "GET"
        && e.segments
            .last()
            .is_some_and(|s| s.system() == Some("$value") || s.literal() == Some("content"))
}

/// The function name before collisions are resolved.
pub(crate) fn function_name(e: &Endpoint) -> String {
    let system = e
        .segments
        .last()
        .and_then(|s| s.system())
        .map(|s| s.trim_start_matches('$').to_ascii_lowercase());
    let addressed = e.segments.iter().rev().find(|s| s.system().is_none());
    let base = match e.method.as_str() {
        "GET" => {
            if addressed.is_some_and(|s| s.is_param()) || !e.response.collection {
                "get"
            } else {
                "list"
            }
        }
        "POST" if e.response.status == Some(201) => "create",
        "POST" => "post",
        "PATCH" => "update",
        "PUT" => "put",
        "DELETE" => "delete",
        other => return field_name(other),
    };
    match system {
        Some(s) => field_name(&format!("{base}_{s}")),
        None => base.to_owned(),
    }
}

fn scopes_tokens(scopes: &Option<Scopes>) -> TokenStream {
    match scopes {
        Some(Scopes::Scopes(list)) => quote! { crate::client::Scopes::Scopes(&[#(#list),*]) },
        Some(Scopes::NotSupported) => quote! { crate::client::Scopes::NotSupported },
        Some(Scopes::Unknown) => quote! { crate::client::Scopes::Unknown },
        None => quote! { crate::client::Scopes::NotDocumented },
    }
}

fn scopes_text(scopes: &Option<Scopes>) -> String {
    match scopes {
        Some(Scopes::Scopes(list)) => list
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Some(Scopes::NotSupported) => "not supported".to_owned(),
        Some(Scopes::Unknown) => "unknown (the docs hold a placeholder, not a list)".to_owned(),
        None => "not documented".to_owned(),
    }
}

/// The query string an endpoint's request line writes (`GET
/// /me?$expand=manager`), which its function adds to the request.
pub(crate) struct EndpointQuery {
    /// The `name=value` pairs, in order.
    pub pairs: Vec<QueryPair>,
    /// The parameters the values hold that are not path parameters, in order
    /// of first use: the function takes them after the path parameters.
    pub params: Vec<String>,
}

/// The query of `e`'s request line, if it writes one.
pub(crate) fn endpoint_query(e: &Endpoint) -> EndpointQuery {
    let pairs = e.query.as_deref().map(parse_query).unwrap_or_default();
    let mut params: Vec<String> = Vec::new();
    for part in pairs.iter().flat_map(|p| &p.value) {
        if let PathPart::Param(name) = part {
            if !e.path_params.contains(name) && !params.contains(name) {
                params.push(name.clone());
            }
        }
    }
    EndpointQuery { pairs, params }
}

/// Whether the parameter at `parts[i]` sits inside an OData string literal
/// (`id eq '{id}'`): the text before it ends with `'` and the text after it
/// starts with one. Its value's own `'` must then be doubled.
pub(crate) fn in_odata_string(parts: &[PathPart], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .and_then(|j| parts.get(j))
        .is_some_and(|p| matches!(p, PathPart::Literal(t) if t.ends_with('\'')));
    let after = parts
        .get(i + 1)
        .is_some_and(|p| matches!(p, PathPart::Literal(t) if t.starts_with('\'')));
    before && after
}

/// The Rust names of an endpoint function's string parameters: the path's,
/// then the query's (see [`endpoint_query`]), none of them `body`.
pub(crate) fn argument_names(e: &Endpoint, query: &EndpointQuery) -> Vec<String> {
    let all: Vec<&String> = e.path_params.iter().chain(&query.params).collect();
    let unique = unique_names(
        all.iter().enumerate().map(|(i, p)| (i, parameter_name(p))),
        &["body"],
        false,
    );
    (0..all.len()).map(|i| unique[&i].clone()).collect()
}

/// Whether the endpoint is an OData reference (`…/$ref`), which takes and
/// gives `{"@odata.id": …}` whatever its page says.
pub(crate) fn is_reference(e: &Endpoint) -> bool {
    e.segments
        .last()
        .is_some_and(|s| matches!(s.parts.as_slice(), [PathPart::Literal(text)] if text == "$ref"))
}

/// The type an endpoint's success response is read into: a documented 204
/// and a reference write have no body to fill; a single reference may be
/// absent (a manager not set).
fn response_type(model: &Model, names: &CrateNames, e: &Endpoint) -> TokenStream {
    let version = &model.version;
    if is_raw_download(e) {
        return quote! { crate::client::RawBody };
    }
    if is_reference(e) {
        return match (e.method.as_str(), e.response.collection) {
            ("GET", true) => quote! { crate::client::Collection<crate::client::Reference> },
            ("GET", false) => quote! { ::std::option::Option<crate::client::Reference> },
            _ => quote! { () },
        };
    }
    if e.response.status == Some(204) {
        return quote! { () };
    }
    let item = match &e.response.resolved {
        Some(q) => names.path(version, ItemKind::Type, q),
        None => None,
    };
    match item {
        Some(path) if e.response.collection => quote! { crate::client::Collection<#path> },
        Some(path) => path,
        None => quote! { ::serde_json::Value },
    }
}

/// One endpoint's function, its permissions constant, and its body struct if any.
fn endpoint_tokens(
    model: &Model,
    names: &CrateNames,
    features: &Features,
    e: &Endpoint,
    fn_name: &str,
) -> TokenStream {
    let cfg = cfg(features.endpoint(&model.version, e));
    let version = &model.version;
    let fn_ident = ident(fn_name);
    let permissions_ident = ident(&format!("{}_PERMISSIONS", fn_name.to_ascii_uppercase()));
    let query = endpoint_query(e);
    let param_names = argument_names(e, &query);
    let param_ident = |name: &str| -> proc_macro2::Ident {
        let i = e
            .path_params
            .iter()
            .chain(&query.params)
            .position(|p| p == name)
            .unwrap_or(0);
        ident(&param_names[i])
    };

    // The path: literal parts encoded now, parameters encoded at run time.
    let mut format = String::new();
    let mut encoded_params = Vec::new();
    for segment in &e.segments {
        format.push('/');
        for part in &segment.parts {
            match part {
                PathPart::Literal(text) => {
                    let encoded = percent_encoding::utf8_percent_encode(text, LITERAL).to_string();
                    format.push_str(&encoded.replace('{', "{{").replace('}', "}}"));
                }
                PathPart::Param(name) => {
                    let p = param_ident(name);
                    format.push_str(&format!("{{{p}}}"));
                    let encode = quote! { let #p = crate::client::encode_path_parameter(#p); };
                    if !encoded_params
                        .iter()
                        .any(|t: &TokenStream| t.to_string() == encode.to_string())
                    {
                        encoded_params.push(encode);
                    }
                }
            }
        }
    }
    if format.is_empty() {
        format.push('/');
    }
    // An expression, not a local: no argument (one may be called `path`) is
    // hidden, and the query below sees the values as given.
    let path_expr = if encoded_params.is_empty() {
        quote! { ::std::string::ToString::to_string(#format) }
    } else {
        quote! {
            {
                #(#encoded_params)*
                ::std::format!(#format)
            }
        }
    };

    // Body.
    let mut extra_items = TokenStream::new();
    let mut body_doc = None;
    let reference = is_reference(e);
    let body_type: Option<TokenStream> = if reference && matches!(e.method.as_str(), "POST" | "PUT")
    {
        body_doc = Some(
            "Request body: a reference to the object (`{\"@odata.id\": …}`): make it with \
             [`crate::client::Reference::to`]."
                .to_owned(),
        );
        Some(quote! { crate::client::Reference })
    } else if let Some(q) = &e.request_body_type {
        let path = names.path(version, ItemKind::Type, q);
        if e.method == "PATCH" {
            body_doc = Some(format!(
                "Request body: the properties of a `{}` to set, and those to clear \
                 ([`crate::client::Patch`]).",
                q.name
            ));
            path.map(|p| quote! { crate::client::Patch<#p> })
        } else {
            body_doc = Some(format!("Request body: a `{}`.", q.name));
            path
        }
    } else if !e.body_parameters.is_empty() {
        let body_ident = format!("{}Body", type_name(fn_name));
        let doc = format!("The body parameters of [`{fn_name}`].");
        extra_items.extend(emit_plain_struct(
            version,
            &body_ident,
            &doc,
            &e.body_parameters,
            names,
            &cfg,
        ));
        body_doc = Some(format!("Request body: the parameters in [`{body_ident}`]."));
        let b = ident(&body_ident);
        Some(quote! { #b })
    } else if e.request_body.is_some() {
        body_doc = Some(format!(
            "Request body: a `{}` (no page defines it: untyped JSON).",
            e.request_body.as_deref().unwrap_or("")
        ));
        Some(quote! { ::serde_json::Value })
    } else {
        None
    };

    // Response. `$value` and `content` downloads are bytes, not JSON.
    let raw = is_raw_download(e);
    let response_type = response_type(model, names, e);
    let response_doc = match (&e.response.status, &e.response.ty) {
        _ if raw => "Response: the bytes of the content ([`crate::client::RawBody`]).".to_owned(),
        _ if reference && e.method == "GET" => {
            "Response: the references (`{\"@odata.id\": …}`) to the objects.".to_owned()
        }
        _ if reference => "Response: `204`, no content.".to_owned(),
        (Some(204), _) => "Response: `204`, no content.".to_owned(),
        (Some(status), Some(ty)) => format!(
            "Response: `{status}` with {} `{ty}`{}.",
            if e.response.collection {
                "a collection of"
            } else {
                "a"
            },
            if e.response.resolved.is_none() {
                " (no page defines it: untyped JSON)"
            } else {
                ""
            }
        ),
        (Some(status), None) => format!("Response: `{status}`."),
        (None, _) => "Response: the docs do not say.".to_owned(),
    };

    let params = e.path_params.iter().chain(&query.params).map(|p| {
        let p = param_ident(p);
        quote! { #p: &str }
    });
    // The request line's query, added as written, its parameters filled in.
    let with_query = query.pairs.iter().map(|pair| {
        let name = &pair.name;
        match pair.value.as_slice() {
            [] => quote! { .with_query(#name, "") },
            [PathPart::Literal(text)] => quote! { .with_query(#name, #text) },
            [PathPart::Param(p)] => {
                let p = param_ident(p);
                quote! { .with_query(#name, #p) }
            }
            parts => {
                let mut format = String::new();
                let mut args = Vec::new();
                for (i, part) in parts.iter().enumerate() {
                    match part {
                        PathPart::Literal(text) => {
                            format.push_str(&text.replace('{', "{{").replace('}', "}}"))
                        }
                        PathPart::Param(p) => {
                            format.push_str("{}");
                            let p = param_ident(p);
                            // Doubling `'`, as `client::escape_odata_string` does
                            // (a path inside `format!` would print as `crate ::…`).
                            args.push(if in_odata_string(parts, i) {
                                quote! { #p.replace('\'', "''") }
                            } else {
                                quote! { #p }
                            });
                        }
                    }
                }
                quote! { .with_query(#name, &::std::format!(#format, #(#args),*)) }
            }
        }
    });
    let body_param = body_type.as_ref().map(|t| quote! { body: &#t });
    let all_params: Vec<TokenStream> = params.chain(body_param).collect();
    let with_body = body_type.as_ref().map(|_| quote! { .with_json(body) });
    let method = ident(&e.method.to_ascii_uppercase());

    let p = &e.permissions;
    let mut doc = format!(
        "{}\n\n`{} {}`",
        if e.title.is_empty() {
            "An endpoint."
        } else {
            &e.title
        },
        e.method,
        e.path
    );
    if let Some(alias) = &e.alias_of {
        doc.push_str(&format!(
            "\n\nThe signed-in user's form of `{} {alias}`.",
            e.method
        ));
    }
    if !query.pairs.is_empty() {
        doc.push_str("\n\nAdds the query the request line writes: ");
        let written: Vec<String> = query
            .pairs
            .iter()
            .map(|pair| {
                let value: String = pair
                    .value
                    .iter()
                    .map(|part| match part {
                        PathPart::Literal(text) => text.clone(),
                        PathPart::Param(p) => format!("{{{}}}", param_ident(p)),
                    })
                    .collect();
                format!("`{}={value}`", pair.name)
            })
            .collect();
        doc.push_str(&written.join(", "));
        doc.push('.');
    }
    let left_out = crate::extract::paths::unreadable_query_pieces(e.query.as_deref().unwrap_or(""));
    if !left_out.is_empty() {
        let pieces: Vec<String> = left_out.iter().map(|p| format!("`{p}`")).collect();
        doc.push_str(&format!(
            "\n\nLeaves out what the request line writes that is not a `name=value` pair: {}.",
            pieces.join(", ")
        ));
    }
    if let Some(b) = body_doc {
        doc.push_str(&format!("\n\n{b}"));
    }
    doc.push_str(&format!("\n\n{response_doc}"));
    doc.push_str(&format!(
        "\n\nPermissions: delegated (work or school account): {}; delegated (personal Microsoft account): {}; application: {}.",
        scopes_text(&p.delegated_work_or_school),
        scopes_text(&p.delegated_personal),
        scopes_text(&p.application)
    ));
    for (label, scopes) in [
        (
            "delegated (work or school account)",
            &p.delegated_work_or_school,
        ),
        (
            "delegated (personal Microsoft account)",
            &p.delegated_personal,
        ),
        ("application", &p.application),
    ] {
        if scopes == &Some(Scopes::Unknown) {
            doc.push_str(&format!(
                "\n\n{UNDOCUMENTED_MARKER} the {label} permissions are a placeholder or empty in `{}`: unknown, not none.",
                e.source.path
            ));
        }
    }
    doc.push_str(&format!("\n\nDocs: `{}`", e.source.path));
    let doc = doc_attrs(&doc);
    let permissions_doc = format!(" The permissions the docs list for [`{fn_name}`].");
    let new_operation = quote! { crate::client::Operation::new(::http::Method::#method, #path_expr, &#permissions_ident) };
    let with: Vec<TokenStream> = with_query.chain(with_body).collect();
    // A chain straight after the call would make prettyplease indent the
    // call's arguments twice: the operation gets a name first, one no
    // argument has.
    let fn_body = if with.is_empty() {
        new_operation
    } else {
        let mut local = "operation".to_owned();
        while param_names.contains(&local) {
            local.push('_');
        }
        let local = ident(&local);
        quote! {
            let #local = #new_operation;
            #local #(#with)*
        }
    };
    let (work, personal, application) = (
        scopes_tokens(&p.delegated_work_or_school),
        scopes_tokens(&p.delegated_personal),
        scopes_tokens(&p.application),
    );
    quote! {
        #[doc = #permissions_doc]
        #cfg
        pub const #permissions_ident: crate::client::Permissions = crate::client::Permissions {
            delegated_work_or_school: #work,
            delegated_personal: #personal,
            application: #application,
        };

        #extra_items

        #doc
        #cfg
        pub fn #fn_ident(#(#all_params),*) -> crate::client::Operation<#response_type> {
            #fn_body
        }
    }
}

/// Every endpoint's module path and function name, by module: the one place
/// endpoint names are decided (the endpoint tests call the same functions).
pub(crate) fn function_names(model: &Model) -> BTreeMap<Vec<String>, Vec<(&Endpoint, String)>> {
    let mut modules: BTreeMap<Vec<String>, Vec<&Endpoint>> = BTreeMap::new();
    for e in &model.endpoints {
        modules.entry(module_path(&e.segments)).or_default().push(e);
    }
    let mut named: BTreeMap<Vec<String>, Vec<(&Endpoint, String)>> = BTreeMap::new();
    for (path, endpoints) in &modules {
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
        for (i, e) in endpoints.iter().enumerate() {
            named
                .entry(path.clone())
                .or_default()
                .push((e, fn_names[&i].clone()));
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
    let addressed = e.segments.iter().rev().find(|s| s.system().is_none());
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
    let pairs = e.query.as_deref().map(parse_query).unwrap_or_default();
    if !pairs.is_empty() {
        name.push_str("_with");
        for pair in &pairs {
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
    for segment in e.segments.iter().filter(|s| s.system().is_none()) {
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
