//! The client for every request kind, against servers on loopback: `send` for get, list,
//! update and delete; paging with `pages` and `list_all`; retries by what is safe to send
//! again; headers on every attempt and page; transport errors that say why; logs.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use graph_core::client::{ClientError, GraphClient, RetryPolicy, StreamExt};
use graph_core::http::{HeaderName, HeaderValue};
use graph_core::paging::NextPageReason;
use graph_core::serde_json::{json, Value};
use graph_core::{AccessToken, Endpoint};
use graph_examples::lifecycle_workflows::Run;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

/// Every test ends within this, whatever the server does.
async fn bounded<F: Future>(test: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(20), test)
        .await
        .expect("the test finished in time")
}

fn endpoint(base: &str) -> Endpoint {
    Endpoint::custom(&format!("{base}/beta")).unwrap()
}

fn client(base: &str) -> GraphClient<AccessToken> {
    GraphClient::new(endpoint(base), AccessToken::new(TOKEN).unwrap())
        .unwrap()
        .with_retry(RetryPolicy {
            base_delay: Duration::from_millis(5),
            ..RetryPolicy::default()
        })
}

fn run_json(id: &str) -> Value {
    json!({"@odata.type": "#microsoft.graph.identityGovernance.run", "id": id, "failedTasksCount": 0})
}

fn graph_error(code: &str) -> Value {
    json!({"error": {"code": code, "message": "Try again later."}})
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

/// A stand-in for Graph's paging: three pages of one run each, linked by absolute next
/// links; the second page is throttled once.
async fn paged_server() -> MockServer {
    let server = MockServer::start().await;
    let base = format!("{}/beta/workflowBase/runs", server.uri());
    let page = |ids: &[&str], next: Option<String>| {
        let mut body = json!({"value": ids.iter().map(|id| run_json(id)).collect::<Vec<_>>()});
        if let Some(next) = next {
            body["@odata.nextLink"] = next.into();
        }
        ResponseTemplate::new(200).set_body_json(body)
    };
    let throttled = Arc::new(AtomicUsize::new(0));
    let (second, third) = (
        page(&["r2"], Some(format!("{base}?$top=1&$skiptoken=3"))),
        page(&["r3"], None),
    );
    Mock::given(method("GET"))
        .and(query_param("$skiptoken", "2"))
        .respond_with(move |_: &Request| {
            if throttled.fetch_add(1, Ordering::SeqCst) == 0 {
                ResponseTemplate::new(429)
                    .insert_header("Retry-After", "0")
                    .set_body_json(graph_error("TooManyRequests"))
            } else {
                second.clone()
            }
        })
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(query_param("$skiptoken", "3"))
        .respond_with(third)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/beta/workflowBase/runs"))
        .respond_with(page(&["r1"], Some(format!("{base}?$top=1&$skiptoken=2"))))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn list_all_follows_every_page_with_the_first_requests_headers_through_a_429() {
    bounded(async {
        let server = paged_server().await;
        let request = Run::list_request()
            .unwrap()
            .top(1)
            .count()
            .prefer("outlook.timezone=\"UTC\"")
            .header(
                HeaderName::from_static("x-trace"),
                HeaderValue::from_static("paging"),
            );
        let runs = client(&server.uri()).list_all(&request).await.unwrap();
        let ids: Vec<_> = runs.iter().filter_map(|run| run.id.as_deref()).collect();
        assert_eq!(ids, ["r1", "r2", "r3"]);
        let received = server.received_requests().await.unwrap();
        assert_eq!(received.len(), 4, "three pages, one of them twice");
        for request in &received {
            let header = |name: &str| request.headers[name].to_str().unwrap().to_owned();
            assert_eq!(header("consistencylevel"), "eventual");
            assert_eq!(header("x-trace"), "paging");
            assert_eq!(header("authorization"), format!("Bearer {TOKEN}"));
            assert!(header("prefer").contains("outlook.timezone=\"UTC\""));
        }
        // The throttled page and its retry are one request.
        assert_eq!(
            received[1].headers["client-request-id"],
            received[2].headers["client-request-id"]
        );
        assert_ne!(
            received[0].headers["client-request-id"],
            received[1].headers["client-request-id"]
        );
        // Links are followed byte for byte.
        assert_eq!(received[3].url.query(), Some("$top=1&$skiptoken=3"));
    })
    .await;
}

#[tokio::test]
async fn pages_stream_each_page_and_stop_at_the_page_limit_with_an_error() {
    bounded(async {
        let server = paged_server().await;
        let client = client(&server.uri()).with_page_limit(2);
        let request = Run::list_request().unwrap();
        let pages: Vec<_> = client.pages(&request).collect().await;
        assert_eq!(pages.len(), 3, "two pages, then the error");
        assert_eq!(
            pages[0].as_ref().unwrap().items()[0].id.as_deref(),
            Some("r1")
        );
        assert_eq!(
            pages[1].as_ref().unwrap().items()[0].id.as_deref(),
            Some("r2")
        );
        let error = pages[2].as_ref().unwrap_err();
        assert!(
            matches!(error, ClientError::PageLimit { limit: 2 }),
            "{error:?}"
        );
        assert!(client.list_all(&request).await.is_err());
    })
    .await;
}

#[tokio::test]
async fn paging_ends_with_an_error_never_as_if_complete() {
    bounded(async {
        let server = MockServer::start().await;
        let other = MockServer::start().await;
        let base = format!("{}/beta/workflowBase/runs", server.uri());
        // A page whose next link is itself (a loop), one that leaves the endpoint, and one
        // whose next page fails.
        for (filter, next) in [
            ("loop", format!("{base}?$filter=loop")),
            ("away", format!("{}/beta/workflowBase/runs", other.uri())),
            ("fails", format!("{base}?$filter=broken")),
        ] {
            Mock::given(method("GET"))
                .and(query_param("$filter", filter))
                .respond_with(
                    ResponseTemplate::new(200).set_body_json(
                        json!({"value": [run_json(filter)], "@odata.nextLink": next}),
                    ),
                )
                .mount(&server)
                .await;
        }
        Mock::given(method("GET"))
            .and(query_param("$filter", "broken"))
            .respond_with(ResponseTemplate::new(500).set_body_json(graph_error("generalException")))
            .mount(&server)
            .await;
        let client = client(&server.uri());
        let list = |filter: &str| Run::list_request().unwrap().filter(filter);

        let pages: Vec<_> = client.pages(&list("loop")).collect().await;
        assert_eq!(pages.len(), 2);
        assert!(pages[0].is_ok());
        match &pages[1] {
            Err(ClientError::NextPage(error)) => {
                assert_eq!(error.reason(), NextPageReason::Repeated)
            }
            other => panic!("{other:?}"),
        }

        let error = client.list_all(&list("away")).await.unwrap_err();
        match &error {
            ClientError::NextPage(error) => {
                assert_eq!(error.reason(), NextPageReason::OutsideEndpoint);
            }
            other => panic!("{other:?}"),
        }
        assert!(
            other.received_requests().await.unwrap().is_empty(),
            "no token went there"
        );

        let error = client.list_all(&list("fails")).await.unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 500);
    })
    .await;
}

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

        let created = graph_examples::samples::queued_run()
            .create_request()
            .unwrap();
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
        let created = graph_examples::samples::queued_run()
            .create_request()
            .unwrap();
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
    let created = graph_examples::samples::queued_run()
        .create_request()
        .unwrap();
    let delete = Run::delete_request("r1").unwrap();
    send(&client.send(&get));
    send(&client.send(&list));
    send(&client.send(&update));
    send(&client.send(&created));
    send(&client.send(&delete));
    send(&client.list_all(&list));
    send(&client.pages(&list));
}

/// Records the client's events as `LEVEL message field=value ...`.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0.insert_str(0, &format!("{value:?}"));
        } else {
            self.0.push_str(&format!(" {}={value:?}", field.name()));
        }
    }

    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        if event.metadata().target() == "graph_core::client" {
            let mut fields = Fields(String::new());
            event.record(&mut fields);
            let line = format!("{} {}", event.metadata().level(), fields.0);
            self.0.lock().unwrap().push(line);
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn attempts_retries_and_give_ups_are_logged_without_tokens_bodies_or_query_values() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(503)
                    .insert_header("Retry-After", "0")
                    .set_body_json(graph_error("serviceNotAvailable")),
            )
            .mount(&server)
            .await;
        let recorder = Recorder::default();
        let _guard = tracing::subscriber::set_default(recorder.clone());
        let request = Run::list_request()
            .unwrap()
            .filter("displayName eq 'Adele Vance'")
            .top(5);
        let error = client(&server.uri())
            .with_retry(RetryPolicy {
                max_attempts: 2,
                ..RetryPolicy::default()
            })
            .send(&request)
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 503);
        let lines = recorder.0.lock().unwrap().clone();
        assert_eq!(lines.len(), 4, "{lines:#?}");
        let id = server.received_requests().await.unwrap()[0].headers["client-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let attempt = format!(
            "DEBUG graph request method=GET path=/workflowBase/runs?$filter&$top status=503 client_request_id={id}"
        );
        assert!(lines[0].starts_with(&attempt), "{}", lines[0]);
        assert!(lines[0].contains(" elapsed_ms="), "{}", lines[0]);
        assert!(lines[1].starts_with("INFO graph request retried"), "{}", lines[1]);
        assert!(lines[1].contains("reason=503 Service Unavailable"), "{}", lines[1]);
        assert!(lines[1].contains("wait_ms=0"), "{}", lines[1]);
        assert!(lines[2].starts_with("DEBUG graph request"), "{}", lines[2]);
        assert!(lines[3].starts_with("WARN graph request given up"), "{}", lines[3]);
        assert!(lines[3].contains("attempts=2"), "{}", lines[3]);
        for line in &lines {
            assert!(!line.contains(TOKEN) && !line.contains("Adele"), "{line}");
        }
    })
    .await;
}
