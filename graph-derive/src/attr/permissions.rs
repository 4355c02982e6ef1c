//! The grammar of `permissions(...)`, the page's permissions table:
//! `permissions(create(delegated = "...", application = ["...", "..."]), read(...))`. Every
//! part must mean something, since `check_token` holds tokens to the table, so each mistake
//! is reported at its own tokens.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::{Meta, Token};

use super::split_at_commas;
use crate::errors::Errors;
use crate::model::{Permissions, SchemePermissions};

/// The operations and schemes of a permissions table, as the attribute names them.
const OPERATIONS: &[&str] = &["create", "read", "update", "delete"];
const SCHEMES: &[&str] = &["delegated", "personal", "application"];

/// Reads the tokens inside `permissions(...)` (`key` is the key's own span) into the
/// table. Each mistake is reported: an unknown operation or scheme (with the nearest name),
/// an empty list, a name that is not a permission's, an operation or a scheme given twice.
pub fn parse(tokens: TokenStream, key: Span, errors: &mut Errors) -> Option<Permissions> {
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
    let mut declared = Permissions::default();
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
        let schemes = split_at_commas(list.tokens.clone());
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
        // Taken even where a scheme was wrong, so the operation given again is reported.
        let (by_scheme, schemes_ok) = scheme_list(schemes, errors);
        ok &= schemes_ok;
        *slot_for(&mut declared, operation) = Some(by_scheme);
    }
    ok.then_some(declared)
}

/// An action's `permissions(delegated = "...", application = [...])`: the schemes of its
/// one operation, written directly (`key` is the key's own span). The same rules as each
/// operation of a resource's table.
pub fn parse_schemes(
    tokens: TokenStream,
    key: Span,
    errors: &mut Errors,
) -> Option<SchemePermissions> {
    let entries = split_at_commas(tokens);
    if entries.is_empty() {
        errors.spanned(
            key,
            "`permissions` lists no scheme: write `permissions(delegated = \"...\", application = \"...\")` as the action's page says, or leave the key out",
        );
        return None;
    }
    // `permissions(create(...))` is a resource's table; an action is one operation. Such
    // an entry is reported, and the others read as schemes all the same.
    let mut ok = true;
    let entries: Vec<TokenStream> = entries
        .into_iter()
        .filter(|entry| {
            let Some(TokenTree::Ident(ident)) = entry.clone().into_iter().next() else {
                return true;
            };
            if !OPERATIONS.iter().any(|operation| ident == operation) {
                return true;
            }
            errors.at(
                &ident,
                format_args!(
                    "an action is one operation: write its schemes directly, `permissions(delegated = \"...\", application = \"...\")`, not `{ident}(...)`"
                ),
            );
            ok = false;
            false
        })
        .collect();
    let (by_scheme, schemes_ok) = scheme_list(entries, errors);
    (ok && schemes_ok).then_some(by_scheme)
}

/// The schemes of one operation, each `scheme = "..."` or `scheme = ["...", ...]`, and
/// whether all were right (those that were not are reported).
fn scheme_list(entries: Vec<TokenStream>, errors: &mut Errors) -> (SchemePermissions, bool) {
    let mut by_scheme = SchemePermissions::default();
    let mut ok = true;
    for entry in entries {
        let mut tokens = entry.clone().into_iter();
        let name = match tokens.next() {
            Some(TokenTree::Ident(ident)) => syn::Path::from(ident),
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
            Some(TokenTree::Punct(eq)) if eq.as_char() == '=' => tokens.collect(),
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
    (by_scheme, ok)
}

fn slot_for<'p>(
    declared: &'p mut Permissions,
    operation: &str,
) -> &'p mut Option<SchemePermissions> {
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
    let tokens: Vec<TokenTree> = value.clone().into_iter().collect();
    match tokens.as_slice() {
        [TokenTree::Group(group)] if group.delimiter() == proc_macro2::Delimiter::Bracket => {
            let elements = split_at_commas(group.stream());
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
