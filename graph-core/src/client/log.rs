//! The client's `tracing` events: one place that decides what a log line may carry (never
//! a token, a body or a query's values).

use std::fmt;
use std::time::Duration;

use super::error::ClientError;
use super::pipeline::Call;
use super::retry::Retryable;

/// The target of the client's events.
const TARGET: &str = "graph_core::client";

/// A request's path for logs: the query's option names, never their values, which can
/// hold names, mail addresses and search terms (`/users?$filter&$top`).
pub(super) struct LoggedPath<'a>(pub(super) &'a str);

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

/// One attempt's outcome: `DEBUG`, or `WARN` where nothing was sent for want of a
/// permission.
pub(super) fn attempt(
    call: &Call<'_>,
    attempt: u32,
    outcome: Result<http::StatusCode, &ClientError>,
    elapsed: Duration,
) {
    match outcome {
        Ok(status) => tracing::debug!(
            target: TARGET,
            method = %call.method,
            path = %LoggedPath(call.path),
            status = status.as_u16(),
            client_request_id = call.id(),
            elapsed_ms = elapsed.as_millis(),
            attempt,
            "graph request"
        ),
        Err(error @ ClientError::Permission(_)) => tracing::warn!(
            target: TARGET,
            method = %call.method,
            path = %LoggedPath(call.path),
            error = %error,
            "graph request not sent: the token lacks a permission it needs"
        ),
        Err(error) => tracing::debug!(
            target: TARGET,
            method = %call.method,
            path = %LoggedPath(call.path),
            error = %error,
            client_request_id = call.id(),
            elapsed_ms = elapsed.as_millis(),
            attempt,
            "graph request failed"
        ),
    }
}

/// A retry, why, and how long it waits first: `INFO`.
pub(super) fn retried(call: &Call<'_>, why: Retryable, wait: Duration, attempt: u32) {
    tracing::info!(
        target: TARGET,
        method = %call.method,
        path = %LoggedPath(call.path),
        reason = %why,
        client_request_id = call.id(),
        wait_ms = wait.as_millis(),
        attempt,
        "graph request retried"
    );
}

/// A `401` answered with a fresh token (for a claims challenge, one that satisfies its
/// claims, which are not logged): `INFO`.
pub(super) fn token_refused(call: &Call<'_>, attempt: u32, claims: bool) {
    tracing::info!(
        target: TARGET,
        method = %call.method,
        path = %LoggedPath(call.path),
        client_request_id = call.id(),
        attempt,
        claims_challenge = claims,
        "graph token refused (401), sent again with a fresh token"
    );
}

/// Retrying given up, the policy spent: `WARN`.
pub(super) fn given_up(call: &Call<'_>, why: Retryable, attempts: u32, waited: Duration) {
    tracing::warn!(
        target: TARGET,
        method = %call.method,
        path = %LoggedPath(call.path),
        reason = %why,
        client_request_id = call.id(),
        attempts,
        waited_ms = waited.as_millis(),
        "graph request given up"
    );
}

/// A content request redirected, and where (the host only: a pre-authenticated URL's path
/// and query can hold its signature): `DEBUG`.
pub(super) fn redirected(call: &Call<'_>, status: http::StatusCode, to: &reqwest::Url) {
    tracing::debug!(
        target: TARGET,
        path = %LoggedPath(call.path),
        status = status.as_u16(),
        to = to.host_str().unwrap_or_default(),
        client_request_id = call.id(),
        "graph content redirected"
    );
}

/// A batch's content step whose redirect could not be followed: `WARN`.
pub(super) fn step_not_followed(call: &Call<'_>, step: usize, why: &ClientError) {
    tracing::warn!(
        target: TARGET,
        client_request_id = call.id(),
        step,
        error = %why,
        "graph batch content step's redirect not followed"
    );
}

/// A delete answered `404` after an attempt that may have done it: `INFO`.
pub(super) fn deleted_before(call: &Call<'_>, attempt: u32) {
    tracing::info!(
        target: TARGET,
        path = %LoggedPath(call.path),
        client_request_id = call.id(),
        attempt,
        "graph delete answered 404 after an attempt that may have done it: deleted"
    );
}

/// A batch's throttled steps resent, with those that depend on them: `INFO`.
pub(super) fn steps_resent(call: &Call<'_>, throttled: &[usize], resent: &[usize], wait: Duration) {
    tracing::info!(
        target: TARGET,
        client_request_id = call.id(),
        throttled = ?throttled,
        resent = ?resent,
        wait_ms = wait.as_millis(),
        "graph batch steps resent"
    );
}

/// A batch returned with steps still throttled, or with a later round that failed: `WARN`.
pub(super) fn steps_kept(call: &Call<'_>, throttled: &[usize], why: &dyn fmt::Display) {
    tracing::warn!(
        target: TARGET,
        client_request_id = call.id(),
        steps = ?throttled,
        why = %why,
        "graph batch returned with steps still throttled"
    );
}
