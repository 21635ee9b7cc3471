//! Sans-IO endpoint calls: each endpoint function returns an [`Operation`]
//! that turns into an `http::Request<Vec<u8>>` against any base URL and
//! reads the `http::Response` into the model type or an [`Error`] that keeps
//! what support asks for. Sending is yours, or the optional `reqwest`
//! feature's [`Sender`]. Pages of a collection lead to the next
//! ([`Collection::next_page`]), operations go together in a [`Batch`],
//! updates clear properties with [`Patch`], and values read as a base type
//! become their derived type with [`Model::cast`].

use ::std::fmt;
use ::std::marker::PhantomData;

mod batch;
mod body;
mod error;
mod paging;
#[cfg(feature = "reqwest")]
mod sender;

pub use self::batch::{Batch, BatchItem, BatchResponse, BatchResponseItem};
pub use self::body::{DerivedFrom, Field, Model, Patch, RawBody, Reference, ResponseBody};
pub use self::error::{retry_after, Error, GraphError, ServiceError};
pub use self::paging::Collection;
#[cfg(feature = "reqwest")]
pub use self::sender::{Items, Sender};

/// Bytes a path parameter keeps as they are; every other byte is
/// percent-encoded, `/`, `.`, `?`, `#` and `%` included, so no value can
/// change the path.
const PATH_PARAMETER: &::percent_encoding::AsciiSet =
    &::percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// Bytes a query name or value keeps as they are (`$` too, for `$select`).
const QUERY_COMPONENT: &::percent_encoding::AsciiSet =
    &::percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~').remove(b'.').remove(b'$');

/// Doubles every `'` of a value that goes inside an OData string literal
/// (`$filter=id eq '…'`), so the value cannot end the literal early.
pub fn escape_odata_string(value: &str) -> ::std::string::String {
    value.replace('\'', "''")
}

/// Percent-encodes a path parameter value so it stays one path segment.
pub fn encode_path_parameter(value: &str) -> ::std::string::String {
    ::percent_encoding::utf8_percent_encode(value, PATH_PARAMETER).to_string()
}

/// The first segment of `path` (before any query) that URL parsers read as
/// `.` or `..` (`%2E%2E` included) and would remove with the one before it.
pub(crate) fn dot_segment(path: &str) -> ::std::option::Option<&str> {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split('/').find(|segment| {
        let decoded = ::percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
        decoded == "." || decoded == ".."
    })
}

/// The scopes one permission type needs, as the docs give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scopes {
    /// Any one of these scopes, listed from least to most privileged as the docs list them.
    Scopes(&'static [&'static str]),
    /// The docs say this permission type is not supported.
    NotSupported,
    /// The docs hold a placeholder or an empty cell: upstream never said. Not the same as "none needed".
    Unknown,
    /// The page has no row for this permission type.
    NotDocumented,
}

/// The permissions table of an endpoint's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Permissions {
    /// Delegated (work or school account).
    pub delegated_work_or_school: Scopes,
    /// Delegated (personal Microsoft account).
    pub delegated_personal: Scopes,
    /// Application.
    pub application: Scopes,
}

/// One call of an endpoint: method, encoded path and JSON body, and the type
/// its success response holds.
pub struct Operation<T> {
    method: ::http::Method,
    path: ::std::string::String,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    headers: ::http::HeaderMap,
    permissions: &'static Permissions,
    response: PhantomData<fn() -> T>,
}

impl<T> Clone for Operation<T> {
    fn clone(&self) -> Self {
        Operation {
            method: self.method.clone(),
            path: self.path.clone(),
            body: self.body.clone(),
            headers: self.headers.clone(),
            permissions: self.permissions,
            response: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Operation<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Operation")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.as_ref().map(|b| b.len()))
            .finish()
    }
}

impl<T> Operation<T> {
    /// An operation without a body. `path` must already be encoded.
    pub fn new(method: ::http::Method, path: ::std::string::String, permissions: &'static Permissions) -> Self {
        Operation { method, path, body: None, headers: ::http::HeaderMap::new(), permissions, response: PhantomData }
    }

    /// Sets a JSON body.
    pub fn with_json<B: ::serde::Serialize + ?Sized>(mut self, body: &B) -> Self {
        let bytes = ::serde_json::to_vec(body).unwrap_or_else(|_| b"null".to_vec());
        self.body = Some(bytes);
        self
    }

    /// Adds a query parameter such as `$select` or `$filter` (the docs list
    /// them on each endpoint's page), replacing one of the same name (Graph
    /// refuses a repeated query option); name and value are percent-encoded.
    pub fn with_query(mut self, name: &str, value: &str) -> Self {
        let encode = |text: &str| ::percent_encoding::utf8_percent_encode(text, QUERY_COMPONENT).to_string();
        let name = encode(name);
        let (base, query) = self.path.split_once('?').unwrap_or((&self.path, ""));
        let mut pairs: ::std::vec::Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && pair.split('=').next() != ::std::option::Option::Some(name.as_str()))
            .collect();
        let pair = format!("{name}={}", encode(value));
        pairs.push(&pair);
        self.path = format!("{base}?{}", pairs.join("&"));
        self
    }

    /// Sets a request header (replacing one of the same name); an invalid
    /// name or value is left out.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        if let (::std::result::Result::Ok(name), ::std::result::Result::Ok(value)) =
            (::http::HeaderName::try_from(name), ::http::HeaderValue::try_from(value))
        {
            self.headers.insert(name, value);
        }
        self
    }

    /// Adds a preference to the `Prefer` header (preferences already there stay).
    pub fn prefer(self, preference: &str) -> Self {
        let value = match self.headers.get("prefer").and_then(|v| v.to_str().ok()) {
            ::std::option::Option::Some(existing) if existing.split(',').any(|p| p.trim() == preference) => return self,
            ::std::option::Option::Some(existing) => format!("{existing}, {preference}"),
            ::std::option::Option::None => preference.to_owned(),
        };
        self.with_header("prefer", &value)
    }

    /// Asks Graph for the members of evolvable enums listed after
    /// `unknownFutureValue` (`Prefer: include-unknown-enum-members`); without
    /// it Graph sends `unknownFutureValue` in their place. The open enums keep
    /// whatever value comes.
    pub fn include_unknown_enum_members(self) -> Self {
        self.prefer("include-unknown-enum-members")
    }

    /// The headers set on this operation (beside `Accept` and `Content-Type`).
    pub fn headers(&self) -> &::http::HeaderMap {
        &self.headers
    }

    /// The HTTP method.
    pub fn method(&self) -> &::http::Method {
        &self.method
    }

    /// The encoded path (with any query string), starting with `/`, relative to the version's base URL.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The JSON body, if any.
    pub fn body(&self) -> ::std::option::Option<&[u8]> {
        self.body.as_deref()
    }

    /// The permissions the docs list for this endpoint.
    pub fn permissions(&self) -> &'static Permissions {
        self.permissions
    }

    /// The request against `base_url` (such as the version's `BASE_URL`), with
    /// `Accept` and, when there is a body, `Content-Type` set. Add the
    /// `Authorization` header yourself.
    pub fn request(&self, base_url: &str) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, Error> {
        if let ::std::option::Option::Some(segment) = dot_segment(&self.path) {
            return ::std::result::Result::Err(Error::InvalidRequest(format!(
                "the path segment `{segment}` would be read as `.` or `..` and change the path"
            )));
        }
        let uri = format!("{}{}", base_url.trim_end_matches('/'), self.path);
        let mut builder = ::http::Request::builder()
            .method(self.method.clone())
            .uri(uri)
            .header(::http::header::ACCEPT, "application/json");
        if self.body.is_some() {
            builder = builder.header(::http::header::CONTENT_TYPE, "application/json");
        }
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        builder.body(self.body.clone().unwrap_or_default()).map_err(|e| Error::InvalidRequest(e.to_string()))
    }
}

impl<T> Operation<T> {
    /// [`Operation::request`] with `Authorization: Bearer <token>`. The header
    /// is marked sensitive, so `Debug` of the request never prints the token.
    pub fn authorized_request(&self, base_url: &str, bearer_token: &str) -> ::std::result::Result<::http::Request<::std::vec::Vec<u8>>, Error> {
        let mut request = self.request(base_url)?;
        let mut value = ::http::HeaderValue::try_from(format!("Bearer {bearer_token}"))
            .map_err(|_| Error::InvalidRequest("the bearer token is not a valid header value".to_owned()))?;
        value.set_sensitive(true);
        request.headers_mut().insert(::http::header::AUTHORIZATION, value);
        Ok(request)
    }
}

impl<T: ResponseBody> Operation<T> {
    /// Reads the response: a success status gives the documented type (an
    /// empty body is a success too, see [`ResponseBody`]); a failure status
    /// gives [`Error::Service`] with the Graph error, `Retry-After` and the
    /// request ids.
    pub fn parse_response<B: AsRef<[u8]>>(&self, response: &::http::Response<B>) -> ::std::result::Result<T, Error> {
        read_response(response.status().as_u16(), response.headers(), response.body().as_ref())
    }
}

/// Reads a response of status `status` into `T` or an [`Error`].
pub(crate) fn read_response<T: ResponseBody>(
    status: u16,
    headers: &::http::HeaderMap,
    body: &[u8],
) -> ::std::result::Result<T, Error> {
    if (200..300).contains(&status) {
        return T::from_body(body).map_err(Error::Json);
    }
    ::std::result::Result::Err(Error::Service(::std::boxed::Box::new(ServiceError::from_response(status, headers, body))))
}
