use graph_core::graph_complex;

#[graph_complex(odata = "#microsoft.graph.user")]
#[graph_core::graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    pub display_name: Option<String>,
}

fn main() {}
