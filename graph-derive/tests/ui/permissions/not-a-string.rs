use graph_core::graph_resource;

// A permission that is not a string literal.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delegated = ["A.B", 5]))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
