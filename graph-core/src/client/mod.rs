#![doc = include_str!("../docs/client.md")]

// The module: each thing `send` does is a step of its own, which `send`, `send_batch` and
// paging share: `pipeline` (one attempt: the token within the timeout, the permission check,
// the request built, its destination checked, the request id, the exchange, the log line),
// `token`, `transport` (reqwest, no redirects, the body limit), `retry` (the policy and the
// one budget each call spends), `paging`, `batch`, `log` and `error`.

#[cfg(feature = "azure")]
mod azure;
mod batch;
mod content;
mod device_code;
mod error;
mod log;
mod paging;
mod pipeline;
mod retry;
mod stall;
mod token;
mod transport;
mod upload;

use std::fmt;
use std::time::Duration;

use http::{Method, StatusCode};

use crate::request::ParseResponse;
use crate::request::Request;
use crate::Endpoint;

#[cfg(feature = "azure")]
pub use azure::AzureCredential;
pub use content::Download;
pub use device_code::{
    DeviceCode, DeviceCodeError, DeviceCodePrompt, RefreshToken, DEFAULT_AUTHORITY,
};
pub use error::{BoxError, ClientError, DownloadError};
pub use retry::RetryPolicy;
pub use token::{TokenCache, TokenProvider};
pub use transport::http_client_builder;
pub use upload::{UploadAnswer, UploadProgress};
/// `azure_core` and `azure_identity` (feature `azure`), so that no dependency line is
/// needed to name a credential.
#[cfg(feature = "azure")]
pub use {azure_core, azure_identity};

/// The trait of what [`GraphClient::pages`] returns, and its combinators (`next`,
/// `try_collect` and the rest), so no dependency line is needed to use it.
pub use futures_util::stream::{Stream, StreamExt, TryStreamExt};
/// The HTTP client stack [`GraphClient::with_http_client`] takes a builder of, so no
/// dependency line is needed to name it: start from [`http_client_builder`].
pub use reqwest;

use pipeline::Call;
use retry::{Budget, Failure};
use transport::Transport;

/// Sends requests of every kind to an [`Endpoint`] with tokens from a [`TokenProvider`]:
/// [`send`](Self::send) for one request, [`pages`](Self::pages) and
/// [`list_all`](Self::list_all) for every page of a list.
///
/// Before each attempt, the token is checked against what the request's operation needs,
/// where the resource declares it, and nothing is sent when it falls short
/// ([`ClientError::Permission`]; see [`with_permission_check`](Self::with_permission_check)).
///
/// Retries follow what is safe: `429` and `503` (Graph did nothing, try later) for every
/// request, waiting as `Retry-After` says; `504`, timeouts and broken connections only for
/// `GET` and `DELETE`, which can be repeated without doing anything twice. A create or
/// update that may have reached Graph is never sent again.
///
/// The token goes only where the endpoint's base URL leads: the client follows no
/// redirect with it (Graph does not redirect API calls, and a redirect answer is
/// [`ClientError::Redirect`]; a content read's redirect to a pre-authenticated URL is
/// followed without the token, see [`download`](Self::download)), takes next links only under the base path once their `.`
/// and `..` segments are resolved, and sends no request whose URL an HTTP stack would
/// resolve elsewhere ([`ClientError::OutsideEndpoint`]). Each attempt's timeout counts
/// getting the token.
///
/// One client serves any number of tasks at once (`send` takes `&self`): share it with an
/// `Arc` where tasks are spawned.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use graph_core::client::GraphClient;
/// use graph_core::{graph_resource, AccessToken, Endpoint};
///
/// #[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
/// #[derive(Debug, Default)]
/// struct Group {
///     #[graph(read_only)]
///     id: Option<String>,
///     #[graph(required)]
///     display_name: Option<String>,
/// }
///
/// let token = AccessToken::new(std::env::var("GRAPH_ACCESS_TOKEN")?)?;
/// let client = GraphClient::new(Endpoint::v1(), token)?;
/// let group = Group { display_name: Some("Library".into()), ..Group::default() };
/// let created = client.send(&group.create_request()?).await?;
/// let id = created.id.unwrap_or_default();
/// let read = client.send(&Group::get_request(&id)?).await?;
/// let all = client.list_all(&Group::list_request()?.top(100)).await?;
/// client.send(&Group::delete_request(&id)?).await?;
/// println!("{:?} among {} groups", read.display_name, all.len());
/// # Ok(())
/// # }
/// ```
pub struct GraphClient<P> {
    transport: Transport,
    endpoint: Endpoint,
    tokens: P,
    retry: RetryPolicy,
    timeout: Duration,
    page_limit: usize,
    check_permissions: bool,
    max_download: Option<u64>,
    upload_slice: u64,
    upload_progress: Option<std::sync::Arc<dyn Fn(UploadProgress) + Send + Sync>>,
}

impl<P> fmt::Debug for GraphClient<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GraphClient")
            .field("endpoint", &self.endpoint)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("max_body", &self.transport.max_body)
            .field("page_limit", &self.page_limit)
            .field("check_permissions", &self.check_permissions)
            .field("max_download", &self.max_download)
            .finish_non_exhaustive()
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// A client for `endpoint`, with the default retry policy, a 30 s timeout per attempt
    /// (getting the token included), a 4 MiB limit on response bodies and a limit of 1,000
    /// pages per list. It follows no redirects.
    ///
    /// # Errors
    ///
    /// The HTTP client could not be set up (its TLS configuration failed):
    /// [`ClientError::Setup`] or [`ClientError::Transport`].
    pub fn new(endpoint: Endpoint, tokens: P) -> Result<Self, ClientError> {
        Ok(Self {
            transport: Transport::new(http_client_builder()?, 4 * 1024 * 1024)?,
            endpoint,
            tokens,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            page_limit: 1000,
            check_permissions: true,
            max_download: None,
            upload_slice: crate::upload::DEFAULT_SLICE,
            upload_progress: None,
        })
    }

    /// Sets the retry policy.
    #[must_use]
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the time each attempt may take, from asking the token provider for a token to
    /// the end of the response's body (default 30 s). A provider that has given no token
    /// by then ends the request with [`ClientError::TokenTimeout`]; a response not
    /// complete by then, with [`ClientError::Timeout`].
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the largest response body accepted, in bytes.
    #[must_use]
    pub fn with_max_body(mut self, bytes: usize) -> Self {
        self.transport.max_body = bytes;
        self
    }

    /// Sets how many pages [`pages`](Self::pages) and [`list_all`](Self::list_all) read
    /// at most (default 1,000, at least 1): a list with more ends with
    /// [`ClientError::PageLimit`] rather than running on. At Graph's largest page sizes
    /// (999 users a page) the default covers lists of about a million items.
    #[must_use]
    pub fn with_page_limit(mut self, pages: usize) -> Self {
        self.page_limit = pages.max(1);
        self
    }

    /// Whether each attempt first checks its token against what the request's operation
    /// needs, where the resource declares it ([`Request::check_token`]), and sends nothing
    /// when it fails (default on). Turn it off where a token is known to carry its
    /// permissions in another way the check cannot see.
    #[must_use]
    pub fn with_permission_check(mut self, check: bool) -> Self {
        self.check_permissions = check;
        self
    }

    /// Uses an HTTP client built from a builder of your own (proxies, connection pools,
    /// TLS roots); start from [`http_client_builder`]. Whatever redirect policy the
    /// builder has, the client follows no redirects.
    ///
    /// # Errors
    ///
    /// The builder does not build ([`ClientError::Transport`]).
    pub fn with_http_client(
        mut self,
        builder: reqwest::ClientBuilder,
    ) -> Result<Self, ClientError> {
        self.transport = Transport::new(builder, self.transport.max_body)?;
        Ok(self)
    }

    /// The endpoint requests go to.
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Sends a request of any kind and returns what its `parse_response` returns: the
    /// created resource, the resource read, a [`Page`](crate::Page), `Option<T>` for an
    /// update, `()` for a delete, [`Content`](crate::request::Content) for a content read.
    /// Retries as the [`RetryPolicy`] says, with a token fetched for every attempt and one
    /// `client-request-id` across them all.
    ///
    /// A content read ([`ContentRequest::get`](crate::ContentRequest::get)) follows its
    /// redirect as [`download`](Self::download) does, and its content must fit the body
    /// limit ([`with_max_body`](Self::with_max_body)); `download` streams larger ones.
    ///
    /// # Errors
    ///
    /// See [`ClientError`].
    pub async fn send<K, T>(
        &self,
        request: &Request<K, T>,
    ) -> Result<<K as ParseResponse<T>>::Output, ClientError>
    where
        K: ParseResponse<T>,
    {
        let call = Call::new(request.method(), request.path());
        let mut budget = Budget::new(&self.retry);
        // Whether an earlier attempt may have been carried out (a `504`, a timeout, no
        // response): then a delete answered `404` did its work.
        let mut maybe_done = false;
        loop {
            let attempt = budget.attempt();
            // A content read follows its redirect to a pre-authenticated URL.
            let outcome = if K::FOLLOWS_REDIRECTS && *request.method() == Method::GET {
                self.fetch_content(&call, attempt, request).await
            } else {
                self.attempt(&call, attempt, request).await
            };
            let error = match outcome {
                Ok(mut response) => {
                    if maybe_done
                        && *request.method() == Method::DELETE
                        && response.status() == StatusCode::NOT_FOUND
                    {
                        log::deleted_before(&call, attempt);
                        *response.status_mut() = StatusCode::NO_CONTENT;
                        response.body_mut().clear();
                    }
                    match request.parse_response(response) {
                        Ok(output) => return Ok(output),
                        Err(error) => ClientError::Graph(error),
                    }
                }
                Err(error) => error,
            };
            let failure = Failure::new(error, call.repeatable);
            maybe_done |= failure.why.is_some_and(retry::Retryable::maybe_done);
            budget.retry(&call, failure).await?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AccessToken;

    #[test]
    fn a_client_is_built_without_a_process_wide_tls_provider() {
        assert!(GraphClient::new(Endpoint::v1(), AccessToken::new("a.b.c").unwrap()).is_ok());
        assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    }
}
