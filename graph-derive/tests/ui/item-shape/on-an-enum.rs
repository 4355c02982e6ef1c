use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub enum User {
    Member,
    Guest,
}

fn main() {}
