//! The checked model, built from what was read: the `path` and `odata` strings through
//! their grammars (`grammar`), the permissions table through `attr::permissions`, each property's JSON
//! name and presence. Every rule of `check` is applied on the way, so every mistake in an
//! item is reported in one compile; the model is given only when none was found (nor any
//! while reading the keys), so `expand` never sees an item that broke a rule.

use proc_macro2::Span;
use syn::Ident;

use crate::ast::{self, Body, Kind, VariantFields};
use crate::attr::{self, Slot};
use crate::case;
use crate::check::{self, Named};
use crate::errors::Errors;
use crate::grammar;
use crate::model::{self, ObjectKind, Param, PathTemplate, Presence, Runtime};
use crate::types;

/// Builds a `#[graph_resource]`, `#[graph_complex]` or `#[graph_action]`.
pub fn object<'a>(input: &'a ast::Object, errors: &mut Errors) -> Option<model::Object<'a>> {
    let attribute = input.kind.attribute();
    let path = path_template(input.attr.path.value(), errors);
    let odata = odata_type(input.attr.odata.value(), errors);
    // A resource's table names its operations; an action's lists the schemes of its one.
    let (mut permissions, mut action_permissions) = (None, None);
    if let Slot::Given(span, list) = &input.attr.permissions {
        if input.kind == Kind::Action {
            action_permissions = attr::permissions::parse_schemes(list.clone(), *span, errors);
        } else {
            permissions = attr::permissions::parse(list.clone(), *span, errors).map(Box::new);
        }
    }
    check::resource_keys_given(input, errors);
    check::container(&input.container, attribute, errors);
    check::not_generic(&input.item, attribute, errors);
    let fields = match &input.body {
        Body::Expected(fields) => fields,
        Body::Unexpected(found) => {
            check::object_shape(found, attribute, errors);
            return None;
        }
    };

    let mut properties = Vec::new();
    // The input of each property, in step with `properties`, for the JSON-name rule.
    let mut declared = Vec::new();
    let mut additional: Option<model::Additional<'a>> = None;
    for field in fields {
        check::serde_attributes(&field.serde_attrs, attribute, errors);
        if field.attr.additional_data.value().is_some() {
            check::additional_data_alone(&field.attr, errors);
            check::additional_data_is_a_map(field, errors);
            if additional.is_some() {
                check::one_additional_data(&field.member, errors);
            } else {
                additional = Some(model::Additional {
                    member: &field.member,
                    ty: &field.ty,
                });
            }
            continue;
        }
        let option = types::option_inner(&field.ty).is_some();
        check::required_needs_option(field, option, errors);
        check::required_or_read_only(&field.attr, errors);
        if input.kind == Kind::Action {
            check::no_read_only_parameter(&field.attr, errors);
        }
        let presence = match (field.attr.required.span(), field.attr.read_only.span()) {
            (Some(_), _) => Presence::Required,
            (None, Some(_)) => Presence::ReadOnly,
            (None, None) => Presence::Optional,
        };
        declared.push(field);
        let inner = types::option_inner(&field.ty).unwrap_or(&field.ty);
        // Only where `graph_core` is the runtime: with `crate = "..."`, a `graph_core` path
        // may be anything, and is asked about as any other type.
        let ours = |ty: &syn::Type| {
            input
                .attr
                .crate_path
                .value()
                .is_none()
                .then(|| types::runtime_type(ty))
                .flatten()
        };
        let runtime = ours(inner);
        properties.push(model::Field {
            member: &field.member,
            ty: &field.ty,
            json_name: json_name(field.attr.rename.value(), || {
                case::lower_camel(&field.member.to_string())
            }),
            presence,
            option,
            plain: types::is_plain(inner) || runtime == Some(types::RuntimeType::Serde),
            graph: runtime == Some(types::RuntimeType::Graph),
            number: types::odata_number(inner),
            nested: containers_descended(&field.ty),
            leaves: types::leaves(&field.ty)
                .into_iter()
                .filter(|leaf| ours(leaf).is_none())
                .collect(),
        });
    }
    let names = declared.iter().zip(&properties).map(|(field, property)| {
        Named::new(
            &property.json_name,
            &field.member,
            field.attr.rename.value(),
        )
    });
    check::json_names(names, ("property", "properties", "field"), errors);

    let kind = match input.kind {
        Kind::Resource => ObjectKind::Resource {
            path: path?,
            odata: odata?,
            permissions,
        },
        Kind::Complex => ObjectKind::Complex { odata },
        Kind::Action => {
            let path = path?;
            let name = action_name(&path.raw, &input.item.ident);
            ObjectKind::Action {
                path,
                returns: input.attr.returns.value().cloned().map(Box::new),
                permissions: action_permissions,
                name,
            }
        }
    };
    errors.is_empty().then_some(model::Object {
        item: &input.item,
        runtime: Runtime::new(input.attr.crate_path.value()),
        kind,
        fields: properties,
        additional,
    })
}

/// Builds a `#[graph_enum]`.
pub fn enumeration<'a>(
    input: &'a ast::Enumeration,
    errors: &mut Errors,
) -> Option<model::Enumeration<'a>> {
    check::enum_takes_no_arguments(&input.other_args, errors);
    check::container(&input.container, "graph_enum", errors);
    check::not_generic(&input.item, "graph_enum", errors);
    let variants = match &input.body {
        Body::Expected(variants) => variants,
        Body::Unexpected(found) => {
            check::enum_shape(found, errors);
            return None;
        }
    };
    check::at_least_one_variant(variants, &input.item.ident, "member", "graph_enum", errors);

    let mut members = Vec::new();
    let mut names = Vec::new();
    let mut other: Option<model::Other<'a>> = None;
    for variant in variants {
        check::serde_attributes(&variant.serde_attrs, "graph_enum", errors);
        if let Some(span) = variant.attr.other.span() {
            check::other_has_no_json_name(&variant.attr, errors);
            match (&variant.fields, &other) {
                (_, Some(_)) => check::one_other_member(span, errors),
                (VariantFields::One(ty), None) => {
                    other = Some(model::Other {
                        ident: &variant.ident,
                        ty,
                    });
                }
                _ => check::other_member_holds_a_string(variant, errors),
            }
            continue;
        }
        if let VariantFields::Unit = variant.fields {
            let json_name = json_name(variant.attr.rename.value(), || {
                case::variant_lower_camel(&variant.ident.to_string())
            });
            if input.attr.flags.value().is_some() {
                check::flags_member_name(&variant.attr, &json_name, errors);
            }
            names.push((variant, json_name.clone()));
            members.push(model::Member {
                ident: &variant.ident,
                json_name,
            });
        } else {
            check::members_carry_no_data(variant, errors);
        }
    }
    let named = names.iter().map(|(variant, json_name)| {
        Named::new(json_name, &variant.ident, variant.attr.rename.value())
    });
    check::json_names(named, ("member", "members", "variant"), errors);

    errors.is_empty().then_some(model::Enumeration {
        item: &input.item,
        runtime: Runtime::new(input.attr.crate_path.value()),
        members,
        other,
        flags: input.attr.flags.value().is_some(),
    })
}

/// Builds a `#[graph_union]`.
pub fn union<'a>(input: &'a ast::Union, errors: &mut Errors) -> Option<model::Union<'a>> {
    let base_type = odata_type(input.attr.odata.value(), errors);
    // A collection whose items are derived types (`/groups/{id}/members`) is read into
    // the union; its path follows the rules of a resource's.
    let path = path_template(input.attr.path.value(), errors);
    check::union_base_type_given(input, errors);
    check::container(&input.container, "graph_union", errors);
    check::not_generic(&input.item, "graph_union", errors);
    let variants = match &input.body {
        Body::Expected(variants) => variants,
        Body::Unexpected(found) => {
            check::union_shape(found, errors);
            return None;
        }
    };
    check::at_least_one_variant(
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
        check::serde_attributes(&variant.serde_attrs, "graph_union", errors);
        let (is_other, is_base) = (variant.attr.other.span(), variant.attr.base.span());
        check::other_or_base(is_other, is_base, errors);
        let VariantFields::One(ty) = &variant.fields else {
            check::variant_holds_one_value(variant, is_other.is_some(), errors);
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
            check::one_variant_per_role(&variant.ident, key, first.ident, errors);
            continue;
        }
        if is_other.is_some() && !types::is_json_map(ty) {
            check::other_variant_holds_a_map(ty, errors);
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
        runtime: Runtime::new(input.attr.crate_path.value()),
        path,
        base_type,
        derived,
        base,
        other,
    })
}

// ---- Values read through their grammars ----

/// How messages name an action: the last segment of its path where that is a name
/// (`sendMail`, `microsoft.graph.sendMail` as `sendMail`), the struct's name otherwise.
fn action_name(path: &str, ident: &Ident) -> String {
    let last = path.rsplit('/').next().unwrap_or_default();
    let name = last.rsplit('.').next().unwrap_or_default();
    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        ident.to_string()
    }
}

/// A resource's path is what its create request posts to: it must follow the template
/// grammar (the one the runtime holds the `_at` forms' templates to), and each placeholder
/// becomes an argument of the operations, which the request fills with one segment.
fn path_template(lit: Option<&syn::LitStr>, errors: &mut Errors) -> Option<PathTemplate> {
    let lit = lit?;
    let raw = lit.value();
    let mut names = Vec::new();
    if let Err(message) = grammar::template::parse(&raw, |_| {}, |name, _| names.push(name)) {
        errors.at(lit, message);
        return None;
    }
    let params: Vec<Param> = names
        .into_iter()
        .map(|name| Param {
            name: name.to_owned(),
            ident: parameter_ident(name, lit.span()),
        })
        .collect();
    check::placeholders_are_distinct_arguments(&params, lit, errors);
    Some(PathTemplate { raw, params })
}

/// The argument name for a placeholder: snake case, raw where it is a keyword.
fn parameter_ident(name: &str, span: Span) -> Ident {
    let snake = case::snake(name);
    match syn::parse_str::<Ident>(&snake) {
        Ok(_) => Ident::new(&snake, span),
        // `self`, `super`, `crate` and `Self` cannot be raw identifiers.
        Err(_) if matches!(snake.as_str(), "self" | "super" | "crate" | "_") => {
            Ident::new(&format!("{snake}_"), span)
        }
        Err(_) => Ident::new_raw(&snake, span),
    }
}

/// The OData type is written in bodies and matched when reading, so it must be a name in
/// Graph's namespace.
fn odata_type(lit: Option<&syn::LitStr>, errors: &mut Errors) -> Option<String> {
    let lit = lit?;
    grammar::odata::parse(&lit.value())
        .map_err(|message| errors.at(lit, message))
        .ok()
}

// ---- Properties ----

/// Validation and read-only stripping hold at every depth only through the containers the
/// runtime descends into; a type of the crate's inside any other (a tuple, a
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
