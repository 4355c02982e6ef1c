use graph_core::graph_resource;
use graph_core::serde_json::{Map, Value};

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(additional_data, rename = "extra")]
    pub extra: Map<String, Value>,
}

fn main() {}
