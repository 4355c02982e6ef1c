//! What was written: the annotated item read from syn once, with its attribute keys read
//! into typed attributes (`attr` reports unknown, malformed and repeated keys) and nothing
//! else judged. The `#[graph]` and `#[serde]` attributes, serde derives and the crate's
//! other attribute macros are taken off the item here, so that the item can be emitted
//! again as it is, whatever `check` finds; what was taken off is kept for `check` to
//! report.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::visit_mut::VisitMut;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Type};

use crate::attr::{
    self, EnumAttr, FieldAttr, MemberAttr, ObjectAttr, Place, UnionAttr, UnionVariantAttr,
};
use crate::errors::Errors;
use crate::types::ReplaceSelf;

/// What an annotated struct is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `#[graph_resource(path = "...", odata = "...")]`: has a collection path.
    Resource,
    /// `#[graph_complex]` or `#[graph_complex(odata = "...")]`: a value inside a resource.
    Complex,
    /// `#[graph_action(path = "...")]`: an action's parameters.
    Action,
}

impl Kind {
    /// The attribute's name, for messages.
    pub fn attribute(self) -> &'static str {
        match self {
            Kind::Resource => "graph_resource",
            Kind::Complex => "graph_complex",
            Kind::Action => "graph_action",
        }
    }
}

/// The crate's attribute macros, by name.
pub const MACROS: &[&str] = &[
    "graph_resource",
    "graph_complex",
    "graph_enum",
    "graph_union",
    "graph_action",
];

/// What was found on the item's own attributes and taken off it.
#[derive(Default)]
pub struct Container {
    /// `Serialize` and `Deserialize` in a `#[derive(...)]`.
    pub serde_derives: Vec<syn::Path>,
    /// `#[graph(...)]` and `#[serde(...)]` on the item itself.
    pub misplaced: Vec<Attribute>,
    /// Another of the crate's attribute macros on the same item, with its name.
    pub other_macros: Vec<(Attribute, &'static str)>,
}

/// What an item turned out to be, where it is not what its attribute goes on: the tokens
/// to report it at.
pub enum Found {
    Struct(TokenStream),
    TupleStruct(TokenStream),
    UnitStruct(TokenStream),
    Enum(TokenStream),
    Union(TokenStream),
}

/// The item's body: what its attribute reads, or what was found instead.
pub enum Body<T> {
    Expected(T),
    Unexpected(Found),
}

/// The input to `#[graph_resource]` and `#[graph_complex]`.
pub struct Object {
    pub kind: Kind,
    /// The struct as it is emitted again.
    pub item: DeriveInput,
    /// The keys in the attribute's own parentheses.
    pub attr: ObjectAttr,
    pub container: Container,
    pub body: Body<Vec<Field>>,
}

pub struct Field {
    pub member: Ident,
    /// The field's type, with `Self` replaced by the struct's name so it can be written
    /// inside generated impls of other types.
    pub ty: Type,
    /// Its `#[graph(...)]` keys.
    pub attr: FieldAttr,
    /// `#[serde(...)]` attributes on the field.
    pub serde_attrs: Vec<Attribute>,
}

/// The input to `#[graph_enum]`.
pub struct Enumeration {
    /// The keys in the attribute's own parentheses (`crate` alone).
    pub attr: EnumAttr,
    /// The rest of the attribute's arguments, which it does not take.
    pub other_args: TokenStream,
    pub item: DeriveInput,
    pub container: Container,
    pub body: Body<Vec<Variant<MemberAttr>>>,
}

/// The input to `#[graph_union]`.
pub struct Union {
    pub item: DeriveInput,
    /// The keys in the attribute's own parentheses.
    pub attr: UnionAttr,
    pub container: Container,
    pub body: Body<Vec<Variant<UnionVariantAttr>>>,
}

/// An enum variant of a `#[graph_enum]` or a `#[graph_union]`, with the `#[graph(...)]`
/// keys of its place.
pub struct Variant<A> {
    pub ident: Ident,
    pub attr: A,
    pub serde_attrs: Vec<Attribute>,
    pub fields: VariantFields,
    /// The fields' tokens as written, for errors about them.
    pub fields_at: TokenStream,
}

pub enum VariantFields {
    Unit,
    /// One unnamed field, of this type (`Self` replaced by the enum's name).
    One(Box<Type>),
    /// Anything else.
    Other,
}

impl Object {
    pub fn from_syn(
        kind: Kind,
        args: TokenStream,
        mut item: DeriveInput,
        errors: &mut Errors,
    ) -> Self {
        let place = match kind {
            Kind::Resource => &attr::RESOURCE,
            Kind::Complex => &attr::COMPLEX,
            Kind::Action => &attr::ACTION,
        };
        let attr = place.parse_tokens(args, errors);
        let container = Container::take(&mut item);
        let owner = item.ident.clone();
        let body = match &mut item.data {
            Data::Struct(data) => match &mut data.fields {
                Fields::Named(named) => Body::Expected(
                    named
                        .named
                        .iter_mut()
                        .map(|field| Field::from_syn(field, &owner, errors))
                        .collect(),
                ),
                Fields::Unnamed(unnamed) => {
                    strip_fields(unnamed.unnamed.iter_mut());
                    Body::Unexpected(Found::TupleStruct(unnamed.to_token_stream()))
                }
                // An action without parameters may be a unit struct.
                Fields::Unit if kind == Kind::Action => Body::Expected(Vec::new()),
                Fields::Unit => Body::Unexpected(Found::UnitStruct(owner.to_token_stream())),
            },
            Data::Enum(data) => {
                for variant in &mut data.variants {
                    variant.attrs.retain(|a| !attr::is_graph(a));
                    strip_fields(variant.fields.iter_mut());
                }
                Body::Unexpected(Found::Enum(data.enum_token.to_token_stream()))
            }
            Data::Union(data) => {
                strip_fields(data.fields.named.iter_mut());
                Body::Unexpected(Found::Union(data.union_token.to_token_stream()))
            }
        };
        Self {
            kind,
            item,
            attr,
            container,
            body,
        }
    }

    /// Whether the item can carry the generated impls at all: a non-generic struct with
    /// named fields. When not, even the fallback emits none.
    pub fn well_formed(&self) -> bool {
        not_generic(&self.item) && matches!(self.body, Body::Expected(_))
    }
}

impl Field {
    fn from_syn(field: &mut syn::Field, owner: &Ident, errors: &mut Errors) -> Self {
        let (attr, serde_attrs) = graph_keys(&mut field.attrs, &attr::FIELD, errors);
        let member = field
            .ident
            .clone()
            .unwrap_or_else(|| Ident::new("_", Span::call_site()));
        let mut ty = field.ty.clone();
        ReplaceSelf(owner).visit_type_mut(&mut ty);
        Self {
            member,
            ty,
            attr,
            serde_attrs,
        }
    }
}

impl Enumeration {
    pub fn from_syn(args: TokenStream, mut item: DeriveInput, errors: &mut Errors) -> Self {
        let (keys, other_args) = attr::ENUM.split_own_keys(args);
        let attr = attr::ENUM.parse_tokens(keys, errors);
        let container = Container::take(&mut item);
        let body = variants(&mut item, &attr::MEMBER, errors);
        Self {
            attr,
            other_args,
            item,
            container,
            body,
        }
    }

    /// Whether the item can carry the generated impls at all.
    pub fn well_formed(&self) -> bool {
        not_generic(&self.item) && matches!(self.body, Body::Expected(_))
    }
}

impl Union {
    pub fn from_syn(args: TokenStream, mut item: DeriveInput, errors: &mut Errors) -> Self {
        let attr = attr::UNION.parse_tokens(args, errors);
        let container = Container::take(&mut item);
        let body = variants(&mut item, &attr::UNION_VARIANT, errors);
        Self {
            item,
            attr,
            container,
            body,
        }
    }

    /// Whether the item can carry the generated impls at all.
    pub fn well_formed(&self) -> bool {
        not_generic(&self.item) && matches!(self.body, Body::Expected(_))
    }
}

fn not_generic(item: &DeriveInput) -> bool {
    item.generics.params.is_empty() && item.generics.where_clause.is_none()
}

/// The variants of an enum, or what the item is instead.
fn variants<A: Default>(
    item: &mut DeriveInput,
    place: &Place<A>,
    errors: &mut Errors,
) -> Body<Vec<Variant<A>>> {
    let owner = item.ident.clone();
    match &mut item.data {
        Data::Enum(data) => Body::Expected(
            data.variants
                .iter_mut()
                .map(|variant| {
                    let (attr, serde_attrs) = graph_keys(&mut variant.attrs, place, errors);
                    let fields = match &variant.fields {
                        Fields::Unit => VariantFields::Unit,
                        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                            let mut ty = fields.unnamed[0].ty.clone();
                            ReplaceSelf(&owner).visit_type_mut(&mut ty);
                            VariantFields::One(Box::new(ty))
                        }
                        _ => VariantFields::Other,
                    };
                    strip_fields(variant.fields.iter_mut());
                    Variant {
                        ident: variant.ident.clone(),
                        attr,
                        serde_attrs,
                        fields,
                        fields_at: variant.fields.to_token_stream(),
                    }
                })
                .collect(),
        ),
        Data::Struct(data) => {
            strip_fields(data.fields.iter_mut());
            Body::Unexpected(Found::Struct(data.struct_token.to_token_stream()))
        }
        Data::Union(data) => {
            strip_fields(data.fields.named.iter_mut());
            Body::Unexpected(Found::Union(data.union_token.to_token_stream()))
        }
    }
}

impl Container {
    /// Takes off the item what must not be emitted again: serde derives, `#[graph]` and
    /// `#[serde]` on the item, and the crate's other attribute macros (which would
    /// otherwise run too, implementing every trait a second time).
    fn take(item: &mut DeriveInput) -> Self {
        let mut container = Self::default();
        for attr in &mut item.attrs {
            let Some(derived) = attr::derived(attr) else {
                continue;
            };
            let (serde, kept): (Vec<_>, Vec<_>) = derived.into_iter().partition(|path| {
                path.segments
                    .last()
                    .is_some_and(|last| last.ident == "Serialize" || last.ident == "Deserialize")
            });
            if !serde.is_empty() {
                *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
                container.serde_derives.extend(serde);
            }
        }
        let mut kept = Vec::new();
        for attr in std::mem::take(&mut item.attrs) {
            if attr::is_graph(&attr) || attr::is_serde(&attr) {
                container.misplaced.push(attr);
            } else if let Some(name) = crate_macro(&attr) {
                container.other_macros.push((attr, name));
            } else {
                kept.push(attr);
            }
        }
        item.attrs = kept;
        container
    }
}

/// The name of one of the crate's attribute macros, where `attr` is one (by any path:
/// `graph_complex`, `graph_core::graph_complex`).
fn crate_macro(attr: &Attribute) -> Option<&'static str> {
    let last = attr.path().segments.last()?;
    MACROS.iter().copied().find(|name| last.ident == name)
}

/// Removes `#[graph]` and `#[serde]` attributes from the fields of an item that is not
/// used (it has a shape error), so they cause no follow-on "cannot find attribute" errors.
fn strip_fields<'a>(fields: impl Iterator<Item = &'a mut syn::Field>) {
    for field in fields {
        field
            .attrs
            .retain(|a| !attr::is_graph(a) && !attr::is_serde(a));
    }
}

/// Takes the `#[graph(...)]` and `#[serde(...)]` attributes out of `attrs`; reads the keys
/// of the first kind into one typed attribute (so a key repeated across two attributes is
/// caught too) and gives back the second.
fn graph_keys<A: Default>(
    attrs: &mut Vec<Attribute>,
    place: &Place<A>,
    errors: &mut Errors,
) -> (A, Vec<Attribute>) {
    let keys = place.parse_attributes(attrs.iter().filter(|a| attr::is_graph(a)), errors);
    let serde = attrs
        .iter()
        .filter(|a| attr::is_serde(a))
        .cloned()
        .collect();
    attrs.retain(|a| !attr::is_graph(a) && !attr::is_serde(a));
    (keys, serde)
}
