//! `AzureCredential` (feature `azure`) over a real `azure_identity` credential: a managed
//! identity (App Service's, which is plain http to a local endpoint) served on loopback,
//! sent through the client's own HTTP stack, its tokens carried to Graph on loopback
//! with their expiry; and the scope asked for in each cloud.
//!
//! `cargo test -p graph-tests --features azure --test azure`. The credential reads its
//! endpoint from the process environment, which one test here sets and no other reads.

#![cfg(feature = "azure")]

mod support;

use std::sync::Arc;

use graph_core::client::azure_identity::{
    ManagedIdentityCredential, ManagedIdentityCredentialOptions,
};
use graph_core::client::{AzureCredential, GraphClient, TokenCache, TokenProvider};
use graph_core::serde_json::json;
use graph_core::time::OffsetDateTime;
use graph_core::{ApiVersion, Cloud, Endpoint};
use support::{bounded, endpoint, Group};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn the_scope_is_the_endpoint_s_cloud_s_default() {
    let credential = || -> Arc<dyn graph_core::client::azure_core::credentials::TokenCredential> {
        graph_core::client::azure_identity::AzureCliCredential::new(None).unwrap()
    };
    for (cloud, scope) in [
        (Cloud::Global, "https://graph.microsoft.com/.default"),
        (Cloud::UsGovL4, "https://graph.microsoft.us/.default"),
        (Cloud::UsGovL5, "https://dod-graph.microsoft.us/.default"),
        (
            Cloud::China,
            "https://microsoftgraph.chinacloudapi.cn/.default",
        ),
    ] {
        let endpoint = Endpoint::new(cloud, ApiVersion::V1);
        assert_eq!(AzureCredential::new(credential(), &endpoint).scope(), scope);
    }
    let local = Endpoint::custom("http://127.0.0.1:9/beta").unwrap();
    let adapted = AzureCredential::new(credential(), &local);
    assert_eq!(adapted.scope(), "https://graph.microsoft.com/.default");
    let proxied = adapted.with_scope("api://graph-proxy/.default");
    assert_eq!(proxied.scope(), "api://graph-proxy/.default");
}

#[tokio::test]
async fn a_managed_identity_s_token_reaches_graph_with_its_expiry() {
    bounded(async {
        let identity = MockServer::start().await;
        let expires_on = OffsetDateTime::now_utc().unix_timestamp() + 3600;
        Mock::given(method("GET"))
            .and(path("/msi/token"))
            .and(query_param("resource", "https://graph.microsoft.com"))
            .and(header("x-identity-header", "identity-secret"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "access_token": "managed-identity-token",
                "expires_on": expires_on.to_string(),
                "resource": "https://graph.microsoft.com",
                "token_type": "Bearer",
            })))
            .mount(&identity)
            .await;
        // The only test in this binary: nothing else reads the environment meanwhile.
        std::env::set_var("IDENTITY_ENDPOINT", format!("{}/msi/token", identity.uri()));
        std::env::set_var("IDENTITY_HEADER", "identity-secret");
        let credential = ManagedIdentityCredential::new(Some(ManagedIdentityCredentialOptions {
            client_options: AzureCredential::client_options().unwrap(),
            ..ManagedIdentityCredentialOptions::default()
        }))
        .unwrap();

        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .and(header("authorization", "Bearer managed-identity-token"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "g1"})))
            .mount(&graph)
            .await;
        let endpoint = endpoint(&graph.uri());
        let adapted = AzureCredential::new(credential, &endpoint);
        let token = adapted.access_token().await.unwrap();
        assert_eq!(
            token.expires_at().map(OffsetDateTime::unix_timestamp),
            Some(expires_on)
        );
        let client = GraphClient::new(endpoint, TokenCache::new(adapted))
            .unwrap()
            .with_permission_check(false);
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        assert_eq!(graph.received_requests().await.unwrap().len(), 2);
        assert!(!identity.received_requests().await.unwrap().is_empty());
    })
    .await;
}
