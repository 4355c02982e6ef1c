//! What the client sends again, against servers on loopback: `429` and `503` for every
//! request, after the wait `Retry-After` asks or else a backoff, until the attempts run out;
//! `504`, timeouts and broken connections only for `GET` and `DELETE`, never for a create
//! or an update; one `client-request-id` across a request's attempts. (Waits past the
//! budget in every form, and batches' rounds, are in `trust.rs`.)

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use graph_core::client::{ClientError, RetryPolicy};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::queued_run;
use support::{bounded, client, created_body, full_graph_error, graph_error, run_json, CREATED_ID};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[tokio::test]
async fn a_429_with_retry_after_is_retried_after_the_wait_and_then_succeeds() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(429)
                    .set_body_json(full_graph_error("TooManyRequests", "slow down"))
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
        let created = client(&server.uri())
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap();
        assert_eq!(created.id.as_deref(), Some(CREATED_ID));
        // Retry-After is honoured: the retry came no sooner than it asked.
        assert!(started.elapsed() >= Duration::from_secs(1));
    })
    .await;
}

#[tokio::test]
async fn a_retry_after_beyond_the_delay_budget_gives_up_at_once() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
            .expect(1)
            .mount(&server)
            .await;
        let error = client(&server.uri())
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        let graph = error.graph_error().unwrap();
        assert_eq!(graph.status().as_u16(), 429);
        assert_eq!(graph.retry_after(), Some(Duration::from_secs(3600)));
    })
    .await;
}

#[tokio::test]
async fn a_503_until_attempts_run_out_gives_the_last_error() {
    bounded(async {
        let server = MockServer::start().await;
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        Mock::given(method("POST"))
            .respond_with(move |_: &Request| {
                let call = counter.fetch_add(1, Ordering::SeqCst) + 1;
                ResponseTemplate::new(503).set_body_json(full_graph_error(
                    "serviceNotAvailable",
                    &format!("attempt {call}"),
                ))
            })
            .mount(&server)
            .await;
        let four_attempts = client(&server.uri()).with_retry(RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(5),
            ..RetryPolicy::default()
        });
        let error = four_attempts
            .send(&queued_run().create_request().unwrap())
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
            let error = client(&server.uri())
                .send(&queued_run().create_request().unwrap())
                .await;
            assert_eq!(
                error.unwrap_err().graph_error().unwrap().status().as_u16(),
                status
            );
        }
    })
    .await;
}

/// Every attempt of one request carries the first attempt's `client-request-id`, so the
/// attempts can be correlated in Graph's logs; a new request gets a new one.
#[tokio::test]
async fn retries_carry_the_same_client_request_id() {
    bounded(async {
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
        let client = client(&server.uri());
        let request = queued_run().create_request().unwrap();
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
    })
    .await;
}

/// A 504 means the gateway stopped waiting, not that the service did nothing: a create or an
/// update may well have happened (for events, a meeting and its invitations), so each
/// reaches the server once; a read or a delete is sent again.
#[tokio::test]
async fn a_504_is_retried_for_get_and_delete_but_never_for_post_or_patch() {
    bounded(async {
        let server = MockServer::start().await;
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        Mock::given(method("GET"))
            .respond_with(move |_: &Request| {
                if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                    ResponseTemplate::new(504).set_body_json(graph_error("UnknownError"))
                } else {
                    ResponseTemplate::new(200).set_body_json(run_json("r1"))
                }
            })
            .mount(&server)
            .await;
        let deletes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&deletes);
        Mock::given(method("DELETE"))
            .respond_with(move |_: &Request| {
                if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                    ResponseTemplate::new(504)
                } else {
                    ResponseTemplate::new(204)
                }
            })
            .mount(&server)
            .await;
        for verb in ["POST", "PATCH"] {
            Mock::given(method(verb))
                .respond_with(ResponseTemplate::new(504).set_body_json(graph_error("UnknownError")))
                .mount(&server)
                .await;
        }
        let client = client(&server.uri());
        let run = client.send(&Run::get_request("r1").unwrap()).await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        client
            .send(&Run::delete_request("r1").unwrap())
            .await
            .unwrap();
        assert_eq!(deletes.load(Ordering::SeqCst), 2);

        let created = queued_run().create_request().unwrap();
        let error = client.send(&created).await.unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 504);
        let error = client
            .send(&run.update_request("r1").unwrap())
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 504);
        let received = server.received_requests().await.unwrap();
        let count = |verb: &str| {
            received
                .iter()
                .filter(|r| r.method.as_str() == verb)
                .count()
        };
        assert_eq!((count("POST"), count("PATCH")), (1, 1));
        let post = received.iter().find(|r| r.method.as_str() == "POST");
        assert_eq!(post.unwrap().url.path(), "/beta/workflowBase/runs");
    })
    .await;
}

/// A server on loopback that reads each request's head and closes the first `broken`
/// connections without a word, then answers `200` with `body`. Returns its base URL and
/// the number of connections it took.
async fn closing_server(broken: usize, body: &'static str) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let seen = counter.fetch_add(1, Ordering::SeqCst);
            let mut head = Vec::new();
            let mut buffer = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buffer).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buffer[..n]),
                }
            }
            if seen < broken {
                drop(socket);
                continue;
            }
            let response = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (format!("http://{address}"), connections)
}

#[tokio::test]
async fn a_broken_connection_is_retried_for_a_get_and_not_for_a_create() {
    bounded(async {
        let body = r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","id":"r1"}"##;
        let (base, connections) = closing_server(1, body).await;
        let run = client(&base)
            .send(&Run::get_request("r1").unwrap())
            .await
            .unwrap();
        assert_eq!(run.id.as_deref(), Some("r1"));
        assert_eq!(connections.load(Ordering::SeqCst), 2);

        let (base, connections) = closing_server(1, body).await;
        let created = queued_run().create_request().unwrap();
        let error = client(&base).send(&created).await.unwrap_err();
        assert!(matches!(error, ClientError::Transport(_)), "{error:?}");
        assert_eq!(connections.load(Ordering::SeqCst), 1);
    })
    .await;
}

#[tokio::test]
async fn a_timeout_is_retried_for_a_get() {
    bounded(async {
        let server = MockServer::start().await;
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        Mock::given(method("GET"))
            .respond_with(move |_: &Request| {
                let answer = ResponseTemplate::new(200).set_body_json(run_json("r1"));
                if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                    answer.set_delay(Duration::from_secs(10))
                } else {
                    answer
                }
            })
            .mount(&server)
            .await;
        let run = client(&server.uri())
            .with_timeout(Duration::from_millis(300))
            .send(&Run::get_request("r1").unwrap())
            .await
            .unwrap();
        assert_eq!(run.id.as_deref(), Some("r1"));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    })
    .await;
}
