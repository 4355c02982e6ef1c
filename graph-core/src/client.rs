//! An async client for every request kind (cargo feature `client`): sending, paging,
//! retries, logs.
//!
//! Built on reqwest over tokio, the Rust ecosystem's usual HTTP stack, with rustls for TLS
//! (its `ring` provider: see [`http_client_builder`]). The rest of the crate stays
//! transport-agnostic: any client can send [`Request::to_http`] and read with
//! [`Request::parse_response`].
//!
//! The client emits [`tracing`](https://docs.rs/tracing) events under the target
//! `graph_core::client`: one at `DEBUG` for each attempt (method, path with the query's
//! option names but not their values, status, `client-request-id`, elapsed time), one at
//! `INFO` for each retry (why, and how long it waits) and one at `WARN` when it gives up
//! retrying. None carries a token or a body. Without a subscriber they cost a load and a
//! branch each.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use http::{Method, StatusCode};

use crate::request::ParseResponse;
use crate::{
    AccessToken, Batch, BatchResponse, Endpoint, GraphError, GraphResource, ListRequest,
    NextPageError, Page, Request,
};

/// The trait of what [`GraphClient::pages`] returns, and its combinators (`next`,
/// `try_collect` and the rest), so no dependency line is needed to use it.
pub use futures_util::stream::{Stream, StreamExt, TryStreamExt};
/// The HTTP client [`GraphClient::with_http_client`] takes, so no dependency line is needed
/// to name it: build one with [`http_client_builder`].
pub use reqwest;

/// The header that ties the attempts of one request together in Graph's logs.
const CLIENT_REQUEST_ID: &str = "client-request-id";

/// An error from a token provider.
pub type BoxError = Box<dyn StdError + Send + Sync>;

/// Where the client gets a bearer token, once per request attempt, so a provider can
/// refresh as tokens expire. Implement it over `azure_identity` or your own source; a
/// fixed [`AccessToken`] and any async closure returning one implement it already.
///
/// ```
/// use graph_core::client::TokenProvider;
/// use graph_core::AccessToken;
///
/// fn takes(_: impl TokenProvider) {}
///
/// takes(AccessToken::new("eyJ0eXAi.payload.signature").unwrap());
/// takes(|| async { AccessToken::new("fetched.just.now") });
/// ```
pub trait TokenProvider: Send + Sync {
    /// A token for the next request.
    fn access_token(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send;
}

impl TokenProvider for AccessToken {
    fn access_token(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        std::future::ready(Ok(self.clone()))
    }
}

impl<F, Fut, E> TokenProvider for F
where
    F: Fn() -> Fut + Send + Sync,
    Fut: Future<Output = Result<AccessToken, E>> + Send,
    E: Into<BoxError>,
{
    fn access_token(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        let token = self();
        async move { token.await.map_err(Into::into) }
    }
}

/// How the client retries what is safe to send again: `429 Too Many Requests` and `503
/// Service Unavailable` (Graph says "not now, and nothing was done") for every request;
/// `504 Gateway Timeout`, timeouts and broken connections for `GET` and `DELETE` only.
///
/// It waits as long as `Retry-After` asks, or else backs off exponentially from
/// [`base_delay`](Self::base_delay) with jitter; it stops after
/// [`max_attempts`](Self::max_attempts) attempts, or when the next wait would take the
/// total past [`max_total_delay`](Self::max_total_delay), and returns the last error.
/// Nothing else is retried: a create or update that may have been carried out (a `504`,
/// whose gateway gave up waiting on a service that may have finished; a timeout; a broken
/// connection) is never sent again. Every attempt
/// of one request carries the same `client-request-id`, so Graph's logs can tie them
/// together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (default 3; at least 1).
    pub max_attempts: u32,
    /// The most time spent waiting between attempts, in all (default 60 s).
    pub max_total_delay: Duration,
    /// The first backoff, doubled at each retry (default 500 ms).
    pub base_delay: Duration,
    /// The longest single backoff when Graph gives no `Retry-After` (default 30 s).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            max_total_delay: Duration::from_secs(60),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries: every response is final.
    #[must_use]
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The backoff before retry number `retry` (1 for the first): exponential, capped,
    /// with "equal jitter" (half fixed, half random) so clients do not retry in step.
    fn backoff(&self, retry: u32) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        let delay = self.base_delay.saturating_mul(factor).min(self.max_delay);
        let half = delay / 2;
        let jitter_nanos = u64::try_from(half.as_nanos()).unwrap_or(u64::MAX);
        half + Duration::from_nanos(fastrand::u64(0..=jitter_nanos))
    }
}

/// Why a request sent by [`GraphClient`] did not give what its `parse_response` gives.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The token provider failed.
    #[error("could not get an access token: {}", Chain(&**.0))]
    Token(#[source] BoxError),
    /// The HTTP client could not be set up (its TLS configuration).
    #[error("could not set up the HTTP client: {}", Chain(&**.0))]
    Setup(#[source] BoxError),
    /// The request did not get a response: connection, TLS or protocol failure. The
    /// message carries each cause (`Connection refused`, a certificate problem).
    #[error("the request got no response from Graph: {}", Chain(.0))]
    Transport(#[source] reqwest::Error),
    /// No complete response within the client's timeout.
    #[error("no complete response from Graph within {0:?}")]
    Timeout(Duration),
    /// The response body was larger than the client accepts; it was not read further.
    #[error("the response body is larger than the client's limit of {limit} bytes")]
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// Graph answered, and not with what the request asks for (after any retries, the
    /// last answer).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A page's next link was refused (blank, repeated, or outside the endpoint), so
    /// paging stopped there; the pages before it were read.
    #[error("paging stopped: {0}")]
    NextPage(#[from] NextPageError),
    /// The token lacks what the request's operation needs, as its resource declares it:
    /// nothing was sent (see [`Request::check_token`];
    /// [`GraphClient::with_permission_check`] turns the check off).
    #[error(transparent)]
    Permission(#[from] crate::PermissionError),
    /// A list had more pages than the client's page limit; the pages up to it were read.
    #[error("the list has more than {limit} pages, the client's page limit (see `GraphClient::with_page_limit`)")]
    PageLimit {
        /// The limit, in pages.
        limit: usize,
    },
}

/// An error and its causes, each once: reqwest's `Display` names only the outermost
/// ("error sending request for url"), and the cause a person can act on is deeper.
struct Chain<'a>(&'a (dyn StdError + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut written = self.0.to_string();
        f.write_str(&written)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let text = error.to_string();
            // Some errors repeat their cause in their own message.
            if !written.contains(&text) {
                write!(f, ": {text}")?;
                written = text;
            }
            cause = error.source();
        }
        Ok(())
    }
}

impl ClientError {
    /// The Graph error, where Graph answered.
    #[must_use]
    pub fn graph_error(&self) -> Option<&GraphError> {
        match self {
            ClientError::Graph(error) => Some(error),
            _ => None,
        }
    }
}

/// A reqwest client builder with this crate's TLS set up: rustls with its `ring` crypto
/// provider and the platform's certificate verifier, configured for this client alone
/// (nothing is installed for the process, so an application's own choice of provider
/// stands). Start from it to give [`GraphClient::with_http_client`] a client with
/// proxies, pools or timeouts of your own. (A `reqwest::Client::new()` made directly
/// needs a process-wide rustls provider, as reqwest's documentation says.)
///
/// `ring` builds with a C compiler (`cc`), as most Rust TLS stacks do; it needs no CMake
/// and no system TLS library.
///
/// # Errors
///
/// The platform's certificate verifier could not be set up.
pub fn http_client_builder() -> Result<reqwest::ClientBuilder, ClientError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let setup = |error: rustls::Error| ClientError::Setup(Box::new(error));
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(setup)?
        .with_platform_verifier()
        .map_err(setup)?
        .with_no_client_auth();
    // HTTP/2 where the server offers it, as reqwest's own configuration asks.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(reqwest::Client::builder().tls_backend_preconfigured(config))
}

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
    http: reqwest::Client,
    endpoint: Endpoint,
    tokens: P,
    retry: RetryPolicy,
    timeout: Duration,
    max_body: usize,
    page_limit: usize,
    check_permissions: bool,
}

impl<P> fmt::Debug for GraphClient<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GraphClient")
            .field("endpoint", &self.endpoint)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("max_body", &self.max_body)
            .field("page_limit", &self.page_limit)
            .field("check_permissions", &self.check_permissions)
            .finish_non_exhaustive()
    }
}

/// The target of the client's `tracing` events.
const TARGET: &str = "graph_core::client";

/// Why an attempt may be made again.
#[derive(Debug, Clone, Copy)]
enum Retryable {
    /// Graph answered this status.
    Status(StatusCode),
    /// No complete response in time.
    Timeout,
    /// No response at all.
    Transport,
}

impl fmt::Display for Retryable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Retryable::Status(status) => write!(f, "{status}"),
            Retryable::Timeout => f.write_str("timeout"),
            Retryable::Transport => f.write_str("no response"),
        }
    }
}

/// A request's path for logs: the query's option names, never their values, which can
/// hold names, mail addresses and search terms (`/users?$filter&$top`).
struct LoggedPath<'a>(&'a str);

impl fmt::Display for LoggedPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((path, query)) = self.0.split_once('?') else {
            return f.write_str(self.0);
        };
        f.write_str(path)?;
        for (index, pair) in query.split('&').enumerate() {
            let name = pair.split_once('=').map_or(pair, |(name, _)| name);
            f.write_str(if index == 0 { "?" } else { "&" })?;
            f.write_str(name)?;
        }
        Ok(())
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// A client for `endpoint`, with the default retry policy, a 30 s timeout per attempt,
    /// a 4 MiB limit on response bodies and a limit of 1,000 pages per list.
    ///
    /// # Errors
    ///
    /// The HTTP client could not be set up (its TLS configuration failed):
    /// [`ClientError::Setup`] or [`ClientError::Transport`].
    pub fn new(endpoint: Endpoint, tokens: P) -> Result<Self, ClientError> {
        let http = http_client_builder()?
            .build()
            .map_err(ClientError::Transport)?;
        Ok(Self {
            http,
            endpoint,
            tokens,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            max_body: 4 * 1024 * 1024,
            page_limit: 1000,
            check_permissions: true,
        })
    }

    /// Sets the retry policy.
    #[must_use]
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the time each attempt may take, from connecting to the end of the body.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the largest response body accepted, in bytes.
    #[must_use]
    pub fn with_max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
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

    /// Uses an HTTP client of your own (proxies, connection pools, TLS roots); start from
    /// [`http_client_builder`].
    #[must_use]
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// The endpoint requests go to.
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// Sends a request of any kind and returns what its `parse_response` returns: the
    /// created resource, the resource read, a [`Page`], `Option<T>` for an update, `()` for
    /// a delete. Retries as the [`RetryPolicy`] says, with a token fetched for every
    /// attempt and one `client-request-id` across them all.
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
        T: GraphResource,
    {
        // Whether sending it again can do nothing twice.
        let repeatable = K::METHOD == Method::GET || K::METHOD == Method::DELETE;
        let mut waited = Duration::ZERO;
        let mut attempt = 1;
        // Whether an earlier attempt may have been carried out (a `504`, a timeout, no
        // response): then a delete answered `404` did its work.
        let mut maybe_done = false;
        // The first attempt's `client-request-id`, carried by every later one.
        let mut request_id: Option<http::HeaderValue> = None;
        loop {
            let token = self
                .tokens
                .access_token()
                .await
                .map_err(ClientError::Token)?;
            if self.check_permissions {
                if let Err(error) = request.check_token(&token) {
                    tracing::warn!(
                        target: TARGET,
                        method = %K::METHOD,
                        path = %LoggedPath(request.path()),
                        error = %error,
                        "graph request not sent: the token lacks a permission it needs"
                    );
                    return Err(error.into());
                }
            }
            let mut http_request = request.to_http(&self.endpoint, &token);
            drop(token);
            match &request_id {
                Some(id) => {
                    http_request
                        .headers_mut()
                        .insert(CLIENT_REQUEST_ID, id.clone());
                }
                None => request_id = http_request.headers().get(CLIENT_REQUEST_ID).cloned(),
            }
            let id = request_id
                .as_ref()
                .and_then(|id| id.to_str().ok())
                .unwrap_or_default();
            let started = Instant::now();
            let outcome = self.execute(http_request).await;
            let elapsed = started.elapsed();
            let (error, why, retry_after) = match outcome {
                Ok(mut response) => {
                    let status = response.status();
                    if maybe_done && K::METHOD == Method::DELETE && status == StatusCode::NOT_FOUND
                    {
                        tracing::info!(
                            target: TARGET,
                            path = %LoggedPath(request.path()),
                            client_request_id = id,
                            attempt,
                            "graph delete answered 404 after an attempt that may have done it: deleted"
                        );
                        *response.status_mut() = StatusCode::NO_CONTENT;
                        response.body_mut().clear();
                    }
                    tracing::debug!(
                        target: TARGET,
                        method = %K::METHOD,
                        path = %LoggedPath(request.path()),
                        status = status.as_u16(),
                        client_request_id = id,
                        elapsed_ms = elapsed.as_millis(),
                        attempt,
                        "graph request"
                    );
                    match request.parse_response(response) {
                        Ok(output) => return Ok(output),
                        Err(error) => {
                            let retry_after = error.retry_after();
                            let retryable = matches!(status.as_u16(), 429 | 503)
                                || (repeatable && status == StatusCode::GATEWAY_TIMEOUT);
                            let why = retryable.then_some(Retryable::Status(status));
                            (ClientError::Graph(error), why, retry_after)
                        }
                    }
                }
                Err(error) => {
                    let why = match &error {
                        ClientError::Timeout(_) => Some(Retryable::Timeout),
                        // A request reqwest cannot build fails the same way every time.
                        ClientError::Transport(error) if !error.is_builder() => {
                            Some(Retryable::Transport)
                        }
                        _ => None,
                    };
                    tracing::debug!(
                        target: TARGET,
                        method = %K::METHOD,
                        path = %LoggedPath(request.path()),
                        error = %error,
                        client_request_id = id,
                        elapsed_ms = elapsed.as_millis(),
                        attempt,
                        "graph request failed"
                    );
                    (error, why.filter(|_| repeatable), None)
                }
            };
            let Some(why) = why else {
                return Err(error);
            };
            maybe_done |= !matches!(why, Retryable::Status(status) if status.as_u16() == 429 || status.as_u16() == 503);
            let wait = retry_after.unwrap_or_else(|| self.retry.backoff(attempt));
            if attempt >= self.retry.max_attempts
                || waited.saturating_add(wait) > self.retry.max_total_delay
            {
                tracing::warn!(
                    target: TARGET,
                    method = %K::METHOD,
                    path = %LoggedPath(request.path()),
                    reason = %why,
                    client_request_id = id,
                    attempts = attempt,
                    waited_ms = waited.as_millis(),
                    "graph request given up"
                );
                return Err(error);
            }
            tracing::info!(
                target: TARGET,
                method = %K::METHOD,
                path = %LoggedPath(request.path()),
                reason = %why,
                client_request_id = id,
                wait_ms = wait.as_millis(),
                attempt,
                "graph request retried"
            );
            tokio::time::sleep(wait).await;
            waited += wait;
            attempt += 1;
        }
    }

    /// Sends a [`Batch`] and returns its answer, each step's to be taken in its own type
    /// with [`BatchResponse::take`](crate::BatchResponse::take).
    ///
    /// The batch as a whole is retried like any `POST` (`429` and `503` only). Inside a
    /// `200` batch, Graph does not retry the steps it throttled: they come back `429` (or
    /// `503`) with their own `Retry-After`. Those steps alone, with every step that depends
    /// on them (answered `424`), are sent again as a smaller batch after the longest wait
    /// they ask for, within the [`RetryPolicy`]'s attempts and total wait, and their new
    /// answers replace the old. Steps still throttled when the policy runs out keep their
    /// `429`, which `take` gives as the step's error. The token is checked against each
    /// step's declared permissions first, as for any request.
    ///
    /// # Errors
    ///
    /// See [`ClientError`]: the batch as a whole failed, or a step's permissions.
    pub async fn send_batch(&self, batch: &Batch) -> Result<BatchResponse, ClientError> {
        let mut response = self.send_batch_once(batch).await?;
        let mut waited = Duration::ZERO;
        let mut round = 1;
        loop {
            let mut throttled: Vec<usize> = response
                .answers()
                .iter()
                .filter(|(_, answer)| matches!(answer.status.as_u16(), 429 | 503))
                .map(|(id, _)| *id)
                .collect();
            throttled.sort_unstable();
            if throttled.is_empty() || round >= self.retry.max_attempts {
                return Ok(response);
            }
            let wait = throttled
                .iter()
                .filter_map(|id| {
                    response
                        .answers()
                        .get(id)
                        .and_then(|answer| answer.retry_after())
                })
                .max()
                .unwrap_or_else(|| self.retry.backoff(round));
            if waited.saturating_add(wait) > self.retry.max_total_delay {
                tracing::warn!(
                    target: TARGET,
                    steps = ?throttled,
                    waited_ms = waited.as_millis(),
                    "graph batch steps still throttled: given up"
                );
                return Ok(response);
            }
            let resent = batch.dependents(&throttled);
            tracing::info!(
                target: TARGET,
                throttled = ?throttled,
                resent = ?resent,
                wait_ms = wait.as_millis(),
                "graph batch steps resent"
            );
            tokio::time::sleep(wait).await;
            waited += wait;
            round += 1;
            let later = self.send_batch_once(&batch.subset(&resent)).await?;
            response.merge(later);
        }
    }

    /// One batch, retried as a whole where Graph answers it `429` or `503`.
    async fn send_batch_once(&self, batch: &Batch) -> Result<BatchResponse, ClientError> {
        let mut waited = Duration::ZERO;
        let mut attempt = 1;
        loop {
            let token = self
                .tokens
                .access_token()
                .await
                .map_err(ClientError::Token)?;
            if self.check_permissions {
                batch.check_token(&token)?;
            }
            let http_request = batch.to_http(&self.endpoint, &token);
            drop(token);
            let started = Instant::now();
            let response = self.execute(http_request).await?;
            tracing::debug!(
                target: TARGET,
                method = "POST",
                path = "/$batch",
                steps = batch.len(),
                status = response.status().as_u16(),
                elapsed_ms = started.elapsed().as_millis(),
                attempt,
                "graph batch"
            );
            let status = response.status();
            let error = match batch.parse_response(response) {
                Ok(answer) => return Ok(answer),
                Err(error) => error,
            };
            let wait = error
                .retry_after()
                .unwrap_or_else(|| self.retry.backoff(attempt));
            if !matches!(status.as_u16(), 429 | 503)
                || attempt >= self.retry.max_attempts
                || waited.saturating_add(wait) > self.retry.max_total_delay
            {
                return Err(error.into());
            }
            tokio::time::sleep(wait).await;
            waited += wait;
            attempt += 1;
        }
    }

    /// Every page of a list, in order, as a [`Stream`]: each page's request is the one
    /// [`ListRequest::next_page`] builds, so it carries the first request's headers and
    /// preferences and goes nowhere outside the endpoint. Each page is sent as
    /// [`send`](Self::send) sends (a page answered `429` is retried, and paging goes on).
    /// The stream ends after the last page, or with one error: a page that failed, a next
    /// link refused ([`ClientError::NextPage`]), or the page limit
    /// ([`ClientError::PageLimit`]). It never ends as if complete after an error.
    ///
    /// ```no_run
    /// # async fn run(client: graph_core::client::GraphClient<graph_core::AccessToken>)
    /// # -> Result<(), graph_core::client::ClientError> {
    /// use graph_core::client::StreamExt;
    /// # #[graph_core::graph_resource(path = "/users", odata = "#microsoft.graph.user")]
    /// # struct User { display_name: Option<String> }
    ///
    /// let request = User::list_request().unwrap().select(&["displayName"]).unwrap();
    /// let mut pages = std::pin::pin!(client.pages(&request));
    /// while let Some(page) = pages.next().await {
    ///     for user in page?.items() {
    ///         println!("{:?}", user.display_name);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn pages<'a, T>(
        &'a self,
        request: &ListRequest<T>,
    ) -> impl Stream<Item = Result<Page<T>, ClientError>> + Send + 'a
    where
        T: GraphResource + Send + 'a,
    {
        /// Where paging is.
        enum State<T> {
            /// This request is next; this many pages were read.
            Next(ListRequest<T>, usize),
            /// Paging stopped with this error, to be given after the page before it.
            Failed(ClientError),
            Done,
        }
        let first = State::Next(request.clone(), 0);
        futures_util::stream::unfold(first, move |state| async move {
            match state {
                State::Done => None,
                State::Failed(error) => Some((Err(error), State::Done)),
                State::Next(request, read) => {
                    if read >= self.page_limit {
                        let limit = self.page_limit;
                        return Some((Err(ClientError::PageLimit { limit }), State::Done));
                    }
                    let page = match self.send(&request).await {
                        Ok(page) => page,
                        Err(error) => return Some((Err(error), State::Done)),
                    };
                    let next = match request.next_page(&page, &self.endpoint) {
                        Ok(Some(next)) => State::Next(next, read + 1),
                        Ok(None) => State::Done,
                        Err(error) => State::Failed(error.into()),
                    };
                    Some((Ok(page), next))
                }
            }
        })
    }

    /// Every item of a list: [`pages`](Self::pages), each page's items in order.
    ///
    /// # Errors
    ///
    /// The first error [`pages`](Self::pages) gives; the items read before it are not
    /// returned, so a partial list never looks complete.
    pub async fn list_all<T>(&self, request: &ListRequest<T>) -> Result<Vec<T>, ClientError>
    where
        T: GraphResource + Send,
    {
        let mut pages = std::pin::pin!(self.pages(request));
        let mut items = Vec::new();
        while let Some(page) = pages.next().await {
            items.extend(page?.into_items());
        }
        Ok(items)
    }

    /// One attempt: the response, with its body read up to the limit.
    async fn execute(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        // reqwest's errors end with the URL, whose query holds filter and search values:
        // those are left out of messages and logs.
        let mut request = reqwest::Request::try_from(request)
            .map_err(|error| ClientError::Transport(error.without_url()))?;
        *request.timeout_mut() = Some(self.timeout);
        let timeout = self.timeout;
        let classify = move |error: reqwest::Error| {
            if error.is_timeout() {
                ClientError::Timeout(timeout)
            } else {
                ClientError::Transport(error.without_url())
            }
        };
        let mut response = self.http.execute(request).await.map_err(classify)?;
        let limit = self.max_body;
        if response
            .content_length()
            .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
        {
            return Err(ClientError::BodyTooLarge { limit });
        }
        // Read chunk by chunk, so an oversized body is refused before it is held whole.
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > limit {
                return Err(ClientError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        let mut parts = http::Response::new(body);
        *parts.status_mut() = response.status();
        *parts.version_mut() = response.version();
        *parts.headers_mut() = std::mem::take(response.headers_mut());
        Ok(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tls_stack_is_set_up_per_client_not_for_the_process() {
        let client = http_client_builder().unwrap().build();
        assert!(client.is_ok());
        assert!(GraphClient::new(Endpoint::v1(), AccessToken::new("a.b.c").unwrap()).is_ok());
        assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    }

    #[test]
    fn backoff_doubles_is_capped_and_jittered_within_half() {
        let policy = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        for _ in 0..100 {
            let first = policy.backoff(1);
            assert!((Duration::from_millis(50)..=Duration::from_millis(100)).contains(&first));
            let second = policy.backoff(2);
            assert!((Duration::from_millis(100)..=Duration::from_millis(200)).contains(&second));
            let capped = policy.backoff(30);
            assert!((Duration::from_millis(175)..=Duration::from_millis(350)).contains(&capped));
        }
    }
}
