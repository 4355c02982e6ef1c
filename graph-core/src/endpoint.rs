//! Where requests go: a service root and an API version.
//!
//! [`Endpoint::v1`] and [`Endpoint::beta`] for the global service;
//! `Endpoint::new(Cloud::UsGovL4 | UsGovL5 | China, ApiVersion::V1)` for the national clouds
//! (`graph.microsoft.us`, `dod-graph.microsoft.us`, `microsoftgraph.chinacloudapi.cn`);
//! [`Endpoint::custom`] for any base URL that includes the version (a proxy, a gateway, a test
//! server), checked when built: absolute, `https` (plain `http` only for loopback addresses), no
//! user information, query, fragment, or `.`/`..` segment.

use std::fmt;
use std::net::IpAddr;

use http::uri::{Authority, PathAndQuery, Scheme, Uri};

use crate::link;
use crate::paging::NextPageReason;

/// A version of the Graph API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ApiVersion {
    /// `v1.0`: the generally available API.
    V1,
    /// `beta`: preview APIs, such as lifecycle workflow runs.
    Beta,
}

impl ApiVersion {
    /// The version as it appears in URLs: `v1.0` or `beta`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }
}

/// A Microsoft Graph deployment: the global service or a national cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cloud {
    /// The global service, `https://graph.microsoft.com`.
    Global,
    /// Microsoft Graph for US Government L4, `https://graph.microsoft.us`.
    UsGovL4,
    /// Microsoft Graph for US Government L5 (DoD), `https://dod-graph.microsoft.us`.
    UsGovL5,
    /// Microsoft Graph China operated by 21Vianet, `https://microsoftgraph.chinacloudapi.cn`.
    China,
}

impl Cloud {
    /// The service root: scheme and host, without a version.
    #[must_use]
    pub fn root(self) -> &'static str {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::UsGovL4 => "https://graph.microsoft.us",
            Cloud::UsGovL5 => "https://dod-graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
    }
}

/// Where requests are sent: a base URL that includes the API version
/// (`https://graph.microsoft.com/beta`). A request's URL is this base followed by its path.
///
/// ```
/// use graph_core::{ApiVersion, Cloud, Endpoint};
///
/// assert_eq!(Endpoint::beta().base_url(), "https://graph.microsoft.com/beta");
/// assert_eq!(
///     Endpoint::new(Cloud::China, ApiVersion::V1).base_url(),
///     "https://microsoftgraph.chinacloudapi.cn/v1.0"
/// );
/// let local = Endpoint::custom("http://127.0.0.1:8080/beta/")?;
/// assert_eq!(local.base_url(), "http://127.0.0.1:8080/beta");
/// assert!(Endpoint::custom("http://graph.example.com/beta").is_err());
/// # Ok::<(), graph_core::endpoint::EndpointError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    scheme: Scheme,
    authority: Authority,
    /// The base path, without a trailing `/` (`/beta`, or empty).
    path: String,
}

/// Why a base URL cannot be an [`Endpoint`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid Graph base URL `{url}`: {reason}")]
pub struct EndpointError {
    url: String,
    reason: &'static str,
}

impl EndpointError {
    /// Why the URL was refused.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl Endpoint {
    /// A cloud's service root with an API version.
    #[must_use]
    pub fn new(cloud: Cloud, version: ApiVersion) -> Self {
        let host = cloud.root().trim_start_matches("https://");
        Self {
            scheme: Scheme::HTTPS,
            authority: Authority::from_static(host),
            path: format!("/{}", version.as_str()),
        }
    }

    /// The national cloud whose service this endpoint is, where it is one (an endpoint
    /// made with [`custom`](Self::custom) on a cloud's own root is too).
    #[cfg(feature = "azure")]
    #[must_use]
    pub(crate) fn cloud(&self) -> Option<Cloud> {
        [Cloud::Global, Cloud::UsGovL4, Cloud::UsGovL5, Cloud::China]
            .into_iter()
            .find(|cloud| {
                self.scheme == Scheme::HTTPS
                    && cloud
                        .root()
                        .trim_start_matches("https://")
                        .eq_ignore_ascii_case(self.authority.as_str())
            })
    }

    /// The global service's beta API, `https://graph.microsoft.com/beta`.
    #[must_use]
    pub fn beta() -> Self {
        Self::new(Cloud::Global, ApiVersion::Beta)
    }

    /// The global service's v1.0 API, `https://graph.microsoft.com/v1.0`.
    #[must_use]
    pub fn v1() -> Self {
        Self::new(Cloud::Global, ApiVersion::V1)
    }

    /// Any base URL that includes the version: a proxy, a gateway, a test server on
    /// loopback. It must be absolute, `https` (plain `http` only for loopback addresses:
    /// `localhost`, `127.0.0.0/8`, `::1`), with no user information, query or fragment. A
    /// trailing `/` is dropped.
    ///
    /// # Errors
    ///
    /// The URL is not of that form; the error says why.
    pub fn custom(base_url: &str) -> Result<Self, EndpointError> {
        let fail = |reason| EndpointError {
            url: base_url.chars().take(200).collect(),
            reason,
        };
        const NOT_ABSOLUTE: &str =
            "it is not absolute: write the scheme and host, e.g. https://graph.microsoft.com/beta";
        if !base_url.contains("://") {
            return Err(fail(NOT_ABSOLUTE));
        }
        let uri: Uri = base_url
            .parse()
            .map_err(|_| fail("it is not a valid URL"))?;
        let parts = uri.into_parts();
        let (Some(scheme), Some(authority)) = (parts.scheme, parts.authority) else {
            return Err(fail(NOT_ABSOLUTE));
        };
        if authority.as_str().contains('@') {
            return Err(fail(
                "it has user information; put credentials in the token",
            ));
        }
        if authority.host().is_empty() {
            return Err(fail("it has no host"));
        }
        let path_and_query = parts
            .path_and_query
            .unwrap_or_else(|| PathAndQuery::from_static("/"));
        if path_and_query.query().is_some() || base_url.contains('#') {
            return Err(fail(
                "it has a query or fragment; the base URL is a path only",
            ));
        }
        if scheme == Scheme::HTTP {
            if !is_loopback(authority.host()) {
                return Err(fail(
                    "plain http is only for loopback addresses (localhost, 127.0.0.1, ::1); use https",
                ));
            }
        } else if scheme != Scheme::HTTPS {
            return Err(fail("the scheme must be https (or http on loopback)"));
        }
        let path = path_and_query.path().trim_end_matches('/').to_owned();
        if link::has_dot_segments(&path) {
            return Err(fail(
                "its path has a `.` or `..` segment (or an encoded one), which HTTP stacks resolve away",
            ));
        }
        Ok(Self {
            scheme,
            authority,
            path,
        })
    }

    /// The base URL, without a trailing `/`: `https://graph.microsoft.com/beta`.
    #[must_use]
    pub fn base_url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority, self.path)
    }

    /// Whether content may be fetched from or sent to a URL outside the endpoint (a
    /// pre-authenticated download or upload URL, which gets no token) with this `scheme`
    /// and `host`: `https` anywhere, plain `http` only from an endpoint that is itself
    /// plain `http` (which [`custom`](Self::custom) allows only on loopback: a test server)
    /// to a loopback address.
    #[cfg(feature = "client")]
    pub(crate) fn reaches_outside(&self, scheme: &str, host: Option<&str>) -> bool {
        match scheme {
            "https" => true,
            "http" => self.scheme == http::uri::Scheme::HTTP && host.is_some_and(is_loopback),
            _ => false,
        }
    }

    /// Whether `path` (with its query) after the base path is a valid URL path and query.
    fn is_valid_path(&self, path: &str) -> bool {
        PathAndQuery::try_from(format!("{}{path}", self.path)).is_ok()
    }

    /// Where a URL Graph gave (a next link) leads, as the path and query after the base
    /// path (`/users?$skiptoken=…`), its `.` and `..` segments resolved as an HTTP stack
    /// resolves them: the URL that would actually be sent. It must have this endpoint's
    /// scheme, host and port, and lie under the base path both as sent and percent-decoded
    /// (see [`crate::link`]); a fragment is dropped, as it is never sent.
    pub(crate) fn follow(&self, url: &str) -> Result<String, NextPageReason> {
        if url.trim().is_empty() {
            return Err(NextPageReason::Blank);
        }
        let origin = format!("{}://{}", self.scheme, self.authority);
        let Some(rest) = url
            .strip_prefix(&origin)
            .filter(|rest| rest.starts_with('/'))
        else {
            return Err(NextPageReason::OutsideEndpoint);
        };
        let rest = rest.split('#').next().unwrap_or_default();
        let (path, query) = match rest.find('?') {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        let sent = link::resolve_as_sent(path);
        let base_decoded = percent_encoding::percent_decode_str(&self.path).decode_utf8_lossy();
        if !link::is_under(&sent, &self.path)
            || !link::is_under(&link::resolve_decoded(&sent), &base_decoded)
        {
            return Err(NextPageReason::OutsideEndpoint);
        }
        let relative = format!("{}{query}", &sent[self.path.len()..]);
        if !self.is_valid_path(&relative) {
            return Err(NextPageReason::NotAPath);
        }
        Ok(relative)
    }

    /// Whether a request's URL lies under this endpoint, as it will be sent: the same
    /// scheme, host and port, a path under the base path, and no segment that an HTTP
    /// stack or a server would resolve into a step elsewhere (`..`, `%2E%2E`, `.`, `\`,
    /// `..%2F`). The client sends a token nowhere else.
    #[cfg(feature = "client")]
    pub(crate) fn holds(&self, uri: &Uri) -> bool {
        uri.scheme() == Some(&self.scheme)
            && uri.authority() == Some(&self.authority)
            && link::is_under(uri.path(), &self.path)
            && !link::has_dot_segments(uri.path())
    }

    /// The full URL of a request path (`/workflowBase/runs`), as an `http` URI.
    pub(crate) fn uri(&self, path: &str) -> Uri {
        let full = format!("{}{path}", self.path);
        let path_and_query = PathAndQuery::try_from(full)
            // A request path is built from a template checked at compile time and
            // percent-encoded parameters, so it always parses; the base path alone is the
            // fallback that cannot fail.
            .or_else(|_| PathAndQuery::try_from(format!("{}/", self.path)))
            .unwrap_or_else(|_| PathAndQuery::from_static("/"));
        let mut parts = http::uri::Parts::default();
        parts.scheme = Some(self.scheme.clone());
        parts.authority = Some(self.authority.clone());
        parts.path_and_query = Some(path_and_query);
        Uri::from_parts(parts).unwrap_or_default()
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Endpoint").field(&self.base_url()).finish()
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base_url())
    }
}

pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_clouds_have_their_roots_and_versions() {
        assert_eq!(
            Endpoint::v1().base_url(),
            "https://graph.microsoft.com/v1.0"
        );
        assert_eq!(
            Endpoint::beta().base_url(),
            "https://graph.microsoft.com/beta"
        );
        assert_eq!(
            Endpoint::new(Cloud::UsGovL4, ApiVersion::V1).base_url(),
            "https://graph.microsoft.us/v1.0"
        );
        assert_eq!(
            Endpoint::new(Cloud::UsGovL5, ApiVersion::Beta).base_url(),
            "https://dod-graph.microsoft.us/beta"
        );
        assert_eq!(
            Endpoint::new(Cloud::China, ApiVersion::V1).base_url(),
            "https://microsoftgraph.chinacloudapi.cn/v1.0"
        );
    }

    #[test]
    fn custom_endpoints_are_checked() {
        for ok in [
            "https://graph.microsoft.com/beta",
            "https://proxy.contoso.com:8443/graph/v1.0/",
            "http://localhost:3000/beta",
            "http://127.0.0.1:8080/v1.0",
            "http://127.5.6.7/v1.0",
            "http://[::1]:9000/beta",
            "https://example.com",
        ] {
            assert!(Endpoint::custom(ok).is_ok(), "{ok}");
        }
        for (bad, reason) in [
            ("graph.microsoft.com/beta", "not absolute"),
            ("/beta", "not absolute"),
            ("http://graph.microsoft.com/beta", "only for loopback"),
            ("http://10.0.0.1/beta", "only for loopback"),
            ("ftp://localhost/beta", "scheme must be https"),
            ("https://graph.microsoft.com/beta?x=1", "query or fragment"),
            ("https://graph.microsoft.com/beta#x", "query or fragment"),
            (
                "https://user:pw@graph.microsoft.com/beta",
                "user information",
            ),
            ("https://graph microsoft.com", "not a valid URL"),
            ("", "not absolute"),
            ("https://", "not a valid URL"),
            ("https://graph.microsoft.com/x/../beta", "`..` segment"),
            ("https://graph.microsoft.com/x/%2E%2E/beta", "`..` segment"),
        ] {
            let error = Endpoint::custom(bad).unwrap_err();
            assert!(error.reason().contains(reason), "{bad}: {error}");
        }
    }

    #[test]
    fn a_trailing_slash_is_dropped_and_paths_are_appended() {
        let endpoint = Endpoint::custom("https://proxy.contoso.com/graph/beta/").unwrap();
        assert_eq!(endpoint.base_url(), "https://proxy.contoso.com/graph/beta");
        assert_eq!(
            endpoint.uri("/workflowBase/runs").to_string(),
            "https://proxy.contoso.com/graph/beta/workflowBase/runs"
        );
        let root = Endpoint::custom("http://localhost:1").unwrap();
        assert_eq!(root.uri("/users").to_string(), "http://localhost:1/users");
    }
}
