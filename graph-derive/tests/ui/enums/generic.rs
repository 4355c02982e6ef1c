use graph_core::graph_enum;

#[graph_enum]
pub enum Status<T> {
    Queued,
    #[graph(other)]
    Other(T),
}

fn main() {}
