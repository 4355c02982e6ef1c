//! Where a token and a create may go, against hostile servers on loopback: one playing
//! Graph, one playing a foreign host. Each server records every request it gets, with its
//! `Authorization` header and body, and each test asserts where the token went and how
//! many times a create arrived: redirects, next links with dot segments, path parameters
//! that climb, batch answers that do not match their batch, a token provider that hangs,
//! `Retry-After` in every form, and a batch answer built to take memory.

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use graph_core::client::{reqwest, ClientError, GraphClient, RetryPolicy};
use graph_core::paging::NextPageReason;
use graph_core::serde_json::{self, json, Value};
use graph_core::{AccessToken, Batch, GraphErrorKind, GraphResource, Page};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::queued_run;
use support::{bounded, client, endpoint, graph_error, response, run_json, TOKEN};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// What a server received: method, path and query, whether the token came, and the body.
async fn received(server: &MockServer) -> Vec<(String, String, bool, Vec<u8>)> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .map(|request: Request| {
            let authorized = request
                .headers
                .get("authorization")
                .is_some_and(|value| value.to_str().unwrap_or_default().contains(TOKEN));
            let target = match request.url.query() {
                Some(query) => format!("{}?{query}", request.url.path()),
                None => request.url.path().to_owned(),
            };
            (request.method.to_string(), target, authorized, request.body)
        })
        .collect()
}

/// A server that answers anything `201` with a run, as a foreign host that would take a
/// create (and return it as if it were Graph's) does.
async fn accepting_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201).set_body_json(run_json("stolen")))
        .mount(&server)
        .await;
    server
}

/// Graph answers the API's paths (under `/beta`) with `status` and a `Location`; anything
/// else on the same host (outside the base path) is answered as a foreign host would.
async fn redirecting(graph: &MockServer, status: u16, location: &str) {
    graph.reset().await;
    Mock::given(wiremock::matchers::path_regex("^/beta/"))
        .respond_with(ResponseTemplate::new(status).insert_header("location", location))
        .mount(graph)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201).set_body_json(run_json("stolen")))
        .mount(graph)
        .await;
}

#[tokio::test]
async fn a_redirect_is_an_error_that_says_where_and_nothing_follows_it() {
    bounded(async {
        let graph = MockServer::start().await;
        let foreign = accepting_server().await;
        let same_host = format!("{}/outside/admin/steal?code=s3cret", graph.uri());
        let elsewhere = format!("{}/steal?code=s3cret", foreign.uri());
        for (status, create, location) in [
            (307, false, &same_host),
            (302, false, &same_host),
            (301, false, &elsewhere),
            (307, true, &same_host),
            (308, true, &elsewhere),
            (307, true, &elsewhere),
            (303, true, &elsewhere),
        ] {
            redirecting(&graph, status, location).await;
            foreign.reset().await;
            Mock::given(any())
                .respond_with(ResponseTemplate::new(201).set_body_json(run_json("stolen")))
                .mount(&foreign)
                .await;
            let client = client(&graph.uri());
            let error = if create {
                client
                    .send(&queued_run().create_request().unwrap())
                    .await
                    .map(|_| ())
            } else {
                client
                    .send(&Run::get_request("r1").unwrap())
                    .await
                    .map(|_| ())
            }
            .unwrap_err();
            let ClientError::Redirect {
                status: answered,
                location: Some(shown),
            } = &error
            else {
                panic!("{status}: {error:?}");
            };
            assert_eq!(answered.as_u16(), status);
            assert_eq!(Some(shown.as_str()), location.split('?').next());
            assert!(!error.to_string().contains("s3cret"), "{error}");
            // One request, to Graph's path, and nothing anywhere else: no token, no body.
            let at_graph = received(&graph).await;
            assert_eq!(at_graph.len(), 1, "{status}: {at_graph:?}");
            assert!(at_graph[0].1.starts_with("/beta/"));
            assert!(received(&foreign).await.is_empty(), "{status}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_redirect_loop_is_one_request_and_a_clients_own_redirect_policy_is_overruled() {
    bounded(async {
        let graph = MockServer::start().await;
        let url = format!("{}/beta/workflowBase/runs/r1", graph.uri());
        redirecting(&graph, 302, &url).await;
        let error = client(&graph.uri())
            .send(&Run::get_request("r1").unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::Redirect { .. }), "{error:?}");
        assert_eq!(received(&graph).await.len(), 1, "not retried, not followed");

        // A builder that would follow ten hops still follows none.
        graph.reset().await;
        redirecting(&graph, 307, &format!("{}/outside", graph.uri())).await;
        let builder = graph_core::client::http_client_builder()
            .unwrap()
            .redirect(reqwest::redirect::Policy::limited(10));
        let error = client(&graph.uri())
            .with_http_client(builder)
            .unwrap()
            .send(&queued_run().create_request().unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::Redirect { .. }), "{error:?}");
        let at_graph = received(&graph).await;
        assert_eq!(at_graph.len(), 1, "{at_graph:?}");
    })
    .await;
}

/// Graph's first page links to `next`; any other request gets an empty last page.
async fn paging_to(graph: &MockServer, next: &str) {
    graph.reset().await;
    Mock::given(method("GET"))
        .and(path("/beta/workflowBase/runs"))
        .and(wiremock::matchers::query_param_is_missing("page"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"value": [run_json("r1")], "@odata.nextLink": next})),
        )
        .mount(graph)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": []})))
        .mount(graph)
        .await;
}

#[tokio::test]
async fn a_next_link_is_judged_on_the_url_that_would_be_sent() {
    bounded(async {
        let graph = MockServer::start().await;
        let base = format!("{}/beta", graph.uri());
        let origin = graph.uri();
        for link in [
            format!("{base}/../../outside/steal"),
            format!("{base}/%2e%2e/%2e%2e/outside/steal"),
            format!("{base}/%2E%2E/.%2E/outside/steal"),
            format!("{base}/workflowBase/%2e./%2E./../outside"),
            format!("{base}/..%2F..%2Foutside/steal"),
            format!("{base}/%2E%2E%2F%2E%2E%2Foutside/steal"),
            format!("{base}\\..\\outside"),
            format!("{base}/.."),
            format!("{origin}/betaevil/runs"),
            format!("{origin}@evil.example/beta/runs"),
            format!("{}/beta/runs", origin.to_uppercase()),
            format!("//{}/beta/runs", origin.trim_start_matches("http://")),
        ] {
            paging_to(&graph, &link).await;
            let error = client(&graph.uri())
                .list_all(&Run::list_request().unwrap())
                .await
                .unwrap_err();
            let ClientError::NextPage(refused) = &error else {
                panic!("{link}: {error:?}");
            };
            assert_eq!(refused.reason(), NextPageReason::OutsideEndpoint, "{link}");
            let at_graph = received(&graph).await;
            assert_eq!(at_graph.len(), 1, "{link}: {at_graph:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_next_link_with_dot_segments_under_the_base_path_is_sent_resolved() {
    bounded(async {
        let graph = MockServer::start().await;
        let link = format!(
            "{}/beta/workflowBase/x/%2E%2E/./runs?page=2#/../../outside",
            graph.uri()
        );
        paging_to(&graph, &link).await;
        let items = client(&graph.uri())
            .list_all(&Run::list_request().unwrap())
            .await
            .unwrap();
        assert_eq!(items.len(), 1);
        let at_graph = received(&graph).await;
        let paths: Vec<&str> = at_graph.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            paths,
            ["/beta/workflowBase/runs", "/beta/workflowBase/runs?page=2"]
        );
        assert!(at_graph.iter().all(|r| r.2), "the token on both pages");

        // `next_page` says the same without a client, and a loop through dots is a loop.
        let endpoint = endpoint(&graph.uri());
        let first = Run::list_request().unwrap();
        let page = Page::new(vec![], Some(link));
        let next = first.next_page(&page, &endpoint).unwrap().unwrap();
        assert_eq!(next.path(), "/workflowBase/runs?page=2");
        for again in ["workflowBase/./runs?page=2", "workflowBase/x/%2e%2E/runs"] {
            let again = Page::new(vec![], Some(format!("{}/beta/{again}", graph.uri())));
            let refused = next.next_page(&again, &endpoint).unwrap_err();
            assert_eq!(refused.reason(), NextPageReason::Repeated);
        }
    })
    .await;
}

#[tokio::test]
async fn a_path_parameter_that_climbs_is_never_sent() {
    bounded(async {
        let graph = accepting_server().await;
        let client = client(&graph.uri());
        let get = Run::get_request("..").unwrap();
        assert_eq!(get.path(), "/workflowBase/runs/%2E%2E");
        let error = client.send(&get).await.unwrap_err();
        assert!(
            matches!(&error, ClientError::OutsideEndpoint { path } if path == "/beta/workflowBase/runs/%2E%2E"),
            "{error:?}"
        );
        let up = Run::delete_request_at("/{a}/{b}", &["..", "."]).unwrap();
        assert!(matches!(
            client.send(&up).await.unwrap_err(),
            ClientError::OutsideEndpoint { .. }
        ));
        let create = queued_run()
            .create_request_at("/workflowBase/{id}/runs", &["../.."])
            .unwrap();
        assert!(matches!(
            client.send(&create).await.unwrap_err(),
            ClientError::OutsideEndpoint { .. }
        ));
        assert!(received(&graph).await.is_empty());
    })
    .await;
}

/// A `$batch` endpoint that answers each POST in turn with the next of `answers` (the
/// last again once they run out), counting them.
async fn batch_server(answers: Vec<(u16, Value)>) -> (MockServer, Arc<AtomicUsize>) {
    let server = MockServer::start().await;
    let posts = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&posts);
    Mock::given(method("POST"))
        .and(path("/beta/$batch"))
        .respond_with(move |_: &Request| {
            let at = counter
                .fetch_add(1, Ordering::SeqCst)
                .min(answers.len() - 1);
            let (status, body) = &answers[at];
            ResponseTemplate::new(*status)
                .insert_header("retry-after", "0")
                .set_body_json(body.clone())
        })
        .mount(&server)
        .await;
    (server, posts)
}

fn throttled(id: &str) -> Value {
    json!({"id": id, "status": 429, "headers": {"Retry-After": "0"}, "body": graph_error("TooManyRequests")})
}

#[tokio::test]
async fn a_batch_answer_with_a_step_it_never_gave_is_an_error_and_no_empty_batch_is_sent() {
    bounded(async {
        let (server, posts) = batch_server(vec![(
            200,
            json!({"responses": [
                {"id": "1", "status": 201, "body": run_json("new")},
                throttled("99"),
                throttled("x"),
            ]}),
        )])
        .await;
        let mut batch = Batch::new();
        batch.add(&queued_run().create_request().unwrap()).unwrap();
        batch.add(&Run::get_request("r2").unwrap()).unwrap();
        batch.add(&Run::get_request("r3").unwrap()).unwrap();
        let error = client(&server.uri()).send_batch(&batch).await.unwrap_err();
        let graph = error.graph_error().unwrap();
        assert_eq!(graph.kind(), GraphErrorKind::InvalidBody);
        assert!(
            error
                .to_string()
                .contains("step ids the batch never gave (`99`, `x`)"),
            "{error}"
        );
        assert_eq!(posts.load(Ordering::SeqCst), 1);
        for (_, _, _, body) in received(&server).await {
            assert_ne!(body, br#"{"requests":[]}"#);
        }
    })
    .await;
}

#[tokio::test]
async fn a_batch_answer_with_a_step_twice_is_an_error_naming_it() {
    let mut batch = Batch::new();
    batch.add(&Run::get_request("r1").unwrap()).unwrap();
    batch.add(&Run::get_request("r2").unwrap()).unwrap();
    let answer = json!({"responses": [
        {"id": "1", "status": 200, "body": run_json("r1")},
        {"id": "2", "status": 200, "body": run_json("r2")},
        {"id": 1, "status": 200, "body": run_json("evil")},
    ]});
    let error = batch.parse_response(response(200, &answer)).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("more responses than the batch's 2 steps"),
        "{error}"
    );
    let answer = json!({"responses": [
        {"id": "1", "status": 200, "body": run_json("r1")},
        {"id": 1, "status": 200, "body": run_json("evil")},
    ]});
    let error = batch.parse_response(response(200, &answer)).unwrap_err();
    assert!(
        error.to_string().contains("answers step 1 more than once"),
        "{error}"
    );
}

#[tokio::test]
async fn what_succeeded_is_kept_when_a_later_round_fails() {
    bounded(async {
        let (server, posts) = batch_server(vec![
            (
                200,
                json!({"responses": [
                    {"id": "1", "status": 201, "body": run_json("new")},
                    throttled("2"),
                ]}),
            ),
            (400, graph_error("BadRequest")),
        ])
        .await;
        let mut batch = Batch::new();
        let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
        let read = batch.add(&Run::get_request("r2").unwrap()).unwrap();
        let mut answer = client(&server.uri()).send_batch(&batch).await.unwrap();
        assert_eq!(answer.take(created).unwrap().id.as_deref(), Some("new"));
        assert_eq!(answer.take(read).unwrap_err().status().as_u16(), 429);
        assert_eq!(posts.load(Ordering::SeqCst), 2);
        // The create went once; the second round held only the throttled read.
        let bodies = received(&server).await;
        let second: Value = serde_json::from_slice(&bodies[1].3).unwrap();
        assert_eq!(second["requests"].as_array().unwrap().len(), 1);
        assert_eq!(second["requests"][0]["id"], "2");
    })
    .await;
}

#[tokio::test]
async fn send_batch_spends_one_retry_budget_in_all() {
    bounded(async {
        // The whole batch throttled once, then step 1 throttled for ever.
        let (server, posts) = batch_server(vec![
            (503, graph_error("serviceNotAvailable")),
            (200, json!({"responses": [throttled("1")]})),
        ])
        .await;
        let mut batch = Batch::new();
        let step = batch.add(&Run::get_request("r1").unwrap()).unwrap();
        let client = client(&server.uri()).with_retry(RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(5),
            ..RetryPolicy::default()
        });
        let mut answer = client.send_batch(&batch).await.unwrap();
        assert_eq!(answer.take(step).unwrap_err().status().as_u16(), 429);
        assert_eq!(posts.load(Ordering::SeqCst), 4, "4 attempts in all, not 4²");
    })
    .await;
}

#[tokio::test]
async fn a_batch_answer_past_the_batchs_steps_is_refused_before_it_is_built() {
    bounded(async {
        let entry = json!({"id": "1", "status": 200, "body": run_json("r1")});
        let flood = json!({"responses": vec![entry; 50_000]});
        let bytes = serde_json::to_vec(&flood).unwrap();
        assert!(bytes.len() > 3_000_000);
        let (server, posts) = batch_server(vec![(200, flood)]).await;
        let mut batch = Batch::new();
        batch.add(&Run::get_request("r1").unwrap()).unwrap();
        let error = client(&server.uri())
            .with_max_body(8 * 1024 * 1024)
            .send_batch(&batch)
            .await
            .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("it holds more responses than the batch's 1 steps"),
            "{error}"
        );
        assert_eq!(posts.load(Ordering::SeqCst), 1);
    })
    .await;
}

#[tokio::test]
async fn the_timeout_counts_getting_the_token() {
    bounded(async {
        let graph = accepting_server().await;
        // A provider that hangs: the request ends at the timeout, nothing sent.
        let hanging = GraphClient::new(endpoint(&graph.uri()), || async {
            tokio::time::sleep(Duration::from_secs(60)).await;
            AccessToken::new(TOKEN)
        })
        .unwrap()
        .with_timeout(Duration::from_millis(300));
        let error = hanging.send(&Run::get_request("r1").unwrap()).await.unwrap_err();
        assert!(matches!(error, ClientError::TokenTimeout(_)), "{error:?}");
        assert_eq!(
            error.to_string(),
            "the token provider gave no access token within 300ms, the client's timeout (which covers getting the token); nothing was sent"
        );
        assert!(received(&graph).await.is_empty());

        // A slow provider and a slow answer: together past the timeout.
        let slow = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(run_json("r1"))
                    .set_delay(Duration::from_millis(400)),
            )
            .mount(&slow)
            .await;
        let client = GraphClient::new(endpoint(&slow.uri()), || async {
            tokio::time::sleep(Duration::from_millis(400)).await;
            AccessToken::new(TOKEN)
        })
        .unwrap()
        .with_timeout(Duration::from_millis(600))
        .with_retry(RetryPolicy::none());
        let error = client.send(&Run::get_request("r1").unwrap()).await.unwrap_err();
        assert!(matches!(error, ClientError::Timeout(_)), "{error:?}");
    })
    .await;
}

#[tokio::test]
async fn every_form_of_a_wait_past_the_budget_gives_up_at_once() {
    bounded(async {
        for retry_after in [
            "1e9",
            "18446744073709551616",
            "1000000000",
            "172800.5",
            "3600",
        ] {
            let graph = MockServer::start().await;
            Mock::given(any())
                .respond_with(
                    ResponseTemplate::new(429)
                        .insert_header("retry-after", retry_after)
                        .set_body_json(graph_error("TooManyRequests")),
                )
                .mount(&graph)
                .await;
            let error = client(&graph.uri())
                .send(&queued_run().create_request().unwrap())
                .await
                .unwrap_err();
            assert_eq!(error.graph_error().unwrap().status().as_u16(), 429);
            assert_eq!(received(&graph).await.len(), 1, "{retry_after}");
        }
        // The error body's `retryAfter`, read the same way.
        for retry_after in [json!(1e9), json!(1_000_000_000_u64), json!("1e9")] {
            let graph = MockServer::start().await;
            Mock::given(any())
                .respond_with(ResponseTemplate::new(503).set_body_json(json!({"error": {
                    "code": "serviceNotAvailable", "message": "Later.",
                    "innerError": {"retryAfter": retry_after}}})))
                .mount(&graph)
                .await;
            let error = client(&graph.uri())
                .send(&Run::get_request("r1").unwrap())
                .await
                .unwrap_err();
            assert_eq!(
                error.graph_error().unwrap().retry_after(),
                Some(Duration::from_secs(1_000_000_000))
            );
            assert_eq!(received(&graph).await.len(), 1, "{retry_after}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_wait_asked_for_is_never_shortened() {
    bounded(async {
        let graph = MockServer::start().await;
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        Mock::given(any())
            .respond_with(move |_: &Request| {
                if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                    ResponseTemplate::new(429).insert_header("retry-after", "0.6e0")
                } else {
                    ResponseTemplate::new(200).set_body_json(run_json("r1"))
                }
            })
            .mount(&graph)
            .await;
        let started = std::time::Instant::now();
        let read = client(&graph.uri())
            .send(&Run::get_request("r1").unwrap())
            .await
            .unwrap();
        assert_eq!(read.id.as_deref(), Some("r1"));
        assert!(started.elapsed() >= Duration::from_millis(600));
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    })
    .await;
}
