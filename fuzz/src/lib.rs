//! What the fuzz targets share: the round-trip check. The test types with every field kind
//! are `graph_examples::samples::kinds`, the ones the property tests generate.

use std::fmt::Debug;

use graph_core::serde::de::DeserializeOwned;
use graph_core::serde::Serialize;
use graph_core::serde_json;

/// Reads `data` as a `T`. Where that succeeds, the value is written, read again and
/// written again: the second read must equal the first, and the two texts must be the
/// same bytes. Any difference is a bug, reported by a panic with both sides.
pub fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(data: &[u8]) -> Option<T> {
    let first: T = serde_json::from_slice(data).ok()?;
    let written = serde_json::to_vec(&first).expect("a value that was read can be written");
    let second: T = match serde_json::from_slice(&written) {
        Ok(second) => second,
        Err(error) => panic!(
            "what was written does not read back: {error}\nread: {first:?}\nwritten: {}",
            String::from_utf8_lossy(&written)
        ),
    };
    assert_eq!(
        first,
        second,
        "read again, the value differs\nwritten: {}",
        String::from_utf8_lossy(&written)
    );
    let again = serde_json::to_vec(&second).expect("a value that was read can be written");
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&again),
        "written twice, the texts differ"
    );
    Some(second)
}

/// `bytes` as base64url without padding, so the claims target can hand the decoder any
/// JSON the fuzzer finds, encoded as a token carries it.
pub fn base64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
