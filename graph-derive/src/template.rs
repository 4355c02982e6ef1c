//! The two strings of `#[graph_resource]`: the path template and the OData type.

use proc_macro2::Span;
use syn::Ident;

use crate::case;

/// A collection path split at its `{placeholders}`: `literals` has one more entry than
/// `params`.
pub struct PathTemplate {
    pub raw: String,
    /// The text between the placeholders; the runtime splits the path again when it
    /// builds a request, so only the tests read this.
    #[allow(dead_code)]
    pub literals: Vec<String>,
    pub params: Vec<Param>,
}

pub struct Param {
    /// As written between the braces (`workflow-id`).
    pub name: String,
    /// The `create_request` argument (`workflow_id`).
    pub ident: Ident,
}

impl PathTemplate {
    /// Parses `/groups/{group-id}/members`. The message of an error says what to write.
    pub fn parse(raw: &str, span: Span) -> Result<Self, String> {
        if raw.is_empty() {
            return Err(
                "`path` is empty; write the collection path, e.g. `path = \"/users\"`".into(),
            );
        }
        if !raw.starts_with('/') {
            return Err(format!(
                "`path` must start with `/`: write `path = \"/{}\"`",
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
                "`path` `{raw}` contains {}; it is the collection path alone, without a query or fragment",
                describe(bad)
            ));
        }
        // RFC 3986 path characters (`pchar`), `/`, and the braces of placeholders: what a
        // URL can carry as it is.
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/%{}".contains(c);
        if let Some(bad) = raw.chars().find(|c| !allowed(*c)) {
            return Err(format!(
                "`path` `{raw}` contains `{bad}`, which a URL path cannot carry as it is; \
                 percent-encode it"
            ));
        }
        if raw.len() > 1 && raw.ends_with('/') {
            return Err(format!(
                "`path` `{raw}` ends with `/`; write `path = \"{}\"`",
                raw.trim_end_matches('/')
            ));
        }
        if raw.contains("//") {
            return Err(format!("`path` `{raw}` has an empty segment (`//`)"));
        }

        let mut literals = Vec::new();
        let mut params: Vec<Param> = Vec::new();
        let mut rest = raw;
        loop {
            let open = rest.find('{');
            let close = rest.find('}');
            match (open, close) {
                (None, None) => {
                    literals.push(rest.to_owned());
                    break;
                }
                (_, Some(close)) if open.is_none_or(|open| close < open) => {
                    return Err(format!(
                        "`path` `{raw}` has a `}}` that closes no `{{`; a path parameter is written `{{name}}`"
                    ));
                }
                (Some(open), close) => {
                    let after = &rest[open + 1..];
                    let Some(end) = close.map(|close| close - open - 1) else {
                        return Err(format!(
                            "`path` `{raw}` has a `{{` that is never closed; a path parameter is written `{{name}}`"
                        ));
                    };
                    let name = &after[..end];
                    if name.contains('{') {
                        return Err(format!(
                            "`path` `{raw}` has a `{{` inside a path parameter; a path parameter is written `{{name}}`"
                        ));
                    }
                    if name.is_empty() {
                        return Err(format!(
                            "`path` `{raw}` has an empty `{{}}`; name the path parameter, e.g. `{{id}}`"
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
                    if params.iter().any(|param| param.name == name) {
                        return Err(format!(
                            "path parameter `{{{name}}}` appears twice in `{raw}`; give each its own name"
                        ));
                    }
                    literals.push(rest[..open].to_owned());
                    params.push(Param {
                        name: name.to_owned(),
                        ident: parameter_ident(name, span),
                    });
                    rest = &after[end + 1..];
                }
                (None, Some(_)) => unreachable!("handled by the guard above"),
            }
        }
        // Two placeholders that differ only in spelling (`{user-id}`, `{userId}`) would
        // become the same argument.
        for (i, param) in params.iter().enumerate() {
            if let Some(other) = params[..i].iter().find(|other| other.ident == param.ident) {
                return Err(format!(
                    "path parameters `{{{}}}` and `{{{}}}` would both be the argument `{}`; rename one",
                    other.name, param.name, param.ident
                ));
            }
        }
        Ok(Self {
            raw: raw.to_owned(),
            literals,
            params,
        })
    }
}

/// Graph's pages write a placeholder that takes either of two values as
/// `{id | userPrincipalName}`; a template names one argument per placeholder, so this says
/// to pick one and suggests names: the first alternative, and one made from the segment
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
             placeholder is one name, which becomes an argument of `create_request`: write \
             `{{{first}}}`{named}"
        ));
    }
    None
}

/// How many `{...}` groups a path has, counted leniently: for an invalid path (already
/// reported), the placeholder `create_request` still takes that many arguments, so calls to
/// it report nothing but the real mistake.
pub fn lenient_arity(raw: &str) -> usize {
    let mut count = 0;
    let mut open = false;
    for c in raw.chars() {
        match c {
            '{' => open = true,
            '}' if open => {
                open = false;
                count += 1;
            }
            _ => {}
        }
    }
    count
}

/// The argument name for a placeholder: snake case, raw where it is a keyword.
fn parameter_ident(name: &str, span: Span) -> Ident {
    let snake = case::snake(name);
    match syn::parse_str::<Ident>(&snake) {
        Ok(_) => Ident::new(&snake, span),
        // `self`, `super`, `crate` and `Self` cannot be raw identifiers.
        Err(_) if matches!(snake.as_str(), "self" | "super" | "crate" | "_") => {
            Ident::new(&format!("{snake}_"), span)
        }
        Err(_) => Ident::new_raw(&snake, span),
    }
}

fn describe(c: char) -> String {
    if c.is_whitespace() {
        "whitespace".to_owned()
    } else {
        format!("`{c}`")
    }
}

/// Checks an OData type and gives its `#` form: `microsoft.graph.user` and
/// `#microsoft.graph.user` both give `#microsoft.graph.user`.
pub fn odata_type(raw: &str) -> Result<String, String> {
    let name = raw.strip_prefix('#').unwrap_or(raw);
    if name.is_empty() {
        return Err(
            "`odata` is empty; write the OData type, e.g. `odata = \"#microsoft.graph.user\"`"
                .into(),
        );
    }
    let Some(type_name) = name.strip_prefix("microsoft.graph.") else {
        return Err(format!(
            "OData type `{raw}` is not in the `microsoft.graph` namespace; write `#microsoft.graph.<type>` or `#microsoft.graph.<namespace>.<type>`, e.g. `#microsoft.graph.user`"
        ));
    };
    for segment in type_name.split('.') {
        let valid = segment
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!(
                "OData type `{raw}` has an invalid name segment `{segment}`; each part is a name of letters, digits and `_`, e.g. `#microsoft.graph.identityGovernance.run`"
            ));
        }
    }
    Ok(format!("#{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Result<PathTemplate, String> {
        PathTemplate::parse(raw, Span::call_site())
    }

    #[test]
    fn a_path_without_placeholders_is_one_literal() {
        let path = parse("/workflowBase/runs").unwrap();
        assert_eq!(path.literals, ["/workflowBase/runs"]);
        assert!(path.params.is_empty());
    }

    #[test]
    fn placeholders_split_the_path() {
        let path = parse("/groups/{group-id}/members/{memberId}/$ref").unwrap();
        assert_eq!(path.literals, ["/groups/", "/members/", "/$ref"]);
        let names: Vec<_> = path.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["group-id", "memberId"]);
        let idents: Vec<_> = path.params.iter().map(|p| p.ident.to_string()).collect();
        assert_eq!(idents, ["group_id", "member_id"]);
    }

    #[test]
    fn keyword_placeholders_become_raw_identifiers() {
        let path = parse("/a/{type}/b/{self}").unwrap();
        let idents: Vec<_> = path.params.iter().map(|p| p.ident.to_string()).collect();
        assert_eq!(idents, ["r#type", "self_"]);
    }

    #[test]
    fn malformed_paths_are_refused_with_what_to_write() {
        for (raw, expected) in [
            ("", "`path` is empty"),
            ("users", "must start with `/`: write `path = \"/users\"`"),
            ("users/", "must start with `/`: write `path = \"/users\"`"),
            ("/users?$top=1", "contains `?`"),
            ("/users#x", "contains `#`"),
            ("/my users", "contains whitespace"),
            ("/users/", "ends with `/`"),
            ("/a//b", "empty segment"),
            ("/a/{}/b", "empty `{}`"),
            ("/a/{id/b", "never closed"),
            ("/a/id}/b", "closes no `{`"),
            ("/a/{{id}}", "inside a path parameter"),
            ("/a/{id}/b/{id}", "appears twice"),
            (
                "/a/{user-id}/b/{userId}",
                "would both be the argument `user_id`",
            ),
            (
                "/users/{id | userPrincipalName}/events",
                "`{id | userPrincipalName}` lists alternatives, as Graph's pages do; a \
                 placeholder is one name, which becomes an argument of `create_request`: \
                 write `{id}` or `{userId}`",
            ),
            (
                "/users/{id|userPrincipalName}",
                "lists alternatives, as Graph's pages do; a placeholder is one name, which \
                 becomes an argument of `create_request`: write `{id}` or `{userId}`",
            ),
            ("/{id|upn}", "write `{id}`"),
            ("/a/{user id}", "lists alternatives"),
            ("/a/<b>", "contains `<`"),
            ("/caf\u{e9}", "contains `\u{e9}`"),
        ] {
            let error = parse(raw).err().unwrap_or_else(|| panic!("{raw} parsed"));
            assert!(error.contains(expected), "{raw}: {error}");
        }
    }

    #[test]
    fn arity_is_counted_even_for_an_invalid_path() {
        assert_eq!(lenient_arity("/a/{id}/b/{id}"), 2);
        assert_eq!(lenient_arity("/a/{}/b"), 1);
        assert_eq!(lenient_arity("/a/{id/b"), 0);
        assert_eq!(lenient_arity("users"), 0);
    }

    #[test]
    fn odata_types_get_their_hash_form() {
        assert_eq!(
            odata_type("microsoft.graph.user").unwrap(),
            "#microsoft.graph.user"
        );
        assert_eq!(
            odata_type("#microsoft.graph.identityGovernance.run").unwrap(),
            "#microsoft.graph.identityGovernance.run"
        );
    }

    #[test]
    fn odata_types_outside_the_namespace_or_malformed_are_refused() {
        for (raw, expected) in [
            ("", "`odata` is empty"),
            ("#", "`odata` is empty"),
            ("contoso.run", "not in the `microsoft.graph` namespace"),
            ("microsoft.graph", "not in the `microsoft.graph` namespace"),
            ("microsoft.graph.", "invalid name segment ``"),
            ("microsoft.graph.a..b", "invalid name segment ``"),
            (
                "microsoft.graph.user-type",
                "invalid name segment `user-type`",
            ),
            ("microsoft.graph.1user", "invalid name segment `1user`"),
        ] {
            let error = odata_type(raw)
                .err()
                .unwrap_or_else(|| panic!("{raw} parsed"));
            assert!(error.contains(expected), "{raw}: {error}");
        }
    }
}
