use graph_core::graph_action;

#[graph_action(returns = bool)]
pub struct RevokeSignInSessions;

fn main() {
    let _ = RevokeSignInSessions.request_at("/me/revokeSignInSessions", &[]);
}
