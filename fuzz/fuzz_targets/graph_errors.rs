//! Graph error bodies: any bytes as the body of an error status, with `Retry-After` in any
//! form. The `GraphError` always reads and formats, never panics.

#![no_main]

use graph_core::http::{HeaderValue, Response, StatusCode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [selector, rest @ ..] = data else {
        return;
    };
    let statuses = [400, 401, 403, 404, 409, 429, 500, 502, 503, 504];
    let status = StatusCode::from_u16(statuses[usize::from(*selector) % statuses.len()])
        .unwrap_or(StatusCode::BAD_REQUEST);
    // The first line, where there is one, is the Retry-After header; the rest is the body.
    let (header, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(at) if selector & 0x80 != 0 => (Some(&rest[..at]), &rest[at + 1..]),
        _ => (None, rest),
    };
    let mut response = Response::new(body.to_vec());
    *response.status_mut() = status;
    if let Some(value) = header.and_then(|h| HeaderValue::from_bytes(h).ok()) {
        response.headers_mut().insert("retry-after", value);
    }
    if let Ok(request) = graph_examples::samples::queued_run().create_request() {
        let error = request.parse_response(response).err();
        if let Some(error) = error {
            let _ = (
                error.to_string(),
                error.code(),
                error.message(),
                error.inner_code(),
                error.retry_after(),
                error.date(),
                error.body_excerpt(),
            );
        }
    }
});
