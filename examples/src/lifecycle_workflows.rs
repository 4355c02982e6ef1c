//! Lifecycle workflows (`microsoft.graph.identityGovernance`, Graph beta).

use graph_core::{graph_enum, graph_resource, DateTimeOffset};

/// A run of a lifecycle workflow: one execution for the users in its scope.
///
/// Modelled on the "Create run" page: `POST /workflowBase/runs`, with 8 required and 3
/// optional properties. `id` is set by the service.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// The run's identifier, assigned by the service.
    #[graph(read_only)]
    pub id: Option<String>,
    /// When the run completed.
    pub completed_date_time: Option<DateTimeOffset>,
    /// The number of tasks that failed in the run execution.
    #[graph(required)]
    pub failed_tasks_count: Option<i32>,
    /// The number of users that failed in the run execution.
    #[graph(required)]
    pub failed_users_count: Option<i32>,
    /// When the run was last updated.
    pub last_updated_date_time: Option<DateTimeOffset>,
    /// The run execution status.
    #[graph(required)]
    pub processing_status: Option<LifecycleWorkflowProcessingStatus>,
    /// When the run execution started.
    pub started_date_time: Option<DateTimeOffset>,
    /// When the run is scheduled to be executed for a workflow.
    #[graph(required)]
    pub scheduled_date_time: Option<DateTimeOffset>,
    /// The number of successfully completed users in the run.
    #[graph(required)]
    pub successful_users_count: Option<i32>,
    /// The total number of users in the workflow execution.
    #[graph(required)]
    pub total_users_count: Option<i32>,
    /// The total number of unprocessed tasks in the run execution.
    #[graph(required)]
    pub total_unprocessed_tasks_count: Option<i32>,
    /// The execution type of the workflows associated with the run.
    #[graph(required)]
    pub workflow_execution_type: Option<WorkflowExecutionType>,
}

/// The status of a run (`lifecycleWorkflowProcessingStatus`).
///
/// Members Graph adds later are kept in [`Other`](Self::Other) and written back unchanged.
#[graph_enum]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LifecycleWorkflowProcessingStatus {
    /// Waiting to start.
    Queued,
    /// Running.
    InProgress,
    /// Finished without errors.
    Completed,
    /// Finished, with errors.
    CompletedWithErrors,
    /// Canceled before it finished.
    Canceled,
    /// Failed.
    Failed,
    /// Graph's evolvable-enum sentinel: never sent.
    UnknownFutureValue,
    /// A member added to Graph after this code was written.
    #[graph(other)]
    Other(String),
}

/// How the workflows of a run are executed (`workflowExecutionType`).
///
/// Members Graph adds later read as [`UnknownFutureValue`](Self::UnknownFutureValue).
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkflowExecutionType {
    /// On the workflow's schedule.
    Scheduled,
    /// Started on demand.
    OnDemand,
    /// Graph's evolvable-enum sentinel: never sent.
    UnknownFutureValue,
}
