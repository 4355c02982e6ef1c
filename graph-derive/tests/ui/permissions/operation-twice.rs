use graph_core::graph_resource;

// The same operation twice.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delegated = "A.B"), create(application = "A.B"))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
