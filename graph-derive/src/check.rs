//! Rules that look at more than one key or more than one field. Each is a function of its
//! own; all run, so every mistake in an item is reported in one compile.

use std::collections::HashSet;

use proc_macro2::Span;

use crate::errors::Errors;
use crate::model::{Enumeration, Object};

/// Properties the attribute itself writes or that belong to the OData protocol.
const RESERVED: &[&str] = &["@odata.type", "@odata.context"];

pub fn object(object: &Object, errors: &mut Errors) {
    required_needs_option(object, errors);
    required_or_read_only(object, errors);
    let names = object.fields.iter().map(|field| {
        (
            field.json_name.as_str(),
            field.name_span,
            field.rename.is_some(),
        )
    });
    json_names(names, ("property", "properties"), errors);
}

pub fn enumeration(enumeration: &Enumeration, errors: &mut Errors) {
    let names = enumeration.members.iter().map(|member| {
        (
            member.json_name.as_str(),
            member.name_span,
            member.rename.is_some(),
        )
    });
    json_names(names, ("member", "members"), errors);
}

/// `required` means "must be `Some`": on a field that is not an `Option` it means nothing,
/// since such a field is always present.
fn required_needs_option(object: &Object, errors: &mut Errors) {
    for field in &object.fields {
        if let (Some(span), false) = (field.required, field.option) {
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
}

/// A read-only property is set by the service and never sent, so it cannot be required
/// in a create body.
fn required_or_read_only(object: &Object, errors: &mut Errors) {
    for field in &object.fields {
        if let (Some(_), Some(read_only)) = (field.required, field.read_only) {
            errors.spanned(
                read_only,
                "a property cannot be both `required` and `read_only`: read-only properties \
                 are set by the service and never sent. Keep one",
            );
        }
    }
}

/// Every JSON name is non-empty, used once, and not one the protocol reserves. The second
/// use of a name is the one reported.
fn json_names<'a>(
    names: impl Iterator<Item = (&'a str, Span, bool)>,
    (what, whats): (&str, &str),
    errors: &mut Errors,
) {
    let mut seen = HashSet::new();
    for (name, span, renamed) in names {
        if name.is_empty() {
            if renamed {
                errors.spanned(span, "`rename` to an empty string: write the JSON name, e.g. `rename = \"displayName\"`");
            } else {
                errors.spanned(span, format_args!("this {what} has no JSON name; give one with `#[graph(rename = \"jsonName\")]`"));
            }
            continue;
        }
        if RESERVED.contains(&name) {
            errors.spanned(
                span,
                format_args!(
                    "`{name}` is written by the attribute itself; choose another JSON name"
                ),
            );
            continue;
        }
        if !seen.insert(name) {
            let how = if renamed { "renamed to" } else { "named" };
            errors.spanned(
                span,
                format_args!(
                    "two {whats} are {how} `{name}` in JSON; give one another name with \
                     `#[graph(rename = \"...\")]`"
                ),
            );
        }
    }
}
