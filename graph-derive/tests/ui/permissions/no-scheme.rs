use graph_core::graph_resource;

// An operation with no scheme.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create())
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
