//! Graph's `Edm.Duration`: an ISO 8601 duration (`P730D`, `PT1H30M`, `-P1DT0.5S`).

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::values::ValueError;

/// Graph's `Edm.Duration`, as ISO 8601 writes it: an optional sign, `P`, then years,
/// months, weeks and days, and after `T` hours, minutes and seconds (with up to 9 fraction
/// digits), each where present (`P730D`, a delegated-admin relationship's `duration`;
/// `PT1H30M`; `-P1DT0.5S`).
///
/// It is written back exactly as it was read. Equality and hashing compare the components
/// (`PT1H` is not `PT60M`: Graph may treat them alike, but a calendar does not always).
/// Converts to [`std::time::Duration`] and [`time::Duration`](::time::Duration) where
/// that is exact: never with years or months, whose length depends on the calendar (a
/// day is taken as 24 hours and a week as 7 days), and to `std` only when not negative.
///
/// ```
/// use graph_core::Duration;
///
/// let two_years: Duration = "P730D".parse()?;
/// assert_eq!(two_years.to_string(), "P730D");
/// let std = std::time::Duration::try_from(two_years)?;
/// assert_eq!(std.as_secs(), 730 * 86_400);
/// assert!("P1Y".parse::<Duration>()?.is_calendar_dependent());
/// assert!("PT".parse::<Duration>().is_err());
/// # Ok::<(), graph_core::values::ValueError>(())
/// ```
#[derive(Clone)]
pub struct Duration {
    negative: bool,
    years: u64,
    months: u64,
    weeks: u64,
    days: u64,
    hours: u64,
    minutes: u64,
    seconds: u64,
    nanos: u32,
    /// The text as read, or as written for a converted value.
    text: Box<str>,
}

/// The components in the order ISO 8601 writes them, by designator.
const DATE_PARTS: &[u8] = b"YMWD";
const TIME_PARTS: &[u8] = b"HMS";

impl Duration {
    /// Whether the duration is negative (written with a leading `-`).
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Whether it has years or months, whose length depends on where in the calendar it
    /// starts, so that it converts to no fixed length of time.
    #[must_use]
    pub fn is_calendar_dependent(&self) -> bool {
        self.years != 0 || self.months != 0
    }

    fn parse(input: &str) -> Result<Self, ValueError> {
        let fail = |reason: &str| ValueError::new("Duration", input, reason);
        let b = input.as_bytes();
        let mut at = 0;
        let negative = match b.first() {
            Some(b'-') => {
                at = 1;
                true
            }
            Some(b'+') => {
                at = 1;
                false
            }
            _ => false,
        };
        if b.get(at) != Some(&b'P') {
            return Err(fail(
                "expected `P` at the start (an ISO 8601 duration such as `P730D` or `PT1H30M`)",
            ));
        }
        at += 1;
        let mut value = Self {
            negative,
            years: 0,
            months: 0,
            weeks: 0,
            days: 0,
            hours: 0,
            minutes: 0,
            seconds: 0,
            nanos: 0,
            text: input.into(),
        };
        let mut any = false;
        let mut in_time = false;
        let mut time_parts = 0;
        // Where in the order of designators the next component may be.
        let mut next = 0;
        while at < b.len() {
            if b[at] == b'T' {
                if in_time {
                    return Err(fail("a second `T`"));
                }
                in_time = true;
                next = 0;
                at += 1;
                continue;
            }
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            let whole = &input[start..at];
            let mut fraction = "";
            if matches!(b.get(at), Some(b'.' | b',')) {
                let dot = at;
                at += 1;
                while b.get(at).is_some_and(u8::is_ascii_digit) {
                    at += 1;
                }
                fraction = &input[dot + 1..at];
                if fraction.is_empty() {
                    return Err(fail("expected digits after the decimal point"));
                }
            }
            let Some(&designator) = b.get(at) else {
                return Err(fail(
                    "a number without a designator after it (`Y`, `M`, `W`, `D`, or after `T`: `H`, `M`, `S`)",
                ));
            };
            at += 1;
            let parts = if in_time { TIME_PARTS } else { DATE_PARTS };
            let Some(index) = parts.iter().position(|&p| p == designator) else {
                return Err(fail(&if in_time {
                    format!(
                        "`{}` is not a time designator (`H`, `M`, `S`)",
                        char::from(designator)
                    )
                } else if TIME_PARTS.contains(&designator) {
                    format!(
                        "`{}` comes after `T` (`PT1H`, not `P1H`)",
                        char::from(designator)
                    )
                } else {
                    format!(
                        "`{}` is not a designator (`Y`, `M`, `W`, `D`, or after `T`: `H`, `M`, `S`)",
                        char::from(designator)
                    )
                }));
            };
            if index < next {
                return Err(fail(
                    "components out of order or repeated: ISO 8601 writes years, months, weeks, days, then `T`, hours, minutes, seconds",
                ));
            }
            next = index + 1;
            if whole.is_empty() {
                return Err(fail(&format!(
                    "expected digits before `{}`",
                    char::from(designator)
                )));
            }
            let number: u64 = whole
                .parse()
                .map_err(|_| fail(&format!("`{whole}{}` is too large", char::from(designator))))?;
            let is_seconds = in_time && designator == b'S';
            if !fraction.is_empty() {
                if !is_seconds {
                    return Err(fail("only seconds can have a fraction (`PT0.5S`)"));
                }
                if fraction.len() > 9 {
                    return Err(fail("at most 9 fraction digits (nanoseconds)"));
                }
                // At most 9 digits, so the value is below 10^9.
                let digits: u32 = fraction.parse().unwrap_or(0);
                let scale = 10u32.pow(9 - u32::try_from(fraction.len()).unwrap_or(9));
                value.nanos = digits * scale;
            }
            let slot = match (in_time, designator) {
                (false, b'Y') => &mut value.years,
                (false, b'M') => &mut value.months,
                (false, b'W') => &mut value.weeks,
                (false, _) => &mut value.days,
                (true, b'H') => &mut value.hours,
                (true, b'M') => &mut value.minutes,
                (true, _) => &mut value.seconds,
            };
            *slot = number;
            any = true;
            if in_time {
                time_parts += 1;
            }
        }
        if in_time && time_parts == 0 {
            return Err(fail("`T` with no hours, minutes or seconds after it"));
        }
        if !any {
            return Err(fail("no components after `P` (zero is `PT0S`)"));
        }
        // Refuse what no conversion could hold, so the ones below cannot overflow.
        if value.fixed_seconds().is_none() {
            return Err(fail("too large"));
        }
        Ok(value)
    }

    /// The weeks, days, hours, minutes and seconds as seconds (a day as 24 hours), where
    /// that fits an `i64`.
    fn fixed_seconds(&self) -> Option<i64> {
        let total = self
            .weeks
            .checked_mul(7 * 86_400)?
            .checked_add(self.days.checked_mul(86_400)?)?
            .checked_add(self.hours.checked_mul(3_600)?)?
            .checked_add(self.minutes.checked_mul(60)?)?
            .checked_add(self.seconds)?;
        i64::try_from(total).ok()
    }

    /// The canonical text for a fixed length: days, then hours, minutes and seconds, each
    /// where not zero (`P1DT2H`, `PT0.5S`, `PT0S`).
    fn from_parts(negative: bool, total_seconds: u64, nanos: u32) -> Self {
        let days = total_seconds / 86_400;
        let hours = total_seconds % 86_400 / 3_600;
        let minutes = total_seconds % 3_600 / 60;
        let seconds = total_seconds % 60;
        let mut text = String::from(if negative { "-P" } else { "P" });
        if days > 0 {
            text.push_str(&format!("{days}D"));
        }
        if hours > 0 || minutes > 0 || seconds > 0 || nanos > 0 || days == 0 {
            text.push('T');
            if hours > 0 {
                text.push_str(&format!("{hours}H"));
            }
            if minutes > 0 {
                text.push_str(&format!("{minutes}M"));
            }
            if seconds > 0 || nanos > 0 || (hours == 0 && minutes == 0) {
                text.push_str(&seconds.to_string());
                if nanos > 0 {
                    let fraction = format!("{nanos:09}");
                    text.push('.');
                    text.push_str(fraction.trim_end_matches('0'));
                }
                text.push('S');
            }
        }
        Self {
            negative,
            years: 0,
            months: 0,
            weeks: 0,
            days,
            hours,
            minutes,
            seconds,
            nanos,
            text: text.into(),
        }
    }

    fn parts(&self) -> (bool, [u64; 7], u32) {
        let zero =
            self.fixed_seconds() == Some(0) && self.nanos == 0 && !self.is_calendar_dependent();
        (
            // `-PT0S` is zero, as `PT0S` is.
            self.negative && !zero,
            [
                self.years,
                self.months,
                self.weeks,
                self.days,
                self.hours,
                self.minutes,
                self.seconds,
            ],
            self.nanos,
        )
    }

    fn calendar_error(&self, to: &str) -> ValueError {
        ValueError::new(
            "Duration",
            &self.text,
            format!("it has years or months, whose length depends on the calendar, so it is no fixed {to}"),
        )
    }
}

impl FromStr for Duration {
    type Err = ValueError;

    fn from_str(s: &str) -> Result<Self, ValueError> {
        Self::parse(s)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Duration({})", self.text)
    }
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for Duration {}

impl Hash for Duration {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl TryFrom<Duration> for std::time::Duration {
    type Error = ValueError;

    /// Fails with years or months, and when negative.
    fn try_from(value: Duration) -> Result<Self, ValueError> {
        if value.is_calendar_dependent() {
            return Err(value.calendar_error("std::time::Duration"));
        }
        if value.parts().0 {
            return Err(ValueError::new(
                "Duration",
                &value.text,
                "it is negative, and a std::time::Duration cannot be",
            ));
        }
        // Checked when parsed.
        let seconds = value.fixed_seconds().unwrap_or(0).unsigned_abs();
        Ok(std::time::Duration::new(seconds, value.nanos))
    }
}

impl TryFrom<Duration> for time::Duration {
    type Error = ValueError;

    /// Fails with years or months.
    fn try_from(value: Duration) -> Result<Self, ValueError> {
        if value.is_calendar_dependent() {
            return Err(value.calendar_error("time::Duration"));
        }
        // Checked when parsed; nanoseconds are below 10^9.
        let seconds = value.fixed_seconds().unwrap_or(0);
        let nanos = i32::try_from(value.nanos).unwrap_or(0);
        let length = time::Duration::new(seconds, nanos);
        Ok(if value.negative { -length } else { length })
    }
}

impl From<std::time::Duration> for Duration {
    /// Days, hours, minutes and seconds (`P1DT2H`, `PT1.5S`).
    fn from(value: std::time::Duration) -> Self {
        Self::from_parts(false, value.as_secs(), value.subsec_nanos())
    }
}

impl From<time::Duration> for Duration {
    /// Days, hours, minutes and seconds, with a sign where negative.
    fn from(value: time::Duration) -> Self {
        let seconds = value.whole_seconds().unsigned_abs();
        let nanos = value.subsec_nanoseconds().unsigned_abs();
        Self::from_parts(value.is_negative(), seconds, nanos)
    }
}

impl serde::Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Duration;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Duration string such as \"PT1H30M\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Duration, E> {
                Duration::parse(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> String {
        match text.parse::<Duration>() {
            Ok(value) => panic!("{text} parsed as {value:?}"),
            Err(error) => error.reason().to_owned(),
        }
    }

    #[test]
    fn what_graph_writes_round_trips() {
        for text in [
            "P730D",
            "PT1H30M",
            "-P1DT0.5S",
            "+PT5M",
            "P1Y2M3W4DT5H6M7.123456789S",
            "P2W",
            "PT0S",
            "PT36H",
            "P0D",
            "PT01H",
        ] {
            assert_eq!(text.parse::<Duration>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn what_is_not_a_duration_is_refused_with_a_reason() {
        assert_eq!(reason("P"), "no components after `P` (zero is `PT0S`)");
        assert_eq!(
            reason("PT"),
            "`T` with no hours, minutes or seconds after it"
        );
        assert_eq!(
            reason("P1DT"),
            "`T` with no hours, minutes or seconds after it"
        );
        assert!(reason("1H").starts_with("expected `P` at the start"));
        assert!(reason("").starts_with("expected `P` at the start"));
        assert_eq!(reason("P1H"), "`H` comes after `T` (`PT1H`, not `P1H`)");
        assert!(reason("PT1D").starts_with("`D` is not a time designator"));
        assert!(reason("P1D2Y").starts_with("components out of order"));
        assert!(reason("PT1M1M").starts_with("components out of order"));
        assert_eq!(
            reason("P1.5D"),
            "only seconds can have a fraction (`PT0.5S`)"
        );
        assert_eq!(reason("PTH"), "expected digits before `H`");
        assert!(reason("PT5").starts_with("a number without a designator"));
        assert_eq!(reason("PT1.S"), "expected digits after the decimal point");
        assert_eq!(
            reason("PT0.1234567890S"),
            "at most 9 fraction digits (nanoseconds)"
        );
        assert_eq!(
            reason("PT99999999999999999999S"),
            "`99999999999999999999S` is too large"
        );
        assert_eq!(reason("P9999999999999999999W"), "too large");
        assert_eq!(reason("PT1HT1M"), "a second `T`");
        assert_eq!(
            "PT".parse::<Duration>().unwrap_err().to_string(),
            "invalid Duration `PT`: `T` with no hours, minutes or seconds after it"
        );
    }

    #[test]
    fn fixed_lengths_convert_and_calendar_ones_do_not() {
        let day_and_a_half: Duration = "P1DT12H".parse().unwrap();
        let std = std::time::Duration::try_from(day_and_a_half.clone()).unwrap();
        assert_eq!(std, std::time::Duration::from_secs(36 * 3_600));
        assert_eq!(
            time::Duration::try_from("-PT0.25S".parse::<Duration>().unwrap()).unwrap(),
            time::Duration::milliseconds(-250)
        );
        assert_eq!(
            std::time::Duration::try_from("P1W".parse::<Duration>().unwrap()).unwrap(),
            std::time::Duration::from_secs(7 * 86_400)
        );
        let year: Duration = "P1Y".parse().unwrap();
        assert!(year.is_calendar_dependent());
        let error = std::time::Duration::try_from(year).unwrap_err();
        assert!(
            error.reason().contains("depends on the calendar"),
            "{error}"
        );
        assert!(std::time::Duration::try_from("-PT1S".parse::<Duration>().unwrap()).is_err());
        assert_eq!(
            std::time::Duration::try_from("-PT0S".parse::<Duration>().unwrap()).unwrap(),
            std::time::Duration::ZERO
        );
    }

    #[test]
    fn lengths_of_time_are_written_in_days_hours_minutes_and_seconds() {
        let cases = [
            (std::time::Duration::from_secs(730 * 86_400), "P730D"),
            (std::time::Duration::from_secs(5_400), "PT1H30M"),
            (std::time::Duration::from_secs(86_400 + 7_200), "P1DT2H"),
            (std::time::Duration::from_millis(1_500), "PT1.5S"),
            (std::time::Duration::ZERO, "PT0S"),
        ];
        for (length, text) in cases {
            let value = Duration::from(length);
            assert_eq!(value.to_string(), text);
            assert_eq!(value, text.parse().unwrap());
            assert_eq!(std::time::Duration::try_from(value).unwrap(), length);
        }
        assert_eq!(
            Duration::from(time::Duration::seconds(-90)).to_string(),
            "-PT1M30S"
        );
    }

    #[test]
    fn equality_compares_components() {
        let parse = |text: &str| text.parse::<Duration>().unwrap();
        assert_eq!(parse("PT01H"), parse("PT1H"));
        assert_eq!(parse("-PT0S"), parse("PT0S"));
        assert_ne!(parse("PT1H"), parse("PT60M"));
        assert_ne!(parse("P1D"), parse("PT24H"));
        assert_ne!(parse("-PT1S"), parse("PT1S"));
    }
}
