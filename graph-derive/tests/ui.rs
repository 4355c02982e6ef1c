//! The catalogue of mistakes: each `tests/ui/<category>/<case>.rs` makes one, and its
//! `.stderr` is what the user sees. Refresh with
//! `TRYBUILD=overwrite cargo test -p msgraph-resource-derive --test ui`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
}
