//! Code generation, from checked models only. Every path into the runtime starts with the
//! model's `Runtime` (`::graph_core`, or the path of `crate = "..."`).

pub mod enumeration;
pub mod fallback;
mod json;
pub mod object;
pub mod union;
