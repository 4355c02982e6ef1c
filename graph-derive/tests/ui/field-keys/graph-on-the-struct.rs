use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[graph(required)]
pub struct User {
    pub mail: Option<String>,
}

fn main() {}
