use graph_core::graph_complex;

#[graph_complex]
pub enum PasswordProfile {
    Strong,
    Weak,
}

fn main() {}
