//! Requests: one type for every operation, [`Request<K, T>`], whose kind `K` says what it
//! does and what its response reads as. Each kind has a name of its own:
//! [`CreateRequest`], [`GetRequest`], [`ListRequest`], [`UpdateRequest`], [`DeleteRequest`].

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use http::header::{HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, Method, StatusCode};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

use crate::object::Object;
use crate::page::{Page, PageBody};
use crate::permissions::Operation;
use crate::validation::{Violation, Violations};
use crate::{AccessToken, Endpoint, GraphError, GraphResource, ValidationError, ViolationKind};

/// RFC 7240's `Prefer`, which `http` does not name.
const PREFER: HeaderName = HeaderName::from_static("prefer");

/// The `User-Agent` every request carries: this crate and its version.
pub const USER_AGENT_VALUE: &str = concat!("graph-core/", env!("CARGO_PKG_VERSION"));

/// A request that creates a `T`: `POST` to a collection path with the JSON body Graph
/// documents for it. Built by the generated `create_request(...)`, or
/// [`GraphResource::create_request_at`], which validate first: a `CreateRequest` only
/// exists for a value that passed validation.
pub type CreateRequest<T> = Request<Create, T>;
/// A request that reads one `T`: `GET` of the item's path. Built by the generated
/// `get_request(...)` or [`GraphResource::get_request_at`].
pub type GetRequest<T> = Request<Get, T>;
/// A request that reads a collection of `T` a page at a time: `GET` of the collection's
/// path. Built by the generated `list_request(...)` or [`GraphResource::list_request_at`].
pub type ListRequest<T> = Request<List, T>;
/// A request that changes a `T`: `PATCH` of the item's path with a partial body. Built by
/// the generated `update_request(...)` and `update_request_from(...)`, or their `_at`
/// forms on [`GraphResource`].
pub type UpdateRequest<T> = Request<Update, T>;
/// A request that deletes a `T`: `DELETE` of the item's path. Built by the generated
/// `delete_request(...)` or [`GraphResource::delete_request_at`].
pub type DeleteRequest<T> = Request<Delete, T>;

/// The kind of a [`CreateRequest`]: `POST`, answered `201 Created` with the created `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Create;
/// The kind of a [`GetRequest`]: `GET`, answered `200 OK` with the `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Get;
/// The kind of a [`ListRequest`]: `GET`, answered `200 OK` with a [`Page`] of `T`. Holds the
/// URLs of the pages before this one, so that a link back to any of them is refused.
#[derive(Debug, Clone, Default)]
pub struct List {
    earlier: Vec<String>,
}
/// The kind of an [`UpdateRequest`]: `PATCH`, answered `204 No Content` (or `200 OK` with
/// the updated `T`). Holds the body's properties, so that [`clear`](Request::clear) can add
/// or replace one.
#[derive(Debug, Clone, Default)]
pub struct Update {
    /// Each property of the body: its JSON name and its `,"name":value` text.
    entries: Vec<(Cow<'static, str>, Vec<u8>)>,
    /// `,"@odata.type":"#…"`, or empty.
    odata_prefix: &'static [u8],
}
/// The kind of a [`DeleteRequest`]: `DELETE`, answered `204 No Content`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Delete;

mod sealed {
    pub trait Sealed {}
    /// The kinds with a body: creates and updates.
    pub trait WithBody {}
    impl WithBody for super::Create {}
    impl WithBody for super::Update {}
    /// The kinds that take `If-Match`: updates and deletes.
    pub trait Conditional {}
    impl Conditional for super::Update {}
    impl Conditional for super::Delete {}
    /// The kinds that read what they address: gets and lists.
    pub trait Reads {}
    impl Reads for super::Get {}
    impl Reads for super::List {}
    impl Sealed for super::Create {}
    impl Sealed for super::Get {}
    impl Sealed for super::List {}
    impl Sealed for super::Update {}
    impl Sealed for super::Delete {}
}

/// What a request kind sends: its HTTP method, the operation of a permissions table it
/// performs, and its name in messages.
pub trait RequestKind: sealed::Sealed + Clone {
    /// The HTTP method.
    const METHOD: Method;
    /// The operation, as a permissions table names it.
    const OPERATION: Operation;
    /// The request type's name (`CreateRequest`), for `Debug`.
    const NAME: &'static str;
}

impl RequestKind for Create {
    const METHOD: Method = Method::POST;
    const OPERATION: Operation = Operation::Create;
    const NAME: &'static str = "CreateRequest";
}
impl RequestKind for Get {
    const METHOD: Method = Method::GET;
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "GetRequest";
}
impl RequestKind for List {
    const METHOD: Method = Method::GET;
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "ListRequest";
}
impl RequestKind for Update {
    const METHOD: Method = Method::PATCH;
    const OPERATION: Operation = Operation::Update;
    const NAME: &'static str = "UpdateRequest";
}
impl RequestKind for Delete {
    const METHOD: Method = Method::DELETE;
    const OPERATION: Operation = Operation::Delete;
    const NAME: &'static str = "DeleteRequest";
}

/// How a request kind's response reads for a `T`: the status it expects and what the body
/// becomes.
pub trait ParseResponse<T>: RequestKind {
    /// What a success gives.
    type Output;

    /// Reads a response.
    ///
    /// # Errors
    ///
    /// An error status, another success status, or a body that does not read.
    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self::Output, GraphError>;
}

impl<T: GraphResource> ParseResponse<T> for Create {
    type Output = T;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        crate::response::parse(status, headers, body, T::ODATA_TYPE)
    }
}

impl<T: GraphResource> ParseResponse<T> for Get {
    type Output = T;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        let name = T::ODATA_TYPE.trim_start_matches('#');
        if status == StatusCode::OK {
            return crate::response::read_body(status, headers, body, name);
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK with the {name}"),
        ))
    }
}

impl<T: GraphResource> ParseResponse<T> for List {
    type Output = Page<T>;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Page<T>, GraphError> {
        let name = T::ODATA_TYPE.trim_start_matches('#');
        if status == StatusCode::OK {
            let what = format!("a page of {name}");
            return crate::response::read_body::<PageBody<T>>(status, headers, body, &what)
                .map(PageBody::into_page);
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK with a page of {name}"),
        ))
    }
}

impl<T: GraphResource> ParseResponse<T> for Update {
    type Output = Option<T>;

    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Option<T>, GraphError> {
        let name = T::ODATA_TYPE.trim_start_matches('#');
        match status {
            StatusCode::NO_CONTENT => Ok(None),
            StatusCode::OK => crate::response::read_body(status, headers, body, name).map(Some),
            _ => Err(crate::response::unexpected(
                status,
                headers,
                body,
                &format!("204 No Content, or 200 OK with the updated {name}"),
            )),
        }
    }
}

impl<T> ParseResponse<T> for Delete {
    type Output = ();

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), GraphError> {
        if status == StatusCode::NO_CONTENT {
            return Ok(());
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            "204 No Content",
        ))
    }
}

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
    pub(crate) fn new(path: String, body: Option<Vec<u8>>, kind: K) -> Self {
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
        const { &K::METHOD }
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

    pub(crate) fn add_preference(&mut self, preference: &str) {
        let preference = preference.trim();
        if preference.is_empty() || HeaderValue::from_str(preference).is_err() {
            return;
        }
        let name = preference_name(preference);
        match self
            .prefer
            .iter_mut()
            .find(|p| preference_name(p).eq_ignore_ascii_case(name))
        {
            Some(existing) => *existing = Cow::Owned(preference.to_owned()),
            None => self.prefer.push(Cow::Owned(preference.to_owned())),
        }
    }

    /// Adds a preference the library writes, first: known to be a valid header value and
    /// alone on a new request, so it costs no allocation.
    pub(crate) fn add_library_preference(&mut self, preference: &'static str) {
        if self.prefer.is_empty() {
            self.prefer.push(Cow::Borrowed(preference));
        } else {
            self.add_preference(preference);
        }
    }

    /// Sets a query option, replacing an earlier value of it, and writes the target again.
    fn set_query(&mut self, name: &'static str, value: &str) {
        let encoded: String = percent_encoding::utf8_percent_encode(value, QUERY_VALUE).collect();
        match self.query.iter_mut().find(|(n, _)| *n == name) {
            Some(option) => option.1 = encoded,
            None => self.query.push((name, encoded)),
        }
        self.target.truncate(self.base_len);
        let mut separator = if self.target.contains('?') { '&' } else { '?' };
        for (name, value) in &self.query {
            self.target.push(separator);
            self.target.push_str(name);
            self.target.push('=');
            self.target.push_str(value);
            separator = '&';
        }
    }

    fn insert_header(&mut self, name: HeaderName, value: &'static str) {
        self.headers.insert(name, HeaderValue::from_static(value));
    }

    /// The request as an `http` request, ready for any HTTP client: the method, the
    /// endpoint's base URL followed by [`path`](Self::path), the body, and the headers:
    ///
    /// - `Authorization: Bearer <token>` (marked sensitive, so `http`'s `Debug` hides it),
    ///   unless the request was given an `Authorization` of its own;
    /// - `Accept: application/json`, and `Content-Type: application/json` with a body;
    /// - `client-request-id`: a fresh GUID for each call, which Graph echoes back and logs;
    /// - `User-Agent: graph-core/<version>`;
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
        let mut request = http_request(
            K::METHOD,
            endpoint.uri(&self.target),
            self.body.clone(),
            token,
        );
        let headers = request.headers_mut();
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
    /// `T` from a `200 OK`; for a list, a [`Page`] from a `200 OK`; for an update, `None`
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
        T: GraphResource,
    {
        let (parts, body) = response.into_parts();
        K::parse(parts.status, &parts.headers, body.as_ref()).map_err(forbidden::<K, T>)
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
        T: GraphResource,
    {
        let name = T::ODATA_TYPE.trim_start_matches('#');
        crate::permissions::check(&T::PERMISSIONS, K::OPERATION, name, token)
    }
}

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
    headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
    request
}

/// A `403` on a request whose resource declares what its operation needs: the error says
/// so.
pub(crate) fn forbidden<K: RequestKind, T: GraphResource>(error: GraphError) -> GraphError {
    if error.status() != StatusCode::FORBIDDEN {
        return error;
    }
    let name = T::ODATA_TYPE.trim_start_matches('#');
    match crate::permissions::forbidden_note(&T::PERMISSIONS, K::OPERATION, name) {
        Some(note) => error.with_permissions_note(note),
        None => error,
    }
}

/// `$select`, shared by gets and lists.
fn select<K: RequestKind, T: Object>(
    mut request: Request<K, T>,
    names: &[&str],
) -> Result<Request<K, T>, ValidationError> {
    let declared: Vec<&'static str> = T::INFO.fields().iter().map(|f| f.name).collect();
    let mut out = Violations::new();
    for name in names {
        if !declared.contains(name) {
            out.push_violation(unknown_property(name, &declared));
        }
    }
    out.finish(T::INFO.odata_type.unwrap_or(""))?;
    request.set_query("$select", &names.join(","));
    Ok(request)
}

/// A name the type does not declare, with the declared name it is nearest to.
fn unknown_property(name: &str, declared: &[&str]) -> Violation {
    let nearest = declared
        .iter()
        .map(|d| {
            (
                strsim::jaro_winkler(&name.to_ascii_lowercase(), &d.to_ascii_lowercase()),
                d,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, d)| format!("; did you mean `{d}`?"))
        .unwrap_or_default();
    Violation::with_detail(
        name.to_owned(),
        ViolationKind::UnknownProperty,
        format!("`{name}` is not a property of the type{nearest}"),
    )
}

impl<K: RequestKind + sealed::Reads, T: Object> Request<K, T> {
    /// `$select`: only these properties, by their JSON names. A name the type does not
    /// declare is refused, with the nearest one it does.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] naming each name the type does not declare.
    pub fn select(self, names: &[&str]) -> Result<Self, ValidationError> {
        select(self, names)
    }
}

impl<K: RequestKind + sealed::Reads, T> Request<K, T> {
    /// `$expand`: an OData expand expression, as written (`manager($select=id)`).
    #[must_use]
    pub fn expand(mut self, expression: &str) -> Self {
        self.set_query("$expand", expression);
        self
    }
}

impl<T> Request<List, T> {
    /// `$filter`: an OData filter expression, as written
    /// (`startswith(displayName,'A') and accountEnabled eq true`).
    #[must_use]
    pub fn filter(mut self, expression: &str) -> Self {
        self.set_query("$filter", expression);
        self
    }

    /// `$orderby`: properties to sort by, as written (`displayName desc`).
    #[must_use]
    pub fn order_by(mut self, expression: &str) -> Self {
        self.set_query("$orderby", expression);
        self
    }

    /// `$search`, as written (`"displayName:room"`, quotes included). Adds
    /// `ConsistencyLevel: eventual`, which Graph needs for it on directory objects.
    #[must_use]
    pub fn search(mut self, expression: &str) -> Self {
        self.set_query("$search", expression);
        self.insert_header(HeaderName::from_static("consistencylevel"), "eventual");
        self
    }

    /// `$top`: at most this many items in all (Graph may still page them).
    #[must_use]
    pub fn top(mut self, count: u32) -> Self {
        self.set_query("$top", &count.to_string());
        self
    }

    /// `$count=true`: each page carries the total count ([`Page::count`]). Adds
    /// `ConsistencyLevel: eventual`, which Graph needs for it on directory objects.
    #[must_use]
    pub fn count(mut self) -> Self {
        self.set_query("$count", "true");
        self.insert_header(HeaderName::from_static("consistencylevel"), "eventual");
        self
    }

    /// `Prefer: odata.maxpagesize=N`: at most this many items a page.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.add_preference(&format!("odata.maxpagesize={size}"));
        self
    }

    /// The request for the page after `page`: `Ok(None)` after the last one. It carries
    /// this request's headers and preferences, and the next link is used byte for byte
    /// (less a fragment, which is never sent), except that `.` and `..` segments are
    /// resolved first, as an HTTP stack would resolve them before sending.
    ///
    /// The link is judged on the URL that will actually be sent: its `.` and `..` segments
    /// and their percent-encoded forms (`%2e`, `%2E%2E`, any case) resolved, and `\` read
    /// as `/`, it must lie under `endpoint`'s base URL (same scheme, host and port, and a
    /// path that continues the base path after a `/`), and so must its path once
    /// percent-decoded (`..%2F` included), so a bearer token is never sent outside the
    /// base path.
    ///
    /// # Errors
    ///
    /// The link is blank, does not lie under `endpoint`'s base URL as above, is not a URL
    /// path, or repeats the URL of this page or one before it (a loop).
    pub fn next_page(
        &self,
        page: &Page<T>,
        endpoint: &Endpoint,
    ) -> Result<Option<Self>, NextPageError> {
        let Some(link) = page.next_link() else {
            return Ok(None);
        };
        let fail = |reason| {
            Err(NextPageError {
                link: link.chars().take(300).collect(),
                reason,
            })
        };
        let rest = match endpoint.follow(link) {
            Ok(rest) => rest,
            Err(reason) => return fail(reason),
        };
        if rest == self.target || self.kind.earlier.contains(&rest) {
            return fail(NextPageReason::Repeated);
        }
        let mut earlier = self.kind.earlier.clone();
        earlier.push(self.target.clone());
        Ok(Some(Self {
            base_len: rest.len(),
            target: rest,
            query: Vec::new(),
            body: None,
            headers: self.headers.clone(),
            prefer: self.prefer.clone(),
            kind: List { earlier },
            target_type: PhantomData,
        }))
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

impl<T> Request<Update, T> {
    pub(crate) fn from_entries(
        path: String,
        odata_prefix: &'static [u8],
        entries: Vec<(Cow<'static, str>, Vec<u8>)>,
    ) -> Self {
        let kind = Update {
            entries,
            odata_prefix,
        };
        let body = kind.body();
        Self::new(path, Some(body), kind)
    }
}

impl Update {
    fn body(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(
            2 + self.odata_prefix.len() + self.entries.iter().map(|e| e.1.len()).sum::<usize>(),
        );
        body.extend_from_slice(self.odata_prefix);
        for (_, entry) in &self.entries {
            body.extend_from_slice(entry);
        }
        crate::object::finish_object(&mut body, 0);
        body
    }
}

impl<T: Object> Request<Update, T> {
    /// Sends `null` for this declared property (by its JSON name), which clears it in
    /// Graph, replacing any value the body had for it.
    ///
    /// # Errors
    ///
    /// The type declares no such property (the error names the nearest one it does), or
    /// the property is read-only.
    pub fn clear(mut self, name: &str) -> Result<Self, ValidationError> {
        let odata_type = T::INFO.odata_type.unwrap_or("");
        let Some(field) = T::INFO.fields().iter().find(|f| f.name == name) else {
            let declared: Vec<&str> = T::INFO.fields().iter().map(|f| f.name).collect();
            return Err(ValidationError::new(
                odata_type,
                vec![unknown_property(name, &declared)],
            ));
        };
        if field.read_only {
            return Err(ValidationError::new(
                odata_type,
                vec![Violation::new(
                    name.to_owned(),
                    ViolationKind::ReadOnlyProperty,
                )],
            ));
        }
        let mut entry = field.prefix.to_vec();
        entry.extend_from_slice(b"null");
        match self.kind.entries.iter_mut().find(|(n, _)| n == name) {
            Some(existing) => existing.1 = entry,
            None => self.kind.entries.push((Cow::Borrowed(field.name), entry)),
        }
        self.body = Some(self.kind.body());
        Ok(self)
    }
}

/// Why [`ListRequest::next_page`] refused a next link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NextPageReason {
    /// The link is empty or whitespace.
    Blank,
    /// The link is not under the endpoint's base URL: following it would send the token
    /// elsewhere.
    OutsideEndpoint,
    /// The link's path and query cannot be a URL's.
    NotAPath,
    /// The link is the URL of this page or of one before it: following it would loop.
    Repeated,
}

/// A next link [`ListRequest::next_page`] will not follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextPageError {
    link: String,
    reason: NextPageReason,
}

impl NextPageError {
    /// Why the link was refused.
    #[must_use]
    pub fn reason(&self) -> NextPageReason {
        self.reason
    }

    /// The link (its first 300 characters).
    #[must_use]
    pub fn link(&self) -> &str {
        &self.link
    }
}

impl fmt::Display for NextPageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.reason {
            NextPageReason::Blank => "it is blank",
            NextPageReason::OutsideEndpoint => {
                "it is not under the endpoint's base URL, and the token is sent only there"
            }
            NextPageReason::NotAPath => "it is not a valid URL",
            NextPageReason::Repeated => {
                "it repeats the URL of an earlier page, so paging would loop"
            }
        };
        write!(f, "the next link `{}` is not followed: {why}", self.link)
    }
}

impl std::error::Error for NextPageError {}

/// What a query option's value may carry as it is: RFC 3986's unreserved characters and
/// the punctuation OData expressions are made of that has no meaning in a query
/// (`'`, `(`, `)`, `,`, `:`, `$`, `@`, `/`, `*`, `!`). Everything else is encoded,
/// `&`, `=`, `+`, `#`, `%` and spaces included, so a value arrives as written.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b',')
    .remove(b':')
    .remove(b'$')
    .remove(b'@')
    .remove(b'/')
    .remove(b'*')
    .remove(b'!');

/// The preferences of a `Prefer` value, split at the commas outside quoted strings.
fn split_preferences(value: &str) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    let mut parts = Vec::new();
    for (at, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&value[start..]);
    parts.into_iter()
}

/// A preference's name: what comes before `=` or `;`.
fn preference_name(preference: &str) -> &str {
    preference
        .split(['=', ';'])
        .next()
        .unwrap_or(preference)
        .trim()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_split_outside_quotes() {
        let parts: Vec<_> = split_preferences(r#"a=1, b="x, y", c"#).collect();
        assert_eq!(parts, ["a=1", r#" b="x, y""#, " c"]);
        assert_eq!(preference_name(" odata.maxpagesize=5"), "odata.maxpagesize");
        assert_eq!(preference_name("respond-async; wait=5"), "respond-async");
    }
}
