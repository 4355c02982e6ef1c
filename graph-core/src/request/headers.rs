//! The headers every request to Graph carries.

use http::header::{
    HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT as USER_AGENT_HEADER,
};
use http::Method;

use crate::AccessToken;

/// The `User-Agent` every request carries: this package and its version
/// (`msgraph-resource/0.1.0`).
pub const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// An `http` request with the headers every request to Graph carries: the bearer token
/// (marked sensitive), `Content-Type` for a body, `Accept`, a fresh `client-request-id` and
/// `User-Agent`.
pub(crate) fn http_request(
    method: Method,
    uri: http::Uri,
    body: Option<Vec<u8>>,
    token: &AccessToken,
) -> http::Request<Vec<u8>> {
    let has_body = body.is_some();
    let mut request = http::Request::new(body.unwrap_or_default());
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    let headers = request.headers_mut();
    // A token is visible ASCII (checked when it was made), so it is a valid header value.
    if let Ok(mut bearer) = HeaderValue::try_from(format!("Bearer {}", token.expose_secret())) {
        bearer.set_sensitive(true);
        headers.insert(AUTHORIZATION, bearer);
    }
    let json = HeaderValue::from_static("application/json");
    if has_body {
        headers.insert(CONTENT_TYPE, json.clone());
    }
    headers.insert(ACCEPT, json);
    let id = uuid::Uuid::new_v4().hyphenated().to_string();
    if let Ok(id) = HeaderValue::try_from(id) {
        headers.insert("client-request-id", id);
    }
    headers.insert(USER_AGENT_HEADER, HeaderValue::from_static(USER_AGENT));
    request
}
