//! `DeviceCode` against two loopback servers, one playing Microsoft Entra (`/devicecode`,
//! `/token`) and one Graph: what was asked of the authority and when, what the person was
//! shown, each terminal answer in words, the refresh token used before a new sign-in and
//! kept between runs, and which token each Graph request carried.

mod support;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use graph_core::client::{
    ClientError, DeviceCode, DeviceCodeError, GraphClient, RefreshToken, TokenCache,
};
use graph_core::serde_json::{json, Value};
use support::{bounded, endpoint, Group};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A form body, decoded.
fn form(request: &Request) -> BTreeMap<String, String> {
    let body = String::from_utf8(request.body.clone()).unwrap();
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap();
            let value = value.replace('+', " ");
            let value = percent_encoding::percent_decode_str(&value)
                .decode_utf8()
                .unwrap()
                .into_owned();
            (name.to_owned(), value)
        })
        .collect()
}

/// What the authority saw of each `/token` request: its form, and when.
type Polls = Arc<Mutex<Vec<(Instant, BTreeMap<String, String>)>>>;

/// An authority whose `/devicecode` gives `interval`, and whose `/token` answers with
/// `answers` in turn (each a status and a body), then with the last again.
async fn authority(interval: u64, answers: Vec<(u16, Value)>) -> (MockServer, Polls) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/contoso.com/oauth2/v2.0/devicecode"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "user_code": "FJ4KPL2QX",
            "device_code": "device-secret",
            "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": 900,
            "interval": interval,
            "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FJ4KPL2QX to authenticate."
        })))
        .mount(&server)
        .await;
    let polls: Polls = Arc::default();
    let seen = Arc::clone(&polls);
    Mock::given(method("POST"))
        .and(path("/contoso.com/oauth2/v2.0/token"))
        .respond_with(move |request: &Request| {
            let mut seen = seen.lock().unwrap();
            seen.push((Instant::now(), form(request)));
            let (status, body) = answers[(seen.len() - 1).min(answers.len() - 1)].clone();
            ResponseTemplate::new(status).set_body_json(body)
        })
        .mount(&server)
        .await;
    (server, polls)
}

fn pending() -> (u16, Value) {
    (
        400,
        json!({"error": "authorization_pending", "error_description": "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling."}),
    )
}

fn tokens(access: &str, refresh: &str) -> (u16, Value) {
    (
        200,
        json!({"token_type": "Bearer", "scope": "User.Read", "expires_in": 3600, "ext_expires_in": 3600,
               "access_token": access, "refresh_token": refresh}),
    )
}

fn device(authority: &MockServer) -> DeviceCode {
    DeviceCode::new("contoso.com", "app-id", &["User.Read"])
        .with_authority(&authority.uri())
        .unwrap()
}

/// Graph answering every `GET` with a group, and recording each request's token.
async fn graph() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "g1"})))
        .mount(&server)
        .await;
    server
}

async fn bearers(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| {
            request.headers["authorization"]
                .to_str()
                .unwrap()
                .trim_start_matches("Bearer ")
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_sign_in_shows_the_code_polls_at_the_interval_and_keeps_the_tokens() {
    bounded(async {
        let (entra, polls) =
            authority(1, vec![pending(), tokens("graph-token-1", "refresh-1")]).await;
        let shown = Arc::new(Mutex::new(Vec::new()));
        let prompts = Arc::clone(&shown);
        let tokens = device(&entra).on_code(move |prompt| {
            prompts.lock().unwrap().push((
                prompt.user_code().to_owned(),
                prompt.verification_uri().to_owned(),
                prompt.message().to_owned(),
                prompt.expires_in(),
            ));
        });
        let started = Instant::now();
        tokens.sign_in().await.unwrap();

        let shown = shown.lock().unwrap().clone();
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].0, "FJ4KPL2QX");
        assert_eq!(shown[0].1, "https://microsoft.com/devicelogin");
        assert!(shown[0].2.contains("enter the code FJ4KPL2QX"));
        assert_eq!(shown[0].3, Duration::from_secs(900));

        // The device code request: the application and its scopes, offline_access added.
        let requests = entra.received_requests().await.unwrap();
        let asked = form(&requests[0]);
        assert_eq!(asked["client_id"], "app-id");
        assert_eq!(asked["scope"], "User.Read offline_access");
        // Two polls, each after the interval.
        let polls = polls.lock().unwrap().clone();
        assert_eq!(polls.len(), 2);
        assert!(polls[0].0 - started >= Duration::from_secs(1));
        assert!(polls[1].0 - polls[0].0 >= Duration::from_secs(1));
        for (_, poll) in &polls {
            assert_eq!(
                poll["grant_type"],
                "urn:ietf:params:oauth:grant-type:device_code"
            );
            assert_eq!(poll["client_id"], "app-id");
            assert_eq!(poll["device_code"], "device-secret");
        }

        let graph = graph().await;
        let client = GraphClient::new(endpoint(&graph.uri()), tokens.clone())
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
        assert_eq!(bearers(&graph).await, ["graph-token-1", "graph-token-1"]);
        // No more asked of the authority: the access token is kept.
        assert_eq!(entra.received_requests().await.unwrap().len(), 3);
        assert_eq!(tokens.refresh_token().unwrap().expose_secret(), "refresh-1");
        assert!(!format!("{tokens:?}").contains("refresh-1"));
    })
    .await;
}

#[tokio::test]
async fn slow_down_adds_five_seconds_to_the_interval() {
    bounded(async {
        let slow = (400, json!({"error": "slow_down"}));
        let (entra, polls) = authority(1, vec![slow, tokens("graph-token-1", "refresh-1")]).await;
        device(&entra).on_code(|_| {}).sign_in().await.unwrap();
        let polls = polls.lock().unwrap().clone();
        assert_eq!(polls.len(), 2);
        assert!(polls[1].0 - polls[0].0 >= Duration::from_secs(6));
    })
    .await;
}

#[tokio::test]
async fn each_terminal_answer_is_an_error_in_words() {
    bounded(async {
        let cases = [
            ("authorization_declined", "declined"),
            ("expired_token", "expired"),
            ("bad_verification_code", "did not recognise the device code"),
        ];
        let runs = cases.into_iter().map(|(code, words)| async move {
            let answer = (
                400,
                json!({"error": code, "error_description": "AADSTS: ..."}),
            );
            let (entra, polls) = authority(1, vec![pending(), answer]).await;
            let error = device(&entra).on_code(|_| {}).sign_in().await.unwrap_err();
            match (code, &error) {
                ("authorization_declined", DeviceCodeError::Declined)
                | ("expired_token", DeviceCodeError::Expired(_))
                | ("bad_verification_code", DeviceCodeError::BadVerificationCode) => {}
                _ => panic!("{code}: {error:?}"),
            }
            assert!(error.to_string().contains(words), "{error}");
            // Polling stopped at the terminal answer.
            assert_eq!(polls.lock().unwrap().len(), 2);
        });
        let tasks: Vec<_> = runs.map(tokio::spawn).collect();
        for task in tasks {
            task.await.unwrap();
        }
    })
    .await;
}

#[tokio::test]
async fn an_unknown_application_is_refused_with_entra_s_words() {
    bounded(async {
        let entra = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(400).set_body_json(json!({
                "error": "invalid_client",
                "error_description": "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
            })))
            .mount(&entra)
            .await;
        let error = device(&entra).on_code(|_| {}).sign_in().await.unwrap_err();
        assert!(matches!(error, DeviceCodeError::Refused { .. }), "{error:?}");
        assert!(error.to_string().contains("invalid_client"), "{error}");
        assert!(error.to_string().contains("AADSTS7000218"), "{error}");
    })
    .await;
}

#[tokio::test]
async fn a_kept_refresh_token_is_used_before_any_sign_in_and_rotates() {
    bounded(async {
        let (entra, polls) = authority(
            1,
            vec![tokens("graph-token-1", "refresh-2"), tokens("graph-token-2", "refresh-3")],
        )
        .await;
        let tokens = device(&entra).with_refresh_token(RefreshToken::new("refresh-1"));
        let graph = MockServer::start().await;
        // Graph refuses the first token, as it does after a password change.
        Mock::given(method("GET"))
            .respond_with(|request: &Request| {
                if request.headers["authorization"] == "Bearer graph-token-1" {
                    ResponseTemplate::new(401).insert_header(
                        "WWW-Authenticate",
                        r#"Bearer error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==""#,
                    )
                } else {
                    ResponseTemplate::new(200).set_body_json(json!({"id": "g1"}))
                }
            })
            .mount(&graph)
            .await;
        let client = GraphClient::new(endpoint(&graph.uri()), tokens.clone())
            .unwrap()
            .with_permission_check(false);
        client.send(&Group::get_request("g1").unwrap()).await.unwrap();

        let polls = polls.lock().unwrap().clone();
        assert_eq!(polls.len(), 2);
        assert_eq!(polls[0].1["grant_type"], "refresh_token");
        assert_eq!(polls[0].1["refresh_token"], "refresh-1");
        assert_eq!(polls[0].1["scope"], "User.Read offline_access");
        assert!(!polls[0].1.contains_key("claims"));
        // The claims challenge, decoded, with the refresh token Entra gave last.
        assert_eq!(polls[1].1["refresh_token"], "refresh-2");
        assert_eq!(polls[1].1["claims"], r#"{"access_token":{"nbf":{"essential":true}}}"#);
        assert_eq!(bearers(&graph).await, ["graph-token-1", "graph-token-2"]);
        assert_eq!(tokens.refresh_token().unwrap().expose_secret(), "refresh-3");
        // No device code was asked for.
        assert!(entra
            .received_requests()
            .await
            .unwrap()
            .iter()
            .all(|request| request.url.path().ends_with("/token")));
    })
    .await;
}

#[tokio::test]
async fn a_refused_refresh_token_says_to_sign_in_again() {
    bounded(async {
        let expired = (400, json!({"error": "invalid_grant", "error_description": "AADSTS700082: The refresh token has expired due to inactivity."}));
        let (entra, _) = authority(1, vec![expired]).await;
        let tokens = device(&entra).with_refresh_token(RefreshToken::new("old"));
        assert!(tokens.is_signed_in());
        let graph = graph().await;
        let client = GraphClient::new(endpoint(&graph.uri()), TokenCache::new(tokens.clone()))
            .unwrap()
            .with_permission_check(false);
        let error = client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::Token(_)), "{error:?}");
        let text = error.to_string();
        assert!(text.contains("must be done again"), "{text}");
        assert!(text.contains("AADSTS700082"), "{text}");
        // What a tool checks to sign in again, through the cache too.
        assert!(error.needs_sign_in());
        assert!(!tokens.is_signed_in());
        assert!(tokens.refresh_token().is_none());
        assert!(graph.received_requests().await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn without_a_sign_in_a_request_says_to_sign_in_first_and_asks_nothing() {
    bounded(async {
        let (entra, _) = authority(1, vec![pending()]).await;
        let graph = graph().await;
        let client = GraphClient::new(endpoint(&graph.uri()), device(&entra)).unwrap();
        let error = client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap_err();
        assert!(error.to_string().contains("sign_in"), "{error}");
        assert!(error.needs_sign_in());
        assert!(entra.received_requests().await.unwrap().is_empty());
        assert!(graph.received_requests().await.unwrap().is_empty());
    })
    .await;
}
