use std::rc::Rc;
use std::sync::Arc;

use graph_core::graph_resource;

// Neither struct has `#[graph_complex]`.
pub struct Task {
    pub display_name: Option<String>,
}

pub struct Trigger {
    pub offset_in_days: Option<i32>,
}

#[graph_resource(path = "/workflows", odata = "#microsoft.graph.identityGovernance.workflow")]
pub struct Workflow {
    pub task: Option<Arc<Task>>,
    pub triggers: Vec<Rc<Trigger>>,
}

fn main() {}
