//! Path templates: checked at run time by the rules `#[graph_resource(path = ...)]` is
//! checked by at compile time, and filled with each parameter as exactly one segment.

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
        if raw.is_empty() {
            return Err("the path template is empty; write a path, e.g. `/users`".into());
        }
        if !raw.starts_with('/') {
            return Err(format!(
                "path template `{raw}` must start with `/`: write `/{}`",
                raw.trim_end_matches('/')
            ));
        }
        if let Some(message) = alternatives(raw) {
            return Err(message);
        }
        if let Some(bad) = raw
            .chars()
            .find(|c| c.is_whitespace() || matches!(c, '?' | '#'))
        {
            return Err(format!(
                "path template `{raw}` contains {}; it is the path alone, without a query or fragment",
                describe(bad)
            ));
        }
        // RFC 3986 path characters (`pchar`), `/`, and the braces of placeholders: what a
        // URL can carry as it is.
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/%{}".contains(c);
        if let Some(bad) = raw.chars().find(|c| !allowed(*c)) {
            return Err(format!(
                "path template `{raw}` contains `{bad}`, which a URL path cannot carry as it is; \
                 percent-encode it"
            ));
        }
        if raw.len() > 1 && raw.ends_with('/') {
            return Err(format!(
                "path template `{raw}` ends with `/`; write `{}`",
                raw.trim_end_matches('/')
            ));
        }
        if raw.contains("//") {
            return Err(format!("path template `{raw}` has an empty segment (`//`)"));
        }
        let mut literals = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut rest = raw;
        loop {
            match (rest.find('{'), rest.find('}')) {
                (None, None) => {
                    literals.push(rest);
                    break;
                }
                (open, Some(close)) if open.is_none_or(|open| close < open) => {
                    return Err(format!(
                        "path template `{raw}` has a `}}` that closes no `{{`; a path parameter is written `{{name}}`"
                    ));
                }
                (Some(_), None) => {
                    return Err(format!(
                        "path template `{raw}` has a `{{` that is never closed; a path parameter is written `{{name}}`"
                    ));
                }
                (Some(open), Some(close)) => {
                    let name = &rest[open + 1..close];
                    if name.contains('{') {
                        return Err(format!(
                            "path template `{raw}` has a `{{` inside a path parameter; a path parameter is written `{{name}}`"
                        ));
                    }
                    if name.is_empty() {
                        return Err(format!(
                            "path template `{raw}` has an empty `{{}}`; name the path parameter, e.g. `{{id}}`"
                        ));
                    }
                    if let Some(bad) = name
                        .chars()
                        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_')))
                    {
                        return Err(format!(
                            "path parameter `{{{name}}}` contains {}; name it with letters, digits, `-` and `_`",
                            describe(bad)
                        ));
                    }
                    if names.contains(&name) {
                        return Err(format!(
                            "path parameter `{{{name}}}` appears twice in `{raw}`; give each its own name"
                        ));
                    }
                    literals.push(&rest[..open]);
                    names.push(name);
                    rest = &rest[close + 1..];
                }
                (None, Some(_)) => unreachable!("handled by the guard above"),
            }
        }
        Ok(Self { literals, names })
    }
}

/// Graph's pages write a placeholder that takes either of two values as
/// `{id | userPrincipalName}`; a template has one value per placeholder, so this says to
/// pick one and suggests names: the first alternative, and one made from the segment
/// before it (`/users/{...}` gives `{userId}`).
fn alternatives(raw: &str) -> Option<String> {
    let mut from = 0;
    while let Some(open) = raw[from..].find('{').map(|open| from + open) {
        let close = open + raw[open..].find('}')?;
        let inside = &raw[open + 1..close];
        from = close + 1;
        if !inside.contains('|') && !inside.trim().contains(char::is_whitespace) {
            continue;
        }
        let first = inside
            .split(|c: char| c == '|' || c.is_whitespace())
            .find(|part| !part.is_empty())
            .unwrap_or("id");
        let segment = raw[..open].trim_end_matches('/').rsplit('/').next();
        let singular = segment.map(|segment| segment.strip_suffix('s').unwrap_or(segment));
        let named = singular
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(|singular| format!(" or `{{{singular}Id}}`"))
            .unwrap_or_default();
        return Some(format!(
            "path parameter `{{{inside}}}` lists alternatives, as Graph's pages do; a \
             placeholder is one name, which takes one value: write `{{{first}}}`{named}"
        ));
    }
    None
}

fn describe(c: char) -> String {
    if c.is_whitespace() {
        "whitespace".to_owned()
    } else {
        format!("`{c}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_checked_by_the_attributes_rules() {
        for (raw, message) in [
            ("", "the path template is empty; write a path, e.g. `/users`"),
            ("users", "path template `users` must start with `/`: write `/users`"),
            (
                "/users/{id | userPrincipalName}/events",
                "path parameter `{id | userPrincipalName}` lists alternatives, as Graph's pages do; a placeholder is one name, which takes one value: write `{id}` or `{userId}`",
            ),
            (
                "/users?$top=1",
                "path template `/users?$top=1` contains `?`; it is the path alone, without a query or fragment",
            ),
            (
                "/café",
                "path template `/café` contains `é`, which a URL path cannot carry as it is; percent-encode it",
            ),
            ("/users/", "path template `/users/` ends with `/`; write `/users`"),
            ("/a//b", "path template `/a//b` has an empty segment (`//`)"),
            (
                "/a}",
                "path template `/a}` has a `}` that closes no `{`; a path parameter is written `{name}`",
            ),
            (
                "/a/{id",
                "path template `/a/{id` has a `{` that is never closed; a path parameter is written `{name}`",
            ),
            (
                "/a/{{id}",
                "path template `/a/{{id}` has a `{` inside a path parameter; a path parameter is written `{name}`",
            ),
            (
                "/a/{}",
                "path template `/a/{}` has an empty `{}`; name the path parameter, e.g. `{id}`",
            ),
            (
                "/a/{i.d}",
                "path parameter `{i.d}` contains `.`; name it with letters, digits, `-` and `_`",
            ),
            (
                "/a/{id}/b/{id}",
                "path parameter `{id}` appears twice in `/a/{id}/b/{id}`; give each its own name",
            ),
        ] {
            assert_eq!(Template::parse(raw).unwrap_err(), message, "{raw}");
        }
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
