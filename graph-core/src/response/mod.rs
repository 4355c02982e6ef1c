//! Reading what Graph answers: the created resource, or an error a person can act on.

use std::fmt;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;
use serde_json::Value;

use crate::__private::union::same_odata_type;

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
}

/// A failed create: Graph's error, parsed, or a response that is not what a create
/// returns. `Display` is one line: `400 Bad Request: Request_BadRequest: <message>
/// (request-id …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphError(Box<Details>);

/// Boxed so that `Result<T, GraphError>` stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    status: StatusCode,
    kind: GraphErrorKind,
    code: Option<String>,
    message: Option<String>,
    inner_code: Option<String>,
    property: Option<String>,
    request_id: Option<String>,
    client_request_id: Option<String>,
    date: Option<String>,
    retry_after: Option<Duration>,
    body_excerpt: Option<String>,
    details: Vec<ErrorDetail>,
    /// For a `403`: what the request's operation needs, where its resource declares it.
    permissions: Option<String>,
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
    fn new(status: StatusCode, kind: GraphErrorKind, meta: Meta) -> Self {
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
        }))
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

    /// Graph's `error.0.code` (`Request_BadRequest`, `ResourceNotFound`, `Authorization_RequestDenied` …).
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }

    /// Graph's `error.0.message`, or what this crate found wrong with the response.
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
        Ok(())
    }
}

impl std::error::Error for GraphError {}

/// What the headers say about any response.
#[derive(Default)]
struct Meta {
    request_id: Option<String>,
    client_request_id: Option<String>,
    date: Option<String>,
    retry_after: Option<Duration>,
}

impl Meta {
    fn from_headers(headers: &HeaderMap) -> Self {
        let text = |name: &str| {
            headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(|value| shorten(value.trim(), 200))
                .filter(|value| !value.is_empty())
        };
        let date = text("date");
        let retry_after =
            text("retry-after").and_then(|value| retry_after_value(&value, date.as_deref()));
        Self {
            request_id: text("request-id"),
            client_request_id: text("client-request-id"),
            date,
            retry_after,
        }
    }
}

/// `Retry-After`, one reading for every form it comes in: seconds, whole (`120`),
/// fractional (`1.5`, as some services write inside batches), with an exponent (`1e3`) or
/// past any integer type (`18446744073709551616`, read as the longest wait there is), or
/// an HTTP date, measured from the response's `Date` where it has one, else from now (a
/// date in the past is no wait). A negative number or anything else is no value. There is
/// no cap here: a wait past the retry policy's budget gives up, it is never shortened.
pub(crate) fn retry_after_value(value: &str, date: Option<&str>) -> Option<Duration> {
    let value = value.trim();
    if value.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '-') {
        return seconds(value);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    let now = date
        .and_then(|date| httpdate::parse_http_date(date).ok())
        .unwrap_or_else(SystemTime::now);
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A number of seconds in any JSON or decimal form; `None` where it is negative or not a
/// number.
fn seconds(value: &str) -> Option<Duration> {
    if let Ok(whole) = value.parse::<u64>() {
        return Some(Duration::from_secs(whole));
    }
    if !value
        .bytes()
        .all(|byte| byte.is_ascii_digit() || matches!(byte, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    let seconds = value.parse::<f64>().ok()?;
    if seconds.is_nan() || seconds < 0.0 {
        return None;
    }
    Some(Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX))
}

/// A success whose body does not read as what was asked for, with `message`.
pub(crate) fn invalid_body(status: StatusCode, headers: &HeaderMap, message: String) -> GraphError {
    let mut error = GraphError::new(
        status,
        GraphErrorKind::InvalidBody,
        Meta::from_headers(headers),
    );
    error.0.message = Some(message);
    error
}

impl GraphError {
    /// A batch step without an answer.
    pub(crate) fn missing_step(id: usize, why: &str) -> Self {
        let mut error =
            GraphError::new(StatusCode::OK, GraphErrorKind::MissingStep, Meta::default());
        error.0.message = Some(format!("step {id}: {why}"));
        error
    }
}

/// Reads a create's response: the resource from a `201 Created`, else the error.
pub(crate) fn parse<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    odata_type: &'static str,
) -> Result<T, GraphError> {
    if status == StatusCode::CREATED {
        return created(body, odata_type, headers);
    }
    Err(unexpected(
        status,
        headers,
        body,
        &format!(
            "201 Created with the created {}",
            odata_type.trim_start_matches('#')
        ),
    ))
}

/// The error for a response that is not the one expected: Graph's error for an error
/// status, else a success status that says the request did something else.
pub(crate) fn unexpected(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    expected: &str,
) -> GraphError {
    let meta = Meta::from_headers(headers);
    if status.is_success() {
        let mut error = GraphError::new(status, GraphErrorKind::UnexpectedStatus, meta);
        error.0.message = Some(format!("expected {expected}"));
        return error;
    }
    service_error(status, body, meta)
}

/// Reads a success's body as `T`, `name` being what it should be (for messages). Where
/// it does not read, the error names the property where one is known.
pub(crate) fn read_body<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    name: &str,
) -> Result<T, GraphError> {
    match serde_json::from_slice::<T>(body) {
        Ok(value) => Ok(value),
        Err(_) => {
            // Read again, tracking the path, to say where it failed: errors are rare and
            // the first read stays as fast as plain serde.
            let mut deserializer = serde_json::Deserializer::from_slice(body);
            let read = crate::__private::names::keys_as_text(|| {
                serde_path_to_error::deserialize::<_, T>(&mut deserializer)
            });
            let (property, cause) = match read {
                Err(error) => {
                    let path = error.path().to_string();
                    let error = error.into_inner();
                    // A syntax error is no property's; elsewhere the path names one as far
                    // as it is known (`?` marks a part it is not).
                    let known = path.split(".?").next().unwrap_or_default();
                    let property = (!error.is_syntax()
                        && !error.is_eof()
                        && !known.is_empty()
                        && known != "."
                        && !known.starts_with('?'))
                    .then(|| known.to_owned());
                    (property, error.to_string())
                }
                Ok(_) => (None, "it is not valid JSON".to_owned()),
            };
            let mut error = GraphError::new(
                status,
                GraphErrorKind::InvalidBody,
                Meta::from_headers(headers),
            );
            error.0.message = Some(match &property {
                Some(property) => {
                    format!("the body does not read as {name}: `{property}`: {cause}")
                }
                None => format!("the body does not read as {name}: {cause}"),
            });
            error.0.property = property;
            Err(error)
        }
    }
}

/// The headers are read only where there is an error to describe: a success costs the read
/// of the body and little else.
fn created<T: DeserializeOwned>(
    body: &[u8],
    odata_type: &'static str,
    headers: &HeaderMap,
) -> Result<T, GraphError> {
    let name = odata_type.trim_start_matches('#');
    let value = read_body(StatusCode::CREATED, headers, body, name)?;
    // Related means the same type: a body without `@odata.type` is taken as the type
    // posted; any other type is not what was created.
    let found = match leading_odata_type(body) {
        Some(found) => Some(std::borrow::Cow::Borrowed(found)),
        None => odata_type_of(body).map(std::borrow::Cow::Owned),
    };
    if let Some(found) = found {
        if !same_odata_type(&found, odata_type) {
            let mut error = GraphError::new(
                StatusCode::CREATED,
                GraphErrorKind::UnrelatedType,
                Meta::from_headers(headers),
            );
            error.0.message = Some(format!(
                "the body is a `{}`, not the `{name}` that was posted",
                shorten(found.trim_start_matches('#'), 200)
            ));
            return Err(error);
        }
    }
    Ok(value)
}

/// The body's `@odata.type` where it stands among the annotations that open the object, as
/// Graph writes it (first, or after `@odata.context`), found in the bytes without a second
/// read; `None` where it is not there or the bytes are anything but plain (whitespace,
/// strings without escapes), and [`odata_type_of`] decides. The body has already been read
/// as JSON, so only its shape is followed here, not checked.
fn leading_odata_type(body: &[u8]) -> Option<&str> {
    const ANNOTATIONS: usize = 4;
    let skip = |at: usize| {
        body[at.min(body.len())..]
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
            .map_or(body.len(), |offset| at + offset)
    };
    // A string without escapes at `at`: its contents and the index after it.
    let string = |at: usize| -> Option<(&[u8], usize)> {
        if body.get(at) != Some(&b'"') {
            return None;
        }
        let end = at + 1 + memchr::memchr(b'"', body.get(at + 1..)?)?;
        let text = &body[at + 1..end];
        (!text.contains(&b'\\')).then_some((text, end + 1))
    };
    let mut at = skip(0);
    if body.get(at) != Some(&b'{') {
        return None;
    }
    for _ in 0..ANNOTATIONS {
        let (key, next) = string(skip(at + 1))?;
        if !key.starts_with(b"@") {
            return None;
        }
        at = skip(next);
        if body.get(at) != Some(&b':') {
            return None;
        }
        let (value, next) = string(skip(at + 1))?;
        if key == b"@odata.type" {
            return std::str::from_utf8(value).ok();
        }
        at = skip(next);
        if body.get(at) != Some(&b',') {
            return None;
        }
    }
    None
}

/// The body's top-level `@odata.type`, where it has one.
fn odata_type_of(body: &[u8]) -> Option<String> {
    // Most bodies are told apart without a second read.
    memchr::memmem::find(body, b"\"@odata.type\"")?;
    // The second read stops at the type: Graph writes it first (or after
    // `@odata.context`), so this costs a few keys, not the body.
    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let _stopped = deserializer.deserialize_map(TypeProbe(&mut found));
    found
}

/// Reads an object's `@odata.type` into its slot, skipping what comes before it, and
/// stops there with an error that is never shown.
struct TypeProbe<'a>(&'a mut Option<String>);

impl<'de> Visitor<'de> for TypeProbe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "@odata.type" {
                *self.0 = map.next_value::<Option<String>>()?;
                return Err(de::Error::custom("found"));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

/// An error status: Graph's error body where there is one, else an excerpt of whatever
/// came back.
fn service_error(status: StatusCode, body: &[u8], meta: Meta) -> GraphError {
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
fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_has_one_reading_for_every_form() {
        let secs = Duration::from_secs;
        for (value, wait) in [
            ("120", Some(secs(120))),
            (" 0 ", Some(secs(0))),
            ("1.5", Some(Duration::from_millis(1500))),
            ("1e3", Some(secs(1000))),
            ("1E9", Some(secs(1_000_000_000))),
            ("1000000000", Some(secs(1_000_000_000))),
            ("172800.5", Some(Duration::from_millis(172_800_500))),
            ("18446744073709551616", Some(Duration::MAX)),
            ("1e400", Some(Duration::MAX)),
            ("-1", None),
            ("-0.5", None),
            ("NaN", None),
            ("inf", None),
            ("soon", None),
            ("", None),
        ] {
            assert_eq!(retry_after_value(value, None), wait, "{value:?}");
        }
        assert_eq!(
            retry_after_value(
                "Wed, 21 Oct 2015 07:28:30 GMT",
                Some("Wed, 21 Oct 2015 07:28:00 GMT")
            ),
            Some(secs(30))
        );
        assert_eq!(
            retry_after_value("Wed, 21 Oct 2015 07:28:00 GMT", None),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn the_leading_type_is_found_in_the_bytes() {
        for (body, expected) in [
            (r##"{"@odata.type":"#a","id":1}"##, Some("#a")),
            (
                " {\n \"@odata.context\" : \"https://x/$metadata#runs/$entity\",\r\n\t\"@odata.type\": \"#b\", \"id\": 1}",
                Some("#b"),
            ),
            (r##"{"@odata.etag":"W/\"1\"","@odata.type":"#c"}"##, None),
            (r##"{"id":1,"@odata.type":"#d"}"##, None),
            (r##"{"@odata.type":"\u0023e"}"##, None),
            (r#"{"@odata.type":null}"#, None),
            (r#"{"@odata.context":"x"}"#, None),
            (r#"{"@a":"1","@b":"2","@c":"3","@d":"4","@odata.type":"f"}"#, None),
            ("", None),
            ("{", None),
            ("[]", None),
            (r##"{"@odata.type":"#g"##, None),
            (r#"{"@odata.type""#, None),
        ] {
            assert_eq!(leading_odata_type(body.as_bytes()), expected, "{body}");
        }
    }

    /// Where the bytes are not plain, the type is still found, by reading.
    #[test]
    fn a_type_anywhere_is_checked_whether_found_in_the_bytes_or_by_reading() {
        for body in [
            r##"{"@odata.context":"x","@odata.type":"#microsoft.graph.group","id":"1"}"##,
            r##"{"id":"1","@odata.type":"#microsoft.graph.group"}"##,
            r##"{"@odata.type":"\u0023microsoft.graph.group"}"##,
        ] {
            let error = parse::<serde_json::Value>(
                StatusCode::CREATED,
                &HeaderMap::new(),
                body.as_bytes(),
                "#microsoft.graph.user",
            )
            .unwrap_err();
            assert_eq!(error.kind(), GraphErrorKind::UnrelatedType, "{body}");
        }
        for body in [
            r##"{"@odata.context":"x","@odata.type":"microsoft.graph.user","id":"1"}"##,
            r##"{"id":"1","@odata.type":"#microsoft.graph.user"}"##,
            r#"{"id":"1"}"#,
        ] {
            parse::<serde_json::Value>(
                StatusCode::CREATED,
                &HeaderMap::new(),
                body.as_bytes(),
                "#microsoft.graph.user",
            )
            .unwrap();
        }
    }
}
