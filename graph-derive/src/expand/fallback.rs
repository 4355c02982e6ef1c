//! What is emitted when an item has mistakes: the item itself (without the attributes that
//! were consumed), the errors, and placeholder impls of every trait the expansion would
//! have implemented and other items rely on (serde's, `GraphValue`, `Object`,
//! `HasODataType`, `GraphResource` and the generated operations, `GraphEnum`), so that code using the type reports
//! nothing but the real mistakes. It works from the unchecked input, and reaches the
//! runtime by the `crate` path where one was given and read.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::{Enumeration, Kind, Object, Union};
use crate::errors::Errors;
use crate::model::Runtime;

pub fn object(object: &Object, errors: &Errors) -> TokenStream {
    let item = &object.item;
    let errors = errors.to_compile_errors();
    if !object.well_formed() {
        return quote!(#item #errors);
    }
    let ident = &item.ident;
    let runtime = Runtime::new(object.attr.crate_path.value());
    let rt = runtime.private();
    // A resource has an OData type; a complex type has one where `odata` was written at
    // all, even wrongly, so that a union holding it reports nothing more.
    let has_odata_type =
        (object.kind == Kind::Resource || object.attr.odata.written()).then(|| {
            quote! {
                impl #rt::HasODataType for #ident {
                    const ODATA_TYPE: &'static ::core::primitive::str = "";
                }
            }
        });
    let resource = (object.kind == Kind::Resource)
        .then(|| resource(&runtime, ident, object.attr.path.value(), true));
    let action = (object.kind == Kind::Action).then(|| {
        action(
            &runtime,
            ident,
            object.attr.path.value(),
            object.attr.returns.value(),
        )
    });
    let serde = placeholders(&runtime, ident);
    let graph_type = (object.kind != Kind::Action).then(|| graph_type(&runtime, ident));
    let alias = runtime.alias();
    quote! {
        #item
        #errors
        const _: () = {
            #alias
            #resource
            #action
            #has_odata_type
            #graph_type
            #serde
            impl #rt::Object for #ident {
                const INFO: &'static #rt::ObjectInfo = &{
                    static NAMES: #rt::Names = #rt::Names::new("", b"");
                    #rt::ObjectInfo {
                        odata_type: ::core::option::Option::None,
                        odata_prefix: b"",
                        names: &NAMES,
                        open: false,
                        expecting: "",
                    }
                };
                fn __fields<__V: #rt::FieldVisitor>(&self, _: &mut __V) {
                    ::core::unreachable!()
                }
            }
        };
    }
}

pub fn enumeration(enumeration: &Enumeration, errors: &Errors) -> TokenStream {
    let item = &enumeration.item;
    let errors = errors.to_compile_errors();
    if !enumeration.well_formed() {
        return quote!(#item #errors);
    }
    let ident = &item.ident;
    let runtime = Runtime::new(enumeration.attr.crate_path.value());
    let serde = placeholders(&runtime, ident);
    let alias = runtime.alias();
    quote! {
        #item
        #errors
        const _: () = {
            #alias
            impl __rt::GraphEnum for #ident {
                const MEMBERS: &'static [&'static ::core::primitive::str] = &[];
                fn as_str(&self) -> &::core::primitive::str {
                    ::core::unreachable!()
                }
                fn from_member(_: &::core::primitive::str) -> ::core::option::Option<Self> {
                    ::core::unreachable!()
                }
            }
            #serde
        };
    }
}

pub fn union(union: &Union, errors: &Errors) -> TokenStream {
    let item = &union.item;
    let errors = errors.to_compile_errors();
    if !union.well_formed() {
        return quote!(#item #errors);
    }
    let ident = &item.ident;
    let runtime = Runtime::new(union.attr.crate_path.value());
    // A union read from a collection has the read operations; code calling them reports
    // nothing more.
    let resource = union
        .attr
        .path
        .written()
        .then(|| resource(&runtime, ident, union.attr.path.value(), false));
    let serde = placeholders(&runtime, ident);
    let graph_type = graph_type(&runtime, ident);
    let alias = runtime.alias();
    quote! {
        #item
        #errors
        const _: () = {
            #alias
            #resource
            #graph_type
            #serde
        };
    }
}

/// Placeholder `GraphResource` and the generated operations: the read ones (`get_request`,
/// `list_request`), and with `writes` those that send a value too, each taking as many
/// parameters as the `path` given (however malformed) has placeholders.
fn resource(
    runtime: &Runtime,
    ident: &syn::Ident,
    path: Option<&syn::LitStr>,
    writes: bool,
) -> TokenStream {
    let arity = path.map_or(0, |path| lenient_arity(&path.value()));
    let params: Vec<_> = (0..arity).map(|i| format_ident!("_param{}", i)).collect();
    let str_ = quote!(&::core::primitive::str);
    let result = |request: TokenStream| quote!(::core::result::Result<#runtime::#request<Self>, #runtime::ValidationError>);
    let (create, get, list, delta, update, delete) = (
        result(quote!(CreateRequest)),
        result(quote!(GetRequest)),
        result(quote!(ListRequest)),
        result(quote!(DeltaRequest)),
        result(quote!(UpdateRequest)),
        result(quote!(DeleteRequest)),
    );
    let writing = writes.then(|| {
        quote! {
            #[allow(dead_code, missing_docs)]
            pub fn create_request(&self, #(#params: #str_),*) -> #create {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn update_request(&self, #(#params: #str_,)* _id: #str_) -> #update {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn update_request_from(&self, _before: &Self, #(#params: #str_,)* _id: #str_) -> #update {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn delete_request(#(#params: #str_,)* _id: #str_) -> #delete {
                ::core::unreachable!()
            }
        }
    });
    quote! {
        impl #runtime::GraphResource for #ident {
            const PATH: &'static ::core::primitive::str = "";
            const ODATA_TYPE: &'static ::core::primitive::str = "";
            fn validate(&self) -> ::core::result::Result<(), #runtime::ValidationError> {
                ::core::unreachable!()
            }
        }
        impl #ident {
            #[allow(dead_code, missing_docs)]
            pub fn get_request(#(#params: #str_,)* _id: #str_) -> #get {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn list_request(#(#params: #str_),*) -> #list {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn delta_request(#(#params: #str_),*) -> #delta {
                ::core::unreachable!()
            }
            #writing
        }
    }
}

/// Placeholder `request` and `request_at` of an action, taking as many parameters as the
/// `path` given has placeholders and reading as the `returns` given (`()` where none was
/// read).
fn action(
    runtime: &Runtime,
    ident: &syn::Ident,
    path: Option<&syn::LitStr>,
    returns: Option<&syn::Type>,
) -> TokenStream {
    let arity = path.map_or(0, |path| lenient_arity(&path.value()));
    let params: Vec<_> = (0..arity).map(|i| format_ident!("_param{}", i)).collect();
    let str_ = quote!(&::core::primitive::str);
    let returned = returns.map_or_else(|| quote!(()), |ty| quote!(#ty));
    let result = quote! {
        ::core::result::Result<#runtime::ActionRequest<#returned>, #runtime::ValidationError>
    };
    quote! {
        impl #ident {
            #[allow(dead_code, missing_docs)]
            pub fn request(&self, #(#params: #str_),*) -> #result {
                ::core::unreachable!()
            }
            #[allow(dead_code, missing_docs)]
            pub fn request_at(&self, _template: #str_, _params: &[#str_]) -> #result {
                ::core::unreachable!()
            }
        }
    }
}

/// How many `{...}` groups a path has, counted leniently: for an invalid path (already
/// reported), the placeholder operations still take that many arguments, so calls to them
/// report nothing but the real mistake.
fn lenient_arity(raw: &str) -> usize {
    let mut count = 0;
    let mut open = false;
    for c in raw.chars() {
        match c {
            '{' => open = true,
            '}' if open => {
                open = false;
                count += 1;
            }
            _ => {}
        }
    }
    count
}

/// Placeholder Serialize, Deserialize and `GraphValue`, so that types using this one
/// report nothing more.
/// A placeholder `GraphType`, for an object or a union: reads and updates at a path
/// report nothing more.
fn graph_type(runtime: &Runtime, ident: &syn::Ident) -> TokenStream {
    let rt = runtime.private();
    quote! {
        impl #rt::GraphType for #ident {
            const __NAME: &'static ::core::primitive::str = "";
        }
    }
}

fn placeholders(runtime: &Runtime, ident: &syn::Ident) -> TokenStream {
    let rt = runtime.private();
    quote! {
        impl #rt::serde::Serialize for #ident {
            fn serialize<__S: #rt::serde::Serializer>(
                &self,
                _: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::core::unreachable!()
            }
        }
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                _: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                ::core::unreachable!()
            }
        }
        impl #rt::GraphValue for #ident {
            type __Kind = #rt::OwnMethods;

            fn __serialize_in_mode<__S: #rt::serde::Serializer>(
                &self,
                _: __S,
                _: #rt::Mode,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                ::core::unreachable!()
            }
            fn __validate_at(&self, _: &#rt::PropertyPath<'_>, _: &mut #rt::Violations) {
                ::core::unreachable!()
            }
            fn __write_json(
                &self,
                _: &mut ::std::vec::Vec<::core::primitive::u8>,
                _: #rt::Mode,
            ) -> ::core::result::Result<(), #rt::serde_json::Error> {
                ::core::unreachable!()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lenient_arity;

    #[test]
    fn arity_is_counted_even_for_an_invalid_path() {
        assert_eq!(lenient_arity("/a/{id}/b/{id}"), 2);
        assert_eq!(lenient_arity("/a/{}/b"), 1);
        assert_eq!(lenient_arity("/a/{id/b"), 0);
        assert_eq!(lenient_arity("users"), 0);
    }
}
