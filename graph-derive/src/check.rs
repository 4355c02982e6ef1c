//! Every rule an annotated item must follow, one function per rule with a sentence saying
//! why, in one place. All rules run, so every mistake in an item is reported in one
//! compile; the checked model is given only when none was found (nor any while reading the
//! keys).

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};

use crate::ast::{self, Body, Found, Kind, VariantFields};
use crate::attr::{FieldAttr, MemberAttr, Slot, UnionVariantAttr};
use crate::case;
use crate::errors::Errors;
use crate::model::{self, ObjectKind, Presence};
use crate::template::{self, PathTemplate};
use crate::types;

/// Checks a `#[graph_resource]` or `#[graph_complex]`.
pub fn object<'a>(input: &'a ast::Object, errors: &mut Errors) -> Option<model::Object<'a>> {
    let attribute = input.kind.attribute();
    let path = path_template(input.attr.path.value(), errors);
    let odata = odata_type(input.attr.odata.value(), errors);
    let permissions = match &input.attr.permissions {
        Slot::Given(span, list) => permissions(list.clone(), *span, errors).map(Box::new),
        Slot::Absent | Slot::Malformed => None,
    };
    resource_keys_given(input, errors);
    container(&input.container, attribute, errors);
    not_generic(&input.item, attribute, errors);
    let fields = match &input.body {
        Body::Expected(fields) => fields,
        Body::Unexpected(found) => {
            object_shape(found, attribute, errors);
            return None;
        }
    };

    let mut properties = Vec::new();
    // The input of each property, in step with `properties`, for the JSON-name rule.
    let mut declared = Vec::new();
    let mut additional: Option<model::Additional<'a>> = None;
    for field in fields {
        serde_attributes(&field.serde_attrs, attribute, errors);
        if field.attr.additional_data.value().is_some() {
            additional_data_alone(&field.attr, errors);
            additional_data_is_a_map(field, errors);
            if additional.is_some() {
                one_additional_data(&field.member, errors);
            } else {
                additional = Some(model::Additional {
                    member: &field.member,
                    ty: &field.ty,
                });
            }
            continue;
        }
        let option = types::option_inner(&field.ty).is_some();
        required_needs_option(field, option, errors);
        required_or_read_only(field, errors);
        let presence = match (field.attr.required.span(), field.attr.read_only.span()) {
            (Some(_), _) => Presence::Required,
            (None, Some(_)) => Presence::ReadOnly,
            (None, None) => Presence::Optional,
        };
        declared.push(field);
        properties.push(model::Field {
            member: &field.member,
            ty: &field.ty,
            json_name: json_name(field.attr.rename.value(), || {
                case::lower_camel(&field.member.to_string())
            }),
            presence,
            option,
            plain: types::is_plain(types::option_inner(&field.ty).unwrap_or(&field.ty)),
            nested: containers_descended(&field.ty),
        });
    }
    let names = declared.iter().zip(&properties).map(|(field, property)| {
        Named::new(
            &property.json_name,
            &field.member,
            field.attr.rename.value(),
        )
    });
    json_names(names, ("property", "properties", "field"), errors);

    let kind = match input.kind {
        Kind::Resource => ObjectKind::Resource {
            path: path?,
            odata: odata?,
            permissions,
        },
        Kind::Complex => ObjectKind::Complex { odata },
    };
    errors.is_empty().then_some(model::Object {
        item: &input.item,
        kind,
        fields: properties,
        additional,
    })
}

/// Checks a `#[graph_enum]`.
pub fn enumeration<'a>(
    input: &'a ast::Enumeration,
    errors: &mut Errors,
) -> Option<model::Enumeration<'a>> {
    enum_takes_no_arguments(&input.args, errors);
    container(&input.container, "graph_enum", errors);
    not_generic(&input.item, "graph_enum", errors);
    let variants = match &input.body {
        Body::Expected(variants) => variants,
        Body::Unexpected(found) => {
            enum_shape(found, errors);
            return None;
        }
    };
    at_least_one_variant(variants, &input.item.ident, "member", "graph_enum", errors);

    let mut members = Vec::new();
    let mut names = Vec::new();
    let mut other: Option<model::Other<'a>> = None;
    for variant in variants {
        serde_attributes(&variant.serde_attrs, "graph_enum", errors);
        if let Some(span) = variant.attr.other.span() {
            other_has_no_json_name(&variant.attr, errors);
            match (&variant.fields, &other) {
                (_, Some(_)) => one_other_member(span, errors),
                (VariantFields::One(ty), None) => {
                    other = Some(model::Other {
                        ident: &variant.ident,
                        ty,
                    });
                }
                _ => other_member_holds_a_string(variant, errors),
            }
            continue;
        }
        if let VariantFields::Unit = variant.fields {
            let json_name = json_name(variant.attr.rename.value(), || {
                case::variant_lower_camel(&variant.ident.to_string())
            });
            names.push((variant, json_name.clone()));
            members.push(model::Member {
                ident: &variant.ident,
                json_name,
            });
        } else {
            members_carry_no_data(variant, errors);
        }
    }
    let named = names.iter().map(|(variant, json_name)| {
        Named::new(json_name, &variant.ident, variant.attr.rename.value())
    });
    json_names(named, ("member", "members", "variant"), errors);

    errors.is_empty().then_some(model::Enumeration {
        item: &input.item,
        members,
        other,
    })
}

/// Checks a `#[graph_union]`.
pub fn union<'a>(input: &'a ast::Union, errors: &mut Errors) -> Option<model::Union<'a>> {
    let base_type = odata_type(input.attr.odata.value(), errors);
    // A collection whose items are derived types (`/groups/{id}/members`) is read into
    // the union; its path follows the rules of a resource's.
    let path = path_template(input.attr.path.value(), errors);
    union_base_type_given(input, errors);
    container(&input.container, "graph_union", errors);
    not_generic(&input.item, "graph_union", errors);
    let variants = match &input.body {
        Body::Expected(variants) => variants,
        Body::Unexpected(found) => {
            union_shape(found, errors);
            return None;
        }
    };
    at_least_one_variant(
        variants,
        &input.item.ident,
        "variant",
        "graph_union",
        errors,
    );

    let mut derived = Vec::new();
    let mut base: Option<model::UnionVariant<'a>> = None;
    let mut other: Option<model::UnionVariant<'a>> = None;
    for variant in variants {
        serde_attributes(&variant.serde_attrs, "graph_union", errors);
        let (is_other, is_base) = (variant.attr.other.span(), variant.attr.base.span());
        other_or_base(is_other, is_base, errors);
        let VariantFields::One(ty) = &variant.fields else {
            variant_holds_one_value(variant, is_other.is_some(), errors);
            continue;
        };
        let slot = match (is_other, is_base) {
            (Some(_), _) => &mut other,
            (None, Some(_)) => &mut base,
            (None, None) => {
                derived.push(model::UnionVariant {
                    ident: &variant.ident,
                    ty,
                });
                continue;
            }
        };
        if let Some(first) = slot {
            let key = if is_other.is_some() { "other" } else { "base" };
            one_variant_per_role(&variant.ident, key, first.ident, errors);
            continue;
        }
        if is_other.is_some() && !types::is_json_map(ty) {
            other_variant_holds_a_map(ty, errors);
            continue;
        }
        *slot = Some(model::UnionVariant {
            ident: &variant.ident,
            ty,
        });
    }
    let base_type = base_type?;
    errors.is_empty().then_some(model::Union {
        item: &input.item,
        path,
        base_type,
        derived,
        base,
        other,
    })
}

// ---- The item and its attribute ----

/// A resource's path is what its create request posts to; it must be a path a URL can
/// carry, with placeholders the request fills one segment each.
fn path_template(lit: Option<&syn::LitStr>, errors: &mut Errors) -> Option<PathTemplate> {
    let lit = lit?;
    PathTemplate::parse(&lit.value(), lit.span())
        .map_err(|message| errors.at(lit, message))
        .ok()
}

/// The operations and schemes of a permissions table, as the attribute names them.
const OPERATIONS: &[&str] = &["create", "read", "update", "delete"];
const SCHEMES: &[&str] = &["delegated", "personal", "application"];

/// `permissions(create(delegated = "...", application = ["...", "..."]), read(...))`: the
/// page's permissions table, which `check_token` holds tokens to, so every part must mean
/// something. Each mistake is reported at its own tokens: an unknown operation or scheme
/// (with the nearest name), an empty list, a name that is not a permission's, an
/// operation or a scheme given twice.
fn permissions(tokens: TokenStream, key: Span, errors: &mut Errors) -> Option<model::Permissions> {
    use syn::punctuated::Punctuated;
    use syn::{Meta, Token};
    let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
    let items = match syn::parse::Parser::parse2(parser, tokens) {
        Ok(items) => items,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    if items.is_empty() {
        errors.spanned(
            key,
            "`permissions` lists no operation: write `permissions(create(delegated = \"...\", application = \"...\"))` as the page's table says, or leave the key out",
        );
        return None;
    }
    let mut declared = model::Permissions::default();
    let mut ok = true;
    for item in &items {
        let path = item.path();
        let Some(operation) = known_name(path, OPERATIONS, "operation", errors) else {
            ok = false;
            continue;
        };
        let Meta::List(list) = item else {
            errors.at(
                item,
                format_args!(
                    "`{operation}` takes its schemes in parentheses: `{operation}(delegated = \"...\", application = \"...\")`"
                ),
            );
            ok = false;
            continue;
        };
        if slot_for(&mut declared, operation).is_some() {
            errors.at(path, format_args!("`{operation}` is given twice; keep one"));
            ok = false;
            continue;
        }
        let schemes = crate::attr::split_at_commas(list.tokens.clone());
        if schemes.is_empty() {
            errors.at(
                item,
                format_args!(
                    "`{operation}()` lists no scheme: write `delegated`, `personal` or `application` with the permissions the page lists, or leave `{operation}` out"
                ),
            );
            ok = false;
            continue;
        }
        let mut by_scheme = model::SchemePermissions::default();
        for entry in schemes {
            let mut tokens = entry.clone().into_iter();
            let name = match tokens.next() {
                Some(proc_macro2::TokenTree::Ident(ident)) => syn::Path::from(ident),
                _ => {
                    errors.at(&entry, "expected `delegated = \"Resource.Action.Scope\"`");
                    ok = false;
                    continue;
                }
            };
            let Some(scheme) = known_name(&name, SCHEMES, "scheme", errors) else {
                ok = false;
                continue;
            };
            let value: TokenStream = match tokens.next() {
                Some(proc_macro2::TokenTree::Punct(eq)) if eq.as_char() == '=' => tokens.collect(),
                _ => {
                    errors.at(
                        &entry,
                        format_args!("expected `{scheme} = \"Resource.Action.Scope\"` or `{scheme} = [\"...\", \"...\"]`"),
                    );
                    ok = false;
                    continue;
                }
            };
            let slot = match scheme {
                "delegated" => &mut by_scheme.delegated,
                "personal" => &mut by_scheme.personal,
                _ => &mut by_scheme.application,
            };
            if slot.is_some() {
                errors.at(&name, format_args!("`{scheme}` is given twice; keep one"));
                ok = false;
                continue;
            }
            let Some(literals) = permission_literals(&value, scheme, errors) else {
                ok = false;
                continue;
            };
            let mut names = Vec::new();
            for lit in literals {
                let name = lit.value();
                match permission_name_problem(&name) {
                    Some(problem) => {
                        errors.at(&lit, problem);
                        ok = false;
                    }
                    None => names.push(name),
                }
            }
            *slot = Some(names);
        }
        *slot_for(&mut declared, operation) = Some(by_scheme);
    }
    ok.then_some(declared)
}

fn slot_for<'p>(
    declared: &'p mut model::Permissions,
    operation: &str,
) -> &'p mut Option<model::SchemePermissions> {
    match operation {
        "create" => &mut declared.create,
        "read" => &mut declared.read,
        "update" => &mut declared.update,
        _ => &mut declared.delete,
    }
}

/// A scheme's value: one string literal, or a non-empty `[...]` of them.
fn permission_literals(
    value: &TokenStream,
    scheme: &str,
    errors: &mut Errors,
) -> Option<Vec<syn::LitStr>> {
    let not_a_string = "a permission is a string literal (`\"User.Read\"`), or an array of them, least privileged first";
    let tokens: Vec<proc_macro2::TokenTree> = value.clone().into_iter().collect();
    match tokens.as_slice() {
        [proc_macro2::TokenTree::Group(group)]
            if group.delimiter() == proc_macro2::Delimiter::Bracket =>
        {
            let elements = crate::attr::split_at_commas(group.stream());
            if elements.is_empty() {
                errors.at(
                    group,
                    format_args!(
                        "`{scheme}` lists no permission; where the page says \"Not supported\", leave `{scheme}` out"
                    ),
                );
                return None;
            }
            let mut literals = Vec::new();
            let mut ok = true;
            for element in elements {
                match syn::parse2::<syn::LitStr>(element.clone()) {
                    Ok(lit) => literals.push(lit),
                    Err(_) => {
                        errors.at(&element, not_a_string);
                        ok = false;
                    }
                }
            }
            ok.then_some(literals)
        }
        _ => match syn::parse2::<syn::LitStr>(value.clone()) {
            Ok(lit) => Some(vec![lit]),
            Err(_) => {
                if value.is_empty() {
                    errors.at(
                        value,
                        format_args!("`{scheme} =` needs a value: {not_a_string}"),
                    );
                } else {
                    errors.at(value, not_a_string);
                }
                None
            }
        },
    }
}

/// `path` as one of `known` (an operation, a scheme), or an error at it naming the nearest.
fn known_name(
    path: &syn::Path,
    known: &[&'static str],
    what: &str,
    errors: &mut Errors,
) -> Option<&'static str> {
    let written = quote::ToTokens::to_token_stream(path)
        .to_string()
        .replace(' ', "");
    if let Some(name) = known.iter().find(|name| **name == written) {
        return Some(name);
    }
    let nearest = known
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&written, name), name))
        .filter(|(distance, name)| *distance <= (name.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance);
    let all = known
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match nearest {
        Some((_, name)) => errors.at(
            path,
            format_args!(
                "unknown {what} `{written}`; did you mean `{name}`? (the {what}s are {all})"
            ),
        ),
        None => errors.at(
            path,
            format_args!("unknown {what} `{written}`; the {what}s are {all}"),
        ),
    }
    None
}

/// What is wrong with a permission's name, if anything: Graph's are dot-separated words,
/// `Resource.Action` or `Resource.Action.Scope` (`User.Read`,
/// `LifecycleWorkflows.ReadWrite.All`), and a token's claims hold them so.
fn permission_name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        return Some(
            "an empty permission name: write it as the page lists it (`User.Read`)".to_owned(),
        );
    }
    let segments: Vec<&str> = name.split('.').collect();
    let word = |segment: &&str| {
        segment
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    if segments.len() < 2 || !segments.iter().all(word) {
        return Some(format!(
            "`{name}` is not a permission name: Graph's are dot-separated words such as `User.Read` or `LifecycleWorkflows.ReadWrite.All`"
        ));
    }
    None
}

/// The OData type is written in bodies and matched when reading, so it must be a name in
/// Graph's namespace.
fn odata_type(lit: Option<&syn::LitStr>, errors: &mut Errors) -> Option<String> {
    let lit = lit?;
    template::odata_type(&lit.value())
        .map_err(|message| errors.at(lit, message))
        .ok()
}

/// A resource cannot be created without its path, nor written without its OData type. A
/// key that is missing is reported at the attribute itself, unless an item of the list did
/// not parse (that item may be the key).
fn resource_keys_given(input: &ast::Object, errors: &mut Errors) {
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
fn union_base_type_given(input: &ast::Union, errors: &mut Errors) {
    if !input.attr.odata.written() {
        errors.spanned(
            Span::call_site(),
            "missing `odata`: the base type the variants derive from, e.g. \
             `#[graph_union(odata = \"#microsoft.graph.directoryObject\")]`",
        );
    }
}

/// `#[graph_enum]` derives everything from the variants; a key would be ignored.
fn enum_takes_no_arguments(args: &TokenStream, errors: &mut Errors) {
    if !args.is_empty() {
        errors.at(
            args,
            "`#[graph_enum]` takes no arguments but `crate = \"...\"`; rename members with \
             `#[graph(rename = \"jsonName\")]` on the variant",
        );
    }
}

/// What is taken off the item's own attributes. The macros write the serde impls
/// themselves, so a serde derive would conflict; `#[graph]` and `#[serde]` mean nothing on
/// the item; and a second one of the crate's attributes would implement every trait again.
fn container(container: &ast::Container, macro_name: &str, errors: &mut Errors) {
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
fn not_generic(item: &syn::DeriveInput, macro_name: &str, errors: &mut Errors) {
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
fn object_shape(found: &Found, attribute: &str, errors: &mut Errors) {
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
fn enum_shape(found: &Found, errors: &mut Errors) {
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
fn union_shape(found: &Found, errors: &mut Errors) {
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
fn at_least_one_variant<T>(
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
fn serde_attributes(attrs: &[syn::Attribute], macro_name: &str, errors: &mut Errors) {
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
fn additional_data_alone(attr: &FieldAttr, errors: &mut Errors) {
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
fn additional_data_is_a_map(field: &ast::Field, errors: &mut Errors) {
    if !types::is_json_map(&field.ty) {
        errors.at(
            &field.ty,
            "`#[graph(additional_data)]` collects undeclared properties by name: make this \
             field a `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
        );
    }
}

/// Every undeclared property goes to one place; two would leave it unclear which.
fn one_additional_data(member: &syn::Ident, errors: &mut Errors) {
    errors.at(
        member,
        "only one field can be `#[graph(additional_data)]`: it collects every property the \
         struct does not declare",
    );
}

/// `required` means "must be `Some`": on a field that is not an `Option` it means nothing,
/// since such a field is always present.
fn required_needs_option(field: &ast::Field, option: bool, errors: &mut Errors) {
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
fn required_or_read_only(field: &ast::Field, errors: &mut Errors) {
    if let (Some(_), Some(read_only)) = (field.attr.required.span(), field.attr.read_only.span()) {
        errors.spanned(
            read_only,
            "a property cannot be both `required` and `read_only`: read-only properties \
             are set by the service and never sent. Keep one",
        );
    }
}

/// Validation and read-only stripping hold at every depth only through the containers the
/// runtime descends into; a type of the crate's inside any other (an `Arc`, a tuple, a
/// wrapper of the user's) would be written by that container's Serialize, unchecked and
/// with its read-only properties. The syntax alone cannot tell whether an inner type is
/// one of the crate's, so this gives the pairs for the generated code to ask rustc about
/// (the runtime's `Descends`, whose message lists the supported containers): a field that
/// compiles never skips a check in silence.
fn containers_descended(ty: &syn::Type) -> Vec<(&syn::Type, &syn::Type)> {
    types::nested(types::option_inner(ty).unwrap_or(ty))
}

/// The JSON name: the `rename` string, or the Rust name in Graph's case.
fn json_name(rename: Option<&syn::LitStr>, from_rust: impl FnOnce() -> String) -> String {
    rename.map_or_else(from_rust, syn::LitStr::value)
}

/// A property or member as the JSON-name rule sees it.
struct Named<'n> {
    json_name: &'n str,
    rust_name: String,
    /// Where the name comes from: the `rename` string, or the Rust name.
    span: Span,
    renamed: bool,
}

impl<'n> Named<'n> {
    fn new(json_name: &'n str, rust: &syn::Ident, rename: Option<&syn::LitStr>) -> Self {
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
fn json_names<'n>(
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
fn other_has_no_json_name(attr: &MemberAttr, errors: &mut Errors) {
    if let Some(lit) = attr.rename.value() {
        errors.at(
            lit,
            "the `#[graph(other)]` variant holds whatever name it reads; it has no JSON name \
             of its own to rename",
        );
    }
}

/// Every unknown member goes to one place; two would leave it unclear which.
fn one_other_member(span: Span, errors: &mut Errors) {
    errors.spanned(
        span,
        "only one variant can be `#[graph(other)]`: it keeps every member this code does not \
         know",
    );
}

/// The `other` variant keeps the unknown member's name, so it holds one string.
fn other_member_holds_a_string(variant: &ast::Variant<MemberAttr>, errors: &mut Errors) {
    errors.at(
        &variant.ident,
        format_args!(
            "the `#[graph(other)]` variant keeps the unknown member's name: write `{}(String)`",
            variant.ident
        ),
    );
}

/// A Graph enumeration member is a name on the wire, with nothing else to carry.
fn members_carry_no_data(variant: &ast::Variant<MemberAttr>, errors: &mut Errors) {
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
fn other_or_base(other: Option<Span>, base: Option<Span>, errors: &mut Errors) {
    if let (Some(_), Some(base)) = (other, base) {
        errors.spanned(
            base,
            "a variant is either `other` (unknown types, kept whole) or `base` (the base type \
             itself), not both",
        );
    }
}

/// A variant stands for one derived type, so it holds one value of that type.
fn variant_holds_one_value(
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
fn one_variant_per_role(ident: &syn::Ident, key: &str, first: &syn::Ident, errors: &mut Errors) {
    errors.at(
        ident,
        format_args!("only one variant can be `#[graph({key})]`; `{first}` already is"),
    );
}

/// An unknown derived type is kept whole, every property as read, so it is written back
/// unchanged: a JSON map.
fn other_variant_holds_a_map(ty: &syn::Type, errors: &mut Errors) {
    errors.at(
        ty,
        "the `#[graph(other)]` variant keeps an unknown derived type whole: make it hold a \
         `graph_core::serde_json::Map<String, graph_core::serde_json::Value>`",
    );
}
