use graph_core::graph_action;

#[graph_action(path = "/users/{id}/check", returns = "Vec<String>")]
pub struct Check {
    pub ids: Option<Vec<String>>,
}

fn main() {
    // The methods are there, so this reports nothing more.
    let _ = Check { ids: None }.request("me");
}
