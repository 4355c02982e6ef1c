//! `graph_examples::lifecycle_workflows::Workflow`: nested unions, complex types, enums.

#![no_main]

use graph_core::GraphResource as _;
use graph_examples::lifecycle_workflows::{Run, Workflow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some(workflow) = graph_fuzz::round_trip::<Workflow>(data) {
        let _ = workflow.validate();
        let _ = workflow.create_request();
    }
    if let Some(run) = graph_fuzz::round_trip::<Run>(data) {
        let _ = run.create_request();
    }
});
