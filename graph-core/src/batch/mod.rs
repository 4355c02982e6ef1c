//! JSON batching: up to twenty requests of any kinds in one `POST /$batch`, each answered in
//! its own type.
//!
//! Graph's `$batch` answers each request with its own status, headers and body, in any order.
//! [`Batch::add`] takes a request of any kind and gives a typed [`Step`];
//! [`BatchResponse::take`] reads that step's answer by its own request's rules into its own
//! type:
//!
//! ```
//! use graph_core::http::{Response, StatusCode};
//! use graph_core::{graph_resource, Batch, Endpoint, Page};
//!
//! #[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
//! #[derive(Debug, Default)]
//! struct Group {
//!     #[graph(read_only)]
//!     id: Option<String>,
//!     display_name: Option<String>,
//! }
//!
//! let mut batch = Batch::new();
//! let created = batch.add(&Group { display_name: Some("Library".into()), ..Group::default() }.create_request()?)?;
//! // Run only after the create succeeded (`dependsOn`): a step of this batch, or an error.
//! let listed = batch.add_after(&Group::list_request()?.top(5), &[created.id()])?;
//! let deleted = batch.add(&Group::delete_request("0b1f")?)?;
//! let request = batch.to_http(&Endpoint::v1(), &graph_core::AccessToken::new("token")?);
//! assert_eq!(request.uri(), "https://graph.microsoft.com/v1.0/$batch");
//!
//! // ... send it; Graph answers in any order, each step with its own status:
//! let mut answer = Response::new(br#"{"responses":[
//!     {"id":"3","status":404,"body":{"error":{"code":"Request_ResourceNotFound","message":"Gone."}}},
//!     {"id":"1","status":201,"body":{"id":"0b1f","displayName":"Library"}},
//!     {"id":"2","status":200,"body":{"value":[{"id":"0b1f"}]}}]}"#.to_vec());
//! *answer.status_mut() = StatusCode::OK;
//! let mut answer = batch.parse_response(answer)?;
//! let group: Group = answer.take(created)?;
//! let page: Page<Group> = answer.take(listed)?;
//! let error = answer.take(deleted).unwrap_err();
//! assert_eq!((group.id.as_deref(), page.items().len()), (Some("0b1f"), 1));
//! assert_eq!(error.status(), StatusCode::NOT_FOUND);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Each step carries its method, its URL relative to the version root (query included), its
//! headers (`Content-Type` for a body, `If-Match`, `Prefer`, `ConsistencyLevel`, yours; never
//! `Authorization`, which the batch carries) and its body as JSON. A 21st step is refused
//! ([`BatchError::Full`]), and so is a dependency on another batch's step. A step answered
//! `424 Failed Dependency` or `429` (with its own `Retry-After`) is that step's
//! [`GraphError`]; a step missing from the answer is
//! [`GraphErrorKind::MissingStep`](crate::GraphErrorKind::MissingStep); taking a step consumes
//! it, so it is taken once.
//!
//! A batch's answer is checked as a whole before anything is taken from it: at most as many
//! responses as the batch has steps (counted before each is built, so a hostile answer cannot
//! take memory), none for a step id the batch never gave, none twice; each is an error that
//! names the ids. The client's `send_batch` resends only the throttled steps, within one retry
//! budget, and never loses what succeeded.

mod answer;

use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};

use http::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};
use serde_json::Value;

use crate::permissions::{Needs, PermissionError};
use crate::request::{ParseResponse, Request};
use crate::{AccessToken, Endpoint, GraphError};

pub use answer::BatchResponse;

/// The most requests Graph takes in one batch.
pub const MAX_STEPS: usize = 20;

/// Tells batches apart, so a step is only ever taken from its own batch's answer.
static BATCHES: AtomicU64 = AtomicU64::new(1);

/// A JSON batch (`POST /$batch`): up to twenty requests of any kinds, sent in one round
/// trip and answered each with its own status, headers and body, in any order.
///
/// [`add`](Self::add) takes any request and gives a typed [`Step`], which
/// [`BatchResponse::take`] turns into what that request's `parse_response` gives;
/// [`add_after`](Self::add_after) adds one that Graph runs only after the steps it names
/// (`dependsOn`), which can only be steps of this batch.
///
/// ```
/// use graph_core::{graph_resource, Batch};
///
/// #[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
/// #[derive(Debug, Default)]
/// struct Group {
///     display_name: Option<String>,
/// }
///
/// let mut batch = Batch::new();
/// let created = batch.add(&Group { display_name: Some("Library".into()) }.create_request()?)?;
/// let listed = batch.add_after(&Group::list_request()?.top(5), &[created.id()])?;
/// assert_eq!(batch.len(), 2);
/// # let _ = listed;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Batch {
    id: u64,
    steps: Vec<BatchStep>,
}

/// One request of a batch, as Graph takes it, with what checks its token.
#[derive(Clone)]
pub(crate) struct BatchStep {
    /// Its `id`: its place in the batch, from 1.
    pub(crate) id: usize,
    method: Method,
    /// Relative to the version root, query included.
    url: String,
    headers: HeaderMap,
    /// JSON, written into the batch as JSON.
    body: Option<Vec<u8>>,
    /// The body where it depends on the endpoint (a reference's `@odata.id`).
    endpoint_body: Option<EndpointBody>,
    depends_on: Vec<usize>,
    needs: Needs,
    /// A content read, whose redirect to a pre-authenticated URL the client follows.
    #[cfg_attr(not(feature = "client"), allow(dead_code))]
    follows_redirects: bool,
}

/// A step's body written for the endpoint the batch goes to.
type EndpointBody = std::sync::Arc<dyn Fn(&Endpoint) -> Option<Vec<u8>> + Send + Sync>;

/// A step's place in its batch, to name it in [`Batch::add_after`]: made only by
/// [`Step::id`], so it always names a step that was added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StepId {
    batch: u64,
    id: usize,
}

/// A request added to a [`Batch`], to take its answer from the [`BatchResponse`] with
/// [`take`](BatchResponse::take): `O` is what its `parse_response` gives (`T`, `Page<T>`,
/// `Option<T>`, `()`). Taking consumes it, so a step is taken once.
pub struct Step<O> {
    at: StepId,
    parse: fn(StatusCode, &HeaderMap, &[u8]) -> Result<O, GraphError>,
    needs: Needs,
    _output: PhantomData<fn() -> O>,
}

impl<O> Step<O> {
    /// Its place in the batch, for [`Batch::add_after`].
    #[must_use]
    pub fn id(&self) -> StepId {
        self.at
    }
}

impl<O> fmt::Debug for Step<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Step({})", self.at.id)
    }
}

/// Why a request could not be added to a batch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BatchError {
    /// The batch already holds twenty requests, Graph's limit.
    #[error("a batch holds at most {MAX_STEPS} requests; start another for the rest")]
    Full,
    /// A step it would depend on belongs to another batch.
    #[error("step {0} it depends on belongs to another batch")]
    ForeignStep(usize),
}

impl Batch {
    /// An empty batch.
    #[must_use]
    pub fn new() -> Self {
        Self {
            id: BATCHES.fetch_add(1, Ordering::Relaxed),
            steps: Vec::new(),
        }
    }

    /// Adds a request of any kind; its answer is taken with the step this gives.
    ///
    /// # Errors
    ///
    /// [`BatchError::Full`] where the batch already holds twenty.
    pub fn add<K, T>(
        &mut self,
        request: &Request<K, T>,
    ) -> Result<Step<<K as ParseResponse<T>>::Output>, BatchError>
    where
        K: ParseResponse<T> + Send + Sync + 'static,
    {
        self.add_after(request, &[])
    }

    /// Adds a request that Graph runs only after every step in `after` has succeeded
    /// (`dependsOn`); where one fails, this one is answered `424 Failed Dependency`.
    ///
    /// # Errors
    ///
    /// [`BatchError::Full`] where the batch already holds twenty;
    /// [`BatchError::ForeignStep`] where a step in `after` is another batch's.
    pub fn add_after<K, T>(
        &mut self,
        request: &Request<K, T>,
        after: &[StepId],
    ) -> Result<Step<<K as ParseResponse<T>>::Output>, BatchError>
    where
        K: ParseResponse<T> + Send + Sync + 'static,
    {
        if self.steps.len() >= MAX_STEPS {
            return Err(BatchError::Full);
        }
        if let Some(foreign) = after.iter().find(|step| step.batch != self.id) {
            return Err(BatchError::ForeignStep(foreign.id));
        }
        let id = self.steps.len() + 1;
        let mut headers = request.headers().clone();
        // The batch carries the token; a step never does.
        headers.remove(AUTHORIZATION);
        let preferences: Vec<&str> = request.preferences().collect();
        if !preferences.is_empty() {
            if let Ok(prefer) = HeaderValue::try_from(preferences.join(", ")) {
                headers.insert(HeaderName::from_static("prefer"), prefer);
            }
        }
        let media_type = request.kind().media_type().cloned();
        let body = request.body_bytes().map(|body| match media_type {
            // Bytes that are not JSON go as a base64 string, with their own type.
            Some(_) => {
                let mut text = Vec::with_capacity(body.len() / 3 * 4 + 6);
                // A `String` always writes.
                let _ = serde_json::to_writer(&mut text, &crate::Binary::from(body).to_base64());
                text
            }
            None => body.to_vec(),
        });
        let kind = request.kind().clone();
        let endpoint_body: Option<EndpointBody> = K::ENDPOINT_BODY.then(|| {
            std::sync::Arc::new(move |endpoint: &Endpoint| kind.endpoint_body(endpoint))
                as EndpointBody
        });
        if body.is_some() || endpoint_body.is_some() {
            let json = HeaderValue::from_static("application/json");
            headers.insert(CONTENT_TYPE, media_type.unwrap_or(json));
        }
        let mut depends_on: Vec<usize> = after.iter().map(|step| step.id).collect();
        depends_on.sort_unstable();
        depends_on.dedup();
        let needs = request.kind().needs();
        let follows_redirects = K::FOLLOWS_REDIRECTS && *request.method() == Method::GET;
        self.steps.push(BatchStep {
            id,
            method: request.method().clone(),
            url: request.path().to_owned(),
            headers,
            body,
            endpoint_body,
            depends_on,
            needs,
            follows_redirects,
        });
        Ok(Step {
            at: StepId { batch: self.id, id },
            parse: K::parse_batch,
            needs,
            _output: PhantomData,
        })
    }

    /// How many requests it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether it holds none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Checks `token` against what each step's operation needs, where its resource
    /// declares it (see [`Request::check_token`]).
    ///
    /// # Errors
    ///
    /// The first step's [`PermissionError`].
    pub fn check_token(&self, token: &AccessToken) -> Result<(), PermissionError> {
        self.steps
            .iter()
            .try_for_each(|step| step.needs.check(token))
    }

    /// The batch's JSON body for `endpoint`: `{"requests":[{"id","method","url","headers",
    /// "body","dependsOn"}]}`, each step's body as JSON (not a string) and its URL relative
    /// to the version root (a reference's `@odata.id` is absolute on `endpoint`).
    #[must_use]
    pub fn body(&self, endpoint: &Endpoint) -> Vec<u8> {
        write_requests(self.steps.iter(), endpoint)
    }

    /// The `POST {base}/$batch` request, with the bearer token.
    #[must_use]
    pub fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
        to_http(self.body(endpoint), endpoint, token)
    }

    /// Reads the answer to this batch: its own status (`200 OK`) and body (a `responses`
    /// array), each step's answer kept for [`BatchResponse::take`].
    ///
    /// # Errors
    ///
    /// Another status (Graph's error, as for any request), or a body that is not a batch
    /// answer.
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: http::Response<B>,
    ) -> Result<BatchResponse, GraphError> {
        let (parts, body) = response.into_parts();
        let ids: Vec<usize> = self.steps.iter().map(|step| step.id).collect();
        BatchResponse::read(self.id, parts.status, &parts.headers, body.as_ref(), &ids)
    }

    /// The batch of `ids` only, keeping each step's id, and dependencies only on steps
    /// that are resent too (the others succeeded).
    #[cfg(feature = "client")]
    pub(crate) fn subset(&self, ids: &[usize]) -> Batch {
        let steps = self
            .steps
            .iter()
            .filter(|step| ids.contains(&step.id))
            .map(|step| {
                let mut step = step.clone();
                step.depends_on.retain(|id| ids.contains(id));
                step
            })
            .collect();
        Batch { id: self.id, steps }
    }

    /// The steps of this batch that `response` answered `429` or `503` (throttled: Graph
    /// did nothing), in order, with the longest wait any of them asks for. Only the
    /// batch's own steps are looked at, whatever else the answer holds.
    #[cfg(feature = "client")]
    pub(crate) fn throttled(
        &self,
        response: &BatchResponse,
    ) -> (Vec<usize>, Option<std::time::Duration>) {
        response.throttled(self.steps.iter().map(|step| step.id))
    }

    /// The content steps `response` answered with a redirect that has a `Location`: each
    /// step's id, its URL on `endpoint` (which a relative location is resolved against),
    /// the location and the status.
    #[cfg(feature = "client")]
    pub(crate) fn redirected(
        &self,
        response: &BatchResponse,
        endpoint: &Endpoint,
    ) -> Vec<(usize, String, HeaderValue, StatusCode)> {
        self.steps
            .iter()
            .filter(|step| step.follows_redirects)
            .filter_map(|step| {
                let (status, location) = response.redirect_of(step.id)?;
                Some((
                    step.id,
                    endpoint.uri(&step.url).to_string(),
                    location,
                    status,
                ))
            })
            .collect()
    }

    /// The ids of the steps that depend, directly or not, on any of `ids`.
    #[cfg(feature = "client")]
    pub(crate) fn dependents(&self, ids: &[usize]) -> Vec<usize> {
        let mut all: Vec<usize> = ids.to_vec();
        // Steps only depend on earlier ones, so one pass in order finds every dependent.
        for step in &self.steps {
            if !all.contains(&step.id) && step.depends_on.iter().any(|id| all.contains(id)) {
                all.push(step.id);
            }
        }
        all.sort_unstable();
        all
    }
}

impl Default for Batch {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for Batch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|step| format!("{} {} {}", step.id, step.method, step.url))
            .collect();
        f.debug_struct("Batch").field("steps", &steps).finish()
    }
}

fn write_requests<'a>(steps: impl Iterator<Item = &'a BatchStep>, endpoint: &Endpoint) -> Vec<u8> {
    let mut out = br#"{"requests":["#.to_vec();
    for (index, step) in steps.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.extend_from_slice(br#"{"id":""#);
        out.extend_from_slice(step.id.to_string().as_bytes());
        out.extend_from_slice(br#"","method":""#);
        out.extend_from_slice(step.method.as_str().as_bytes());
        out.extend_from_slice(br#"","url":"#);
        // A `String` always writes.
        let _ = serde_json::to_writer(&mut out, &step.url);
        if !step.headers.is_empty() {
            let headers: serde_json::Map<String, Value> = step
                .headers
                .keys()
                .map(|name| {
                    let values: Vec<&str> = step
                        .headers
                        .get_all(name)
                        .iter()
                        .filter_map(|value| value.to_str().ok())
                        .collect();
                    (name.as_str().to_owned(), Value::String(values.join(", ")))
                })
                .collect();
            out.extend_from_slice(br#","headers":"#);
            let _ = serde_json::to_writer(&mut out, &headers);
        }
        let for_endpoint = step.endpoint_body.as_ref().and_then(|body| body(endpoint));
        if let Some(body) = for_endpoint.as_ref().or(step.body.as_ref()) {
            // A request's body is JSON already: written as JSON, not as a string.
            out.extend_from_slice(br#","body":"#);
            out.extend_from_slice(body);
        }
        if !step.depends_on.is_empty() {
            let ids: Vec<String> = step.depends_on.iter().map(usize::to_string).collect();
            out.extend_from_slice(br#","dependsOn":"#);
            let _ = serde_json::to_writer(&mut out, &ids);
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"]}");
    out
}

fn to_http(body: Vec<u8>, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
    crate::request::http_request(Method::POST, endpoint.uri("/$batch"), Some(body), token)
}
