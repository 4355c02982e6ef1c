use graph_core::graph_resource;

// An operation written without its schemes in parentheses.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create = "LifecycleWorkflows.ReadWrite.All")
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
