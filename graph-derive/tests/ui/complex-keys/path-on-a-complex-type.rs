use graph_core::graph_complex;

#[graph_complex(path = "/passwordProfile")]
pub struct PasswordProfile {
    pub password: Option<String>,
}

fn main() {}
