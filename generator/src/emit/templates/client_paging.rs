//! Collections a page at a time: a page gives the operation for its
//! `@odata.nextLink` (and `@odata.deltaLink` on delta endpoints), typed like
//! the first page, and a saved link makes the operation again later. A link
//! is followed only when its scheme, host and port are the base URL's and
//! its path is under the base URL's.

use super::{Error, Operation, Permissions, ResponseBody, Scopes};

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
    /// On the last page of a delta query: the URL that asks for the changes since.
    #[serde(rename = "@odata.deltaLink")]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub delta_link: ::std::option::Option<::std::string::String>,
    /// Other annotations (`@odata.context`, `@odata.count`, …), as sent.
    #[serde(flatten)]
    pub additional_properties: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
}

impl<T> ::std::default::Default for Collection<T> {
    fn default() -> Self {
        Collection {
            value: ::std::vec::Vec::new(),
            next_link: ::std::option::Option::None,
            delta_link: ::std::option::Option::None,
            additional_properties: ::std::collections::BTreeMap::new(),
        }
    }
}

/// An empty body reads as an empty last page.
impl<T: ::serde::de::DeserializeOwned> ResponseBody for Collection<T> {
    fn from_body(body: &[u8]) -> ::std::result::Result<Self, ::serde_json::Error> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return ::std::result::Result::Ok(Collection::default());
        }
        super::body::read_json(body)
    }
}

impl<T> Collection<T> {
    /// The operation that reads the next page, or `None` on the last page.
    /// Fails when the link is not on `base_url`'s scheme, host and port, or not under its path.
    pub fn next_page(&self, base_url: &str) -> ::std::result::Result<::std::option::Option<Operation<Collection<T>>>, Error> {
        self.next_link.as_deref().map(|link| Operation::from_link(base_url, link)).transpose()
    }

    /// The operation that asks a delta endpoint for what changed since this
    /// page, or `None` when the page has no delta link (only the last page of
    /// a delta round has one). Save [`Collection::delta_link`] to resume later
    /// with [`Operation::from_link`].
    pub fn delta(&self, base_url: &str) -> ::std::result::Result<::std::option::Option<Operation<Collection<T>>>, Error> {
        self.delta_link.as_deref().map(|link| Operation::from_link(base_url, link)).transpose()
    }
}

/// The permissions of an operation made from a link: the link does not say.
const LINK_PERMISSIONS: Permissions = Permissions {
    delegated_work_or_school: Scopes::NotDocumented,
    delegated_personal: Scopes::NotDocumented,
    application: Scopes::NotDocumented,
};

/// Splits `http(s)://host[:port]/path?query` into scheme, authority and the rest.
fn split_url(url: &str) -> ::std::option::Option<(&str, &str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    ::std::option::Option::Some((scheme, authority, path))
}

impl<T> Operation<T> {
    /// A `GET` of an absolute link the service sent (`@odata.nextLink`,
    /// `@odata.deltaLink`), saved or fresh: an error unless its scheme and
    /// host (and port) are `base_url`'s and its path is under `base_url`'s, so a
    /// bearer token is never sent to another host.
    pub fn from_link(base_url: &str, link: &str) -> ::std::result::Result<Self, Error> {
        let foreign = || Error::ForeignLink(link.to_owned());
        let (scheme, authority, base_path) =
            split_url(base_url.trim_end_matches('/')).ok_or_else(|| Error::InvalidRequest(format!("not an absolute URL: {base_url}")))?;
        let (link_scheme, link_authority, link_path) = split_url(link).ok_or_else(foreign)?;
        if !scheme.eq_ignore_ascii_case(link_scheme) || !authority.eq_ignore_ascii_case(link_authority) || authority.contains('@') {
            return ::std::result::Result::Err(foreign());
        }
        let rest = link_path.strip_prefix(base_path).ok_or_else(foreign)?;
        if !(rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')) || super::dot_segment(rest).is_some() {
            return ::std::result::Result::Err(foreign());
        }
        let path = if rest.starts_with('/') { rest.to_owned() } else { format!("/{rest}") };
        ::std::result::Result::Ok(Operation::new(::http::Method::GET, path, &LINK_PERMISSIONS))
    }
}
