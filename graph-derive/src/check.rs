//! Every rule an annotated item must follow, one function per rule with a sentence saying
//! why: each takes what it checks and records what breaks the rule in `Errors`. `build`
//! applies them all as it builds the model, so every mistake in an item is reported in one
//! compile.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use syn::LitStr;

use crate::ast::{self, Found, Kind};
use crate::attr::{FieldAttr, MemberAttr, UnionVariantAttr};
use crate::errors::Errors;
use crate::model::Param;
use crate::types;

// ---- The item and its attribute ----

/// Each placeholder of a path becomes an argument of the operations, so two that differ
/// only in spelling (`{user-id}`, `{userId}`) would be one argument twice. The first such
/// pair is reported, at the path.
pub fn placeholders_are_distinct_arguments(params: &[Param], path: &LitStr, errors: &mut Errors) {
    for (i, param) in params.iter().enumerate() {
        if let Some(other) = params[..i].iter().find(|other| other.ident == param.ident) {
            errors.at(
                path,
                format_args!(
                    "path parameters `{{{}}}` and `{{{}}}` would both be the argument `{}`; rename one",
                    other.name, param.name, param.ident
                ),
            );
            return;
        }
    }
}

/// A resource cannot be created without its path, nor written without its OData type. A
/// key that is missing is reported at the attribute itself, unless an item of the list did
/// not parse (that item may be the key).
pub fn resource_keys_given(input: &ast::Object, errors: &mut Errors) {
    if input.kind == Kind::Action {
        if !input.attr.path.written() {
            errors.spanned(
                Span::call_site(),
                "missing `path`: the action's whole path, ending in its name, e.g. \
                 `#[graph_action(path = \"/users/{id}/sendMail\")]`",
            );
        }
        return;
    }
    if input.kind != Kind::Resource {
        return;
    }
    if !input.attr.path.written() {
        errors.spanned(
            Span::call_site(),
            "missing `path`: the collection path the create request posts to, e.g. \
             `#[graph_resource(path = \"/users\", odata = \"#microsoft.graph.user\")]`",
        );
    }
    if !input.attr.odata.written() {
        errors.spanned(
            Span::call_site(),
            "missing `odata`: the resource's OData type, written first in every body, \
             e.g. `#[graph_resource(path = \"/users\", odata = \"#microsoft.graph.user\")]`",
        );
    }
}

/// A union dispatches on the derived types of one base type, which it must name.
pub fn union_base_type_given(input: &ast::Union, errors: &mut Errors) {
    if !input.attr.odata.written() {
        errors.spanned(
            Span::call_site(),
            "missing `odata`: the base type the variants derive from, e.g. \
             `#[graph_union(odata = \"#microsoft.graph.directoryObject\")]`",
        );
    }
}

/// `#[graph_enum]` derives everything from the variants; a key would be ignored.
pub fn enum_takes_no_arguments(args: &TokenStream, errors: &mut Errors) {
    if !args.is_empty() {
        errors.at(
            args,
            "`#[graph_enum]` takes no arguments but `flags` and `crate = \"...\"`; rename \
             members with `#[graph(rename = \"jsonName\")]` on the variant",
        );
    }
}

/// What is taken off the item's own attributes. The macros write the serde impls
/// themselves, so a serde derive would conflict; `#[graph]` and `#[serde]` mean nothing on
/// the item; and a second one of the crate's attributes would implement every trait again.
pub fn container(container: &ast::Container, macro_name: &str, errors: &mut Errors) {
    for path in &container.serde_derives {
        let name = path.segments.last().map(|last| last.ident.to_string());
        errors.at(
            path,
            format_args!(
                "remove `{}` from this derive: `#[{macro_name}]` implements Serialize and \
                 Deserialize itself",
                name.unwrap_or_default()
            ),
        );
    }
    for attr in &container.misplaced {
        if crate::attr::is_graph(attr) {
            errors.at(
                attr,
                format_args!(
                    "`#[graph(...)]` goes on fields and variants; the item's own keys go in \
                     `#[{macro_name}(...)]`"
                ),
            );
        } else {
            errors.at(attr, serde_attribute_message(macro_name));
        }
    }
    for (attr, other) in &container.other_macros {
        errors.at(attr, one_macro_message(macro_name, other));
    }
}

/// Why two of the crate's attributes cannot share an item, and which one to keep.
fn one_macro_message(this: &str, other: &str) -> String {
    let what = |name: &str| match name {
        "graph_resource" => "a resource (a type with a path of its own)",
        "graph_complex" => "a complex type (a value inside a resource, with no path)",
        "graph_enum" => "an enumeration",
        _ => "a union of derived types",
    };
    if other == this {
        return format!("`#[{this}]` is given twice; keep one");
    }
    format!(
        "`#[{this}]` and `#[{other}]` cannot both go on one item: each implements the same \
         traits. Keep `#[{this}]` if this is {}, or `#[{other}]` if it is {}",
        what(this),
        what(other)
    )
}

/// A Graph type has one concrete shape, and the generated impls are written for it.
pub fn not_generic(item: &syn::DeriveInput, macro_name: &str, errors: &mut Errors) {
    if item.generics.params.is_empty() && item.generics.where_clause.is_none() {
        return;
    }
    let why = match macro_name {
        "graph_enum" => "its members are names",
        "graph_union" => "give each variant a concrete type",
        _ => "a Graph type has one concrete shape; give each field a concrete type",
    };
    errors.at(
        &item.generics,
        format_args!("a `#[{macro_name}]` cannot be generic: {why}"),
    );
}

/// A resource or complex type is a JSON object: one named field per property.
pub fn object_shape(found: &Found, attribute: &str, errors: &mut Errors) {
    let named_fields = format!(
        "`#[{attribute}]` needs a struct with named fields, one per Graph property: \
         `struct Run {{ id: Option<String>, ... }}`"
    );
    match found {
        Found::TupleStruct(at) | Found::UnitStruct(at) | Found::Struct(at) => {
            errors.at(at, &named_fields);
        }
        Found::Enum(at) => errors.at(
            at,
            format_args!(
                "`#[{attribute}]` goes on a struct; for a Graph enumeration use `#[graph_enum]`"
            ),
        ),
        Found::Union(at) => errors.at(
            at,
            format_args!("`#[{attribute}]` goes on a struct with named fields, not a union"),
        ),
    }
}

/// A Graph enumeration is a set of names.
pub fn enum_shape(found: &Found, errors: &mut Errors) {
    match found {
        Found::Union(at) => errors.at(at, "`#[graph_enum]` goes on a fieldless enum, not a union"),
        Found::Struct(at) | Found::TupleStruct(at) | Found::UnitStruct(at) | Found::Enum(at) => {
            errors.at(
                at,
                "`#[graph_enum]` goes on a fieldless enum; for a Graph resource use \
                 `#[graph_resource(path = \"...\", odata = \"...\")]`",
            );
        }
    }
}

/// A union is one variant per derived type.
pub fn union_shape(found: &Found, errors: &mut Errors) {
    match found {
        Found::Union(at) => errors.at(
            at,
            "`#[graph_union]` goes on an enum with one variant per derived type, not a Rust union",
        ),
        Found::Struct(at) | Found::TupleStruct(at) | Found::UnitStruct(at) | Found::Enum(at) => {
            errors.at(
                at,
                "`#[graph_union]` goes on an enum with one variant per derived type, e.g. \
                 `enum DirectoryObject { User(User), Group(Group) }`",
            );
        }
    }
}

/// An enum without variants has no value to read or write.
pub fn at_least_one_variant<T>(
    variants: &[T],
    ident: &syn::Ident,
    what: &str,
    macro_name: &str,
    errors: &mut Errors,
) {
    if variants.is_empty() {
        errors.at(
            ident,
            format_args!("a `#[{macro_name}]` needs at least one {what}"),
        );
    }
}

/// `#[serde]` is not read: the macros write the serde impls from `#[graph]` keys alone, so
/// a serde key would silently do nothing.
pub fn serde_attributes(attrs: &[syn::Attribute], macro_name: &str, errors: &mut Errors) {
    for attr in attrs {
        errors.at(attr, serde_attribute_message(macro_name));
    }
}

fn serde_attribute_message(macro_name: &str) -> String {
    format!(
        "`#[serde(...)]` is not read here: `#[{macro_name}]` writes the serde impls itself. \
         Use `#[graph(rename = \"jsonName\")]` for a JSON name, or give the field a type with \
         its own Serialize and Deserialize for a custom format"
    )
}

// ---- Fields ----

/// The additional-data field holds the properties the struct does not declare, so it has
/// no JSON name or flags of its own.
pub fn additional_data_alone(attr: &FieldAttr, errors: &mut Errors) {
    let others = [
        ("required", attr.required.span()),
        ("read_only", attr.read_only.span()),
        ("rename", attr.rename.span()),
    ];
    for (key, span) in others {
        let Some(span) = span else { continue };
        errors.spanned(
            span,
            format_args!(
                "`{key}` does not go with `additional_data`: that field holds the properties \
                 the struct does not declare, and has no JSON name or flags of its own"
            ),
        );
    }
}

/// Undeclared properties are kept by name, as JSON values, in the order read: exactly
/// serde_json's `Map<String, Value>`. The generated code holds the field to that type; this
/// catches other maps early, with a message that says what to write.
pub fn additional_data_is_a_map(field: &ast::Field, errors: &mut Errors) {
    if !types::is_json_map(&field.ty) {
        errors.at(
            &field.ty,
            "`#[graph(additional_data)]` collects undeclared properties by name: make this \
             field a `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
        );
    }
}

/// Every undeclared property goes to one place; two would leave it unclear which.
pub fn one_additional_data(member: &syn::Ident, errors: &mut Errors) {
    errors.at(
        member,
        "only one field can be `#[graph(additional_data)]`: it collects every property the \
         struct does not declare",
    );
}

/// `required` means "must be `Some`": on a field that is not an `Option` it means nothing,
/// since such a field is always present.
pub fn required_needs_option(field: &ast::Field, option: bool, errors: &mut Errors) {
    if let (Some(span), false) = (field.attr.required.span(), option) {
        errors.spanned(
            span,
            format_args!(
                "`required` is for `Option<T>` fields: the type of `{}` is not written as \
                 `Option<...>`, so it is always present. Remove `required`, or write the \
                 type as `Option<T>` (type aliases are not seen through)",
                field.member
            ),
        );
    }
}

/// A read-only property is set by the service and never sent, so it cannot be required
/// in a create body.
pub fn required_or_read_only(attr: &FieldAttr, errors: &mut Errors) {
    if let (Some(_), Some(read_only)) = (attr.required.span(), attr.read_only.span()) {
        errors.spanned(
            read_only,
            "a property cannot be both `required` and `read_only`: read-only properties \
             are set by the service and never sent. Keep one",
        );
    }
}

/// An action's parameters are all sent: none is set by the service.
pub fn no_read_only_parameter(attr: &FieldAttr, errors: &mut Errors) {
    if let Some(read_only) = attr.read_only.span() {
        errors.spanned(
            read_only,
            "`read_only` does not go on an action's parameter: every parameter that is set \
             is sent. Remove it, or remove the field",
        );
    }
}

/// A property or member as the JSON-name rule sees it.
pub struct Named<'n> {
    json_name: &'n str,
    rust_name: String,
    /// Where the name comes from: the `rename` string, or the Rust name.
    span: Span,
    renamed: bool,
}

impl<'n> Named<'n> {
    pub fn new(json_name: &'n str, rust: &syn::Ident, rename: Option<&syn::LitStr>) -> Self {
        Self {
            json_name,
            rust_name: rust.to_string(),
            span: rename.map_or_else(|| rust.span(), syn::LitStr::span),
            renamed: rename.is_some(),
        }
    }
}

/// Properties the attribute itself writes or that belong to the OData protocol.
const RESERVED: &[&str] = &["@odata.type", "@odata.context"];

/// Every JSON name is non-empty, used once (a body could not say which field a value is
/// for), and not one the protocol reserves. The second use of a name is the one reported,
/// saying where the first came from.
pub fn json_names<'n>(
    names: impl Iterator<Item = Named<'n>>,
    (what, whats, rust): (&str, &str, &str),
    errors: &mut Errors,
) {
    let mut seen: HashMap<&str, Named<'n>> = HashMap::new();
    for named in names {
        let name = named.json_name;
        if name.is_empty() {
            if named.renamed {
                errors.spanned(named.span, "`rename` to an empty string: write the JSON name, e.g. `rename = \"displayName\"`");
            } else {
                errors.spanned(named.span, format_args!("this {what} has no JSON name; give one with `#[graph(rename = \"jsonName\")]`"));
            }
            continue;
        }
        if RESERVED.contains(&name) {
            errors.spanned(
                named.span,
                format_args!(
                    "`{name}` is written by the attribute itself; choose another JSON name"
                ),
            );
            continue;
        }
        let Some(first) = seen.get(name) else {
            seen.insert(name, named);
            continue;
        };
        let origin = |n: &Named<'_>| {
            if n.renamed {
                format!("{rust} `{}` (renamed to it)", n.rust_name)
            } else {
                format!("{rust} `{}` (from its Rust name)", n.rust_name)
            }
        };
        let message = if named.renamed {
            format!(
                "{rust} `{}` is renamed to `{name}`, which is already the JSON name of {}; \
                 give one another name with `#[graph(rename = \"...\")]`",
                named.rust_name,
                origin(first)
            )
        } else if first.renamed {
            format!(
                "{rust} `{}` is `{name}` in JSON by its Rust name, which `rename` already gave \
                 {rust} `{}`; give one another name with `#[graph(rename = \"...\")]`",
                named.rust_name, first.rust_name
            )
        } else {
            format!(
                "two {whats} are named `{name}` in JSON: {rust}s `{}` and `{}`, by their Rust \
                 names; give one another name with `#[graph(rename = \"...\")]`",
                first.rust_name, named.rust_name
            )
        };
        errors.spanned(named.span, message);
    }
}

// ---- Enum members ----

/// The `other` variant holds whatever name it reads, so a name of its own means nothing.
pub fn other_has_no_json_name(attr: &MemberAttr, errors: &mut Errors) {
    if let Some(lit) = attr.rename.value() {
        errors.at(
            lit,
            "the `#[graph(other)]` variant holds whatever name it reads; it has no JSON name \
             of its own to rename",
        );
    }
}

/// A flags enum's members are written joined by `,` and read split at it, spaces around
/// them trimmed: a name with a comma, or with spaces at an end, would not read back.
pub fn flags_member_name(attr: &MemberAttr, json_name: &str, errors: &mut Errors) {
    let Some(lit) = attr.rename.value() else {
        return;
    };
    if json_name.contains(',') || json_name.trim() != json_name {
        errors.at(
            lit,
            format_args!(
                "a flags enum's members are written joined by `,`, so `{json_name}` (with a \
                 comma, or spaces at an end) would not read back; Graph's member names have \
                 neither"
            ),
        );
    }
}

/// Every unknown member goes to one place; two would leave it unclear which.
pub fn one_other_member(span: Span, errors: &mut Errors) {
    errors.spanned(
        span,
        "only one variant can be `#[graph(other)]`: it keeps every member this code does not \
         know",
    );
}

/// The `other` variant keeps the unknown member's name, so it holds one string.
pub fn other_member_holds_a_string(variant: &ast::Variant<MemberAttr>, errors: &mut Errors) {
    errors.at(
        &variant.ident,
        format_args!(
            "the `#[graph(other)]` variant keeps the unknown member's name: write `{}(String)`",
            variant.ident
        ),
    );
}

/// A Graph enumeration member is a name on the wire, with nothing else to carry.
pub fn members_carry_no_data(variant: &ast::Variant<MemberAttr>, errors: &mut Errors) {
    errors.at(
        &variant.fields_at,
        format_args!(
            "`#[graph_enum]` members carry no data; only one variant marked `#[graph(other)]` \
             may hold a `String`. Write `{}`",
            variant.ident
        ),
    );
}

// ---- Union variants ----

/// `other` takes unknown types and `base` the base type itself: one variant cannot be both.
pub fn other_or_base(other: Option<Span>, base: Option<Span>, errors: &mut Errors) {
    if let (Some(_), Some(base)) = (other, base) {
        errors.spanned(
            base,
            "a variant is either `other` (unknown types, kept whole) or `base` (the base type \
             itself), not both",
        );
    }
}

/// A variant stands for one derived type, so it holds one value of that type.
pub fn variant_holds_one_value(
    variant: &ast::Variant<UnionVariantAttr>,
    other: bool,
    errors: &mut Errors,
) {
    let example = if other {
        format!(
            "{}(graph_core::serde_json::Map<String, graph_core::serde_json::Value>)",
            variant.ident
        )
    } else {
        format!("{0}({0})", variant.ident)
    };
    errors.at(
        &variant.ident,
        format_args!(
            "a `#[graph_union]` variant holds exactly one value, the derived type it stands \
             for: write `{example}`"
        ),
    );
}

/// Objects without a known type go to one place; two would leave it unclear which.
pub fn one_variant_per_role(
    ident: &syn::Ident,
    key: &str,
    first: &syn::Ident,
    errors: &mut Errors,
) {
    errors.at(
        ident,
        format_args!("only one variant can be `#[graph({key})]`; `{first}` already is"),
    );
}

/// An unknown derived type is kept whole, every property as read, so it is written back
/// unchanged: a JSON map.
pub fn other_variant_holds_a_map(ty: &syn::Type, errors: &mut Errors) {
    errors.at(
        ty,
        "the `#[graph(other)]` variant keeps an unknown derived type whole: make it hold a \
         `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
    );
}
