//! What the integration tests share: a token, clients for loopback servers, answers as
//! Graph writes them, and a bound on every test's time. Each test file takes what it uses
//! (`mod support;`), so not every item is used by every file.

#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use graph_core::client::{GraphClient, RetryPolicy};
use graph_core::http::{self, StatusCode};
use graph_core::serde_json::{self, json, Value};
use graph_core::{AccessToken, Endpoint};

/// A bearer token whose middle part would be a secret payload: tests assert it never
/// shows in messages, logs or places it must not go.
pub const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

pub fn token() -> AccessToken {
    AccessToken::new(TOKEN).unwrap()
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

/// Graph's error body.
pub fn graph_error(code: &str) -> Value {
    json!({"error": {"code": code, "message": "Try again later."}})
}

/// An `http` response with this status and JSON body.
pub fn response(status: u16, body: &Value) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(serde_json::to_vec(body).unwrap());
    *response.status_mut() = StatusCode::from_u16(status).unwrap();
    response
}
