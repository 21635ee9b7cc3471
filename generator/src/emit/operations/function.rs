//! One endpoint's items: its function, its permissions constant, and the
//! struct of its body parameters when it has them. Each piece of the
//! function (path, body, response, query, doc) is built on its own.

use super::permission_sets::PermissionSets;
use crate::emit::docs::{doc_attrs, UNDOCUMENTED_MARKER};
use crate::emit::features::cfg_all;
use crate::emit::names::{ident, CrateNames, ItemKind};
use crate::emit::path::format_string;
use crate::emit::structs::emit_plain_struct;
use crate::ir::{Endpoint, HttpMethod, Model, PathPart, PathTemplate, QueryPair, Scopes};
use crate::naming::type_name;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// Whether an endpoint downloads bytes (`GET …/$value`, `GET …/content`).
pub(crate) fn is_raw_download(e: &Endpoint) -> bool {
    e.method == HttpMethod::Get
        && e.template
            .segments
            .last()
            .is_some_and(|s| s.system() == Some("$value") || s.literal() == Some("content"))
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

/// An endpoint function's string arguments: the template's parameters and
/// the Rust names the model gives them.
struct Arguments<'e> {
    template: &'e PathTemplate,
    names: &'e [String],
}

impl<'e> Arguments<'e> {
    fn new(e: &'e Endpoint) -> Self {
        Arguments {
            template: &e.template,
            names: &e.function.arguments,
        }
    }

    /// The Rust name of the parameter `name`.
    fn name(&self, name: &str) -> &str {
        let i = self.template.arguments().position(|p| p == name);
        &self.names[i.unwrap_or(0)]
    }

    fn ident(&self, name: &str) -> Ident {
        ident(self.name(name))
    }
}

/// The path expression: literal parts encoded now, parameters encoded at
/// run time. An expression, not a local: no argument (one may be called
/// `path`) is hidden, and the query sees the values as given.
fn path_expr(args: &Arguments<'_>) -> TokenStream {
    let format = format_string(args.template, |name| args.name(name).to_owned());
    let mut encoded: Vec<Ident> = Vec::new();
    for part in args.template.segments.iter().flat_map(|s| &s.parts) {
        if let PathPart::Param(name) = part {
            let p = args.ident(name);
            if !encoded.contains(&p) {
                encoded.push(p);
            }
        }
    }
    if encoded.is_empty() {
        return quote! { ::std::string::ToString::to_string(#format) };
    }
    quote! {
        {
            #(let #encoded = crate::client::encode_path_parameter(#encoded);)*
            ::std::format!(#format)
        }
    }
}

/// What an endpoint function takes as its body.
struct RequestBody {
    /// The argument's type; `None` when the crate has no item for the
    /// request body type (the doc still names it).
    ty: Option<TokenStream>,
    /// What the function's doc says of it.
    doc: String,
    /// A struct of body parameters to emit beside the function.
    item: TokenStream,
}

/// The body an endpoint takes, if any: a reference for `POST`/`PUT …/$ref`,
/// the request body type (`Patch<T>` for `PATCH`), a struct of its body
/// parameters, or untyped JSON for a type no page defines.
fn request_body(
    model: &Model,
    names: &CrateNames,
    e: &Endpoint,
    fn_name: &str,
    cfg: &TokenStream,
) -> Option<RequestBody> {
    let plain = |ty: Option<TokenStream>, doc: String| RequestBody {
        ty,
        doc,
        item: TokenStream::new(),
    };
    if e.template.is_reference() && matches!(e.method, HttpMethod::Post | HttpMethod::Put) {
        let doc = "Request body: a reference to the object (`{\"@odata.id\": …}`): make it with \
                   [`crate::client::Reference::to`].";
        return Some(plain(
            Some(quote! { crate::client::Reference }),
            doc.to_owned(),
        ));
    }
    if let Some(q) = &e.request_body_type {
        let path = names.path(&model.version, ItemKind::Type, q);
        return Some(if e.method == HttpMethod::Patch {
            let doc = format!(
                "Request body: the properties of a `{}` to set, and those to clear \
                 ([`crate::client::Patch`]).",
                q.name
            );
            plain(path.map(|p| quote! { crate::client::Patch<#p> }), doc)
        } else {
            plain(path, format!("Request body: a `{}`.", q.name))
        });
    }
    if !e.body_parameters.is_empty() {
        let body_ident = format!("{}Body", type_name(fn_name));
        let doc = format!("The body parameters of [`{fn_name}`].");
        let item = emit_plain_struct(
            &model.version,
            &body_ident,
            &doc,
            &e.body_parameters,
            names,
            cfg,
        );
        let b = ident(&body_ident);
        return Some(RequestBody {
            ty: Some(quote! { #b }),
            doc: format!("Request body: the parameters in [`{body_ident}`]."),
            item,
        });
    }
    let written = e.request_body.as_deref()?;
    let doc = format!("Request body: a `{written}` (no page defines it: untyped JSON).");
    Some(plain(Some(quote! { ::serde_json::Value }), doc))
}

/// The type an endpoint's success response is read into: a documented 204
/// and a reference write have no body to fill; a single reference may be
/// absent (a manager not set).
pub(super) fn response_type(model: &Model, names: &CrateNames, e: &Endpoint) -> TokenStream {
    if is_raw_download(e) {
        return quote! { crate::client::RawBody };
    }
    if e.template.is_reference() {
        return match (e.method, e.response.collection) {
            (HttpMethod::Get, true) => {
                quote! { crate::client::Collection<crate::client::Reference> }
            }
            (HttpMethod::Get, false) => quote! { ::std::option::Option<crate::client::Reference> },
            _ => quote! { () },
        };
    }
    if e.response.status == Some(204) {
        return quote! { () };
    }
    let item = match &e.response.resolved {
        Some(q) => names.path(&model.version, ItemKind::Type, q),
        None => None,
    };
    match item {
        Some(path) if e.response.collection => quote! { crate::client::Collection<#path> },
        Some(path) => path,
        None => quote! { ::serde_json::Value },
    }
}

/// What the function's doc says of the response.
fn response_doc(e: &Endpoint) -> String {
    let reference = e.template.is_reference();
    match (&e.response.status, &e.response.ty) {
        _ if is_raw_download(e) => {
            "Response: the bytes of the content ([`crate::client::RawBody`]).".to_owned()
        }
        _ if reference && e.method == HttpMethod::Get => {
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
    }
}

/// `.with_query(name, value)` for one pair the request line writes, its
/// parameters filled in.
fn query_call(pair: &QueryPair, args: &Arguments<'_>) -> TokenStream {
    let name = &pair.name;
    match pair.value.as_slice() {
        [] => quote! { .with_query(#name, "") },
        [PathPart::Literal(text)] => quote! { .with_query(#name, #text) },
        [PathPart::Param(p)] => {
            let p = args.ident(p);
            quote! { .with_query(#name, #p) }
        }
        parts => {
            let mut format = String::new();
            let mut values = Vec::new();
            for (i, part) in parts.iter().enumerate() {
                match part {
                    PathPart::Literal(text) => {
                        format.push_str(&text.replace('{', "{{").replace('}', "}}"))
                    }
                    PathPart::Param(p) => {
                        format.push_str("{}");
                        let p = args.ident(p);
                        // Doubling `'`, as `client::escape_odata_string` does
                        // (a path inside `format!` would print as `crate ::…`).
                        values.push(if in_odata_string(parts, i) {
                            quote! { #p.replace('\'', "''") }
                        } else {
                            quote! { #p }
                        });
                    }
                }
            }
            quote! { .with_query(#name, &::std::format!(#format, #(#values),*)) }
        }
    }
}

/// A `crate::client::Scopes` value.
pub(super) fn scopes_tokens(scopes: &Option<Scopes>) -> TokenStream {
    match scopes {
        Some(Scopes::Scopes(list)) => quote! { crate::client::Scopes::Scopes(&[#(#list),*]) },
        Some(Scopes::NotSupported) => quote! { crate::client::Scopes::NotSupported },
        Some(Scopes::Unknown) => quote! { crate::client::Scopes::Unknown },
        None => quote! { crate::client::Scopes::NotDocumented },
    }
}

/// What a doc comment says of one kind of permission.
pub(super) fn scopes_text(scopes: &Option<Scopes>) -> String {
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

/// What the function's doc says of the query its request line writes, and
/// of what it leaves out.
fn query_doc(e: &Endpoint, args: &Arguments<'_>) -> String {
    let query = &e.template.query;
    let mut doc = String::new();
    if !query.pairs.is_empty() {
        let written: Vec<String> = query
            .pairs
            .iter()
            .map(|pair| {
                let value: String = pair
                    .value
                    .iter()
                    .map(|part| match part {
                        PathPart::Literal(text) => text.clone(),
                        PathPart::Param(p) => format!("{{{}}}", args.name(p)),
                    })
                    .collect();
                format!("`{}={value}`", pair.name)
            })
            .collect();
        doc.push_str(&format!(
            "\n\nAdds the query the request line writes: {}.",
            written.join(", ")
        ));
    }
    if !query.unreadable.is_empty() {
        let pieces: Vec<String> = query.unreadable.iter().map(|p| format!("`{p}`")).collect();
        doc.push_str(&format!(
            "\n\nLeaves out what the request line writes that is not a `name=value` pair: {}.",
            pieces.join(", ")
        ));
    }
    doc
}

/// What the function's doc says of its permissions.
fn permissions_doc(e: &Endpoint) -> String {
    let p = &e.permissions;
    let mut doc = format!(
        "\n\nPermissions: delegated (work or school account): {}; delegated (personal Microsoft account): {}; application: {}.",
        scopes_text(&p.delegated_work_or_school),
        scopes_text(&p.delegated_personal),
        scopes_text(&p.application)
    );
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
    doc
}

/// The function's doc: title, request line, query, body, response,
/// permissions and page.
fn function_doc(e: &Endpoint, args: &Arguments<'_>, body_doc: Option<&str>) -> String {
    let title = if e.title.is_empty() {
        "An endpoint."
    } else {
        &e.title
    };
    let mut doc = format!("{title}\n\n`{} {}`", e.method, e.path);
    if let Some(alias) = &e.alias_of {
        doc.push_str(&format!(
            "\n\nThe signed-in user's form of `{} {alias}`.",
            e.method
        ));
    }
    doc.push_str(&query_doc(e, args));
    if let Some(b) = body_doc {
        doc.push_str(&format!("\n\n{b}"));
    }
    doc.push_str(&format!("\n\n{}", response_doc(e)));
    doc.push_str(&permissions_doc(e));
    doc.push_str(&format!("\n\nDocs: `{}`", e.source.path));
    doc
}

/// The constant listing an endpoint's permissions: its shared set's.
fn permissions_const(
    set: TokenStream,
    name: &Ident,
    fn_name: &str,
    cfg: &TokenStream,
) -> TokenStream {
    let doc = format!(" The permissions the docs list for [`{fn_name}`].");
    quote! {
        #[doc = #doc]
        #cfg
        pub const #name: crate::client::Permissions = #set;
    }
}

/// One endpoint's function, its permissions constant, and its body struct if any.
pub(super) fn endpoint_tokens(
    model: &Model,
    names: &CrateNames,
    sets: &PermissionSets<'_>,
    e: &Endpoint,
) -> TokenStream {
    let fn_name = e.function.name.as_str();
    let cfg = cfg_all(&model.endpoint_workloads(e));
    let args = Arguments::new(e);
    let permissions_ident = ident(&format!("{}_PERMISSIONS", fn_name.to_ascii_uppercase()));
    let body = request_body(model, names, e, fn_name, &cfg);
    let doc = doc_attrs(&function_doc(
        e,
        &args,
        body.as_ref().map(|b| b.doc.as_str()),
    ));
    let params = e.template.arguments().map(|p| {
        let p = args.ident(p);
        quote! { #p: &str }
    });
    let body_ty = body.as_ref().and_then(|b| b.ty.as_ref());
    let body_param = body_ty.map(|t| quote! { body: &#t });
    let all_params: Vec<TokenStream> = params.chain(body_param).collect();
    let mut with: Vec<TokenStream> = e
        .template
        .query
        .pairs
        .iter()
        .map(|pair| query_call(pair, &args))
        .collect();
    with.extend(body_ty.map(|_| quote! { .with_json(body) }));
    let method = ident(e.method.as_str());
    let path = path_expr(&args);
    let new_operation = quote! { crate::client::Operation::new(::http::Method::#method, #path, &#permissions_ident) };
    // A chain straight after the call would make prettyplease indent the
    // call's arguments twice: the operation gets a name first, one no
    // argument has.
    let fn_body = if with.is_empty() {
        new_operation
    } else {
        let mut local = "operation".to_owned();
        while args.names.contains(&local) {
            local.push('_');
        }
        let local = ident(&local);
        quote! {
            let #local = #new_operation;
            #local #(#with)*
        }
    };
    let permissions = permissions_const(sets.path(e), &permissions_ident, fn_name, &cfg);
    let item = body.map(|b| b.item).unwrap_or_default();
    let response_type = response_type(model, names, e);
    let fn_ident = ident(fn_name);
    quote! {
        #permissions

        #item

        #doc
        #cfg
        pub fn #fn_ident(#(#all_params),*) -> crate::client::Operation<#response_type> {
            #fn_body
        }
    }
}
