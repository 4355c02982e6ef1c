//! The names most code needs, in one import: `use graph_core::prelude::*;`.
//!
//! It brings the attributes and the traits whose methods requests are built with (the
//! `_at` forms of [`GraphResource`], which take any path), so that every call of a family
//! works the same way once it is imported.

pub use crate::resource::{GraphEnum, GraphObject, GraphResource, GraphType};
pub use crate::{graph_action, graph_complex, graph_enum, graph_resource, graph_union};
