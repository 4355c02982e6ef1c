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
