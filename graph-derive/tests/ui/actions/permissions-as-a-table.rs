use graph_core::graph_action;

#[graph_action(
    path = "/users/{id}/sendMail",
    permissions(create(delegated = "Mail.Send"), delgated = "Mail.Send")
)]
pub struct SendMail {
    pub save_to_sent_items: Option<bool>,
}

fn main() {}
