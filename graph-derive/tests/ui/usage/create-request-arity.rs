use graph_core::graph_resource;

#[graph_resource(path = "/groups/{group-id}/members", odata = "#microsoft.graph.user")]
#[derive(Default)]
pub struct Member {
    pub display_name: Option<String>,
}

fn main() {
    let _ = Member::default().create_request();
}
