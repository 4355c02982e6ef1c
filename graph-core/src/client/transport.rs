//! The HTTP exchange itself: reqwest with this crate's TLS, no redirects followed, the
//! body read up to a limit within the time left.

use std::time::Duration;

use super::error::ClientError;
use super::stall::Stall;

/// A reqwest client builder with this crate's TLS set up: rustls with its `ring` crypto
/// provider and the platform's certificate verifier, configured for this client alone
/// (nothing is installed for the process, so an application's own choice of provider
/// stands). Start from it to give [`GraphClient::with_http_client`](super::GraphClient::with_http_client)
/// proxies, pools or timeouts of your own. (A `reqwest::Client::new()` made directly
/// needs a process-wide rustls provider, as reqwest's documentation says.)
///
/// It follows no redirects: Graph does not redirect its API calls, and a redirect
/// followed would carry the token and the body to wherever it points.
///
/// `ring` builds with a C compiler (`cc`), as most Rust TLS stacks do; it needs no CMake
/// and no system TLS library.
///
/// # Errors
///
/// The platform's certificate verifier could not be set up.
pub fn http_client_builder() -> Result<reqwest::ClientBuilder, ClientError> {
    use rustls_platform_verifier::BuilderVerifierExt;
    // rustls 0.23.48 marks the `ring` provider deprecated for its lack of post-quantum key
    // exchange; it is still rustls's, maintained, and builds with a C compiler alone, where
    // the post-quantum provider (`aws-lc-rs`) needs CMake and far more build time. A build
    // of this crate stays free of the warning whichever 0.23 release it resolves.
    #[allow(deprecated)]
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let setup = |error: rustls::Error| ClientError::Setup(Box::new(error));
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(setup)?
        .with_platform_verifier()
        .map_err(setup)?
        .with_no_client_auth();
    // HTTP/2 where the server offers it, as reqwest's own configuration asks.
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(reqwest::Client::builder()
        .tls_backend_preconfigured(config)
        .redirect(reqwest::redirect::Policy::none()))
}

/// The HTTP client and the largest body it reads.
pub(super) struct Transport {
    pub(super) http: reqwest::Client,
    pub(super) max_body: usize,
}

impl Transport {
    /// From a builder, which is made to follow no redirects whatever it was given.
    pub(super) fn new(
        builder: reqwest::ClientBuilder,
        max_body: usize,
    ) -> Result<Self, ClientError> {
        let http = builder
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(ClientError::Transport)?;
        Ok(Self { http, max_body })
    }

    /// One exchange: the response, with its body read up to the limit, within `within`
    /// (`timeout` is the client's, for the message). A redirect is an error, its body
    /// unread.
    pub(super) async fn execute(
        &self,
        request: http::Request<Vec<u8>>,
        within: Duration,
        timeout: Duration,
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        // reqwest's errors end with the URL, whose query holds filter and search values:
        // those are left out of messages and logs.
        let mut request = reqwest::Request::try_from(request)
            .map_err(|error| ClientError::Transport(error.without_url()))?;
        *request.timeout_mut() = Some(within);
        let classify = move |error: reqwest::Error| {
            if error.is_timeout() {
                ClientError::Timeout(timeout)
            } else {
                ClientError::Transport(error.without_url())
            }
        };
        let response = self.http.execute(request).await.map_err(classify)?;
        let status = response.status();
        if status.is_redirection() {
            if let Some(location) = response.headers().get(http::header::LOCATION) {
                return Err(ClientError::Redirect {
                    status,
                    location: Some(location_without_query(location.as_bytes())),
                });
            }
            if status != http::StatusCode::NOT_MODIFIED {
                return Err(ClientError::Redirect {
                    status,
                    location: None,
                });
            }
        }
        self.read(response, None, timeout).await
    }

    /// Sends `request` and gives the response as soon as its head arrives (within
    /// `within`), its body unread and not limited in time as a whole: for content, whose
    /// body is read with a stall timeout instead. A redirect is given like any answer.
    pub(super) async fn open(
        &self,
        request: reqwest::Request,
        within: Duration,
        timeout: Duration,
    ) -> Result<reqwest::Response, ClientError> {
        match tokio::time::timeout(within, self.http.execute(request)).await {
            Err(_) => Err(ClientError::Timeout(timeout)),
            Ok(Err(error)) if error.is_timeout() => Err(ClientError::Timeout(timeout)),
            Ok(Err(error)) => Err(ClientError::Transport(error.without_url())),
            Ok(Ok(response)) => Ok(response),
        }
    }

    /// The response with its body read whole, up to the limit, chunk by chunk (so an
    /// oversized body is refused before it is held whole). With a `stall`, each chunk must
    /// come within it (the request's own timeout, where it has one, bounds the whole).
    pub(super) async fn read(
        &self,
        mut response: reqwest::Response,
        stall: Option<Duration>,
        timeout: Duration,
    ) -> Result<http::Response<Vec<u8>>, ClientError> {
        let classify = move |error: reqwest::Error| {
            if error.is_timeout() {
                ClientError::Timeout(timeout)
            } else {
                ClientError::Transport(error.without_url())
            }
        };
        let limit = self.max_body;
        if response
            .content_length()
            .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
        {
            return Err(ClientError::BodyTooLarge { limit });
        }
        let mut body = Vec::new();
        let mut stall = stall.map(Stall::new);
        loop {
            let chunk = match stall.as_mut() {
                Some(stall) => stall
                    .within(response.chunk())
                    .await
                    .ok_or(ClientError::Timeout(timeout))?,
                None => response.chunk().await,
            };
            let Some(chunk) = chunk.map_err(classify)? else {
                break;
            };
            if body.len() + chunk.len() > limit {
                return Err(ClientError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        let mut parts = http::Response::new(body);
        *parts.status_mut() = response.status();
        *parts.version_mut() = response.version();
        *parts.headers_mut() = std::mem::take(response.headers_mut());
        Ok(parts)
    }
}

/// A `Location` for messages: up to its query or fragment (which may carry a signature or
/// a token), at most 300 characters.
pub(super) fn location_without_query(location: &[u8]) -> String {
    let text = String::from_utf8_lossy(location);
    let end = text.find(['?', '#']).unwrap_or(text.len());
    text[..end].chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tls_stack_is_set_up_per_client_not_for_the_process() {
        let client = http_client_builder().unwrap().build();
        assert!(client.is_ok());
        assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    }

    #[test]
    fn a_location_loses_its_query_and_fragment() {
        assert_eq!(
            location_without_query(b"https://evil.example/steal?sig=abc#x"),
            "https://evil.example/steal"
        );
        assert_eq!(location_without_query(b"/outside#frag"), "/outside");
        assert_eq!(location_without_query(&[b'a'; 400]).len(), 300);
    }
}
