//! The notification reader on any bytes: `Notifications::parse` never panics, and what it
//! accepts carries the expected clientState on every notification; each accepted
//! notification's resource data reads as JSON and its encrypted content is refused by an
//! empty key set without panicking.

#![no_main]

use graph_core::notifications::{DecryptionKeys, Notifications};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(notifications) = Notifications::parse(data, "secretClientValue") else {
        return;
    };
    let keys = DecryptionKeys::new();
    for notification in notifications.value() {
        let _ = notification.resource_data_as::<graph_core::serde_json::Value>();
        if let Some(content) = notification.encrypted_content() {
            assert!(content.decrypt::<graph_core::serde_json::Value>(&keys).is_err());
        }
    }
    // The same bytes with another secret: anything with a notification is refused.
    if !notifications.value().is_empty() {
        assert!(Notifications::parse(data, "anotherSecret").is_err());
    }
});
