use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    pub display_name: Option<String>,
    pub display__name: Option<String>,
}

fn main() {}
