use graph_core::graph_resource;

// A table with no operation.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions()
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
