use graph_core::graph_enum;

#[graph_enum]
pub enum Status {
    #[graph(required)]
    Queued,
}

fn main() {}
