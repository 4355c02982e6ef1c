use graph_core::graph_action;

#[graph_action(path = "/users/{id}/sendMail")]
pub struct SendMail {
    #[graph(read_only)]
    pub save_to_sent_items: Option<bool>,
}

fn main() {}
