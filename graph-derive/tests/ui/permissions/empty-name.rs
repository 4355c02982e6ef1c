use graph_core::graph_resource;

// An empty permission name.
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(application = ""))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
