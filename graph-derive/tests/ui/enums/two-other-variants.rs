use graph_core::graph_enum;

#[graph_enum]
pub enum Status {
    Queued,
    #[graph(other)]
    Other(String),
    #[graph(other)]
    Unknown(String),
}

fn main() {}
