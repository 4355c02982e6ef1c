use graph_core::{graph_complex, graph_union};

#[graph_complex(odata = "#microsoft.graph.user")]
pub struct User {
    pub display_name: Option<String>,
}

#[graph_complex(odata = "#microsoft.graph.group")]
pub struct Group {
    pub display_name: Option<String>,
}

#[graph_union]
pub enum DirectoryObject {
    User(User),
    Group(Group),
}

fn main() {}
