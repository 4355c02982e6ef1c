//! JSON text the macro writes ahead of time, byte for byte as serde_json would write it.

/// `name` as a JSON string, quotes included, escaped as serde_json escapes: `"` and `\`,
/// the short forms `\b \f \n \r \t`, and `\u00xx` (lowercase hex) for other control
/// characters; everything else as it is.
pub fn string(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `,"name":`, what opens a property written after another.
pub fn property_key(name: &str) -> String {
    format!(",{}:", string(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_as_serde_json_escapes_them() {
        assert_eq!(string("displayName"), "\"displayName\"");
        assert_eq!(string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(string("\n\t\r\u{8}\u{c}"), "\"\\n\\t\\r\\b\\f\"");
        assert_eq!(string("\u{1}\u{1f}\u{7f}é"), "\"\\u0001\\u001f\u{7f}é\"");
        assert_eq!(property_key("id"), ",\"id\":");
    }
}
