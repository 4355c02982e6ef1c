//! Types shared by the integration tests, compiled as a library so that the code the
//! attributes generate is held to strict lints: missing docs, needless qualification and
//! clippy's pedantic group are errors here (CI runs clippy with `-D warnings`).

#![deny(missing_docs, unused_qualifications, warnings)]
#![warn(clippy::pedantic)]

pub mod hygiene;
pub mod lints;

/// The README's Rust examples, compiled and run as doctests. Its client example takes
/// an `azure_identity` credential, so they run with the feature `azure`
/// (`cargo test -p graph-tests --features azure --doc`).
#[cfg(all(doctest, feature = "azure"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
