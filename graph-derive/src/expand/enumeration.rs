//! Code for a checked `#[graph_enum]`: `GraphEnum`, Serialize/Deserialize as the member's
//! JSON name, and validation of the sentinel.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

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
            impl #rt::GraphFlags for #ident {}
        }
    });
    let alias = runtime.alias();
    quote! {
        #item

        const _: () = {
            #alias
            #[automatically_derived]
            impl #rt::GraphEnum for #ident {
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
            }

            #[automatically_derived]
            impl #rt::serde::Serialize for #ident {
                fn serialize<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #rt::serde::Serializer::serialize_str(__serializer, #rt::GraphEnum::as_str(self))
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

            // Written as its name and validated by the runtime's generic code (`EnumValue`).
            #[automatically_derived]
            impl #rt::GraphValue for #ident {
                type __Kind = #rt::EnumValue;

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
