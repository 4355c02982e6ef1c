use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(rename = "@odata.type")]
    pub kind: Option<String>,
}

fn main() {}
