use graph_core::graph_resource;

// As the "Create event" page writes it: one placeholder that takes either value.
#[graph_resource(path = "/users/{id | userPrincipalName}/events", odata = "#microsoft.graph.event")]
pub struct Event {
    pub subject: Option<String>,
}

fn main() {}
