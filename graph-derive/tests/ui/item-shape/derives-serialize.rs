use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[derive(Debug, Clone, serde::Serialize)]
pub struct User {
    pub mail: Option<String>,
}

fn main() {}
