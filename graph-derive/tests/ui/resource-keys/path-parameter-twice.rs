use graph_core::graph_resource;

#[graph_resource(path = "/groups/{id}/owners/{id}", odata = "#microsoft.graph.user")]
pub struct Owner {
    pub display_name: Option<String>,
}

fn main() {}
