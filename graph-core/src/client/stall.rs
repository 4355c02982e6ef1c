//! A stall timeout for a body read chunk by chunk: each chunk must come within the timeout
//! of the one before, however long the whole takes. One timer serves the whole body and is
//! re-armed only when it fires, so a chunk costs a clock read rather than a timer.

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;
use std::time::Duration;

use tokio::time::{Instant, Sleep};

pub(super) struct Stall {
    timeout: Duration,
    /// When the current step began.
    last: Instant,
    timer: Pin<Box<Sleep>>,
}

impl Stall {
    pub(super) fn new(timeout: Duration) -> Self {
        Self {
            timeout,
            last: Instant::now(),
            timer: Box::pin(tokio::time::sleep(timeout)),
        }
    }

    /// `step`'s output, or `None` where nothing came for the timeout since the last step
    /// that did.
    pub(super) async fn within<T>(&mut self, step: impl Future<Output = T>) -> Option<T> {
        // The time between steps (writing a chunk out) is not the stream's to account for.
        self.last = Instant::now();
        let mut step = std::pin::pin!(step);
        let output = std::future::poll_fn(|cx| {
            if let Poll::Ready(output) = step.as_mut().poll(cx) {
                return Poll::Ready(Some(output));
            }
            while self.timer.as_mut().poll(cx).is_ready() {
                let deadline = self.last + self.timeout;
                if deadline <= Instant::now() {
                    return Poll::Ready(None);
                }
                // Progress since the timer was set: wait out the rest from the last chunk.
                self.timer.as_mut().reset(deadline);
            }
            Poll::Pending
        })
        .await;
        output
    }
}
