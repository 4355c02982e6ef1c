//! The validation tokens of a collection with rich notifications, checked as RS256 JWTs.

use std::collections::BTreeMap;
use std::fmt;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};

use super::Notifications;

/// The application that publishes Graph's change notifications: a validation token's
/// `azp` (v2.0 tokens) or `appid` (v1.0) must name it.
pub const GRAPH_NOTIFICATION_PUBLISHER: &str = "0bf30f3b-4a52-48df-9a82-234910c4a086";

/// Microsoft's published signing keys (the JSON Web Key Set at
/// `https://login.microsoftonline.com/common/discovery/v2.0/keys`), by key id, which the
/// application fetches and refreshes itself.
#[derive(Clone, Default)]
pub struct SigningKeys {
    keys: BTreeMap<String, DecodingKey>,
}

impl fmt::Debug for SigningKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKeys")
            .field("key_ids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Why validation tokens were refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationTokenError {
    /// The key set is not a JSON Web Key Set, or holds no RSA key with an id.
    #[error("not a JSON Web Key Set with RSA signing keys: {0}")]
    KeySet(String),
    /// A collection with encrypted content came without validation tokens.
    #[error("the collection carries encrypted content but no validation tokens")]
    Missing,
    /// A token failed a check: which one, and why.
    #[error("validation token {index}: {reason}")]
    Token {
        /// Its place among the collection's tokens, from 0.
        index: usize,
        /// What failed (its algorithm, key id, signature, audience, issuer or expiry).
        reason: String,
    },
}

impl SigningKeys {
    /// The RSA keys of a JSON Web Key Set, by their `kid`.
    ///
    /// # Errors
    ///
    /// Not a key set, or no RSA key with an id in it.
    pub fn from_jwks(jwks_json: &str) -> Result<Self, ValidationTokenError> {
        let set: JwkSet = serde_json::from_str(jwks_json)
            .map_err(|error| ValidationTokenError::KeySet(error.to_string()))?;
        let keys: BTreeMap<String, DecodingKey> = set
            .keys
            .iter()
            .filter_map(|jwk| {
                let id = jwk.common.key_id.clone()?;
                let jsonwebtoken::jwk::AlgorithmParameters::RSA(rsa) = &jwk.algorithm else {
                    return None;
                };
                let key = DecodingKey::from_rsa_components(&rsa.n, &rsa.e).ok()?;
                Some((id, key))
            })
            .collect();
        if keys.is_empty() {
            return Err(ValidationTokenError::KeySet(
                "no RSA key with a `kid`".into(),
            ));
        }
        Ok(Self { keys })
    }
}

impl Notifications {
    /// Checks every validation token (`validationTokens`) Graph sent with the collection:
    /// each an RS256 JWT signed by one of `keys` (by its `kid`; no other algorithm is
    /// taken), for the audience `app_id` (the application's id), issued by
    /// `https://sts.windows.net/{tenant}/` for one of `tenants` (a multi-tenant
    /// application names the tenants it has subscriptions in), not expired, and requested
    /// by Graph's change-notification publisher (`azp` or `appid`
    /// [`GRAPH_NOTIFICATION_PUBLISHER`]), so that a token Microsoft issued to anyone else
    /// for the application does not pass. A collection with encrypted content must carry
    /// at least one; one without any needs none. Check the tokens before decrypting.
    ///
    /// # Errors
    ///
    /// The first token that fails, and why; or none where encrypted content needs them.
    pub fn check_validation_tokens(
        &self,
        keys: &SigningKeys,
        app_id: &str,
        tenants: &[&str],
    ) -> Result<(), ValidationTokenError> {
        ensure_provider();
        let encrypted = self
            .value()
            .iter()
            .any(|notification| notification.encrypted_content().is_some());
        if encrypted && self.validation_tokens().is_empty() {
            return Err(ValidationTokenError::Missing);
        }
        let issuers: Vec<String> = tenants
            .iter()
            .map(|tenant| format!("https://sts.windows.net/{tenant}/"))
            .collect();
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&[app_id]);
        validation.set_issuer(&issuers);
        validation.set_required_spec_claims(&["exp", "aud", "iss"]);
        for (index, token) in self.validation_tokens().iter().enumerate() {
            let refused = |reason: String| ValidationTokenError::Token { index, reason };
            let header = jsonwebtoken::decode_header(token)
                .map_err(|error| refused(format!("not a JWT ({error})")))?;
            if header.alg != Algorithm::RS256 {
                return Err(refused(format!(
                    "signed with {:?}, where only RS256 is taken",
                    header.alg
                )));
            }
            let kid = header
                .kid
                .ok_or_else(|| refused("no key id (`kid`)".into()))?;
            let key = keys.keys.get(&kid).ok_or_else(|| {
                refused(format!(
                    "signed with key `{kid}`, which is not among the signing keys"
                ))
            })?;
            let claims = jsonwebtoken::decode::<serde_json::Value>(token, key, &validation)
                .map_err(|error| refused(reason(&error)))?
                .claims;
            let publisher = ["azp", "appid"]
                .iter()
                .find_map(|name| claims.get(*name).and_then(serde_json::Value::as_str));
            if publisher != Some(GRAPH_NOTIFICATION_PUBLISHER) {
                return Err(refused(format!(
                    "it was not requested by Graph's change-notification publisher (`azp` or `appid` {GRAPH_NOTIFICATION_PUBLISHER}), but by {}",
                    publisher.map_or_else(|| "no application named".to_owned(), |app| format!("`{}`", crate::response::shorten(app, 60)))
                )));
            }
        }
        Ok(())
    }
}

/// A failed check in words.
fn reason(error: &jsonwebtoken::errors::Error) -> String {
    use jsonwebtoken::errors::ErrorKind;
    match error.kind() {
        ErrorKind::InvalidSignature => "its signature does not verify with its key".into(),
        ErrorKind::ExpiredSignature => "it has expired".into(),
        ErrorKind::InvalidAudience => "its audience is not the application".into(),
        ErrorKind::InvalidIssuer => "its issuer is not one of the tenants named".into(),
        ErrorKind::ImmatureSignature => "it is not valid yet".into(),
        ErrorKind::MissingRequiredClaim(claim) => format!("it has no `{claim}` claim"),
        _ => error.to_string(),
    }
}

/// jsonwebtoken picks its crypto provider from its features; where a program also
/// enables its other provider, none is picked, and this one (RustCrypto) is installed.
fn ensure_provider() {
    if jsonwebtoken::crypto::CryptoProvider::try_get_default().is_none() {
        let _ = jsonwebtoken::crypto::CryptoProvider::install_default(
            &jsonwebtoken::crypto::rust_crypto::DEFAULT_PROVIDER,
        );
    }
}
