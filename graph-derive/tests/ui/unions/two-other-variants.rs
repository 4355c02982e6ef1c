use graph_core::graph_union;
use graph_core::serde_json::{Map, Value};
use graph_examples::samples::directory::User;

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    User(User),
    #[graph(other)]
    Other(Map<String, Value>),
    #[graph(other)]
    Unknown(Map<String, Value>),
}

fn main() {}
