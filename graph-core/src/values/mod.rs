//! Graph's primitive types that JSON has no type for, each read and written exactly as Graph
//! writes it, with conversions to and from the [`time`] crate (re-exported as
//! `graph_core::time`):
//!
//! | Graph (CSDL) | type | JSON |
//! | --- | --- | --- |
//! | `Edm.DateTimeOffset` | [`DateTimeOffset`] | `"2024-05-01T08:30:00.1348863Z"` |
//! | `Edm.Date` | [`Date`] | `"2024-05-01"` |
//! | `Edm.TimeOfDay` | [`TimeOfDay`] | `"09:30:00.0000000"` (`hh:mm` too) |
//! | `dateTimeTimeZone.dateTime` | [`LocalDateTime`] | `"2017-04-15T12:00:00.0000000"` |
//! | `Edm.Duration` | [`Duration`] | `"P730D"`, `"PT1H30M"` |
//! | `Edm.Binary` | [`Binary`] | `"SGVsbG8="` (base64) |
//! | an `IsFlags` enum | [`Flags<E>`](Flags) | `"sunday,saturday"` |
//!
//! The other primitives are Rust's: `Edm.String` and `Edm.Guid` are `String`, `Edm.Boolean`
//! `bool`, `Edm.Int32` and `Edm.Int64` `i32` and `i64`, `Edm.Double` `f64`. A field written
//! as `f32` or `f64` reads and writes OData's `"INF"`, `"-INF"` and `"NaN"`, and one written
//! as `i64` or `u64` also reads a string of digits (see
//! [`graph_resource`](macro@crate::graph_resource)'s field types).
//!
//! Each is `Clone`, `Debug`, `PartialEq`, `Eq`, `Hash`, `FromStr` and `Display` (but
//! [`Binary`]), and serde as a JSON string. The date and time types write back exactly the
//! text they read; [`Binary`] and [`Flags`] write Graph's one form of what they read
//! (standard padded base64; members in declaration order). Each refuses what it cannot mean
//! (`2024-02-30`, `25:00`, `P`, `PT`, an offset on a `LocalDateTime`) with a [`ValueError`]
//! (or [`DateTimeOffsetError`]) that names the value and what was expected.
//!
//! - [`DateTimeOffset`]: RFC 3339 with 0 to 7 fraction digits (Graph's 100 ns resolution), `Z`
//!   or `±hh:mm`. The instant, the offset and the number of fraction digits are kept, so
//!   `.1348863` read and written again is still `.1348863`. A value without an offset
//!   (`2019-09-27T01:01:04.566`, which some Graph services send) reads as UTC and is written
//!   back without one. Equality, ordering and hashing compare instants.
//! - [`Date`]: `time::Date` both ways. [`TimeOfDay`]: `time::Time` both ways.
//! - [`LocalDateTime`]: `Z` or an offset is refused, since the time zone is the `timeZone`
//!   property's; `time::PrimitiveDateTime` both ways.
//! - [`Binary`]: bytes, written as standard base64 with padding, read in the standard or the
//!   URL-safe alphabet, padded or not; its `Debug` shows the length only. It has no
//!   `FromStr` or `Display` (see [`Binary::from_base64`] and [`Binary::to_base64`]), and is
//!   not ordered.
//! - [`Flags`]: a set of a `#[graph_enum(flags)]` enum's members, written in declaration
//!   order joined by `,`, read in any order and case; members the code does not know are kept, and left out
//!   of its hash.
//! - [`Duration`]: ISO 8601 with a sign, years, months, weeks, days, hours, minutes and
//!   fractional seconds (`-P1DT0.5S`). Converts to `std::time::Duration` and `time::Duration`
//!   where that is exact (a day is 24 hours, a week 7 days); years and months depend on the
//!   calendar, so those conversions fail with a [`ValueError`] saying so.

mod binary;
mod date;
mod date_time_offset;
mod duration;
mod flags;
pub(crate) mod text;

pub use binary::Binary;
pub use date::{Date, LocalDateTime, TimeOfDay, ValueError};
pub use date_time_offset::{DateTimeOffset, DateTimeOffsetError};
pub use duration::Duration;
pub use flags::Flags;
