use graph_core::graph_complex;
use graph_core::serde::{Deserialize, Deserializer, Serialize, Serializer};

#[graph_complex]
pub struct PasswordProfile {
    #[graph(required)]
    pub password: Option<String>,
}

/// A wrapper of the user's own, with serde impls that hand over to what it holds.
pub struct Shared<T>(pub T);

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared)
    }
}

#[graph_complex]
pub struct User {
    pub password_profile: Option<Shared<PasswordProfile>>,
}

fn main() {}
