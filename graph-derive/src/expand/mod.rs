//! Code generation, from checked models only. Every path into the runtime starts with the
//! model's `Runtime` (`::graph_core`, or the path of `crate = "..."`), or, for its
//! internals, with the `__rt` alias each expansion declares first in its block.

pub mod enumeration;
pub mod fallback;
mod json;
pub mod object;
pub mod union;
