use graph_core::graph_complex;

// A complex type has no operations of its own, so no permissions.
#[graph_complex(permissions(create(delegated = "User.ReadWrite.All")))]
pub struct PasswordProfile {
    pub password: Option<String>,
}

fn main() {}
