use graph_core::graph_resource;

// A name that is not a permission's (spaces where the dots go).
#[graph_resource(
    path = "/workflowBase/runs",
    odata = "#microsoft.graph.identityGovernance.run",
    permissions(create(delegated = "LifecycleWorkflows ReadWrite All"))
)]
pub struct Run {
    pub id: Option<String>,
}

fn main() {}
