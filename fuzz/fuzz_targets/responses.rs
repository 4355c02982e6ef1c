//! `CreateRequest::parse_response` with any status, headers and bytes: it gives the
//! resource or a `GraphError`, never a panic, and the error always formats.

#![no_main]

use graph_core::http::{HeaderValue, Response, StatusCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [high, low, headers, body @ ..] = data else {
        return;
    };
    let status = 100 + u16::from_be_bytes([*high, *low]) % 500;
    let Ok(status) = StatusCode::from_u16(status) else {
        return;
    };
    let response = || {
        let mut response = Response::new(body.to_vec());
        *response.status_mut() = status;
        // Header values from the body's first bytes, as a proxy might send anything.
        let text = String::from_utf8_lossy(&body[..body.len().min(40)]).into_owned();
        for (bit, name) in [
            (1, "retry-after"),
            (2, "date"),
            (4, "request-id"),
            (8, "client-request-id"),
        ] {
            if headers & bit != 0 {
                if let Ok(value) = HeaderValue::from_str(&text) {
                    response.headers_mut().insert(name, value);
                }
            }
        }
        response
    };
    if let Ok(request) = graph_examples::samples::queued_run().create_request() {
        if let Err(error) = request.parse_response(response()) {
            let _ = error.to_string();
        }
    }
    if let Ok(request) = graph_examples::samples::new_user().create_request() {
        if let Err(error) = request.parse_response(response()) {
            let _ = (error.to_string(), error.retry_after(), error.inner_code());
        }
    }
});
