//! `#[graph_enum]`s: with `other`, with the sentinel only, and as the workflow's enums.

#![no_main]

use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowCategory, LifecycleWorkflowProcessingStatus, WorkflowExecutionType,
};
use graph_examples::samples::kinds::Colour;
use graph_fuzz::round_trip;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    round_trip::<Colour>(data);
    round_trip::<Vec<Colour>>(data);
    round_trip::<LifecycleWorkflowProcessingStatus>(data);
    round_trip::<LifecycleWorkflowCategory>(data);
    round_trip::<Vec<WorkflowExecutionType>>(data);
});
