//! `tests/endpoints_<version>.rs`: for every endpoint whose page has a
//! concrete request and response example, a test that starts a loopback HTTP
//! server (wiremock), sends the request through the `reqwest` feature, checks
//! method, encoded path and body on the server side, answers with the docs'
//! response, and checks the parsed result.

use super::names::{ident, CrateNames, ItemKind};
use super::operations::{in_odata_string, is_raw_download};
use super::path::expected_wire_path;
use super::{raw_string, rust_file, EmitError, EmitOptions, GeneratedFile};
use crate::ir::{Endpoint, Example, Exchange, HttpMethod, Model, PathPart, QueryPair, Verdict};
use crate::naming::{field_name, unique_names};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// What one generated test needs.
struct Case {
    name: String,
    doc: String,
    method: &'static str,
    expected_path: String,
    body_setup: TokenStream,
    response_raw: TokenStream,
    status: u16,
    call: TokenStream,
    cfg: TokenStream,
    query_matchers: Vec<TokenStream>,
}

/// What the tests of one version read.
struct Tests<'m> {
    model: &'m Model,
    names: &'m CrateNames<'m>,
    crate_ident: Ident,
    version_mod: Ident,
}

/// The status a test answers with and whether it sends a request body, or
/// `None` when the exchange cannot be tested: bodies a test takes as the
/// service's word are concrete and as the endpoint's types say, and a
/// documented 204 or a reference has no body to compare.
fn testable(
    e: &Endpoint,
    exchange: &Exchange,
    request: &Example,
    response: &Example,
) -> Option<(u16, bool)> {
    if is_raw_download(e) || exchange.response_verdict != Some(Verdict::Concrete) {
        return None;
    }
    let status: u16 = response
        .first_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    if !(200..300).contains(&status)
        || e.response.status == Some(204)
        || e.template.is_reference()
        || !e.body_parameters.is_empty()
    {
        return None;
    }
    // A body the model has no type for is not sent.
    let has_request_body = match exchange.request_verdict {
        Some(Verdict::Concrete) => true,
        Some(_) => return None,
        None if request.body.is_some() => return None,
        None => false,
    };
    Some((status, has_request_body))
}

/// The values a test calls an endpoint with, and what the server must see.
struct Call {
    /// The string arguments, in order.
    args: Vec<TokenStream>,
    /// The encoded path the server must receive.
    expected_path: String,
    /// One matcher per query pair the request line writes.
    query_matchers: Vec<TokenStream>,
}

/// Path parameter values with a `/` in them (they must arrive encoded, as
/// one segment), and query values with a space, an `&` and a `'` (they must
/// arrive encoded and decode back, the `'` doubled inside an OData string
/// literal), each pair checked on the server side.
fn call_values(e: &Endpoint) -> Call {
    let params = &e.template.params;
    let values: Vec<String> = params.iter().map(|p| format!("{p}/1")).collect();
    let value = |name: &str| -> String {
        match params.iter().position(|p| p == name) {
            Some(i) => values[i].clone(),
            None => format!("{name} 1&2'"),
        }
    };
    let expected_path = expected_wire_path(&e.template, value);
    let query = &e.template.query;
    let args = values
        .iter()
        .cloned()
        .chain(query.params.iter().map(|p| value(p)))
        .map(|v| quote! { #v })
        .collect();
    let query_matchers = query
        .pairs
        .iter()
        .map(|pair| query_matcher(pair, &value))
        .collect();
    Call {
        args,
        expected_path,
        query_matchers,
    }
}

/// `.and(query_param(name, value))` for one pair, its parameters filled in.
fn query_matcher(pair: &QueryPair, value: &impl Fn(&str) -> String) -> TokenStream {
    let name = &pair.name;
    let expected: String = pair
        .value
        .iter()
        .enumerate()
        .map(|(i, part)| match part {
            PathPart::Literal(text) => text.clone(),
            PathPart::Param(p) if in_odata_string(&pair.value, i) => value(p).replace('\'', "''"),
            PathPart::Param(p) => value(p),
        })
        .collect();
    quote! { .and(::wiremock::matchers::query_param(#name, #expected)) }
}

impl Tests<'_> {
    /// The request body's setup (read, round-tripped, matched on the
    /// server) and the argument that passes it, or `None` when the crate
    /// has no item for its type.
    fn request_body(&self, e: &Endpoint, request: &Example) -> Option<(TokenStream, TokenStream)> {
        let q = e.request_body_type.as_ref()?;
        let item = self
            .names
            .try_item(&self.model.version, ItemKind::Type, q)?;
        let (crate_ident, version_mod) = (&self.crate_ident, &self.version_mod);
        let ty = ident(item.ident);
        let ty_path = match item.namespace_module {
            Some(ns) => {
                let ns = ident(ns);
                quote! { ::#crate_ident::#version_mod::#ns::#ty }
            }
            None => quote! { ::#crate_ident::#version_mod::#ty },
        };
        let raw = raw_string(request.body.as_deref().unwrap_or(""));
        let arg = if e.method == HttpMethod::Patch {
            quote! { &::#crate_ident::client::Patch::new(body.clone()) }
        } else {
            quote! { &body }
        };
        let setup = quote! {
            let request_body = #raw;
            let body: #ty_path = ::serde_json::from_str(request_body).expect("the request example deserializes");
            let request_json: ::serde_json::Value = ::serde_json::from_str(request_body).expect("the request example is JSON");
            let sent = written(&body);
            assert_eq!(comparable(sent.clone()), comparable(request_json), "the request example does not round-trip");
            let mock = mock.and(::wiremock::matchers::body_json(sent));
        };
        Some((setup, arg))
    }

    /// The test of one exchange, if it can be tested.
    fn case(&self, exchange: &Exchange) -> Option<Case> {
        let e = &self.model.endpoints[exchange.endpoint];
        let request = &self.model.examples[exchange.request];
        let response = &self.model.examples[exchange.response];
        let (status, has_request_body) = testable(e, exchange, request, response)?;
        let Call {
            mut args,
            expected_path,
            query_matchers,
        } = call_values(e);
        let body_setup = match has_request_body {
            true => {
                let (setup, arg) = self.request_body(e, request)?;
                args.push(arg);
                setup
            }
            false => quote! {},
        };
        let name = request
            .name
            .as_deref()
            .map(field_name)
            .unwrap_or_else(|| format!("example_{}", request.source.line));
        let doc = format!(
            " `{} {}`, with the examples at `{}` and `{}`.",
            e.method, e.path, request.source, response.source
        );
        let (crate_ident, version_mod) = (&self.crate_ident, &self.version_mod);
        let module = e.function.module.iter().map(|m| ident(m));
        let fn_ident = ident(&e.function.name);
        let call = quote! { ::#crate_ident::#version_mod::api::#(#module::)*#fn_ident(#(#args),*) };
        Some(Case {
            name,
            doc,
            method: e.method.as_str(),
            expected_path,
            body_setup,
            response_raw: raw_string(response.body.as_deref().unwrap_or("")),
            status,
            call,
            cfg: super::features::cfg_all(&self.model.endpoint_workloads(e)),
            query_matchers,
        })
    }
}

/// One `#[tokio::test]`.
fn test_fn(case: &Case, name: &Ident, crate_ident: &Ident) -> TokenStream {
    let Case {
        doc,
        method,
        expected_path,
        body_setup,
        response_raw,
        status,
        call,
        cfg,
        query_matchers,
        ..
    } = case;
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
            assert_eq!(comparable(written(&parsed)), comparable(expected));
        }
    }
}

/// Emits the test file, or `None` when no endpoint has a usable pair.
pub(crate) fn emit(
    model: &Model,
    names: &CrateNames,
    options: &EmitOptions,
) -> Result<Option<GeneratedFile>, EmitError> {
    let tests = Tests {
        model,
        names,
        crate_ident: ident(&options.crate_name.replace('-', "_")),
        version_mod: ident(names.version_module(&model.version)),
    };
    let cases: Vec<Case> = model
        .exchanges
        .iter()
        .filter_map(|x| tests.case(x))
        .collect();
    if cases.is_empty() {
        return Ok(None);
    }
    let unique = unique_names(
        cases.iter().enumerate().map(|(i, c)| (i, c.name.clone())),
        &[],
        false,
    );
    let test_fns = cases
        .iter()
        .enumerate()
        .map(|(i, case)| test_fn(case, &ident(&unique[&i]), &tests.crate_ident));
    let comparable = super::json_compare::comparable_fn();
    let doc = format!(
        " Every `{}` endpoint with concrete examples, against a loopback HTTP server: method, encoded",
        model.version
    );
    let tokens = quote! {
        #![doc = #doc]
        #![doc = " path and body are checked on the server side, and the docs' response is parsed."]
        #![cfg(feature = "reqwest")]
        #(#test_fns)*
        #comparable
    };
    let path = format!(
        "tests/endpoints_{}.rs",
        names.version_module(&model.version)
    );
    rust_file(path, tokens, options).map(Some)
}
