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
pub struct DirectoryObject {
    pub user: User,
}

fn main() {}
