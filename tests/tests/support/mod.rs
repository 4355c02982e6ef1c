//! What the integration tests share: a token, clients for loopback servers, answers as
//! Graph writes them, the resources several files declare, and a bound on every test's
//! time. Each test file takes what it uses (`mod support;`), so not every item is used by
//! every file.

#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use graph_core::client::{GraphClient, RetryPolicy};
use graph_core::http::{self, StatusCode};
use graph_core::serde_json::{self, json, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_resource, AccessToken, Endpoint, ValidationError};

/// A bearer token whose middle part would be a secret payload: tests assert it never
/// shows in messages, logs or places it must not go.
pub const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

pub fn token() -> AccessToken {
    AccessToken::new(TOKEN).unwrap()
}

/// The token's middle part, the secret itself: what must show nowhere.
pub fn secret() -> &'static str {
    TOKEN.split('.').nth(1).unwrap()
}

/// Every network test ends within this, whatever the server does.
pub async fn bounded<F: Future>(test: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(20), test)
        .await
        .expect("the test finished in time")
}

/// The endpoint of a loopback server at `base` (`http://127.0.0.1:port`), version `beta`.
pub fn endpoint(base: &str) -> Endpoint {
    Endpoint::custom(&format!("{base}/beta")).unwrap()
}

/// A client of the server at `base` with the test token and short backoffs.
pub fn client(base: &str) -> GraphClient<AccessToken> {
    GraphClient::new(endpoint(base), token())
        .unwrap()
        .with_retry(RetryPolicy {
            base_delay: Duration::from_millis(5),
            ..RetryPolicy::default()
        })
}

/// A run as Graph answers one.
pub fn run_json(id: &str) -> Value {
    json!({"@odata.type": "#microsoft.graph.identityGovernance.run", "id": id, "failedTasksCount": 0})
}

/// The id the service gives the run created from `queued_run()`.
pub const CREATED_ID: &str = "9947396f-3691-e265-b1e5-2ea86c0c89d6";

/// The 201 body for `queued_run()`'s create: what was sent, plus what the service sets.
pub fn created_body() -> Value {
    let sent = graph_examples::samples::queued_run()
        .create_request()
        .unwrap();
    let mut body: Value = serde_json::from_slice(sent.body()).unwrap();
    body["id"] = CREATED_ID.into();
    body["@odata.context"] = "https://graph.microsoft.com/beta/$metadata#runs/$entity".into();
    body
}

/// Graph's error body.
pub fn graph_error(code: &str) -> Value {
    json!({"error": {"code": code, "message": "Try again later."}})
}

/// Graph's error body with this message and the `innerError` Graph adds: its date and the
/// request's ids.
pub fn full_graph_error(code: &str, message: &str) -> Value {
    json!({"error": {"code": code, "message": message, "innerError": {
        "date": "2024-05-01T08:30:12", "request-id": "req-1", "client-request-id": "client-1"}}})
}

/// An `http` response with this status and JSON body.
pub fn response(status: u16, body: &Value) -> http::Response<Vec<u8>> {
    raw_response(status, serde_json::to_vec(body).unwrap())
}

/// An `http` response with this status and this body byte for byte, whatever it holds.
pub fn raw_response(status: u16, body: impl AsRef<[u8]>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(body.as_ref().to_vec());
    *response.status_mut() = StatusCode::from_u16(status).unwrap();
    response
}

/// Each violation an error lists, as its path and kind, in order.
pub fn violations(error: &ValidationError) -> Vec<(&str, ViolationKind)> {
    error
        .violations()
        .iter()
        .map(|v| (v.path(), v.kind()))
        .collect()
}

/// `microsoft.graph.group`, with what it does not declare kept. It declares no
/// permissions.
#[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    #[graph(read_only)]
    pub id: Option<String>,
    #[graph(required)]
    pub display_name: Option<String>,
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}

/// A group that can be created: its required name set.
pub fn group() -> Group {
    Group {
        display_name: Some("Library".into()),
        ..Group::default()
    }
}

/// Adding a member to a group: a collection path with a placeholder, and a body of one
/// annotation.
#[graph_resource(
    path = "/groups/{group-id}/members/$ref",
    odata = "#microsoft.graph.directoryObject"
)]
#[derive(Debug, Default, PartialEq)]
pub struct MemberRef {
    #[graph(required, rename = "@odata.id")]
    pub odata_id: Option<String>,
}

/// What a [`scripted_server`] saw of one request: its head, as text.
pub type Heads = std::sync::Arc<std::sync::Mutex<Vec<String>>>;

/// A server on loopback that answers every connection by writing `parts` in order, each
/// after its delay, then closing: for answers no framework writes (a body that stalls,
/// stops short, or trickles). Returns its base URL and the head of each request it read.
/// It stops with the test's runtime.
pub async fn scripted_server(parts: Vec<(Duration, Vec<u8>)>) -> (String, Heads) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let heads = Heads::default();
    let seen = std::sync::Arc::clone(&heads);
    let parts = std::sync::Arc::new(parts);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let seen = std::sync::Arc::clone(&seen);
            let parts = std::sync::Arc::clone(&parts);
            // Each connection on its own, so a stalled one holds up no other.
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buffer = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => head.extend_from_slice(&buffer[..n]),
                    }
                }
                seen.lock()
                    .unwrap()
                    .push(String::from_utf8_lossy(&head).into_owned());
                for (delay, part) in parts.iter() {
                    tokio::time::sleep(*delay).await;
                    if socket.write_all(part).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (format!("http://{address}"), heads)
}

/// A token whose claims are `claims`: unsigned, clearly fake.
pub fn token_with_claims(claims: &str) -> AccessToken {
    use base64::Engine;
    AccessToken::new(format!(
        "eyJhbGciOiJub25lIn0.{}.fake-signature",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
    ))
    .unwrap()
}
