//! Bearer tokens, kept out of sight.

use std::fmt;
use std::str::FromStr;

/// A bearer token for the `Authorization` header. Its `Debug` and `Display` never show
/// the secret, so it can sit in structs that are logged.
///
/// ```
/// use graph_core::AccessToken;
///
/// let token = AccessToken::new("eyJ0eXAiOiJKV1QiLCJhbGciOi.payload.signature")?;
/// assert_eq!(format!("{token:?}"), "AccessToken(<redacted>)");
/// assert_eq!(token.to_string(), "<redacted>");
/// assert!(AccessToken::new("two\nlines").is_err());
/// # Ok::<(), graph_core::InvalidAccessToken>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

/// A token that cannot be sent in a header: empty, or with characters other than visible
/// ASCII. The token itself is not in the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid access token: {0}")]
pub struct InvalidAccessToken(&'static str);

impl AccessToken {
    /// A token, checked to be sendable in an `Authorization` header. A leading `Bearer ` is
    /// dropped, for tokens copied from a header.
    ///
    /// # Errors
    ///
    /// The token is empty or holds anything but visible ASCII.
    pub fn new(token: impl Into<String>) -> Result<Self, InvalidAccessToken> {
        let mut token = token.into();
        if let Some(rest) = token.strip_prefix("Bearer ") {
            token = rest.to_owned();
        }
        let token = token.trim().to_owned();
        if token.is_empty() {
            return Err(InvalidAccessToken("it is empty"));
        }
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(InvalidAccessToken(
                "it holds characters other than visible ASCII (spaces, line breaks, non-ASCII)",
            ));
        }
        Ok(Self(token))
    }

    /// The secret itself, for code that must send it elsewhere. Keep it out of logs.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl FromStr for AccessToken {
    type Err = InvalidAccessToken;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_is_never_formatted() {
        let token = AccessToken::new("s3cr3t-value").unwrap();
        for shown in [
            format!("{token:?}"),
            format!("{token}"),
            format!("{token:#?}"),
        ] {
            assert!(!shown.contains("s3cr3t"), "{shown}");
        }
        assert_eq!(token.expose_secret(), "s3cr3t-value");
    }

    #[test]
    fn a_bearer_prefix_and_surrounding_space_are_dropped() {
        assert_eq!(
            AccessToken::new("Bearer abc.def ").unwrap().expose_secret(),
            "abc.def"
        );
    }

    #[test]
    fn unsendable_tokens_are_refused_without_echoing_them() {
        for bad in ["", "  ", "a b", "a\r\nX-Injected: 1", "tökén"] {
            let error = AccessToken::new(bad).unwrap_err().to_string();
            assert!(!bad.trim().is_empty() || error.contains("empty"), "{error}");
            assert!(!error.contains("Injected"), "{error}");
        }
    }
}
