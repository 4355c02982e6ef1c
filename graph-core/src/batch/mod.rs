//! JSON batching: up to twenty requests of any kinds in one `POST /$batch`, each answered
//! in its own type.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};

use http::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::permissions::{self, PermissionError};
use crate::request::{ParseResponse, Request, RequestKind};
use crate::{AccessToken, Endpoint, GraphError, GraphResource};

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
    depends_on: Vec<usize>,
    check: fn(&AccessToken) -> Result<(), PermissionError>,
}

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

/// The parse of a request kind's answer, with what a `403` adds.
fn parse_step<K: ParseResponse<T>, T: GraphResource>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<K::Output, GraphError> {
    K::parse(status, headers, body).map_err(crate::request::forbidden::<K, T>)
}

fn check_step<K: RequestKind, T: GraphResource>(
    token: &AccessToken,
) -> Result<(), PermissionError> {
    let name = T::ODATA_TYPE.trim_start_matches('#');
    permissions::check(&T::PERMISSIONS, K::OPERATION, name, token)
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
        K: ParseResponse<T>,
        T: GraphResource,
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
        K: ParseResponse<T>,
        T: GraphResource,
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
        let body = request.body_bytes().map(<[u8]>::to_vec);
        if body.is_some() {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        let mut depends_on: Vec<usize> = after.iter().map(|step| step.id).collect();
        depends_on.sort_unstable();
        depends_on.dedup();
        self.steps.push(BatchStep {
            id,
            method: K::METHOD,
            url: request.path().to_owned(),
            headers,
            body,
            depends_on,
            check: check_step::<K, T>,
        });
        Ok(Step {
            at: StepId { batch: self.id, id },
            parse: parse_step::<K, T>,
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
        self.steps.iter().try_for_each(|step| (step.check)(token))
    }

    /// The batch's JSON body: `{"requests":[{"id","method","url","headers","body",
    /// "dependsOn"}]}`, each step's body as JSON (not a string) and its URL relative to the
    /// version root.
    #[must_use]
    pub fn body(&self) -> Vec<u8> {
        write_requests(self.steps.iter())
    }

    /// The `POST {base}/$batch` request, with the bearer token.
    #[must_use]
    pub fn to_http(&self, endpoint: &Endpoint, token: &AccessToken) -> http::Request<Vec<u8>> {
        to_http(self.body(), endpoint, token)
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
        let answers = parse_answers(parts.status, &parts.headers, body.as_ref(), &ids)?;
        Ok(BatchResponse {
            batch: self.id,
            answers,
        })
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
        let mut throttled = Vec::new();
        let mut wait = None;
        for step in &self.steps {
            let Some(answer) = response.answers.get(&step.id) else {
                continue;
            };
            if matches!(answer.status.as_u16(), 429 | 503) {
                throttled.push(step.id);
                wait = wait.max(answer.retry_after());
            }
        }
        (throttled, wait)
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

fn write_requests<'a>(steps: impl Iterator<Item = &'a BatchStep>) -> Vec<u8> {
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
        if let Some(body) = &step.body {
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

/// One step's answer: its status, headers and body (as JSON bytes, or empty).
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    /// How long the step asks to wait before it is sent again, from its `Retry-After`.
    #[cfg(feature = "client")]
    pub(crate) fn retry_after(&self) -> Option<std::time::Duration> {
        let value = self.headers.get("retry-after")?.to_str().ok()?;
        crate::response::retry_after_value(value, None)
    }
}

/// Reads a batch's answer, checked as a whole before anything is taken from it: a `200`,
/// a `responses` array of at most as many entries as the batch has steps (counted before
/// each entry is built, so a hostile answer costs no more than its steps would), each
/// answering one of `ids` (the batch's step ids) once.
fn parse_answers(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    ids: &[usize],
) -> Result<HashMap<usize, Answer>, GraphError> {
    if status != StatusCode::OK {
        return Err(crate::response::unexpected(
            status,
            headers,
            body,
            "200 OK with the batch's responses",
        ));
    }
    let invalid = |why: &str| {
        crate::response::invalid_body(
            status,
            headers,
            format!("the body is not a batch answer: {why}"),
        )
    };
    let responses = read_responses(body, ids.len()).map_err(|error| invalid(&error))?;
    let mut answers = HashMap::new();
    let mut foreign = Vec::new();
    let mut repeated = Vec::new();
    for (index, response) in responses.iter().enumerate() {
        let id = match response.get("id") {
            Some(Value::String(id)) => Some(id.clone()),
            Some(Value::Number(id)) => Some(id.to_string()),
            _ => None,
        };
        let Some(id) = id else {
            return Err(invalid(&format!("response {index} has no step id")));
        };
        let Some(step) = id.parse::<usize>().ok().filter(|step| ids.contains(step)) else {
            foreign.push(shorten_id(&id));
            continue;
        };
        let status = response
            .get("status")
            .and_then(Value::as_u64)
            .and_then(|status| u16::try_from(status).ok())
            .and_then(|status| StatusCode::from_u16(status).ok())
            .ok_or_else(|| invalid(&format!("the response to step {step} has no valid status")))?;
        let mut step_headers = HeaderMap::new();
        if let Some(Value::Object(map)) = response.get("headers") {
            for (name, value) in map {
                let (Ok(name), Some(Ok(value))) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    value.as_str().map(HeaderValue::from_str),
                ) else {
                    continue;
                };
                step_headers.append(name, value);
            }
        }
        let body = match response.get("body") {
            None | Some(Value::Null) => Vec::new(),
            Some(body) => serde_json::to_vec(body).unwrap_or_default(),
        };
        let answer = Answer {
            status,
            headers: step_headers,
            body,
        };
        if answers.insert(step, answer).is_some() && !repeated.contains(&step.to_string()) {
            repeated.push(step.to_string());
        }
    }
    if !foreign.is_empty() {
        return Err(invalid(&format!(
            "it answers step ids the batch never gave ({}); the batch's are {}",
            foreign.join(", "),
            ids.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if !repeated.is_empty() {
        return Err(invalid(&format!(
            "it answers step {} more than once",
            repeated.join(", ")
        )));
    }
    Ok(answers)
}

/// A step id from an answer, for a message: quoted, at most 40 characters.
fn shorten_id(id: &str) -> String {
    let short: String = id.chars().take(40).collect();
    if short.len() < id.len() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}

/// The entries of the answer's `responses` array, at most `limit` of them: one more is an
/// error before it is built.
fn read_responses(body: &[u8], limit: usize) -> Result<Vec<Value>, String> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let responses = serde::Deserializer::deserialize_map(&mut deserializer, BatchBody { limit })
        .map_err(|error| error.to_string())?;
    deserializer.end().map_err(|error| error.to_string())?;
    responses.ok_or_else(|| "it has no `responses` array".to_owned())
}

/// The answer's object: its `responses`, every other member skipped unbuilt.
struct BatchBody {
    limit: usize,
}

impl<'de> Visitor<'de> for BatchBody {
    type Value = Option<Vec<Value>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a `responses` array")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut responses = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "responses" && responses.is_none() {
                responses = Some(map.next_value_seed(Responses { limit: self.limit })?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(responses)
    }
}

/// The `responses` array, refused past `limit` entries.
struct Responses {
    limit: usize,
}

impl<'de> DeserializeSeed<'de> for Responses {
    type Value = Vec<Value>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Vec<Value>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Responses {
    type Value = Vec<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a `responses` array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Value>, A::Error> {
        let mut entries = Vec::with_capacity(self.limit.min(MAX_STEPS));
        while entries.len() < self.limit {
            match seq.next_element::<Value>()? {
                Some(entry) => entries.push(entry),
                None => return Ok(entries),
            }
        }
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(format!(
                "it holds more responses than the batch's {} steps",
                self.limit
            )));
        }
        Ok(entries)
    }
}

/// The answer to a [`Batch`]: each step's status, headers and body, taken step by step in
/// its own type with [`take`](Self::take).
#[derive(Debug, Clone)]
pub struct BatchResponse {
    batch: u64,
    answers: HashMap<usize, Answer>,
}

impl BatchResponse {
    /// The answer to `step`, read by its request's `parse_response` rules: the created,
    /// read or updated value, a page, `()` for a delete.
    ///
    /// # Errors
    ///
    /// The step's own error: Graph's error for its status (`429` with its `Retry-After`,
    /// `424 Failed Dependency` where a step it depends on failed, ...), a body that does not
    /// read, or [`GraphErrorKind::MissingStep`](crate::GraphErrorKind::MissingStep) where
    /// the answer has none for it (or it is another batch's step).
    pub fn take<O>(&mut self, step: Step<O>) -> Result<O, GraphError> {
        if step.at.batch != self.batch {
            return Err(GraphError::missing_step(
                step.at.id,
                "the step belongs to another batch",
            ));
        }
        let Some(answer) = self.answers.remove(&step.at.id) else {
            return Err(GraphError::missing_step(
                step.at.id,
                "the batch's answer has no response to it (or it was taken already)",
            ));
        };
        (step.parse)(answer.status, &answer.headers, &answer.body)
    }

    /// The status each step was answered with, by step id, in order.
    #[must_use]
    pub fn statuses(&self) -> Vec<(usize, StatusCode)> {
        let mut statuses: Vec<(usize, StatusCode)> = self
            .answers
            .iter()
            .map(|(id, answer)| (*id, answer.status))
            .collect();
        statuses.sort_unstable_by_key(|(id, _)| *id);
        statuses
    }

    /// Replaces the answers of the steps that were sent again.
    #[cfg(feature = "client")]
    pub(crate) fn merge(&mut self, later: BatchResponse) {
        self.answers.extend(later.answers);
    }
}
