//! The one RFC 7240 `Prefer` header: the preferences a request adds and the library's,
//! merged by name.

use std::borrow::Cow;

use http::header::{HeaderName, HeaderValue};

use super::Request;

/// RFC 7240's `Prefer`, which `http` does not name.
pub(super) const PREFER: HeaderName = HeaderName::from_static("prefer");

impl<K, T> Request<K, T> {
    pub(crate) fn add_preference(&mut self, preference: &str) {
        let preference = preference.trim();
        if preference.is_empty() || HeaderValue::from_str(preference).is_err() {
            return;
        }
        let name = preference_name(preference);
        match self
            .prefer
            .iter_mut()
            .find(|p| preference_name(p).eq_ignore_ascii_case(name))
        {
            Some(existing) => *existing = Cow::Owned(preference.to_owned()),
            None => self.prefer.push(Cow::Owned(preference.to_owned())),
        }
    }

    /// Adds a preference the library writes, first: known to be a valid header value and
    /// alone on a new request, so it costs no allocation.
    pub(crate) fn add_library_preference(&mut self, preference: &'static str) {
        if self.prefer.is_empty() {
            self.prefer.push(Cow::Borrowed(preference));
        } else {
            self.add_preference(preference);
        }
    }
}

/// The preferences of a `Prefer` value, split at the commas outside quoted strings.
pub(super) fn split_preferences(value: &str) -> impl Iterator<Item = &str> {
    let mut quoted = false;
    let mut escaped = false;
    let mut start = 0;
    let mut parts = Vec::new();
    for (at, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&value[start..]);
    parts.into_iter()
}

/// A preference's name: what comes before `=` or `;`.
fn preference_name(preference: &str) -> &str {
    preference
        .split(['=', ';'])
        .next()
        .unwrap_or(preference)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_split_outside_quotes() {
        let parts: Vec<_> = split_preferences(r#"a=1, b="x, y", c"#).collect();
        assert_eq!(parts, ["a=1", r#" b="x, y""#, " c"]);
        assert_eq!(preference_name(" odata.maxpagesize=5"), "odata.maxpagesize");
        assert_eq!(preference_name("respond-async; wait=5"), "respond-async");
    }
}
