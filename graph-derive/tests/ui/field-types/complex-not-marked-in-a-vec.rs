use graph_core::graph_resource;

// The struct lacks `#[graph_complex]`.
pub struct Task {
    pub display_name: Option<String>,
}

#[graph_resource(path = "/workflows", odata = "#microsoft.graph.identityGovernance.workflow")]
pub struct Workflow {
    pub tasks: Option<Vec<Task>>,
}

fn main() {}
