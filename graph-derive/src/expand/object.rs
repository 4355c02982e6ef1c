//! Code for a checked `#[graph_resource]` or `#[graph_complex]`: the struct, the
//! Serialize/Deserialize impls and validation; for a resource also `GraphResource` and
//! `create_request`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use super::json;
use crate::model::{
    Object, ObjectKind, PathTemplate, Permissions, Presence, Runtime, SchemePermissions,
};

/// Expands a checked object.
pub fn expand(object: &Object<'_>) -> TokenStream {
    let item = object.item;
    let ident = &item.ident;
    let rt = object.runtime.private();
    let resource = match &object.kind {
        ObjectKind::Resource {
            path,
            odata,
            permissions,
        } => resource(object, path, odata, permissions.as_deref()),
        ObjectKind::Complex { .. } => TokenStream::new(),
        ObjectKind::Action {
            path,
            returns,
            permissions,
            name,
        } => action(object, path, returns.as_deref(), permissions.as_ref(), name),
    };
    // A type with an OData type can be a `#[graph_union]` variant.
    let has_odata_type = object.odata().map(|odata| {
        quote! {
            #[automatically_derived]
            impl #rt::HasODataType for #ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata;
            }
        }
    });
    // Every object is a type requests are built for (reads and updates at any path).
    let name = object.odata().map_or_else(
        || ident.to_string(),
        |odata| odata.trim_start_matches('#').to_owned(),
    );
    let permissions = matches!(object.kind, ObjectKind::Resource { .. }).then(|| {
        let runtime = &object.runtime;
        quote! {
            const __PERMISSIONS: #rt::Permissions = <Self as #runtime::GraphResource>::PERMISSIONS;
        }
    });
    // An action's parameters are sent, never read at a path.
    let graph_type = (!matches!(object.kind, ObjectKind::Action { .. })).then(|| {
        quote! {
            #[automatically_derived]
            impl #rt::GraphType for #ident {
                const __NAME: &'static ::core::primitive::str = #name;
                #permissions
            }
        }
    });
    let info = info(object);
    let descends = descends(object);
    let fields = fields(object);
    let deserialize = deserialize(object);
    let late_members = late_members(object);
    // Room for every property with a short value; a buffer grows past it if need be.
    let hint: usize = 16
        + object.odata().map_or(0, |odata| odata.len() + 18)
        + object
            .fields
            .iter()
            .map(|field| field.json_name.len() + 16)
            .sum::<usize>();
    let alias = object.runtime.alias();
    quote! {
        #item

        const _: () = {
            #alias
            #resource
            #graph_type
            #has_odata_type
            #descends

            #[automatically_derived]
            impl #rt::Object for #ident {
                #info
                #fields
            }

            // Written and validated by the runtime's generic code (`ObjectValue`).
            #[automatically_derived]
            impl #rt::GraphValue for #ident {
                type __Kind = #rt::ObjectValue;

                const SIZE_HINT: ::core::primitive::usize = #hint;

                #late_members
            }

            #[automatically_derived]
            impl #rt::serde::Serialize for #ident {
                fn serialize<__S: #rt::serde::Serializer>(
                    &self,
                    __serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #rt::serialize_object(self, __serializer, #rt::Mode::Full)
                }
            }

            #deserialize
        };
    }
}

/// Questions to rustc about each field's type, asked by a function no one calls: whether
/// each type the value is made of is a Graph type or a serde type (`GraphProperty`, whose
/// message says which attribute to put on which type: the one error a forgotten
/// `#[graph_complex]` or `#[graph_enum]` gives, at that type), and, for each type written
/// inside another, that the runtime descends into the outer one wherever the inner one is
/// of the crate's (see `build::containers_descended`). Nothing where every field is plain.
fn descends(object: &Object<'_>) -> Option<TokenStream> {
    let rt = object.runtime.private();
    let leaves: Vec<_> = object
        .fields
        .iter()
        .flat_map(|field| &field.leaves)
        .map(|leaf| {
            let rt = object.runtime.private_at(leaf.span());
            quote_spanned! {leaf.span()=>
                let () = <#leaf as #rt::GraphProperty>::IS;
            }
        })
        .collect();
    let edges: Vec<_> = object
        .fields
        .iter()
        .flat_map(|field| &field.nested)
        .map(|(outer, inner)| {
            let rt = object.runtime.private_at(outer.span());
            quote_spanned! {outer.span()=>
                <_ as #rt::Descends>::asked(
                    (&&#rt::Edge::<#outer, #inner>::NEW).__descends(),
                );
            }
        })
        .collect();
    let probes = (!edges.is_empty()).then(|| {
        quote! {
            #[allow(unused_imports)]
            use #rt::{EdgeToGraph as _, EdgeToOther as _};
        }
    });
    (!edges.is_empty() || !leaves.is_empty()).then(|| {
        quote! {
            // Inline, so a build emits no code for what is only a question to rustc.
            #[allow(dead_code)]
            #[inline]
            fn __field_types() {
                #probes
                #(#leaves)*
                #(#edges)*
            }
        }
    })
}

/// `GraphValue::__late_members`: whether any field's type holds an enum with late members,
/// each asked from its type alone. Plain serde types and the runtime's value types hold
/// none, so a type whose fields are all such keeps the default (`false`) and costs nothing
/// to build.
fn late_members(object: &Object<'_>) -> Option<TokenStream> {
    let rt = object.runtime.private();
    // A type asked once, however many fields have it.
    let mut asked = std::collections::HashSet::new();
    let probes: Vec<TokenStream> = object
        .fields
        .iter()
        .filter(|field| !field.plain && !crate::types::is_runtime_value(field.ty))
        .filter(|field| asked.insert(field.ty.to_token_stream().to_string()))
        .map(|field| {
            let ty = field.ty;
            quote! { (&&#rt::LateProbe::<#ty>::NEW).__late_members(__walk) }
        })
        .collect();
    (!probes.is_empty()).then(|| {
        quote! {
            #[inline]
            fn __late_members(__walk: &mut #rt::TypeWalk) -> ::core::primitive::bool {
                #[allow(unused_imports)]
                use #rt::{ProbeLate as _, ProbeNotLate as _};
                let __cell = <Self as #rt::Object>::INFO.names.late_members();
                match __walk.enter(__cell) {
                    ::core::option::Option::Some(__known) => __known,
                    ::core::option::Option::None => {
                        let __late = #(#probes)||*;
                        __walk.leave(__cell, __late)
                    }
                }
            }
        }
    })
}

/// `Object::INFO`: the OData type, each property's JSON name, pre-escaped key and flags,
/// and the table that finds a property by name when reading.
fn info(object: &Object<'_>) -> TokenStream {
    let rt = object.runtime.private();
    let bytes = |text: &[u8]| syn::LitByteStr::new(text, proc_macro2::Span::call_site());
    let (odata_type, odata_prefix) = match object.odata() {
        Some(odata) => {
            let prefix = format!(",{}:{}", json::string("@odata.type"), json::string(odata));
            (
                quote!(::core::option::Option::Some(#odata)),
                bytes(prefix.as_bytes()),
            )
        }
        None => (quote!(::core::option::Option::None), bytes(b"")),
    };
    // The properties as two literals the runtime reads them from when first needed: their
    // keys as JSON writes them after another property, and a byte of flags each (1:
    // required, 2: read-only; graph_core's `names` module). A static of two literals is
    // nothing for the compiler to evaluate, however many properties there are.
    let keys: String = object
        .fields
        .iter()
        .map(|field| json::property_key(&field.json_name))
        .collect();
    let flags: Vec<u8> = object
        .fields
        .iter()
        // graph_core's `names::REQUIRED` and `names::READ_ONLY`.
        .map(|field| match field.presence {
            Presence::Optional => 0,
            Presence::Required => 1,
            Presence::ReadOnly => 2,
        })
        .collect();
    let flags = bytes(&flags);
    let open = object.additional.is_some();
    let expecting = match object.odata() {
        Some(odata) => format!("a {} object", odata.trim_start_matches('#')),
        None => format!("a JSON object for {}", object.ident()),
    };
    // A constant, so the runtime's generic code folds what it reads of it, and one static
    // for what the runtime works out from the names when first needed.
    quote! {
        const INFO: &'static #rt::ObjectInfo = &{
            static NAMES: #rt::Names = #rt::Names::new(#keys, #flags);
            #rt::ObjectInfo {
                odata_type: #odata_type,
                odata_prefix: #odata_prefix,
                names: &NAMES,
                open: #open,
                expecting: #expecting,
            }
        };
    }
}

/// `Object::__fields`: each field handed to the visitor, one line a field. A field written
/// as `Option<T>` is handed over as its `T`, or as `none` when it is `None`.
fn fields(object: &Object<'_>) -> TokenStream {
    let rt = object.runtime.private();
    let lines = object.fields.iter().enumerate().map(|(index, field)| {
        let member = &field.member;
        // The probe carries the span of the type it is asked about (inside `Option`, where
        // written so), so a type that is not usable is reported there. A plain value needs
        // no probe.
        let span = crate::types::option_inner(field.ty)
            .unwrap_or(field.ty)
            .span();
        let at = object.runtime.private_at(span);
        let handed = |value: TokenStream| {
            if field.plain {
                quote_spanned!(span=> #at::serde_field(#value))
            } else {
                quote_spanned!(span=> (&&#at::Probe(#value)).__graph_field())
            }
        };
        if field.number == Some(crate::types::Number::Float) {
            // `"INF"`, `"-INF"` and `"NaN"` where JSON has no number.
            return if field.option {
                quote!(#rt::visit_float_option(__visitor, #index, &self.#member);)
            } else {
                quote!(__visitor.field(#index, #rt::float_field(&self.#member));)
            };
        }
        if field.graph {
            // One of the runtime's own: no probe.
            let value = quote!(&self.#member);
            return if field.option {
                quote!(#rt::visit_graph_option(__visitor, #index, #value);)
            } else {
                quote!(__visitor.field(#index, #rt::graph_field(#value));)
            };
        }
        if field.option {
            // One call: the runtime hands over the value, or `none`. Only the runtime's
            // path and the probe carry the type's span; `self` and the visitor keep the
            // macro's own.
            let value = quote!(&self.#member);
            if field.plain {
                let visit = quote_spanned!(span=> #at::visit_serde_option);
                quote!(#visit(__visitor, #index, #value);)
            } else {
                let probed = quote_spanned! {span=>
                    (&&#at::OptionProbe(#value)).__graph_option()
                };
                quote!(#rt::visit_option(__visitor, #index, #probed);)
            }
        } else if field.plain {
            let value = handed(quote!(&self.#member));
            quote!(__visitor.field(#index, #value);)
        } else {
            // Not written as `Option`, but it may be one behind a type alias.
            let value = handed(quote!(&self.#member));
            quote! {
                if (&#rt::Probe(&self.#member)).__graph_is_none() {
                    __visitor.none(#index);
                } else {
                    __visitor.field(#index, #value);
                }
            }
        }
    });
    let additional = object.additional.as_ref().map(|additional| {
        let member = &additional.member;
        quote! {
            #[inline]
            fn __additional(
                &self,
            ) -> ::core::option::Option<&#rt::serde_json::Map<::std::string::String, #rt::serde_json::Value>> {
                ::core::option::Option::Some(&self.#member)
            }
        }
    });
    quote! {
        #[inline]
        fn __fields<__V: #rt::FieldVisitor>(&self, __visitor: &mut __V) {
            #[allow(unused_imports)]
            use #rt::{
                ProbeGraph as _, ProbeGraphOption as _, ProbeNotOption as _, ProbeOption as _,
                ProbeSerde as _, ProbeSerdeOption as _, ProbeUnmarked as _,
                ProbeUnmarkedOption as _,
            };
            #(#lines)*
        }

        #additional
    }
}

/// `GraphResource`, and the operations as thin methods over the runtime's: one `&str`
/// per placeholder, and the item's key for an item.
fn resource(
    object: &Object<'_>,
    path: &PathTemplate,
    odata: &str,
    permissions: Option<&Permissions>,
) -> TokenStream {
    let ident = object.ident();
    let runtime = &object.runtime;
    let rt = runtime.private();
    let ops = Operations::new(runtime, path, odata);
    let (params, key, str_, declared) = (&ops.params, &ops.key, &ops.str_, &ops.declared);
    let (item, name) = (&ops.item, &ops.name);
    let create_doc = ops.doc(
        format!(" Builds the request that creates this `{name}`: `POST {}`, with this value as the JSON body.", path.raw),
        " A `ValidationError` naming every required property that is missing, every enum property set to `unknownFutureValue` and every empty path parameter, at any depth. Nothing is built unless the value is valid.",
    );
    let update_doc = ops.doc(
        format!(" Builds the request that updates this `{name}`: `PATCH {item}`, with every writable property that is set."),
        " A `ValidationError` naming every enum property set to `unknownFutureValue` and every violation inside a value that is sent (an update needs no `required` property), and every empty path parameter.",
    );
    let update_from_doc = ops.doc(
        format!(" Builds the request that updates this `{name}`: `PATCH {item}`, with only what changed from `before` (`null` for a property that was cleared)."),
        " As `update_request`.",
    );
    let delete_doc = ops.doc(
        format!(" Builds the request that deletes a `{name}`: `DELETE {item}`."),
        " A `ValidationError` naming every empty path parameter.",
    );
    let (create, update, delete) = (
        result(runtime, quote!(CreateRequest)),
        result(runtime, quote!(UpdateRequest)),
        result(runtime, quote!(DeleteRequest)),
    );
    let graph_resource = graph_resource(runtime, ident, path, odata, permissions);
    let reads = ops.reads();
    quote! {
        #graph_resource

        #[allow(dead_code)]
        impl #ident {
            #create_doc
            #[inline]
            pub fn create_request(&self, #(#declared),*) -> #create {
                #rt::create_request(self, &[#(#params),*])
            }

            #reads

            #update_doc
            #[inline]
            pub fn update_request(&self, #(#declared,)* #key: #str_) -> #update {
                #rt::update_request(self, ::core::option::Option::None, &[#(#params),*], #key)
            }

            #update_from_doc
            #[inline]
            pub fn update_request_from(&self, before: &Self, #(#declared,)* #key: #str_) -> #update {
                #rt::update_request(self, ::core::option::Option::Some(before), &[#(#params),*], #key)
            }

            #delete_doc
            #[inline]
            pub fn delete_request(#(#declared,)* #key: #str_) -> #delete {
                #rt::delete_request(&[#(#params),*], #key)
            }
        }
    }
}

/// `impl GraphResource`: the path, the OData type, and validation through the runtime.
pub(super) fn graph_resource(
    runtime: &Runtime,
    ident: &syn::Ident,
    path: &PathTemplate,
    odata: &str,
    permissions: Option<&Permissions>,
) -> TokenStream {
    let rt = runtime.private();
    let raw_path = &path.raw;
    let permissions = permissions.map(|declared| {
        let operation =
            |schemes: &Option<SchemePermissions>| operation_permissions(runtime, schemes.as_ref());
        let (create, read, update, delete) = (
            operation(&declared.create),
            operation(&declared.read),
            operation(&declared.update),
            operation(&declared.delete),
        );
        quote! {
            const PERMISSIONS: #rt::Permissions = #rt::Permissions {
                create: #create,
                read: #read,
                update: #update,
                delete: #delete,
            };
        }
    });
    quote! {
        #[automatically_derived]
        impl #runtime::GraphResource for #ident {
            const PATH: &'static ::core::primitive::str = #raw_path;
            const ODATA_TYPE: &'static ::core::primitive::str = #odata;
            #permissions

            #[inline]
            fn validate(&self) -> ::core::result::Result<(), #runtime::ValidationError> {
                #rt::validate(self)
            }
        }
    }
}

/// `Option<&OperationPermissions>` of one operation's schemes, as a constant expression.
fn operation_permissions(runtime: &Runtime, schemes: Option<&SchemePermissions>) -> TokenStream {
    let rt = runtime.private();
    let names = |names: &Option<Vec<String>>| match names {
        Some(names) => quote!(::core::option::Option::Some(&[#(#names),*])),
        None => quote!(::core::option::Option::None),
    };
    match schemes {
        Some(schemes) => {
            let (delegated, personal, application) = (
                names(&schemes.delegated),
                names(&schemes.personal),
                names(&schemes.application),
            );
            quote! {
                ::core::option::Option::Some(&#rt::OperationPermissions {
                    delegated: #delegated,
                    personal: #personal,
                    application: #application,
                })
            }
        }
        None => quote!(::core::option::Option::None),
    }
}

/// An action's `request` and `request_at`: `POST` of its path with the parameters as the
/// body, read as `returns` (or `()`); the check that `returns` is a type an answer reads
/// as, at its span.
fn action(
    object: &Object<'_>,
    path: &PathTemplate,
    returns: Option<&syn::Type>,
    permissions: Option<&SchemePermissions>,
    name: &str,
) -> TokenStream {
    let ident = object.ident();
    let runtime = &object.runtime;
    let rt = runtime.private();
    let ops = Operations::new(runtime, path, name);
    let (params, declared, raw) = (&ops.params, &ops.declared, &path.raw);
    let returned = match returns {
        Some(ty) => ty.to_token_stream(),
        None => quote!(()),
    };
    let check = returns.map(|ty| {
        let rt = runtime.private_at(ty.span());
        quote_spanned! {ty.span()=>
            #[allow(dead_code)]
            #[inline]
            fn __returns() {
                let _ = <#ty as #rt::ActionReturn>::__read;
            }
        }
    });
    let declared_permissions = operation_permissions(runtime, permissions);
    let reads = match returns {
        Some(ty) => format!(
            " A success reads as `{}`.",
            ty.to_token_stream()
                .to_string()
                .replace(" < ", "<")
                .replace(" >", ">")
        ),
        None => " Any `2xx` answer is a success.".to_owned(),
    };
    let request_doc = ops.doc(
        format!(" Builds the request that calls `{name}`: `POST {raw}`, with these parameters as the JSON body.{reads}"),
        " A `ValidationError` naming every required parameter that is missing, every enum parameter set to `unknownFutureValue` and every empty path parameter, at any depth. Nothing is built unless the parameters are valid.",
    );
    let request_at_doc = [
        format!(" Builds the request that calls `{name}` at another documented path: `template`'s placeholders filled with `params`, in order, as the `_at` forms of a resource are."),
        String::new(),
        " # Errors".to_owned(),
        String::new(),
        " As `request`, and a template that breaks the rules or a wrong number of parameters.".to_owned(),
    ];
    let result = quote! {
        ::core::result::Result<#runtime::ActionRequest<#returned>, #runtime::ValidationError>
    };
    quote! {
        #check

        #[allow(dead_code)]
        impl #ident {
            #[doc(hidden)]
            const __NEEDS: #rt::Needs = #rt::Needs::action(#declared_permissions, #name);

            #request_doc
            #[inline]
            pub fn request(&self, #(#declared),*) -> #result {
                #rt::action_request(self, #raw, true, &[#(#params),*], Self::__NEEDS)
            }

            #(#[doc = #request_at_doc])*
            #[inline]
            pub fn request_at(
                &self,
                template: &::core::primitive::str,
                params: &[&::core::primitive::str],
            ) -> #result {
                #rt::action_request(self, template, false, params, Self::__NEEDS)
            }
        }
    }
}

/// `Result<graph_core::<request>, ValidationError>`, what every operation returns.
fn result(runtime: &Runtime, request: TokenStream) -> TokenStream {
    quote!(::core::result::Result<#runtime::#request<Self>, #runtime::ValidationError>)
}

/// What the generated operations of a path share: their parameters, the item's key, the
/// item's path and the lines their docs share.
pub(super) struct Operations {
    runtime: Runtime,
    params: Vec<syn::Ident>,
    key: syn::Ident,
    item: String,
    name: String,
    raw: String,
    params_doc: Vec<String>,
    str_: TokenStream,
    /// `name: &str` for each parameter, spanned at the `path` it comes from, so that a call
    /// missing one points there, where its placeholder is written.
    declared: Vec<TokenStream>,
}

impl Operations {
    pub(super) fn new(runtime: &Runtime, path: &PathTemplate, odata: &str) -> Self {
        let params: Vec<syn::Ident> = path.params.iter().map(|p| p.ident.clone()).collect();
        // The item's key: `id`, unless a placeholder already takes that name.
        let key = if params.iter().any(|p| p == "id") {
            format_ident!("item_id")
        } else {
            format_ident!("id")
        };
        let mut params_doc = Vec::new();
        if !path.params.is_empty() {
            params_doc.push(String::new());
            for param in &path.params {
                params_doc.push(format!(
                    " `{}` fills `{{{}}}`, percent-encoded as exactly one path segment.",
                    param.ident, param.name
                ));
            }
        }
        Self {
            runtime: runtime.clone(),
            item: format!("{}/{{{key}}}", path.raw),
            params,
            key,
            name: odata.trim_start_matches('#').to_owned(),
            raw: path.raw.clone(),
            params_doc,
            str_: quote!(&::core::primitive::str),
            declared: path
                .params
                .iter()
                .map(|param| {
                    let ident = &param.ident;
                    quote_spanned!(ident.span()=> #ident: &::core::primitive::str)
                })
                .collect(),
        }
    }

    fn doc(&self, summary: String, errors: &str) -> TokenStream {
        let lines = std::iter::once(summary)
            .chain(self.params_doc.iter().cloned())
            .chain(["".into(), " # Errors".into(), "".into(), errors.to_owned()]);
        quote!(#(#[doc = #lines])*)
    }

    /// `get_request` and `list_request`.
    pub(super) fn reads(&self) -> TokenStream {
        let rt = self.runtime.private();
        let (params, key, str_, name, declared) = (
            &self.params,
            &self.key,
            &self.str_,
            &self.name,
            &self.declared,
        );
        let get_doc = self.doc(
            format!(
                " Builds the request that reads one `{name}`: `GET {}`.",
                self.item
            ),
            " A `ValidationError` naming every empty path parameter.",
        );
        let list_doc = self.doc(
            format!(
                " Builds the request that lists `{name}` a page at a time: `GET {}`.",
                self.raw
            ),
            " A `ValidationError` naming every empty path parameter.",
        );
        let delta_doc = self.doc(
            format!(
                " Builds the request that reads the changes to `{name}` since the last round: `GET {}/delta`, whose last page has the delta link the next round resumes from.",
                self.raw
            ),
            " A `ValidationError` naming every empty path parameter.",
        );
        let (get, list, delta) = (
            result(&self.runtime, quote!(GetRequest)),
            result(&self.runtime, quote!(ListRequest)),
            result(&self.runtime, quote!(DeltaRequest)),
        );
        quote! {
            #get_doc
            #[inline]
            pub fn get_request(#(#declared,)* #key: #str_) -> #get {
                #rt::get_request(&[#(#params),*], #key)
            }

            #list_doc
            #[inline]
            pub fn list_request(#(#declared),*) -> #list {
                #rt::list_request(&[#(#params),*])
            }

            #delta_doc
            #[inline]
            pub fn delta_request(#(#declared),*) -> #delta {
                #rt::delta_request(&[#(#params),*])
            }
        }
    }
}

/// `Deserialize`: the fields' slots as one tuple type and the struct built from them
/// (`ReadObject`), read by the runtime's one generic map visitor (see `graph_core`'s
/// `slots` module), which finds each key among the declared JSON names, reads its value
/// into the field's slot, and skips `@odata.type`, `@odata.context` and, unless there is an
/// additional-data field that collects them, every other key. A missing or `null` value is
/// left to the field's type (an `Option` reads it as `None`, anything else refuses it,
/// naming the property).
fn deserialize(object: &Object<'_>) -> TokenStream {
    let rt = object.runtime.private();
    let ident = object.ident();
    // Each slot's type carries its field type's span, so anything rustc says of it is said
    // at the user's field.
    let slot_types: Vec<TokenStream> = object
        .fields
        .iter()
        .map(|field| {
            let span = field.ty.span();
            let at = object.runtime.private_at(span);
            // A number OData may write as a string reads through the runtime's own slots.
            let (opt, req) = match field.number {
                Some(_) => (quote!(OptNum), quote!(ReqNum)),
                None => (quote!(Opt), quote!(Req)),
            };
            match crate::types::option_inner(field.ty).filter(|_| field.option) {
                Some(inner) => quote_spanned!(span=> #at::#opt<#inner>),
                None => {
                    let ty = field.ty;
                    quote_spanned!(span=> #at::#req<#ty>)
                }
            }
        })
        .collect();
    let (slots, paths) = nested_slots(slot_types);
    // A missing property is up to its type: an `Option` written so is its slot's value, an
    // `Option` behind an alias is `None`, anything else is an error naming it.
    let inits = object.fields.iter().zip(&paths).map(|(field, path)| {
        let member = &field.member;
        let name = &field.json_name;
        let ty = field.ty;
        if field.option {
            quote!(#member: __slots #path .value,)
        } else if field.reads_plainly() {
            quote!(#member: #rt::take(__slots #path .0, #name)?,)
        } else {
            quote! {
                #member: (&&#rt::TakeProbe::<#ty>::NEW).__take::<__E>(__slots #path .0, #name)?,
            }
        }
    });
    let takes = object
        .fields
        .iter()
        .any(|field| !field.option && !field.reads_plainly())
        .then(|| {
            quote! {
                #[allow(unused_imports)]
                use #rt::{ProbeNoTake as _, ProbeTake as _};
            }
        });
    let slots_param = if object.fields.is_empty() {
        format_ident!("_")
    } else {
        format_ident!("__slots")
    };
    let (additional_param, additional_init) = match &object.additional {
        Some(additional) => {
            // At the field's type, where a type that is not the map would be reported.
            let member = &additional.member;
            let init = quote_spanned!(additional.ty.span()=> #member: __additional,);
            (format_ident!("__additional"), init)
        }
        None => (format_ident!("_"), TokenStream::new()),
    };
    // One probe, of the type: where every field's type has Deserialize, it is read by the
    // runtime; where one has not, the probe adds no error of its own (the writing probe
    // reports that field once, saying what to do). Plain serde types always have it.
    let read = if object.fields.iter().all(crate::model::Field::reads_plainly) {
        quote!(#rt::deserialize_object::<Self, __D>(__deserializer))
    } else {
        quote! {
            #[allow(unused_imports)]
            use #rt::{ProbeNoRead as _, ProbeRead as _};
            (&&#rt::ReadProbe::<Self>::NEW).__deserialize(__deserializer)
        }
    };
    quote! {
        #[automatically_derived]
        impl #rt::ReadObject for #ident {
            type Slots = #slots;

            #[inline]
            fn __finish<__E: #rt::serde::de::Error>(
                #slots_param: Self::Slots,
                #additional_param: #rt::serde_json::Map<::std::string::String, #rt::serde_json::Value>,
            ) -> ::core::result::Result<Self, __E> {
                #takes
                ::core::result::Result::Ok(#ident {
                    #(#inits)*
                    #additional_init
                })
            }
        }

        #[automatically_derived]
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #read
            }
        }
    }
}

/// The slot types as one tuple type, nested in tuples of at most 16 (the most the
/// runtime's slots are implemented for), and where each slot is in it: its index's digits
/// in base 16, one a level (`.3` for up to 16 fields, `.1.4` for the 21st of up to 256).
fn nested_slots(types: Vec<TokenStream>) -> (TokenStream, Vec<TokenStream>) {
    let count = types.len();
    let mut parts = types;
    let mut levels = 1;
    while parts.len() > 16 {
        parts = parts
            .chunks(16)
            .map(|chunk| quote!((#(#chunk,)*)))
            .collect();
        levels += 1;
    }
    let paths = (0..count)
        .map(|index| {
            let digits = (0..levels).rev().map(|level| {
                let digit = syn::Index::from((index >> (4 * level)) & 15);
                quote!(.#digit)
            });
            quote!(#(#digits)*)
        })
        .collect();
    (quote!((#(#parts,)*)), paths)
}
