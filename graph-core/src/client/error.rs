//! What can go wrong when the client sends a request.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use http::StatusCode;

use crate::paging::NextPageError;
use crate::{GraphError, PermissionError};

/// An error from a token provider.
pub type BoxError = Box<dyn StdError + Send + Sync>;

/// Why a request sent by [`GraphClient`](super::GraphClient) did not give what its
/// `parse_response` gives.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The token provider failed.
    #[error("could not get an access token: {}", Chain(&**.0))]
    Token(#[source] BoxError),
    /// The token provider gave no token within the client's timeout, which covers getting
    /// the token: nothing was sent.
    #[error("the token provider gave no access token within {0:?}, the client's timeout (which covers getting the token); nothing was sent")]
    TokenTimeout(Duration),
    /// The HTTP client could not be set up (its TLS configuration).
    #[error("could not set up the HTTP client: {}", Chain(&**.0))]
    Setup(#[source] BoxError),
    /// The request did not get a response: connection, TLS or protocol failure. The
    /// message carries each cause (`Connection refused`, a certificate problem).
    #[error("the request got no response from Graph: {}", Chain(.0))]
    Transport(#[source] reqwest::Error),
    /// No complete response within the client's timeout (which counts getting the token).
    #[error("no complete response from Graph within {0:?}")]
    Timeout(Duration),
    /// The response body was larger than the client accepts; it was not read further.
    #[error("the response body is larger than the client's limit of {limit} bytes (`with_max_body` sets it; `download` streams content of any size)")]
    BodyTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// Graph answered, and not with what the request asks for (after any retries, the
    /// last answer).
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// The answer was a redirect. Graph does not redirect its API calls, so the client
    /// follows none: a token or a body is never sent where a redirect points. The
    /// request is not retried.
    #[error("{}", redirect_message(*.status, .location.as_deref()))]
    Redirect {
        /// The redirect's status (`301`, `302`, `307` ...).
        status: StatusCode,
        /// Where it pointed (`Location`), without its query or fragment, which may carry
        /// secrets; at most 300 characters.
        location: Option<String>,
    },
    /// The request's URL, as an HTTP stack would send it, leaves the endpoint's base path
    /// (a path parameter of `..`, which stacks resolve into a step up): nothing was sent,
    /// since the token goes nowhere else.
    #[error("the request's path `{path}` leads outside the endpoint's base URL once its `.` and `..` segments are resolved, and the token is sent only there: nothing was sent")]
    OutsideEndpoint {
        /// The request's path, without its query.
        path: String,
    },
    /// A page's next link was refused (blank, repeated, or outside the endpoint), so
    /// paging stopped there; the pages before it were read.
    #[error("paging stopped: {0}")]
    NextPage(#[from] NextPageError),
    /// The token lacks what the request's operation needs, as its resource declares it:
    /// nothing was sent (see [`Request::check_token`](crate::request::Request::check_token);
    /// [`GraphClient::with_permission_check`](super::GraphClient::with_permission_check)
    /// turns the check off).
    #[error(transparent)]
    Permission(#[from] PermissionError),
    /// A content request's redirect points where the content is not fetched: not `https`
    /// (plain `http` only from an endpoint on loopback to a loopback address), or a
    /// `Location` that is not a URL. Nothing was fetched from it.
    #[error("the content is redirected to `{location}`, which is not an https URL: content is fetched only over https (plain http only from a loopback endpoint to a loopback address)")]
    InsecureRedirect {
        /// Where it pointed, without its query or fragment; at most 300 characters.
        location: String,
    },
    /// The host a content read was redirected to (its pre-authenticated URL) gave no
    /// answer in time, or none at all. Retried as a timeout or a broken connection is.
    #[error(
        "the content's host `{host}`, where Graph redirected the request, did not answer: {reason}"
    )]
    ContentHost {
        /// The host, without the URL's path or query.
        host: String,
        /// What happened there.
        #[source]
        reason: DownloadError,
    },
    /// An upload session's URL is not one the content is sent to: not `https` (plain
    /// `http` only from a loopback endpoint to a loopback address), or not a URL. Nothing
    /// was sent.
    #[error("the upload URL `{url}` is not an https URL, and the content goes only over https (plain http only from a loopback endpoint to a loopback address); nothing was sent")]
    InsecureUploadUrl {
        /// The URL, without its query (which authorizes whoever holds it).
        url: String,
    },
    /// Graph no longer knows the upload session (`404`): it expired or was cancelled.
    /// Start a new one.
    #[error("the upload session is gone (404): it expired or was cancelled; start a new one")]
    UploadSessionGone,
    /// The upload's source ended before the length declared for it: nothing short was
    /// sent as the whole.
    #[error("the source ended after {read} of the {length} bytes declared for the upload")]
    ShortSource {
        /// The length declared.
        length: u64,
        /// Where the source ended.
        read: u64,
    },
    /// An upload session cannot carry an empty file: a slice has at least one byte. `PUT`
    /// an empty file with [`ContentRequest::put`](crate::ContentRequest::put).
    #[error("an upload session cannot carry an empty file (a slice has at least one byte); PUT it with ContentRequest::put")]
    EmptyUpload,
    /// The upload's source could not be read or sought.
    #[error("the upload's source failed: {0}")]
    Source(#[source] std::io::Error),
    /// The ranges an upload session names could not be read, or never moved on.
    #[error("the upload session's expected ranges: {0}")]
    UploadRanges(String),
    /// A content request was redirected more times than the client follows.
    #[error(
        "the content was redirected more than {limit} times; the client follows at most {limit}"
    )]
    TooManyRedirects {
        /// How many redirects the client follows.
        limit: usize,
    },
    /// A download stopped part way: what the writer holds is incomplete (`written` bytes),
    /// and must not be taken for the content.
    #[error("the download stopped after {written} bytes were written, so what the writer holds is incomplete: {reason}")]
    Download {
        /// The bytes the writer was given before it stopped.
        written: u64,
        /// Why it stopped.
        #[source]
        reason: DownloadError,
    },
    /// A delta round ended without a delta link on its last page, so there is nowhere to
    /// resume from.
    #[error("the delta round's last page has no delta link, so there is nowhere to resume from")]
    NoDeltaLink,
    /// A list had more pages than the client's page limit; the pages up to it were read.
    #[error("the list has more than {limit} pages, the client's page limit (see `GraphClient::with_page_limit`)")]
    PageLimit {
        /// The limit, in pages.
        limit: usize,
    },
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

    /// Whether a person must sign in (again) before a token can be had: a
    /// [`DeviceCode`](super::DeviceCode) never signed in, or whose refresh token Entra no
    /// longer takes ([`DeviceCodeError::NotSignedIn`](super::DeviceCodeError::NotSignedIn),
    /// [`SignInAgain`](super::DeviceCodeError::SignInAgain)), directly or through a
    /// [`TokenCache`](super::TokenCache). Call `sign_in` and send the request again.
    #[must_use]
    pub fn needs_sign_in(&self) -> bool {
        let ClientError::Token(error) = self else {
            return false;
        };
        let error: &(dyn StdError + 'static) = &**error;
        let error = error
            .downcast_ref::<super::token::SharedFailure>()
            .map_or(error, super::token::SharedFailure::inner);
        matches!(
            error.downcast_ref::<super::DeviceCodeError>(),
            Some(super::DeviceCodeError::NotSignedIn | super::DeviceCodeError::SignInAgain { .. })
        )
    }
}

/// Why a download stopped part way ([`ClientError::Download`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DownloadError {
    /// No byte arrived for the client's timeout.
    #[error("no byte arrived for {0:?}, the client's timeout")]
    Stalled(Duration),
    /// The connection failed.
    #[error("the connection failed: {}", Chain(.0))]
    Connection(#[source] reqwest::Error),
    /// The writer failed.
    #[error("the writer failed: {0}")]
    Write(#[source] std::io::Error),
    /// The content is larger than the limit set with
    /// [`with_max_download`](super::GraphClient::with_max_download).
    #[error("the content is larger than the download limit of {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The body ended before the length its `Content-Length` announced.
    #[error(
        "the body ended after {received} of the {expected} bytes its Content-Length announced"
    )]
    Short {
        /// The announced length.
        expected: u64,
        /// The bytes that came.
        received: u64,
    },
}

fn redirect_message(status: StatusCode, location: Option<&str>) -> String {
    let to = location.map_or_else(
        || " without a location".to_owned(),
        |location| format!(" to `{location}`"),
    );
    format!(
        "Graph answered {status}, a redirect{to}: API calls are not redirected, so the client follows none and sends no token or body there"
    )
}

/// An error and its causes, each once: reqwest's `Display` names only the outermost
/// ("error sending request for url"), and the cause a person can act on is deeper.
struct Chain<'a>(&'a (dyn StdError + 'static));

/// An error and each of its causes, as one line.
pub(super) fn chain(error: &(dyn StdError + 'static)) -> String {
    Chain(error).to_string()
}

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut written = self.0.to_string();
        f.write_str(&written)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let text = error.to_string();
            // Some errors repeat their cause in their own message.
            if !written.contains(&text) {
                write!(f, ": {text}")?;
                written = text;
            }
            cause = error.source();
        }
        Ok(())
    }
}
