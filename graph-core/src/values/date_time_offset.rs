//! Graph's `Edm.DateTimeOffset`.
//!
//! Built on the `time` crate's `OffsetDateTime`: it is what the type is (an instant with a
//! fixed UTC offset, to the nanosecond), it needs no time-zone database (Graph only sends
//! fixed offsets), it is small and compiles quickly, and it is actively maintained with a
//! conservative MSRV. `chrono`'s `DateTime<FixedOffset>` would also fit but brings more code
//! than this needs; `jiff` is built around time zones that Graph's wire format never carries.
//!
//! The text form is parsed here rather than by `time`'s RFC 3339 parser, because Graph's
//! form is narrower (at most 7 fraction digits: .NET's 100 ns ticks) and because the number
//! of fraction digits has to be kept to write the value back exactly as it came.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::values::text::{self, Sink, Stack, TimeShape};

/// `YYYY-MM-DDTHH:MM:SS.fffffff+HH:MM`, the longest text form.
const MAX_LEN: usize = 33;

/// Graph's `DateTimeOffset`: an instant with its UTC offset, in RFC 3339 form
/// (`2024-05-01T08:30:00Z`, `2024-05-01T10:30:00.1348863+02:00`).
///
/// Reading accepts 0 to 7 fraction digits and `Z` or `±hh:mm`; writing gives back the same
/// text: the instant, the offset and the number of fraction digits are all kept, so
/// `.1348863` or `.100` read and written again is unchanged. Equality, ordering and hashing
/// compare instants: `10:30:00+02:00` equals `08:30:00Z`.
///
/// Converts to and from [`time::OffsetDateTime`](::time::OffsetDateTime), re-exported as
/// [`graph_core::time`](crate::time).
///
/// ```
/// use graph_core::DateTimeOffset;
///
/// let at: DateTimeOffset = "2024-05-01T10:30:00.1348863+02:00".parse()?;
/// assert_eq!(at.to_string(), "2024-05-01T10:30:00.1348863+02:00");
/// assert_eq!(at, "2024-05-01T08:30:00.1348863Z".parse()?);
///
/// let instant = graph_core::time::OffsetDateTime::from(at);
/// assert_eq!(instant.nanosecond(), 134_886_300);
/// # Ok::<(), graph_core::values::DateTimeOffsetError>(())
/// ```
#[derive(Clone, Copy)]
pub struct DateTimeOffset {
    value: OffsetDateTime,
    /// How many fraction digits the text form has (0 to 7).
    fraction_digits: u8,
    /// How a zero offset is written.
    zero: ZeroOffset,
}

/// The three ways RFC 3339 writes a zero offset, kept so the text comes back as it was.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ZeroOffset {
    /// `Z`
    Zulu,
    /// `+00:00`
    Plus,
    /// `-00:00`: RFC 3339's "the local offset is unknown", the same instant as UTC.
    Minus,
    /// No offset at all (`2019-09-27T01:01:04.566`), as some Graph services write: read as
    /// UTC, written back without one.
    Absent,
}

/// Why a text is not a `DateTimeOffset`, or a `time` value cannot be one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid DateTimeOffset `{input}`: {reason}")]
pub struct DateTimeOffsetError {
    input: String,
    reason: String,
}

impl DateTimeOffsetError {
    fn new(input: &str, reason: impl Into<String>) -> Self {
        // Keep the message readable whatever size the input was.
        Self {
            input: text::shown(input),
            reason: reason.into(),
        }
    }

    /// Why the value was refused.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl DateTimeOffset {
    /// The current instant in UTC, to 100 ns.
    #[must_use]
    pub fn now_utc() -> Self {
        Self::from_instant(OffsetDateTime::now_utc())
    }

    /// The number of fraction digits in the text form (0 to 7).
    #[must_use]
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// The instant with its offset, as a `time` value.
    #[must_use]
    pub fn to_offset_date_time(&self) -> OffsetDateTime {
        self.value
    }

    /// Truncates to 100 ns and writes as few fraction digits as that needs. Only called with
    /// values whose year and offset RFC 3339 can write.
    fn from_instant(value: OffsetDateTime) -> Self {
        let value = value.replace_time(text::truncate_to_ticks(value.time()));
        Self {
            value,
            fraction_digits: TimeShape::shortest(value.time()).fraction_digits,
            zero: ZeroOffset::Zulu,
        }
    }

    fn parse(input: &str) -> Result<Self, DateTimeOffsetError> {
        let fail = |reason: String| DateTimeOffsetError::new(input, reason);
        let b = input.as_bytes();
        let date = text::read_date(b).map_err(fail)?;
        text::separator(b, 10, b"Tt", "`T`").map_err(fail)?;
        let (time, shape, mut at) = text::read_time(b, 11, false).map_err(fail)?;
        let (offset, zero) = match b.get(at) {
            Some(b'Z' | b'z') => {
                at += 1;
                (UtcOffset::UTC, ZeroOffset::Zulu)
            }
            Some(&sign @ (b'+' | b'-')) => {
                let hours = text::digits(b, at + 1, 2, "offset hours").map_err(fail)?;
                text::separator(b, at + 3, b":", "`:` in the offset").map_err(fail)?;
                let minutes = text::digits(b, at + 4, 2, "offset minutes").map_err(fail)?;
                at += 6;
                if hours > 23 || minutes > 59 {
                    return Err(fail("the offset is out of range".to_owned()));
                }
                let sign = if sign == b'-' { -1 } else { 1 };
                // hours <= 23 and minutes <= 59, so both fit an i8.
                let hours = sign * i8::try_from(hours).unwrap_or(0);
                let minutes = sign * i8::try_from(minutes).unwrap_or(0);
                let offset =
                    UtcOffset::from_hms(hours, minutes, 0).map_err(|e| fail(e.to_string()))?;
                let zero = if sign < 0 {
                    ZeroOffset::Minus
                } else {
                    ZeroOffset::Plus
                };
                (offset, zero)
            }
            // Some services leave the offset out; the value is UTC.
            None => (UtcOffset::UTC, ZeroOffset::Absent),
            Some(_) => return Err(fail("expected the offset: `Z` or `±hh:mm`".to_owned())),
        };
        if at != b.len() {
            return Err(fail("unexpected text after the offset".to_owned()));
        }
        Ok(Self {
            value: PrimitiveDateTime::new(date, time).assume_offset(offset),
            fraction_digits: shape.fraction_digits,
            zero,
        })
    }

    /// Writes the RFC 3339 text (or, for a value read without an offset, the text without
    /// one).
    fn write(&self, out: &mut impl Sink) {
        let v = &self.value;
        text::write_date(out, v.date());
        out.push(b'T');
        let shape = TimeShape {
            seconds: true,
            fraction_digits: self.fraction_digits,
        };
        text::write_time(out, v.time(), shape);
        let offset = v.offset();
        match self.zero {
            // Only values read without an offset have none, and they are UTC.
            ZeroOffset::Absent => {}
            ZeroOffset::Zulu if offset.is_utc() => out.push(b'Z'),
            _ => {
                let negative =
                    offset.is_negative() || (offset.is_utc() && self.zero == ZeroOffset::Minus);
                out.push(if negative { b'-' } else { b'+' });
                text::two(out, offset.whole_hours().unsigned_abs());
                out.push(b':');
                text::two(out, offset.minutes_past_hour().unsigned_abs());
            }
        }
    }

    /// The text, on the stack.
    fn text(&self) -> Stack<MAX_LEN> {
        let mut out = Stack::new();
        self.write(&mut out);
        out
    }

    fn instant(&self) -> i128 {
        self.value.unix_timestamp_nanos()
    }
}

impl FromStr for DateTimeOffset {
    type Err = DateTimeOffsetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl fmt::Debug for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTimeOffset({self})")
    }
}

impl PartialEq for DateTimeOffset {
    fn eq(&self, other: &Self) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for DateTimeOffset {}

impl PartialOrd for DateTimeOffset {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTimeOffset {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant().cmp(&other.instant())
    }
}

impl Hash for DateTimeOffset {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant().hash(state);
    }
}

impl From<DateTimeOffset> for OffsetDateTime {
    fn from(value: DateTimeOffset) -> Self {
        value.value
    }
}

impl TryFrom<OffsetDateTime> for DateTimeOffset {
    type Error = DateTimeOffsetError;

    /// Truncates to 100 ns (Graph's resolution). Fails for years outside 0 to 9999 and for
    /// offsets with seconds, which RFC 3339 cannot write.
    fn try_from(value: OffsetDateTime) -> Result<Self, Self::Error> {
        if !(0..=9999).contains(&value.year()) {
            return Err(DateTimeOffsetError::new(
                &value.to_string(),
                "the year is outside 0 to 9999",
            ));
        }
        if value.offset().seconds_past_minute() != 0 {
            return Err(DateTimeOffsetError::new(
                &value.to_string(),
                "the offset has seconds",
            ));
        }
        Ok(Self::from_instant(value))
    }
}

/// Written without serde's string escaping: the text is plain ASCII.
impl crate::__private::value::GraphValue for DateTimeOffset {
    type __Kind = crate::__private::value::OwnMethods;

    fn __serialize_in_mode<S: serde::Serializer>(
        &self,
        serializer: S,
        _: crate::__private::value::Mode,
    ) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, serializer)
    }

    #[inline]
    fn __validate_at(
        &self,
        _: &crate::__private::validate::PropertyPath<'_>,
        _: &mut crate::__private::validate::Violations,
    ) {
    }

    #[inline]
    fn __write_json(
        &self,
        out: &mut Vec<u8>,
        _: crate::__private::value::Mode,
    ) -> Result<(), serde_json::Error> {
        out.push(b'"');
        self.write(out);
        out.push(b'"');
        Ok(())
    }
}

impl serde::Serialize for DateTimeOffset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().as_str())
    }
}

impl<'de> serde::Deserialize<'de> for DateTimeOffset {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DateTimeOffset;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a DateTimeOffset string such as \"2024-05-01T08:30:00Z\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DateTimeOffset, E> {
                DateTimeOffset::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        text.parse::<DateTimeOffset>().unwrap().to_string()
    }

    #[test]
    fn every_fraction_length_from_zero_to_seven_round_trips() {
        for text in [
            "2024-05-01T08:30:00Z",
            "2024-05-01T08:30:00.1Z",
            "2024-05-01T08:30:00.10Z",
            "2024-05-01T08:30:00.100Z",
            "2024-05-01T08:30:00.1348Z",
            "2024-05-01T08:30:00.13488Z",
            "2024-05-01T08:30:00.134886Z",
            "2024-05-01T08:30:00.1348863Z",
            "2024-05-01T08:30:00.0000000Z",
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn offsets_round_trip() {
        for text in [
            "2024-05-01T08:30:00+02:00",
            "2024-05-01T08:30:00-05:30",
            "2024-05-01T08:30:00+00:00",
            "2024-05-01T08:30:00-00:00",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9999999-23:59",
        ] {
            assert_eq!(round_trip(text), text);
        }
    }

    #[test]
    fn a_value_without_an_offset_reads_as_utc_and_writes_back_as_read() {
        for text in ["2019-09-27T01:01:04.566", "2019-09-27T01:01:04"] {
            assert_eq!(round_trip(text), text);
        }
        let local: DateTimeOffset = "2019-09-27T01:01:04.566".parse().unwrap();
        assert_eq!(local, "2019-09-27T01:01:04.566Z".parse().unwrap());
        assert!(local.to_offset_date_time().offset().is_utc());
        // Converted to another offset and back, it has one.
        let moved = DateTimeOffset::try_from(local.to_offset_date_time()).unwrap();
        assert_eq!(moved.to_string(), "2019-09-27T01:01:04.566Z");
    }

    #[test]
    fn lowercase_t_and_z_are_read_and_written_upper() {
        assert_eq!(round_trip("2024-05-01t08:30:00z"), "2024-05-01T08:30:00Z");
    }

    #[test]
    fn the_instant_is_kept() {
        let a: DateTimeOffset = "2024-05-01T10:30:00.5+02:00".parse().unwrap();
        let b: DateTimeOffset = "2024-05-01T08:30:00.5000000Z".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_offset_date_time().unix_timestamp(), 1_714_552_200);
        assert_eq!(a.to_offset_date_time().nanosecond(), 500_000_000);
        let later: DateTimeOffset = "2024-05-01T08:30:00.5000001Z".parse().unwrap();
        assert!(later > a);
    }

    #[test]
    fn malformed_text_is_refused_with_a_reason() {
        for (text, reason) in [
            ("", "expected 4 digits for the year"),
            ("2024-05-01", "expected `T` at position 11"),
            (
                "2024-05-01T08:30:00 ",
                "expected the offset: `Z` or `±hh:mm`",
            ),
            (
                "2024-05-01T08:30:00.Z",
                "expected digits after the decimal point",
            ),
            (
                "2024-05-01T08:30:00.12345678Z",
                "8 fraction digits; Graph allows at most 7 (100 ns)",
            ),
            (
                "2024-05-01T08:30:00Zjunk",
                "unexpected text after the offset",
            ),
            ("2024-05-01T08:30:00+24:00", "the offset is out of range"),
            (
                "2024-05-01T08:30:00+0200",
                "expected `:` in the offset at position 23",
            ),
            ("String (timestamp)", "expected 4 digits for the year"),
        ] {
            let error = text.parse::<DateTimeOffset>().unwrap_err();
            assert_eq!(error.reason(), reason, "{text}");
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-00-01T00:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T23:60:00Z",
            "2024-05-01T23:59:60Z",
        ] {
            assert!(text.parse::<DateTimeOffset>().is_err(), "{text}");
        }
    }

    #[test]
    fn non_ascii_input_is_an_error_not_a_panic() {
        assert!("２０２４-05-01T08:30:00Z"
            .parse::<DateTimeOffset>()
            .is_err());
        assert!("2024-05-01T08:30:00.1é".parse::<DateTimeOffset>().is_err());
    }

    #[test]
    fn time_values_convert_truncated_to_100ns() {
        let value = OffsetDateTime::from_unix_timestamp_nanos(1_714_552_200_123_456_789).unwrap();
        let at = DateTimeOffset::try_from(value).unwrap();
        assert_eq!(at.to_string(), "2024-05-01T08:30:00.1234567Z");
        let whole = OffsetDateTime::from_unix_timestamp(1_714_552_200).unwrap();
        assert_eq!(
            DateTimeOffset::try_from(whole).unwrap().to_string(),
            "2024-05-01T08:30:00Z"
        );
        let tenth = whole.replace_nanosecond(100_000_000).unwrap();
        assert_eq!(
            DateTimeOffset::try_from(tenth).unwrap().to_string(),
            "2024-05-01T08:30:00.1Z"
        );
    }

    #[test]
    fn time_values_rfc3339_cannot_write_are_refused() {
        let ancient = OffsetDateTime::from_unix_timestamp(-70_000_000_000).unwrap();
        assert!(DateTimeOffset::try_from(ancient).is_err());
        let odd = OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_hms(1, 0, 30).unwrap());
        assert!(DateTimeOffset::try_from(odd).is_err());
    }

    #[test]
    fn long_input_is_shortened_in_the_message() {
        let text = "x".repeat(10_000);
        let message = text.parse::<DateTimeOffset>().unwrap_err().to_string();
        assert!(message.len() < 200, "{message}");
    }
}
