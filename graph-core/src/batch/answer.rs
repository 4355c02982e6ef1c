//! A batch's answer: read and checked as a whole, then taken step by step.

use std::collections::HashMap;
use std::fmt;

use http::header::{HeaderName, HeaderValue};
use http::{HeaderMap, StatusCode};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Step, MAX_STEPS};
use crate::GraphError;

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

/// The answer to a [`Batch`](super::Batch): each step's status, headers and body, taken step by step in
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
            .map_err(|error| step.needs.forbidden(error))
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

    /// The status and `Location` of step `id`, where it was answered with a redirect.
    #[cfg(feature = "client")]
    pub(crate) fn redirect_of(&self, id: usize) -> Option<(StatusCode, HeaderValue)> {
        let answer = self.answers.get(&id)?;
        if !answer.status.is_redirection() {
            return None;
        }
        let location = answer.headers.get(http::header::LOCATION)?;
        Some((answer.status, location.clone()))
    }

    /// Puts `followed` (the answer at the end of step `id`'s redirect) in the step's
    /// place, as Graph writes content in a batch: a success's bytes as a base64 string,
    /// anything else as the JSON (or text) it is.
    #[cfg(feature = "client")]
    pub(crate) fn answer_with_content(&mut self, id: usize, followed: http::Response<Vec<u8>>) {
        let (parts, bytes) = followed.into_parts();
        let body = if parts.status.is_success() {
            let mut text = Vec::with_capacity(bytes.len() / 3 * 4 + 6);
            // A `String` always writes.
            let _ = serde_json::to_writer(&mut text, &crate::Binary::from(bytes).to_base64());
            text
        } else if serde_json::from_slice::<de::IgnoredAny>(&bytes).is_ok() {
            bytes
        } else {
            let mut text = Vec::new();
            let _ = serde_json::to_writer(&mut text, &String::from_utf8_lossy(&bytes));
            text
        };
        self.answers.insert(
            id,
            Answer {
                status: parts.status,
                headers: parts.headers,
                body,
            },
        );
    }

    /// Replaces the answers of the steps that were sent again.
    #[cfg(feature = "client")]
    pub(crate) fn merge(&mut self, later: BatchResponse) {
        self.answers.extend(later.answers);
    }
}

impl BatchResponse {
    /// The answer of batch `batch` (its steps `ids`), checked as a whole.
    pub(super) fn read(
        batch: u64,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
        ids: &[usize],
    ) -> Result<Self, GraphError> {
        let answers = parse_answers(status, headers, body, ids)?;
        Ok(Self { batch, answers })
    }

    /// Of the steps `ids`, those answered `429` or `503` (throttled: Graph did nothing),
    /// in order, with the longest wait any of them asks for.
    #[cfg(feature = "client")]
    pub(super) fn throttled(
        &self,
        ids: impl Iterator<Item = usize>,
    ) -> (Vec<usize>, Option<std::time::Duration>) {
        let mut throttled = Vec::new();
        let mut wait = None;
        for id in ids {
            let Some(answer) = self.answers.get(&id) else {
                continue;
            };
            if matches!(answer.status.as_u16(), 429 | 503) {
                throttled.push(id);
                wait = wait.max(answer.retry_after());
            }
        }
        (throttled, wait)
    }
}
