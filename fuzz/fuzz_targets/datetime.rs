//! `DateTimeOffset` from any text (`FromStr`) and any JSON (serde).

#![no_main]

use graph_core::DateTimeOffset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(at) = text.parse::<DateTimeOffset>() {
            // Printed back as it was, but for `t` and `z`, which are written upper case.
            let printed = at.to_string();
            assert_eq!(printed, text.replace('t', "T").replace('z', "Z"));
            let again: DateTimeOffset = printed.parse().expect("printed text parses");
            assert_eq!(again, at);
            assert_eq!(again.to_string(), printed);
        }
    }
    graph_fuzz::round_trip::<DateTimeOffset>(data);
    graph_fuzz::round_trip::<Vec<Option<DateTimeOffset>>>(data);
});
