//! The client over real HTTP on loopback: what arrives at the server, and how every kind of
//! answer comes back, retries, timeouts and body limits included.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use graph_core::client::{ClientError, GraphClient, RetryPolicy};
use graph_core::serde_json::{self, json, Value};
use graph_core::{graph_resource, AccessToken, Endpoint, GraphErrorKind};
use graph_examples::lifecycle_workflows::Run;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

fn run() -> Run {
    graph_examples::samples::queued_run()
}

/// The 201 body: what was sent, plus what the service sets.
fn created_body() -> Value {
    let mut body: Value = serde_json::from_slice(run().create_request().unwrap().body()).unwrap();
    body["id"] = "9947396f-3691-e265-b1e5-2ea86c0c89d6".into();
    body["@odata.context"] = "https://graph.microsoft.com/beta/$metadata#runs/$entity".into();
    body
}

fn client(server: &MockServer) -> GraphClient<AccessToken> {
    let endpoint = Endpoint::custom(&format!("{}/beta", server.uri())).unwrap();
    GraphClient::new(endpoint, AccessToken::new(TOKEN).unwrap())
        .unwrap()
        .with_retry(RetryPolicy {
            base_delay: Duration::from_millis(10),
            ..RetryPolicy::default()
        })
}

#[tokio::test]
async fn the_server_receives_the_exact_request_and_the_201_is_read() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/beta/workflowBase/runs"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created_body()))
        .expect(1)
        .mount(&server)
        .await;

    let created = client(&server)
        .send(&run().create_request().unwrap())
        .await
        .unwrap();
    assert_eq!(
        created,
        Run {
            id: Some("9947396f-3691-e265-b1e5-2ea86c0c89d6".into()),
            ..run()
        }
    );

    let received = server.received_requests().await.unwrap();
    let request: &Request = &received[0];
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), "/beta/workflowBase/runs");
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(header("authorization"), format!("Bearer {TOKEN}"));
    assert_eq!(header("content-type"), "application/json");
    assert_eq!(header("accept"), "application/json");
    assert!(header("user-agent").starts_with("msgraph-resource/"));
    assert_eq!(header("client-request-id").len(), 36);
    assert_eq!(request.body, run().create_request().unwrap().body());
}

#[graph_resource(
    path = "/groups/{group-id}/members/$ref",
    odata = "#microsoft.graph.directoryObject"
)]
#[derive(Debug, Default)]
struct MemberRef {
    #[graph(required, rename = "@odata.id")]
    odata_id: Option<String>,
}

#[tokio::test]
async fn path_parameters_arrive_encoded_as_one_segment() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({})))
        .mount(&server)
        .await;
    let member = MemberRef {
        odata_id: Some("https://graph.microsoft.com/v1.0/directoryObjects/1".into()),
    };
    client(&server)
        .send(&member.create_request("a/b?c#d %..").unwrap())
        .await
        .unwrap();
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].url.path(),
        "/beta/groups/a%2Fb%3Fc%23d%20%25../members/$ref"
    );
    assert_eq!(received[0].url.query(), None);
}

fn graph_error(code: &str, message: &str) -> Value {
    json!({"error": {"code": code, "message": message, "innerError": {
        "date": "2024-05-01T08:30:12", "request-id": "req-1", "client-request-id": "client-1"}}})
}

#[tokio::test]
async fn graph_errors_come_back_parsed_and_are_not_retried() {
    for (status, code) in [
        (400, "Request_BadRequest"),
        (401, "InvalidAuthenticationToken"),
        (403, "Authorization_RequestDenied"),
        (404, "Request_ResourceNotFound"),
        (409, "Request_MultipleObjectsWithSameKeyValue"),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(graph_error(code, "it went wrong"))
                    .insert_header("request-id", "req-header"),
            )
            .expect(1)
            .mount(&server)
            .await;
        let error = client(&server)
            .send(&run().create_request().unwrap())
            .await
            .unwrap_err();
        let graph = error.graph_error().unwrap();
        assert_eq!(graph.status().as_u16(), status);
        assert_eq!(graph.code(), Some(code));
        assert_eq!(graph.message(), Some("it went wrong"));
        assert_eq!(graph.request_id(), Some("req-header"));
        assert_eq!(graph.date(), Some("2024-05-01T08:30:12"));
        assert!(!error.to_string().contains(TOKEN));
    }
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried_after_the_wait_and_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(429)
                .set_body_json(graph_error("TooManyRequests", "slow down"))
                .insert_header("retry-after", "1"),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created_body()))
        .expect(1)
        .mount(&server)
        .await;
    let started = Instant::now();
    let created = client(&server)
        .send(&run().create_request().unwrap())
        .await
        .unwrap();
    assert_eq!(
        created.id.as_deref(),
        Some("9947396f-3691-e265-b1e5-2ea86c0c89d6")
    );
    // Retry-After is honoured: the retry came no sooner than it asked.
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn a_retry_after_beyond_the_delay_budget_gives_up_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .expect(1)
        .mount(&server)
        .await;
    let error = client(&server)
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    let graph = error.graph_error().unwrap();
    assert_eq!(graph.status().as_u16(), 429);
    assert_eq!(graph.retry_after(), Some(Duration::from_secs(3600)));
}

#[tokio::test]
async fn a_503_until_attempts_run_out_gives_the_last_error() {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    Mock::given(method("POST"))
        .respond_with(move |_: &Request| {
            let call = counter.fetch_add(1, Ordering::SeqCst) + 1;
            ResponseTemplate::new(503).set_body_json(graph_error(
                "serviceNotAvailable",
                &format!("attempt {call}"),
            ))
        })
        .mount(&server)
        .await;
    let client = client(&server).with_retry(RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    });
    let error = client
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert_eq!(calls.load(Ordering::SeqCst), 4);
    assert_eq!(error.graph_error().unwrap().message(), Some("attempt 4"));

    // Other 5xx are not retried: the create may have been carried out.
    for (status, expected_calls) in [(500, 1), (502, 1)] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(status))
            .expect(expected_calls)
            .mount(&server)
            .await;
        let error = client_for(&server)
            .send(&run().create_request().unwrap())
            .await;
        assert_eq!(
            error.unwrap_err().graph_error().unwrap().status().as_u16(),
            status
        );
    }
}

/// A 504 means the gateway stopped waiting, not that the service did nothing: the create may
/// well have happened (for events, a meeting and its invitations), so it is never sent again.
#[tokio::test]
async fn a_create_answered_504_reaches_the_server_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/beta/workflowBase/runs"))
        .respond_with(ResponseTemplate::new(504).set_body_json(graph_error(
            "UnknownError",
            "The gateway did not receive a response in time.",
        )))
        .expect(1)
        .mount(&server)
        .await;
    let error = client_for(&server)
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert_eq!(error.graph_error().unwrap().status().as_u16(), 504);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// Every attempt of one request carries the first attempt's `client-request-id`, so the
/// attempts can be correlated in Graph's logs; a new request gets a new one.
#[tokio::test]
async fn retries_carry_the_same_client_request_id() {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    Mock::given(method("POST"))
        .respond_with(
            move |_: &Request| match counter.fetch_add(1, Ordering::SeqCst) {
                0 => ResponseTemplate::new(429).insert_header("Retry-After", "0"),
                1 => ResponseTemplate::new(503),
                _ => ResponseTemplate::new(201).set_body_json(created_body()),
            },
        )
        .mount(&server)
        .await;
    let client = client_for(&server);
    let request = run().create_request().unwrap();
    client.send(&request).await.unwrap();
    client.send(&request).await.unwrap();
    let ids: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.headers["client-request-id"].to_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 4, "429, 503, 201, then one more 201");
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2]);
    assert_ne!(ids[0], ids[3]);
}

fn client_for(server: &MockServer) -> GraphClient<AccessToken> {
    client(server).with_retry(RetryPolicy {
        base_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    })
}

#[tokio::test]
async fn a_gateway_html_page_is_an_error_with_an_excerpt() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "text/html",
        ))
        .mount(&server)
        .await;
    let error = client(&server)
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    let graph = error.graph_error().unwrap();
    assert_eq!(graph.kind(), GraphErrorKind::NotGraphError);
    assert_eq!(
        error.to_string(),
        "502 Bad Gateway: the body is not a Graph error: <html><body><h1>502 Bad Gateway</h1></body></html>"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_hits_the_timeout() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_delay(Duration::from_secs(30)))
        .mount(&server)
        .await;
    let error = client(&server)
        .with_timeout(Duration::from_millis(200))
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert!(matches!(error, ClientError::Timeout(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "no complete response from Graph within 200ms"
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_string("x".repeat(64 * 1024)))
        .mount(&server)
        .await;
    let error = client(&server)
        .with_max_body(16 * 1024)
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::BodyTooLarge { limit: 16384 }),
        "{error:?}"
    );
}

/// A server that answers with a chunked body that never ends: the limit must stop the read.
#[tokio::test]
async fn an_endless_chunked_body_is_refused_at_the_limit_not_buffered() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&sent);
    tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head = "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
        if socket.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let chunk = format!("{:x}\r\n{}\r\n", 8192, " ".repeat(8192));
        while socket.write_all(chunk.as_bytes()).await.is_ok() {
            counter.fetch_add(8192, Ordering::SeqCst);
        }
    });
    let endpoint = Endpoint::custom(&format!("http://{address}/beta")).unwrap();
    let client = GraphClient::new(endpoint, AccessToken::new(TOKEN).unwrap())
        .unwrap()
        .with_max_body(256 * 1024);
    let error = client
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(error, ClientError::BodyTooLarge { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_failing_token_provider_is_an_error_and_a_token_is_fetched_per_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let endpoint = Endpoint::custom(&format!("{}/beta", server.uri())).unwrap();

    let failing = GraphClient::new(endpoint.clone(), || async {
        Err::<AccessToken, _>(std::io::Error::other("the credential expired"))
    })
    .unwrap();
    let error = failing
        .send(&run().create_request().unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "could not get an access token: the credential expired"
    );

    let fetched = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&fetched);
    let counting = GraphClient::new(endpoint, move || {
        counter.fetch_add(1, Ordering::SeqCst);
        async { AccessToken::new(TOKEN) }
    })
    .unwrap()
    .with_retry(RetryPolicy {
        base_delay: Duration::from_millis(5),
        ..RetryPolicy::default()
    });
    let _ = counting.send(&run().create_request().unwrap()).await;
    assert_eq!(fetched.load(Ordering::SeqCst), 3);
    assert!(!format!("{counting:?}").contains(TOKEN));
}
