//! `Binary` from any text and any JSON: bytes or an error naming the value, never a panic;
//! what reads writes back as standard padded base64 that reads again to the same bytes.

#![no_main]

use graph_core::{serde_json, Binary};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match Binary::from_base64(text) {
            Ok(binary) => {
                let written = binary.to_base64();
                assert_eq!(written.len() % 4, 0);
                assert_eq!(Binary::from_base64(&written).ok().as_ref(), Some(&binary));
                // Every alphabet and padding that reads gives the same bytes.
                let unpadded = written.trim_end_matches('=');
                let url_safe = unpadded.replace('+', "-").replace('/', "_");
                assert_eq!(Binary::from_base64(&url_safe).ok().as_ref(), Some(&binary));
            }
            Err(error) => {
                let _ = error.to_string();
            }
        }
    }
    // As JSON: a string reads as above; anything else is an error.
    if let Ok(binary) = serde_json::from_slice::<Binary>(data) {
        let written = serde_json::to_vec(&binary).expect("a Binary writes");
        let again: Binary = serde_json::from_slice(&written).expect("written base64 reads");
        assert_eq!(again, binary);
    }
    // Bytes of any value write and read back.
    let binary = Binary::from(data);
    assert_eq!(Binary::from_base64(&binary.to_base64()).ok(), Some(binary));
});
