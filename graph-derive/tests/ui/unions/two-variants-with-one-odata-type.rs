use graph_core::{graph_complex, graph_union};
use graph_examples::samples::directory::{Group, User};

#[graph_complex(odata = "microsoft.graph.user")]
pub struct Member {
    pub display_name: Option<String>,
}

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    User(User),
    Group(Group),
    Member(Member),
}

fn main() {}
