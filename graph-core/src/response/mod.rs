//! Reading what Graph answers: the value a request asks for, or a [`GraphError`] a person can
//! act on.
//!
//! Each request kind's `parse_response` reads its own success (see
//! [`request`](crate::request)); anything else is a [`GraphError`] with the status and a
//! [`GraphErrorKind`]:
//!
//! - an error status with Graph's error body: [`code()`](GraphError::code),
//!   [`message()`](GraphError::message), [`inner_code()`](GraphError::inner_code) (the
//!   innermost `innerError` code), [`details()`](GraphError::details) and the property the
//!   first one names ([`property()`](GraphError::property)),
//!   [`request_id()`](GraphError::request_id) (quote it to Microsoft support),
//!   [`client_request_id()`](GraphError::client_request_id), [`date()`](GraphError::date)
//!   (Graph's own, often without an offset) and [`retry_after()`](GraphError::retry_after)
//!   (from `Retry-After` in seconds, fractional or whole, or as an HTTP date, or from the error
//!   body);
//! - an error status whose body is not Graph's (empty, a gateway's HTML page): the status and an
//!   excerpt ([`body_excerpt()`](GraphError::body_excerpt));
//! - another success status than the one expected (`202` where a create expects `201`);
//! - a success whose body does not read: the property and the position
//!   (`passwordProfile.password: invalid type: integer 5, expected a string at line 1 column 50`);
//! - a created resource of another `@odata.type` than the one posted.
//!
//! `Display` is one line: `400 Bad Request: Request_BadRequest: <message> (request-id …)`. No
//! input makes a reader panic.

// The module: `error`, GraphError, Graph's error body and every other failure; `headers`,
// what the headers say (ids, date, `Retry-After`); `locate`, the property a failed read
// names, from where in the body it failed; `scan`, the `@odata.type` of a created resource,
// checked without a second read.

mod error;
mod headers;
mod locate;
mod scan;

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::__private::union::same_odata_type;

use error::service_error;
pub(crate) use error::shorten;
pub use error::{ErrorDetail, GraphError, GraphErrorKind};
#[cfg(feature = "client")]
pub(crate) use headers::retry_after_value;
use headers::Meta;
use scan::{leading_odata_type, odata_type_of};

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

/// A redirect where the request reads its answer itself (a content request, whose `302`
/// points to a pre-authenticated URL): `message` says how to follow it.
pub(crate) fn redirected(status: StatusCode, headers: &HeaderMap, message: String) -> GraphError {
    let mut error = GraphError::new(
        status,
        GraphErrorKind::UnexpectedStatus,
        Meta::from_headers(headers),
    );
    error.0.message = Some(message);
    error
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
    read_body_seed(status, headers, body, name, std::marker::PhantomData::<T>)
}

/// [`read_body`] through a seed.
pub(crate) fn read_body_seed<'de, S: serde::de::DeserializeSeed<'de>>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &'de [u8],
    name: &str,
    seed: S,
) -> Result<S::Value, GraphError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let read = seed
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match read {
        Ok(value) => Ok(value),
        Err(cause) => {
            // A syntax error is no property's; elsewhere the error's position names the
            // property whose value did not read (or, for a missing one, its object).
            let property = (!cause.is_syntax() && !cause.is_eof())
                .then(|| {
                    let offset = locate::offset_of(body, cause.line(), cause.column());
                    let missing = cause.to_string().starts_with("missing field");
                    locate::path_at(body, offset, missing)
                })
                .flatten();
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

#[cfg(test)]
mod tests {
    use super::*;

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
