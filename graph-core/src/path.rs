//! Filling a path template's placeholders, each value as exactly one segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`): `/`, `?`, `#`,
/// `%`, space, the sub-delimiters and every non-ASCII byte are encoded, so a value can never
/// add a segment, start a query or a fragment, or be read as an escape.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends `value` to `out` as one percent-encoded path segment.
///
/// `.` and `..` are written `%2E` and `%2E%2E`: a URL library normalises the plain forms
/// into "this segment" and "one segment up", which would move the request elsewhere.
pub(crate) fn push_segment(out: &mut String, value: &str) {
    match value {
        "." => out.push_str("%2E"),
        ".." => out.push_str("%2E%2E"),
        _ => out.extend(percent_encoding::utf8_percent_encode(value, SEGMENT)),
    }
}

/// Fills a template split at its placeholders: `literals` has one more entry than `params`,
/// and the result is `literals[0] params[0] literals[1] ... literals[n]`.
pub(crate) fn fill(literals: &[&str], params: &[&str]) -> String {
    debug_assert_eq!(literals.len(), params.len() + 1);
    let capacity = literals.iter().map(|l| l.len()).sum::<usize>()
        + params.iter().map(|p| p.len() * 3).sum::<usize>();
    let mut out = String::with_capacity(capacity);
    for (literal, param) in literals.iter().zip(params) {
        out.push_str(literal);
        push_segment(&mut out, param);
    }
    if let Some(last) = literals.last() {
        out.push_str(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(value: &str) -> String {
        let mut out = String::new();
        push_segment(&mut out, value);
        out
    }

    #[test]
    fn unreserved_characters_stay_as_they_are() {
        assert_eq!(encode("AZaz09-._~"), "AZaz09-._~");
    }

    #[test]
    fn delimiters_and_percent_are_encoded() {
        assert_eq!(encode("a/b?c#d%e f"), "a%2Fb%3Fc%23d%25e%20f");
        assert_eq!(
            encode("!$&'()*+,;=:@"),
            "%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A%40"
        );
    }

    #[test]
    fn non_ascii_is_encoded_as_utf8() {
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn dot_segments_cannot_be_normalised_away() {
        assert_eq!(encode("."), "%2E");
        assert_eq!(encode(".."), "%2E%2E");
        assert_eq!(encode("..."), "...");
    }

    #[test]
    fn fill_interleaves_literals_and_encoded_values() {
        assert_eq!(fill(&["/a/", "/b"], &["x/y"]), "/a/x%2Fy/b");
        assert_eq!(fill(&["/a/", "/b/", ""], &["1", "2"]), "/a/1/b/2");
        assert_eq!(fill(&["/a"], &[]), "/a");
    }
}
