//! Graph's errors, and every other way an answer is not what was asked for: one type,
//! [`GraphError`], whose `Display` is one line a person can act on.

use std::fmt;
use std::time::Duration;

use http::StatusCode;
use serde_json::Value;

use super::headers::{retry_after_value, seconds, Meta};

/// What kind of failure a [`GraphError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GraphErrorKind {
    /// Graph answered with an error status and its error body (`{"error": {"code": ...}}`):
    /// [`code`](GraphError::code) and [`message`](GraphError::message) say what went wrong.
    Service,
    /// An error status whose body is not a Graph error: empty, or a gateway's or proxy's
    /// HTML page. [`body_excerpt`](GraphError::body_excerpt) shows its start.
    NotGraphError,
    /// A success status other than the one the request expects (`201 Created` for a
    /// create, `204 No Content` for a delete, ...): the request did not do what it was
    /// meant to.
    UnexpectedStatus,
    /// A success, but the body does not read as what the request returns;
    /// [`property`](GraphError::property) says where.
    InvalidBody,
    /// `201 Created`, but the body's `@odata.type` names a different type.
    UnrelatedType,
    /// A batch's answer has no response to the step taken (or the step is another
    /// batch's).
    MissingStep,
    /// A delta query's link or token is one Graph no longer follows (`410 Gone`, or the
    /// codes `syncStateNotFound`, `syncStateInvalid`, `resyncRequired`,
    /// `resyncChangesApplyDifferences`, `resyncChangesUploadDifferences`, kept in
    /// [`code`](GraphError::code)): enumerate again
    /// ([`DeltaRequest::restart`](crate::DeltaRequest::restart)) and reconcile.
    ResyncRequired,
}

/// The error codes with which Graph's services say a delta round must start over.
const RESYNC_CODES: &[&str] = &[
    "syncStateNotFound",
    "syncStateInvalid",
    "resyncRequired",
    "resyncChangesApplyDifferences",
    "resyncChangesUploadDifferences",
];

/// A request that did not give what it asks for: Graph's error, parsed, or a response
/// that is not what the request's kind returns (another success status, a body that does
/// not read). `Display` is one line: `400 Bad Request: Request_BadRequest: <message>
/// (request-id …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphError(pub(super) Box<Details>);

/// Boxed so that `Result<T, GraphError>` stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Details {
    pub(super) status: StatusCode,
    pub(super) kind: GraphErrorKind,
    pub(super) code: Option<String>,
    pub(super) message: Option<String>,
    pub(super) inner_code: Option<String>,
    pub(super) property: Option<String>,
    pub(super) request_id: Option<String>,
    pub(super) client_request_id: Option<String>,
    pub(super) date: Option<String>,
    pub(super) retry_after: Option<Duration>,
    pub(super) body_excerpt: Option<String>,
    pub(super) details: Vec<ErrorDetail>,
    /// For a `403`: what the request's operation needs, where its resource declares it.
    pub(super) permissions: Option<String>,
    /// For a resync: the `Location` Graph gave, where to enumerate from.
    pub(super) location: Option<String>,
    /// For a `401` with a claims challenge: the claims a new token must satisfy.
    pub(super) claims: Option<String>,
    /// For a `401`: the client had already sent the request again with a fresh token.
    pub(super) refused_fresh: bool,
}

/// One entry of a Graph error's `details`: what went wrong with one part of the request,
/// often one property (`target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorDetail {
    code: Option<String>,
    message: Option<String>,
    target: Option<String>,
}

impl ErrorDetail {
    /// The detail's error code.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The detail's message.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the detail is about: usually a property's JSON name.
    #[must_use]
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }
}

/// The most `details` kept from one error body.
const MAX_DETAILS: usize = 32;

impl GraphError {
    pub(super) fn new(status: StatusCode, kind: GraphErrorKind, meta: Meta) -> Self {
        Self(Box::new(Details {
            status,
            kind,
            code: None,
            message: None,
            inner_code: None,
            property: None,
            request_id: meta.request_id,
            client_request_id: meta.client_request_id,
            date: meta.date,
            retry_after: meta.retry_after,
            body_excerpt: None,
            details: Vec::new(),
            permissions: None,
            location: None,
            claims: meta.claims.filter(|_| status == StatusCode::UNAUTHORIZED),
            refused_fresh: false,
        }))
    }

    /// This error as [`GraphErrorKind::ResyncRequired`] where it says a delta round must
    /// start over (its status `410`, or its code or inner code one of Graph's resync
    /// codes), with the `Location` Graph gave; else unchanged.
    pub(crate) fn resync_where_due(mut self, headers: &http::HeaderMap) -> Self {
        let resync_code = [self.code(), self.inner_code()]
            .into_iter()
            .flatten()
            .any(|code| {
                RESYNC_CODES
                    .iter()
                    .any(|resync| code.eq_ignore_ascii_case(resync))
            });
        if self.0.status == StatusCode::GONE || resync_code {
            self.0.kind = GraphErrorKind::ResyncRequired;
            self.0.location = headers
                .get(http::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
        }
        self
    }

    /// For a [`ResyncRequired`](GraphErrorKind::ResyncRequired) error, the `Location`
    /// Graph gave: where to enumerate from again
    /// ([`DeltaRequest::restart`](crate::DeltaRequest::restart) takes it where it lies under
    /// the endpoint).
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.0.status
    }

    /// What kind of failure this is.
    #[must_use]
    pub fn kind(&self) -> GraphErrorKind {
        self.0.kind
    }

    /// The `code` of Graph's error body, `{"error": {"code": …}}` (`Request_BadRequest`, `ResourceNotFound`, `Authorization_RequestDenied` …).
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }

    /// The `message` of Graph's error body, or what this crate found wrong with the response.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.0.message.as_deref()
    }

    /// The code of the innermost `innerError` that has one, often more specific than
    /// [`code`](Self::code).
    #[must_use]
    pub fn inner_code(&self) -> Option<&str> {
        self.0.inner_code.as_deref()
    }

    /// The property the error is about, where one is known: for
    /// [`GraphErrorKind::InvalidBody`], the JSON path of the property that did not read
    /// (`passwordProfile.password`, `tasks[1].displayName`); for Graph's own errors, the
    /// `target` of the first of its [`details`](Self::details) that has one, else the
    /// error's own `target`.
    #[must_use]
    pub fn property(&self) -> Option<&str> {
        self.0.property.as_deref()
    }

    /// For a `403 Forbidden` on a request whose resource declares its permissions: what the
    /// operation needs (`creating microsoft.graph.identityGovernance.run needs
    /// LifecycleWorkflows.ReadWrite.All (delegated, work or school account); …`), with a
    /// reminder that delegated calls may also need an Entra role. `Display` ends with it.
    #[must_use]
    pub fn required_permissions(&self) -> Option<&str> {
        self.0.permissions.as_deref()
    }

    /// This `401` as the answer to a request the client sent again with a fresh token.
    #[cfg(feature = "client")]
    pub(crate) fn refused_fresh_token(mut self) -> Self {
        self.0.refused_fresh = true;
        self
    }

    pub(crate) fn with_permissions_note(mut self, note: String) -> Self {
        self.0.permissions = Some(note);
        self
    }

    /// Graph's `error.details`: each with its code, message and target (at most 32).
    #[must_use]
    pub fn details(&self) -> &[ErrorDetail] {
        &self.0.details
    }

    /// The `request-id` Graph assigned, from the headers or the error body: quote it to
    /// Microsoft support.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// The `client-request-id` the request carried, echoed back.
    #[must_use]
    pub fn client_request_id(&self) -> Option<&str> {
        self.0.client_request_id.as_deref()
    }

    /// When the error happened, as Graph wrote it: the error body's `date` (which often
    /// has no offset), else the `Date` header.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.0.date.as_deref()
    }

    /// How long Graph asks the client to wait before trying again (`Retry-After`, in
    /// seconds or as an HTTP date).
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    /// For a `401` that is a claims challenge of continuous access evaluation
    /// (`WWW-Authenticate: Bearer … error="insufficient_claims", claims="…"`): the claims
    /// a new token must satisfy, as Graph wrote them (base64 JSON), to pass to the sign-in
    /// that gets it. [`GraphClient`](crate::client::GraphClient) hands them to its token
    /// provider's `refresh_with_claims` and sends the request once more.
    #[must_use]
    pub fn claims_challenge(&self) -> Option<&str> {
        self.0.claims.as_deref()
    }

    /// The start of a body that is not a Graph error (a gateway's HTML page), for
    /// [`GraphErrorKind::NotGraphError`].
    #[must_use]
    pub fn body_excerpt(&self) -> Option<&str> {
        self.0.body_excerpt.as_deref()
    }
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.status)?;
        if let Some(code) = &self.0.code {
            write!(f, ": {code}")?;
        }
        if let Some(message) = &self.0.message {
            write!(f, ": {message}")?;
        }
        // Each detail that says something the message did not.
        for detail in &self.0.details {
            let (Some(text), target) = (
                detail.message.as_deref().or(detail.code.as_deref()),
                detail.target.as_deref(),
            ) else {
                continue;
            };
            if Some(text) == self.0.message.as_deref() {
                continue;
            }
            match target {
                Some(target) => write!(f, "; `{target}`: {text}")?,
                None => write!(f, "; {text}")?,
            }
        }
        if let Some(excerpt) = &self.0.body_excerpt {
            write!(f, ": {excerpt}")?;
        }
        let mut notes = Vec::new();
        if let Some(inner) = self
            .0
            .inner_code
            .as_deref()
            .filter(|inner| Some(*inner) != self.0.code.as_deref())
        {
            notes.push(format!("inner code {inner}"));
        }
        if let Some(id) = &self.0.request_id {
            notes.push(format!("request-id {id}"));
        }
        if let Some(wait) = self.0.retry_after {
            notes.push(format!("retry after {}s", wait.as_secs()));
        }
        if !notes.is_empty() {
            write!(f, " ({})", notes.join("; "))?;
        }
        if let Some(permissions) = &self.0.permissions {
            write!(f, "; {permissions}")?;
        }
        if self.0.refused_fresh {
            f.write_str("; the request had been sent again with a fresh token from the token provider, and Graph refused that one too")?;
        }
        if self.0.claims.is_some() {
            f.write_str("; Graph asks for a token that satisfies a claims challenge (continuous access evaluation: a sign-in must be done again, for instance after a password change or from another location): pass `claims_challenge()` to the sign-in that gets the next token")?;
        }
        Ok(())
    }
}

impl std::error::Error for GraphError {}

impl GraphError {
    /// A batch step without an answer.
    pub(crate) fn missing_step(id: usize, why: &str) -> Self {
        let mut error =
            GraphError::new(StatusCode::OK, GraphErrorKind::MissingStep, Meta::default());
        error.0.message = Some(format!("step {id}: {why}"));
        error
    }
}

/// An error status: Graph's error body where there is one, else an excerpt of whatever
/// came back.
pub(super) fn service_error(status: StatusCode, body: &[u8], meta: Meta) -> GraphError {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let Some(error) = parsed
        .as_ref()
        .and_then(|body| field(body, "error"))
        .filter(|e| e.is_object())
    else {
        let mut error = GraphError::new(status, GraphErrorKind::NotGraphError, meta);
        error.0.body_excerpt = Some(excerpt(body));
        return error;
    };
    let mut result = GraphError::new(status, GraphErrorKind::Service, meta);
    result.0.code = text(error, "code");
    result.0.message = text(error, "message");
    if let Some(Value::Array(details)) = field(error, "details") {
        result.0.details = details
            .iter()
            .filter(|detail| detail.is_object())
            .take(MAX_DETAILS)
            .map(|detail| ErrorDetail {
                code: text(detail, "code"),
                message: text(detail, "message"),
                target: text(detail, "target").filter(|target| !target.is_empty()),
            })
            .collect();
    }
    result.0.property = result
        .0
        .details
        .iter()
        .find_map(|detail| detail.target.clone())
        .or_else(|| text(error, "target").filter(|target| !target.is_empty()));
    // Walk the innerError chain: the innermost code is the most specific; ids and the date
    // fill in what the headers did not carry.
    let mut inner = field(error, "innerError");
    let mut depth = 0;
    let mut body_date = false;
    while let Some(level) = inner.filter(|level| level.is_object()) {
        if let Some(code) = text(level, "code") {
            result.0.inner_code = Some(code);
        }
        result.0.request_id = result
            .0
            .request_id
            .take()
            .or_else(|| text(level, "request-id"));
        result.0.client_request_id = result
            .0
            .client_request_id
            .take()
            .or_else(|| text(level, "client-request-id"));
        // The body's date (Graph's own timestamp, often without an offset) rather than
        // the `Date` header, which any proxy on the way may have set.
        if let Some(date) = text(level, "date") {
            if !body_date {
                result.0.date = Some(date);
                body_date = true;
            }
        }
        if result.0.retry_after.is_none() {
            result.0.retry_after = field(level, "retryAfter")
                .or_else(|| field(level, "retry-after"))
                .and_then(|value| match value {
                    Value::Number(n) => seconds(&n.to_string()),
                    Value::String(s) => retry_after_value(s, None),
                    _ => None,
                });
        }
        inner = field(level, "innerError");
        depth += 1;
        if depth > 32 {
            break;
        }
    }
    result
}

/// A member of an object, its name matched without regard to case (`innerError`,
/// `innererror`).
fn field<'v>(value: &'v Value, name: &str) -> Option<&'v Value> {
    let object = value.as_object()?;
    object.get(name).or_else(|| {
        object
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

fn text(value: &Value, name: &str) -> Option<String> {
    field(value, name)
        .and_then(Value::as_str)
        .map(|text| shorten(text, 2000))
}

/// The start of a body, on one line.
fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        "the body is empty".to_owned()
    } else {
        format!("the body is not a Graph error: {}", shorten(&line, 160))
    }
}

/// At most `max` characters, with `…` where cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}
