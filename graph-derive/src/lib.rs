//! The attribute macros of `msgraph-resource` (`graph_core` in code). Depend on it: it
//! re-exports them and holds the runtime the generated code calls; its documentation
//! describes the attributes.
//!
//! Each macro runs the same pipeline, one module per stage:
//! - `ast` reads the item once from syn, with `attr` reading the attribute keys into typed
//!   attributes (`attr::place` is the machinery every place shares, `attr::permissions`
//!   the grammar of the permissions table);
//! - `build` gives the checked `model`, reading the `path` and `odata` strings through
//!   their `grammar` (`grammar::template` is shared with graph-core, which checks the
//!   templates given at run time by the same file) and applying every rule of `check`
//!   (with `types` for what a field's type is written as);
//! - `expand` generates code from that model only, or `expand::fallback` emits the item,
//!   every error and placeholder impls from the unchecked input when there were mistakes.
//!   Either reaches the runtime by the model's `Runtime`: `::graph_core`, or the path of
//!   `crate = "..."`.
//!
//! `case` (Graph's lowerCamelCase, and snake case for arguments) and `errors` (every
//! mistake, gathered and reported at once) serve every stage.

mod ast;
mod attr;
mod build;
mod case;
mod check;
mod errors;
mod expand;
mod grammar;
mod model;
mod types;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Turns a struct with named fields into a Microsoft Graph resource.
#[proc_macro_attribute]
pub fn graph_resource(args: TokenStream, item: TokenStream) -> TokenStream {
    object(ast::Kind::Resource, args.into(), item.into()).into()
}

/// Turns a struct with named fields into a Graph complex type.
#[proc_macro_attribute]
pub fn graph_complex(args: TokenStream, item: TokenStream) -> TokenStream {
    object(ast::Kind::Complex, args.into(), item.into()).into()
}

/// Turns a struct of parameters into a Microsoft Graph action.
#[proc_macro_attribute]
pub fn graph_action(args: TokenStream, item: TokenStream) -> TokenStream {
    object(ast::Kind::Action, args.into(), item.into()).into()
}

/// Turns an enum with one variant per derived type into a property type that dispatches
/// on `@odata.type`.
#[proc_macro_attribute]
pub fn graph_union(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_union_impl(args.into(), item.into()).into()
}

/// Turns a fieldless enum into a Graph enumeration.
#[proc_macro_attribute]
pub fn graph_enum(args: TokenStream, item: TokenStream) -> TokenStream {
    graph_enum_impl(args.into(), item.into()).into()
}

fn object(
    kind: ast::Kind,
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let input = match parse_item(item, "a struct with named fields") {
        Ok(input) => input,
        Err(tokens) => return tokens,
    };
    let mut errors = errors::Errors::default();
    let input = ast::Object::from_syn(kind, args, input, &mut errors);
    match build::object(&input, &mut errors) {
        Some(object) => expand::object::expand(&object),
        None => expand::fallback::object(&input, &errors),
    }
}

fn graph_enum_impl(
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let input = match parse_item(item, "a fieldless enum") {
        Ok(input) => input,
        Err(tokens) => return tokens,
    };
    let mut errors = errors::Errors::default();
    let input = ast::Enumeration::from_syn(args, input, &mut errors);
    match build::enumeration(&input, &mut errors) {
        Some(enumeration) => expand::enumeration::expand(&enumeration),
        None => expand::fallback::enumeration(&input, &errors),
    }
}

fn graph_union_impl(
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let input = match parse_item(item, "an enum with one variant per derived type") {
        Ok(input) => input,
        Err(tokens) => return tokens,
    };
    let mut errors = errors::Errors::default();
    let input = ast::Union::from_syn(args, input, &mut errors);
    match build::union(&input, &mut errors) {
        Some(union) => expand::union::expand(&union),
        None => expand::fallback::union(&input, &errors),
    }
}

/// The item as a struct, enum or union; anything else (a function, an impl block) is
/// given back unchanged beside one error, so nothing else about it breaks.
fn parse_item(
    item: proc_macro2::TokenStream,
    expected: &str,
) -> Result<syn::DeriveInput, proc_macro2::TokenStream> {
    syn::parse2::<syn::DeriveInput>(item.clone()).map_err(|_| {
        let message = format!("this attribute goes on {expected}");
        let error = syn::Error::new(proc_macro2::Span::call_site(), message).to_compile_error();
        quote::quote!(#error #item)
    })
}
