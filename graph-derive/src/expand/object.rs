//! Code for a checked `#[graph_resource]` or `#[graph_complex]`: the struct, the
//! Serialize/Deserialize impls and validation; for a resource also `GraphResource` and
//! `create_request`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{json, private, table};
use crate::model::{Field, Kind, Object};
use crate::template::PathTemplate;

/// Expands an object whose checks all passed (so a resource has its `path` and `odata`).
pub fn expand(object: &Object) -> TokenStream {
    let item = &object.item;
    let ident = &item.ident;
    let rt = private();
    let names = object.fields.iter().map(|f| f.json_name.as_str());
    // The table that finds a property by name when reading.
    let names_list: Vec<&str> = object.fields.iter().map(|f| f.json_name.as_str()).collect();
    let table = table::build(&names_list);
    let seed = table.seed;
    let slots = table.slots.iter().map(|&index| {
        if index == table::EMPTY {
            quote!(#rt::EMPTY_SLOT)
        } else {
            let name = names_list[usize::from(index)];
            let (first, last) = table::name_words(name.as_bytes());
            let len = u32::try_from(name.len()).unwrap_or(u32::MAX);
            quote!(#rt::slot(#index, #len, #first, #last))
        }
    });
    let resource = match (object.kind, &object.path, &object.odata) {
        (Kind::Resource, Some((path, _)), Some(odata)) => resource(object, path, odata),
        _ => TokenStream::new(),
    };
    // A type with an OData type can be a `#[graph_union]` variant.
    let has_odata_type = object.odata.as_ref().map(|odata| {
        quote! {
            #[automatically_derived]
            impl #rt::HasODataType for #ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata;
            }
        }
    });
    let serialize = serialize(object);
    let deserialize = deserialize(object);
    let validate = validate(object);
    quote! {
        #item

        const _: () = {
            /// The declared properties' JSON names, in declaration order.
            const __NAMES: &[&::core::primitive::str] = &[#(#names),*];
            /// The table that finds them when reading.
            static __LOOKUP: #rt::Names = #rt::Names {
                names: __NAMES,
                table: &[#(#slots),*],
                seed: #seed,
            };

            #resource
            #has_odata_type

            #[automatically_derived]
            impl #rt::GraphValue for #ident {
                #serialize
                #validate
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

            #deserialize
        };
    }
}

/// `GraphResource` and `create_request(&self, one: &str, ...)`, one argument per
/// placeholder.
fn resource(object: &Object, path: &PathTemplate, odata: &str) -> TokenStream {
    let ident = &object.item.ident;
    let rt = private();
    let raw_path = &path.raw;
    let literals = &path.literals;
    let names: Vec<&str> = path.params.iter().map(|p| p.name.as_str()).collect();
    let params: Vec<_> = path.params.iter().map(|p| &p.ident).collect();
    let summary = format!(
        " Builds the request that creates this `{}`: `POST {}`, with this value as the JSON body.",
        odata.trim_start_matches('#'),
        path.raw
    );
    let mut docs = vec![summary];
    if !path.params.is_empty() {
        docs.push(String::new());
        for param in &path.params {
            docs.push(format!(
                " `{}` fills `{{{}}}`, percent-encoded as exactly one path segment.",
                param.ident, param.name
            ));
        }
    }
    let errors = [
        "",
        " # Errors",
        "",
        " A `ValidationError` naming every required property that is missing, every enum",
        " property set to `unknownFutureValue` and every empty path parameter, at any depth.",
        " Nothing is built unless the value is valid.",
    ];
    quote! {
        #[automatically_derived]
        impl ::graph_core::GraphResource for #ident {
            const PATH: &'static ::core::primitive::str = #raw_path;
            const ODATA_TYPE: &'static ::core::primitive::str = #odata;

            fn validate(&self) -> ::core::result::Result<(), ::graph_core::ValidationError> {
                #rt::validate(self)
            }
        }

        impl #ident {
            #(#[doc = #docs])*
            #(#[doc = #errors])*
            #[allow(dead_code)]
            pub fn create_request(
                &self,
                #(#params: &::core::primitive::str),*
            ) -> ::core::result::Result<::graph_core::CreateRequest<Self>, ::graph_core::ValidationError> {
                #rt::create_request(self, &[#(#literals),*], &[#(#names),*], &[#(#params),*])
            }
        }
    }
}

/// `GraphValue::__serialize_in_mode`: `@odata.type` where the type has one, then each field
/// that is set, in order (read-only fields only in `Mode::Full`), then the additional data.
fn serialize(object: &Object) -> TokenStream {
    let rt = private();
    let odata = object.odata.as_ref().map(|odata| {
        quote!(#rt::serde::ser::SerializeMap::serialize_entry(&mut __map, "@odata.type", #odata)?;)
    });
    // Whether a field is written is up to its type: `None` is left out (through type
    // aliases too), every other value is written.
    let entries = object.fields.iter().map(|field| {
        let member = &field.member;
        let name = &field.json_name;
        let written = if field.read_only.is_some() {
            quote!(__mode.writes_read_only() && !(&#rt::Probe(&self.#member)).__graph_is_none())
        } else {
            quote!(!(&#rt::Probe(&self.#member)).__graph_is_none())
        };
        let write = quote_spanned! {field.ty.span()=>
            #rt::serde::ser::SerializeMap::serialize_entry(
                &mut __map,
                #name,
                &(&#rt::Probe(&self.#member)).__graph_in_mode(__mode),
            )?;
        };
        quote! {
            if #written {
                #write
            }
        }
    });
    let additional = object.additional.as_ref().map(|additional| {
        let member = &additional.member;
        quote_spanned! {additional.ty.span()=>
            ::graph_core::__private::serialize_additional(&mut __map, &self.#member)?;
        }
    });
    let writer = write_json(object);
    quote! {
        fn __serialize_in_mode<__S: #rt::serde::Serializer>(
            &self,
            __serializer: __S,
            __mode: #rt::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            #[allow(unused_imports)]
            use #rt::{ProbeGraph as _, ProbeNotOption as _, ProbeOption as _, ProbeSerde as _};
            let mut __map = #rt::serde::Serializer::serialize_map(__serializer, ::core::option::Option::None)?;
            #odata
            #(#entries)*
            #additional
            #rt::serde::ser::SerializeMap::end(__map)
        }

        #writer
    }
}

/// `GraphValue::__write_json`: the same JSON as `__serialize_in_mode`, written directly.
/// Every property is written with a leading comma, each key pre-escaped here; at the end
/// the first comma becomes the opening brace.
fn write_json(object: &Object) -> TokenStream {
    let rt = private();
    let odata = object.odata.as_ref().map(|odata| {
        let bytes = syn::LitByteStr::new(
            format!(",{}:{}", json::string("@odata.type"), json::string(odata)).as_bytes(),
            proc_macro2::Span::call_site(),
        );
        quote!(__out.extend_from_slice(#bytes);)
    });
    let fields = object.fields.iter().map(|field| {
        let member = &field.member;
        let prefix = syn::LitByteStr::new(
            &json::property_prefix(&field.json_name),
            proc_macro2::Span::call_site(),
        );
        let written = if field.read_only.is_some() {
            quote!(__mode.writes_read_only() && !(&#rt::Probe(&self.#member)).__graph_is_none())
        } else {
            quote!(!(&#rt::Probe(&self.#member)).__graph_is_none())
        };
        let write = quote_spanned! {field.ty.span()=>
            (&::graph_core::__private::Probe(&self.#member)).__graph_write_json(__out, __mode)?;
        };
        quote! {
            if #written {
                __out.extend_from_slice(#prefix);
                #write
            }
        }
    });
    let additional = object.additional.as_ref().map(|additional| {
        let member = &additional.member;
        quote!(#rt::write_additional(__out, &self.#member)?;)
    });
    // Room for every property with a short value; a buffer grows past it if need be.
    let hint: usize = 16
        + object.odata.as_ref().map_or(0, |odata| odata.len() + 18)
        + object
            .fields
            .iter()
            .map(|field| field.json_name.len() + 16)
            .sum::<usize>();
    quote! {
        fn __write_json(
            &self,
            __out: &mut ::std::vec::Vec<::core::primitive::u8>,
            __mode: #rt::Mode,
        ) -> ::core::result::Result<(), #rt::serde_json::Error> {
            #[allow(unused_imports)]
            use #rt::{ProbeGraph as _, ProbeNotOption as _, ProbeOption as _, ProbeSerde as _};
            let __start = __out.len();
            #odata
            #(#fields)*
            #additional
            #rt::finish_object(__out, __start);
            ::core::result::Result::Ok(())
        }

        const SIZE_HINT: ::core::primitive::usize = #hint;
    }
}

/// `GraphValue::__validate_at`: each required field is set, each field's value is valid
/// itself (enum sentinels, nested types, at their paths), and the additional data does not
/// hold a declared property. Read-only fields are never sent, so they are not checked.
fn validate(object: &Object) -> TokenStream {
    let rt = private();
    let checks = object
        .fields
        .iter()
        .filter(|field| field.read_only.is_none())
        .map(check);
    let additional = object.additional.as_ref().map(|additional| {
        let member = &additional.member;
        let writes_odata = object.odata.is_some();
        quote!(#rt::check_additional(&self.#member, __NAMES, #writes_odata, __at, __out);)
    });
    quote! {
        fn __validate_at(&self, __at: &#rt::PropertyPath<'_>, __out: &mut #rt::Violations) {
            #[allow(unused_imports)]
            use #rt::{ProbeGraph as _, ProbeSerde as _};
            #(#checks)*
            #additional
        }
    }
}

fn check(field: &Field) -> TokenStream {
    let rt = private();
    let member = &field.member;
    let name = &field.json_name;
    let required = field
        .required
        .map(|_| quote!(#rt::check_required(&self.#member, __at, #name, __out);));
    quote! {
        #required
        (&#rt::Probe(&self.#member)).__graph_validate(&#rt::PropertyPath::Property(__at, #name), __out);
    }
}

/// `Deserialize`: a map visitor that matches each key against the declared JSON names,
/// leaves a missing or `null` value to the field's type (an `Option` reads it as `None`,
/// anything else refuses it, naming the property), and skips
/// `@odata.type`, `@odata.context` and, unless there is an additional-data field that
/// collects them, every other key.
fn deserialize(object: &Object) -> TokenStream {
    let rt = private();
    let ident = &object.item.ident;
    // Each slot carries its field type's span: rustc reports an unmet bound on a call at the
    // argument that fixes the type, and this puts it at the user's field.
    let slots: Vec<_> = object
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| format_ident!("__field{}", i, span = field.ty.span()))
        .collect();
    let declarations = object.fields.iter().zip(&slots).map(|(field, slot)| {
        let ty = &field.ty;
        quote_spanned! {ty.span()=>
            let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
        }
    });
    let arms = object
        .fields
        .iter()
        .zip(&slots)
        .enumerate()
        .map(|(i, (field, slot))| {
            let name = &field.json_name;
            // Every token of the call carries the field type's span (the path is spelled
            // out rather than `#rt`), so a missing Deserialize impl is reported there.
            let span = field.ty.span();
            // A field written as `Option<T>` reads `null` itself; any other type goes
            // through a reader that hands `null` to the type and names the property if it
            // refuses it.
            let read = if field.option {
                quote_spanned!(span=> next_optional_value)
            } else {
                quote_spanned!(span=> next_value)
            };
            // With additional data, keys read as `FieldKey`s; without, as plain indexes.
            let pattern = if object.additional.is_some() {
                quote_spanned!(span=> #rt::FieldKey::Field(#i))
            } else {
                quote_spanned!(span=> #i)
            };
            quote_spanned! {span=>
                #pattern => ::graph_core::__private::#read(&mut __map, &mut #slot, #name)?,
            }
        });
    // A missing property is up to its type too: an `Option` (through type aliases too) is
    // `None`, anything else is an error naming it.
    let inits = object.fields.iter().zip(&slots).map(|(field, slot)| {
        let member = &field.member;
        let name = &field.json_name;
        if field.option {
            quote!(#member: ::core::option::Option::flatten(#slot),)
        } else {
            quote!(#member: #rt::take(#slot, #name)?,)
        }
    });
    let (seed, additional_slot, additional_arm, additional_init) = match &object.additional {
        Some(additional) => {
            let member = &additional.member;
            let span = additional.ty.span();
            let slot = format_ident!("__additional", span = span);
            (
                quote!(#rt::FieldKeySeed(&__LOOKUP)),
                quote_spanned! {span=>
                    let mut #slot = ::graph_core::__private::serde_json::Map::new();
                },
                quote_spanned! {span=>
                    #rt::FieldKey::Undeclared(__name) => ::graph_core::__private::next_additional(&mut __map, &mut #slot, __name)?,
                },
                quote!(#member: #slot,),
            )
        }
        None => (
            quote!(#rt::FieldIndexSeed(&__LOOKUP)),
            TokenStream::new(),
            TokenStream::new(),
            TokenStream::new(),
        ),
    };
    let expecting = match &object.odata {
        Some(odata) => format!("a {} object", odata.trim_start_matches('#')),
        None => format!("a JSON object for {ident}"),
    };
    quote! {
        #[automatically_derived]
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;

                impl<'de> #rt::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;

                    fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        __f.write_str(#expecting)
                    }

                    fn visit_map<__A: #rt::serde::de::MapAccess<'de>>(
                        self,
                        mut __map: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        #(#declarations)*
                        #additional_slot
                        while let ::core::option::Option::Some(__key) =
                            #rt::serde::de::MapAccess::next_key_seed(&mut __map, #seed)?
                        {
                            match __key {
                                #(#arms)*
                                #additional_arm
                                _ => #rt::skip_value(&mut __map)?,
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#inits)*
                            #additional_init
                        })
                    }
                }

                #rt::serde::Deserializer::deserialize_map(__deserializer, __Visitor)
            }
        }
    }
}
