//! Upload sessions through the client: the session created, then the content sent slice by
//! slice to its pre-authenticated upload URL, never with the token, each slice read once
//! from the source and sent again only under the retry policy, the session's status
//! deciding where to go on after a failure.

use std::time::Instant;

use http::header::{HeaderValue, CONTENT_LENGTH, CONTENT_RANGE, USER_AGENT};
use http::{HeaderMap, Method, StatusCode};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeek, AsyncSeekExt};

use super::error::ClientError;
use super::pipeline::Call;
use super::retry::{Budget, Failure, Retryable};
use super::token::TokenProvider;
use super::transport::location_without_query;
use super::GraphClient;
use crate::resource::GraphType;
use crate::upload::{slice_size, slices, SliceSizeError, UploadSession, UploadSessionRequest};
use crate::GraphError;

/// The largest slice Outlook takes for an attachment (up to 4 MB each, its page says):
/// 12 × 320 KiB.
const ATTACHMENT_SLICE: u64 = 12 * crate::upload::SLICE_UNIT;

/// How many times in a row the session's status may send the upload back without any
/// range moving on, before it is an error rather than a loop.
const MAX_STALLED_ROUNDS: usize = 3;

/// What the last slice's answer reads as: `()` where it has no body (Outlook attachments
/// answer `201` with a `Location`), or a Graph type (the drive item) from a `200` or `201`.
/// Implemented for `()` and every Graph type; there is nothing to implement.
pub trait UploadAnswer: Sized {
    /// Reads the last slice's answer.
    #[doc(hidden)]
    fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, GraphError>;
}

impl UploadAnswer for () {
    fn __read(_: StatusCode, _: &HeaderMap, _: &[u8]) -> Result<(), GraphError> {
        Ok(())
    }
}

impl<T: GraphType> UploadAnswer for T {
    fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        crate::response::read_body(status, headers, body, T::__NAME)
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// Sets the size of the slices [`upload`](Self::upload) sends: a multiple of 320 KiB
    /// below 60 MiB, as Graph requires (default 10 MiB).
    ///
    /// # Errors
    ///
    /// Any other size, saying what would do.
    pub fn with_upload_slice(mut self, bytes: u64) -> Result<Self, SliceSizeError> {
        self.upload_slice = slice_size(bytes)?;
        Ok(self)
    }

    /// Calls `progress` after each slice Graph takes, with the bytes it holds so far and the
    /// whole length (an upload resumed counts from what Graph already held). It runs on the
    /// task that uploads: keep it short (send to a channel, set a progress bar).
    #[must_use]
    pub fn with_upload_progress(
        mut self,
        progress: impl Fn(UploadProgress) + Send + Sync + 'static,
    ) -> Self {
        self.upload_progress = Some(std::sync::Arc::new(progress));
        self
    }

    /// Creates the upload session `request` asks for and sends `length` bytes of `source`
    /// to it: see [`resume_upload`](Self::resume_upload) for how the slices go. `T` is what
    /// the last answer reads as (the drive item), or `()`.
    ///
    /// The session it creates is not returned: to resume or cancel after a failure (in
    /// this process or another), create it yourself with [`send`](Self::send), store it,
    /// and give it to [`resume_upload`](Self::resume_upload), as the `upload_file` example
    /// does.
    ///
    /// # Errors
    ///
    /// [`ClientError::EmptyUpload`] for a length of zero, before any session is created;
    /// the session could not be created (as [`send`](Self::send)); as
    /// [`resume_upload`](Self::resume_upload).
    pub async fn upload<T, R>(
        &self,
        request: &UploadSessionRequest,
        source: R,
        length: u64,
    ) -> Result<T, ClientError>
    where
        T: UploadAnswer,
        R: AsyncRead + AsyncSeek + Unpin,
    {
        if length == 0 {
            return Err(ClientError::EmptyUpload);
        }
        let session = self.send(request).await?;
        let attachment = request.path().contains("/attachments/");
        self.send_slices(&session, source, length, attachment).await
    }

    /// Sends what `session` still expects of `length` bytes of `source`, after asking the
    /// session's status (a `GET` of its upload URL): the way to go on with a session
    /// stored by an earlier process.
    ///
    /// Each slice is a `PUT` of `Content-Range: bytes {first}-{last}/{length}` to the
    /// upload URL, which must be `https` (plain `http` only from a loopback endpoint to a
    /// loopback address), **without** the `Authorization` header: the URL authorizes
    /// itself. A slice is read once from `source` (seeking only where Graph asks for a
    /// range again) and held until it is answered; one that fails (`5xx`, a timeout, a
    /// broken connection) is sent again under the retry policy (a range `PUT` is
    /// idempotent); after that, and where Graph answers `416`, the session's status says
    /// which ranges it still expects and the upload goes on from there.
    ///
    /// The source must seek (a file, a `Cursor`): a range Graph asks for again is read
    /// again from it. Outlook takes attachment slices of at most 4 MB: for an attachment's
    /// session (its upload URL names `AttachmentSessions`, or its request
    /// `/attachments/`), slices are held to 3.75 MiB (12 × 320 KiB) whatever
    /// [`with_upload_slice`](Self::with_upload_slice) says. A stored session holds its
    /// upload URL, which authorizes whoever has it: store it as you would a token.
    ///
    /// # Errors
    ///
    /// [`ClientError::UploadSessionGone`] where Graph no longer knows the session (`404`:
    /// it expired or was cancelled); [`ClientError::ShortSource`] where `source` ends
    /// before `length` (nothing short is ever sent as the whole), [`ClientError::Source`]
    /// where it fails; [`ClientError::EmptyUpload`] for a length of zero;
    /// [`ClientError::InsecureUploadUrl`] for an upload URL that is not `https` (plain
    /// `http` only from a loopback endpoint to a loopback address);
    /// [`ClientError::UploadRanges`] for ranges that do not read or never move on; Graph's
    /// error for any other answer; the last failure where retries ran out.
    pub async fn resume_upload<T, R>(
        &self,
        session: &UploadSession,
        source: R,
        length: u64,
    ) -> Result<T, ClientError>
    where
        T: UploadAnswer,
        R: AsyncRead + AsyncSeek + Unpin,
    {
        if length == 0 {
            return Err(ClientError::EmptyUpload);
        }
        let url = self.upload_url(session)?;
        let status = self.session_status(&url).await?;
        self.send_slices(&session.updated(status), source, length, false)
            .await
    }

    /// Cancels `session`: a `DELETE` of its upload URL, without the token. A session Graph
    /// no longer knows is cancelled already.
    ///
    /// # Errors
    ///
    /// [`ClientError::InsecureUploadUrl`] for an upload URL that is not `https` (plain
    /// `http` only from a loopback endpoint to a loopback address), or Graph's error.
    pub async fn cancel_upload(&self, session: &UploadSession) -> Result<(), ClientError> {
        let url = self.upload_url(session)?;
        let response = self.to_upload_url(Method::DELETE, &url, None).await?;
        match response.status() {
            status if status.is_success() || status == StatusCode::NOT_FOUND => Ok(()),
            status => Err(ClientError::Graph(crate::response::unexpected(
                status,
                response.headers(),
                response.body(),
                "204 No Content",
            ))),
        }
    }

    /// The session's upload URL, where it may be sent to.
    fn upload_url(&self, session: &UploadSession) -> Result<reqwest::Url, ClientError> {
        let refused = |url: &str| ClientError::InsecureUploadUrl {
            url: location_without_query(url.as_bytes()),
        };
        let text = session.upload_url().unwrap_or_default();
        let url = reqwest::Url::parse(text).map_err(|_| refused(text))?;
        if self.endpoint.reaches_outside(url.scheme(), url.host_str()) {
            Ok(url)
        } else {
            Err(refused(text))
        }
    }

    /// The session's status: a `GET` of its upload URL, retried as any `GET`.
    async fn session_status(&self, url: &reqwest::Url) -> Result<UploadSession, ClientError> {
        let call = Call::new(&Method::GET, "(upload URL)");
        let mut budget = Budget::new(&self.retry);
        loop {
            budget.attempt();
            let failure = match self.to_upload_url(Method::GET, url, None).await {
                Ok(response) if response.status() == StatusCode::NOT_FOUND => {
                    return Err(ClientError::UploadSessionGone)
                }
                Ok(response) if response.status().is_success() => {
                    return crate::response::read_body(
                        response.status(),
                        response.headers(),
                        response.body(),
                        "an upload session's status",
                    )
                    .map_err(ClientError::Graph);
                }
                Ok(response) => Failure::new(
                    ClientError::Graph(crate::response::unexpected(
                        response.status(),
                        response.headers(),
                        response.body(),
                        "200 OK with the session's status",
                    )),
                    true,
                ),
                Err(error) => Failure::new(error, true),
            };
            budget.retry(&call, failure).await?;
        }
    }

    /// Sends the slices `session` expects, going on from its status after a failure.
    async fn send_slices<T, R>(
        &self,
        session: &UploadSession,
        mut source: R,
        length: u64,
        attachment: bool,
    ) -> Result<T, ClientError>
    where
        T: UploadAnswer,
        R: AsyncRead + AsyncSeek + Unpin,
    {
        let url = self.upload_url(session)?;
        let slice = if attachment || url.path().contains("AttachmentSessions") {
            self.upload_slice.min(ATTACHMENT_SLICE)
        } else {
            self.upload_slice
        };
        let mut expected = session
            .expected_ranges()
            .map_err(|error| ClientError::UploadRanges(error.to_string()))?;
        // What Graph holds: what it does not expect.
        let mut held = length.saturating_sub(
            slices(length, u64::MAX, &expected)
                .map(|slice| slice.len())
                .sum::<u64>(),
        );
        let mut position: Option<u64> = None;
        let mut stalled = 0;
        loop {
            let plan: Vec<_> = slices(length, slice, &expected).collect();
            if plan.is_empty() {
                // Graph expects nothing more, yet gave no final answer: its status has it.
                return Err(ClientError::UploadRanges(
                    "the session expects no more bytes but the upload has no final answer"
                        .to_owned(),
                ));
            }
            let mut gone_on = false;
            for slice in plan {
                if position != Some(slice.first) {
                    source
                        .seek(std::io::SeekFrom::Start(slice.first))
                        .await
                        .map_err(ClientError::Source)?;
                }
                let size = usize::try_from(slice.len()).unwrap_or(usize::MAX);
                let mut bytes = Vec::with_capacity(size);
                (&mut source)
                    .take(slice.len())
                    .read_to_end(&mut bytes)
                    .await
                    .map_err(ClientError::Source)?;
                if bytes.len() < size {
                    return Err(ClientError::ShortSource {
                        length,
                        read: slice.first + bytes.len() as u64,
                    });
                }
                position = Some(slice.last + 1);
                let bytes = bytes::Bytes::from(bytes);
                let answer = self.put_slice(&url, &bytes, slice.content_range()).await?;
                if !matches!(answer, SliceAnswer::Lost) {
                    held = (held + slice.len()).min(length);
                    tracing::debug!(
                        target: "graph_core::client",
                        sent = held,
                        total = length,
                        "graph upload progress"
                    );
                    if let Some(progress) = &self.upload_progress {
                        progress(UploadProgress {
                            sent: held,
                            total: length,
                        });
                    }
                }
                match answer {
                    SliceAnswer::Accepted => gone_on = true,
                    SliceAnswer::Done(status, headers, body) => {
                        return T::__read(status, &headers, &body).map_err(ClientError::Graph);
                    }
                    SliceAnswer::Lost => break,
                }
            }
            // A slice was lost, or every slice went without a final answer: the session's
            // status says what it still expects.
            let status = self.session_status(&url).await?;
            let next = status
                .expected_ranges()
                .map_err(|error| ClientError::UploadRanges(error.to_string()))?;
            stalled = if gone_on || next != expected {
                0
            } else {
                stalled + 1
            };
            if stalled >= MAX_STALLED_ROUNDS {
                return Err(ClientError::UploadRanges(format!(
                    "the session went on expecting {:?} after {MAX_STALLED_ROUNDS} rounds",
                    status.next_expected_ranges()
                )));
            }
            held = length.saturating_sub(
                slices(length, u64::MAX, &next)
                    .map(|slice| slice.len())
                    .sum::<u64>(),
            );
            expected = next;
        }
    }

    /// One slice, sent again under the retry policy where it failed.
    async fn put_slice(
        &self,
        url: &reqwest::Url,
        bytes: &bytes::Bytes,
        range: String,
    ) -> Result<SliceAnswer, ClientError> {
        let call = Call::new(&Method::PUT, "(upload URL)");
        let mut budget = Budget::new(&self.retry);
        let started = Instant::now();
        loop {
            let attempt = budget.attempt();
            let sent = self
                .to_upload_url(Method::PUT, url, Some((bytes.clone(), &range)))
                .await;
            tracing::debug!(
                target: "graph_core::client",
                range = %range,
                attempt,
                status = sent.as_ref().map(|response| response.status().as_u16()).ok(),
                elapsed_ms = started.elapsed().as_millis(),
                "graph upload slice"
            );
            let failure = match sent {
                Ok(response) => match response.status() {
                    StatusCode::ACCEPTED => return Ok(SliceAnswer::Accepted),
                    StatusCode::OK | StatusCode::CREATED => {
                        let (parts, body) = response.into_parts();
                        return Ok(SliceAnswer::Done(parts.status, parts.headers, body));
                    }
                    StatusCode::NOT_FOUND => return Err(ClientError::UploadSessionGone),
                    StatusCode::RANGE_NOT_SATISFIABLE => return Ok(SliceAnswer::Lost),
                    // Every `5xx` (a range `PUT` is idempotent, and Microsoft's pages say to
                    // go on after any) and `429`.
                    status
                        if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS =>
                    {
                        Failure::retryable(
                            ClientError::Graph(crate::response::unexpected(
                                status,
                                response.headers(),
                                response.body(),
                                "202 Accepted",
                            )),
                            Retryable::Status(status),
                        )
                    }
                    status => {
                        return Err(ClientError::Graph(crate::response::unexpected(
                            status,
                            response.headers(),
                            response.body(),
                            "202 Accepted, or the item after the last slice",
                        )))
                    }
                },
                Err(error) => Failure::new(error, true),
            };
            // A range `PUT` is idempotent: sent again as a `GET` would be; once retries
            // run out, the session's status decides.
            if failure.why.is_none() {
                return Err(failure.error);
            }
            if budget.retry(&call, failure).await.is_err() {
                return Ok(SliceAnswer::Lost);
            }
        }
    }

    /// One exchange with the upload URL: never the token, nor the request id.
    async fn to_upload_url(
        &self,
        method: Method,
        url: &reqwest::Url,
        slice: Option<(bytes::Bytes, &str)>,
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        let mut request = reqwest::Request::new(method, url.clone());
        request.headers_mut().insert(
            USER_AGENT,
            HeaderValue::from_static(crate::request::USER_AGENT),
        );
        if let Some((bytes, range)) = slice {
            let headers = request.headers_mut();
            if let Ok(value) = HeaderValue::try_from(range) {
                headers.insert(CONTENT_RANGE, value);
            }
            headers.insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            *request.body_mut() = Some(reqwest::Body::from(bytes));
        }
        let response = self
            .transport
            .open(request, self.timeout, self.timeout)
            .await?;
        self.transport
            .read(response, Some(self.timeout), self.timeout)
            .await
    }
}

/// How far an upload is, as [`GraphClient::with_upload_progress`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadProgress {
    /// The bytes Graph holds.
    pub sent: u64,
    /// The whole length.
    pub total: u64,
}

/// What a slice's answer means for the upload.
enum SliceAnswer {
    /// `202 Accepted`: on to the next slice.
    Accepted,
    /// The last slice's answer.
    Done(StatusCode, HeaderMap, Vec<u8>),
    /// Graph did not take it (`416`), or retries ran out: its status decides.
    Lost,
}
