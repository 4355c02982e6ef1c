//! What is sent again, when, and how often: the policy, what each failure allows, and the
//! one budget every call (a request, a batch with its rounds, each page) spends.

use std::fmt;
use std::time::Duration;

use http::StatusCode;

use super::error::{ClientError, DownloadError};
use super::log;
use super::pipeline::Call;

/// How the client retries what is safe to send again: `429 Too Many Requests` and `503
/// Service Unavailable` (Graph says "not now, and nothing was done") for every request;
/// `504 Gateway Timeout`, timeouts and broken connections for `GET` and `DELETE` only.
///
/// It waits as long as `Retry-After` asks (in seconds, whole or fractional, or as an HTTP
/// date; or the error body's `retryAfter`), or else backs off exponentially from
/// [`base_delay`](Self::base_delay) with jitter; it stops after
/// [`max_attempts`](Self::max_attempts) attempts, or when the next wait would take the
/// total past [`max_total_delay`](Self::max_total_delay), and returns the last error. A
/// wait Graph asks for is never shortened: one past the budget gives up at once.
/// Nothing else is retried: a create or update that may have been carried out (a `504`,
/// whose gateway gave up waiting on a service that may have finished; a timeout; a broken
/// connection) is never sent again, and a redirect is never followed. Every attempt of
/// one request carries the same `client-request-id`, so Graph's logs can tie them
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

/// Why an attempt may be made again.
#[derive(Debug, Clone, Copy)]
pub(super) enum Retryable {
    /// Graph answered this status.
    Status(StatusCode),
    /// No complete response in time.
    Timeout,
    /// No response at all.
    Transport,
}

impl Retryable {
    /// Whether the attempt may have been carried out: anything but Graph's "not now".
    pub(super) fn maybe_done(self) -> bool {
        !matches!(self, Retryable::Status(status) if matches!(status.as_u16(), 429 | 503))
    }
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

/// A failed attempt: the error, whether it may be retried, and the wait Graph asked for.
pub(super) struct Failure {
    pub(super) error: ClientError,
    pub(super) why: Option<Retryable>,
    retry_after: Option<Duration>,
}

impl Failure {
    /// A failure that may be retried for `why`, whatever its error.
    pub(super) fn retryable(error: ClientError, why: Retryable) -> Self {
        Self {
            error,
            why: Some(why),
            retry_after: None,
        }
    }

    /// Classifies an error by what is safe: Graph's `429` and `503` for every request;
    /// `504`, timeouts and broken connections only where sending again does nothing twice
    /// (`repeatable`); nothing else (redirects, permissions, tokens, bodies, other
    /// statuses).
    pub(super) fn new(error: ClientError, repeatable: bool) -> Self {
        let (why, retry_after) = match &error {
            ClientError::Graph(graph) => {
                let status = graph.status();
                let retryable = matches!(status.as_u16(), 429 | 503)
                    || (repeatable && status == StatusCode::GATEWAY_TIMEOUT);
                (
                    retryable.then_some(Retryable::Status(status)),
                    graph.retry_after(),
                )
            }
            ClientError::Timeout(_)
            | ClientError::ContentHost {
                reason: DownloadError::Stalled(_),
                ..
            } => (repeatable.then_some(Retryable::Timeout), None),
            ClientError::ContentHost {
                reason: DownloadError::Connection(_),
                ..
            } => (repeatable.then_some(Retryable::Transport), None),
            // A request reqwest cannot build fails the same way every time.
            ClientError::Transport(transport) if !transport.is_builder() => {
                (repeatable.then_some(Retryable::Transport), None)
            }
            _ => (None, None),
        };
        Self {
            error,
            why,
            retry_after,
        }
    }
}

/// The attempts and waiting one call may still spend under the policy.
pub(super) struct Budget<'a> {
    policy: &'a RetryPolicy,
    attempts: u32,
    /// Attempts that do not count against the policy (the one after a `401`).
    free: u32,
    waited: Duration,
}

impl<'a> Budget<'a> {
    pub(super) fn new(policy: &'a RetryPolicy) -> Self {
        Self {
            policy,
            attempts: 0,
            free: 0,
            waited: Duration::ZERO,
        }
    }

    /// Counts an attempt about to be made, and gives its number (1 for the first).
    pub(super) fn attempt(&mut self) -> u32 {
        self.attempts += 1;
        self.attempts
    }

    /// The wait before another attempt, spent from the budget: `retry_after` as asked,
    /// else a backoff; `None` when the attempts are spent or the wait would take the total
    /// past the policy's (a wait asked for is never shortened).
    pub(super) fn grant(&mut self, retry_after: Option<Duration>) -> Option<Duration> {
        if self.attempts - self.free >= self.policy.max_attempts {
            return None;
        }
        let wait = retry_after.unwrap_or_else(|| self.policy.backoff(self.attempts));
        let total = self.waited.checked_add(wait)?;
        if total > self.policy.max_total_delay {
            return None;
        }
        self.waited = total;
        Some(wait)
    }

    /// After a failed attempt of `call`: waits and returns `Ok` where the failure may be
    /// retried within the budget, else gives the error back.
    pub(super) async fn retry(
        &mut self,
        call: &Call<'_>,
        failure: Failure,
    ) -> Result<(), ClientError> {
        // A refused token (`401`: Graph did nothing) gets one fresh token, whatever the
        // method and the policy, at once.
        let mut failure = failure;
        if let ClientError::Graph(graph) = failure.error {
            if graph.status() != StatusCode::UNAUTHORIZED {
                failure.error = ClientError::Graph(graph);
            } else if call.refuse_token(graph.claims_challenge()) {
                log::token_refused(call, self.attempts, graph.claims_challenge().is_some());
                self.free += 1;
                return Ok(());
            } else if call.token_refreshed() {
                return Err(ClientError::Graph(graph.refused_fresh_token()));
            } else {
                failure.error = ClientError::Graph(graph);
            }
        }
        let Some(why) = failure.why else {
            return Err(failure.error);
        };
        match self.grant(failure.retry_after) {
            Some(wait) => {
                log::retried(call, why, wait, self.attempts);
                tokio::time::sleep(wait).await;
                Ok(())
            }
            None => {
                log::given_up(call, why, self.attempts, self.waited);
                Err(failure.error)
            }
        }
    }

    pub(super) async fn sleep(wait: Duration) {
        tokio::time::sleep(wait).await;
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

    #[test]
    fn one_budget_counts_every_attempt_and_every_wait() {
        let policy = RetryPolicy {
            max_attempts: 3,
            max_total_delay: Duration::from_secs(10),
            ..RetryPolicy::default()
        };
        let mut budget = Budget::new(&policy);
        budget.attempt();
        assert_eq!(
            budget.grant(Some(Duration::from_secs(4))),
            Some(Duration::from_secs(4))
        );
        budget.attempt();
        // 4 s + 7 s is past the 10 s in all: given up, not shortened.
        assert_eq!(budget.grant(Some(Duration::from_secs(7))), None);
        assert_eq!(
            budget.grant(Some(Duration::from_secs(6))),
            Some(Duration::from_secs(6))
        );
        budget.attempt();
        assert_eq!(
            budget.grant(Some(Duration::ZERO)),
            None,
            "three attempts made"
        );
        let mut fresh = Budget::new(&policy);
        fresh.attempt();
        assert_eq!(fresh.grant(Some(Duration::MAX)), None);
    }
}
