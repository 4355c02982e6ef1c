use graph_core::graph_action;

#[graph_action(path = "/users/{id}/sendMail", odata = "#microsoft.graph.sendMail")]
pub struct SendMail {
    #[graph(required)]
    pub save_to_sent_items: bool,
}

fn main() {}
