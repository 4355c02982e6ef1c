use graph_core::graph_complex;

#[graph_complex]
pub struct ItemBody {
    // `rename` gives this field the name the next one has by its Rust name.
    #[graph(rename = "contentType")]
    pub kind: Option<String>,
    pub content_type: Option<String>,
}

fn main() {}
