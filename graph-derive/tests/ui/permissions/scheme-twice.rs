use graph_core::graph_resource;

// The same scheme twice in one operation.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delegated = "A.B", delegated = "C.D"))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
