use graph_core::graph_resource;

#[graph_resource(path = "/groups/{id}/owners/{id}", odata = "#microsoft.graph.user")]
#[derive(Default)]
pub struct Owner {
    pub display_name: Option<String>,
}

fn main() {
    let _ = Owner::default().create_request("g", "o");
}
