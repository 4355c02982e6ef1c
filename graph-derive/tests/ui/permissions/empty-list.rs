use graph_core::graph_resource;

// A scheme with no permission: "Not supported" is written by leaving it out.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delegated = []))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
