//! An async client that sends create requests (cargo feature `client`).
//!
//! Built on reqwest over tokio, the Rust ecosystem's usual HTTP stack, with rustls for TLS so
//! no system library is needed. The rest of the crate stays transport-agnostic: any client
//! can send [`CreateRequest::to_http`] and read with [`CreateRequest::parse_response`].

use std::error::Error as StdError;
use std::future::Future;
use std::time::Duration;

use crate::{AccessToken, CreateRequest, Endpoint, GraphError, GraphResource};

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

/// How the client retries `429 Too Many Requests` and `503 Service Unavailable`: the
/// statuses with which Graph says "not now, and nothing was done".
///
/// It waits as long as `Retry-After` asks, or else backs off exponentially from
/// [`base_delay`](Self::base_delay) with jitter; it stops after
/// [`max_attempts`](Self::max_attempts) attempts, or when the next wait would take the
/// total past [`max_total_delay`](Self::max_total_delay), and returns the last error.
/// Nothing else is retried: a create is not idempotent, so a request that may have been
/// carried out (a `504 Gateway Timeout`, whose gateway gave up waiting on a service that
/// may have finished; a timeout; a broken connection) is never sent again. Every attempt
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

/// Why [`GraphClient::send`] did not return the created resource.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The token provider failed.
    #[error("could not get an access token: {0}")]
    Token(#[source] BoxError),
    /// The request did not get a response: connection, TLS or protocol failure.
    #[error("the request got no response from Graph: {0}")]
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
    /// Graph answered, and not with the created resource (after any retries, the last
    /// answer).
    #[error(transparent)]
    Graph(#[from] GraphError),
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

/// Sends create requests to an [`Endpoint`] with tokens from a [`TokenProvider`].
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
/// println!("created group {:?}", created.id);
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
}

impl<P> std::fmt::Debug for GraphClient<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphClient")
            .field("endpoint", &self.endpoint)
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("max_body", &self.max_body)
            .finish_non_exhaustive()
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// A client for `endpoint`, with the default retry policy, a 30 s timeout per attempt
    /// and a 4 MiB limit on response bodies.
    ///
    /// # Errors
    ///
    /// The HTTP client could not be set up (its TLS configuration failed).
    pub fn new(endpoint: Endpoint, tokens: P) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .build()
            .map_err(ClientError::Transport)?;
        Ok(Self {
            http,
            endpoint,
            tokens,
            retry: RetryPolicy::default(),
            timeout: Duration::from_secs(30),
            max_body: 4 * 1024 * 1024,
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

    /// Uses an HTTP client of your own (proxies, connection pools, TLS roots).
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

    /// Sends a create request and returns the created resource, retrying as the
    /// [`RetryPolicy`] says. A token is fetched for every attempt.
    ///
    /// # Errors
    ///
    /// See [`ClientError`].
    pub async fn send<T: GraphResource>(
        &self,
        request: &CreateRequest<T>,
    ) -> Result<T, ClientError> {
        let mut waited = Duration::ZERO;
        let mut attempt = 1;
        // The first attempt's `client-request-id`, carried by every later one.
        let mut request_id: Option<http::HeaderValue> = None;
        loop {
            let token = self
                .tokens
                .access_token()
                .await
                .map_err(ClientError::Token)?;
            let mut http_request = request.to_http(&self.endpoint, &token);
            match &request_id {
                Some(id) => {
                    http_request
                        .headers_mut()
                        .insert(CLIENT_REQUEST_ID, id.clone());
                }
                None => request_id = http_request.headers().get(CLIENT_REQUEST_ID).cloned(),
            }
            let response = self.execute(http_request).await?;
            let status = response.status();
            let error = match request.parse_response(response) {
                Ok(created) => return Ok(created),
                Err(error) => error,
            };
            // Only where Graph says the request was not processed: a create sent again
            // after a 504 could create the resource twice.
            let retryable = matches!(status.as_u16(), 429 | 503);
            if !retryable || attempt >= self.retry.max_attempts {
                return Err(error.into());
            }
            let wait = error
                .retry_after()
                .unwrap_or_else(|| self.retry.backoff(attempt));
            if waited.saturating_add(wait) > self.retry.max_total_delay {
                return Err(error.into());
            }
            tokio::time::sleep(wait).await;
            waited += wait;
            attempt += 1;
        }
    }

    /// One attempt: the response, with its body read up to the limit.
    async fn execute(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        let mut request = reqwest::Request::try_from(request).map_err(ClientError::Transport)?;
        *request.timeout_mut() = Some(self.timeout);
        let timeout = self.timeout;
        let classify = move |error: reqwest::Error| {
            if error.is_timeout() {
                ClientError::Timeout(timeout)
            } else {
                ClientError::Transport(error)
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
