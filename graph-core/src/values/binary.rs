//! `Edm.Binary`: bytes that JSON carries as a base64 string (a mail attachment's
//! `contentBytes`, a key credential's `key`).

use std::fmt;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, DecodeError, Engine as _};

use super::date::ValueError;

/// Bytes, as Graph's `Edm.Binary` properties hold them: written as standard base64 with
/// padding (what Graph sends and expects), read in the standard or the URL-safe alphabet,
/// padded or not, since Graph's services and SDKs write both.
///
/// `Debug` shows the length, never the bytes: an attachment can be megabytes, and a key
/// credential is a secret.
///
/// ```
/// use graph_core::{serde_json, Binary};
///
/// let bytes = Binary::from(b"Hello, Graph".to_vec());
/// assert_eq!(serde_json::to_string(&bytes)?, r#""SGVsbG8sIEdyYXBo""#);
/// // URL-safe and unpadded read too.
/// let read: Binary = serde_json::from_str(r#""-_8""#)?;
/// assert_eq!(read.as_bytes(), [0xfb, 0xff]);
/// assert_eq!(format!("{read:?}"), "Binary(2 bytes)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary(Vec<u8>);

/// Reading: padding optional, and trailing bits in the last symbol refused (a sign of a
/// truncated or corrupted value).
const CONFIG: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const READ_STANDARD: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, CONFIG);
const READ_URL_SAFE: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, CONFIG);

impl Binary {
    /// The bytes.
    #[must_use]
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// The bytes, borrowed.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, giving up the value.
    #[must_use]
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }

    /// How many bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Reads base64: the standard alphabet (`+`, `/`) or the URL-safe one (`-`, `_`), with
    /// or without padding.
    ///
    /// # Errors
    ///
    /// A [`ValueError`] naming what is wrong and where: a character of neither alphabet
    /// (with its offset), both alphabets mixed, a length no base64 has, misplaced padding.
    pub fn from_base64(text: &str) -> Result<Self, ValueError> {
        let url_safe = text.contains(['-', '_']);
        if url_safe && text.contains(['+', '/']) {
            return Err(ValueError::new(
                "Binary",
                text,
                "it mixes the standard base64 alphabet (`+`, `/`) with the URL-safe one (`-`, `_`)",
            ));
        }
        let engine = if url_safe {
            &READ_URL_SAFE
        } else {
            &READ_STANDARD
        };
        engine
            .decode(text)
            .map(Self)
            .map_err(|error| ValueError::new("Binary", text, reason(&error, text)))
    }

    /// The bytes as Graph writes them: standard base64, padded.
    #[must_use]
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0)
    }
}

/// Why `text` is not base64, in words.
fn reason(error: &DecodeError, text: &str) -> String {
    let shown = |byte: u8| match char::from(byte) {
        c if c.is_ascii_graphic() => format!("`{c}`"),
        ' ' => "a space".to_owned(),
        _ => format!("byte 0x{byte:02x}"),
    };
    match *error {
        DecodeError::InvalidByte(offset, b'=') => {
            format!("padding `=` at offset {offset} is not where base64 puts it (before the end, or more than the value needs)")
        }
        DecodeError::InvalidByte(offset, byte) => format!(
            "{} at offset {offset} is not base64",
            shown(text.as_bytes().get(offset).copied().unwrap_or(byte))
        ),
        DecodeError::InvalidLength(length) => format!(
            "{length} base64 symbols cannot be whole bytes (a value is 4 symbols per 3 bytes, its last group 2 to 4)"
        ),
        DecodeError::InvalidLastSymbol { offset, symbol, .. } => format!(
            "the last symbol, {} at offset {offset}, has bits no byte holds: the value is truncated or corrupted",
            shown(symbol)
        ),
        DecodeError::InvalidPadding => "its padding is not as base64 writes it".to_owned(),
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl From<Binary> for Vec<u8> {
    fn from(binary: Binary) -> Self {
        binary.0
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.len() {
            1 => f.write_str("Binary(1 byte)"),
            len => write!(f, "Binary({len} bytes)"),
        }
    }
}

impl serde::Serialize for Binary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_base64())
    }
}

impl<'de> serde::Deserialize<'de> for Binary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Binary;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Binary, E> {
                Binary::from_base64(v).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_of(text: &str) -> String {
        match Binary::from_base64(text) {
            Ok(value) => panic!("{text} read as {value:?}"),
            Err(error) => error.reason().to_owned(),
        }
    }

    #[test]
    fn every_form_reads_and_the_standard_one_is_written() {
        let bytes = [0xfbu8, 0xff, 0x00, 0x10];
        for text in ["+/8AEA==", "+/8AEA", "-_8AEA==", "-_8AEA"] {
            assert_eq!(
                Binary::from_base64(text).unwrap().as_bytes(),
                bytes,
                "{text}"
            );
        }
        assert_eq!(Binary::from(bytes.as_slice()).to_base64(), "+/8AEA==");
        assert_eq!(Binary::from_base64("").unwrap(), Binary::default());
        assert_eq!(Binary::default().to_base64(), "");
    }

    #[test]
    fn a_bad_value_says_what_and_where() {
        assert_eq!(reason_of("SGVs bG8="), "a space at offset 4 is not base64");
        assert_eq!(reason_of("SGVsbG8*"), "`*` at offset 7 is not base64");
        assert_eq!(
            reason_of("SG=sbG8="),
            "padding `=` at offset 2 is not where base64 puts it (before the end, or more than the value needs)"
        );
        assert_eq!(
            reason_of("SGVsb"),
            "5 base64 symbols cannot be whole bytes (a value is 4 symbols per 3 bytes, its last group 2 to 4)"
        );
        assert_eq!(
            reason_of("SGVsbG9="),
            "the last symbol, `9` at offset 6, has bits no byte holds: the value is truncated or corrupted"
        );
        assert!(reason_of("+/8A-_").contains("mixes"));
        let error = Binary::from_base64("SGVs*").unwrap_err();
        assert_eq!(error.type_name(), "Binary");
        assert_eq!(
            error.to_string(),
            "invalid Binary `SGVs*`: `*` at offset 4 is not base64"
        );
    }

    #[test]
    fn debug_shows_the_length_only() {
        assert_eq!(format!("{:?}", Binary::from(vec![7; 3])), "Binary(3 bytes)");
        assert_eq!(format!("{:?}", Binary::from(vec![7])), "Binary(1 byte)");
    }
}
