use graph_core::graph_action;

#[graph_action(path = "/users/{id}/sendMail?saveToSentItems=false", returns = bool)]
pub struct SendMail {
    pub message: Option<String>,
}

fn main() {
    // The methods are there, taking the path's one parameter: nothing more is reported.
    let _ = SendMail { message: None }.request("me");
}
