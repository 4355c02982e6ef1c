//! Where in a body a read failed, as a property path (`passwordProfile.password`,
//! `value[1].accountEnabled`): worked out from the error's position in the text, after
//! the fact, so that reading itself carries no bookkeeping and no mode.
//!
//! serde_json reports a data error at the position of the last byte it consumed: just
//! after the value that did not read (a number, a string), or where a value of the wrong
//! kind starts (`{` where a string belongs). The structure of the text up to there (the
//! objects and arrays still open, each object's last key, each array's item count) is the
//! path. A missing property is reported where its object ends, so its path is the
//! object's.

/// An object or array still open at the position.
enum Frame {
    /// Its last key, once one is read; whether the next string is a key.
    Object { key: Option<String>, key_next: bool },
    /// The index of its current item.
    Array { index: usize },
}

/// The path of the value at byte `offset` of `body`, or `None` at the top level (or where
/// the text up to there is not JSON, which a syntax error would have said). `whole` names
/// the object open there rather than its last property (for a missing property).
pub(super) fn path_at(body: &[u8], offset: usize, whole: bool) -> Option<String> {
    let mut stack: Vec<Frame> = Vec::new();
    let end = offset.min(body.len());
    let mut at = 0;
    while at < end {
        match body[at] {
            b'{' => stack.push(Frame::Object {
                key: None,
                key_next: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key_next, .. }) => *key_next = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = at;
                at += 1;
                while at < body.len() && body[at] != b'"' {
                    at += if body[at] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, key_next }) = stack.last_mut() {
                    if *key_next {
                        let raw = body.get(start..=at)?;
                        *key = Some(serde_json::from_slice::<String>(raw).ok()?);
                        *key_next = false;
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    if whole {
        // The object the property is missing from: leave out its last key.
        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
            *key = None;
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty() && !path.starts_with('[')).then_some(path)
}

/// The byte offset of a 1-based line and a column counted in bytes from its start, as
/// serde_json reports them.
pub(super) fn offset_of(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &body[start.min(body.len())..]) {
            Some(newline) => start += newline + 1,
            None => return body.len(),
        }
    }
    start + column
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_error(body: &str, whole: bool) -> Option<String> {
        let bytes = body.as_bytes();
        path_at(bytes, bytes.len(), whole)
    }

    #[test]
    fn the_path_follows_keys_and_items_up_to_the_position() {
        assert_eq!(
            at_error(
                r#"{"displayName":"A","passwordProfile":{"password":5"#,
                false
            ),
            Some("passwordProfile.password".to_owned())
        );
        assert_eq!(
            at_error(r#"{"value":[{"id":"1"},{"accountEnabled":"yes""#, false),
            Some("value[1].accountEnabled".to_owned())
        );
        assert_eq!(
            at_error(r#"{"a":{"b":[1,2]},"c":"#, false),
            Some("c".to_owned())
        );
        assert_eq!(
            at_error(r#"{"we\"ird":{"x":1,"#, false),
            Some("we\"ird.x".to_owned())
        );
        assert_eq!(at_error("[1,2", false), None);
        assert_eq!(at_error("5", false), None);
    }

    #[test]
    fn a_missing_property_is_named_by_its_object() {
        assert_eq!(
            at_error(r#"{"passwordProfile":{"forceChange":true"#, true),
            Some("passwordProfile".to_owned())
        );
        assert_eq!(at_error(r#"{"id":"1""#, true), None);
    }

    #[test]
    fn offsets_count_lines_and_columns() {
        let body = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(body, 1, 0), 0);
        assert_eq!(
            offset_of(body, 3, 7),
            body.iter().position(|&b| b == b'x').unwrap()
        );
    }
}
