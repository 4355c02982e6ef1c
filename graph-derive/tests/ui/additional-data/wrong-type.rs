use graph_core::graph_resource;
use std::collections::HashMap;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(additional_data)]
    pub extra: HashMap<String, String>,
}

fn main() {}
