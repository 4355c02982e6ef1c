//! Code for a checked `#[graph_resource]`: the struct, `GraphResource`, `create_request`,
//! and the Serialize/Deserialize impls.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::private;
use crate::model::{Field, Resource};
use crate::template::PathTemplate;

/// Expands a resource whose checks all passed (so `path` and `odata` are present).
pub fn expand(resource: &Resource, path: &PathTemplate, odata: &str) -> TokenStream {
    let item = &resource.item;
    let ident = &item.ident;
    let rt = private();
    let raw_path = &path.raw;
    let create_request = create_request(path, odata);
    let serialize = serialize(resource, odata);
    let deserialize = deserialize(resource, odata);
    let validate = validate(&resource.fields);
    quote! {
        #item

        const _: () = {
            #[automatically_derived]
            impl ::graph_core::GraphResource for #ident {
                const PATH: &'static str = #raw_path;
                const ODATA_TYPE: &'static str = #odata;

                fn validate(&self) -> ::core::result::Result<(), ::graph_core::ValidationError> {
                    #rt::validate(self)
                }
            }

            impl #ident {
                #create_request
            }

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
                    #rt::GraphValue::graph_serialize(self, __serializer, #rt::Mode::Full)
                }
            }

            #deserialize
        };
    }
}

/// `create_request(&self, one: &str, ...)`, one argument per placeholder.
fn create_request(path: &PathTemplate, odata: &str) -> TokenStream {
    let rt = private();
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
        " property set to `unknownFutureValue` and every empty path parameter. Nothing is",
        " built unless the value is valid.",
    ];
    quote! {
        #(#[doc = #docs])*
        #(#[doc = #errors])*
        #[allow(dead_code)]
        pub fn create_request(
            &self,
            #(#params: &str),*
        ) -> ::core::result::Result<::graph_core::CreateRequest<Self>, ::graph_core::ValidationError> {
            #rt::create_request(self, &[#(#literals),*], &[#(#names),*], &[#(#params),*])
        }
    }
}

/// `GraphValue::graph_serialize`: `@odata.type`, then each field that is set, in order;
/// read-only fields only in `Mode::Full`.
fn serialize(resource: &Resource, odata: &str) -> TokenStream {
    let rt = private();
    let entries = resource.fields.iter().map(|field| {
        let member = &field.member;
        let name = &field.json_name;
        let write = |value: TokenStream| {
            quote_spanned! {field.ty.span()=>
                #rt::serde::ser::SerializeMap::serialize_entry(
                    &mut __map,
                    #name,
                    &(&#rt::Probe(#value)).__graph_in_mode(__mode),
                )?;
            }
        };
        let entry = if field.option {
            let write = write(quote!(__value));
            quote! {
                if let ::core::option::Option::Some(__value) = &self.#member {
                    #write
                }
            }
        } else {
            write(quote!(&self.#member))
        };
        if field.read_only.is_some() {
            quote! {
                if __mode.writes_read_only() {
                    #entry
                }
            }
        } else {
            entry
        }
    });
    quote! {
        fn graph_serialize<__S: #rt::serde::Serializer>(
            &self,
            __serializer: __S,
            __mode: #rt::Mode,
        ) -> ::core::result::Result<__S::Ok, __S::Error> {
            #[allow(unused_imports)]
            use #rt::{ProbeGraph as _, ProbeSerde as _};
            let mut __map = #rt::serde::Serializer::serialize_map(__serializer, ::core::option::Option::None)?;
            #rt::serde::ser::SerializeMap::serialize_entry(&mut __map, "@odata.type", #odata)?;
            #(#entries)*
            #rt::serde::ser::SerializeMap::end(__map)
        }
    }
}

/// `GraphValue::graph_validate`: each required field is set, and each field's value is
/// valid itself (enum sentinels, nested types). Read-only fields are never sent, so they
/// are not checked.
fn validate(fields: &[Field]) -> TokenStream {
    let rt = private();
    let checks = fields
        .iter()
        .filter(|field| field.read_only.is_none())
        .map(|field| {
            let member = &field.member;
            let name = &field.json_name;
            let required = field.required.map(|_| {
                quote!(#rt::check_required(&self.#member, __at, #name, __out);)
            });
            quote! {
                #required
                (&#rt::Probe(&self.#member)).__graph_validate(&#rt::PropertyPath::Property(__at, #name), __out);
            }
        });
    quote! {
        fn graph_validate(&self, __at: &#rt::PropertyPath<'_>, __out: &mut #rt::Violations) {
            #[allow(unused_imports)]
            use #rt::{ProbeGraph as _, ProbeSerde as _};
            #(#checks)*
        }
    }
}

/// `Deserialize`: a map visitor that matches each key against the declared JSON names,
/// skips `@odata.*` and undeclared properties, and refuses a missing or `null` value for a
/// field that is not an `Option`.
fn deserialize(resource: &Resource, odata: &str) -> TokenStream {
    let rt = private();
    let ident = &resource.item.ident;
    let names: Vec<&str> = resource
        .fields
        .iter()
        .map(|f| f.json_name.as_str())
        .collect();
    // Each slot carries its field type's span: rustc reports an unmet bound on a call at the
    // argument that fixes the type, and this puts it at the user's field.
    let slots: Vec<_> = resource
        .fields
        .iter()
        .enumerate()
        .map(|(i, field)| format_ident!("__field{}", i, span = field.ty.span()))
        .collect();
    let declarations = resource.fields.iter().zip(&slots).map(|(field, slot)| {
        let ty = &field.ty;
        quote_spanned! {ty.span()=>
            let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
        }
    });
    let arms = resource
        .fields
        .iter()
        .zip(&slots)
        .enumerate()
        .map(|(i, (field, slot))| {
            let name = &field.json_name;
            // Every token of the call carries the field type's span (the path is spelled
            // out rather than `#rt`), so a missing Deserialize impl is reported there.
            let span = field.ty.span();
            let read = if field.option {
                quote_spanned!(span=> next_value)
            } else {
                quote_spanned!(span=> next_value_non_null)
            };
            quote_spanned! {span=>
                #rt::FieldKey::Field(#i) => ::graph_core::__private::#read(&mut __map, &mut #slot, #name)?,
            }
        });
    let inits = resource.fields.iter().zip(&slots).map(|(field, slot)| {
        let member = &field.member;
        let name = &field.json_name;
        if field.option {
            quote!(#member: ::core::option::Option::flatten(#slot),)
        } else {
            quote!(#member: #rt::take(#slot, #name)?,)
        }
    });
    let expecting = format!("a {} object", odata.trim_start_matches('#'));
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
                        const __NAMES: &[&str] = &[#(#names),*];
                        #(#declarations)*
                        while let ::core::option::Option::Some(__key) =
                            #rt::serde::de::MapAccess::next_key_seed(&mut __map, #rt::FieldKeySeed(__NAMES))?
                        {
                            match __key {
                                #(#arms)*
                                _ => #rt::skip_value(&mut __map)?,
                            }
                        }
                        ::core::result::Result::Ok(#ident {
                            #(#inits)*
                        })
                    }
                }

                #rt::serde::Deserializer::deserialize_map(__deserializer, __Visitor)
            }
        }
    }
}
