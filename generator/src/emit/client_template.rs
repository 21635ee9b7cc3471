//! Sans-IO endpoint calls: each endpoint function returns an [`Operation`]
//! that turns into an `http::Request<Vec<u8>>` against any base URL and
//! parses the response into the model type. Sending is yours, or the
//! optional `reqwest` feature's [`Operation::send`].

use ::std::fmt;
use ::std::marker::PhantomData;

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

/// The error body Graph sends with a failure status: `{"error": {…}}`.
#[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct GraphError {
    /// An error code such as `Request_ResourceNotFound`.
    #[serde(default)]
    pub code: ::std::string::String,
    /// A message for developers.
    #[serde(default)]
    pub message: ::std::string::String,
    /// Details (request id, date, nested errors), as sent.
    #[serde(rename = "innerError", alias = "innererror")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub inner_error: ::std::option::Option<::serde_json::Value>,
    /// Any other field of the error object.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
}

#[derive(::serde::Deserialize)]
struct GraphErrorBody {
    error: GraphError,
}

/// What can go wrong building a request or reading a response.
#[derive(Debug)]
pub enum Error {
    /// Graph answered with a failure status and an error body.
    Graph {
        /// The HTTP status.
        status: u16,
        /// The error Graph sent.
        error: GraphError,
    },
    /// A failure status without a Graph error body.
    UnexpectedStatus {
        /// The HTTP status.
        status: u16,
        /// The body, as text.
        body: ::std::string::String,
    },
    /// A success status whose body is not the documented type.
    Json(::serde_json::Error),
    /// The request could not be built (an invalid base URL).
    InvalidRequest(::std::string::String),
    /// The HTTP client failed.
    #[cfg(feature = "reqwest")]
    Transport(::reqwest::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Graph { status, error } => write!(f, "Graph error {status} {}: {}", error.code, error.message),
            Error::UnexpectedStatus { status, body } => write!(f, "unexpected status {status}: {body}"),
            Error::Json(e) => write!(f, "the response body is not the documented type: {e}"),
            Error::InvalidRequest(e) => write!(f, "invalid request: {e}"),
            #[cfg(feature = "reqwest")]
            Error::Transport(e) => write!(f, "transport error: {e}"),
        }
    }
}

impl ::std::error::Error for Error {}

/// A page of a collection: `{"value": […], "@odata.nextLink": …}`.
#[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
pub struct Collection<T> {
    /// The items of this page.
    #[serde(rename = "value")]
    pub value: ::std::vec::Vec<T>,
    /// The URL of the next page, if any.
    #[serde(rename = "@odata.nextLink")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub next_link: ::std::option::Option<::std::string::String>,
    /// Other annotations (`@odata.context`, `@odata.count`, …), as sent.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
}

/// The response type of endpoints whose body is not JSON (`…/$value`,
/// `…/content`): read it with [`Operation::parse_raw`] or
/// [`Operation::send_raw`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawBody {}

/// One call of an endpoint: method, encoded path and JSON body, and the type
/// its success response holds.
pub struct Operation<T> {
    method: ::http::Method,
    path: ::std::string::String,
    body: ::std::option::Option<::std::vec::Vec<u8>>,
    permissions: &'static Permissions,
    response: PhantomData<fn() -> T>,
}

impl<T> Clone for Operation<T> {
    fn clone(&self) -> Self {
        Operation {
            method: self.method.clone(),
            path: self.path.clone(),
            body: self.body.clone(),
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
            .field("body_bytes", &self.body.as_ref().map(|b| b.len()))
            .finish()
    }
}

impl<T> Operation<T> {
    /// An operation without a body. `path` must already be encoded.
    pub fn new(method: ::http::Method, path: ::std::string::String, permissions: &'static Permissions) -> Self {
        Operation { method, path, body: None, permissions, response: PhantomData }
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
        let uri = format!("{}{}", base_url.trim_end_matches('/'), self.path);
        let mut builder = ::http::Request::builder()
            .method(self.method.clone())
            .uri(uri)
            .header(::http::header::ACCEPT, "application/json");
        if self.body.is_some() {
            builder = builder.header(::http::header::CONTENT_TYPE, "application/json");
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

impl Operation<RawBody> {
    /// Reads a response whose body is bytes (a photo, a file's content).
    pub fn parse_raw(&self, status: u16, body: &[u8]) -> ::std::result::Result<::std::vec::Vec<u8>, Error> {
        if (200..300).contains(&status) {
            return Ok(body.to_vec());
        }
        match ::serde_json::from_slice::<GraphErrorBody>(body) {
            Ok(parsed) => Err(Error::Graph { status, error: parsed.error }),
            Err(_) => Err(Error::UnexpectedStatus { status, body: ::std::string::String::from_utf8_lossy(body).into_owned() }),
        }
    }

    /// Sends the request with reqwest and reads the body as bytes.
    #[cfg(feature = "reqwest")]
    pub async fn send_raw(&self, client: &::reqwest::Client, base_url: &str, bearer_token: &str) -> ::std::result::Result<::std::vec::Vec<u8>, Error> {
        let (parts, body) = self.request(base_url)?.into_parts();
        let response = client
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .bearer_auth(bearer_token)
            .body(body)
            .send()
            .await
            .map_err(Error::Transport)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(Error::Transport)?;
        self.parse_raw(status, &bytes)
    }
}

impl<T: ::serde::de::DeserializeOwned> Operation<T> {
    /// Reads a response: a success status gives the documented type (an
    /// empty body reads as JSON `null`), a failure status gives
    /// [`Error::Graph`] when the body is a Graph error.
    pub fn parse_response(&self, status: u16, body: &[u8]) -> ::std::result::Result<T, Error> {
        if (200..300).contains(&status) {
            let body = if body.iter().all(u8::is_ascii_whitespace) { &b"null"[..] } else { body };
            return ::serde_json::from_slice(body).map_err(Error::Json);
        }
        match ::serde_json::from_slice::<GraphErrorBody>(body) {
            Ok(parsed) => Err(Error::Graph { status, error: parsed.error }),
            Err(_) => Err(Error::UnexpectedStatus { status, body: ::std::string::String::from_utf8_lossy(body).into_owned() }),
        }
    }

    /// Sends the request with reqwest, with `bearer_token` as the
    /// `Authorization` header, and reads the response.
    #[cfg(feature = "reqwest")]
    pub async fn send(&self, client: &::reqwest::Client, base_url: &str, bearer_token: &str) -> ::std::result::Result<T, Error> {
        let (parts, body) = self.request(base_url)?.into_parts();
        let response = client
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .bearer_auth(bearer_token)
            .body(body)
            .send()
            .await
            .map_err(Error::Transport)?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(Error::Transport)?;
        self.parse_response(status, &bytes)
    }
}
