use graph_core::graph_action;

pub struct Plain {
    pub value: u8,
}

#[graph_action(path = "/users/{id}/check", returns = Plain)]
pub struct Check {
    pub ids: Option<Vec<String>>,
}

fn main() {}
