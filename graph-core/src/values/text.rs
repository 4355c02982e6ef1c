//! The pieces of Graph's date and time texts, read and written once for every value type:
//! a date (`2024-05-01`), a time of day (`09:30:00.1234567`, seconds and fraction as
//! written) and the checks that go with them. Each reader gives a reason a person can act
//! on; the value types add the input and their own name.

use time::{Date, Month, Time};

/// The most fraction digits Graph writes or accepts: .NET's 100 ns ticks.
pub(crate) const MAX_FRACTION_DIGITS: u8 = 7;

/// `len` ASCII digits at `at`, as a number.
pub(crate) fn digits(b: &[u8], at: usize, len: usize, what: &str) -> Result<u32, String> {
    let digits = b
        .get(at..at + len)
        .filter(|d| d.iter().all(u8::is_ascii_digit))
        .ok_or_else(|| format!("expected {len} digits for the {what}"))?;
    Ok(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// One of `allowed` at `at`.
pub(crate) fn separator(b: &[u8], at: usize, allowed: &[u8], what: &str) -> Result<(), String> {
    if b.get(at).is_some_and(|c| allowed.contains(c)) {
        Ok(())
    } else {
        Err(format!("expected {what} at position {}", at + 1))
    }
}

/// `YYYY-MM-DD` at the start of `b`: ten bytes.
pub(crate) fn read_date(b: &[u8]) -> Result<Date, String> {
    let year = digits(b, 0, 4, "year")?;
    separator(b, 4, b"-", "`-`")?;
    let month = digits(b, 5, 2, "month")?;
    separator(b, 7, b"-", "`-`")?;
    let day = digits(b, 8, 2, "day")?;
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(|| format!("month {month:02} does not exist (01 to 12)"))?;
    // Four digits always fit an i32; two always fit a u8.
    let year = i32::try_from(year).unwrap_or(i32::MAX);
    let day = u8::try_from(day).unwrap_or(u8::MAX);
    Date::from_calendar_date(year, month, day).map_err(|_| {
        format!(
            "{year:04}-{:02} has no day {day:02} (it has {})",
            u8::from(month),
            time::util::days_in_month(month, year)
        )
    })
}

/// Writes `YYYY-MM-DD` (a year of 0 to 9999) into `out`.
pub(crate) fn write_date(out: &mut impl Sink, date: Date) {
    let year = u16::try_from(date.year()).unwrap_or(0);
    two(out, u8::try_from(year / 100).unwrap_or(0));
    two(out, u8::try_from(year % 100).unwrap_or(0));
    out.push(b'-');
    two(out, u8::from(date.month()));
    out.push(b'-');
    two(out, date.day());
}

/// How a time of day was written, so that it is written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct TimeShape {
    /// Whether `:ss` was written (an `Edm.TimeOfDay` may leave it out).
    pub seconds: bool,
    /// How many fraction digits were written (0 to 7).
    pub fraction_digits: u8,
}

impl TimeShape {
    /// Seconds and as few fraction digits as the time's 100 ns ticks need.
    pub(crate) fn shortest(time: Time) -> Self {
        let mut ticks = time.nanosecond() / 100;
        let mut fraction_digits = if ticks == 0 { 0 } else { MAX_FRACTION_DIGITS };
        while fraction_digits > 0 && ticks.is_multiple_of(10) {
            ticks /= 10;
            fraction_digits -= 1;
        }
        Self {
            seconds: true,
            fraction_digits,
        }
    }
}

/// `hh:mm:ss[.fffffff]` from `at` (with `optional_seconds`, `hh:mm` too): the time, how it
/// was written, and where it ends.
pub(crate) fn read_time(
    b: &[u8],
    at: usize,
    optional_seconds: bool,
) -> Result<(Time, TimeShape, usize), String> {
    let hour = digits(b, at, 2, "hour")?;
    separator(b, at + 2, b":", "`:`")?;
    let minute = digits(b, at + 3, 2, "minute")?;
    let mut end = at + 5;
    let mut shape = TimeShape {
        seconds: false,
        fraction_digits: 0,
    };
    let mut second = 0;
    let mut nanosecond = 0;
    if !optional_seconds || b.get(end) == Some(&b':') {
        separator(b, end, b":", "`:`")?;
        second = digits(b, end + 1, 2, "second")?;
        shape.seconds = true;
        end += 3;
        if b.get(end) == Some(&b'.') {
            end += 1;
            let count = b[end..].iter().take_while(|c| c.is_ascii_digit()).count();
            if count == 0 {
                return Err("expected digits after the decimal point".to_owned());
            }
            if count > usize::from(MAX_FRACTION_DIGITS) {
                return Err(format!(
                    "{count} fraction digits; Graph allows at most {MAX_FRACTION_DIGITS} (100 ns)"
                ));
            }
            let ticks = digits(b, end, count, "fraction")?;
            // `count` is 1 to 7, so the power is at most 10^8 and the product below 10^9.
            nanosecond = ticks * 10u32.pow(9 - u32::try_from(count).unwrap_or(9));
            shape.fraction_digits = u8::try_from(count).unwrap_or(MAX_FRACTION_DIGITS);
            end += count;
        }
    }
    if hour > 23 {
        return Err(format!("hour {hour:02} is out of range (00 to 23)"));
    }
    if minute > 59 {
        return Err(format!("minute {minute:02} is out of range (00 to 59)"));
    }
    if second > 59 {
        return Err(format!("second {second:02} is out of range (00 to 59)"));
    }
    let small = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
    let time = Time::from_hms_nano(small(hour), small(minute), small(second), nanosecond)
        .map_err(|error| error.to_string())?;
    Ok((time, shape, end))
}

/// Writes `hh:mm[:ss[.fffffff]]` as `shape` says into `out`.
pub(crate) fn write_time(out: &mut impl Sink, time: Time, shape: TimeShape) {
    two(out, time.hour());
    out.push(b':');
    two(out, time.minute());
    if !shape.seconds {
        return;
    }
    out.push(b':');
    two(out, time.second());
    if shape.fraction_digits > 0 {
        out.push(b'.');
        let mut ticks = time.nanosecond() / 100;
        let mut all = [0u8; MAX_FRACTION_DIGITS as usize];
        for digit in all.iter_mut().rev() {
            // ticks < 10^7, so each digit is below 10.
            *digit = b'0' + u8::try_from(ticks % 10).unwrap_or(0);
            ticks /= 10;
        }
        out.extend(&all[..usize::from(shape.fraction_digits)]);
    }
}

/// `time` truncated to Graph's 100 ns.
pub(crate) fn truncate_to_ticks(time: Time) -> Time {
    let nanos = time.nanosecond();
    time.replace_nanosecond(nanos - nanos % 100).unwrap_or(time)
}

/// Two digits.
pub(crate) fn two(out: &mut impl Sink, n: u8) {
    out.push(b'0' + n / 10);
    out.push(b'0' + n % 10);
}

/// Where the writers put ASCII: a JSON buffer, or a [`Stack`] for `Display` and serde.
pub(crate) trait Sink {
    fn push(&mut self, byte: u8);
    fn extend(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    #[inline]
    fn push(&mut self, byte: u8) {
        Vec::push(self, byte);
    }

    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// A text of at most `N` ASCII bytes on the stack, so writing a value allocates nothing.
pub(crate) struct Stack<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> Stack<N> {
    pub(crate) fn new() -> Self {
        Self {
            bytes: [0; N],
            len: 0,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl<const N: usize> Sink for Stack<N> {
    #[inline]
    fn push(&mut self, byte: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = byte;
            self.len += 1;
        }
    }

    #[inline]
    fn extend(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.push(byte);
        }
    }
}

/// A value's text, shortened for messages whatever its size.
pub(crate) fn shown(input: &str) -> String {
    const SHOWN: usize = 48;
    match input.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &input[..cut]),
        None => input.to_owned(),
    }
}
