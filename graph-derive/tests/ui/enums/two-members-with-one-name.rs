use graph_core::graph_enum;

#[graph_enum]
pub enum Status {
    Canceled,
    #[graph(rename = "canceled")]
    Cancelled,
}

fn main() {}
