use graph_core::graph_resource;

#[graph_resource(path = "/users", odata = "#contoso.user")]
pub struct User {
    pub display_name: Option<String>,
}

fn main() {}
