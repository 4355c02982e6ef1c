//! Reading answers without a network: `parse_response` for every request kind (a union's
//! items each read as its type), a create's `201` read into the resource, other statuses
//! refused, and every error read into a `GraphError` a person can act on: Graph's codes,
//! inner chains, ids, dates, `Retry-After` and details, bodies that are not Graph's, and
//! bodies that never read. (How requests are built is in `requests.rs`, pages in
//! `paging.rs`.)

mod support;

use std::time::Duration;

use graph_core::http::{self, HeaderValue, StatusCode};
use graph_core::resource::GraphType;
use graph_core::serde_json::{Map, Value};
use graph_core::{graph_complex, graph_resource, CreateRequest, GraphErrorKind, GraphResource};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::{new_user, queued_run};
use graph_examples::users::User;
use support::{raw_response, CREATED_ID};

fn with_header(
    mut response: http::Response<Vec<u8>>,
    name: &'static str,
    value: &str,
) -> http::Response<Vec<u8>> {
    response
        .headers_mut()
        .insert(name, HeaderValue::from_str(value).unwrap());
    response
}

#[test]
fn responses_read_by_request_kind() {
    let get = User::get_request("u").unwrap();
    let user = get
        .parse_response(raw_response(
            200,
            r#"{"@odata.context":"x","id":"u","displayName":"Adele","accountEnabled":true}"#,
        ))
        .unwrap();
    assert_eq!(user.display_name.as_deref(), Some("Adele"));
    let error = get.parse_response(raw_response(201, "{}")).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::UnexpectedStatus);
    let error = get
        .parse_response(raw_response(
            404,
            r#"{"error":{"code":"Request_ResourceNotFound","message":"gone"}}"#,
        ))
        .unwrap_err();
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(error.code(), Some("Request_ResourceNotFound"));
    let error = get
        .parse_response(raw_response(200, r#"{"displayName":5}"#))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
    assert_eq!(error.property(), Some("displayName"));

    let update = new_user().update_request("u").unwrap();
    assert_eq!(update.parse_response(raw_response(204, "")).unwrap(), None);
    let updated = update
        .parse_response(raw_response(200, r#"{"id":"u","jobTitle":"Lead"}"#))
        .unwrap()
        .unwrap();
    assert_eq!(updated.job_title.as_deref(), Some("Lead"));
    assert_eq!(
        update
            .parse_response(raw_response(201, "{}"))
            .unwrap_err()
            .kind(),
        GraphErrorKind::UnexpectedStatus
    );

    let delete = User::delete_request("u").unwrap();
    delete.parse_response(raw_response(204, "")).unwrap();
    assert_eq!(
        delete
            .parse_response(raw_response(200, "{}"))
            .unwrap_err()
            .kind(),
        GraphErrorKind::UnexpectedStatus
    );
    assert_eq!(
        delete
            .parse_response(raw_response(
                412,
                r#"{"error":{"code":"PreconditionFailed","message":"etag"}}"#
            ))
            .unwrap_err()
            .code(),
        Some("PreconditionFailed")
    );
    // Create is unchanged: 201.
    let create = queued_run().create_request().unwrap();
    assert_eq!(
        create
            .parse_response(raw_response(200, "{}"))
            .unwrap_err()
            .kind(),
        GraphErrorKind::UnexpectedStatus
    );
}

#[test]
fn a_201_reads_into_the_resource_with_read_only_and_undeclared_properties() {
    let create = queued_run().create_request().unwrap();
    let body = r##"{
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#runs/$entity",
        "@odata.type": "#microsoft.graph.identityGovernance.run",
        "id": "9947396f-3691-e265-b1e5-2ea86c0c89d6",
        "failedTasksCount": 0, "failedUsersCount": 0, "processingStatus": "queued",
        "scheduledDateTime": "2024-05-01T09:00:00Z", "successfulUsersCount": 0,
        "totalUsersCount": 3, "totalUnprocessedTasksCount": 3,
        "workflowExecutionType": "onDemand", "totalTasksCount": 3
    }"##;
    let created = create.parse_response(raw_response(201, body)).unwrap();
    assert_eq!(
        created,
        Run {
            id: Some(CREATED_ID.into()),
            ..queued_run()
        }
    );
    // Without `@odata.type`, and with it spelled without `#`, it reads too.
    let plain = r#"{"id":"1","failedTasksCount":0}"#;
    assert!(create.parse_response(raw_response(201, plain)).is_ok());
    let unhashed = r#"{"@odata.type":"microsoft.graph.identityGovernance.run"}"#;
    assert!(create.parse_response(raw_response(201, unhashed)).is_ok());
}

#[test]
fn a_201_of_an_unrelated_type_is_an_error() {
    let create = queued_run().create_request().unwrap();
    let error = create
        .parse_response(raw_response(
            201,
            r##"{"@odata.type":"#microsoft.graph.group","id":"1"}"##,
        ))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::UnrelatedType);
    assert_eq!(
        error.to_string(),
        "201 Created: the body is a `microsoft.graph.group`, not the `microsoft.graph.identityGovernance.run` that was posted"
    );
}

#[test]
fn the_type_is_the_top_level_one_wherever_it_stands() {
    let create = queued_run().create_request().unwrap();
    // A nested object's type comes first in the text; the object's own comes last.
    let later = r##"{"id":"1","nested":{"@odata.type":"#microsoft.graph.identityGovernance.run"},"@odata.type":"#microsoft.graph.group"}"##;
    let error = create.parse_response(raw_response(201, later)).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::UnrelatedType);
    // And the other way round: only the nested object names another type.
    let nested = r##"{"id":"1","nested":{"@odata.type":"#microsoft.graph.group"},"@odata.type":"#microsoft.graph.identityGovernance.run"}"##;
    assert!(create.parse_response(raw_response(201, nested)).is_ok());
    let only_nested = r##"{"id":"1","nested":{"@odata.type":"#microsoft.graph.group"}}"##;
    assert!(create
        .parse_response(raw_response(201, only_nested))
        .is_ok());
}

#[test]
fn a_201_that_does_not_read_names_the_property_and_where() {
    #[graph_complex]
    #[derive(Debug)]
    struct Profile {
        password: Option<String>,
    }
    #[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
    #[derive(Debug, Default)]
    struct User {
        display_name: Option<String>,
        password_profile: Option<Profile>,
        age: Option<i32>,
    }
    let create = User::default().create_request().unwrap();
    let error = create
        .parse_response(raw_response(
            201,
            r#"{"displayName":"A","passwordProfile":{"password":5}}"#,
        ))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
    assert_eq!(error.property(), Some("passwordProfile.password"));
    assert_eq!(
        error.to_string(),
        "201 Created: the body does not read as microsoft.graph.user: `passwordProfile.password`: invalid type: integer `5`, expected a string at line 1 column 50"
    );
    let error = create
        .parse_response(raw_response(201, r#"{"age":3000000000}"#))
        .unwrap_err();
    assert_eq!(error.property(), Some("age"));
    assert!(error.to_string().contains("expected i32"), "{error}");
    let error = create.parse_response(raw_response(201, "")).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
    assert_eq!(error.property(), None);
    assert!(error.to_string().contains("EOF while parsing"), "{error}");
}

#[test]
fn a_201_with_a_json_syntax_error_names_no_property() {
    let create = queued_run().create_request().unwrap();
    for body in [
        r#"{"id":"r1","failedTasksCount":0,"processingStatus":"queued" "x"}"#,
        r#"{"id":"r1","failedTasksCount":}"#,
        r#"{"id":"r1","#,
    ] {
        let error = create.parse_response(raw_response(201, body)).unwrap_err();
        assert_eq!(error.kind(), GraphErrorKind::InvalidBody);
        assert_eq!(error.property(), None, "{body}");
        assert!(!error.to_string().contains('?'), "{error}");
        assert!(
            error.to_string().starts_with(
                "201 Created: the body does not read as microsoft.graph.identityGovernance.run: "
            ),
            "{error}"
        );
    }
}

#[test]
fn another_success_status_is_an_error_saying_what_came_back() {
    let create = queued_run().create_request().unwrap();
    for status in [200, 202, 204] {
        let error = create.parse_response(raw_response(status, "")).unwrap_err();
        assert_eq!(error.kind(), GraphErrorKind::UnexpectedStatus);
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(
            error.to_string(),
            format!(
                "{}: expected 201 Created with the created microsoft.graph.identityGovernance.run",
                error.status()
            )
        );
    }
}

#[test]
fn a_graph_error_is_parsed_with_its_inner_chain_ids_and_date() {
    let body = r#"{
        "error": {
            "code": "Request_BadRequest",
            "message": "Invalid value specified for property 'mailNickname' of resource 'User'.",
            "innerError": {
                "code": "invalidPropertyValue",
                "date": "2024-05-01T08:30:12",
                "request-id": "5ad6ad2c-7d62-4c6d-9d7a-08d4a1b8c9e0",
                "client-request-id": "0f4b2f3a-0000-4000-8000-000000000001",
                "innerError": {"code": "mailNicknameInvalid"}
            }
        }
    }"#;
    let create = queued_run().create_request().unwrap();
    let error = create.parse_response(raw_response(400, body)).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::Service);
    assert_eq!(error.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error.code(), Some("Request_BadRequest"));
    assert_eq!(
        error.message(),
        Some("Invalid value specified for property 'mailNickname' of resource 'User'.")
    );
    assert_eq!(error.inner_code(), Some("mailNicknameInvalid"));
    assert_eq!(
        error.request_id(),
        Some("5ad6ad2c-7d62-4c6d-9d7a-08d4a1b8c9e0")
    );
    assert_eq!(
        error.client_request_id(),
        Some("0f4b2f3a-0000-4000-8000-000000000001")
    );
    assert_eq!(error.date(), Some("2024-05-01T08:30:12"));
    assert_eq!(error.retry_after(), None);
    assert_eq!(
        error.to_string(),
        "400 Bad Request: Request_BadRequest: Invalid value specified for property 'mailNickname' of resource 'User'. (inner code mailNicknameInvalid; request-id 5ad6ad2c-7d62-4c6d-9d7a-08d4a1b8c9e0)"
    );
}

/// Graph's error body with `details`, each naming a property (`target`).
#[test]
fn graph_error_details_are_kept_and_name_the_property() {
    let create = queued_run().create_request().unwrap();
    let body = r#"{"error":{"code":"Request_BadRequest","message":"One or more properties are invalid.","details":[
        {"code":"InvalidValue","message":"The value is not a valid date.","target":"scheduledDateTime"},
        {"code":"Required","message":"A value is required.","target":"totalUsersCount"},
        {"code":"Other"}],
        "innerError":{"request-id":"7d8c1a2e"}}}"#;
    let error = create.parse_response(raw_response(400, body)).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::Service);
    assert_eq!(error.property(), Some("scheduledDateTime"));
    let details = error.details();
    assert_eq!(details.len(), 3);
    assert_eq!(details[1].code(), Some("Required"));
    assert_eq!(details[1].message(), Some("A value is required."));
    assert_eq!(details[1].target(), Some("totalUsersCount"));
    assert_eq!(details[2].target(), None);
    assert_eq!(
        error.to_string(),
        "400 Bad Request: Request_BadRequest: One or more properties are invalid.; `scheduledDateTime`: The value is not a valid date.; `totalUsersCount`: A value is required.; Other (request-id 7d8c1a2e)"
    );
    // Without details, the error's own target; without either, none.
    let targeted = r#"{"error":{"code":"BadRequest","message":"Invalid.","target":"displayName"}}"#;
    let error = create
        .parse_response(raw_response(400, targeted))
        .unwrap_err();
    assert_eq!(error.property(), Some("displayName"));
    assert!(error.details().is_empty());
    let plain = r#"{"error":{"code":"BadRequest","message":"Invalid.","details":"not a list"}}"#;
    let error = create.parse_response(raw_response(400, plain)).unwrap_err();
    assert_eq!(error.property(), None);
}

#[test]
fn headers_give_ids_date_and_retry_after_in_seconds_or_as_a_date() {
    let create = queued_run().create_request().unwrap();
    let throttled = with_header(
        with_header(
            with_header(
                raw_response(
                    429,
                    r#"{"error":{"code":"TooManyRequests","message":"Too many requests","innerError":{"request-id":"from-body"}}}"#,
                ),
                "request-id",
                "from-header",
            ),
            "retry-after",
            "7",
        ),
        "date",
        "Wed, 01 May 2024 08:30:12 GMT",
    );
    let throttled = with_header(
        throttled,
        "client-request-id",
        "0f4b2f3a-0000-4000-8000-000000000002",
    );
    let error = create.parse_response(throttled).unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(error.request_id(), Some("from-header"));
    assert_eq!(
        error.client_request_id(),
        Some("0f4b2f3a-0000-4000-8000-000000000002")
    );
    assert_eq!(error.date(), Some("Wed, 01 May 2024 08:30:12 GMT"));
    assert_eq!(
        error.to_string(),
        "429 Too Many Requests: TooManyRequests: Too many requests (request-id from-header; retry after 7s)"
    );

    // An HTTP date is measured from the response's own Date.
    let dated = with_header(
        with_header(
            raw_response(503, ""),
            "date",
            "Wed, 01 May 2024 08:30:12 GMT",
        ),
        "retry-after",
        "Wed, 01 May 2024 08:31:02 GMT",
    );
    let error = create.parse_response(dated).unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(50)));
    // In the past: no wait. Garbage: ignored.
    let past = with_header(
        raw_response(503, ""),
        "retry-after",
        "Wed, 01 May 2024 08:31:02 GMT",
    );
    assert_eq!(
        create.parse_response(past).unwrap_err().retry_after(),
        Some(Duration::ZERO)
    );
    let garbage = with_header(raw_response(503, ""), "retry-after", "soon");
    assert_eq!(
        create.parse_response(garbage).unwrap_err().retry_after(),
        None
    );
}

#[test]
fn a_retry_after_in_the_error_body_is_read_too() {
    let create = queued_run().create_request().unwrap();
    let body = r#"{"error":{"code":"TooManyRequests","message":"slow down","innerError":{"retryAfter":12}}}"#;
    let error = create.parse_response(raw_response(429, body)).unwrap_err();
    assert_eq!(error.retry_after(), Some(Duration::from_secs(12)));
}

#[test]
fn common_error_statuses_are_parsed() {
    let create = queued_run().create_request().unwrap();
    for (status, code) in [
        (400, "BadRequest"),
        (401, "InvalidAuthenticationToken"),
        (403, "Authorization_RequestDenied"),
        (404, "Request_ResourceNotFound"),
        (409, "Request_MultipleObjectsWithSameKeyValue"),
        (500, "generalException"),
    ] {
        let body = format!(r#"{{"error":{{"code":"{code}","message":"m"}}}}"#);
        let error = create
            .parse_response(raw_response(status, &body))
            .unwrap_err();
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(error.code(), Some(code));
        assert_eq!(error.kind(), GraphErrorKind::Service);
    }
}

#[test]
fn a_body_that_is_not_a_graph_error_gives_the_status_and_an_excerpt() {
    let create = queued_run().create_request().unwrap();
    let html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center></body>\n</html>";
    let error = create.parse_response(raw_response(502, html)).unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::NotGraphError);
    assert_eq!(error.code(), None);
    assert_eq!(
        error.to_string(),
        "502 Bad Gateway: the body is not a Graph error: <html> <head><title>502 Bad Gateway</title></head> <body><center><h1>502 Bad Gateway</h1></center></body> </html>"
    );
    let error = create.parse_response(raw_response(503, "")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "503 Service Unavailable: the body is empty"
    );
    let long = "x".repeat(100_000);
    let error = create.parse_response(raw_response(500, &long)).unwrap_err();
    let shown = error.to_string();
    assert!(
        shown.starts_with("500 Internal Server Error: the body is not a Graph error: xxx"),
        "{shown}"
    );
    assert!(shown.len() < 300, "{shown}");
    let error = create
        .parse_response(raw_response(500, r#"{"error":"just a string"}"#))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::NotGraphError);
}

#[test]
fn a_deep_inner_error_chain_is_walked_without_recursion_trouble() {
    let mut body = String::from(r#"{"error":{"code":"outer","message":"m","innerError":"#);
    for i in 0..100 {
        body.push_str(&format!(r#"{{"code":"level{i}","innerError":"#));
    }
    body.push_str("null");
    body.push_str(&"}".repeat(100));
    body.push_str("}}");
    let error = queued_run()
        .create_request()
        .unwrap()
        .parse_response(raw_response(400, &body))
        .unwrap_err();
    assert_eq!(error.code(), Some("outer"));
    // The walk went past the first level, to a code of the chain.
    let level: usize = error
        .inner_code()
        .and_then(|code| code.strip_prefix("level"))
        .and_then(|level| level.parse().ok())
        .unwrap();
    assert!((1..100).contains(&level), "{error:?}");
}

#[test]
fn odd_responses_never_panic() {
    let create: CreateRequest<Run> = queued_run().create_request().unwrap();
    let bodies: [&[u8]; 9] = [
        b"",
        b"\xff\xfe\x00",
        b"{",
        b"null",
        b"[]",
        br#"{"error":{"innerError":{"innerError":{"innerError":null}}}}"#,
        br#"{"error":{"code":5,"message":[1]}}"#,
        br#"{"@odata.type":7}"#,
        br##"{"@odata.type":"#microsoft.graph.identityGovernance.run","failedTasksCount":"Integer"}"##,
    ];
    for status in [100, 201, 204, 302, 400, 429, 503, 599] {
        for body in bodies {
            let mut response = http::Response::new(body.to_vec());
            *response.status_mut() = StatusCode::from_u16(status).unwrap();
            // Whatever came back, the error formats too.
            if let Err(error) = create.parse_response(response) {
                let _ = format!("{error} {error:?}");
            }
        }
    }
}

/// A group's members: users, groups, and types this code does not know.
#[graph_core::graph_union(
    odata = "#microsoft.graph.directoryObject",
    path = "/groups/{group-id}/members"
)]
#[derive(Debug, Clone, PartialEq)]
enum Member {
    User(Box<User>),
    Group(graph_examples::samples::directory::Group),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[test]
fn a_union_with_a_path_lists_its_items_by_their_type() {
    let list = Member::list_request("g1").unwrap().top(3);
    assert_eq!(list.path(), "/groups/g1/members?$top=3");
    let page = list
        .parse_response(raw_response(
            200,
            r##"{"value":[
                {"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Adele"},
                {"@odata.type":"#microsoft.graph.group","displayName":"Sales"},
                {"@odata.type":"#microsoft.graph.device","id":"d1","displayName":"Laptop"}]}"##,
        ))
        .unwrap();
    match page.items() {
        [Member::User(user), Member::Group(group), Member::Other(device)] => {
            assert_eq!(user.display_name.as_deref(), Some("Adele"));
            assert_eq!(group.display_name.as_deref(), Some("Sales"));
            assert_eq!(device["id"], "d1");
        }
        other => panic!("{other:?}"),
    }
    let get = Member::get_request("g1", "u1").unwrap();
    assert_eq!(get.path(), "/groups/g1/members/u1");
    let member = get
        .parse_response(raw_response(
            200,
            r##"{"@odata.type":"#microsoft.graph.user","id":"u1"}"##,
        ))
        .unwrap();
    assert!(matches!(member, Member::User(_)));
    let located = Member::list_request_at("/me/memberOf", &[]).unwrap();
    assert_eq!(located.path(), "/me/memberOf");
    assert_eq!(
        <Member as GraphResource>::ODATA_TYPE,
        "#microsoft.graph.directoryObject"
    );
}
