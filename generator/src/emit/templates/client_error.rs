//! What can go wrong building a request or reading a response, with what the
//! service said about it: the Graph error body, `Retry-After`, and the ids
//! support asks for (`request-id`, `client-request-id`, `Date`).

use ::std::fmt;

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

/// A response with a failure status, as the service sent it.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceError {
    /// The HTTP status.
    pub status: u16,
    /// The Graph error, when the body is one.
    pub error: ::std::option::Option<GraphError>,
    /// The body as text, when it is not a Graph error.
    pub body: ::std::string::String,
    /// How long to wait before trying again (`Retry-After`, in seconds or as a date), for 429 and 503.
    pub retry_after: ::std::option::Option<::std::time::Duration>,
    /// The `request-id` header: give it to support.
    pub request_id: ::std::option::Option<::std::string::String>,
    /// The `client-request-id` header.
    pub client_request_id: ::std::option::Option<::std::string::String>,
    /// The `Date` header, as sent.
    pub date: ::std::option::Option<::std::string::String>,
}

impl ServiceError {
    /// Reads a failure response: its body and the headers support asks for.
    pub fn from_response(status: u16, headers: &::http::HeaderMap, body: &[u8]) -> ServiceError {
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(::std::borrow::ToOwned::to_owned);
        let (error, body) = match ::serde_json::from_slice::<GraphErrorBody>(body) {
            ::std::result::Result::Ok(parsed) => (::std::option::Option::Some(parsed.error), ::std::string::String::new()),
            ::std::result::Result::Err(_) => (::std::option::Option::None, ::std::string::String::from_utf8_lossy(body).into_owned()),
        };
        let retry_after = if status == 429 || status == 503 {
            header("retry-after").and_then(|value| retry_after(&value, ::std::time::SystemTime::now()))
        } else {
            ::std::option::Option::None
        };
        ServiceError {
            status,
            error,
            body,
            retry_after,
            request_id: header("request-id"),
            client_request_id: header("client-request-id"),
            date: header("date"),
        }
    }

    /// The Graph error code, if the body is a Graph error.
    pub fn code(&self) -> ::std::option::Option<&str> {
        self.error.as_ref().map(|e| e.code.as_str())
    }
}

/// A `Retry-After` value: seconds, or an HTTP date (a past date is no wait).
pub fn retry_after(value: &str, now: ::std::time::SystemTime) -> ::std::option::Option<::std::time::Duration> {
    let value = value.trim();
    if let ::std::result::Result::Ok(seconds) = value.parse::<u64>() {
        return ::std::option::Option::Some(::std::time::Duration::from_secs(seconds));
    }
    let at: ::std::time::SystemTime = ::chrono::DateTime::parse_from_rfc2822(value).ok()?.into();
    ::std::option::Option::Some(at.duration_since(now).unwrap_or_default())
}

/// What can go wrong building a request or reading a response.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The service answered with a failure status.
    Service(::std::boxed::Box<ServiceError>),
    /// A success status whose body is not the documented type.
    Json(::serde_json::Error),
    /// The request could not be built (an invalid base URL or header).
    InvalidRequest(::std::string::String),
    /// A next or delta link that is not on the base URL's scheme, host and
    /// port, or not under its path: it is not followed, so the bearer token
    /// never goes to another host.
    ForeignLink(::std::string::String),
    /// More operations than one `$batch` request may hold.
    BatchTooLarge {
        /// The most a batch holds.
        limit: usize,
    },
    /// The batch response has no response for this request id.
    BatchResponseMissing(::std::string::String),
    /// The HTTP client failed.
    #[cfg(feature = "reqwest")]
    Transport(::reqwest::Error),
}

impl Error {
    /// The HTTP status of a failure response.
    pub fn status(&self) -> ::std::option::Option<u16> {
        match self {
            Error::Service(e) => ::std::option::Option::Some(e.status),
            _ => ::std::option::Option::None,
        }
    }

    /// How long the service asked to wait before trying again (429, 503).
    pub fn retry_after(&self) -> ::std::option::Option<::std::time::Duration> {
        match self {
            Error::Service(e) => e.retry_after,
            _ => ::std::option::Option::None,
        }
    }

    /// The `request-id` of a failure response.
    pub fn request_id(&self) -> ::std::option::Option<&str> {
        match self {
            Error::Service(e) => e.request_id.as_deref(),
            _ => ::std::option::Option::None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Service(e) => {
                match &e.error {
                    ::std::option::Option::Some(error) => write!(f, "Graph error {} {}: {}", e.status, error.code, error.message)?,
                    ::std::option::Option::None => write!(f, "unexpected status {}: {}", e.status, e.body)?,
                }
                if let ::std::option::Option::Some(id) = &e.request_id {
                    write!(f, " (request-id {id})")?;
                }
                ::std::result::Result::Ok(())
            }
            Error::Json(e) => write!(f, "the response body is not the documented type: {e}"),
            Error::InvalidRequest(e) => write!(f, "invalid request: {e}"),
            Error::ForeignLink(link) => write!(f, "not following {link}: it is not on the base URL's scheme and host"),
            Error::BatchTooLarge { limit } => write!(f, "a batch holds at most {limit} operations"),
            Error::BatchResponseMissing(id) => write!(f, "the batch response has no response for request {id}"),
            #[cfg(feature = "reqwest")]
            Error::Transport(e) => write!(f, "transport error: {e}"),
        }
    }
}

impl ::std::error::Error for Error {}

/// A body that is not the documented type (as [`crate::client::Model::cast`] reports it).
impl ::std::convert::From<::serde_json::Error> for Error {
    fn from(error: ::serde_json::Error) -> Self {
        Error::Json(error)
    }
}
