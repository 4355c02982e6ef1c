use graph_core::graph_enum;

#[graph_enum(rename_all = "camelCase")]
pub enum Status {
    Queued,
}

fn main() {}
