//! Values several test files start from.

use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, WorkflowExecutionType,
};

/// A run that passes validation: every required property of the "Create run" page set.
///
/// # Panics
///
/// Never: the date-time literal is valid.
#[must_use]
pub fn queued_run() -> Run {
    Run {
        failed_tasks_count: Some(0),
        failed_users_count: Some(0),
        processing_status: Some(LifecycleWorkflowProcessingStatus::Queued),
        scheduled_date_time: "2024-05-01T09:00:00Z".parse().ok(),
        successful_users_count: Some(0),
        total_users_count: Some(3),
        total_unprocessed_tasks_count: Some(3),
        workflow_execution_type: Some(WorkflowExecutionType::OnDemand),
        ..Run::default()
    }
}
