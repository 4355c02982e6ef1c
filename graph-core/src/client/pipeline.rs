//! One attempt, step by step, as every call the client makes takes it (a request, a batch
//! and each of its rounds, each page of a list):
//!
//! 1. the token, fetched within the client's timeout ([`token::fetch`]): a fresh one
//!    where the call's last attempt was refused with a `401` ([`Call::refuse_token`]);
//! 2. the token checked against what the request's operation needs, where the client
//!    checks, then the request built with it ([`Outgoing`]);
//! 3. the destination: the URL, as an HTTP stack will send it, lies under the endpoint's
//!    base path ([`Endpoint::holds`](crate::Endpoint)), or nothing is sent;
//! 4. the call's one `client-request-id`;
//! 5. the exchange in the time left, no redirect followed, the body up to its limit
//!    ([`Transport::execute`](super::transport::Transport));
//! 6. a log line.
//!
//! What happens after a failure is the caller's, through [`Budget`](super::retry::Budget).

use std::sync::Mutex;
use std::time::Instant;

use http::header::HeaderValue;
use http::Method;

use super::error::ClientError;
use super::token::{self, Ask, TokenProvider};
use super::{log, GraphClient};
use crate::permissions::PermissionError;
use crate::request::{ParseResponse, Request};
use crate::{AccessToken, Batch, Endpoint};

/// What the client sends: a request of any kind, or a batch. Each checks a token against
/// what it needs and becomes an `http` request with it.
pub(super) trait Outgoing {
    fn check_token(&self, token: &AccessToken) -> Result<(), PermissionError>;
    fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>>;
}

impl<K: ParseResponse<T>, T> Outgoing for Request<K, T> {
    fn check_token(&self, token: &AccessToken) -> Result<(), PermissionError> {
        Request::check_token(self, token)
    }

    fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
        Request::to_http(self, endpoint, token)
    }
}

impl Outgoing for Batch {
    fn check_token(&self, token: &AccessToken) -> Result<(), PermissionError> {
        Batch::check_token(self, token)
    }

    fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
        Batch::to_http(self, endpoint, token)
    }
}

/// The header that ties the attempts of one request together in Graph's logs.
const CLIENT_REQUEST_ID: &str = "client-request-id";

/// One call through the client, however many attempts it takes.
pub(super) struct Call<'a> {
    pub(super) method: &'a Method,
    /// The path relative to the endpoint, for logs (which leave the query's values out).
    pub(super) path: &'a str,
    /// Whether sending it again can do nothing twice (`GET`, `DELETE`).
    pub(super) repeatable: bool,
    /// Carried by every attempt.
    request_id: HeaderValue,
    /// Where the call is with its one fresh token after a `401`.
    token: Mutex<TokenState>,
}

/// A call's tokens: a `401` gets one fresh token, asked for by the attempt after it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TokenState {
    /// No attempt has carried a token yet.
    Unsent,
    /// An attempt carried one.
    Sent,
    /// Graph refused it: the next attempt asks for this.
    Due(Ask),
    /// A fresh token was asked for: a `401` now is the answer.
    Refreshed,
}

impl<'a> Call<'a> {
    pub(super) fn new(method: &'a Method, path: &'a str) -> Self {
        let id = uuid::Uuid::new_v4().hyphenated().to_string();
        Self {
            method,
            path,
            repeatable: *method == Method::GET || *method == Method::DELETE,
            // A GUID is always a header value.
            request_id: HeaderValue::try_from(id).unwrap_or(HeaderValue::from_static("")),
            token: Mutex::new(TokenState::Unsent),
        }
    }

    /// After Graph answered `401` (`claims`: its claims challenge): whether the call may
    /// be sent once more with a fresh token, which the next attempt then asks for. Only a
    /// call whose attempt carried a token, and only once.
    pub(super) fn refuse_token(&self, claims: Option<&str>) -> bool {
        let mut state = self.token.lock().unwrap_or_else(|e| e.into_inner());
        if *state != TokenState::Sent {
            return false;
        }
        *state = TokenState::Due(match claims {
            Some(claims) => Ask::Claims(claims.to_owned()),
            None => Ask::Refresh,
        });
        true
    }

    /// Whether an attempt of this call carried a fresh token after a `401`.
    pub(super) fn token_refreshed(&self) -> bool {
        *self.token.lock().unwrap_or_else(|e| e.into_inner()) == TokenState::Refreshed
    }

    /// What this attempt asks the token provider for.
    fn ask(&self) -> Ask {
        let mut state = self.token.lock().unwrap_or_else(|e| e.into_inner());
        match std::mem::replace(&mut *state, TokenState::Sent) {
            TokenState::Due(ask) => {
                *state = TokenState::Refreshed;
                ask
            }
            TokenState::Refreshed => {
                *state = TokenState::Refreshed;
                Ask::Current
            }
            TokenState::Unsent | TokenState::Sent => Ask::Current,
        }
    }

    /// The `client-request-id` every attempt carries.
    pub(super) fn id(&self) -> &str {
        self.request_id.to_str().unwrap_or_default()
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// One attempt of `call`, sending `outgoing`, every step in the order above.
    pub(super) async fn attempt(
        &self,
        call: &Call<'_>,
        attempt: u32,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        let started = Instant::now();
        let outcome = self.steps(call, started, outgoing).await;
        log::attempt(
            call,
            attempt,
            outcome.as_ref().map(http::Response::status),
            started.elapsed(),
        );
        outcome
    }

    async fn steps(
        &self,
        call: &Call<'_>,
        started: Instant,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        let (request, left) = self.prepare(call, started, outgoing).await?;
        self.transport.execute(request, left, self.timeout).await
    }

    /// Steps 1 to 4: the request as it is sent, and the time left for the exchange.
    pub(super) async fn prepare(
        &self,
        call: &Call<'_>,
        started: Instant,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<(http::Request<Vec<u8>>, std::time::Duration), ClientError> {
        let timeout = self.timeout;
        let token = token::fetch(&self.tokens, &call.ask(), timeout, timeout).await?;
        if self.check_permissions {
            outgoing.check_token(&token)?;
        }
        let mut request = outgoing.to_http(&self.endpoint, &token);
        drop(token);
        if !self.endpoint.holds(request.uri()) {
            return Err(ClientError::OutsideEndpoint {
                path: request.uri().path().chars().take(300).collect(),
            });
        }
        request
            .headers_mut()
            .insert(CLIENT_REQUEST_ID, call.request_id.clone());
        let left = timeout.saturating_sub(started.elapsed());
        if left.is_zero() {
            return Err(ClientError::Timeout(timeout));
        }
        Ok((request, left))
    }
}
