//! Content requests through the client: Graph's answer, then each redirect to a
//! pre-authenticated URL followed without the token, then the body, read whole within the
//! body limit (`send`) or streamed to a writer (`download`), each chunk within the client's
//! timeout.

use std::time::Instant;

use http::header::{HeaderValue, LOCATION, USER_AGENT};
use http::{Method, StatusCode};
use tokio::io::{AsyncWrite, AsyncWriteExt};

use super::error::{ClientError, DownloadError};
use super::pipeline::{Call, Outgoing};
use super::retry::{Budget, Failure, Retryable};
use super::stall::Stall;
use super::token::TokenProvider;
use super::transport::location_without_query;
use super::{log, GraphClient};
use crate::request::ContentRequest;

/// How many redirects a content request follows.
const MAX_REDIRECTS: usize = 5;

/// What a content `GET` opened to.
pub(super) enum Opened {
    /// `200 OK`, its body not yet read, with the host Graph redirected to where it did.
    Body(reqwest::Response, Option<String>),
    /// Any other answer, read whole within the body limit.
    Answer(http::Response<Vec<u8>>),
}

impl Opened {
    fn status(&self) -> StatusCode {
        match self {
            Opened::Body(response, _) => response.status(),
            Opened::Answer(response) => response.status(),
        }
    }
}

/// What [`GraphClient::download`] wrote: the content's type, as the answer's
/// `Content-Type` says it, and how many bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    content_type: Option<String>,
    len: u64,
}

impl Download {
    /// The type of the content (`image/jpeg`, `application/pdf`).
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// How many bytes were written.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the content was empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<P: TokenProvider> GraphClient<P> {
    /// Streams the content `request` reads into `writer` (a file, a socket, a `Vec<u8>`),
    /// with memory that does not grow with its size, and says its type and length.
    ///
    /// Graph answers most content reads with `302 Found` to a pre-authenticated URL on
    /// another host: it is followed (up to five redirects) without the `Authorization`
    /// header, to any `https` host, and never to plain `http` unless the endpoint is a
    /// plain-`http` test server on loopback and the redirect points to loopback too. The
    /// answer's head comes within the client's timeout; after that, each chunk must come
    /// within it too, so a stalled download is an error and a long one is not. There is no
    /// size limit unless [`with_max_download`](Self::with_max_download) sets one.
    ///
    /// Until the first byte is written, failures are retried as for any `GET`; after it, a
    /// failure is [`ClientError::Download`], which says how many bytes were written (and
    /// flushed): what the writer holds is then incomplete, never a silently short file.
    /// Delete or truncate it; a download is not resumed where it stopped.
    ///
    /// ```no_run
    /// # async fn run(client: graph_core::client::GraphClient<graph_core::AccessToken>) -> Result<(), Box<dyn std::error::Error>> {
    /// use graph_core::ContentRequest;
    ///
    /// let request = ContentRequest::get("/drives/{drive-id}/items/{item-id}/content", &["b!x", "01ABC"])?;
    /// let mut file = Vec::new(); // or a tokio::fs::File
    /// let written = client.download(&request, &mut file).await?;
    /// println!("{} bytes of {:?}", written.len(), written.content_type());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send), and [`ClientError::Download`] for a download stopped part
    /// way, [`ClientError::InsecureRedirect`] and [`ClientError::TooManyRedirects`].
    pub async fn download<W: AsyncWrite + Unpin>(
        &self,
        request: &ContentRequest,
        mut writer: W,
    ) -> Result<Download, ClientError> {
        let call = Call::new(request.method(), request.path());
        let mut budget = Budget::new(&self.retry);
        loop {
            let attempt = budget.attempt();
            let failure = match self.open_content(&call, attempt, request).await {
                Ok(Opened::Body(response, _)) => match self.stream(response, &mut writer).await {
                    Ok(written) => return Ok(written),
                    // Nothing written yet: tried again as any `GET` would be.
                    Err(ClientError::Download {
                        written: 0,
                        reason: reason @ (DownloadError::Stalled(_) | DownloadError::Connection(_)),
                    }) => {
                        let why = if matches!(reason, DownloadError::Stalled(_)) {
                            Retryable::Timeout
                        } else {
                            Retryable::Transport
                        };
                        Failure::retryable(stopped(0, reason), why)
                    }
                    Err(error) => {
                        // What was written reaches the writer's destination, so it holds
                        // what the error says.
                        let _ = writer.flush().await;
                        return Err(error);
                    }
                },
                Ok(Opened::Answer(answer)) => match request.parse_response(answer) {
                    // Only a `200` reads as content, and a `200` is a body to stream.
                    Ok(content) => {
                        writer
                            .write_all(content.bytes())
                            .await
                            .map_err(|error| stopped(0, DownloadError::Write(error)))?;
                        return Ok(Download {
                            len: content.len() as u64,
                            content_type: content.content_type().map(str::to_owned),
                        });
                    }
                    Err(error) => Failure::new(ClientError::Graph(error), true),
                },
                Err(error) => Failure::new(error, true),
            };
            budget.retry(&call, failure).await?;
        }
    }

    /// Sets the largest content [`download`](Self::download) writes, in bytes (by
    /// default there is none): a larger one ends in [`ClientError::Download`], before
    /// anything is written where its `Content-Length` says so.
    #[must_use]
    pub fn with_max_download(mut self, bytes: u64) -> Self {
        self.max_download = Some(bytes);
        self
    }

    /// One attempt of a content `GET`, followed through its redirects: the answer whole
    /// (within the body limit, each chunk within the timeout), for `send`.
    pub(super) async fn fetch_content(
        &self,
        call: &Call<'_>,
        attempt: u32,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        match self.open_content(call, attempt, outgoing).await? {
            Opened::Answer(answer) => Ok(answer),
            Opened::Body(response, host) => self
                .transport
                .read(response, Some(self.timeout), self.timeout)
                .await
                .map_err(|error| at_host(host, error)),
        }
    }

    /// One attempt of a content `GET`: Graph's answer, and each redirect it leads to.
    async fn open_content(
        &self,
        call: &Call<'_>,
        attempt: u32,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<Opened, ClientError> {
        let started = Instant::now();
        let outcome = self.open_steps(call, started, outgoing).await;
        log::attempt(
            call,
            attempt,
            outcome.as_ref().map(Opened::status),
            started.elapsed(),
        );
        outcome
    }

    async fn open_steps(
        &self,
        call: &Call<'_>,
        started: Instant,
        outgoing: &(impl Outgoing + ?Sized),
    ) -> Result<Opened, ClientError> {
        let timeout = self.timeout;
        let (request, left) = self.prepare(call, started, outgoing).await?;
        let request = reqwest::Request::try_from(request)
            .map_err(|error| ClientError::Transport(error.without_url()))?;
        let response = self.transport.open(request, left, timeout).await?;
        let (response, redirected) = self.follow(call, response, 0).await?;
        let host = redirected.then(|| host_of(response.url()));
        if response.status() == StatusCode::OK {
            return Ok(Opened::Body(response, host));
        }
        let answer = self
            .transport
            .read(response, Some(timeout), timeout)
            .await
            .map_err(|error| at_host(host, error))?;
        Ok(Opened::Answer(answer))
    }

    /// `response`'s redirects followed, each without the token: the last answer, and
    /// whether it came from a redirect.
    async fn follow(
        &self,
        call: &Call<'_>,
        mut response: reqwest::Response,
        mut redirects: usize,
    ) -> Result<(reqwest::Response, bool), ClientError> {
        while is_followed(response.status()) {
            let Some(location) = response.headers().get(LOCATION).cloned() else {
                break;
            };
            response = self
                .hop(
                    call,
                    response.url(),
                    &location,
                    response.status(),
                    redirects,
                )
                .await?;
            redirects += 1;
        }
        Ok((response, redirects > 0))
    }

    /// One redirect from `from` to `location` (the `redirects`-th before it), followed
    /// without the token: a new request, with neither the token nor the request id nor
    /// the JSON headers.
    async fn hop(
        &self,
        call: &Call<'_>,
        from: &reqwest::Url,
        location: &HeaderValue,
        status: StatusCode,
        redirects: usize,
    ) -> Result<reqwest::Response, ClientError> {
        if redirects >= MAX_REDIRECTS {
            return Err(ClientError::TooManyRedirects {
                limit: MAX_REDIRECTS,
            });
        }
        let target = self.redirect_target(from, location)?;
        log::redirected(call, status, &target);
        let host = host_of(&target);
        let mut next = reqwest::Request::new(Method::GET, target);
        next.headers_mut().insert(
            USER_AGENT,
            HeaderValue::from_static(crate::request::USER_AGENT),
        );
        self.transport
            .open(next, self.timeout, self.timeout)
            .await
            .map_err(|error| at_host(Some(host), error))
    }

    /// A batch's content steps that Graph answered with a redirect, each followed (without
    /// the token, within the body limit) and its answer put in the step's place, as Graph
    /// would have written it in the batch. A step whose redirect cannot be followed keeps
    /// its redirect, which `take` gives as its error; why is logged.
    pub(super) async fn follow_batch_redirects(
        &self,
        call: &Call<'_>,
        batch: &crate::Batch,
        response: &mut crate::BatchResponse,
    ) {
        for (id, url, location, status) in batch.redirected(response, &self.endpoint) {
            let Ok(from) = reqwest::Url::parse(&url) else {
                continue;
            };
            let followed = async {
                let first = self.hop(call, &from, &location, status, 0).await?;
                let (last, _) = self.follow(call, first, 1).await?;
                let host = Some(host_of(last.url()));
                self.transport
                    .read(last, Some(self.timeout), self.timeout)
                    .await
                    .map_err(|error| at_host(host, error))
            };
            match followed.await {
                Ok(answer) => response.answer_with_content(id, answer),
                Err(error) => log::step_not_followed(call, id, &error),
            }
        }
    }

    /// Where a redirect from `from` to `location` goes, where it may: `https`, or plain
    /// `http` from a loopback endpoint to a loopback address.
    fn redirect_target(
        &self,
        from: &reqwest::Url,
        location: &HeaderValue,
    ) -> Result<reqwest::Url, ClientError> {
        let refused = || ClientError::InsecureRedirect {
            location: location_without_query(location.as_bytes()),
        };
        // A location of UTF-8 beyond ASCII (which some servers send) is read as a URL
        // parser reads it: percent-encoded as it is joined.
        let text = std::str::from_utf8(location.as_bytes()).map_err(|_| refused())?;
        let target = from.join(text).map_err(|_| refused())?;
        if self
            .endpoint
            .reaches_outside(target.scheme(), target.host_str())
        {
            Ok(target)
        } else {
            Err(refused())
        }
    }

    /// The body of a `200` streamed into `writer`, each chunk within the timeout.
    async fn stream<W: AsyncWrite + Unpin>(
        &self,
        mut response: reqwest::Response,
        writer: &mut W,
    ) -> Result<Download, ClientError> {
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let announced = response.content_length();
        let limit = self.max_download;
        if let (Some(limit), Some(length)) = (limit, announced) {
            if length > limit {
                return Err(stopped(0, DownloadError::TooLarge { limit }));
            }
        }
        let mut stall = Stall::new(self.timeout);
        let mut written: u64 = 0;
        loop {
            let chunk = match stall.within(response.chunk()).await {
                None => return Err(stopped(written, DownloadError::Stalled(self.timeout))),
                Some(Err(error)) => {
                    return Err(stopped(
                        written,
                        DownloadError::Connection(error.without_url()),
                    ))
                }
                Some(Ok(None)) => break,
                Some(Ok(Some(chunk))) => chunk,
            };
            let len = chunk.len() as u64;
            if let Some(limit) = limit {
                if written + len > limit {
                    return Err(stopped(written, DownloadError::TooLarge { limit }));
                }
            }
            // Counted as the writer takes it, so a writer that fails part way through a
            // chunk is said to hold what it took.
            let mut rest = &chunk[..];
            while !rest.is_empty() {
                match writer.write(rest).await {
                    Ok(0) => {
                        let full = std::io::Error::from(std::io::ErrorKind::WriteZero);
                        return Err(stopped(written, DownloadError::Write(full)));
                    }
                    Ok(n) => {
                        written += n as u64;
                        rest = &rest[n..];
                    }
                    Err(error) => return Err(stopped(written, DownloadError::Write(error))),
                }
            }
        }
        writer
            .flush()
            .await
            .map_err(|error| stopped(written, DownloadError::Write(error)))?;
        if let Some(expected) = announced {
            if written != expected {
                return Err(stopped(
                    written,
                    DownloadError::Short {
                        expected,
                        received: written,
                    },
                ));
            }
        }
        Ok(Download {
            content_type,
            len: written,
        })
    }
}

/// A URL's host, for messages and logs (never its path or query, which may hold a
/// pre-authenticated URL's signature).
fn host_of(url: &reqwest::Url) -> String {
    url.host_str().unwrap_or_default().to_owned()
}

/// An error at the host Graph redirected to (`host`), said to be that host's rather than
/// Graph's; Graph's own errors are left as they are.
fn at_host(host: Option<String>, error: ClientError) -> ClientError {
    let Some(host) = host else {
        return error;
    };
    let reason = match error {
        ClientError::Timeout(timeout) => DownloadError::Stalled(timeout),
        ClientError::Transport(error) => DownloadError::Connection(error),
        other => return other,
    };
    ClientError::ContentHost { host, reason }
}

/// The redirect statuses a content `GET` follows (`304 Not Modified` is an answer).
fn is_followed(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

fn stopped(written: u64, reason: DownloadError) -> ClientError {
    ClientError::Download { written, reason }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccessToken, Endpoint};

    fn target(endpoint: &str, from: &str, location: &str) -> Result<String, String> {
        let client = GraphClient::new(
            Endpoint::custom(endpoint).unwrap(),
            AccessToken::new("a.b.c").unwrap(),
        )
        .unwrap();
        client
            .redirect_target(
                &reqwest::Url::parse(from).unwrap(),
                &HeaderValue::from_str(location).unwrap(),
            )
            .map(|url| url.to_string())
            .map_err(|error| error.to_string())
    }

    #[test]
    fn a_redirect_goes_to_https_anywhere_and_to_plain_http_only_between_loopbacks() {
        let graph = "https://graph.microsoft.com/v1.0";
        let from = "https://graph.microsoft.com/v1.0/me/drive/items/1/content";
        assert_eq!(
            target(
                graph,
                from,
                "https://contoso.sharepoint.com/d.aspx?tempauth=x"
            ),
            Ok("https://contoso.sharepoint.com/d.aspx?tempauth=x".to_owned())
        );
        assert_eq!(
            target(graph, from, "/v1.0/elsewhere"),
            Ok("https://graph.microsoft.com/v1.0/elsewhere".to_owned())
        );
        for refused in [
            "http://contoso.sharepoint.com/d.aspx?tempauth=x",
            "http://127.0.0.1:9000/d",
            "ftp://files.example.com/d",
            "file:///etc/passwd",
            "https://[::1",
        ] {
            let error = target(graph, from, refused).unwrap_err();
            assert!(error.contains("is not an https URL"), "{refused}: {error}");
            assert!(!error.contains("tempauth"), "{error}");
        }
        let local = "http://127.0.0.1:8080/beta";
        let from = "http://127.0.0.1:8080/beta/me/photo/$value";
        assert!(target(local, from, "http://127.0.0.1:9000/d").is_ok());
        assert!(target(local, from, "http://localhost:9000/d").is_ok());
        assert!(target(local, from, "http://[::1]:9000/d").is_ok());
        assert!(target(local, from, "http://files.example.com/d").is_err());
    }
}
