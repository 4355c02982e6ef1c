//! Code for a checked `#[graph_enum]`: `GraphEnum`, Serialize/Deserialize as the member's
//! JSON name, and validation of the sentinel.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::json;
use crate::model::Enumeration;

pub fn expand(enumeration: &Enumeration<'_>) -> TokenStream {
    let item = enumeration.item;
    let ident = &item.ident;
    let runtime = &enumeration.runtime;
    let rt = runtime.private();
    let names: Vec<&str> = enumeration
        .members
        .iter()
        .map(|member| member.json_name.as_str())
        .collect();
    let variants: Vec<_> = enumeration
        .members
        .iter()
        .map(|member| &member.ident)
        .collect();

    // Requests for a type that holds this enum ask for the members Graph holds back.
    let late_members = enumeration.late_members().then(|| {
        quote! {
            #[inline]
            fn __late_members(_: &mut #rt::TypeWalk) -> ::core::primitive::bool {
                true
            }
        }
    });

    // Each member's JSON string, escaped here once.
    let written: Vec<syn::LitByteStr> = names
        .iter()
        .map(|name| {
            syn::LitByteStr::new(
                json::string(name).as_bytes(),
                proc_macro2::Span::call_site(),
            )
        })
        .collect();
    let other_write = enumeration.other.as_ref().map(|other| {
        let variant = &other.ident;
        quote! {
            Self::#variant(__member) => #rt::write_serde(
                __out,
                ::core::convert::AsRef::<::core::primitive::str>::as_ref(__member),
            ),
        }
    });

    // What a name that is not declared becomes: the `other` variant keeps it; else the
    // sentinel stands for it; else it is an error.
    let (other_as_str, unknown) = match (&enumeration.other, enumeration.sentinel()) {
        (Some(other), _) => {
            let variant = &other.ident;
            let ty = &other.ty;
            (
                quote_spanned! {ty.span()=>
                    Self::#variant(__member) => ::core::convert::AsRef::<::core::primitive::str>::as_ref(__member),
                },
                quote_spanned! {ty.span()=>
                    __member => ::core::option::Option::Some(
                        Self::#variant(<#ty as ::core::convert::From<&::core::primitive::str>>::from(__member)),
                    ),
                },
            )
        }
        (None, Some(sentinel)) => {
            let variant = &sentinel.ident;
            (
                quote!(),
                quote!(_ => ::core::option::Option::Some(Self::#variant),),
            )
        }
        (None, None) => (quote!(), quote!(_ => ::core::option::Option::None,)),
    };
    let expecting = format!("a {ident}");
    // A flags enum's properties hold sets of its members (`Flags<Self>`).
    let flags = enumeration.flags.then(|| {
        quote! {
            #[automatically_derived]
            impl #runtime::__private::GraphFlags for #ident {}
        }
    });
    quote! {
        #item

        const _: () = {
            #[automatically_derived]
            impl #runtime::__private::GraphEnum for #ident {
                const MEMBERS: &'static [&'static ::core::primitive::str] = &[#(#names),*];

                #[inline]
                fn as_str(&self) -> &::core::primitive::str {
                    match self {
                        #(Self::#variants => #names,)*
                        #other_as_str
                    }
                }

                #[inline]
                fn from_member(__member: &::core::primitive::str) -> ::core::option::Option<Self> {
                    match __member {
                        #(#names => ::core::option::Option::Some(Self::#variants),)*
                        // Not as declared: a member in another case (Graph's own pages
                        // write `Required`, `HTML`), found only after the exact match.
                        _ => match #rt::member_in_another_case::<Self>(__member) {
                            ::core::option::Option::Some(__declared) => ::core::option::Option::Some(__declared),
                            ::core::option::Option::None => match __member {
                                #unknown
                            },
                        },
                    }
                }

                // By name, so that an `other` variant holding the sentinel's name (an enum
                // without a sentinel variant reads it so) is never sendable either.
                #[inline]
                fn is_unknown_future_value(&self) -> ::core::primitive::bool {
                    #runtime::__private::GraphEnum::as_str(self) == "unknownFutureValue"
                }
            }

            #[automatically_derived]
            impl #rt::serde::Serialize for #ident {
                fn serialize<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #rt::serde::Serializer::serialize_str(__serializer, #runtime::__private::GraphEnum::as_str(self))
                }
            }

            #[automatically_derived]
            impl<'de> #rt::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                    __deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #rt::deserialize_enum(__deserializer)
                }
            }

            #[automatically_derived]
            impl #rt::GraphValue for #ident {
                fn __serialize_in_mode<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                    _: #rt::Mode,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #rt::serde::Serialize::serialize(self, __serializer)
                }

                #[inline]
                fn __validate_at(&self, __at: &#rt::PropertyPath<'_>, __out: &mut #rt::Violations) {
                    #rt::check_enum(self, __at, __out);
                }

                #[inline]
                fn __write_json(
                    &self,
                    __out: &mut ::std::vec::Vec<::core::primitive::u8>,
                    _: #rt::Mode,
                ) -> ::core::result::Result<(), #rt::serde_json::Error> {
                    match self {
                        #(Self::#variants => {
                            __out.extend_from_slice(#written);
                            ::core::result::Result::Ok(())
                        })*
                        #other_write
                    }
                }

                #late_members
            }

            // An action returning the enum reads it from `value`, as OData writes it.
            #[automatically_derived]
            impl #rt::ActionReturn for #ident {
                #[inline]
                fn __read(
                    __status: #rt::http::StatusCode,
                    __headers: &#rt::http::HeaderMap,
                    __body: &[::core::primitive::u8],
                ) -> ::core::result::Result<Self, #runtime::GraphError> {
                    #rt::read_value(__status, __headers, __body, #expecting)
                }
            }

            #flags
        };
    }
}
