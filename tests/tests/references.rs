//! References (`$ref`): adding and removing a group's members, setting and clearing a
//! manager. Exact methods, paths and bodies (the `@odata.id` absolute on the endpoint the
//! request goes to), validation, answers, batches mixing references and creates, and the
//! client on loopback, retries by what is safe.

mod support;

use std::time::Duration;

use graph_core::client::RetryPolicy;
use graph_core::serde_json::{self, json, Value};
use graph_core::validation::ViolationKind;
use graph_core::{AccessToken, ApiVersion, Batch, Cloud, Endpoint, GraphErrorKind, RefRequest};
use graph_examples::samples::queued_run;
use support::{bounded, client, response, run_json, token};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn body_for(request: &RefRequest, endpoint: &Endpoint) -> Vec<u8> {
    request.to_http(endpoint, &token()).into_body()
}

#[test]
fn each_reference_request_has_its_method_path_and_body() {
    let add = RefRequest::add(
        "/groups/{group-id}/members",
        &["0b1f 9/x"],
        "/directoryObjects/{id}",
        &["87d3?é"],
    )
    .unwrap();
    assert_eq!(add.method(), "POST");
    assert_eq!(add.path(), "/groups/0b1f%209%2Fx/members/$ref");
    assert_eq!(
        body_for(&add, &Endpoint::v1()),
        br#"{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/87d3%3F%C3%A9"}"#
    );
    let sent = add.to_http(&Endpoint::v1(), &token());
    assert_eq!(sent.headers()["content-type"], "application/json");

    let remove = RefRequest::remove("/groups/{group-id}/members", &["0b1f"], "87d3").unwrap();
    assert_eq!(
        (remove.method().as_str(), remove.path()),
        ("DELETE", "/groups/0b1f/members/87d3/$ref")
    );
    assert!(body_for(&remove, &Endpoint::v1()).is_empty());

    let set = RefRequest::set("/users/{id}/manager", &["adele"], "/users/{id}", &["alex"]).unwrap();
    assert_eq!(
        (set.method().as_str(), set.path()),
        ("PUT", "/users/adele/manager/$ref")
    );
    assert_eq!(
        body_for(&set, &Endpoint::beta()),
        br#"{"@odata.id":"https://graph.microsoft.com/beta/users/alex"}"#
    );

    let clear = RefRequest::clear("/users/{id}/manager", &["adele"]).unwrap();
    assert_eq!(
        (clear.method().as_str(), clear.path()),
        ("DELETE", "/users/adele/manager/$ref")
    );
    assert_eq!(
        format!("{clear:?}"),
        r#"RefRequest { method: DELETE, path: "/users/adele/manager/$ref", .. }"#
    );
}

#[test]
fn the_reference_is_absolute_on_the_endpoint_it_is_sent_to() {
    let add = RefRequest::add("/groups/{id}/owners", &["g"], "/users/{id}", &["u"]).unwrap();
    for (endpoint, id) in [
        (Endpoint::v1(), "https://graph.microsoft.com/v1.0/users/u"),
        (
            Endpoint::new(Cloud::China, ApiVersion::Beta),
            "https://microsoftgraph.chinacloudapi.cn/beta/users/u",
        ),
        (
            Endpoint::custom("http://127.0.0.1:8080/graph/v1.0").unwrap(),
            "http://127.0.0.1:8080/graph/v1.0/users/u",
        ),
    ] {
        let body: Value = serde_json::from_slice(&body_for(&add, &endpoint)).unwrap();
        assert_eq!(body, json!({"@odata.id": id}));
    }
}

#[test]
fn reference_requests_are_validated_like_any_path() {
    let error = RefRequest::remove("/groups/{group-id}/members", &[""], "").unwrap_err();
    let kinds: Vec<_> = error
        .violations()
        .iter()
        .map(|v| (v.path().to_owned(), v.kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("group-id".to_owned(), ViolationKind::EmptyPathParameter),
            ("id".to_owned(), ViolationKind::EmptyPathParameter),
        ]
    );
    let error = RefRequest::add("/groups/{id}/members", &[], "/users/{id}", &["u"]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::PathParameterCount
    );
    let error = RefRequest::set("users/{id}/manager", &["a"], "/users/{id}", &["b"]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::InvalidPathTemplate
    );
    assert!(
        error.to_string().starts_with("reference is not valid"),
        "{error}"
    );
    // Copied from a page's request line: `/$ref` is the request's to add.
    let error =
        RefRequest::add("/groups/{id}/members/$ref", &["g"], "/users/{id}", &["u"]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::InvalidPathTemplate
    );
    assert!(
        error.to_string().contains("write `/groups/{id}/members`"),
        "{error}"
    );
    // A URL where a path goes says what to write.
    let error = RefRequest::add(
        "/groups/{id}/members",
        &["g"],
        "https://graph.microsoft.com/v1.0/users/{id}",
        &["u"],
    )
    .unwrap_err();
    assert!(error.to_string().contains("is a URL"), "{error}");
}

#[test]
fn any_success_is_done_and_an_error_is_graphs() {
    let add = RefRequest::add("/groups/{id}/members", &["g"], "/users/{id}", &["u"]).unwrap();
    add.parse_response(response(204, &Value::Null)).unwrap();
    add.parse_response(response(200, &json!({}))).unwrap();
    let error = add
        .parse_response(response(
            400,
            &json!({"error": {"code": "Request_BadRequest", "message": "One or more added object references already exist"}}),
        ))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::Service);
    assert_eq!(error.code(), Some("Request_BadRequest"));
    // Nothing is declared for references: any token passes the check.
    add.check_token(&AccessToken::new("eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQifQ.x").unwrap())
        .unwrap();
}

#[test]
fn a_batch_mixes_references_and_creates() {
    let mut batch = Batch::new();
    let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
    let added = batch
        .add_after(
            &RefRequest::add("/groups/{id}/members", &["g"], "/users/{id}", &["u"]).unwrap(),
            &[created.id()],
        )
        .unwrap();
    let removed = batch
        .add(&RefRequest::remove("/groups/{id}/members", &["g"], "old").unwrap())
        .unwrap();
    let body: Value = serde_json::from_slice(&batch.body(&Endpoint::beta())).unwrap();
    let requests = body["requests"].as_array().unwrap();
    assert_eq!(requests[1]["method"], "POST");
    assert_eq!(requests[1]["url"], "/groups/g/members/$ref");
    assert_eq!(
        requests[1]["body"],
        json!({"@odata.id": "https://graph.microsoft.com/beta/users/u"})
    );
    assert_eq!(requests[1]["headers"]["content-type"], "application/json");
    assert_eq!(requests[1]["dependsOn"], json!(["1"]));
    assert_eq!(requests[2]["method"], "DELETE");
    assert!(requests[2].get("body").is_none());

    let answer = json!({"responses": [
        {"id": "1", "status": 201, "body": run_json("new")},
        {"id": "2", "status": 204},
        {"id": "3", "status": 404, "body": {"error": {"code": "Request_ResourceNotFound", "message": "gone"}}},
    ]});
    let mut answer = batch.parse_response(response(200, &answer)).unwrap();
    assert_eq!(answer.take(created).unwrap().id.as_deref(), Some("new"));
    answer.take(added).unwrap();
    assert_eq!(answer.take(removed).unwrap_err().status().as_u16(), 404);
}

#[tokio::test]
async fn the_client_sends_references_and_retries_only_what_is_safe() {
    bounded(async {
        let graph = MockServer::start().await;
        let member = format!("{}/beta/directoryObjects/u1", graph.uri());
        Mock::given(method("POST"))
            .and(path("/beta/groups/g/members/$ref"))
            .and(body_json(json!({"@odata.id": member})))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&graph)
            .await;
        let client = client(&graph.uri());
        client
            .send(
                &RefRequest::add(
                    "/groups/{id}/members",
                    &["g"],
                    "/directoryObjects/{id}",
                    &["u1"],
                )
                .unwrap(),
            )
            .await
            .unwrap();

        // An add answered 504 may have been carried out: sent once, never again.
        Mock::given(method("POST"))
            .and(path("/beta/groups/h/members/$ref"))
            .respond_with(ResponseTemplate::new(504))
            .expect(1)
            .mount(&graph)
            .await;
        let error = client
            .send(&RefRequest::add("/groups/{id}/members", &["h"], "/users/{id}", &["u"]).unwrap())
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 504);

        // A removal is a DELETE: a 503 is retried, and succeeds.
        Mock::given(method("DELETE"))
            .and(path("/beta/groups/g/members/u1/$ref"))
            .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
            .up_to_n_times(1)
            .mount(&graph)
            .await;
        Mock::given(method("DELETE"))
            .and(path("/beta/groups/g/members/u1/$ref"))
            .respond_with(ResponseTemplate::new(204))
            .mount(&graph)
            .await;
        client
            .with_retry(RetryPolicy {
                base_delay: Duration::from_millis(5),
                ..RetryPolicy::default()
            })
            .send(&RefRequest::remove("/groups/{id}/members", &["g"], "u1").unwrap())
            .await
            .unwrap();
    })
    .await;
}
