//! Delta queries: the requests (generated and `_at`, query options, `latest`), pages of
//! changes with every kind of removal, resuming from a stored link (checked as next links
//! are), resync with each of Graph's codes and where it restarts, and the client's stream.

mod support;

use graph_core::client::{ClientError, StreamExt};
use graph_core::http::StatusCode;
use graph_core::resource::GraphType;
use graph_core::serde_json::{self, json, Value};
use graph_core::{
    graph_resource, graph_union, Batch, Change, DeltaLink, DeltaRequest, Endpoint, GraphErrorKind,
    RemovedReason,
};
use support::{bounded, client, response, token};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[graph_resource(
    path = "/users",
    odata = "#microsoft.graph.user",
    permissions(read(delegated = "User.Read.All", application = "User.Read.All"))
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct User {
    id: Option<String>,
    display_name: Option<String>,
    job_title: Option<String>,
}

#[graph_resource(
    path = "/drives/{drive-id}/items",
    odata = "#microsoft.graph.driveItem"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct DriveItem {
    id: Option<String>,
    name: Option<String>,
}

#[graph_resource(path = "/me/messages", odata = "#microsoft.graph.message")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Message {
    id: Option<String>,
    subject: Option<String>,
}

#[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Group {
    id: Option<String>,
    display_name: Option<String>,
}

#[graph_union(
    odata = "#microsoft.graph.directoryObject",
    path = "/groups/{group-id}/members"
)]
#[derive(Debug, Clone, PartialEq)]
enum Member {
    User(User),
    Group(Group),
}

fn answer(body: Value) -> graph_core::http::Response<Vec<u8>> {
    response(200, &body)
}

#[test]
fn delta_requests_are_built_for_resources_unions_and_any_path() {
    let users = User::delta_request().unwrap();
    assert_eq!(users.path(), "/users/delta");
    assert_eq!(users.method(), "GET");
    let members = Member::delta_request("0b1f").unwrap();
    assert_eq!(members.path(), "/groups/0b1f/members/delta");
    let messages =
        Message::delta_request_at("/me/mailFolders/{id}/messages/delta", &["inbox"]).unwrap();
    assert_eq!(messages.path(), "/me/mailFolders/inbox/messages/delta");
    assert!(Member::delta_request("").is_err());

    // Query options as a list's, and `latest`, which a drive writes its own way.
    let request = User::delta_request()
        .unwrap()
        .select(&["displayName", "jobTitle"])
        .unwrap()
        .filter("id eq '87d3'")
        .page_size(50)
        .latest();
    assert_eq!(
        Message::delta_request().unwrap().top(10).path(),
        "/me/messages/delta?$top=10"
    );
    assert_eq!(
        request.path(),
        "/users/delta?$select=displayName,jobTitle&$filter=id%20eq%20'87d3'&$deltatoken=latest"
    );
    assert_eq!(
        request.preferences().collect::<Vec<_>>(),
        ["odata.maxpagesize=50"]
    );
    assert!(User::delta_request()
        .unwrap()
        .select(&["jobTitel"])
        .is_err());
    let drive = DriveItem::delta_request_at("/drives/{drive-id}/root/delta", &["b!x"])
        .unwrap()
        .latest();
    assert_eq!(drive.path(), "/drives/b%21x/root/delta?token=latest");

    // A request kind like the others: the token, headers, a batch step.
    let sent = users.to_http(&Endpoint::v1(), &token());
    assert_eq!(sent.uri(), "https://graph.microsoft.com/v1.0/users/delta");
    assert!(sent.headers().contains_key("authorization"));
    let reader = support::token_with_claims(
        r#"{"scp":"Mail.Read","tid":"72f988bf-86f1-41af-91ab-2d7cd011db47"}"#,
    );
    let error = users.check_token(&reader).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("reading microsoft.graph.user needs User.Read.All"),
        "{error}"
    );
    let mut batch = Batch::new();
    let step = batch.add(&users).unwrap();
    let body: Value = serde_json::from_slice(&batch.body(&Endpoint::v1())).unwrap();
    assert_eq!(body["requests"][0]["url"], "/users/delta");
    let answer = json!({"responses": [{"id": "1", "status": 200, "body": {
        "value": [{"id": "a", "@removed": {"reason": "changed"}}],
        "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x"
    }}]});
    let page = batch
        .parse_response(response(200, &answer))
        .unwrap()
        .take(step)
        .unwrap();
    assert!(matches!(&page.changes()[0], Change::Removed(removed) if removed.id() == "a"));
}

#[test]
fn a_page_holds_every_change_in_order_with_each_kind_of_removal() {
    let request = User::delta_request().unwrap();
    let page = request
        .parse_response(answer(json!({
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users",
            "@odata.nextLink": "https://graph.microsoft.com/v1.0/users/delta?$skiptoken=pqwSUjGY",
            "value": [
                {"displayName": "Adele", "id": "1"},
                {"id": "2", "@removed": {"reason": "changed"}},
                {"@removed": {"reason": "deleted"}, "id": "3"},
                {"id": "4", "@removed": {"reason": "movedOut"}},
                {"id": "5", "@removed": {}},
                {"id": "6", "jobTitle": "Analyst"}
            ]
        })))
        .unwrap();
    let changes = page.changes();
    assert_eq!(changes.len(), 6);
    assert!(
        matches!(&changes[0], Change::Updated(user) if user.display_name.as_deref() == Some("Adele"))
    );
    let removed: Vec<(&str, &RemovedReason)> = changes
        .iter()
        .filter_map(|change| match change {
            Change::Removed(removed) => Some((removed.id(), removed.reason())),
            Change::Updated(_) => None,
        })
        .collect();
    assert_eq!(
        removed,
        [
            ("2", &RemovedReason::Changed),
            ("3", &RemovedReason::Deleted),
            ("4", &RemovedReason::Other("movedOut".into())),
            ("5", &RemovedReason::Other(String::new())),
        ]
    );
    assert!(
        matches!(&changes[5], Change::Updated(user) if user.job_title.as_deref() == Some("Analyst") && user.display_name.is_none())
    );
    assert_eq!(
        page.next_link(),
        Some("https://graph.microsoft.com/v1.0/users/delta?$skiptoken=pqwSUjGY")
    );
    assert_eq!(page.delta_link(), None);

    // OneDrive marks a deleted item with a `deleted` facet.
    let drive = DriveItem::delta_request_at("/me/drive/root/delta", &[]).unwrap();
    let page = drive
        .parse_response(answer(json!({
            "value": [
                {"id": "01A", "name": "notes.txt", "deleted": {"state": "deleted"}},
                {"id": "01B", "name": "plan.txt"}
            ],
            "@odata.deltaLink": "https://graph.microsoft.com/v1.0/me/drive/root/delta?token=MzslMjM0OzEy"
        })))
        .unwrap();
    assert!(
        matches!(&page.changes()[0], Change::Removed(removed) if removed.id() == "01A" && *removed.reason() == RemovedReason::Deleted)
    );
    assert!(
        matches!(&page.changes()[1], Change::Updated(item) if item.name.as_deref() == Some("plan.txt"))
    );
    assert_eq!(
        page.delta_link().unwrap().as_str(),
        "https://graph.microsoft.com/v1.0/me/drive/root/delta?token=MzslMjM0OzEy"
    );
}

#[test]
fn an_item_that_does_not_read_names_its_place_in_the_page() {
    let request = User::delta_request().unwrap();
    let error = request
        .parse_response(answer(json!({"value": [
            {"id": "1", "@removed": {"reason": "deleted"}},
            {"id": "2", "displayName": 7}
        ]})))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
    assert_eq!(error.property(), Some("value[1].displayName"), "{error}");
    let error = request
        .parse_response(answer(
            json!({"value": [{"@removed": {"reason": "deleted"}}]}),
        ))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`value[0]` is marked removed, and its `id` is missing or not a string"),
        "{error}"
    );
    assert!(request
        .parse_response(answer(json!({"changes": []})))
        .is_err());
}

#[test]
fn a_stored_link_resumes_under_the_endpoint_only() {
    let link: DeltaLink = serde_json::from_str(
        r#""https://graph.microsoft.com/v1.0/users/delta?$deltatoken=oEcOySpF""#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&link).unwrap(),
        r#""https://graph.microsoft.com/v1.0/users/delta?$deltatoken=oEcOySpF""#
    );
    let resumed = DeltaRequest::<User>::resume(&link, &Endpoint::v1())
        .unwrap()
        .page_size(100)
        .prefer("return=minimal");
    assert_eq!(resumed.path(), "/users/delta?$deltatoken=oEcOySpF");
    let sent = resumed.to_http(&Endpoint::v1(), &token());
    assert_eq!(
        sent.headers()["prefer"],
        "odata.maxpagesize=100, return=minimal"
    );
    for (outside, says) in [
        (
            "https://evil.example/v1.0/users/delta?$deltatoken=x",
            "not under the endpoint",
        ),
        (
            "https://graph.microsoft.com/beta/users/delta",
            "not under the endpoint",
        ),
        (
            "https://graph.microsoft.com/v1.0/../beta/users/delta",
            "not under the endpoint",
        ),
        (
            "https://graph.microsoft.com/v1.0/%2e%2e/beta/users",
            "not under the endpoint",
        ),
        ("  ", "blank"),
    ] {
        let error =
            DeltaRequest::<User>::resume(&DeltaLink::new(outside), &Endpoint::v1()).unwrap_err();
        assert!(error.to_string().contains(says), "{outside}: {error}");
        assert!(error.to_string().starts_with("the delta link `"), "{error}");
    }
}

#[test]
fn every_resync_answer_is_resync_required_and_restart_says_where_to_begin() {
    let request = User::delta_request()
        .unwrap()
        .select(&["displayName"])
        .unwrap();
    let gone = graph_core::http::Response::builder()
        .status(410)
        .header("location", "https://graph.microsoft.com/v1.0/users/delta?$select=displayName")
        .body(
            json!({"error": {"code": "syncStateNotFound", "message": "The delta token is too old."}})
                .to_string()
                .into_bytes(),
        )
        .unwrap();
    let error = request.parse_response(gone).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::ResyncRequired);
    assert_eq!(error.code(), Some("syncStateNotFound"));
    assert_eq!(
        error.location(),
        Some("https://graph.microsoft.com/v1.0/users/delta?$select=displayName")
    );
    assert_eq!(
        request.restart(&error, &Endpoint::v1()).unwrap().path(),
        "/users/delta?$select=displayName"
    );

    for code in [
        "syncStateNotFound",
        "syncStateInvalid",
        "resyncRequired",
        "resyncChangesApplyDifferences",
        "resyncChangesUploadDifferences",
    ] {
        let error = request
            .parse_response(response(
                400,
                &json!({"error": {"code": code, "message": "m"}}),
            ))
            .unwrap_err();
        assert_eq!(error.kind(), GraphErrorKind::ResyncRequired, "{code}");
        assert_eq!(error.code(), Some(code));
        // Without a Location: the request the round began with.
        assert_eq!(
            request.restart(&error, &Endpoint::v1()).unwrap().path(),
            "/users/delta?$select=displayName"
        );
    }
    // Other errors are not.
    let error = request
        .parse_response(response(
            400,
            &json!({"error": {"code": "BadRequest", "message": "m"}}),
        ))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::Service);
    let refused = request.restart(&error, &Endpoint::v1()).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "the error (400 Bad Request, BadRequest) does not ask for a resync, so the round is not started over"
    );

    // A resumed round restarts from its link without its token; a Location outside the
    // endpoint is not taken.
    let link =
        DeltaLink::new("https://graph.microsoft.com/v1.0/users/delta?$deltatoken=old&$select=id");
    let resumed = DeltaRequest::<User>::resume(&link, &Endpoint::v1()).unwrap();
    let gone = graph_core::http::Response::builder()
        .status(StatusCode::GONE)
        .header("location", "https://evil.example/v1.0/users/delta")
        .body(Vec::new())
        .unwrap();
    let error = resumed.parse_response(gone).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::ResyncRequired);
    assert_eq!(
        resumed.restart(&error, &Endpoint::v1()).unwrap().path(),
        "/users/delta?$select=id"
    );
}

/// Graph's delta on loopback: two pages of a first round, then, for the stored link, one
/// page of changes; for a stale link, `410 Gone`.
async fn delta_server() -> MockServer {
    let graph = MockServer::start().await;
    let base = graph.uri();
    Mock::given(method("GET"))
        .and(path("/beta/users/delta"))
        .and(query_param("$skiptoken", "page2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{"id": "3", "displayName": "Alex"}, {"id": "1", "@removed": {"reason": "deleted"}}],
            "@odata.deltaLink": format!("{base}/beta/users/delta?$deltatoken=round2")
        })))
        .mount(&graph)
        .await;
    Mock::given(method("GET"))
        .and(path("/beta/users/delta"))
        .and(query_param("$deltatoken", "stale"))
        .respond_with(ResponseTemplate::new(410).set_body_json(
            json!({"error": {"code": "resyncRequired", "message": "Resync needed."}}),
        ))
        .mount(&graph)
        .await;
    Mock::given(method("GET"))
        .and(path("/beta/users/delta"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "value": [{"id": "1", "displayName": "Adele"}, {"id": "2", "displayName": "Bianca"}],
            "@odata.nextLink": format!("{base}/beta/users/delta?$skiptoken=page2")
        })))
        .mount(&graph)
        .await;
    graph
}

#[tokio::test]
async fn the_client_reads_a_round_as_a_stream_and_all_at_once() {
    bounded(async {
        let graph = delta_server().await;
        let client = client(&graph.uri());
        let request = User::delta_request().unwrap();
        let pages: Vec<_> = client.delta(&request).collect().await;
        assert_eq!(pages.len(), 2);
        let last = pages[1].as_ref().unwrap();
        assert_eq!(
            last.delta_link().unwrap().as_str(),
            format!("{}/beta/users/delta?$deltatoken=round2", graph.uri())
        );

        let (changes, link) = client.delta_all(&request).await.unwrap();
        assert_eq!(changes.len(), 4);
        assert!(matches!(&changes[3], Change::Removed(removed) if removed.id() == "1"));
        assert!(link.as_str().ends_with("$deltatoken=round2"));

        // A stale link ends the stream with the resync, and nothing restarts on its own.
        let stale = DeltaLink::new(format!(
            "{}/beta/users/delta?$deltatoken=stale",
            graph.uri()
        ));
        let resumed = DeltaRequest::<User>::resume(&stale, client.endpoint()).unwrap();
        let pages: Vec<_> = client.delta(&resumed).collect().await;
        assert_eq!(pages.len(), 1);
        let Err(ClientError::Graph(error)) = &pages[0] else {
            panic!("{pages:?}")
        };
        assert_eq!(error.kind(), GraphErrorKind::ResyncRequired);
        let error = client.delta_all(&resumed).await.unwrap_err();
        assert_eq!(error.graph_error().unwrap().code(), Some("resyncRequired"));
        let restart = resumed
            .restart(error.graph_error().unwrap(), client.endpoint())
            .unwrap();
        assert_eq!(restart.path(), "/users/delta");
        assert_eq!(client.delta_all(&restart).await.unwrap().0.len(), 4);
    })
    .await;
}

#[tokio::test]
async fn a_next_link_outside_the_endpoint_ends_the_round_with_an_error() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "value": [{"id": "1"}],
                "@odata.nextLink": "https://evil.example/beta/users/delta?$skiptoken=x"
            })))
            .mount(&graph)
            .await;
        let client = client(&graph.uri());
        let error = client
            .delta_all(&User::delta_request().unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::NextPage(_)), "{error}");
        assert_eq!(graph.received_requests().await.unwrap().len(), 1);
        // A round whose last page has no delta link has nowhere to resume from.
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": []})))
            .mount(&graph)
            .await;
        let error = support::client(&graph.uri())
            .delta_all(&User::delta_request().unwrap())
            .await
            .unwrap_err();
        assert!(matches!(error, ClientError::NoDeltaLink), "{error}");
    })
    .await;
}

#[test]
fn latest_replaces_a_token_and_knows_drives_and_lists() {
    let link = DeltaLink::new("https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc");
    let resumed = DeltaRequest::<User>::resume(&link, &Endpoint::v1()).unwrap();
    assert_eq!(resumed.latest().path(), "/users/delta?$deltatoken=latest");
    for (template, expected) in [
        (
            "/drives/x/items/y/delta",
            "/drives/x/items/y/delta?token=latest",
        ),
        (
            "/me/drive/root:/folder:/delta",
            "/me/drive/root:/folder:/delta?token=latest",
        ),
        (
            "/sites/s/lists/l/items/delta",
            "/sites/s/lists/l/items/delta?token=latest",
        ),
        ("/me/drive/root/delta", "/me/drive/root/delta?token=latest"),
    ] {
        let request = DriveItem::delta_request_at(template, &[]).unwrap().latest();
        assert_eq!(request.path(), expected);
    }
    let drive = DeltaLink::new("https://graph.microsoft.com/v1.0/me/drive/root/delta?token=x");
    let resumed = DeltaRequest::<DriveItem>::resume(&drive, &Endpoint::v1()).unwrap();
    assert_eq!(resumed.latest().path(), "/me/drive/root/delta?token=latest");
}

#[test]
fn an_annotation_of_null_is_no_removal_and_a_bad_id_is_said_so() {
    let request = User::delta_request().unwrap();
    let page = request
        .parse_response(answer(json!({"value": [
            {"id": "1", "@removed": null, "displayName": "Adele"},
            {"id": "2", "@removed": "deleted"}
        ]})))
        .unwrap();
    assert!(
        matches!(&page.changes()[0], Change::Updated(user) if user.display_name.as_deref() == Some("Adele"))
    );
    assert!(
        matches!(&page.changes()[1], Change::Removed(removed) if *removed.reason() == RemovedReason::Deleted)
    );
    let error = request
        .parse_response(answer(json!({"value": [{"id": 5, "@removed": {}}]})))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`value[0]` is marked removed, and its `id` is missing or not a string"),
        "{error}"
    );
    let error = request
        .parse_response(response(
            403,
            &json!({"error": {"code": "Authorization_RequestDenied", "message": "m"}}),
        ))
        .unwrap_err();
    assert_eq!(
        request.restart(&error, &Endpoint::v1()).unwrap_err().to_string(),
        "the error (403 Forbidden, Authorization_RequestDenied) does not ask for a resync, so the round is not started over"
    );
}

#[tokio::test]
async fn a_round_is_held_to_loops_the_page_limit_and_retries_and_restarts_where_it_began() {
    bounded(async {
        let graph = MockServer::start().await;
        let base = graph.uri();
        // The second page is throttled once, then links back to the first.
        Mock::given(method("GET"))
            .and(path("/beta/users/delta"))
            .and(query_param("$skiptoken", "2"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "0"))
            .up_to_n_times(1)
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/users/delta"))
            .and(query_param("$skiptoken", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "value": [{"id": "2"}],
                "@odata.nextLink": format!("{base}/beta/users/delta?$select=displayName")
            })))
            .mount(&graph)
            .await;
        Mock::given(method("GET"))
            .and(path("/beta/users/delta"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "value": [{"id": "1"}],
                "@odata.nextLink": format!("{base}/beta/users/delta?$skiptoken=2")
            })))
            .mount(&graph)
            .await;
        let request = User::delta_request()
            .unwrap()
            .select(&["displayName"])
            .unwrap();
        let pages: Vec<_> = client(&graph.uri()).delta(&request).collect().await;
        assert_eq!(pages.len(), 3, "two pages, then the loop: {pages:?}");
        assert!(
            matches!(&pages[2], Err(ClientError::NextPage(_))),
            "{:?}",
            pages[2]
        );
        let limited: Vec<_> = client(&graph.uri())
            .with_page_limit(1)
            .delta(&request)
            .collect()
            .await;
        assert!(matches!(
            &limited[1],
            Err(ClientError::PageLimit { limit: 1 })
        ));

        // A resync on a later page starts over from the round's first request.
        let first = request
            .parse_response(answer(json!({
                "value": [],
                "@odata.nextLink": "https://graph.microsoft.com/v1.0/users/delta?$skiptoken=2"
            })))
            .unwrap();
        let second = request.next_page(&first, &Endpoint::v1()).unwrap().unwrap();
        let gone = graph_core::http::Response::builder()
            .status(410)
            .body(Vec::new())
            .unwrap();
        let error = second.parse_response(gone).unwrap_err();
        assert_eq!(
            second.restart(&error, &Endpoint::v1()).unwrap().path(),
            "/users/delta?$select=displayName"
        );
    })
    .await;
}
