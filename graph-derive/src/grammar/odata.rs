//! The grammar of an OData type: a name in Graph's namespace, written in bodies and matched
//! when reading.

/// Checks an OData type and gives its `#` form: `microsoft.graph.user` and
/// `#microsoft.graph.user` both give `#microsoft.graph.user`.
pub fn parse(raw: &str) -> Result<String, String> {
    let name = raw.strip_prefix('#').unwrap_or(raw);
    if name.is_empty() {
        return Err(
            "`odata` is empty; write the OData type, e.g. `odata = \"#microsoft.graph.user\"`"
                .into(),
        );
    }
    let Some(type_name) = name.strip_prefix("microsoft.graph.") else {
        return Err(format!(
            "OData type `{raw}` is not in the `microsoft.graph` namespace; write `#microsoft.graph.<type>` or `#microsoft.graph.<namespace>.<type>`, e.g. `#microsoft.graph.user`"
        ));
    };
    for segment in type_name.split('.') {
        let valid = segment
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!(
                "OData type `{raw}` has an invalid name segment `{segment}`; each part is a name of letters, digits and `_`, e.g. `#microsoft.graph.identityGovernance.run`"
            ));
        }
    }
    Ok(format!("#{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odata_types_get_their_hash_form() {
        assert_eq!(
            parse("microsoft.graph.user").unwrap(),
            "#microsoft.graph.user"
        );
        assert_eq!(
            parse("#microsoft.graph.identityGovernance.run").unwrap(),
            "#microsoft.graph.identityGovernance.run"
        );
    }

    #[test]
    fn odata_types_outside_the_namespace_or_malformed_are_refused() {
        for (raw, expected) in [
            ("", "`odata` is empty"),
            ("#", "`odata` is empty"),
            ("contoso.run", "not in the `microsoft.graph` namespace"),
            ("microsoft.graph", "not in the `microsoft.graph` namespace"),
            ("microsoft.graph.", "invalid name segment ``"),
            ("microsoft.graph.a..b", "invalid name segment ``"),
            (
                "microsoft.graph.user-type",
                "invalid name segment `user-type`",
            ),
            ("microsoft.graph.1user", "invalid name segment `1user`"),
        ] {
            let error = parse(raw).err().unwrap_or_else(|| panic!("{raw} parsed"));
            assert!(error.contains(expected), "{raw}: {error}");
        }
    }
}
