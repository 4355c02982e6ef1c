use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user", version = "beta")]
pub struct User {
    pub display_name: Option<String>,
}

fn main() {}
