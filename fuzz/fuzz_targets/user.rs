//! `graph_examples::users::User`: a resource with a nested complex type and additional data.

#![no_main]

use graph_core::GraphResource as _;
use graph_examples::users::User;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(user) = graph_fuzz::round_trip::<User>(data) {
        let _ = user.validate();
        let _ = user.create_request();
    }
});
