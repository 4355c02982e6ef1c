use graph_core::serde_json::{Map, Value};
use graph_core::{graph_complex, graph_union};

#[graph_complex(odata = "#microsoft.graph.user")]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_complex(odata = "#microsoft.graph.group")]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    User(User),
    #[graph(other)]
    Other(Map<String, Value>),
    #[graph(other)]
    Unknown(Map<String, Value>),
}

fn main() {}
