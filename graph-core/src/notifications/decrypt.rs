//! Rich notifications' resources, decrypted as Microsoft documents it: the symmetric key
//! unwrapped with the application's RSA key (OAEP, SHA-1), the HMAC-SHA256 signature over
//! the base64-decoded data checked in constant time before anything is decrypted, then
//! AES-256-CBC with PKCS #7 padding and the key's first 16 bytes as IV.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine;
use cbc::cipher::{block_padding::Pkcs7, BlockModeDecrypt, KeyIvInit};
use hmac::{KeyInit, Mac};
use serde_json::Value;

/// A rich notification's encrypted resource (`encryptedContent`).
#[derive(Clone)]
pub struct EncryptedContent {
    data: String,
    data_signature: String,
    data_key: String,
    encryption_certificate_id: String,
    encryption_certificate_thumbprint: Option<String>,
}

impl fmt::Debug for EncryptedContent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncryptedContent")
            .field("encryption_certificate_id", &self.encryption_certificate_id)
            .field("data_len", &self.data.len())
            .finish_non_exhaustive()
    }
}

/// The application's private keys, by the certificate id each subscription names
/// (`encryptionCertificateId`), so that a key can be rotated: subscriptions made with the
/// new certificate and those still on the old one are both read.
#[derive(Clone, Default)]
pub struct DecryptionKeys {
    keys: BTreeMap<String, rsa::PrivateKey>,
}

impl fmt::Debug for DecryptionKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecryptionKeys")
            .field("certificate_ids", &self.keys.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// Why a rich notification's resource was not decrypted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DecryptError {
    /// A PEM given to [`DecryptionKeys::with_pem`] is not an RSA private key.
    #[error("the key for certificate `{certificate_id}` is not an RSA private key in PEM (PKCS #8 `BEGIN PRIVATE KEY` or PKCS #1 `BEGIN RSA PRIVATE KEY`)")]
    InvalidKey {
        /// The certificate id it was given for.
        certificate_id: String,
    },
    /// No key was given for the certificate the subscription names.
    #[error("no decryption key for certificate `{certificate_id}` (keys are held for {known})")]
    UnknownCertificate {
        /// The id the notification names.
        certificate_id: String,
        /// The ids keys are held for.
        known: String,
    },
    /// A field is not base64.
    #[error("`{field}` is not base64")]
    Base64 {
        /// The field (`data`, `dataKey`, `dataSignature`).
        field: &'static str,
    },
    /// The symmetric key did not unwrap with the certificate's private key: another key,
    /// or a `dataKey` that was changed.
    #[error("the data key does not decrypt with the private key of certificate `{certificate_id}` (RSA-OAEP with SHA-1): a wrong key, or a changed dataKey")]
    DataKey {
        /// The certificate id.
        certificate_id: String,
    },
    /// The data's signature does not match: the data or its signature was changed, or it
    /// was not made with this key. Nothing was decrypted.
    #[error("the data's HMAC-SHA256 signature does not match: the data was changed or not signed with this key; nothing was decrypted")]
    Signature,
    /// The data did not decrypt: its padding is wrong.
    #[error("the data does not decrypt with AES-256-CBC and PKCS #7 padding")]
    Padding,
    /// The decrypted data is not the JSON asked for.
    #[error("the decrypted resource does not read as the type asked for: {0}")]
    Json(#[source] serde_json::Error),
}

impl DecryptionKeys {
    /// No keys yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the private key of the certificate `certificate_id` (as the subscription's
    /// `encryptionCertificateId` names it), in PEM: PKCS #8 (`BEGIN PRIVATE KEY`) or
    /// PKCS #1 (`BEGIN RSA PRIVATE KEY`).
    ///
    /// # Errors
    ///
    /// The PEM is not an RSA private key ([`DecryptError::InvalidKey`]); the error does not
    /// show it.
    pub fn with_pem(mut self, certificate_id: &str, pem: &str) -> Result<Self, DecryptError> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        use rsa::pkcs8::DecodePrivateKey;
        let key = rsa::PrivateKey::from_pkcs8_pem(pem)
            .or_else(|_| rsa::PrivateKey::from_pkcs1_pem(pem))
            .map_err(|_| DecryptError::InvalidKey {
                certificate_id: certificate_id.to_owned(),
            })?;
        self.keys.insert(certificate_id.to_owned(), key);
        Ok(self)
    }

    /// Whether a key is held for `certificate_id`.
    #[must_use]
    pub fn contains(&self, certificate_id: &str) -> bool {
        self.keys.contains_key(certificate_id)
    }
}

impl EncryptedContent {
    pub(super) fn read(content: Value) -> Result<Self, String> {
        let Value::Object(mut content) = content else {
            return Err("not a JSON object".into());
        };
        let mut text = |name: &str| match content.remove(name) {
            Some(Value::String(text)) => Ok(Some(text)),
            None | Some(Value::Null) => Ok(None),
            Some(_) => Err(format!("`{name}` is not a string")),
        };
        let mut required = |name: &str| text(name)?.ok_or_else(|| format!("no `{name}`"));
        Ok(Self {
            data: required("data")?,
            data_signature: required("dataSignature")?,
            data_key: required("dataKey")?,
            encryption_certificate_id: required("encryptionCertificateId")?,
            encryption_certificate_thumbprint: text("encryptionCertificateThumbprint")?,
        })
    }

    /// The certificate the data key was encrypted for (`encryptionCertificateId`).
    #[must_use]
    pub fn encryption_certificate_id(&self) -> &str {
        &self.encryption_certificate_id
    }

    /// The certificate's thumbprint, where Graph gave it.
    #[must_use]
    pub fn encryption_certificate_thumbprint(&self) -> Option<&str> {
        self.encryption_certificate_thumbprint.as_deref()
    }

    /// The resource, decrypted with the key for its certificate and read as `T` (a
    /// `#[graph_resource]`, `serde_json::Value`, or any type serde reads). Check the
    /// collection's validation tokens first
    /// ([`Notifications::check_validation_tokens`](super::Notifications::check_validation_tokens)):
    /// the signature checked here proves the data came with its key, and the tokens that
    /// Graph sent it.
    ///
    /// # Errors
    ///
    /// Each step's own: no key for the certificate, a field not base64, the data key not
    /// unwrapping, the signature not matching (checked before anything is decrypted), the
    /// padding, or the JSON.
    pub fn decrypt<T: serde::de::DeserializeOwned>(
        &self,
        keys: &DecryptionKeys,
    ) -> Result<T, DecryptError> {
        let plain = self.decrypt_bytes(keys)?;
        serde_json::from_slice(&plain).map_err(DecryptError::Json)
    }

    /// The resource's JSON, decrypted, as bytes.
    fn decrypt_bytes(&self, keys: &DecryptionKeys) -> Result<Vec<u8>, DecryptError> {
        let id = &self.encryption_certificate_id;
        let key = keys
            .keys
            .get(id)
            .ok_or_else(|| DecryptError::UnknownCertificate {
                certificate_id: id.clone(),
                known: if keys.keys.is_empty() {
                    "no certificate".to_owned()
                } else {
                    keys.keys
                        .keys()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            })?;
        let base64 = |field: &'static str, text: &str| {
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|_| DecryptError::Base64 { field })
        };
        let wrapped = base64("dataKey", &self.data_key)?;
        let signature = base64("dataSignature", &self.data_signature)?;
        let data = base64("data", &self.data)?;
        let symmetric =
            key.oaep_decrypt::<sha1::Sha1>(&wrapped)
                .map_err(|_| DecryptError::DataKey {
                    certificate_id: id.clone(),
                })?;
        if symmetric.len() != 32 {
            return Err(DecryptError::DataKey {
                certificate_id: id.clone(),
            });
        }
        // The signature first, in constant time: nothing unsigned is decrypted.
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&symmetric)
            .map_err(|_| DecryptError::Signature)?;
        mac.update(&data);
        mac.verify_slice(&signature)
            .map_err(|_| DecryptError::Signature)?;
        cbc::Decryptor::<aes::Aes256>::new_from_slices(&symmetric, &symmetric[..16])
            .map_err(|_| DecryptError::Padding)?
            .decrypt_padded_vec::<Pkcs7>(&data)
            .map_err(|_| DecryptError::Padding)
    }
}
