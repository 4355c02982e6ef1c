use graph_core::graph_resource;

// A scheme the table does not have: the nearest is suggested.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delgated = "LifecycleWorkflows.ReadWrite.All"))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
