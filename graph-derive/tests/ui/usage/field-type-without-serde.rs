use graph_core::graph_resource;

pub struct Opaque;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    pub opaque: Option<Opaque>,
}

fn main() {}
