//! The client through Graph's pages, against servers on loopback: `list_all` and `pages`
//! following next links byte for byte with the first request's headers, through a `429`;
//! the page limit; and paging that ends with an error (a loop, a link off the endpoint, a
//! page that fails), never as if complete. (Next links built to mislead are in `trust.rs`.)

mod support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use graph_core::client::{ClientError, StreamExt};
use graph_core::http::{HeaderName, HeaderValue};
use graph_core::paging::NextPageReason;
use graph_core::serde_json::json;
use graph_examples::lifecycle_workflows::Run;
use support::{bounded, client, graph_error, run_json, TOKEN};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

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
