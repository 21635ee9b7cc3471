//! JSON batching: up to 20 operations in one `POST /$batch`, and the batch
//! response split back into each operation's typed result.

use super::{Error, Operation, Permissions, ResponseBody, Scopes};
use ::std::marker::PhantomData;

/// The permissions of `POST /$batch` itself: each operation needs its own.
const BATCH_PERMISSIONS: Permissions = Permissions {
    delegated_work_or_school: Scopes::NotDocumented,
    delegated_personal: Scopes::NotDocumented,
    application: Scopes::NotDocumented,
};

/// One request of a batch, as the service reads it.
#[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
struct BatchRequest {
    id: ::std::string::String,
    method: ::std::string::String,
    url: ::std::string::String,
    #[serde(skip_serializing_if = "::std::collections::BTreeMap::is_empty")]
    headers: ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    body: ::std::option::Option<::serde_json::Value>,
    #[serde(rename = "dependsOn", skip_serializing_if = "::std::vec::Vec::is_empty")]
    depends_on: ::std::vec::Vec<::std::string::String>,
}

/// Operations to send in one `POST /$batch` request.
#[derive(Clone, Debug, Default, PartialEq, ::serde::Serialize)]
pub struct Batch {
    requests: ::std::vec::Vec<BatchRequest>,
}

/// An operation added to a [`Batch`]: its id, and the type its result holds.
#[derive(Debug)]
pub struct BatchItem<T> {
    id: ::std::string::String,
    response: PhantomData<fn() -> T>,
}

impl<T> Clone for BatchItem<T> {
    fn clone(&self) -> Self {
        BatchItem { id: self.id.clone(), response: PhantomData }
    }
}

impl Batch {
    /// The most operations one batch may hold.
    pub const MAX_OPERATIONS: usize = 20;

    /// An empty batch.
    pub fn new() -> Self {
        Batch::default()
    }

    /// How many operations the batch holds.
    pub fn len(&self) -> usize {
        self.requests.len()
    }

    /// Whether the batch holds no operation.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
    }

    /// Adds an operation (its id is its position, from `1`); an error when the
    /// batch already holds [`Batch::MAX_OPERATIONS`].
    pub fn add<T>(&mut self, operation: &Operation<T>) -> ::std::result::Result<BatchItem<T>, Error> {
        self.add_after(operation, &[])
    }

    /// Adds an operation the service runs only after the operations with
    /// these ids (`dependsOn`), as [`BatchItem::id`] gives them.
    pub fn add_after<T>(&mut self, operation: &Operation<T>, depends_on: &[&str]) -> ::std::result::Result<BatchItem<T>, Error> {
        if self.requests.len() >= Batch::MAX_OPERATIONS {
            return ::std::result::Result::Err(Error::BatchTooLarge { limit: Batch::MAX_OPERATIONS });
        }
        let body = match operation.body() {
            ::std::option::Option::Some(bytes) => ::std::option::Option::Some(::serde_json::from_slice(bytes).map_err(Error::Json)?),
            ::std::option::Option::None => ::std::option::Option::None,
        };
        let mut headers: ::std::collections::BTreeMap<::std::string::String, ::std::string::String> = operation
            .headers()
            .iter()
            .filter_map(|(name, value)| ::std::option::Option::Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
            .collect();
        if body.is_some() {
            headers.insert("content-type".to_owned(), "application/json".to_owned());
        }
        let id = (self.requests.len() + 1).to_string();
        self.requests.push(BatchRequest {
            id: id.clone(),
            method: operation.method().as_str().to_owned(),
            url: operation.path().to_owned(),
            headers,
            body,
            depends_on: depends_on.iter().map(|d| (*d).to_owned()).collect(),
        });
        ::std::result::Result::Ok(BatchItem { id, response: PhantomData })
    }

    /// The `POST /$batch` operation that sends every operation added.
    pub fn operation(&self) -> Operation<BatchResponse> {
        Operation::new(::http::Method::POST, "/$batch".to_owned(), &BATCH_PERMISSIONS).with_json(self)
    }
}

/// One operation's response inside a batch response.
#[derive(Clone, Debug, PartialEq, ::serde::Deserialize)]
pub struct BatchResponseItem {
    /// The id of the operation it answers.
    pub id: ::std::string::String,
    /// Its HTTP status.
    pub status: u16,
    /// Its headers.
    #[serde(default)]
    pub headers: ::std::collections::BTreeMap<::std::string::String, ::std::string::String>,
    /// Its body, if any.
    #[serde(default)]
    pub body: ::std::option::Option<::serde_json::Value>,
}

/// The response to `POST /$batch`: one response per operation, in any order.
#[derive(Clone, Debug, Default, PartialEq, ::serde::Deserialize)]
pub struct BatchResponse {
    /// The responses.
    #[serde(default)]
    pub responses: ::std::vec::Vec<BatchResponseItem>,
}

impl ResponseBody for BatchResponse {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        ::serde_json::from_slice(body)
    }
}

impl<T> BatchItem<T> {
    /// The operation's id in the batch (for [`Batch::add_after`]).
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl<T: ResponseBody> BatchItem<T> {
    /// This operation's result: its own status, error or typed body.
    pub fn result(&self, batch: &BatchResponse) -> ::std::result::Result<T, Error> {
        let item = batch
            .responses
            .iter()
            .find(|r| r.id == self.id)
            .ok_or_else(|| Error::BatchResponseMissing(self.id.clone()))?;
        let mut headers = ::http::HeaderMap::new();
        for (name, value) in &item.headers {
            if let (::std::result::Result::Ok(name), ::std::result::Result::Ok(value)) =
                (::http::HeaderName::try_from(name.as_str()), ::http::HeaderValue::try_from(value.as_str()))
            {
                headers.insert(name, value);
            }
        }
        let body = match &item.body {
            ::std::option::Option::Some(value) => ::serde_json::to_vec(value).map_err(Error::Json)?,
            ::std::option::Option::None => ::std::vec::Vec::new(),
        };
        super::read_response(item.status, &headers, &body)
    }
}
