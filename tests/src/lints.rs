//! A resource and enums with every kind of field, for the lints above to look at.

use graph_core::{graph_action, graph_enum, graph_resource, DateTimeOffset};

/// A resource with a path parameter, read-only and renamed fields.
#[graph_resource(
    path = "/identityGovernance/lifecycleWorkflows/workflows/{workflow-id}/runs",
    odata = "#microsoft.graph.identityGovernance.run"
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LintedRun {
    /// Set by the service.
    #[graph(read_only)]
    pub id: Option<String>,
    /// Required.
    #[graph(required)]
    pub failed_tasks_count: Option<i32>,
    /// Renamed.
    #[graph(rename = "status")]
    pub processing_status: Option<LintedStatus>,
    /// Always present.
    pub tags: Vec<String>,
    /// A date-time.
    pub when: Option<DateTimeOffset>,
    /// A raw identifier.
    pub r#type: Option<String>,
    /// A double, written `"INF"` where it is infinite.
    pub score: Option<f64>,
    /// A single.
    pub ratio: f32,
    /// A 64-bit integer, read from a string of digits too.
    pub total: Option<u64>,
    /// A set of a flags enum's members.
    pub days: Option<graph_core::Flags<LintedDays>>,
}

/// A flags enum.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintedDays {
    /// A member.
    Monday,
    /// Another.
    Friday,
}

/// An enum with a catch-all.
#[graph_enum]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LintedStatus {
    /// A member.
    Queued,
    /// The sentinel.
    UnknownFutureValue,
    /// Anything else.
    #[graph(other)]
    Other(String),
}

/// An enum without a catch-all or sentinel.
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LintedClosed {
    /// Yes.
    Yes,
    /// No.
    No,
}

/// An action with a renamed parameter, returning a resource.
#[graph_action(
    path = "/identityGovernance/lifecycleWorkflows/workflows/{workflow-id}/activate",
    returns = LintedRun,
    permissions(
        delegated = "LifecycleWorkflows.ReadWrite.All",
        application = "LifecycleWorkflows.ReadWrite.All"
    )
)]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LintedActivate {
    /// Required and renamed.
    #[graph(required, rename = "subjects")]
    pub users: Option<Vec<String>>,
}

/// An action without parameters or an answer.
#[graph_action(path = "/identityGovernance/lifecycleWorkflows/workflows/{workflow-id}/restore")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LintedRestore;
