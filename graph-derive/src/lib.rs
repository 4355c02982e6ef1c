//! The attribute macros of `graph-core`. Depend on `graph-core`, which re-exports them and
//! holds the runtime the generated code calls; its documentation describes the attributes.
//!
//! Each macro runs the same pipeline, one module per stage:
//! `attr` (reading keys) and `template` (the `path` and `odata` strings) feed `model` (a
//! typed model built once from syn); `check` applies the rules that span several keys or
//! fields; `expand` generates code from a checked model, or `expand::fallback` emits the
//! item, every error and placeholder impls when there were mistakes.

mod attr;
mod case;
mod check;
mod errors;
mod expand;
mod model;
mod template;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Turns a struct with named fields into a Microsoft Graph resource.
#[proc_macro_attribute]
pub fn graph_resource(args: TokenStream, item: TokenStream) -> TokenStream {
    object(model::Kind::Resource, args.into(), item.into()).into()
}

/// Turns a struct with named fields into a Graph complex type.
#[proc_macro_attribute]
pub fn graph_complex(args: TokenStream, item: TokenStream) -> TokenStream {
    object(model::Kind::Complex, args.into(), item.into()).into()
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
    kind: model::Kind,
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let input = match parse_item(item, "a struct with named fields") {
        Ok(input) => input,
        Err(tokens) => return tokens,
    };
    let mut errors = errors::Errors::default();
    let object = model::Object::from_syn(kind, args, input, &mut errors);
    check::object(&object, &mut errors);
    if errors.is_empty() {
        expand::object::expand(&object)
    } else {
        expand::fallback::object(&object, &errors)
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
    let enumeration = model::Enumeration::from_syn(args, input, &mut errors);
    check::enumeration(&enumeration, &mut errors);
    if errors.is_empty() {
        expand::enumeration::expand(&enumeration)
    } else {
        expand::fallback::enumeration(&enumeration, &errors)
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
    let union = model::Union::from_syn(args, input, &mut errors);
    match &union.odata {
        Some(odata) if errors.is_empty() => expand::union::expand(&union, odata),
        _ => expand::fallback::union(&union, &errors),
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
