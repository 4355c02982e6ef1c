//! `Date`, `TimeOfDay`, `LocalDateTime` and `Duration` from any text (`FromStr`) and any
//! JSON (serde): a value or an error, never a panic, and what reads prints back as read.

#![no_main]

use std::fmt::Display;
use std::str::FromStr;

use graph_core::{Date, Duration, LocalDateTime, TimeOfDay};
use libfuzzer_sys::fuzz_target;

/// Where `text` reads as a `T`, it prints back as `expected` and reads again equal; the
/// conversions `check` makes hold.
fn text_round_trip<T>(text: &str, expected: &str, check: impl Fn(&T))
where
    T: FromStr + Display + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = text.parse::<T>() {
        let printed = value.to_string();
        assert_eq!(printed, expected);
        let again: T = printed.parse().ok().expect("printed text parses");
        assert_eq!(again, value);
        check(&value);
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        text_round_trip::<Date>(text, text, |date| {
            assert_eq!(Date::try_from(graph_core::time::Date::from(*date)).ok(), Some(*date));
        });
        text_round_trip::<TimeOfDay>(text, text, |time| {
            assert_eq!(TimeOfDay::from(graph_core::time::Time::from(*time)), *time);
        });
        text_round_trip::<LocalDateTime>(text, &text.replace('t', "T"), |value| {
            let local = graph_core::time::PrimitiveDateTime::from(*value);
            assert_eq!(LocalDateTime::try_from(local).ok(), Some(*value));
        });
        text_round_trip::<Duration>(text, text, |duration| {
            // Converted where it is fixed, and back to the same length.
            if let Ok(length) = std::time::Duration::try_from(duration.clone()) {
                let back = std::time::Duration::try_from(Duration::from(length));
                assert_eq!(back.ok(), Some(length));
            }
            if let Ok(length) = graph_core::time::Duration::try_from(duration.clone()) {
                let back = graph_core::time::Duration::try_from(Duration::from(length));
                assert_eq!(back.ok(), Some(length));
            }
        });
    }
    graph_fuzz::round_trip::<Vec<Option<Date>>>(data);
    graph_fuzz::round_trip::<Vec<TimeOfDay>>(data);
    graph_fuzz::round_trip::<Vec<LocalDateTime>>(data);
    graph_fuzz::round_trip::<Vec<Duration>>(data);
});
