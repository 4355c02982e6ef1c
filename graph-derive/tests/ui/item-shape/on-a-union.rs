use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub union User {
    pub count: u32,
    pub flags: u32,
}

fn main() {}
