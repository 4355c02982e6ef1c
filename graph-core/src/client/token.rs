//! Where the client's tokens come from: the provider trait, the cache in front of one, and
//! the step that gets a token within the timeout.

use std::fmt;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::error::{BoxError, ClientError};
use crate::AccessToken;

/// Where the client gets a bearer token, once per request attempt, so a provider can
/// refresh as tokens expire. A fixed [`AccessToken`] and any async closure returning one
/// implement it already; [`TokenCache`] keeps a provider's tokens until they are about to
/// expire; [`DeviceCode`](super::DeviceCode) signs a person in, and with the feature
/// `azure`, `AzureCredential` takes any `azure_identity`
/// credential.
///
/// When Graph answers `401` (the token was refused: nothing was done), the client asks
/// for a fresh token once, through [`refresh`](Self::refresh), or
/// [`refresh_with_claims`](Self::refresh_with_claims) where Graph's answer is a claims
/// challenge, and sends the request again.
///
/// Getting the token counts against the client's timeout
/// ([`GraphClient::with_timeout`](super::GraphClient::with_timeout)): a provider that
/// does not answer in time ends the request with [`ClientError::TokenTimeout`]. A sign-in
/// that waits for a person belongs before the first request.
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
///
/// A closure's error can be any error type that converts into [`BoxError`]. One whose
/// error type is `BoxError` itself works, but a client using it cannot be moved into
/// `tokio::spawn` (the compiler's check that the future is `Send` fails on the boxed trait
/// object's lifetime, with "implementation of `From` is not general enough"): give such a
/// closure a concrete error type (`std::io::Error`, [`InvalidAccessToken`](crate::InvalidAccessToken),
/// your own), or implement the trait on a struct, as [`TokenCache`] and [`DeviceCode`](super::DeviceCode) do.
pub trait TokenProvider: Send + Sync {
    /// A token for the next request.
    fn access_token(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send;

    /// A new token, after Graph refused the last one (`401`): a provider that keeps
    /// tokens drops the one it has. By default, [`access_token`](Self::access_token).
    fn refresh(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        self.access_token()
    }

    /// A new token that satisfies Graph's claims challenge (continuous access
    /// evaluation), `claims` as Graph gave them (base64 JSON, for the `claims` parameter
    /// of a sign-in). By default, [`refresh`](Self::refresh): a provider that cannot pass
    /// claims on gets an ordinary new token, and where Graph refuses that one too, the
    /// error says a new sign-in is needed
    /// ([`GraphError::claims_challenge`](crate::GraphError::claims_challenge)).
    fn refresh_with_claims(
        &self,
        claims: &str,
    ) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        let _ = claims;
        self.refresh()
    }
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

/// Which token an attempt asks its provider for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ask {
    /// The token for the next request.
    Current,
    /// A new one, after a `401`.
    Refresh,
    /// A new one that satisfies these claims, after a claims challenge.
    Claims(String),
}

/// A token from `tokens` within `within`; `timeout` is the client's, for the message.
pub(super) async fn fetch<P: TokenProvider>(
    tokens: &P,
    ask: &Ask,
    within: Duration,
    timeout: Duration,
) -> Result<AccessToken, ClientError> {
    let fetched = async {
        match ask {
            Ask::Current => tokens.access_token().await,
            Ask::Refresh => tokens.refresh().await,
            Ask::Claims(claims) => tokens.refresh_with_claims(claims).await,
        }
    };
    match tokio::time::timeout(within, fetched).await {
        Ok(Ok(token)) => Ok(token),
        Ok(Err(error)) => Err(ClientError::Token(error)),
        Err(_) => Err(ClientError::TokenTimeout(timeout)),
    }
}

/// Keeps a [`TokenProvider`]'s token until shortly before it expires, and fetches a new
/// one once however many requests ask at the same time.
///
/// - A token is kept until its expiry less a margin (5 minutes, [`with_margin`](Self::with_margin);
///   at most half the token's remaining life, so a short-lived token is still used). The
///   expiry is the one the provider gave ([`AccessToken::with_expiry`]), else the token's
///   own `exp` claim; a token with neither (an opaque token) is kept for 10 minutes
///   ([`with_default_lifetime`](Self::with_default_lifetime)), and a `401` replaces it
///   sooner.
/// - While one request fetches, the others wait for its token; a fetch that fails is
///   not kept: the requests that waited for it get its error, and the next request
///   fetches again.
/// - After a `401`, the client calls [`refresh`](TokenProvider::refresh): the cache drops
///   its token and asks its provider for a new one (once, for the requests refused
///   together).
/// - The token is never formatted: the cache's `Debug` shows its settings only, and it
///   logs nothing.
///
/// Clones share one cache (each with its own margin), so several clients can use one.
///
/// ```
/// use graph_core::client::{GraphClient, TokenCache};
/// use graph_core::{AccessToken, Endpoint};
///
/// // Any provider: here an async closure standing for a call to a token service.
/// let provider = || async { AccessToken::new("eyJ0eXAi.payload.signature") };
/// let tokens = TokenCache::new(provider).with_margin(std::time::Duration::from_secs(120));
/// let client = GraphClient::new(Endpoint::v1(), tokens)?;
/// # Ok::<(), graph_core::client::ClientError>(())
/// ```
pub struct TokenCache<P> {
    shared: Arc<Shared<P>>,
    margin: Duration,
    default_lifetime: Duration,
}

struct Shared<P> {
    provider: P,
    slot: tokio::sync::Mutex<Slot>,
    /// Counts finished fetches, so that a request that waited knows one finished.
    fetches: AtomicU64,
}

#[derive(Default)]
struct Slot {
    token: Option<(AccessToken, Instant)>,
    /// The last fetch's failure and its number, for the requests that waited for it.
    failed: Option<(u64, Arc<BoxError>)>,
}

impl<P> Clone for TokenCache<P> {
    fn clone(&self) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            margin: self.margin,
            default_lifetime: self.default_lifetime,
        }
    }
}

impl<P> fmt::Debug for TokenCache<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenCache")
            .field("margin", &self.margin)
            .field("default_lifetime", &self.default_lifetime)
            .finish_non_exhaustive()
    }
}

impl<P: TokenProvider> TokenCache<P> {
    /// A cache in front of `provider`, with a margin of 5 minutes before each token's
    /// expiry and 10 minutes for a token whose expiry is unknown.
    pub fn new(provider: P) -> Self {
        Self {
            shared: Arc::new(Shared {
                provider,
                slot: tokio::sync::Mutex::new(Slot::default()),
                fetches: AtomicU64::new(0),
            }),
            margin: Duration::from_secs(300),
            default_lifetime: Duration::from_secs(600),
        }
    }

    /// How long before its expiry a token is replaced (default 5 minutes; at most half
    /// the token's remaining life when it is fetched).
    #[must_use]
    pub fn with_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// How long a token is kept when neither the provider nor the token says when it
    /// expires (default 10 minutes).
    #[must_use]
    pub fn with_default_lifetime(mut self, lifetime: Duration) -> Self {
        self.default_lifetime = lifetime;
        self
    }

    /// The provider the cache asks.
    pub fn provider(&self) -> &P {
        &self.shared.provider
    }

    /// Drops the kept token, so the next request fetches one.
    pub async fn clear(&self) {
        self.shared.slot.lock().await.token = None;
    }

    /// The kept token, or one fetched with `fetch` where none is kept (`fresh`: also
    /// where one was kept, unless a fetch finished while this call waited).
    async fn get<'a, Fut>(
        &'a self,
        fresh: bool,
        fetch: impl FnOnce(&'a P) -> Fut,
    ) -> Result<AccessToken, BoxError>
    where
        Fut: Future<Output = Result<AccessToken, BoxError>>,
    {
        let shared = &*self.shared;
        let seen = shared.fetches.load(Ordering::Acquire);
        let mut slot = shared.slot.lock().await;
        let finished_meanwhile = shared.fetches.load(Ordering::Acquire) > seen;
        if !fresh || finished_meanwhile {
            if let Some((token, until)) = &slot.token {
                if Instant::now() < *until {
                    return Ok(token.clone());
                }
            }
            if let Some((number, error)) = &slot.failed {
                if *number > seen {
                    return Err(Box::new(SharedFailure(Arc::clone(error))));
                }
            }
        }
        slot.token = None;
        let fetched = fetch(&shared.provider).await;
        let number = shared.fetches.fetch_add(1, Ordering::AcqRel) + 1;
        match fetched {
            Ok(token) => {
                let until = self.keep_until(&token);
                slot.failed = None;
                slot.token = Some((token.clone(), until));
                Ok(token)
            }
            Err(error) => {
                let error = Arc::new(error);
                slot.failed = Some((number, Arc::clone(&error)));
                Err(Box::new(SharedFailure(error)))
            }
        }
    }

    /// When a token fetched now stops being handed out.
    fn keep_until(&self, token: &AccessToken) -> Instant {
        let now = Instant::now();
        let Some(expires_at) = token.expires_at() else {
            return now + self.default_lifetime;
        };
        let left = expires_at - time::OffsetDateTime::now_utc();
        // Expired already by this clock: used for the request that fetched it only.
        let Ok(left) = Duration::try_from(left) else {
            return now;
        };
        now + left - self.margin.min(left / 2)
    }
}

impl<P: TokenProvider> TokenProvider for TokenCache<P> {
    fn access_token(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        self.get(false, TokenProvider::access_token)
    }

    fn refresh(&self) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        self.get(true, TokenProvider::refresh)
    }

    fn refresh_with_claims(
        &self,
        claims: &str,
    ) -> impl Future<Output = Result<AccessToken, BoxError>> + Send {
        self.get(true, move |provider: &P| {
            provider.refresh_with_claims(claims)
        })
    }
}

/// A failure the requests that waited for one fetch all get.
#[derive(Debug)]
pub(super) struct SharedFailure(Arc<BoxError>);

impl SharedFailure {
    /// The provider's own error.
    pub(super) fn inner(&self) -> &(dyn std::error::Error + 'static) {
        &**self.0
    }
}

impl fmt::Display for SharedFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self.0, f)
    }
}

impl std::error::Error for SharedFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}
