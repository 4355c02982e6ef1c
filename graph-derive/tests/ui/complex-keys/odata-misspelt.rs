use graph_core::graph_complex;

#[graph_complex(odta = "#microsoft.graph.passwordProfile")]
pub struct PasswordProfile {
    pub password: Option<String>,
}

fn main() {}
