//! Where a URL leads once an HTTP stack has read it: the one rule for what may carry a
//! token.
//!
//! HTTP stacks resolve `.` and `..` path segments before sending, and WHATWG's URL parser
//! (reqwest's, browsers') counts their percent-encoded forms (`%2e`, `.%2E`, `%2e%2e` in
//! any case) as dot segments too, and `\` as `/`. A server may go further and decode
//! `%2F` before it resolves. A URL is judged here on both readings: the path as the
//! stack will send it, and that path percent-decoded; each must lie under the base path.

use std::borrow::Cow;

/// A path (no query) with its dot segments resolved as WHATWG's URL parser resolves them:
/// `.`, `%2e` are "this segment", `..`, `.%2e`, `%2e.`, `%2e%2e` (any case) step up, never
/// above the root, and `\` separates segments as `/` does. Other segments are kept as
/// written.
pub(crate) fn resolve_as_sent(path: &str) -> String {
    resolve(path.split(['/', '\\']).map(Cow::Borrowed))
}

/// The same path percent-decoded first (so `%2F` separates and `%2e` is a dot), then
/// resolved: how a server that decodes before it routes would read it.
pub(crate) fn resolve_decoded(path: &str) -> String {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    resolve(
        decoded
            .split(['/', '\\'])
            .map(|segment| Cow::Owned(segment.to_owned())),
    )
}

/// Whether `path` (resolved) is `base` or lies under it after a `/`: `/v1.0/users` is
/// under `/v1.0`, `/v1.0evil/users` is not. An empty base is the root, under which every
/// path lies.
pub(crate) fn is_under(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether a path has any segment an HTTP stack or a server would resolve (`..`,
/// `%2E%2E`, `.`, a `\`, a `%2F..`): the path as sent would differ from the one written.
pub(crate) fn has_dot_segments(path: &str) -> bool {
    resolve_as_sent(path) != path || {
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        resolve_decoded(path) != decoded.replace('\\', "/")
    }
}

fn is_single_dot(segment: &str) -> bool {
    segment == "." || segment.eq_ignore_ascii_case("%2e")
}

fn is_double_dot(segment: &str) -> bool {
    segment == ".."
        || segment.eq_ignore_ascii_case(".%2e")
        || segment.eq_ignore_ascii_case("%2e.")
        || segment.eq_ignore_ascii_case("%2e%2e")
}

/// RFC 3986's dot-segment removal over segments split at `/` (the first is the empty one
/// before the leading `/`). A dot segment at the end leaves a trailing `/`.
fn resolve<'a>(segments: impl Iterator<Item = Cow<'a, str>>) -> String {
    let mut segments = segments.peekable();
    let mut out: Vec<Cow<'a, str>> = Vec::new();
    // What precedes the first `/` (empty for an absolute path) is kept as it is.
    if let Some(first) = segments.next() {
        out.push(first);
    }
    let mut seen = out.len();
    while let Some(segment) = segments.next() {
        seen += 1;
        let last = segments.peek().is_none();
        if is_double_dot(&segment) {
            if out.len() > 1 {
                out.pop();
            }
            if last {
                out.push(Cow::Borrowed(""));
            }
        } else if is_single_dot(&segment) {
            if last {
                out.push(Cow::Borrowed(""));
            }
        } else {
            out.push(segment);
        }
    }
    if out.len() == 1 && seen > 1 {
        // Everything resolved away: the root.
        return format!("{}/", out[0]);
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_resolve_as_a_url_parser_resolves_them() {
        for (path, sent) in [
            ("/v1.0/users", "/v1.0/users"),
            ("/v1.0/../../outside/steal", "/outside/steal"),
            ("/v1.0/%2e%2e/%2E%2E/outside/steal", "/outside/steal"),
            ("/v1.0/.%2E/x", "/x"),
            ("/v1.0/%2e./x", "/x"),
            ("/v1.0/./users/%2E/x", "/v1.0/users/x"),
            ("/v1.0/users/..", "/v1.0/"),
            ("/v1.0/users/.", "/v1.0/users/"),
            ("/v1.0\\..\\..\\outside", "/outside"),
            ("/..", "/"),
            ("/../../..", "/"),
            ("/v1.0/a..b/.x/%2e%2e%2e", "/v1.0/a..b/.x/%2e%2e%2e"),
            ("/v1.0/..%2F..%2Foutside", "/v1.0/..%2F..%2Foutside"),
            ("", ""),
        ] {
            assert_eq!(resolve_as_sent(path), sent, "{path}");
        }
    }

    #[test]
    fn decoded_paths_resolve_encoded_slashes_too() {
        assert_eq!(resolve_decoded("/v1.0/..%2F..%2Foutside"), "/outside");
        // Decoded twice over, as a server that decodes again would: refused all the same.
        assert_eq!(resolve_decoded("/v1.0/%252e%252e/x"), "/x");
        assert_eq!(resolve_decoded("/v1.0/users%2Fme"), "/v1.0/users/me");
    }

    #[test]
    fn under_means_after_a_slash() {
        assert!(is_under("/v1.0/users", "/v1.0"));
        assert!(is_under("/v1.0/", "/v1.0"));
        assert!(!is_under("/v1.0", "/v1.0"));
        assert!(!is_under("/v1.0evil/users", "/v1.0"));
        assert!(!is_under("/outside", "/v1.0"));
        assert!(is_under("/anything", ""));
    }

    #[test]
    fn dot_segments_are_found_in_every_form() {
        for path in [
            "/v1.0/groups/%2E%2E/members",
            "/v1.0/groups/./x",
            "/v1.0/groups/%2e",
            "/v1.0/a\\b",
            "/v1.0/..%2Fx",
            "/v1.0/%2E%2E%2Fx",
        ] {
            assert!(has_dot_segments(path), "{path}");
        }
        for path in [
            "/v1.0/groups/a%2Fb%3Fc%23d%20%25../members",
            "/v1.0/users/x.y",
            "/v1.0/$batch",
            "/",
        ] {
            assert!(!has_dot_segments(path), "{path}");
        }
    }
}
