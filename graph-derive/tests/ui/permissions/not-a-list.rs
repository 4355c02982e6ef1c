use graph_core::graph_resource;

// The table written as a string.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions = "LifecycleWorkflows.ReadWrite.All"
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
