//! Path templates: checked at run time by the grammar `#[graph_resource(path = ...)]` is
//! checked by at compile time, and filled with each parameter where it stands: as exactly
//! one segment, as an OData string literal between a function's quotes, or as a drive
//! item's path, segment by segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

// The template grammar is the macros' own file (graph-derive's `src/grammar/template.rs`),
// read here through the symlink `path/template.rs`: one set of rules and messages for a
// template checked at compile time and one checked at run time.
mod template;

pub(crate) use template::Place;

/// Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`): `/`, `?`, `#`,
/// `%`, space, the sub-delimiters and every non-ASCII byte are encoded, so a value can never
/// add a segment, start a query or a fragment, or be read as an escape.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
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

/// Appends `value` as an OData string literal's content (the quotes are the template's):
/// a `'` doubled, then percent-encoded as a segment is, so `O'Neil budget` arrives as
/// `O''Neil budget`.
fn push_quoted(out: &mut String, value: &str) {
    let doubled = value.replace('\'', "''");
    out.extend(percent_encoding::utf8_percent_encode(&doubled, SEGMENT));
}

/// Appends a drive item's path: each segment percent-encoded on its own, the `/` between
/// them kept (`reports/q1 2024.pdf` → `reports/q1%202024.pdf`). The value was checked by
/// [`item_path_problem`] first.
fn push_item_path(out: &mut String, value: &str) {
    for (index, segment) in value.split('/').enumerate() {
        if index > 0 {
            out.push('/');
        }
        push_segment(out, segment);
    }
}

/// What is wrong with a value for a drive item's path, if anything: an empty segment, or a
/// `.` or `..` one, which would name another item than the one written.
pub(crate) fn item_path_problem(value: &str) -> Option<String> {
    value.split('/').find_map(|segment| match segment {
        "" => Some(format!(
            "`{value}` has an empty segment; an item path is `folder/file.txt`, without a leading, trailing or double `/`"
        )),
        "." | ".." => Some(format!(
            "`{value}` has a `{segment}` segment, which would name another item; write the path from the drive's root"
        )),
        _ => None,
    })
}

/// A path template split at its `{placeholders}`: `literals` has one more entry than
/// `names`, and each placeholder has its place.
#[derive(Debug)]
pub(crate) struct Template<'t> {
    pub(crate) literals: Vec<&'t str>,
    pub(crate) names: Vec<&'t str>,
    pub(crate) places: Vec<Place>,
}

impl<'t> Template<'t> {
    /// Parses `/groups/{group-id}/members` by the rules the attribute's `path` is checked
    /// by, with the same messages: what is wrong and what to write.
    pub(crate) fn parse(raw: &'t str) -> Result<Self, String> {
        let (mut literals, mut names, mut places) = (Vec::new(), Vec::new(), Vec::new());
        template::parse(
            raw,
            |literal| literals.push(literal),
            |name, place| {
                names.push(name);
                places.push(place);
            },
        )?;
        Ok(Self {
            literals,
            names,
            places,
        })
    }

    /// The template with `params` in its placeholders, in order, each written for its
    /// place: `literals[0] params[0] literals[1] ... literals[n]`.
    pub(crate) fn fill(&self, params: &[&str]) -> String {
        debug_assert_eq!(self.literals.len(), params.len() + 1);
        let capacity = self.literals.iter().map(|l| l.len()).sum::<usize>()
            + params.iter().map(|p| p.len() * 3).sum::<usize>();
        let mut out = String::with_capacity(capacity);
        for ((literal, param), place) in self.literals.iter().zip(params).zip(&self.places) {
            out.push_str(literal);
            match place {
                Place::Segment => push_segment(&mut out, param),
                Place::Quoted => push_quoted(&mut out, param),
                Place::ItemPath => push_item_path(&mut out, param),
            }
        }
        if let Some(last) = self.literals.last() {
            out.push_str(last);
        }
        out
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

    fn fill(raw: &str, params: &[&str]) -> String {
        Template::parse(raw).unwrap().fill(params)
    }

    #[test]
    fn fill_interleaves_literals_and_encoded_values() {
        assert_eq!(fill("/a/{x}/b", &["x/y"]), "/a/x%2Fy/b");
        assert_eq!(fill("/a/{x}/b/{y}", &["1", "2"]), "/a/1/b/2");
        assert_eq!(fill("/a", &[]), "/a");
    }

    #[test]
    fn a_quoted_argument_is_an_odata_string_literal() {
        assert_eq!(
            fill("/me/drive/root/search(q='{q}')", &["O'Neil budget"]),
            "/me/drive/root/search(q='O%27%27Neil%20budget')"
        );
        assert_eq!(
            fill("/f(a='{a}',b='{b}')", &["50%/é", "''"]),
            "/f(a='50%25%2F%C3%A9',b='%27%27%27%27')"
        );
    }

    #[test]
    fn an_item_path_keeps_its_slashes_and_encodes_each_segment() {
        assert_eq!(
            fill("/me/drive/root:/{path}:/content", &["reports/q1 2024.pdf"]),
            "/me/drive/root:/reports/q1%202024.pdf:/content"
        );
        assert_eq!(
            fill("/drives/{d}/root:/{path}:", &["a/b", "x?y/%z/é"]),
            "/drives/a%2Fb/root:/x%3Fy/%25z/%C3%A9:"
        );
        for bad in ["a/../b", "./a", "a//b", "/a", "a/", ".."] {
            assert!(item_path_problem(bad).is_some(), "{bad}");
        }
        assert!(item_path_problem("a/b.c/...").is_none());
    }
}
