#![doc = include_str!("../docs/request.md")]

// The module: `kind`, the kinds, their methods and how each reads its answer; `query`, query
// options (`$select`, `$filter` …); `prefer`, the one `Prefer` header; `headers`, the headers
// every request carries; `update`, update bodies, property by property; `path`, path
// templates and their parameters; `build`, what the generated methods and the `_at` forms
// call to build each request.

mod action;
pub(crate) mod build;
mod content;
mod headers;
pub mod kind;
pub(crate) mod path;
mod prefer;
mod query;
mod reference;
mod update;

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use http::header::{HeaderName, HeaderValue, AUTHORIZATION};
use http::{HeaderMap, Method};

use crate::{AccessToken, Endpoint, GraphError};

#[doc(hidden)]
pub use action::read_value;
pub use action::{Action, ActionRequest, ActionReturn};
pub use content::{Content, ContentRequest, Stream};
pub(crate) use headers::http_request;
pub use headers::USER_AGENT;
use kind::sealed;
pub use kind::{Create, Delete, Get, List, ParseResponse, RequestKind, Update};
use prefer::{split_preferences, PREFER};
pub use reference::{Ref, RefRequest};

/// A request that creates a `T`: `POST` to a collection path with the JSON body Graph
/// documents for it. Built by the generated `create_request(...)`, or
/// [`GraphResource::create_request_at`](crate::GraphResource::create_request_at), which validate first: a `CreateRequest` only
/// exists for a value that passed validation.
pub type CreateRequest<T> = Request<Create, T>;
/// A request that reads one `T`: `GET` of the item's path. Built by the generated
/// `get_request(...)` or [`GraphType::get_request_at`](crate::resource::GraphType::get_request_at).
pub type GetRequest<T> = Request<Get, T>;
/// A request that reads a collection of `T` a page at a time: `GET` of the collection's
/// path. Built by the generated `list_request(...)` or [`GraphType::list_request_at`](crate::resource::GraphType::list_request_at).
pub type ListRequest<T> = Request<List, T>;
/// A request that changes a `T`: `PATCH` of the item's path with a partial body. Built by
/// the generated `update_request(...)` and `update_request_from(...)`, or their `_at`
/// forms on [`GraphObject`](crate::resource::GraphObject).
pub type UpdateRequest<T> = Request<Update, T>;
/// A request that deletes a `T`: `DELETE` of the item's path. Built by the generated
/// `delete_request(...)` or [`GraphResource::delete_request_at`](crate::GraphResource::delete_request_at).
pub type DeleteRequest<T> = Request<Delete, T>;

/// A request to Graph, built and checked before anything is sent: its method, its path and
/// query relative to the endpoint's base URL, its body where it has one, and the headers
/// and preferences added to it. [`to_http`](Self::to_http) makes it an `http` request for
/// any HTTP client, [`parse_response`](Self::parse_response) reads the answer.
///
/// `K` is the kind ([`Create`], [`Get`], [`List`], [`Update`], [`Delete`]); each has a
/// name of its own ([`CreateRequest<T>`] and so on). A request describes how to get a `T`,
/// it holds none, so it is `Send` and `Sync` whatever `T` is.
///
/// Create, get, list and update requests of a `T` that holds, at any depth, a
/// `#[graph_enum]` with a member declared after its `unknownFutureValue` sentinel or with an
/// `other` variant start with the preference `include-unknown-enum-members`, without which
/// Graph sends the sentinel in place of such members.
pub struct Request<K, T> {
    /// The path, then `?` and the query where there is one.
    target: String,
    /// Where the part of [`target`](Self::target) that query options replace starts.
    base_len: usize,
    /// The query options set, in the order first set: `$name` and the encoded value.
    query: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    /// Headers added with [`header`](Self::header) and by query options.
    headers: HeaderMap,
    /// The preferences of the `Prefer` header, in the order added.
    prefer: Vec<Cow<'static, str>>,
    kind: K,
    target_type: PhantomData<fn() -> T>,
}

impl<K: RequestKind, T> Request<K, T> {
    pub(crate) fn assemble(path: String, body: Option<Vec<u8>>, kind: K) -> Self {
        Self {
            base_len: path.len(),
            target: path,
            query: Vec::new(),
            body,
            headers: HeaderMap::new(),
            prefer: Vec::new(),
            kind,
            target_type: PhantomData,
        }
    }

    /// The HTTP method: `POST` for a create, `GET` for a get or a list, `PATCH` for an
    /// update, `DELETE` for a delete.
    #[must_use]
    pub fn method(&self) -> &Method {
        self.kind.method()
    }

    /// The body, for the kinds that have one (a batch writes it as JSON).
    pub(crate) fn body_bytes(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// The path relative to the service root and version, each path parameter
    /// percent-encoded as exactly one segment, with the query string where there is one
    /// (`/users?$select=id,displayName&$top=5`).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.target
    }

    /// The headers added to the request with [`header`](Self::header) and by its options
    /// (`If-Match`, `ConsistencyLevel`); not those [`to_http`](Self::to_http) adds to every
    /// request, nor `Prefer`, which [`preferences`](Self::preferences) lists.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The preferences the `Prefer` header will carry, in the order added.
    pub fn preferences(&self) -> impl Iterator<Item = &str> {
        self.prefer.iter().map(|preference| &**preference)
    }

    /// Adds a header, sent on every attempt and, for a list, on every page. A header
    /// added twice is sent with both values. `Prefer` is merged into the one `Prefer`
    /// header (see [`prefer`](Self::prefer)); `Authorization` replaces the bearer token
    /// `to_http` would send, so a request never carries two.
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        if name == PREFER {
            if let Ok(text) = value.to_str() {
                for preference in split_preferences(text) {
                    self.add_preference(preference);
                }
                return self;
            }
        }
        self.headers.append(name, value);
        self
    }

    /// Adds a preference (`outlook.timezone="Pacific Standard Time"`,
    /// `return=representation`) to the request's one RFC 7240 `Prefer` header, beside those
    /// the library adds. A preference with the name of one already there replaces it; one
    /// that cannot be a header value (a control character) is left out.
    #[must_use]
    pub fn prefer(mut self, preference: &str) -> Self {
        for preference in split_preferences(preference) {
            self.add_preference(preference);
        }
        self
    }

    /// The request as an `http` request, ready for any HTTP client: the method, the
    /// endpoint's base URL followed by [`path`](Self::path), the body, and the headers:
    ///
    /// - `Authorization: Bearer <token>` (marked sensitive, so `http`'s `Debug` hides it),
    ///   unless the request was given an `Authorization` of its own;
    /// - `Accept: application/json`, and `Content-Type: application/json` with a body;
    /// - `client-request-id`: a fresh GUID for each call, which Graph echoes back and logs;
    /// - `User-Agent: msgraph-resource/<version>`;
    /// - every header added to the request, and one `Prefer` with every preference.
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
        let mut request = headers::http_request(
            self.kind.method().clone(),
            endpoint.uri(&self.target),
            self.kind
                .endpoint_body(endpoint)
                .or_else(|| self.body.clone()),
            token,
        );
        let headers = request.headers_mut();
        if let Some(media_type) = self.kind.media_type() {
            headers.insert(http::header::CONTENT_TYPE, media_type.clone());
        }
        if self.kind.accepts_any() {
            headers.insert(http::header::ACCEPT, HeaderValue::from_static("*/*"));
        }
        // Each added header replaces the library's of that name, with all its values.
        for name in self.headers.keys() {
            headers.remove(name);
            for value in self.headers.get_all(name) {
                let mut value = value.clone();
                if name == AUTHORIZATION {
                    value.set_sensitive(true);
                }
                headers.append(name.clone(), value);
            }
        }
        if !self.prefer.is_empty() {
            // Each preference was checked to be a header value; so is their list.
            if let Ok(prefer) = HeaderValue::try_from(self.prefer.join(", ")) {
                headers.insert(PREFER, prefer);
            }
        }
        request
    }

    /// Reads the response to this request: for a create, the created `T` from a
    /// `201 Created` (whose `@odata.type`, where it has one, must be `T`'s); for a get, the
    /// `T` from a `200 OK`; for a list, a [`Page`](crate::Page) from a `200 OK`; for an update, `None`
    /// from a `204 No Content` or `Some` from a `200 OK` with a body; for a delete, `()`
    /// from a `204 No Content`.
    ///
    /// Any other success status is an error saying what came back. An error status gives
    /// Graph's error, parsed: code, message, the innermost `innerError` code, `request-id`,
    /// `client-request-id`, `date` and `Retry-After`, from the headers or the body; a body
    /// that is not a Graph error (empty, a gateway's HTML page) gives the status and an
    /// excerpt. No input makes it panic.
    ///
    /// # Errors
    ///
    /// Whatever did not go as the request should: see [`GraphError`].
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: http::Response<B>,
    ) -> Result<<K as ParseResponse<T>>::Output, GraphError>
    where
        K: ParseResponse<T>,
    {
        let (parts, body) = response.into_parts();
        let needs = self.kind.needs();
        K::parse(parts.status, &parts.headers, body.as_ref())
            .map_err(|error| needs.forbidden(error))
    }

    /// Checks `token` against what this request's operation needs, where the resource
    /// declares it (`#[graph_resource(permissions(...))]`): a delegated token's `scp`, an
    /// application token's `roles`, or a personal account's (by its `tid`) must hold one of
    /// the permissions declared for its scheme. `Ok` where nothing is declared, and for a
    /// token whose claims cannot be read (not a JWT, or claims of other shapes): the
    /// service decides.
    ///
    /// The check reads the token's claims only, without verifying its signature: Graph
    /// verifies every token itself. It spares a round trip that would end in `403` and
    /// says what is missing; it is no security boundary.
    ///
    /// # Errors
    ///
    /// A [`PermissionError`](crate::PermissionError) naming the operation, the permissions
    /// that would do and those the token grants (never the token).
    pub fn check_token(&self, token: &AccessToken) -> Result<(), crate::PermissionError>
    where
        K: ParseResponse<T>,
    {
        self.kind.needs().check(token)
    }
}

impl<K, T> Request<K, T> {
    /// The request for another URL of the same list (its next page), carrying this one's
    /// headers and preferences.
    pub(crate) fn to_next(&self, target: String, kind: K) -> Self {
        Self {
            base_len: target.len(),
            target,
            query: Vec::new(),
            body: None,
            headers: self.headers.clone(),
            prefer: self.prefer.clone(),
            kind,
            target_type: PhantomData,
        }
    }

    /// Rewrites the path and query the request was built with (not the query options set
    /// since, which follow it again).
    pub(crate) fn rebase(&mut self, rewrite: impl FnOnce(&str) -> String) {
        let base = rewrite(&self.target[..self.base_len]);
        let options = self.target[self.base_len..].to_owned();
        self.base_len = base.len();
        self.target = base;
        // The options were written after a `?` or a `&`: with a new base, the first one
        // follows whichever it now needs.
        if let Some(rest) = options.strip_prefix(['?', '&']) {
            self.target
                .push(if self.target.contains('?') { '&' } else { '?' });
            self.target.push_str(rest);
        }
    }

    /// The kind, with what it holds.
    pub(crate) fn kind(&self) -> &K {
        &self.kind
    }

    /// Appends `/segment` (written as it is) to a request without query options yet.
    pub(crate) fn push_segment_raw(&mut self, segment: &str) {
        self.target.push('/');
        self.target.push_str(segment);
        self.base_len = self.target.len();
    }
}

impl<K: sealed::WithBody, T> Request<K, T> {
    /// The compact JSON body: `@odata.type` first, then every property the request sends,
    /// in declaration order (for an update, `null` for one it clears); read-only
    /// properties and the object's own `@odata.` annotations are never in it.
    #[must_use]
    pub fn body(&self) -> &[u8] {
        self.body.as_deref().unwrap_or_default()
    }

    /// The body, giving up the request.
    #[must_use]
    pub fn into_body(self) -> Vec<u8> {
        self.body.unwrap_or_default()
    }
}

impl<K: sealed::Conditional, T> Request<K, T> {
    /// Sends `If-Match` with this ETag (`W/"..."`, as Graph gave it in `@odata.etag`): the
    /// update or delete only applies if the item is unchanged since.
    #[must_use]
    pub fn if_match(mut self, etag: &str) -> Self {
        if let Ok(value) = HeaderValue::from_str(etag) {
            self.headers.insert(http::header::IF_MATCH, value);
        }
        self
    }
}

impl<K: Clone, T> Clone for Request<K, T> {
    fn clone(&self) -> Self {
        Self {
            target: self.target.clone(),
            base_len: self.base_len,
            query: self.query.clone(),
            body: self.body.clone(),
            headers: self.headers.clone(),
            prefer: self.prefer.clone(),
            kind: self.kind.clone(),
            target_type: PhantomData,
        }
    }
}

impl<K: RequestKind, T> fmt::Debug for Request<K, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body is left out (it can hold secrets, a new user's password, and Debug
        // output ends up in logs), and of the headers only their names.
        let mut debug = f.debug_struct(K::NAME);
        debug
            .field("method", self.method())
            .field("path", &self.path());
        if let Some(body) = &self.body {
            debug.field("body_len", &body.len());
        }
        if !self.headers.is_empty() {
            debug.field("headers", &self.headers.keys().collect::<Vec<_>>());
        }
        if !self.prefer.is_empty() {
            debug.field("prefer", &self.prefer);
        }
        debug.finish_non_exhaustive()
    }
}
