//! `Binary` and `Flags` from any text and any JSON: a value or an error naming it, never a
//! panic. What reads as `Binary` writes back as standard padded base64 that reads again to
//! the same bytes; what reads as `Flags` writes back in declaration order and reads again
//! to an equal set.

#![no_main]

use graph_core::{graph_enum, serde_json, Binary, Flags};
use libfuzzer_sys::fuzz_target;

/// A flags enum with a sentinel and a late member, keeping members it does not know.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum Category {
    Joiner,
    Leaver,
    UnknownFutureValue,
    Mover,
    #[graph(other)]
    Other(String),
}

/// One without a sentinel or an `other` variant: an unknown member is an error.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum Scope {
    None,
    Internal,
    External,
}

fn flags<E: graph_core::resource::GraphFlags + std::fmt::Debug>(text: &str) {
    if let Ok(flags) = text.parse::<Flags<E>>() {
        let written = flags.to_string();
        let again: Flags<E> = written.parse().expect("written flags read");
        assert_eq!(again, flags, "{text:?} → {written:?}");
        assert_eq!(again.to_string(), written);
        assert!(flags.len() <= text.split(',').count());
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        flags::<Category>(text);
        flags::<Scope>(text);
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
