use graph_core::graph_complex;

#[graph_complex]
pub struct PasswordProfile {
    #[graph(required)]
    pub password: String,
}

fn main() {}
