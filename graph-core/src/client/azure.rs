//! `azure_identity`'s credentials as a [`TokenProvider`] (feature `azure`).

use std::fmt;
use std::sync::Arc;

use azure_core::credentials::TokenCredential;
use azure_core::http::{ClientOptions, Transport};

use super::error::{BoxError, ClientError};
use super::token::TokenProvider;
use crate::{AccessToken, Cloud, Endpoint};

/// Any credential of `azure_identity` (client secret, certificate, managed identity,
/// workload identity, Azure CLI, developer tools) as a [`TokenProvider`]: it asks for the
/// `.default` scope of the endpoint's cloud (`https://graph.microsoft.com/.default`,
/// `https://graph.microsoft.us/.default`, `https://dod-graph.microsoft.us/.default`,
/// `https://microsoftgraph.chinacloudapi.cn/.default`; the global one for an
/// [`Endpoint::custom`] unless [`with_scope`](Self::with_scope) says otherwise) and passes
/// each token's expiry on, for [`TokenCache`](super::TokenCache).
///
/// `azure_identity`'s credentials that call a token service need an HTTP client: give
/// them [`client_options`](Self::client_options), which is this crate's own (reqwest with
/// rustls and `ring`), so no second TLS stack is built. Credentials keep their own
/// tokens; `azure_identity` 1.x takes no claims challenge, so a challenge Graph repeats
/// ends in its error ([`GraphError::claims_challenge`](crate::GraphError::claims_challenge)).
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use graph_core::client::{AzureCredential, GraphClient};
/// use graph_core::Endpoint;
/// use graph_core::client::azure_identity::{ClientSecretCredential, ClientSecretCredentialOptions};
///
/// let credential = ClientSecretCredential::new(
///     &std::env::var("AZURE_TENANT_ID")?,
///     std::env::var("AZURE_CLIENT_ID")?,
///     std::env::var("AZURE_CLIENT_SECRET")?.into(),
///     Some(ClientSecretCredentialOptions {
///         client_options: AzureCredential::client_options()?,
///     }),
/// )?;
/// let endpoint = Endpoint::v1();
/// let client = GraphClient::new(endpoint.clone(), AzureCredential::new(credential, &endpoint))?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct AzureCredential {
    credential: Arc<dyn TokenCredential>,
    scope: String,
}

impl fmt::Debug for AzureCredential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AzureCredential")
            .field("credential", &self.credential)
            .field("scope", &self.scope)
            .finish()
    }
}

impl AzureCredential {
    /// `credential`, asking for the `.default` scope of `endpoint`'s cloud.
    pub fn new(credential: Arc<dyn TokenCredential>, endpoint: &Endpoint) -> Self {
        let root = endpoint.cloud().unwrap_or(Cloud::Global).root();
        Self {
            credential,
            scope: format!("{root}/.default"),
        }
    }

    /// Asks for `scope` instead (a proxy's own application ID URI, say).
    #[must_use]
    pub fn with_scope(mut self, scope: &str) -> Self {
        scope.clone_into(&mut self.scope);
        self
    }

    /// The scope tokens are asked for.
    #[must_use]
    pub fn scope(&self) -> &str {
        &self.scope
    }

    /// Options for `azure_identity`'s credentials that send them through this crate's HTTP
    /// stack ([`http_client_builder`](super::http_client_builder)): give them to every
    /// credential that calls a token service (client secret, certificate, managed and
    /// workload identity). Without them such a credential panics at its first token,
    /// as `azure_core` is built here without an HTTP client of its own.
    ///
    /// # Errors
    ///
    /// The HTTP client could not be set up.
    pub fn client_options() -> Result<ClientOptions, ClientError> {
        let http = super::http_client_builder()?
            .build()
            .map_err(ClientError::Transport)?;
        Ok(ClientOptions {
            transport: Some(Transport::new(Arc::new(http))),
            ..ClientOptions::default()
        })
    }
}

impl TokenProvider for AzureCredential {
    async fn access_token(&self) -> Result<AccessToken, BoxError> {
        let token = self.credential.get_token(&[&self.scope], None).await?;
        Ok(AccessToken::new(token.token.secret())?.with_expiry(token.expires_on))
    }
}
