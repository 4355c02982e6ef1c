use graph_core::graph_union;
use graph_examples::samples::directory::{Group, User};

#[graph_union]
pub enum DirectoryObject {
    User(User),
    Group(Group),
}

fn main() {}
