//! Where the client's tokens come from, and the step that gets one within the timeout.

use std::future::Future;
use std::time::Duration;

use super::error::{BoxError, ClientError};
use crate::AccessToken;

/// Where the client gets a bearer token, once per request attempt, so a provider can
/// refresh as tokens expire. Implement it over `azure_identity` or your own source; a
/// fixed [`AccessToken`] and any async closure returning one implement it already.
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

/// A token from `tokens` within `within`; `timeout` is the client's, for the message.
pub(super) async fn fetch<P: TokenProvider>(
    tokens: &P,
    within: Duration,
    timeout: Duration,
) -> Result<AccessToken, ClientError> {
    match tokio::time::timeout(within, tokens.access_token()).await {
        Ok(Ok(token)) => Ok(token),
        Ok(Err(error)) => Err(ClientError::Token(error)),
        Err(_) => Err(ClientError::TokenTimeout(timeout)),
    }
}
