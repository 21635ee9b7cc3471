//! Sending operations with reqwest (the `reqwest` feature): a bearer token
//! that goes only to the base URL, retries of 429 and 503 after `Retry-After`,
//! and the items of every page of a collection.

use super::{Collection, Error, Operation, ResponseBody};

/// Sends operations to one base URL with one bearer token. `Debug` never
/// prints the token.
#[derive(Clone)]
pub struct Sender {
    client: ::reqwest::Client,
    base_url: ::std::string::String,
    bearer_token: ::std::string::String,
    max_retries: u32,
    max_retry_delay: ::std::time::Duration,
}

impl ::std::fmt::Debug for Sender {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_struct("Sender")
            .field("base_url", &self.base_url)
            .field("bearer_token", &"<redacted>")
            .field("max_retries", &self.max_retries)
            .field("max_retry_delay", &self.max_retry_delay)
            .finish()
    }
}

/// The wait before a retry when a 429 or 503 has no `Retry-After`.
const DEFAULT_RETRY_DELAY: ::std::time::Duration = ::std::time::Duration::from_secs(1);

impl Sender {
    /// A sender for `base_url` (such as the version's `BASE_URL`) that retries nothing.
    pub fn new(client: ::reqwest::Client, base_url: &str, bearer_token: &str) -> Self {
        Sender {
            client,
            base_url: base_url.to_owned(),
            bearer_token: bearer_token.to_owned(),
            max_retries: 0,
            max_retry_delay: ::std::time::Duration::from_secs(120),
        }
    }

    /// Retries a 429 or 503 up to `max_retries` times, each after the
    /// `Retry-After` the service sent (one second when it sent none), unless
    /// that is longer than [`Sender::with_max_retry_delay`].
    pub fn with_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// The longest `Retry-After` a retry waits for (two minutes unless set):
    /// a longer one is returned as the error instead.
    pub fn with_max_retry_delay(mut self, max_retry_delay: ::std::time::Duration) -> Self {
        self.max_retry_delay = max_retry_delay;
        self
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Sends the operation and reads its response, retrying as set.
    pub async fn send<T: ResponseBody>(&self, operation: &Operation<T>) -> ::std::result::Result<T, Error> {
        let mut attempt = 0;
        loop {
            let (status, headers, body) = self.send_once(operation).await?;
            let result = super::read_response(status, &headers, &body);
            match result {
                ::std::result::Result::Err(Error::Service(e))
                    if (e.status == 429 || e.status == 503)
                        && attempt < self.max_retries
                        && e.retry_after.unwrap_or(DEFAULT_RETRY_DELAY) <= self.max_retry_delay =>
                {
                    attempt += 1;
                    ::tokio::time::sleep(e.retry_after.unwrap_or(DEFAULT_RETRY_DELAY)).await;
                }
                other => return other,
            }
        }
    }

    async fn send_once<T>(
        &self,
        operation: &Operation<T>,
    ) -> ::std::result::Result<(u16, ::http::HeaderMap, ::std::vec::Vec<u8>), Error> {
        let (parts, body) = operation.authorized_request(&self.base_url, &self.bearer_token)?.into_parts();
        let response = self
            .client
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .body(body)
            .send()
            .await
            .map_err(Error::Transport)?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(Error::Transport)?;
        ::std::result::Result::Ok((status, headers, bytes.to_vec()))
    }

    /// The items of every page of a collection, first page `first`, read a
    /// page at a time as [`Items::next`] needs them.
    pub fn items<T: ::serde::de::DeserializeOwned>(&self, first: Operation<Collection<T>>) -> Items<'_, T> {
        Items {
            sender: self,
            next: ::std::option::Option::Some(first),
            items: ::std::collections::VecDeque::new(),
            pages: 0,
            max_pages: ::std::option::Option::None,
            delta_link: ::std::option::Option::None,
            link_error: ::std::option::Option::None,
        }
    }
}

/// The items of every page of a collection (an async iterator: call
/// [`Items::next`] in a `while let` loop).
#[derive(Debug)]
pub struct Items<'s, T> {
    sender: &'s Sender,
    next: ::std::option::Option<Operation<Collection<T>>>,
    items: ::std::collections::VecDeque<T>,
    pages: usize,
    max_pages: ::std::option::Option<usize>,
    delta_link: ::std::option::Option<::std::string::String>,
    link_error: ::std::option::Option<Error>,
}

impl<T: ::serde::de::DeserializeOwned> Items<'_, T> {
    /// Reads at most `max_pages` pages.
    pub fn max_pages(mut self, max_pages: usize) -> Self {
        self.max_pages = ::std::option::Option::Some(max_pages);
        self
    }

    /// The next item, reading the next page when this one is done; `None`
    /// after the last page (or the page limit). A next link that may not be
    /// followed is an error after the items of its page.
    pub async fn next(&mut self) -> ::std::option::Option<::std::result::Result<T, Error>> {
        loop {
            if let ::std::option::Option::Some(item) = self.items.pop_front() {
                return ::std::option::Option::Some(::std::result::Result::Ok(item));
            }
            if let ::std::option::Option::Some(e) = self.link_error.take() {
                return ::std::option::Option::Some(::std::result::Result::Err(e));
            }
            if self.max_pages.is_some_and(|max| self.pages >= max) {
                return ::std::option::Option::None;
            }
            let operation = self.next.take()?;
            let page = match self.sender.send(&operation).await {
                ::std::result::Result::Ok(page) => page,
                ::std::result::Result::Err(e) => return ::std::option::Option::Some(::std::result::Result::Err(e)),
            };
            self.pages += 1;
            let next = page.next_page(&self.sender.base_url);
            self.delta_link = page.delta_link;
            self.items.extend(page.value);
            match next {
                ::std::result::Result::Ok(next) => self.next = next,
                ::std::result::Result::Err(e) => self.link_error = ::std::option::Option::Some(e),
            }
        }
    }

    /// The operation for the page not read yet (save its path to resume), if any.
    pub fn next_operation(&self) -> ::std::option::Option<&Operation<Collection<T>>> {
        self.next.as_ref()
    }

    /// The delta link of the last page read, once a delta round is done.
    pub fn delta_link(&self) -> ::std::option::Option<&str> {
        self.delta_link.as_deref()
    }
}
