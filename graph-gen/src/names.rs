//! Graph's names as Rust names, and back: the macros' own rules (a field's JSON name is
//! its lowerCamelCase form, a variant's its first letter lowered), so that `rename` is
//! written exactly where they would not give Graph's name back.

/// Words Rust reserves: a field so named is written raw (`r#type`), which the macros read
/// back as `type`; those that cannot be raw get a `_` and a `rename`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// A Rust field for a property: its name, and the `rename` it needs, where it needs one.
#[must_use]
pub fn field(json: &str) -> (String, Option<String>) {
    let snake = snake(json);
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) || snake.is_empty() {
        format!("p_{snake}")
    } else {
        snake
    };
    if NOT_RAW.contains(&snake.as_str()) {
        return (format!("{snake}_"), Some(json.to_owned()));
    }
    let name = if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    };
    let rename = (lower_camel(&name) != json).then(|| json.to_owned());
    (name, rename)
}

/// A Rust variant for an enum member: its name, and the `rename` it needs.
#[must_use]
pub fn variant(json: &str) -> (String, Option<String>) {
    let mut name = words(&pascal(json));
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("V{name}");
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    }
    let rename = (variant_lower_camel(&name) != json).then(|| json.to_owned());
    (name, rename)
}

/// A type's Rust name: PascalCase (`driveItem` → `DriveItem`).
#[must_use]
pub fn type_name(json: &str) -> String {
    let name = words(&pascal(json));
    if name.starts_with(|c: char| c.is_ascii_digit()) || NOT_RAW.contains(&name.as_str()) {
        format!("T{name}")
    } else {
        name
    }
}

/// A namespace's module: snake case, after `microsoft.graph.` (`identityGovernance` →
/// `identity_governance`, `partners.billing` → `partners_billing`).
#[must_use]
pub fn module(namespace: &str) -> String {
    let rest = namespace
        .strip_prefix("microsoft.graph.")
        .unwrap_or(namespace);
    let name = rest.split('.').map(snake).collect::<Vec<_>>().join("_");
    if KEYWORDS.contains(&name.as_str()) || NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// `userPrincipalName` → `user_principal_name`; `isMFARegistered` → `is_mfa_registered`;
/// `address_line1` kept.
#[must_use]
pub fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            continue;
        }
        if c.is_uppercase() {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let starts_word = previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (previous.is_some_and(char::is_uppercase)
                    && next.is_some_and(|n| n.is_lowercase()));
            if starts_word && !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// A name written all in capitals as a word, as Rust's naming writes acronyms (`IOS` →
/// `Ios`); any other kept.
fn words(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 1 && !name.chars().any(char::is_lowercase) {
        let mut chars = name.chars();
        let first = chars.next().into_iter();
        first.chain(chars.flat_map(char::to_lowercase)).collect()
    } else {
        name.to_owned()
    }
}

/// `driveItem` → `DriveItem`; `v1_0` → `V10`.
#[must_use]
pub fn pascal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            upper = true;
            continue;
        }
        if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The macros' JSON name for a field (see `graph-derive`'s `case.rs`).
fn lower_camel(field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let mut out = String::with_capacity(field.len());
    for part in field.split('_').filter(|part| !part.is_empty()) {
        let mut chars = part.chars();
        if out.is_empty() {
            out.push_str(part);
        } else if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

/// The macros' JSON name for a variant.
fn variant_lower_camel(variant: &str) -> String {
    let variant = variant.strip_prefix("r#").unwrap_or(variant);
    let mut chars = variant.chars();
    let mut out = String::with_capacity(variant.len());
    if let Some(first) = chars.next() {
        out.extend(first.to_lowercase());
    }
    out.push_str(chars.as_str());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_graph_s_names() {
        assert_eq!(
            field("userPrincipalName"),
            ("user_principal_name".into(), None)
        );
        assert_eq!(field("id"), ("id".into(), None));
        assert_eq!(field("type"), ("r#type".into(), None));
        assert_eq!(field("self"), ("self_".into(), Some("self".into())));
        assert_eq!(
            field("isMFARegistered"),
            ("is_mfa_registered".into(), Some("isMFARegistered".into()))
        );
        assert_eq!(field("addressLine1"), ("address_line1".into(), None));
        assert_eq!(field("@odata.type").1.as_deref(), Some("@odata.type"));
        assert_eq!(field("2fa"), ("p_2fa".into(), Some("2fa".into())));
    }

    #[test]
    fn variants_and_types() {
        assert_eq!(
            variant("unknownFutureValue"),
            ("UnknownFutureValue".into(), None)
        );
        assert_eq!(variant("joiner"), ("Joiner".into(), None));
        assert_eq!(variant("iOS"), ("Ios".into(), Some("iOS".into())));
        assert_eq!(variant("SMS"), ("Sms".into(), Some("SMS".into())));
        assert_eq!(variant("IPv6"), ("IPv6".into(), Some("IPv6".into())));
        assert_eq!(variant("v1_0"), ("V10".into(), Some("v1_0".into())));
        assert_eq!(
            variant("24Hours"),
            ("V24Hours".into(), Some("24Hours".into()))
        );
        assert_eq!(type_name("driveItem"), "DriveItem");
        assert_eq!(
            module("microsoft.graph.identityGovernance"),
            "identity_governance"
        );
        assert_eq!(
            module("microsoft.graph.partners.billing"),
            "partners_billing"
        );
    }
}
