use graph_core::graph_enum;

#[graph_enum]
pub enum Status {
    Queued,
    Failed { reason: String },
    UnknownFutureValue,
}

fn main() {}
