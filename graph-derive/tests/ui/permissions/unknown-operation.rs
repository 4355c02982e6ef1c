use graph_core::graph_resource;

// An operation the table does not have: the nearest is suggested.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(creat(delegated = "LifecycleWorkflows.ReadWrite.All"))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
