use graph_core::graph_resource;

// The enum lacks `#[graph_enum]`.
pub enum ProcessingStatus {
    Queued,
    Completed,
}

#[graph_resource(path = "/workflowBase/runs", odata = "#microsoft.graph.identityGovernance.run")]
pub struct Run {
    pub processing_status: Option<ProcessingStatus>,
}

fn main() {}
