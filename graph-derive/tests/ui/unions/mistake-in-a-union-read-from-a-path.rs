use graph_core::graph_union;
use graph_core::serde_json::{Map, Value};
use graph_examples::samples::directory::User;

// One mistake in a union read from a collection: code that lists and gets through it
// reports nothing more.
#[graph_union(odata = "#microsoft.graph.directoryObject", path = "/groups/{group-id}/members")]
pub enum Member {
    #[graph(rename = "user")]
    User(User),
    #[graph(other)]
    Other(Map<String, Value>),
}

fn main() {
    let _ = Member::list_request("g1").map(|request| request.top(3));
    let _ = Member::get_request("g1", "u1");
}
