use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(required, read_only)]
    pub id: Option<String>,
}

fn main() {}
