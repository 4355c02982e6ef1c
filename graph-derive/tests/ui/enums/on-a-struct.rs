use graph_core::graph_enum;

#[graph_enum]
pub struct Status {
    pub value: String,
}

fn main() {}
