//! `#[graph_union]`s: one with `base` and `other` that nests itself, and the workflow's
//! trigger (with `other` only).

#![no_main]

use graph_core::GraphResource as _;
use graph_examples::lifecycle_workflows::{WorkflowExecutionConditions, WorkflowExecutionTrigger};
use graph_examples::samples::kinds::Shape;
use graph_fuzz::round_trip;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    round_trip::<Shape>(data);
    round_trip::<Vec<Shape>>(data);
    round_trip::<WorkflowExecutionTrigger>(data);
    if let Some(conditions) = round_trip::<WorkflowExecutionConditions>(data) {
        // Validating and sending what was read never panics either.
        let workflow = graph_examples::lifecycle_workflows::Workflow {
            execution_conditions: Some(conditions),
            ..Default::default()
        };
        let _ = workflow.validate();
        let _ = workflow.create_request();
    }
});
