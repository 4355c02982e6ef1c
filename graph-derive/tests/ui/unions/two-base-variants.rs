use graph_core::graph_union;
use graph_examples::samples::directory::{Group, User};

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    #[graph(base)]
    User(User),
    #[graph(base)]
    Group(Group),
}

fn main() {}
