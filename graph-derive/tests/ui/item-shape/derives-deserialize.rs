use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[derive(Debug, serde::Deserialize)]
pub struct User {
    pub mail: Option<String>,
}

fn main() {}
