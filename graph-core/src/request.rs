//! Create requests.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

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
