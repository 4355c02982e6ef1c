//! What a response's headers say, whatever its status: the request ids, the date, and
//! `Retry-After` in every form it comes in.

use std::time::{Duration, SystemTime};

use http::HeaderMap;

use super::error::shorten;

/// What the headers say about any response.
#[derive(Default)]
pub(super) struct Meta {
    pub(super) request_id: Option<String>,
    pub(super) client_request_id: Option<String>,
    pub(super) date: Option<String>,
    pub(super) retry_after: Option<Duration>,
    /// A claims challenge's `claims`, from `WWW-Authenticate`.
    pub(super) claims: Option<String>,
}

impl Meta {
    pub(super) fn from_headers(headers: &HeaderMap) -> Self {
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
            claims: headers
                .get_all(http::header::WWW_AUTHENTICATE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(claims_challenge),
        }
    }
}

/// The longest claims challenge kept: Entra's are a few hundred bytes of base64 JSON.
const MAX_CLAIMS: usize = 16 * 1024;

/// The `claims` of a `Bearer` challenge whose `error` is `insufficient_claims`
/// (continuous access evaluation), from one `WWW-Authenticate` value:
/// `Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="`.
/// Parameters are read as RFC 9110 writes them: `name=token` or `name="quoted"`, comma
/// separated, with `\` escapes in quotes; names without regard to case.
pub(crate) fn claims_challenge(value: &str) -> Option<String> {
    let rest = value.trim_start();
    let scheme_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    if !rest[..scheme_end].eq_ignore_ascii_case("bearer") {
        return None;
    }
    let mut rest = &rest[scheme_end..];
    let (mut error, mut claims) = (None, None);
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        if rest.is_empty() {
            break;
        }
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        rest = rest[eq + 1..].trim_start();
        let value = if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let end = loop {
                match chars.next()? {
                    (i, '"') => break i,
                    (_, '\\') => value.push(chars.next()?.1),
                    (_, c) => value.push(c),
                }
            };
            rest = &quoted[end + 1..];
            value
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            let value = rest[..end].trim().to_owned();
            rest = &rest[end..];
            value
        };
        if name.eq_ignore_ascii_case("error") {
            error = Some(value);
        } else if name.eq_ignore_ascii_case("claims") {
            claims = Some(value);
        }
    }
    let claims = claims.filter(|claims| !claims.is_empty() && claims.len() <= MAX_CLAIMS)?;
    error
        .is_some_and(|error| error == "insufficient_claims")
        .then_some(claims)
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
pub(super) fn seconds(value: &str) -> Option<Duration> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claims_challenge_is_read_from_www_authenticate() {
        let graph = r#"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==""#;
        assert_eq!(
            claims_challenge(graph).as_deref(),
            Some("eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==")
        );
        assert_eq!(
            claims_challenge(r#"bearer CLAIMS="a\"b", Error=insufficient_claims"#).as_deref(),
            Some("a\"b")
        );
        for other in [
            r#"Bearer error="invalid_token", claims="e30=""#,
            r#"Bearer error="insufficient_claims""#,
            r#"Basic realm="x", error="insufficient_claims", claims="e30=""#,
            r#"Bearer error="insufficient_claims", claims="unterminated"#,
            "Bearer",
        ] {
            assert_eq!(claims_challenge(other), None, "{other}");
        }
    }

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
}
