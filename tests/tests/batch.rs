//! JSON batching: what a batch sends, how Graph's answers (out of order, each with its own
//! status) are taken step by step in their own types, and `send_batch` resending only the
//! throttled steps, against a loopback server.

mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use graph_core::batch::BatchError;
use graph_core::batch::MAX_STEPS;
use graph_core::client::{ClientError, GraphClient};
use graph_core::http::{self, StatusCode};
use graph_core::serde_json::{self, json, Value};
use graph_core::{AccessToken, Batch, Endpoint, GraphErrorKind, Page};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::queued_run;
use support::{bounded, client, endpoint, raw_response, response, run_json, token};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[test]
fn a_batch_carries_each_steps_method_url_headers_body_and_dependencies() {
    let mut batch = Batch::new();
    let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
    let listed = batch
        .add_after(
            &Run::list_request()
                .unwrap()
                .filter("processingStatus eq 'failed'")
                .count(),
            &[created.id()],
        )
        .unwrap();
    let updated = batch
        .add(
            &Run::default()
                .update_request("r 1")
                .unwrap()
                .clear("failedTasksCount")
                .unwrap()
                .if_match("W/\"1\"")
                .prefer("return=minimal"),
        )
        .unwrap();
    let deleted = batch
        .add_after(
            // A token set on the request stays out of the step: the batch carries one.
            &Run::delete_request("r1").unwrap().header(
                http::header::AUTHORIZATION,
                http::HeaderValue::from_static("Bearer user-supplied"),
            ),
            &[listed.id(), created.id()],
        )
        .unwrap();
    let _ = (updated, deleted);
    let sent = batch.to_http(&Endpoint::beta(), &token());
    assert_eq!(sent.method(), http::Method::POST);
    assert_eq!(sent.uri(), "https://graph.microsoft.com/beta/$batch");
    assert_eq!(sent.headers()["content-type"], "application/json");
    let body: Value = serde_json::from_slice(sent.body()).unwrap();
    let requests = body["requests"].as_array().unwrap();
    let ids: Vec<&str> = requests.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["1", "2", "3", "4"]);
    // A create: its body as JSON, not a string, with its content type.
    assert_eq!(requests[0]["method"], "POST");
    assert_eq!(requests[0]["url"], "/workflowBase/runs");
    assert_eq!(
        requests[0]["body"]["@odata.type"],
        "#microsoft.graph.identityGovernance.run"
    );
    assert_eq!(requests[0]["headers"]["content-type"], "application/json");
    assert!(requests[0].get("dependsOn").is_none());
    // A list: the query string, ConsistencyLevel, and the step it waits for.
    assert_eq!(requests[1]["method"], "GET");
    assert_eq!(
        requests[1]["url"],
        "/workflowBase/runs?$filter=processingStatus%20eq%20'failed'&$count=true"
    );
    assert_eq!(requests[1]["headers"]["consistencylevel"], "eventual");
    assert_eq!(requests[1]["dependsOn"], json!(["1"]));
    assert!(requests[1].get("body").is_none());
    // An update: If-Match, Prefer (with what the library asks for), the partial body.
    assert_eq!(requests[2]["method"], "PATCH");
    assert_eq!(requests[2]["url"], "/workflowBase/runs/r%201");
    assert_eq!(requests[2]["headers"]["if-match"], "W/\"1\"");
    assert_eq!(
        requests[2]["headers"]["prefer"],
        "include-unknown-enum-members, return=minimal"
    );
    assert_eq!(requests[2]["body"]["failedTasksCount"], Value::Null);
    assert_eq!(requests[3]["dependsOn"], json!(["1", "2"]));
    // Neither the token nor the library's per-request headers go inside.
    let text = String::from_utf8_lossy(sent.body()).into_owned();
    assert!(
        !text.contains("Bearer") && !text.contains("authorization"),
        "{text}"
    );
}

#[test]
fn a_twenty_first_step_and_a_dependency_on_another_batch_are_refused() {
    let mut batch = Batch::new();
    for _ in 0..MAX_STEPS {
        batch.add(&Run::get_request("r").unwrap()).unwrap();
    }
    assert_eq!(
        batch.add(&Run::get_request("r").unwrap()).unwrap_err(),
        BatchError::Full
    );
    let mut other = Batch::new();
    let elsewhere = other.add(&Run::get_request("r").unwrap()).unwrap();
    let mut mine = Batch::new();
    let error = mine
        .add_after(&Run::get_request("r").unwrap(), &[elsewhere.id()])
        .unwrap_err();
    assert_eq!(error, BatchError::ForeignStep(1));
    assert!(mine.is_empty());
}

/// Graph's answer as the json-batching page shows them: out of order, each with its own
/// status; a failed dependency's 424; a throttled step's 429 inside the 200.
fn graph_answer() -> Value {
    json!({"responses": [
        {"id": "4", "status": 204, "body": null},
        {"id": "2", "status": 200, "headers": {"content-type": "application/json"},
         "body": {"value": [run_json("r1"), run_json("r2")], "@odata.nextLink": "https://graph.microsoft.com/beta/workflowBase/runs?$skiptoken=2"}},
        {"id": "1", "status": 201, "body": run_json("new")},
        {"id": "3", "status": 404, "body": {"error": {"code": "ResourceNotFound", "message": "The run does not exist."}}},
        {"id": "5", "status": 424, "body": {"error": {"code": "Failed Dependency", "message": "The dependent request failed."}}},
        {"id": "6", "status": 429, "headers": {"Retry-After": "1.5"},
         "body": {"error": {"code": "TooManyRequests", "message": "Too many requests."}}},
        {"id": "7", "status": 429, "headers": {"retry-after": "Wed, 02 Dec 2026 10:00:10 GMT", "date": "Wed, 02 Dec 2026 10:00:00 GMT"}},
    ]})
}

#[test]
fn each_step_is_taken_in_its_own_type_by_its_requests_rules() {
    let mut batch = Batch::new();
    let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
    let listed = batch.add(&Run::list_request().unwrap()).unwrap();
    let read = batch.add(&Run::get_request("gone").unwrap()).unwrap();
    let deleted = batch.add(&Run::delete_request("r1").unwrap()).unwrap();
    let dependent = batch
        .add_after(&Run::get_request("r1").unwrap(), &[read.id()])
        .unwrap();
    let throttled = batch.add(&Run::get_request("r1").unwrap()).unwrap();
    let dated = batch.add(&Run::get_request("r1").unwrap()).unwrap();
    let unanswered = batch.add(&Run::get_request("r1").unwrap()).unwrap();

    let mut answer = batch
        .parse_response(response(200, &graph_answer()))
        .unwrap();
    let run: Run = answer.take(created).unwrap();
    assert_eq!(run.id.as_deref(), Some("new"));
    let page: Page<Run> = answer.take(listed).unwrap();
    assert_eq!(page.items().len(), 2);
    assert!(page.next_link().is_some());
    let () = answer.take(deleted).unwrap();
    let missing = answer.take(read).unwrap_err();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(missing.code(), Some("ResourceNotFound"));
    let failed = answer.take(dependent).unwrap_err();
    assert_eq!(failed.status(), StatusCode::FAILED_DEPENDENCY);
    let slow = answer.take(throttled).unwrap_err();
    assert_eq!(slow.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(slow.retry_after(), Some(Duration::from_millis(1500)));
    let later = answer.take(dated).unwrap_err();
    assert_eq!(later.retry_after(), Some(Duration::from_secs(10)));
    let none = answer.take(unanswered).unwrap_err();
    assert_eq!(none.kind(), GraphErrorKind::MissingStep);
    assert!(none.to_string().contains("step 8"), "{none}");
}

#[test]
fn a_step_from_another_batch_or_a_non_batch_answer_is_an_error() {
    let mut first = Batch::new();
    let step = first.add(&Run::get_request("r1").unwrap()).unwrap();
    let mut second = Batch::new();
    second.add(&Run::get_request("r1").unwrap()).unwrap();
    let mut answer = second
        .parse_response(response(
            200,
            &json!({"responses": [{"id": "1", "status": 200, "body": run_json("r1")}]}),
        ))
        .unwrap();
    let error = answer.take(step).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::MissingStep);
    assert!(error.to_string().contains("another batch"), "{error}");

    for (status, body) in [
        (200, json!({"value": []})),
        (200, json!({"responses": [{"id": "x", "status": 200}]})),
        (200, json!({"responses": [{"id": "1", "status": "ok"}]})),
    ] {
        let error = second.parse_response(response(status, &body)).unwrap_err();
        assert_eq!(error.kind(), GraphErrorKind::InvalidBody, "{body}");
    }
    let error = second
        .parse_response(response(
            400,
            &json!({"error": {"code": "BadRequest", "message": "Invalid batch payload format."}}),
        ))
        .unwrap_err();
    assert_eq!(error.code(), Some("BadRequest"));
    assert!(second
        .parse_response(raw_response(200, "not json"))
        .is_err());
}

#[tokio::test]
async fn send_batch_resends_only_the_throttled_steps_and_their_dependents() {
    bounded(async {
        let server = MockServer::start().await;
        let bodies: Arc<Mutex<Vec<Value>>> = Arc::default();
        let seen = Arc::clone(&bodies);
        Mock::given(method("POST"))
            .and(path("/beta/$batch"))
            .respond_with(move |request: &Request| {
                let body: Value = serde_json::from_slice(&request.body).unwrap();
                let mut seen = seen.lock().unwrap();
                seen.push(body);
                let answer = if seen.len() == 1 {
                    json!({"responses": [
                        {"id": "3", "status": 424, "body": {"error": {"code": "Failed Dependency"}}},
                        {"id": "1", "status": 201, "body": run_json("new")},
                        {"id": "2", "status": 429, "headers": {"Retry-After": "0"}, "body": {"error": {"code": "TooManyRequests"}}},
                        {"id": "4", "status": 200, "body": run_json("r4")},
                    ]})
                } else {
                    json!({"responses": [
                        {"id": "2", "status": 200, "body": run_json("r2")},
                        {"id": "3", "status": 204},
                    ]})
                };
                ResponseTemplate::new(200).set_body_json(answer)
            })
            .mount(&server)
            .await;
        let mut batch = Batch::new();
        let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
        let read = batch.add(&Run::get_request("r2").unwrap()).unwrap();
        let deleted = batch
            .add_after(
                &Run::delete_request("r2").unwrap(),
                &[created.id(), read.id()],
            )
            .unwrap();
        let other = batch.add(&Run::get_request("r4").unwrap()).unwrap();
        let mut answer = client(&server.uri()).send_batch(&batch).await.unwrap();
        assert_eq!(answer.take(created).unwrap().id.as_deref(), Some("new"));
        assert_eq!(answer.take(read).unwrap().id.as_deref(), Some("r2"));
        answer.take(deleted).unwrap();
        assert_eq!(answer.take(other).unwrap().id.as_deref(), Some("r4"));

        let bodies = bodies.lock().unwrap();
        assert_eq!(bodies.len(), 2);
        let resent = bodies[1]["requests"].as_array().unwrap();
        let ids: Vec<&str> = resent.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(
            ids,
            ["2", "3"],
            "the throttled step and the one that depends on it"
        );
        // Step 1 succeeded, so step 3 waits only for step 2 now.
        assert_eq!(resent[1]["dependsOn"], json!(["2"]));
    })
    .await;
}

#[tokio::test]
async fn a_step_throttled_past_the_policy_keeps_its_429() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"responses": [
                {"id": "1", "status": 429, "headers": {"Retry-After": "0"}, "body": {"error": {"code": "TooManyRequests"}}},
            ]})))
            .mount(&server)
            .await;
        let mut batch = Batch::new();
        let step = batch.add(&Run::get_request("r1").unwrap()).unwrap();
        let mut answer = client(&server.uri()).send_batch(&batch).await.unwrap();
        let error = answer.take(step).unwrap_err();
        assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            3,
            "the policy's 3 attempts"
        );
    })
    .await;
}

#[tokio::test]
async fn send_batch_checks_each_steps_permissions_and_sends_nothing_when_one_lacks() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"responses": []})))
            .mount(&server)
            .await;
        // Claims {"scp":"User.Read"}: creating a run needs LifecycleWorkflows.ReadWrite.All.
        let lacking = AccessToken::new("eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQifQ.x").unwrap();
        let client = GraphClient::new(endpoint(&server.uri()), lacking).unwrap();
        let mut batch = Batch::new();
        batch.add(&Run::get_request("r1").unwrap()).unwrap();
        batch.add(&queued_run().create_request().unwrap()).unwrap();
        let error = client.send_batch(&batch).await.unwrap_err();
        assert!(matches!(error, ClientError::Permission(_)), "{error:?}");
        assert!(server.received_requests().await.unwrap().is_empty());
    })
    .await;
}
