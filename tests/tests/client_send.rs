//! The client sending one request over real HTTP on loopback: every request kind sent and
//! read back, what arrives at the server, Graph's errors, bodies past the limit, timeouts,
//! transport errors and token providers. What is sent again is in `client_retries.rs`,
//! paging in `client_paging.rs`, the logs in `client_logs.rs`.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use graph_core::client::{ClientError, GraphClient, RetryPolicy};
use graph_core::serde_json::json;
use graph_core::{AccessToken, GraphErrorKind};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::queued_run;
use support::{
    bounded, client, created_body, endpoint, full_graph_error, run_json, token, MemberRef,
    CREATED_ID, TOKEN,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[tokio::test]
async fn the_server_receives_the_exact_request_and_the_201_is_read() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/beta/workflowBase/runs"))
            .respond_with(ResponseTemplate::new(201).set_body_json(created_body()))
            .expect(1)
            .mount(&server)
            .await;

        let created = client(&server.uri())
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap();
        assert_eq!(
            created,
            Run {
                id: Some(CREATED_ID.into()),
                ..queued_run()
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
        assert_eq!(request.body, queued_run().create_request().unwrap().body());
    })
    .await;
}

#[tokio::test]
async fn send_takes_every_request_kind_and_returns_what_it_parses_to() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/beta/workflowBase/runs/r1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(run_json("r1")))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/workflowBase/runs"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"value": [run_json("r1"), run_json("r2")]})),
            )
            .mount(&server)
            .await;
        Mock::given(method("PATCH"))
            .and(path("/beta/workflowBase/runs/r1"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .and(path("/beta/workflowBase/runs/r1"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&server)
            .await;
        let client = client(&server.uri());
        let run: Run = client.send(&Run::get_request("r1").unwrap()).await.unwrap();
        assert_eq!(run.id.as_deref(), Some("r1"));
        let page = client.send(&Run::list_request().unwrap()).await.unwrap();
        assert_eq!(page.items().len(), 2);
        assert!(page.next_link().is_none());
        let updated: Option<Run> = client
            .send(
                &run.update_request("r1")
                    .unwrap()
                    .clear("failedTasksCount")
                    .unwrap(),
            )
            .await
            .unwrap();
        assert!(updated.is_none());
        let deleted: () = client
            .send(&Run::delete_request("r1").unwrap())
            .await
            .unwrap();
        assert_eq!(deleted, ());
        let received = server.received_requests().await.unwrap();
        let patch = received
            .iter()
            .find(|r| r.method.as_str() == "PATCH")
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&patch.body),
            r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","failedTasksCount":null}"##
        );
    })
    .await;
}

#[tokio::test]
async fn path_parameters_arrive_encoded_as_one_segment() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_body_json(json!({})))
            .mount(&server)
            .await;
        let member = MemberRef {
            odata_id: Some("https://graph.microsoft.com/v1.0/directoryObjects/1".into()),
        };
        client(&server.uri())
            .send(&member.create_request("a/b?c#d %..").unwrap())
            .await
            .unwrap();
        let received = server.received_requests().await.unwrap();
        assert_eq!(
            received[0].url.path(),
            "/beta/groups/a%2Fb%3Fc%23d%20%25../members/$ref"
        );
        assert_eq!(received[0].url.query(), None);
    })
    .await;
}

#[tokio::test]
async fn graph_errors_come_back_parsed_and_are_not_retried() {
    // A `401` is sent once more with a fresh token (`tokens.rs`), and then comes back too.
    bounded(async {
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
                        .set_body_json(full_graph_error(code, "it went wrong"))
                        .insert_header("request-id", "req-header"),
                )
                .expect(if status == 401 { 2 } else { 1 })
                .mount(&server)
                .await;
            let error = client(&server.uri())
                .send(&queued_run().create_request().unwrap())
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
    })
    .await;
}

#[tokio::test]
async fn a_gateway_html_page_is_an_error_with_an_excerpt() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(502).set_body_raw(
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
                "text/html",
            ))
            .mount(&server)
            .await;
        let error = client(&server.uri())
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        let graph = error.graph_error().unwrap();
        assert_eq!(graph.kind(), GraphErrorKind::NotGraphError);
        assert_eq!(
            error.to_string(),
            "502 Bad Gateway: the body is not a Graph error: <html><body><h1>502 Bad Gateway</h1></body></html>"
        );
    })
    .await;
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_body_string("x".repeat(64 * 1024)))
            .mount(&server)
            .await;
        let error = client(&server.uri())
            .with_max_body(16 * 1024)
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::BodyTooLarge { limit: 16384 }),
            "{error:?}"
        );
    })
    .await;
}

/// A server that answers with a chunked body that never ends: the limit must stop the read.
#[tokio::test]
async fn an_endless_chunked_body_is_refused_at_the_limit_not_buffered() {
    bounded(async {
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
        let client = GraphClient::new(endpoint(&format!("http://{address}")), token())
            .unwrap()
            .with_max_body(256 * 1024);
        let error = client
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        assert!(
            matches!(error, ClientError::BodyTooLarge { .. }),
            "{error:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_server_that_never_answers_hits_the_timeout() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_delay(Duration::from_secs(30)))
            .mount(&server)
            .await;
        let error = client(&server.uri())
            .with_timeout(Duration::from_millis(200))
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::Timeout(_)), "{error:?}");
        assert_eq!(
            error.to_string(),
            "no complete response from Graph within 200ms"
        );
    })
    .await;
}

#[tokio::test]
async fn a_transport_error_says_what_went_wrong() {
    bounded(async {
        // A port nothing listens on.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        drop(listener);
        let error = client(&format!("http://{address}"))
            .with_retry(RetryPolicy::none())
            .send(&Run::get_request("r1").unwrap())
            .await
            .unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("the request got no response from Graph: "),
            "{message}"
        );
        assert!(
            message.to_lowercase().contains("connection refused"),
            "{message}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_failing_token_provider_is_an_error_and_a_token_is_fetched_per_attempt() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(503))
            .mount(&server)
            .await;
        let endpoint = endpoint(&server.uri());

        let failing = GraphClient::new(endpoint.clone(), || async {
            Err::<AccessToken, _>(std::io::Error::other("the credential expired"))
        })
        .unwrap();
        let error = failing
            .send(&queued_run().create_request().unwrap())
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
        let _ = counting.send(&queued_run().create_request().unwrap()).await;
        assert_eq!(fetched.load(Ordering::SeqCst), 3);
        assert!(!format!("{counting:?}").contains(TOKEN));
    })
    .await;
}

/// What the client returns can be sent to another thread (a multi-threaded runtime's
/// `spawn`), whatever the request kind.
#[test]
fn the_clients_futures_and_streams_are_send() {
    fn send<T: Send>(_: &T) {}
    let client = client("http://127.0.0.1:9");
    let (get, list) = (
        Run::get_request("r1").unwrap(),
        Run::list_request().unwrap(),
    );
    let update = Run::default().update_request("r1").unwrap();
    let created = queued_run().create_request().unwrap();
    let delete = Run::delete_request("r1").unwrap();
    send(&client.send(&get));
    send(&client.send(&list));
    send(&client.send(&update));
    send(&client.send(&created));
    send(&client.send(&delete));
    send(&client.list_all(&list));
    send(&client.pages(&list));
}
