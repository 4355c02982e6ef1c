use graph_core::{graph_complex, graph_union};
use graph_examples::samples::directory::Group;

// One misspelt key on a variant's type: that one error, and nothing about the union.
#[graph_complex(odata = "#microsoft.graph.user")]
pub struct User {
    #[graph(reqired)]
    pub display_name: Option<String>,
}

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    User(User),
    Group(Group),
}

fn main() {}
