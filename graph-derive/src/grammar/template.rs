//! The grammar of path templates (`/users/{user-id}/events`): literal text, and `{name}`
//! placeholders that each take one path segment, an OData string literal in a function
//! call (`search(q='{q}')`), or a drive item's path (`root:/{path}:`). One file serves two crates, so that a
//! template is held to the same rules, with the same messages, wherever it is written:
//! graph-derive reads it as `grammar::template`, to check `path = "..."` at compile time,
//! and graph-core through the symlink `src/path/template.rs`, to check the templates of
//! the `_at` forms at run time. So it uses `std` alone (no syn, no proc-macro types), its
//! messages are plain strings, and everything in it is used by both crates.

/// Where a placeholder stands, which says how its value is written into the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// A segment of its own, or part of one (`/users/{id}`): the value is exactly one
    /// segment, whatever it holds.
    Segment,
    /// Between the single quotes of a function's argument (`search(q='{q}')`): an OData
    /// string literal, a `'` in the value doubled.
    Quoted,
    /// Inside a drive item's path, between `:` and `:` (`root:/{path}:`): the value may hold
    /// `/`, each of its segments written alone.
    ItemPath,
}

/// Checks `raw` by the rules of a path template and hands over its parts in order: the
/// text before the first placeholder to `literal`, then each placeholder's name and place
/// to `placeholder` and the text after it to `literal`. So `literal` is called once more
/// than `placeholder`, and a literal may be empty (`/a/{b}` ends with one).
///
/// # Errors
///
/// What is wrong and what to write instead. Parts handed over before the mistake was
/// found are to be dropped.
pub(crate) fn parse<'t>(
    raw: &'t str,
    mut literal: impl FnMut(&'t str),
    mut placeholder: impl FnMut(&'t str, Place),
) -> Result<(), String> {
    if raw.is_empty() {
        return Err("the path template is empty; write a path, e.g. `/users`".into());
    }
    if let Some((scheme, _)) = raw.split_once("://") {
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err(format!(
                "path template `{raw}` is a URL; write the path under the endpoint, which \
                 gives the rest (`/users/{{id}}`, not `https://graph.microsoft.com/v1.0/users/{{id}}`)"
            ));
        }
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
    // RFC 3986 path characters (`pchar`), `/`, and the braces of placeholders: what a URL
    // can carry as it is.
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
    balanced(raw)?;
    let mut names: Vec<&str> = Vec::new();
    let mut rest = raw;
    loop {
        match (rest.find('{'), rest.find('}')) {
            (None, None) => {
                literal(rest);
                return Ok(());
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
                names.push(name);
                let before = &raw[..raw.len() - rest.len() + open];
                let after = &rest[close + 1..];
                literal(&rest[..open]);
                placeholder(name, place(raw, before, after, name)?);
                rest = after;
            }
            (None, Some(_)) => unreachable!("handled by the guard above"),
        }
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

/// Where the placeholder `name` stands, from the template's text before and after it: in
/// quotes where a `'` opens just before it (the quote must close just after), in a drive
/// item's path where an odd number of `:` stand before it outside quotes, else a segment.
fn place(raw: &str, before: &str, after: &str, name: &str) -> Result<Place, String> {
    if before.ends_with('\'') {
        if !after.starts_with('\'') {
            return Err(format!(
                "path parameter `{{{name}}}` in `{raw}` follows a `'` that does not close right after it; \
                 a string argument is written `'{{{name}}}'`"
            ));
        }
        return Ok(Place::Quoted);
    }
    let mut quoted = false;
    let mut colons = 0;
    for c in before.chars() {
        match c {
            '\'' => quoted = !quoted,
            ':' if !quoted => colons += 1,
            _ => {}
        }
    }
    Ok(if colons % 2 == 1 {
        Place::ItemPath
    } else {
        Place::Segment
    })
}

/// That the template's parentheses close in order and its single quotes pair up, outside
/// placeholders: a function call is written `name(arg='{value}')`. The message shows the
/// template up to where it goes wrong.
fn balanced(raw: &str) -> Result<(), String> {
    let mut open: Vec<usize> = Vec::new();
    let mut quote: Option<usize> = None;
    let mut in_placeholder = false;
    for (at, c) in raw.char_indices() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ if in_placeholder => {}
            '\'' => quote = if quote.is_some() { None } else { Some(at) },
            _ if quote.is_some() => {}
            '(' => open.push(at),
            ')' if open.pop().is_none() => {
                return Err(format!(
                    "path template `{raw}` has a `)` that closes no `(`: `{}` ←",
                    &raw[..=at]
                ));
            }
            _ => {}
        }
    }
    if let Some(at) = quote {
        return Err(format!(
            "path template `{raw}` has a `'` that is never closed: `{}` ←",
            &raw[..=at]
        ));
    }
    if let Some(at) = open.pop() {
        return Err(format!(
            "path template `{raw}` has a `(` that is never closed: `{}` ←",
            &raw[..=at]
        ));
    }
    Ok(())
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
    use super::{parse, Place};

    /// The literals and the placeholders' names of a template.
    fn split(raw: &str) -> Result<(Vec<&str>, Vec<&str>), String> {
        let (mut literals, mut names) = (Vec::new(), Vec::new());
        parse(raw, |text| literals.push(text), |name, _| names.push(name))?;
        Ok((literals, names))
    }

    /// The places of a template's placeholders.
    fn places(raw: &str) -> Vec<Place> {
        let mut places = Vec::new();
        parse(raw, |_| {}, |_, place| places.push(place)).unwrap();
        places
    }

    #[test]
    fn function_arguments_and_item_paths_are_places_of_their_own() {
        assert_eq!(places("/me/drive/root/search(q='{q}')"), [Place::Quoted]);
        assert_eq!(
            places("/reports/getEmailActivityCounts(period='{period}')"),
            [Place::Quoted]
        );
        assert_eq!(
            places("/me/calendarView(startDateTime='{s}',endDateTime='{e}')"),
            [Place::Quoted, Place::Quoted]
        );
        assert_eq!(places("/me/drive/root:/{path}:/content"), [Place::ItemPath]);
        assert_eq!(
            places("/drives/{drive-id}/root:/{path}:"),
            [Place::Segment, Place::ItemPath]
        );
        assert_eq!(
            places("/drives/{drive-id}/root:/{path}:/children/{id}"),
            [Place::Segment, Place::ItemPath, Place::Segment]
        );
        assert_eq!(places("/users/{id}/delta()"), [Place::Segment]);
        assert_eq!(
            split("/me/drive/root/search(q='{q}')"),
            Ok((vec!["/me/drive/root/search(q='", "')"], vec!["q"]))
        );
    }

    #[test]
    fn quotes_and_parentheses_must_balance() {
        for (raw, message) in [
            (
                "/x/search(q='{q}'",
                "path template `/x/search(q='{q}'` has a `(` that is never closed: `/x/search(` ←",
            ),
            (
                "/x/search(q='{q})",
                "path template `/x/search(q='{q})` has a `'` that is never closed: `/x/search(q='` ←",
            ),
            (
                "/x/search)q",
                "path template `/x/search)q` has a `)` that closes no `(`: `/x/search)` ←",
            ),
            (
                "/x/f(a='{a}x')",
                "path parameter `{a}` in `/x/f(a='{a}x')` follows a `'` that does not close right after it; a string argument is written `'{a}'`",
            ),
        ] {
            assert_eq!(split(raw), Err(message.to_owned()), "{raw}");
        }
        assert!(split("/x/f(a='it''s')").is_ok());
    }

    #[test]
    fn a_template_without_placeholders_is_one_literal() {
        assert_eq!(
            split("/workflowBase/runs"),
            Ok((vec!["/workflowBase/runs"], vec![]))
        );
        assert_eq!(split("/"), Ok((vec!["/"], vec![])));
    }

    #[test]
    fn placeholders_split_the_template() {
        assert_eq!(
            split("/users/{user-id}/calendars/{id}/events"),
            Ok((
                vec!["/users/", "/calendars/", "/events"],
                vec!["user-id", "id"]
            ))
        );
        assert_eq!(
            split("/groups/{group-id}/members/{memberId}/$ref"),
            Ok((
                vec!["/groups/", "/members/", "/$ref"],
                vec!["group-id", "memberId"]
            ))
        );
        // Literals may be empty, so there is always one more than there are placeholders.
        assert_eq!(
            split("/a/{b}{c}"),
            Ok((vec!["/a/", "", ""], vec!["b", "c"]))
        );
    }

    #[test]
    fn malformed_templates_are_refused_with_what_to_write() {
        for (raw, message) in [
            ("", "the path template is empty; write a path, e.g. `/users`"),
            ("users", "path template `users` must start with `/`: write `/users`"),
            (
                "https://graph.microsoft.com/v1.0/users/{id}",
                "path template `https://graph.microsoft.com/v1.0/users/{id}` is a URL; write the path under the endpoint, which gives the rest (`/users/{id}`, not `https://graph.microsoft.com/v1.0/users/{id}`)",
            ),
            ("users/", "path template `users/` must start with `/`: write `/users`"),
            (
                "/users/{id | userPrincipalName}/events",
                "path parameter `{id | userPrincipalName}` lists alternatives, as Graph's pages do; a placeholder is one name, which takes one value: write `{id}` or `{userId}`",
            ),
            (
                "/users/{id|userPrincipalName}",
                "path parameter `{id|userPrincipalName}` lists alternatives, as Graph's pages do; a placeholder is one name, which takes one value: write `{id}` or `{userId}`",
            ),
            (
                "/{id|upn}",
                "path parameter `{id|upn}` lists alternatives, as Graph's pages do; a placeholder is one name, which takes one value: write `{id}`",
            ),
            (
                "/a/{user id}",
                "path parameter `{user id}` lists alternatives, as Graph's pages do; a placeholder is one name, which takes one value: write `{user}` or `{aId}`",
            ),
            (
                "/users?$top=1",
                "path template `/users?$top=1` contains `?`; it is the path alone, without a query or fragment",
            ),
            (
                "/users#x",
                "path template `/users#x` contains `#`; it is the path alone, without a query or fragment",
            ),
            (
                "/my users",
                "path template `/my users` contains whitespace; it is the path alone, without a query or fragment",
            ),
            (
                "/caf\u{e9}",
                "path template `/caf\u{e9}` contains `\u{e9}`, which a URL path cannot carry as it is; percent-encode it",
            ),
            (
                "/a/<b>",
                "path template `/a/<b>` contains `<`, which a URL path cannot carry as it is; percent-encode it",
            ),
            ("/users/", "path template `/users/` ends with `/`; write `/users`"),
            ("/a//b", "path template `/a//b` has an empty segment (`//`)"),
            (
                "/a}",
                "path template `/a}` has a `}` that closes no `{`; a path parameter is written `{name}`",
            ),
            (
                "/a/id}/b",
                "path template `/a/id}/b` has a `}` that closes no `{`; a path parameter is written `{name}`",
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
            assert_eq!(split(raw), Err(message.to_owned()), "{raw}");
        }
    }
}
