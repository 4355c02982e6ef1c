use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
pub struct User {
    pub mail: Option<String>,
    #[graph(rename = "mail")]
    pub email_address: Option<String>,
}

fn main() {}
