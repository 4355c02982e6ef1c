//! Bearer tokens, kept out of sight.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

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
///
/// A token can carry when it expires ([`with_expiry`](Self::with_expiry)), as token
/// services say it beside the token; [`TokenCache`](crate::client::TokenCache) keeps it
/// until shortly before then.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    secret: String,
    expires_at: Option<OffsetDateTime>,
}

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
        Ok(Self {
            secret: token,
            expires_at: None,
        })
    }

    /// The token with the time it expires, as the service that issued it said (an
    /// `expires_in` or `expires_on` beside the token).
    ///
    /// ```
    /// use graph_core::{time, AccessToken};
    ///
    /// let expiry = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    /// let token = AccessToken::new("opaque-token")?.with_expiry(expiry);
    /// assert_eq!(token.expires_at(), Some(expiry));
    /// # Ok::<(), graph_core::InvalidAccessToken>(())
    /// ```
    #[must_use]
    pub fn with_expiry(mut self, expires_at: OffsetDateTime) -> Self {
        self.expires_at = Some(expires_at);
        self
    }

    /// When the token expires: as [`with_expiry`](Self::with_expiry) gave it, else the
    /// token's own `exp` claim where it is a JWT whose claims can be read (Entra's tokens
    /// for Graph are), else `None` (an opaque token given without its expiry).
    #[must_use]
    pub fn expires_at(&self) -> Option<OffsetDateTime> {
        self.expires_at.or_else(|| {
            let claims = crate::permissions::jwt_claims(&self.secret)?;
            let exp = claims.get("exp")?;
            // `NumericDate` is seconds, which some issuers write with a fraction.
            let seconds = exp.as_i64().or_else(|| {
                exp.as_f64()
                    .filter(|s| s.is_finite() && s.abs() < 1e15)
                    .map(|s| s as i64)
            })?;
            OffsetDateTime::from_unix_timestamp(seconds).ok()
        })
    }

    /// The secret itself, for code that must send it elsewhere. Keep it out of logs.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        &self.secret
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
        match self.expires_at {
            // The expiry is no secret, and says which token this is.
            Some(at) => write!(f, "AccessToken(<redacted>, expires {at})"),
            None => f.write_str("AccessToken(<redacted>)"),
        }
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
    fn the_expiry_is_the_given_one_else_the_jwt_exp_claim() {
        use base64::Engine;
        let jwt = |claims: &str| {
            let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims);
            AccessToken::new(format!("eyJhbGciOiJSUzI1NiJ9.{payload}.sig")).unwrap()
        };
        let exp = OffsetDateTime::from_unix_timestamp(1_900_000_000).unwrap();
        assert_eq!(jwt(r#"{"exp":1900000000}"#).expires_at(), Some(exp));
        assert_eq!(jwt(r#"{"exp":1900000000.25}"#).expires_at(), Some(exp));
        assert_eq!(jwt(r#"{"exp":"soon"}"#).expires_at(), None);
        assert_eq!(jwt(r#"{"scp":"User.Read"}"#).expires_at(), None);
        assert_eq!(AccessToken::new("opaque").unwrap().expires_at(), None);
        let given = OffsetDateTime::from_unix_timestamp(1_800_000_000).unwrap();
        let token = jwt(r#"{"exp":1900000000}"#).with_expiry(given);
        assert_eq!(token.expires_at(), Some(given));
        assert!(!format!("{token:?}").contains("eyJ"));
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
