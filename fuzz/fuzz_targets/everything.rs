//! A resource with every kind of field, unions nesting unions and additional data at
//! several depths; its create request with any path parameters.

#![no_main]

use graph_examples::samples::kinds::Item;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(item) = graph_fuzz::round_trip::<Item>(data) {
        // Path parameters from what was read: empty, or anything a mutation made of them.
        let thing = item.id.as_deref().unwrap_or_default();
        let _ = item.create_request(thing, &item.name);
    }
});
