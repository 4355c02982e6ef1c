//! Code for a checked `#[graph_union]`: the variants' OData types for dispatch (and a
//! compile-time check that no two are the same), writing and validating the variant that is
//! present, and reading through the runtime's `@odata.type` dispatch.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::Union;

pub fn expand(union: &Union<'_>) -> TokenStream {
    let item = union.item;
    let odata = &union.base_type;
    let ident = &item.ident;
    let runtime = &union.runtime;
    let rt = runtime.private();
    let typed: Vec<_> = union.typed().collect();

    // Each typed variant's OData type, read from its type at compile time; a type without
    // one is reported at the variant by `HasODataType`'s diagnostic.
    let odata_of = |ty: &syn::Type| {
        let rt = runtime.private_at(ty.span());
        quote_spanned! {ty.span()=>
            <#ty as #rt::HasODataType>::ODATA_TYPE
        }
    };
    let variant_types: Vec<_> = typed.iter().map(|v| odata_of(v.ty)).collect();
    let base_index = match union.base {
        Some(_) => {
            let index = union.derived.len();
            quote!(::core::option::Option::Some(#index))
        }
        None => quote!(::core::option::Option::None),
    };

    // Two variants with one OData type could never both be read: a compile error, found by
    // evaluating the types' constants, at the later variant. One array of the types, one
    // evaluation that finds the first repeated one, and one comparison of integers per
    // variant, so that a union of hundreds of derived types (Graph's `auditData` has about
    // 400) expands in code proportional to its variants and evaluates in `N log N` steps.
    let checks = typed.iter().enumerate().skip(1).map(|(j, b)| {
        let message = format!(
            "variant `{}` of `{ident}` holds a type with the same OData type as an earlier \
             variant's; each derived type can be one variant only",
            b.ident
        );
        quote_spanned! {b.ty.span()=>
            if __DUPLICATE == #j {
                ::core::panic!(#message);
            }
        }
    });
    let count = variant_types.len();
    let duplicates = (count > 1).then(|| {
        quote! {
            const __DUPLICATE: ::core::primitive::usize =
                #rt::first_duplicate::<#count>(&[#(#variant_types),*]);
            #(#checks)*
        }
    });

    let read_arms = typed.iter().enumerate().map(|(i, variant)| {
        let name = &variant.ident;
        let ty = &variant.ty;
        quote_spanned! {ty.span()=>
            #i => ::core::result::Result::Ok(Self::#name(
                <#ty as #rt::serde::Deserialize<'de>>::deserialize(__deserializer)?,
            )),
        }
    });
    let (has_other, other_fn) = match &union.other {
        Some(other) => {
            let name = &other.ident;
            (
                quote!(true),
                quote!(::core::option::Option::Some(Self::#name(__object))),
            )
        }
        None => (quote!(false), quote!(::core::option::Option::None)),
    };

    // The typed variants write and validate themselves; `other` is kept whole and opaque:
    // written back as read, in every mode, with nothing to validate.
    let names: Vec<_> = typed.iter().map(|variant| variant.ident).collect();
    let other: Vec<_> = union.other.iter().map(|other| other.ident).collect();
    let write_arms = quote! {
        #(Self::#names(__value) => #rt::GraphValue::__serialize_in_mode(__value, __serializer, __mode),)*
        #(Self::#other(__value) => #rt::serde::Serialize::serialize(__value, __serializer),)*
    };
    let write_json_arms = quote! {
        #(Self::#names(__value) => #rt::GraphValue::__write_json(__value, __out, __mode),)*
        #(Self::#other(__value) => #rt::write_serde(__out, __value),)*
    };
    let variant_tys: Vec<_> = typed.iter().map(|variant| variant.ty).collect();
    let validate_arms = quote! {
        #(Self::#names(__value) => #rt::GraphValue::__validate_at(__value, __at, __out),)*
        #(Self::#other(_) => {})*
    };

    // A type requests are built for: read at any path.
    let name = odata.trim_start_matches('#');
    let graph_type = quote! {
        #[automatically_derived]
        impl #rt::GraphType for #ident {
            const __NAME: &'static ::core::primitive::str = #name;
        }
    };

    // Read from a collection path: `GraphResource`, `get_request` and `list_request`.
    let resource = union.path.as_ref().map(|path| {
        let graph_resource = super::object::graph_resource(runtime, ident, path, odata, None);
        let reads = super::object::Operations::new(runtime, path, odata).reads();
        quote! {
            #graph_resource

            #[allow(dead_code)]
            impl #ident {
                #reads
            }
        }
    });

    let alias = runtime.alias();
    quote! {
        #item

        const _: () = {
            #alias
            const _: () = {
                #duplicates
            };

            #resource
            #graph_type

            #[automatically_derived]
            impl #rt::GraphUnion for #ident {
                const BASE: &'static ::core::primitive::str = #odata;
                const VARIANTS: &'static [&'static ::core::primitive::str] = &[#(#variant_types),*];
                const BASE_VARIANT: ::core::option::Option<::core::primitive::usize> = #base_index;
                const HAS_OTHER: ::core::primitive::bool = #has_other;

                fn deserialize_variant<'de, __D: #rt::serde::Deserializer<'de>>(
                    __index: ::core::primitive::usize,
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    match __index {
                        #(#read_arms)*
                        _ => ::core::result::Result::Err(
                            <__D::Error as #rt::serde::de::Error>::custom("no such variant"),
                        ),
                    }
                }

                #[inline]
                fn other(
                    __object: #rt::serde_json::Map<::std::string::String, #rt::serde_json::Value>,
                ) -> ::core::option::Option<Self> {
                    #other_fn
                }
            }

            #[automatically_derived]
            impl #rt::GraphValue for #ident {
                type __Kind = #rt::OwnMethods;

                fn __serialize_in_mode<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                    __mode: #rt::Mode,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    match self {
                        #write_arms
                    }
                }

                #[inline]
                fn __validate_at(&self, __at: &#rt::PropertyPath<'_>, __out: &mut #rt::Violations) {
                    match self {
                        #validate_arms
                    }
                }

                #[inline]
                fn __write_json(
                    &self,
                    __out: &mut ::std::vec::Vec<::core::primitive::u8>,
                    __mode: #rt::Mode,
                ) -> ::core::result::Result<(), #rt::serde_json::Error> {
                    match self {
                        #write_json_arms
                    }
                }

                #[inline]
                fn __late_members(__walk: &mut #rt::TypeWalk) -> ::core::primitive::bool {
                    static __CELL: #rt::LateCell = #rt::LateCell::new();
                    match __walk.enter(&__CELL) {
                        ::core::option::Option::Some(__known) => __known,
                        ::core::option::Option::None => {
                            let __late = false #(|| <#variant_tys as #rt::GraphValue>::__late_members(__walk))*;
                            __walk.leave(&__CELL, __late)
                        }
                    }
                }
            }

            #[automatically_derived]
            impl #rt::serde::Serialize for #ident {
                fn serialize<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #rt::GraphValue::__serialize_in_mode(self, __serializer, #rt::Mode::Full)
                }
            }

            #[automatically_derived]
            impl<'de> #rt::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #rt::deserialize_union(__deserializer)
                }
            }
        };
    }
}
