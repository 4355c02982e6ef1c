use graph_core::graph_union;
use graph_examples::samples::directory::User;

#[graph_union(odata = "#microsoft.graph.directoryObject")]
pub enum DirectoryObject {
    #[graph(rename = "user")]
    User(User),
}

fn main() {}
