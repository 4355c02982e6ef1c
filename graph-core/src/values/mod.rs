//! Graph's primitive types that JSON has no type for, each read and written exactly as
//! Graph writes it, with conversions to and from the [`time`] crate:
//!
//! | type | Graph | JSON |
//! | --- | --- | --- |
//! | [`DateTimeOffset`] | `Edm.DateTimeOffset` | `"2024-05-01T08:30:00Z"` |
//! | [`Date`] | `Edm.Date` | `"2024-05-01"` |
//! | [`TimeOfDay`] | `Edm.TimeOfDay` | `"09:30:00.0000000"` |
//! | [`LocalDateTime`] | a date-time without an offset (`dateTimeTimeZone.dateTime`) | `"2017-04-15T12:00:00.0000000"` |
//! | [`Duration`] | `Edm.Duration` (ISO 8601) | `"PT1H30M"` |
//!
//! Each is `Clone`, `Debug`, `PartialEq`, `Eq`, `Hash`, `FromStr` and `Display`, and serde
//! as a JSON string; a value that cannot mean what its type says is refused with an error
//! that shows the value and what was expected.

mod date;
mod date_time_offset;
mod duration;
pub(crate) mod text;

pub use date::{Date, LocalDateTime, TimeOfDay, ValueError};
pub use date_time_offset::{DateTimeOffset, DateTimeOffsetError};
pub use duration::Duration;
