//! Rust names to Graph's JSON names and back.

/// Graph's JSON name for a Rust field: lowerCamelCase (`failed_tasks_count` →
/// `failedTasksCount`, `r#type` → `type`, `address_line_1` → `addressLine1`).
pub fn lower_camel(field: &str) -> String {
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

/// Graph's JSON name for a Rust enum variant: its first letter lowered
/// (`CompletedWithErrors` → `completedWithErrors`, `Ipv6Range` → `ipv6Range`), as Rust's
/// naming convention writes acronyms as words.
pub fn variant_lower_camel(variant: &str) -> String {
    let variant = variant.strip_prefix("r#").unwrap_or(variant);
    let mut chars = variant.chars();
    let mut out = String::with_capacity(variant.len());
    if let Some(first) = chars.next() {
        out.extend(first.to_lowercase());
    }
    out.push_str(chars.as_str());
    out
}

/// A Rust parameter name for a path placeholder: `workflow-id` → `workflow_id`,
/// `workflowId` → `workflow_id`.
pub fn snake(placeholder: &str) -> String {
    let mut out = String::with_capacity(placeholder.len() + 4);
    let mut previous_lower = false;
    for c in placeholder.chars() {
        if c == '-' || c == '_' {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous_lower = false;
        } else if c.is_uppercase() {
            if previous_lower {
                out.push('_');
            }
            out.extend(c.to_lowercase());
            previous_lower = false;
        } else {
            out.push(c);
            previous_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        format!("p{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_lower_camel_case() {
        assert_eq!(lower_camel("failed_tasks_count"), "failedTasksCount");
        assert_eq!(lower_camel("id"), "id");
        assert_eq!(lower_camel("r#type"), "type");
        assert_eq!(lower_camel("address_line_1"), "addressLine1");
        assert_eq!(lower_camel("_private"), "private");
        assert_eq!(lower_camel("odata__double"), "odataDouble");
        assert_eq!(lower_camel("already"), "already");
    }

    #[test]
    fn variants_become_lower_camel_case() {
        assert_eq!(variant_lower_camel("Queued"), "queued");
        assert_eq!(
            variant_lower_camel("CompletedWithErrors"),
            "completedWithErrors"
        );
        assert_eq!(
            variant_lower_camel("UnknownFutureValue"),
            "unknownFutureValue"
        );
        assert_eq!(variant_lower_camel("OnDemand"), "onDemand");
        assert_eq!(variant_lower_camel("Ipv6Range"), "ipv6Range");
        assert_eq!(variant_lower_camel("A"), "a");
    }

    #[test]
    fn placeholders_become_snake_case_parameters() {
        assert_eq!(snake("workflow-id"), "workflow_id");
        assert_eq!(snake("workflowId"), "workflow_id");
        assert_eq!(snake("id"), "id");
        assert_eq!(snake("user_id"), "user_id");
        assert_eq!(snake("1st"), "p1st");
    }
}
