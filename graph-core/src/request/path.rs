//! Path templates: checked at run time by the grammar `#[graph_resource(path = ...)]` is
//! checked by at compile time, and filled with each parameter as exactly one segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

// The template grammar is the macros' own file (graph-derive's `src/grammar/template.rs`),
// read here through the symlink `path/template.rs`: one set of rules and messages for a
// template checked at compile time and one checked at run time.
mod template;

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

/// A path template split at its `{placeholders}`: `literals` has one more entry than
/// `names`.
#[derive(Debug)]
pub(crate) struct Template<'t> {
    pub(crate) literals: Vec<&'t str>,
    pub(crate) names: Vec<&'t str>,
}

impl<'t> Template<'t> {
    /// Parses `/groups/{group-id}/members` by the rules the attribute's `path` is checked
    /// by, with the same messages: what is wrong and what to write.
    pub(crate) fn parse(raw: &'t str) -> Result<Self, String> {
        let (mut literals, mut names) = (Vec::new(), Vec::new());
        template::parse(
            raw,
            |literal| literals.push(literal),
            |name| names.push(name),
        )?;
        Ok(Self { literals, names })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar's own tests (in `template`) run here too; this checks what graph-core
    /// keeps of a template.
    #[test]
    fn a_template_keeps_its_literals_and_placeholders() {
        assert!(Template::parse("users").is_err());
        let template = Template::parse("/users/{user-id}/calendars/{id}/events").unwrap();
        assert_eq!(template.literals, ["/users/", "/calendars/", "/events"]);
        assert_eq!(template.names, ["user-id", "id"]);
        assert_eq!(Template::parse("/me").unwrap().names.len(), 0);
    }

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
