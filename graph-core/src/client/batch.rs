//! Sending a batch: the whole batch as one `POST`, then its throttled steps again, all
//! within one retry budget.

use std::borrow::Cow;

use http::Method;

use super::error::ClientError;
use super::log;
use super::pipeline::Call;
use super::retry::{Budget, Failure};
use super::token::TokenProvider;
use super::GraphClient;
use crate::{Batch, BatchResponse};

impl<P: TokenProvider> GraphClient<P> {
    /// Sends a [`Batch`] and returns its answer, each step's to be taken in its own type
    /// with [`BatchResponse::take`].
    ///
    /// The batch as a whole is retried like any `POST` (`429` and `503` only). Inside a
    /// `200` batch, Graph does not retry the steps it throttled: they come back `429` (or
    /// `503`) with their own `Retry-After`. Those steps alone, with every step that depends
    /// on them (answered `424`), are sent again as a smaller batch after the longest wait
    /// they ask for, and their new answers replace the old. Every `POST` and every wait,
    /// of the whole batch and of each smaller one, comes out of one [`RetryPolicy`]
    /// budget (`max_attempts` sends and `max_total_delay` of waiting in all). Steps still
    /// throttled when the policy runs out keep their `429`, which `take` gives as the
    /// step's error; where a smaller batch fails as a whole, the answers already had are
    /// returned as they were, so a step that succeeded (a create) is never lost. The token
    /// is checked against each step's declared permissions first, as for any request.
    ///
    /// Each answer is checked as a whole before anything is taken from it (see
    /// [`Batch::parse_response`]): a step id the batch never gave, or one answered twice,
    /// is an error, and what is resent is worked out from the batch's own steps only.
    ///
    /// [`RetryPolicy`]: super::RetryPolicy
    ///
    /// # Errors
    ///
    /// See [`ClientError`]: the batch as a whole failed, or a step's permissions.
    pub async fn send_batch(&self, batch: &Batch) -> Result<BatchResponse, ClientError> {
        let call = Call::new(&Method::POST, "/$batch");
        let mut budget = Budget::new(&self.retry);
        let mut answered: Option<BatchResponse> = None;
        let mut pending = Cow::Borrowed(batch);
        loop {
            let attempt = budget.attempt();
            let outcome = self
                .attempt(&call, attempt, &*pending)
                .await
                .and_then(|response| Ok(pending.parse_response(response)?));
            let answer = match outcome {
                Ok(answer) => answer,
                Err(error) => match budget.retry(&call, Failure::new(error, false)).await {
                    Ok(()) => continue,
                    Err(error) => {
                        let Some(earlier) = answered else {
                            return Err(error);
                        };
                        let (throttled, _) = batch.throttled(&earlier);
                        log::steps_kept(&call, &throttled, &error);
                        return Ok(self.finish(&call, batch, earlier).await);
                    }
                },
            };
            let response = match answered.take() {
                Some(mut earlier) => {
                    earlier.merge(answer);
                    earlier
                }
                None => answer,
            };
            let (throttled, wait) = batch.throttled(&response);
            if throttled.is_empty() {
                return Ok(self.finish(&call, batch, response).await);
            }
            let Some(wait) = budget.grant(wait) else {
                log::steps_kept(&call, &throttled, &"the retry policy is spent");
                return Ok(self.finish(&call, batch, response).await);
            };
            answered = Some(response);
            let resent = batch.dependents(&throttled);
            log::steps_resent(&call, &throttled, &resent, wait);
            Budget::sleep(wait).await;
            pending = Cow::Owned(batch.subset(&resent));
        }
    }

    /// The answer as returned: content steps Graph answered with a redirect followed.
    async fn finish(
        &self,
        call: &Call<'_>,
        batch: &Batch,
        mut response: BatchResponse,
    ) -> BatchResponse {
        self.follow_batch_redirects(call, batch, &mut response)
            .await;
        response
    }
}
