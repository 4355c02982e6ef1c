//! The `@odata.type` of a body already read, found without reading it again where it can
//! be: in the bytes where Graph writes it first, else by a read that stops at it.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::Deserializer;

/// The body's `@odata.type` where it stands among the annotations that open the object, as
/// Graph writes it (first, or after `@odata.context`), found in the bytes without a second
/// read; `None` where it is not there or the bytes are anything but plain (whitespace,
/// strings without escapes), and [`odata_type_of`] decides. The body has already been read
/// as JSON, so only its shape is followed here, not checked.
pub(super) fn leading_odata_type(body: &[u8]) -> Option<&str> {
    const ANNOTATIONS: usize = 4;
    let skip = |at: usize| {
        body[at.min(body.len())..]
            .iter()
            .position(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
            .map_or(body.len(), |offset| at + offset)
    };
    // A string without escapes at `at`: its contents and the index after it.
    let string = |at: usize| -> Option<(&[u8], usize)> {
        if body.get(at) != Some(&b'"') {
            return None;
        }
        let end = at + 1 + memchr::memchr(b'"', body.get(at + 1..)?)?;
        let text = &body[at + 1..end];
        (!text.contains(&b'\\')).then_some((text, end + 1))
    };
    let mut at = skip(0);
    if body.get(at) != Some(&b'{') {
        return None;
    }
    for _ in 0..ANNOTATIONS {
        let (key, next) = string(skip(at + 1))?;
        if !key.starts_with(b"@") {
            return None;
        }
        at = skip(next);
        if body.get(at) != Some(&b':') {
            return None;
        }
        let (value, next) = string(skip(at + 1))?;
        if key == b"@odata.type" {
            return std::str::from_utf8(value).ok();
        }
        at = skip(next);
        if body.get(at) != Some(&b',') {
            return None;
        }
    }
    None
}

/// The body's top-level `@odata.type`, where it has one.
pub(super) fn odata_type_of(body: &[u8]) -> Option<String> {
    // Most bodies are told apart without a second read.
    memchr::memmem::find(body, b"\"@odata.type\"")?;
    // The second read stops at the type: Graph writes it first (or after
    // `@odata.context`), so this costs a few keys, not the body.
    let mut found = None;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let _stopped = deserializer.deserialize_map(TypeProbe(&mut found));
    found
}

/// Reads an object's `@odata.type` into its slot, skipping what comes before it, and
/// stops there with an error that is never shown.
struct TypeProbe<'a>(&'a mut Option<String>);

impl<'de> Visitor<'de> for TypeProbe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "@odata.type" {
                *self.0 = map.next_value::<Option<String>>()?;
                return Err(de::Error::custom("found"));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leading_type_is_found_in_the_bytes() {
        for (body, expected) in [
            (r##"{"@odata.type":"#a","id":1}"##, Some("#a")),
            (
                " {\n \"@odata.context\" : \"https://x/$metadata#runs/$entity\",\r\n\t\"@odata.type\": \"#b\", \"id\": 1}",
                Some("#b"),
            ),
            (r##"{"@odata.etag":"W/\"1\"","@odata.type":"#c"}"##, None),
            (r##"{"id":1,"@odata.type":"#d"}"##, None),
            (r##"{"@odata.type":"\u0023e"}"##, None),
            (r#"{"@odata.type":null}"#, None),
            (r#"{"@odata.context":"x"}"#, None),
            (r#"{"@a":"1","@b":"2","@c":"3","@d":"4","@odata.type":"f"}"#, None),
            ("", None),
            ("{", None),
            ("[]", None),
            (r##"{"@odata.type":"#g"##, None),
            (r#"{"@odata.type""#, None),
        ] {
            assert_eq!(leading_odata_type(body.as_bytes()), expected, "{body}");
        }
    }
}
