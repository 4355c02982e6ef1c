use graph_core::{graph_complex, graph_union};

#[graph_complex]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    User(User),
}

fn main() {}
