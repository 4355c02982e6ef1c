//! Create requests.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use http::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};

use crate::{AccessToken, Endpoint, GraphError, GraphResource};

/// The `User-Agent` every request carries: this crate and its version.
pub const USER_AGENT_VALUE: &str = concat!("graph-core/", env!("CARGO_PKG_VERSION"));

/// A validated request that creates a `T`: `POST` to the resource's collection path with
/// the JSON body Graph documents for it.
///
/// Built by the `create_request(...)` method `#[graph_resource]` generates, which validates
/// first: a `CreateRequest` only exists for a value that passed validation.
pub struct CreateRequest<T> {
    path: Cow<'static, str>,
    body: Vec<u8>,
    // `fn() -> T`: the request describes how to make a `T`, it does not own one, so it is
    // Send and Sync whatever `T` is.
    target: PhantomData<fn() -> T>,
}

impl<T> CreateRequest<T> {
    pub(crate) fn new(path: Cow<'static, str>, body: Vec<u8>) -> Self {
        Self {
            path,
            body,
            target: PhantomData,
        }
    }

    /// The HTTP method: always `POST`.
    #[must_use]
    pub fn method(&self) -> &http::Method {
        &http::Method::POST
    }

    /// The path relative to the service root and version, each path parameter
    /// percent-encoded as exactly one segment (`/workflowBase/runs`).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The compact JSON body: `@odata.type` first, then every property that is set, in
    /// declaration order; read-only properties are never in it.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body, giving up the request.
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

impl<T: GraphResource> CreateRequest<T> {
    /// The request as an `http` request, ready for any HTTP client: `POST` to the
    /// endpoint's base URL followed by [`path`](Self::path), with the body and the headers
    /// Graph expects:
    ///
    /// - `Authorization: Bearer <token>` (marked sensitive, so `http`'s `Debug` hides it);
    /// - `Content-Type: application/json` and `Accept: application/json`;
    /// - `client-request-id`: a fresh GUID for each call, which Graph echoes back and logs,
    ///   so a failure can be traced;
    /// - `User-Agent: graph-core/<version>`.
    ///
    /// ```
    /// # use graph_core::{graph_resource, AccessToken, Endpoint};
    /// #[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
    /// #[derive(Default)]
    /// struct Group {
    ///     display_name: Option<String>,
    /// }
    ///
    /// let token = AccessToken::new("eyJ0eXAi.payload.signature")?;
    /// let request = Group::default().create_request()?.to_http(&Endpoint::v1(), &token);
    /// assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/groups");
    /// assert_eq!(request.headers()["content-type"], "application/json");
    /// assert_eq!(request.headers()["client-request-id"].len(), 36);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
        let mut request = http::Request::new(self.body.clone());
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = endpoint.uri(&self.path);
        let headers = request.headers_mut();
        // A token is visible ASCII (checked when it was made), so it is a valid header value.
        if let Ok(mut bearer) = HeaderValue::try_from(format!("Bearer {}", token.expose_secret())) {
            bearer.set_sensitive(true);
            headers.insert(AUTHORIZATION, bearer);
        }
        let json = HeaderValue::from_static("application/json");
        headers.insert(CONTENT_TYPE, json.clone());
        headers.insert(ACCEPT, json);
        let id = uuid::Uuid::new_v4().hyphenated().to_string();
        if let Ok(id) = HeaderValue::try_from(id) {
            headers.insert("client-request-id", id);
        }
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        request
    }

    /// Reads the response to this request: the created resource from a `201 Created`
    /// (with `id` and other read-only properties; `@odata.context` and undeclared
    /// properties are tolerated), else a [`GraphError`].
    ///
    /// A `201` whose body has an `@odata.type` other than the resource's own is an error:
    /// "related" means the same type (a body without `@odata.type` is taken as the type
    /// posted). Any other success status is an error saying what came back. An error status
    /// gives Graph's error, parsed: code, message, the innermost `innerError` code,
    /// `request-id`, `client-request-id`, `date` and `Retry-After`, from the headers or the
    /// body; a body that is not a Graph error (empty, a gateway's HTML page) gives the status
    /// and an excerpt. No input makes it panic.
    ///
    /// # Errors
    ///
    /// Whatever did not go as a create should: see [`GraphError`].
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: http::Response<B>,
    ) -> Result<T, GraphError> {
        let (parts, body) = response.into_parts();
        crate::response::parse(parts.status, &parts.headers, body.as_ref(), T::ODATA_TYPE)
    }
}

impl<T> Clone for CreateRequest<T> {
    fn clone(&self) -> Self {
        Self::new(self.path.clone(), self.body.clone())
    }
}

impl<T> fmt::Debug for CreateRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body is left out: it can hold secrets (a new user's password), and Debug
        // output ends up in logs.
        f.debug_struct("CreateRequest")
            .field("method", self.method())
            .field("path", &self.path())
            .field("body_len", &self.body.len())
            .finish_non_exhaustive()
    }
}
