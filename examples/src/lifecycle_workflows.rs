//! Lifecycle workflows (`microsoft.graph.identityGovernance`, Graph beta).

use graph_core::serde_json::{Map, Value};
use graph_core::{graph_complex, graph_enum, graph_resource, graph_union, DateTimeOffset, Flags};

/// A run of a lifecycle workflow: one execution for the users in its scope.
///
/// Modelled on the "Create run" page: `POST /workflowBase/runs`, with 8 required and 3
/// optional properties. `id` is set by the service.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    // The page's permissions table: a personal Microsoft account is "Not supported".
    permissions(create(
        delegated = "LifecycleWorkflows.ReadWrite.All",
        application = "LifecycleWorkflows.ReadWrite.All",
    )),
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

/// A lifecycle workflow (`microsoft.graph.identityGovernance.workflow`), as the "Create
/// workflow" page describes it (`POST /identityGovernance/lifecycleWorkflows/workflows`):
/// `category`, `displayName`, `executionConditions` and `tasks` are required.
#[graph_resource(
    path = "/identityGovernance/lifecycleWorkflows/workflows",
    odata = "#microsoft.graph.identityGovernance.workflow"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workflow {
    /// The workflow's identifier, assigned by the service.
    #[graph(read_only)]
    pub id: Option<String>,
    /// The scenario the workflow is for.
    #[graph(required)]
    pub category: Option<LifecycleWorkflowCategory>,
    /// What the workflow is for.
    pub description: Option<String>,
    /// The workflow's name.
    #[graph(required)]
    pub display_name: Option<String>,
    /// When, and for whom, the workflow runs.
    #[graph(required)]
    pub execution_conditions: Option<WorkflowExecutionConditions>,
    /// Whether the workflow is enabled.
    pub is_enabled: Option<bool>,
    /// Whether the workflow runs on its schedule.
    pub is_scheduling_enabled: Option<bool>,
    /// The tasks the workflow runs, in order.
    #[graph(required)]
    pub tasks: Option<Vec<Task>>,
    /// When the workflow was created, set by the service.
    #[graph(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    /// The workflow's version, set by the service.
    #[graph(read_only)]
    pub version: Option<i32>,
}

/// The scenario of a workflow (`lifecycleWorkflowCategory`).
#[graph_enum]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LifecycleWorkflowCategory {
    /// Users joining the organisation.
    Joiner,
    /// Users leaving it.
    Leaver,
    /// Graph's evolvable-enum sentinel: never sent.
    UnknownFutureValue,
    /// Users moving within it (after the sentinel: an evolvable member).
    Mover,
    /// A member added to Graph after this code was written.
    #[graph(other)]
    Other(String),
}

/// When, and for whom, a workflow runs (`workflowExecutionConditions`, an abstract type):
/// one of its derived types, chosen by `@odata.type`.
#[graph_union(odata = "#microsoft.graph.identityGovernance.workflowExecutionConditions")]
#[derive(Debug, Clone, PartialEq)]
pub enum WorkflowExecutionConditions {
    /// Runs on a trigger, for the users in a scope.
    TriggerAndScopeBased(TriggerAndScopeBasedConditions),
    /// Runs only when started on demand.
    OnDemandExecutionOnly(OnDemandExecutionOnly),
    /// A derived type added to Graph after this code was written, kept whole.
    #[graph(other)]
    Other(Map<String, Value>),
}

/// Execution conditions with a scope and a trigger (`triggerAndScopeBasedConditions`).
#[graph_complex(odata = "#microsoft.graph.identityGovernance.triggerAndScopeBasedConditions")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TriggerAndScopeBasedConditions {
    /// Who the workflow runs for.
    #[graph(required)]
    pub scope: Option<SubjectSet>,
    /// When it runs.
    #[graph(required)]
    pub trigger: Option<WorkflowExecutionTrigger>,
}

/// Execution conditions for a workflow that only runs on demand (`onDemandExecutionOnly`).
#[graph_complex(odata = "#microsoft.graph.identityGovernance.onDemandExecutionOnly")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OnDemandExecutionOnly {}

/// The users a workflow is for (`subjectSet`, an abstract type).
#[graph_union(odata = "#microsoft.graph.subjectSet")]
#[derive(Debug, Clone, PartialEq)]
pub enum SubjectSet {
    /// The users a rule selects.
    RuleBased(RuleBasedSubjectSet),
    /// A subject set added to Graph after this code was written, kept whole.
    #[graph(other)]
    Other(Map<String, Value>),
}

/// The users a rule selects (`ruleBasedSubjectSet`).
#[graph_complex(odata = "#microsoft.graph.identityGovernance.ruleBasedSubjectSet")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RuleBasedSubjectSet {
    /// The filter rule, e.g. `(department eq 'Marketing')`.
    #[graph(required)]
    pub rule: Option<String>,
}

/// What starts a workflow (`workflowExecutionTrigger`, an abstract type).
#[graph_union(odata = "#microsoft.graph.identityGovernance.workflowExecutionTrigger")]
#[derive(Debug, Clone, PartialEq)]
pub enum WorkflowExecutionTrigger {
    /// A number of days from a date attribute of the user.
    TimeBasedAttribute(TimeBasedAttributeTrigger),
    /// A change of a user attribute.
    AttributeChange(AttributeChangeTrigger),
    /// A trigger added to Graph after this code was written, kept whole.
    #[graph(other)]
    Other(Map<String, Value>),
}

/// A trigger a number of days from a date attribute of the user
/// (`timeBasedAttributeTrigger`).
#[graph_complex(odata = "#microsoft.graph.identityGovernance.timeBasedAttributeTrigger")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TimeBasedAttributeTrigger {
    /// The date attribute.
    #[graph(required)]
    pub time_based_attribute: Option<WorkflowTriggerTimeBasedAttribute>,
    /// Days from that date: negative before it, positive after it.
    #[graph(required)]
    pub offset_in_days: Option<i32>,
}

/// A trigger on changes of user attributes (`attributeChangeTrigger`).
#[graph_complex(odata = "#microsoft.graph.identityGovernance.attributeChangeTrigger")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttributeChangeTrigger {
    /// The attributes whose change starts the workflow.
    #[graph(required)]
    pub trigger_attributes: Option<Vec<TriggerAttribute>>,
}

/// A user attribute a trigger watches (`triggerAttribute`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TriggerAttribute {
    /// The attribute's name, e.g. `department`.
    #[graph(required)]
    pub name: Option<String>,
}

/// The user attribute a time-based trigger counts from
/// (`workflowTriggerTimeBasedAttribute`).
#[graph_enum]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WorkflowTriggerTimeBasedAttribute {
    /// The hire date.
    EmployeeHireDate,
    /// The leave date.
    EmployeeLeaveDateTime,
    /// Graph's evolvable-enum sentinel: never sent.
    UnknownFutureValue,
    /// When the user was created (after the sentinel: an evolvable member).
    CreatedDateTime,
    /// A member added to Graph after this code was written.
    #[graph(other)]
    Other(String),
}

/// One task of a workflow (`microsoft.graph.identityGovernance.task`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Task {
    /// The task's identifier, assigned by the service.
    #[graph(read_only)]
    pub id: Option<String>,
    /// The task's arguments, as its definition requires.
    #[graph(required)]
    pub arguments: Option<Vec<KeyValuePair>>,
    /// Whether the workflow goes on when this task fails.
    pub continue_on_error: Option<bool>,
    /// What the task does.
    pub description: Option<String>,
    /// The task's name.
    #[graph(required)]
    pub display_name: Option<String>,
    /// The task's position in the workflow, set by the service.
    #[graph(read_only)]
    pub execution_sequence: Option<i32>,
    /// Whether the task runs.
    pub is_enabled: Option<bool>,
    /// The built-in task definition it runs.
    #[graph(required)]
    pub task_definition_id: Option<String>,
    /// The workflow categories the task can be used in (`"joiner,leaver"`), set by the
    /// service from its definition.
    #[graph(read_only)]
    pub category: Option<Flags<LifecycleTaskCategory>>,
}

/// The workflow categories a task can be used in
/// (`microsoft.graph.identityGovernance.lifecycleTaskCategory`, a flags enum: a task's
/// `category` is a set of them).
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LifecycleTaskCategory {
    /// Tasks for users joining the organisation.
    Joiner,
    /// Tasks for users leaving it.
    Leaver,
    /// Graph's evolvable-enum sentinel: never sent.
    UnknownFutureValue,
    /// Tasks for users moving within it (after the sentinel: an evolvable member).
    Mover,
    /// A member added to Graph after this code was written.
    #[graph(other)]
    Other(String),
}

/// A name and a value (`microsoft.graph.keyValuePair`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyValuePair {
    /// The name.
    #[graph(required)]
    pub name: Option<String>,
    /// The value.
    pub value: Option<String>,
}
