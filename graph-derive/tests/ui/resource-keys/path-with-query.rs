use graph_core::graph_resource;

#[graph_resource(path = "/users?$select=id", odata = "#microsoft.graph.user")]
pub struct User {
    pub display_name: Option<String>,
}

fn main() {}
