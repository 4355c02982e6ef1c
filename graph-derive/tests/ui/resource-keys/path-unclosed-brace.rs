use graph_core::graph_resource;

#[graph_resource(path = "/groups/{group-id/members", odata = "#microsoft.graph.user")]
pub struct Member {
    pub display_name: Option<String>,
}

fn main() {}
