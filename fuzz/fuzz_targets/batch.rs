//! A batch's answer, from any bytes: `parse_response` gives an answer or a `GraphError`,
//! and every step taken from it gives its value or its own error, never a panic.

#![no_main]

use graph_core::http::{Response, StatusCode};
use graph_core::Batch;
use graph_examples::lifecycle_workflows::Run;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&status, body)) = data.split_first() else {
        return;
    };
    let mut batch = Batch::new();
    let created = batch
        .add(&graph_examples::samples::queued_run().create_request().expect("valid"))
        .expect("room");
    let listed = batch.add(&Run::list_request().expect("path")).expect("room");
    let read = batch
        .add_after(&Run::get_request("r1").expect("path"), &[created.id()])
        .expect("room");
    let updated = batch
        .add(&Run::default().update_request("r1").expect("path"))
        .expect("room");
    let deleted = batch.add(&Run::delete_request("r1").expect("path")).expect("room");
    let mut response = Response::new(body.to_vec());
    // Mostly 200, the batch's own success; sometimes anything.
    *response.status_mut() = if status < 200 {
        StatusCode::OK
    } else {
        StatusCode::from_u16(u16::from(status) + 200).unwrap_or(StatusCode::OK)
    };
    match batch.parse_response(response) {
        Ok(mut answer) => {
            let _ = answer.take(created).map_err(|error| error.to_string());
            let _ = answer.take(listed).map_err(|error| error.to_string());
            let _ = answer.take(read).map_err(|error| error.to_string());
            let _ = answer.take(updated).map_err(|error| error.to_string());
            let _ = answer.take(deleted).map_err(|error| error.to_string());
            let _ = answer.statuses();
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
