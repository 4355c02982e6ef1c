//! Tokens: `TokenCache` (kept until shortly before expiry, one fetch for many requests, a
//! failure not kept, nothing shown) and the client's one fresh token after a `401`,
//! claims challenges included, each against a loopback server that records which token
//! every request carried.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use graph_core::client::{BoxError, ClientError, GraphClient, TokenCache, TokenProvider};
use graph_core::serde_json::json;
use graph_core::time::OffsetDateTime;
use graph_core::AccessToken;
use support::{bounded, endpoint, graph_error, group, Group};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The `Authorization` header of each request the server got, in order.
fn bearers(requests: &[Request]) -> Vec<String> {
    requests
        .iter()
        .map(|request| {
            request
                .headers
                .get("authorization")
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .trim_start_matches("Bearer ")
                .to_owned()
        })
        .collect()
}

/// A provider that hands out `token-1`, `token-2` ... after `delay`, each with the expiry
/// `lifetime` gives (none for `None`), and records what it was asked.
#[derive(Clone, Default)]
struct Numbered {
    fetches: Arc<AtomicUsize>,
    asked: Arc<Mutex<Vec<String>>>,
    delay: Duration,
    lifetime: Option<Duration>,
    /// The fetches (by number, from 1) that fail.
    failing: Vec<usize>,
}

impl Numbered {
    async fn next(&self, what: String) -> Result<AccessToken, BoxError> {
        self.asked.lock().unwrap().push(what);
        tokio::time::sleep(self.delay).await;
        let number = self.fetches.fetch_add(1, Ordering::SeqCst) + 1;
        if self.failing.contains(&number) {
            return Err(format!("the token service is down (fetch {number})").into());
        }
        let token = AccessToken::new(format!("token-{number}"))?;
        Ok(match self.lifetime {
            Some(lifetime) => token.with_expiry(OffsetDateTime::now_utc() + lifetime),
            None => token,
        })
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

impl TokenProvider for Numbered {
    async fn access_token(&self) -> Result<AccessToken, BoxError> {
        self.next("access_token".into()).await
    }

    async fn refresh(&self) -> Result<AccessToken, BoxError> {
        self.next("refresh".into()).await
    }

    async fn refresh_with_claims(&self, claims: &str) -> Result<AccessToken, BoxError> {
        self.next(format!("claims {claims}")).await
    }
}

async fn graph_answering_groups() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": "g1"})))
        .mount(&server)
        .await;
    server
}

fn client_of<P: TokenProvider>(server: &MockServer, tokens: P) -> GraphClient<P> {
    GraphClient::new(endpoint(&server.uri()), tokens)
        .unwrap()
        .with_permission_check(false)
}

#[tokio::test]
async fn fifty_concurrent_requests_make_one_token_fetch() {
    bounded(async {
        let server = graph_answering_groups().await;
        let provider = Numbered {
            delay: Duration::from_millis(150),
            lifetime: Some(Duration::from_secs(3600)),
            ..Numbered::default()
        };
        let client = Arc::new(client_of(&server, TokenCache::new(provider.clone())));
        let mut tasks = Vec::new();
        for _ in 0..50 {
            let client = Arc::clone(&client);
            tasks.push(tokio::spawn(async move {
                client.send(&Group::get_request("g1").unwrap()).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(provider.fetches.load(Ordering::SeqCst), 1);
        let requests = server.received_requests().await.unwrap();
        assert_eq!(requests.len(), 50);
        assert!(bearers(&requests).iter().all(|bearer| bearer == "token-1"));
    })
    .await;
}

#[tokio::test]
async fn a_token_is_kept_until_its_expiry_less_the_margin() {
    bounded(async {
        let server = graph_answering_groups().await;
        // Expires in 1.6 s; the margin is half of that at most: kept 0.8 s.
        let provider = Numbered {
            lifetime: Some(Duration::from_millis(1600)),
            ..Numbered::default()
        };
        let tokens = TokenCache::new(provider.clone()).with_margin(Duration::from_secs(300));
        let client = client_of(&server, tokens);
        let get = || async { client.send(&Group::get_request("g1").unwrap()).await };
        get().await.unwrap();
        get().await.unwrap();
        tokio::time::sleep(Duration::from_millis(900)).await;
        get().await.unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-1", "token-2"]);
    })
    .await;
}

#[tokio::test]
async fn without_a_given_expiry_the_jwt_exp_claim_counts() {
    use base64::Engine;
    bounded(async {
        let server = graph_answering_groups().await;
        let fetches = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&fetches);
        // A JWT expiring in two seconds: with a one-second margin, kept one second.
        let provider = move || {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                let exp = OffsetDateTime::now_utc().unix_timestamp() + 2;
                let claims = base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(format!(r#"{{"exp":{exp}}}"#));
                AccessToken::new(format!("eyJhbGciOiJub25lIn0.{claims}.sig"))
            }
        };
        let client = client_of(
            &server,
            TokenCache::new(provider).with_margin(Duration::from_secs(1)),
        );
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
        tokio::time::sleep(Duration::from_millis(2100)).await;
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
    })
    .await;
}

#[tokio::test]
async fn an_opaque_token_is_kept_for_the_default_lifetime() {
    bounded(async {
        let server = graph_answering_groups().await;
        let provider = Numbered::default();
        let tokens =
            TokenCache::new(provider.clone()).with_default_lifetime(Duration::from_millis(300));
        let client = client_of(&server, tokens);
        let get = || async { client.send(&Group::get_request("g1").unwrap()).await };
        get().await.unwrap();
        get().await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        get().await.unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-1", "token-2"]);
    })
    .await;
}

#[tokio::test]
async fn a_failed_fetch_is_shared_by_its_waiters_and_not_kept() {
    bounded(async {
        let server = graph_answering_groups().await;
        let provider = Numbered {
            delay: Duration::from_millis(150),
            failing: vec![1],
            ..Numbered::default()
        };
        let client = Arc::new(client_of(&server, TokenCache::new(provider.clone())));
        let mut tasks = Vec::new();
        for _ in 0..5 {
            let client = Arc::clone(&client);
            tasks.push(tokio::spawn(async move {
                client.send(&Group::get_request("g1").unwrap()).await
            }));
        }
        for task in tasks {
            let error = task.await.unwrap().unwrap_err();
            assert!(matches!(error, ClientError::Token(_)), "{error:?}");
            assert!(error.to_string().contains("down (fetch 1)"), "{error}");
        }
        assert_eq!(provider.fetches.load(Ordering::SeqCst), 1);
        // The next request fetches again, and gets through.
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        assert_eq!(provider.fetches.load(Ordering::SeqCst), 2);
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-2"]);
    })
    .await;
}

#[test]
fn the_cache_shows_no_token() {
    let cache = TokenCache::new(support::token());
    let shown = format!("{cache:?}");
    assert!(!shown.contains(support::secret()), "{shown}");
    assert!(shown.contains("margin"), "{shown}");
}

/// Graph refusing `token-1` with a `401` (with this `WWW-Authenticate` where given),
/// taking every other token.
async fn graph_refusing_the_first_token(challenge: Option<&'static str>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(move |request: &Request| {
            let bearer = bearers(std::slice::from_ref(request)).remove(0);
            if bearer == "token-1" {
                let refused = ResponseTemplate::new(401)
                    .set_body_json(graph_error("InvalidAuthenticationToken"));
                match challenge {
                    Some(challenge) => refused.insert_header("WWW-Authenticate", challenge),
                    None => refused,
                }
            } else if request.method.as_str() == "POST" {
                ResponseTemplate::new(201)
                    .set_body_json(json!({"id": "g1", "displayName": "Library"}))
            } else {
                ResponseTemplate::new(200).set_body_json(json!({"id": "g1"}))
            }
        })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_401_gets_one_fresh_token_and_the_create_is_sent_again() {
    bounded(async {
        let server = graph_refusing_the_first_token(None).await;
        let provider = Numbered {
            lifetime: Some(Duration::from_secs(3600)),
            ..Numbered::default()
        };
        let client = client_of(&server, TokenCache::new(provider.clone()));
        // A create, which no other failure sends twice.
        let created = client
            .send(&group().create_request().unwrap())
            .await
            .unwrap();
        assert_eq!(created.id.as_deref(), Some("g1"));
        // The cache dropped `token-1`: the next request carries the fresh one.
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-2", "token-2"]);
        assert_eq!(provider.asked(), ["access_token", "refresh"]);
    })
    .await;
}

#[tokio::test]
async fn a_second_401_is_the_error() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(
                ResponseTemplate::new(401).set_body_json(graph_error("InvalidAuthenticationToken")),
            )
            .mount(&server)
            .await;
        let provider = Numbered::default();
        // No retries at all: the fresh token is sent whatever the policy.
        let client = client_of(&server, TokenCache::new(provider.clone()))
            .with_retry(graph_core::client::RetryPolicy::none());
        let error = client
            .send(&Group::delete_request("g1").unwrap())
            .await
            .unwrap_err();
        let ClientError::Graph(graph) = &error else {
            panic!("{error:?}");
        };
        assert_eq!(graph.status().as_u16(), 401);
        assert_eq!(graph.code(), Some("InvalidAuthenticationToken"));
        assert!(
            error.to_string().contains("sent again with a fresh token"),
            "{error}"
        );
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-2"]);
        assert_eq!(provider.asked(), ["access_token", "refresh"]);
    })
    .await;
}

#[tokio::test]
async fn a_fixed_token_is_sent_once_more_and_then_refused() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(401))
            .mount(&server)
            .await;
        let client = client_of(&server, support::token());
        let error = client
            .send(&group().create_request().unwrap())
            .await
            .unwrap_err();
        assert!(error.to_string().starts_with("401"), "{error}");
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
    })
    .await;
}

const CHALLENGE: &str = r#"Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==""#;

#[tokio::test]
async fn a_claims_challenge_goes_to_the_provider() {
    bounded(async {
        let server = graph_refusing_the_first_token(Some(CHALLENGE)).await;
        let provider = Numbered::default();
        let client = client_of(&server, TokenCache::new(provider.clone()));
        client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap();
        assert_eq!(
            provider.asked(),
            [
                "access_token",
                "claims eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ=="
            ]
        );
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-2"]);
    })
    .await;
}

#[tokio::test]
async fn a_claims_challenge_the_provider_cannot_meet_is_said_in_the_error() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(wiremock::matchers::any())
            .respond_with(
                ResponseTemplate::new(401)
                    .insert_header("WWW-Authenticate", CHALLENGE)
                    .set_body_json(graph_error("InvalidAuthenticationToken")),
            )
            .mount(&server)
            .await;
        // A closure provider: its `refresh_with_claims` is the default, a plain fetch.
        let fetches = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&fetches);
        let provider = move || {
            counted.fetch_add(1, Ordering::SeqCst);
            async { AccessToken::new("plain-token") }
        };
        let client = client_of(&server, provider);
        let error = client
            .send(&Group::get_request("g1").unwrap())
            .await
            .unwrap_err();
        let ClientError::Graph(graph) = &error else {
            panic!("{error:?}");
        };
        assert_eq!(
            graph.claims_challenge(),
            Some("eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZX19fQ==")
        );
        assert!(error.to_string().contains("claims challenge"), "{error}");
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn requests_refused_together_share_one_refresh() {
    bounded(async {
        let server = graph_refusing_the_first_token(None).await;
        let provider = Numbered {
            delay: Duration::from_millis(200),
            lifetime: Some(Duration::from_secs(3600)),
            ..Numbered::default()
        };
        let client = Arc::new(client_of(&server, TokenCache::new(provider.clone())));
        let mut tasks = Vec::new();
        for _ in 0..10 {
            let client = Arc::clone(&client);
            tasks.push(tokio::spawn(async move {
                client.send(&Group::get_request("g1").unwrap()).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(provider.asked(), ["access_token", "refresh"]);
        let requests = server.received_requests().await.unwrap();
        let bearers = bearers(&requests);
        assert_eq!(bearers.iter().filter(|b| *b == "token-1").count(), 10);
        assert_eq!(bearers.iter().filter(|b| *b == "token-2").count(), 10);
    })
    .await;
}

#[tokio::test]
async fn a_batch_refused_gets_its_fresh_token() {
    bounded(async {
        let server = graph_refusing_the_first_token(None).await;
        let provider = Numbered::default();
        let client = client_of(&server, TokenCache::new(provider.clone()));
        let mut batch = graph_core::Batch::new();
        batch.add(&Group::get_request("g1").unwrap()).unwrap();
        // The batch endpoint answers as the mock does (`201` to a POST): a batch body it
        // is not, so the answer is an error; what counts is the token it was sent with.
        let _ = client.send_batch(&batch).await;
        let requests = server.received_requests().await.unwrap();
        assert_eq!(bearers(&requests), ["token-1", "token-2"]);
    })
    .await;
}
