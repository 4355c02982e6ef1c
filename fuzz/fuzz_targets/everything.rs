//! A resource with every kind of field, unions nesting unions and additional data at
//! several depths; its create request with any path parameter.

#![no_main]

use graph_fuzz::Everything;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(everything) = graph_fuzz::round_trip::<Everything>(data) {
        let id = everything.id.as_deref().unwrap_or_default();
        let _ = everything.create_request(id);
    }
});
