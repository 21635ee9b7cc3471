//! `tests/endpoints_<version>.rs`: for every endpoint whose page has a
//! concrete request and response example, a test that starts a loopback HTTP
//! server (wiremock), sends the request through the `reqwest` feature, checks
//! method, encoded path and body on the server side, answers with the docs'
//! response, and checks the parsed result.

use super::names::{ident, CrateNames, ItemKind};
use super::operations::{in_odata_string, is_raw_download};
use super::path::expected_wire_path;
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{HttpMethod, Model, PathPart, Verdict};
use crate::naming::{field_name, unique_names};
use proc_macro2::TokenStream;
use quote::quote;

/// What one generated test needs.
struct Case {
    name: String,
    doc: String,
    method: String,
    expected_path: String,
    body_setup: TokenStream,
    response_raw: TokenStream,
    status: u16,
    call: TokenStream,
    cfg: TokenStream,
    query_matchers: Vec<TokenStream>,
}

/// Emits the test file, or `None` when no endpoint has a usable pair.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    features: &super::features::Features,
    options: &EmitOptions,
) -> Result<Option<GeneratedFile>, EmitError> {
    let crate_ident = ident(&options.crate_name.replace('-', "_"));
    let version_mod = ident(names.version_module(&model.version));
    let mut cases = Vec::new();
    for exchange in &model.exchanges {
        let e = &model.endpoints[exchange.endpoint];
        let request = &model.examples[exchange.request];
        let response = &model.examples[exchange.response];
        // Bodies a test can take as the service's word: concrete, and as the
        // endpoint's types say.
        if is_raw_download(e) || exchange.response_verdict != Some(Verdict::Concrete) {
            continue;
        }
        let status: u16 = response
            .first_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(200);
        // A documented 204 and a reference have no body to compare.
        if !(200..300).contains(&status)
            || e.response.status == Some(204)
            || e.template.is_reference()
            || !e.body_parameters.is_empty()
        {
            continue;
        }
        // A body the model has no type for is not sent.
        let has_request_body = match exchange.request_verdict {
            Some(Verdict::Concrete) => true,
            Some(_) => continue,
            None if request.body.is_some() => continue,
            None => false,
        };
        let module: Vec<proc_macro2::Ident> = e.function.module.iter().map(|m| ident(m)).collect();
        let fn_ident = ident(&e.function.name);
        // Path parameter values with a `/` in them: they must arrive encoded, as one segment.
        let params = &e.template.params;
        let values: Vec<String> = params.iter().map(|p| format!("{p}/1")).collect();
        let expected_path = expected_wire_path(&e.template, |name| {
            let i = params.iter().position(|p| p == name).unwrap_or(0);
            values[i].clone()
        });
        let mut args: Vec<TokenStream> = values.iter().map(|v| quote! { #v }).collect();
        // Query parameters: values with a space, an `&` and a `'`, which must
        // arrive encoded and decode back (the `'` doubled inside an OData
        // string literal), each pair checked on the server side.
        let query = &e.template.query;
        let query_value = |name: &str| -> String {
            match params.iter().position(|p| p == name) {
                Some(i) => values[i].clone(),
                None => format!("{name} 1&2'"),
            }
        };
        args.extend(query.params.iter().map(|p| {
            let v = query_value(p);
            quote! { #v }
        }));
        let query_matchers: Vec<TokenStream> = query
            .pairs
            .iter()
            .map(|pair| {
                let name = &pair.name;
                let value: String = pair
                    .value
                    .iter()
                    .enumerate()
                    .map(|(i, part)| match part {
                        PathPart::Literal(text) => text.clone(),
                        PathPart::Param(p) if in_odata_string(&pair.value, i) => {
                            query_value(p).replace('\'', "''")
                        }
                        PathPart::Param(p) => query_value(p),
                    })
                    .collect();
                quote! { .and(::wiremock::matchers::query_param(#name, #value)) }
            })
            .collect();
        let body_setup = match (has_request_body, &e.request_body_type) {
            (true, Some(q)) => {
                let item = names.try_item(&model.version, ItemKind::Type, q);
                let Some(item) = item else { continue };
                let ty = ident(item.ident);
                let ty_path = match &item.namespace_module {
                    Some(ns) => {
                        let ns = ident(ns);
                        quote! { ::#crate_ident::#version_mod::#ns::#ty }
                    }
                    None => quote! { ::#crate_ident::#version_mod::#ty },
                };
                let raw = raw_string(request.body.as_deref().unwrap_or(""));
                args.push(if e.method == HttpMethod::Patch {
                    quote! { &::#crate_ident::client::Patch::new(body.clone()) }
                } else {
                    quote! { &body }
                });
                quote! {
                    let request_body = #raw;
                    let body: #ty_path = ::serde_json::from_str(request_body).expect("the request example deserializes");
                    let request_json: ::serde_json::Value = ::serde_json::from_str(request_body).expect("the request example is JSON");
                    let sent = ::serde_json::to_value(&body).expect("the request body serializes");
                    assert_eq!(comparable(sent.clone()), comparable(request_json), "the request example does not round-trip");
                    let mock = mock.and(::wiremock::matchers::body_json(sent));
                }
            }
            _ => quote! {},
        };
        let method = e.method.as_str();
        let response_raw = raw_string(response.body.as_deref().unwrap_or(""));
        let name = request
            .name
            .as_deref()
            .map(field_name)
            .unwrap_or_else(|| format!("example_{}", request.source.line));
        let doc = format!(
            " `{} {}`, with the examples at `{}` and `{}`.",
            e.method, e.path, request.source, response.source
        );
        let call = quote! { ::#crate_ident::#version_mod::api::#(#module::)*#fn_ident(#(#args),*) };
        let cfg = super::features::cfg(features.endpoint(e));
        cases.push(Case {
            name,
            doc,
            method: method.to_owned(),
            expected_path,
            body_setup,
            response_raw,
            status,
            call,
            cfg,
            query_matchers,
        });
    }
    if cases.is_empty() {
        return Ok(None);
    }
    let unique = unique_names(
        cases.iter().enumerate().map(|(i, c)| (i, c.name.clone())),
        &[],
        false,
    );
    let tests = cases.iter().enumerate().map(|(i, case)| {
        let crate_ident = &crate_ident;
        let name = ident(&unique[&i]);
        let Case { doc, method, expected_path, body_setup, response_raw, status, call, cfg, query_matchers, .. } = case;
        quote! {
            #[doc = #doc]
            #cfg
            #[::tokio::test]
            async fn #name() {
                let server = ::wiremock::MockServer::start().await;
                let mock = ::wiremock::Mock::given(::wiremock::matchers::method(#method))
                    .and(::wiremock::matchers::path(#expected_path))
                    .and(::wiremock::matchers::header("authorization", "Bearer test-token"))
                    #(#query_matchers)*;
                #body_setup
                let response_body = #response_raw;
                mock.respond_with(::wiremock::ResponseTemplate::new(#status).set_body_raw(response_body, "application/json"))
                    .expect(1)
                    .mount(&server)
                    .await;
                let sender = ::#crate_ident::client::Sender::new(::reqwest::Client::new(), &server.uri(), "test-token");
                let parsed = sender
                    .send(&#call)
                    .await
                    .expect("the server answers with the docs' response");
                let expected: ::serde_json::Value = ::serde_json::from_str(response_body).expect("the response example is JSON");
                assert_eq!(comparable(::serde_json::to_value(&parsed).expect("the result serializes")), comparable(expected));
            }
        }
    });
    let comparable = super::json_compare::comparable_fn();
    let doc = format!(
        " Every `{}` endpoint with concrete examples, against a loopback HTTP server: method, encoded",
        model.version
    );
    let tokens = quote! {
        #![doc = #doc]
        #![doc = " path and body are checked on the server side, and the docs' response is parsed."]
        #![cfg(feature = "reqwest")]
        #(#tests)*
        #comparable
    };
    let path = format!(
        "tests/endpoints_{}.rs",
        names.version_module(&model.version)
    );
    rust_file(path, tokens, options).map(Some)
}
