//! Graph's other primitive types: [`Date`] (`Edm.Date`), [`TimeOfDay`] (`Edm.TimeOfDay`)
//! and [`LocalDateTime`] (a date-time without an offset, as `dateTimeTimeZone.dateTime`
//! holds). Each reads what Graph writes, refuses what it cannot mean with a [`ValueError`]
//! naming the value and what was expected, writes back exactly what it read, and converts
//! to and from the `time` types the crate already uses. [`Duration`](crate::Duration) is
//! in its own module.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::values::text::{self, Sink, Stack, TimeShape};

/// Why a text is not one of Graph's value types, or a `time` value cannot be one.
/// `Display`: ``invalid Date `2024-02-30`: 2024-02 has no day 30 (it has 29)``.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {type_name} `{input}`: {reason}")]
pub struct ValueError {
    type_name: &'static str,
    input: String,
    reason: String,
}

impl ValueError {
    pub(crate) fn new(type_name: &'static str, input: &str, reason: impl Into<String>) -> Self {
        Self {
            type_name,
            input: text::shown(input),
            reason: reason.into(),
        }
    }

    /// The type the value was meant to be (`Date`, `TimeOfDay`, `Duration`,
    /// `LocalDateTime`).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The value (its first 48 characters).
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Why it was refused.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// `FromStr`, `Display`, `Debug` and serde as a JSON string, for a type with
/// `fn parse(&str) -> Result<Self, ValueError>` and `fn write(&self, &mut impl Sink)`.
macro_rules! text_value {
    ($ty:ident, $len:expr, $example:literal) => {
        impl FromStr for $ty {
            type Err = ValueError;

            fn from_str(s: &str) -> Result<Self, ValueError> {
                Self::parse(s)
            }
        }

        impl $ty {
            /// The text, on the stack.
            fn text(&self) -> Stack<$len> {
                let mut out = Stack::new();
                self.write(&mut out);
                out
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.text().as_str())
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($ty), "({})"), self)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.text().as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!(
                            "a ",
                            stringify!($ty),
                            " string such as \"",
                            $example,
                            "\""
                        ))
                    }

                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        $ty::parse(v).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

/// Graph's `Edm.Date`: a calendar date without a time (`2024-05-01`), as in a recurrence
/// range's `startDate` or a user's `birthday` date parts.
///
/// ```
/// use graph_core::Date;
///
/// let date: Date = "2024-02-29".parse()?;
/// assert_eq!(date.to_string(), "2024-02-29");
/// assert_eq!(graph_core::time::Date::from(date).ordinal(), 60);
/// assert!("2024-02-30".parse::<Date>().is_err());
/// # Ok::<(), graph_core::values::ValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(time::Date);

impl Date {
    fn parse(input: &str) -> Result<Self, ValueError> {
        let fail = |reason: String| ValueError::new("Date", input, reason);
        let b = input.as_bytes();
        let date = text::read_date(b).map_err(fail)?;
        if b.len() != 10 {
            return Err(fail(
                "unexpected text after the date (a Date is `YYYY-MM-DD`)".to_owned(),
            ));
        }
        Ok(Self(date))
    }

    fn write(&self, out: &mut impl Sink) {
        text::write_date(out, self.0);
    }
}

text_value!(Date, 10, "2024-05-01");

impl From<Date> for time::Date {
    fn from(value: Date) -> Self {
        value.0
    }
}

impl TryFrom<time::Date> for Date {
    type Error = ValueError;

    /// Fails for years outside 0 to 9999, which the text form cannot write.
    fn try_from(value: time::Date) -> Result<Self, ValueError> {
        check_year("Date", value)?;
        Ok(Self(value))
    }
}

fn check_year(type_name: &'static str, date: time::Date) -> Result<(), ValueError> {
    if (0..=9999).contains(&date.year()) {
        Ok(())
    } else {
        Err(ValueError::new(
            type_name,
            &date.to_string(),
            "the year is outside 0 to 9999",
        ))
    }
}

/// Graph's `Edm.TimeOfDay`: a time without a date (`09:30:00`, `17:00:00.0000000`), as in
/// a mailbox's working hours. Reads `hh:mm`, `hh:mm:ss` and 1 to 7 fraction digits, and
/// writes back the same text; equality and ordering compare the times.
///
/// ```
/// use graph_core::TimeOfDay;
///
/// let start: TimeOfDay = "08:00:00.0000000".parse()?;
/// assert_eq!(start.to_string(), "08:00:00.0000000");
/// assert_eq!(start, "08:00".parse()?);
/// assert!("25:00".parse::<TimeOfDay>().is_err());
/// # Ok::<(), graph_core::values::ValueError>(())
/// ```
#[derive(Clone, Copy)]
pub struct TimeOfDay {
    time: time::Time,
    shape: TimeShape,
}

impl TimeOfDay {
    fn parse(input: &str) -> Result<Self, ValueError> {
        let fail = |reason: String| ValueError::new("TimeOfDay", input, reason);
        let b = input.as_bytes();
        let (time, shape, end) = text::read_time(b, 0, true).map_err(fail)?;
        if end != b.len() {
            return Err(fail(
                "unexpected text after the time (a TimeOfDay is `hh:mm:ss` with up to 7 fraction digits, and no offset)"
                    .to_owned(),
            ));
        }
        Ok(Self { time, shape })
    }

    fn write(&self, out: &mut impl Sink) {
        text::write_time(out, self.time, self.shape);
    }
}

text_value!(TimeOfDay, 16, "09:30:00");

impl PartialEq for TimeOfDay {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time
    }
}

impl Eq for TimeOfDay {}

impl PartialOrd for TimeOfDay {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TimeOfDay {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.time.cmp(&other.time)
    }
}

impl Hash for TimeOfDay {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.time.hash(state);
    }
}

impl From<TimeOfDay> for time::Time {
    fn from(value: TimeOfDay) -> Self {
        value.time
    }
}

impl From<time::Time> for TimeOfDay {
    /// Truncates to 100 ns (Graph's resolution); written with seconds and as few fraction
    /// digits as that needs.
    fn from(value: time::Time) -> Self {
        let time = text::truncate_to_ticks(value);
        Self {
            time,
            shape: TimeShape::shortest(time),
        }
    }
}

/// A date-time without an offset (`2017-04-15T12:00:00.0000000`): the `dateTime` of Graph's
/// `dateTimeTimeZone`, whose `timeZone` says where it is. An offset or `Z` is refused, so
/// a UTC instant is never sent where a wall-clock time is meant. Reads 0 to 7 fraction
/// digits and writes back the same text; equality and ordering compare the date-times.
///
/// ```
/// use graph_core::LocalDateTime;
///
/// let start: LocalDateTime = "2017-04-15T12:00:00.0000000".parse()?;
/// assert_eq!(start.to_string(), "2017-04-15T12:00:00.0000000");
/// assert!("2017-04-15T12:00:00Z".parse::<LocalDateTime>().is_err());
/// # Ok::<(), graph_core::values::ValueError>(())
/// ```
#[derive(Clone, Copy)]
pub struct LocalDateTime {
    value: time::PrimitiveDateTime,
    fraction_digits: u8,
}

impl LocalDateTime {
    fn parse(input: &str) -> Result<Self, ValueError> {
        let fail = |reason: String| ValueError::new("LocalDateTime", input, reason);
        let b = input.as_bytes();
        let date = text::read_date(b).map_err(fail)?;
        text::separator(b, 10, b"Tt", "`T`").map_err(fail)?;
        let (time, shape, end) = text::read_time(b, 11, false).map_err(fail)?;
        match b.get(end) {
            None => {}
            Some(b'Z' | b'z' | b'+' | b'-') => {
                return Err(fail(
                    "a LocalDateTime has no offset: the time zone goes in its own property (`timeZone`)"
                        .to_owned(),
                ))
            }
            Some(_) => return Err(fail("unexpected text after the time".to_owned())),
        }
        Ok(Self {
            value: time::PrimitiveDateTime::new(date, time),
            fraction_digits: shape.fraction_digits,
        })
    }

    fn write(&self, out: &mut impl Sink) {
        text::write_date(out, self.value.date());
        out.push(b'T');
        let shape = TimeShape {
            seconds: true,
            fraction_digits: self.fraction_digits,
        };
        text::write_time(out, self.value.time(), shape);
    }
}

text_value!(LocalDateTime, 27, "2017-04-15T12:00:00.0000000");

impl PartialEq for LocalDateTime {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl Eq for LocalDateTime {}

impl PartialOrd for LocalDateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for LocalDateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl Hash for LocalDateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl From<LocalDateTime> for time::PrimitiveDateTime {
    fn from(value: LocalDateTime) -> Self {
        value.value
    }
}

impl TryFrom<time::PrimitiveDateTime> for LocalDateTime {
    type Error = ValueError;

    /// Truncates to 100 ns (Graph's resolution). Fails for years outside 0 to 9999.
    fn try_from(value: time::PrimitiveDateTime) -> Result<Self, ValueError> {
        check_year("LocalDateTime", value.date())?;
        let time = text::truncate_to_ticks(value.time());
        Ok(Self {
            value: value.replace_time(time),
            fraction_digits: TimeShape::shortest(time).fraction_digits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason<T: FromStr<Err = ValueError>>(text: &str) -> String {
        match text.parse::<T>() {
            Ok(_) => panic!("{text} parsed"),
            Err(error) => error.reason().to_owned(),
        }
    }

    #[test]
    fn dates_round_trip_and_impossible_ones_are_refused_with_a_reason() {
        for text in ["2024-05-01", "0000-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        assert_eq!(
            reason::<Date>("2024-02-30"),
            "2024-02 has no day 30 (it has 29)"
        );
        assert_eq!(
            reason::<Date>("2023-02-29"),
            "2023-02 has no day 29 (it has 28)"
        );
        assert_eq!(
            reason::<Date>("2024-13-01"),
            "month 13 does not exist (01 to 12)"
        );
        assert_eq!(
            reason::<Date>("2024-5-01"),
            "expected 2 digits for the month"
        );
        assert_eq!(
            reason::<Date>("2024-05-01T00:00:00Z"),
            "unexpected text after the date (a Date is `YYYY-MM-DD`)"
        );
        let error = "2024-02-30".parse::<Date>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid Date `2024-02-30`: 2024-02 has no day 30 (it has 29)"
        );
    }

    #[test]
    fn times_of_day_round_trip_as_written() {
        for text in [
            "09:30",
            "09:30:00",
            "17:00:00.0000000",
            "23:59:59.9999999",
            "00:00:00.5",
        ] {
            assert_eq!(text.parse::<TimeOfDay>().unwrap().to_string(), text);
        }
        assert_eq!(
            "09:30".parse::<TimeOfDay>().unwrap(),
            "09:30:00.000".parse().unwrap()
        );
        assert_eq!(
            reason::<TimeOfDay>("25:00"),
            "hour 25 is out of range (00 to 23)"
        );
        assert_eq!(
            reason::<TimeOfDay>("09:60"),
            "minute 60 is out of range (00 to 59)"
        );
        assert_eq!(
            reason::<TimeOfDay>("09:30:00.12345678"),
            "8 fraction digits; Graph allows at most 7 (100 ns)"
        );
        assert!(reason::<TimeOfDay>("09:30:00Z").starts_with("unexpected text after the time"));
        assert_eq!(
            reason::<TimeOfDay>("9:30"),
            "expected 2 digits for the hour"
        );
    }

    #[test]
    fn local_date_times_refuse_an_offset() {
        for text in [
            "2017-04-15T12:00:00.0000000",
            "2017-04-15T12:00:00",
            "2017-04-15T12:00:00.5",
        ] {
            assert_eq!(text.parse::<LocalDateTime>().unwrap().to_string(), text);
        }
        for text in [
            "2017-04-15T12:00:00Z",
            "2017-04-15T12:00:00+02:00",
            "2017-04-15T12:00:00.0000000-08:00",
        ] {
            assert_eq!(
                reason::<LocalDateTime>(text),
                "a LocalDateTime has no offset: the time zone goes in its own property (`timeZone`)"
            );
        }
        assert_eq!(
            reason::<LocalDateTime>("2017-04-15 12:00:00"),
            "expected `T` at position 11"
        );
    }

    #[test]
    fn values_convert_to_and_from_time() {
        let date = time::Date::from_calendar_date(2024, time::Month::May, 1).unwrap();
        assert_eq!(Date::try_from(date).unwrap().to_string(), "2024-05-01");
        assert!(Date::try_from(time::Date::MIN).is_err());
        let at = time::Time::from_hms_nano(9, 30, 0, 123_456_789).unwrap();
        assert_eq!(TimeOfDay::from(at).to_string(), "09:30:00.1234567");
        assert_eq!(
            TimeOfDay::from(time::Time::from_hms(9, 30, 0).unwrap()).to_string(),
            "09:30:00"
        );
        let local = time::PrimitiveDateTime::new(date, at);
        let value = LocalDateTime::try_from(local).unwrap();
        assert_eq!(value.to_string(), "2024-05-01T09:30:00.1234567");
        assert_eq!(
            time::PrimitiveDateTime::from(value).time().nanosecond(),
            123_456_700
        );
    }

    #[test]
    fn serde_reads_and_writes_json_strings() {
        let value: TimeOfDay = serde_json::from_str("\"08:00:00.0000000\"").unwrap();
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            "\"08:00:00.0000000\""
        );
        let error = serde_json::from_str::<Date>("\"2024-02-30\"").unwrap_err();
        assert!(
            error.to_string().starts_with("invalid Date `2024-02-30`"),
            "{error}"
        );
        let error = serde_json::from_str::<Date>("20240501").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a Date string such as \"2024-05-01\""),
            "{error}"
        );
    }
}
