use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(reqired)]
    pub display_name: Option<String>,
}

fn main() {}
