use graph_core::graph_complex;

#[graph_complex]
pub struct PasswordProfile {
    #[graph(required)]
    pub password: Option<String>,
}

// A tuple is written by its own Serialize: the profile inside would go unvalidated.
#[graph_complex]
pub struct Holder {
    pub profiles: Option<(PasswordProfile, i32)>,
}

fn main() {}
