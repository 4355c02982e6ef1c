//! Code generation, from checked models only.

pub mod enumeration;
pub mod fallback;
mod json;
pub mod object;
pub mod union;

use proc_macro2::TokenStream;
use quote::quote;

/// The one road into the runtime: every generated reference to graph-core's internals
/// goes through this absolute path, so no name in the user's scope can capture it.
fn private() -> TokenStream {
    quote!(::graph_core::__private)
}
