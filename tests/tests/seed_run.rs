//! Conformance with Graph's beta "Create run" page: the properties, their types, the
//! Required/Optional column, the enum members and the example request and response.
//!
//! The page's example bodies are in `tests/fixtures/`, as the page prints them: with type
//! placeholders ("Integer", "String (timestamp)") where values would be.

mod support;

use graph_core::serde_json::{self, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{DateTimeOffset, GraphResource};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, WorkflowExecutionType,
};
use graph_examples::samples::full_run;
use support::violations;

const PAGE_REQUEST: &str = include_str!("../fixtures/create-run-page-request.json");
const PAGE_RESPONSE: &str = include_str!("../fixtures/create-run-page-response.json");

/// The page's Required column, in the page's order.
const REQUIRED: [&str; 8] = [
    "failedTasksCount",
    "failedUsersCount",
    "processingStatus",
    "scheduledDateTime",
    "successfulUsersCount",
    "totalUsersCount",
    "totalUnprocessedTasksCount",
    "workflowExecutionType",
];

fn at(text: &str) -> DateTimeOffset {
    text.parse().unwrap()
}

fn object(json: &str) -> Map<String, Value> {
    match serde_json::from_str(json).unwrap() {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn the_create_body_of_a_full_run_is_exact() {
    let request = full_run().create_request().unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.path(), "/workflowBase/runs");
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        concat!(
            r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","##,
            r#""completedDateTime":"2024-05-01T09:14:02.1348863Z","#,
            r#""failedTasksCount":1,"#,
            r#""failedUsersCount":2,"#,
            r#""lastUpdatedDateTime":"2024-05-01T09:14:03Z","#,
            r#""processingStatus":"completedWithErrors","#,
            r#""startedDateTime":"2024-05-01T09:00:03.52+02:00","#,
            r#""scheduledDateTime":"2024-05-01T09:00:00Z","#,
            r#""successfulUsersCount":10,"#,
            r#""totalUsersCount":12,"#,
            r#""totalUnprocessedTasksCount":0,"#,
            r#""workflowExecutionType":"onDemand"}"#,
        )
    );
}

#[test]
fn the_create_body_has_the_pages_properties_in_the_pages_order() {
    let page = object(PAGE_REQUEST);
    let body = object(std::str::from_utf8(full_run().create_request().unwrap().body()).unwrap());
    let page_keys: Vec<&String> = page.keys().collect();
    let body_keys: Vec<&String> = body.keys().collect();
    assert_eq!(body_keys, page_keys);
    assert_eq!(body["@odata.type"], page["@odata.type"]);
}

#[test]
fn each_value_has_the_type_the_page_gives() {
    let page = object(PAGE_REQUEST);
    let body = object(std::str::from_utf8(full_run().create_request().unwrap().body()).unwrap());
    for (key, placeholder) in page.iter().filter(|(key, _)| *key != "@odata.type") {
        let value = &body[key];
        match placeholder.as_str().unwrap() {
            "Integer" => assert!(
                value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                "{key}: {value}"
            ),
            "String (timestamp)" => {
                let text = value.as_str().unwrap();
                assert!(text.parse::<DateTimeOffset>().is_ok(), "{key}: {value}");
            }
            "String" => assert!(value.is_string(), "{key}: {value}"),
            other => panic!("unexpected placeholder {other}"),
        }
    }
}

#[test]
fn the_enum_members_are_the_pages() {
    use graph_core::resource::GraphEnum;
    assert_eq!(
        LifecycleWorkflowProcessingStatus::MEMBERS,
        [
            "queued",
            "inProgress",
            "completed",
            "completedWithErrors",
            "canceled",
            "failed",
            "unknownFutureValue"
        ]
    );
    assert_eq!(
        WorkflowExecutionType::MEMBERS,
        ["scheduled", "onDemand", "unknownFutureValue"]
    );
}

#[test]
fn the_id_is_never_sent() {
    let run = full_run();
    assert!(run.id.is_some());
    let body = object(std::str::from_utf8(run.create_request().unwrap().body()).unwrap());
    assert!(!body.contains_key("id"));
    // Plain serialization keeps it: a run read from Graph and written again is unchanged.
    let written = serde_json::to_value(&run).unwrap();
    assert_eq!(written["id"], "9947396f-3691-e265-b1e5-2ea86c0c89d6");
}

#[test]
fn each_required_property_is_reported_when_missing() {
    for name in REQUIRED {
        let mut run = full_run();
        match name {
            "failedTasksCount" => run.failed_tasks_count = None,
            "failedUsersCount" => run.failed_users_count = None,
            "processingStatus" => run.processing_status = None,
            "scheduledDateTime" => run.scheduled_date_time = None,
            "successfulUsersCount" => run.successful_users_count = None,
            "totalUsersCount" => run.total_users_count = None,
            "totalUnprocessedTasksCount" => run.total_unprocessed_tasks_count = None,
            "workflowExecutionType" => run.workflow_execution_type = None,
            _ => unreachable!(),
        }
        let error = run.validate().unwrap_err();
        let found = violations(&error);
        assert_eq!(found, [(name, ViolationKind::MissingRequired)]);
        assert!(error.to_string().contains(&format!("`{name}`")), "{error}");
        // create_request refuses it the same way.
        assert_eq!(run.create_request().unwrap_err(), error);
    }
}

#[test]
fn all_eight_missing_are_reported_at_once() {
    let error = Run::default().create_request().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, REQUIRED);
    assert!(error
        .violations()
        .iter()
        .all(|v| v.kind() == ViolationKind::MissingRequired));
    let message = error.to_string();
    assert!(
        message.starts_with("microsoft.graph.identityGovernance.run is not valid (8 problems): ")
    );
    for name in REQUIRED {
        assert!(message.contains(&format!("`{name}`")), "{message}");
    }
}

#[test]
fn the_optional_properties_are_optional() {
    let run = Run {
        completed_date_time: None,
        last_updated_date_time: None,
        started_date_time: None,
        ..full_run()
    };
    let body = object(std::str::from_utf8(run.create_request().unwrap().body()).unwrap());
    for name in [
        "completedDateTime",
        "lastUpdatedDateTime",
        "startedDateTime",
    ] {
        assert!(!body.contains_key(name), "{name}");
    }
    assert_eq!(body.len(), 1 + REQUIRED.len());
}

/// The page's example response with its type placeholders replaced by values of that type.
fn page_response_with_values() -> String {
    let mut response = object(PAGE_RESPONSE);
    for (key, value) in &mut response {
        let replacement = match (key.as_str(), value.as_str()) {
            (_, Some("Integer")) => Value::from(7),
            (_, Some("String (timestamp)")) => Value::from("2024-05-01T09:14:02.1348863Z"),
            ("processingStatus", Some("String")) => Value::from("inProgress"),
            ("workflowExecutionType", Some("String")) => Value::from("scheduled"),
            _ => continue,
        };
        *value = replacement;
    }
    serde_json::to_string(&response).unwrap()
}

#[test]
fn the_pages_example_response_reads_back() {
    let run: Run = serde_json::from_str(&page_response_with_values()).unwrap();
    let timestamp = Some(at("2024-05-01T09:14:02.1348863Z"));
    assert_eq!(
        run,
        Run {
            id: Some("9947396f-3691-e265-b1e5-2ea86c0c89d6".into()),
            completed_date_time: timestamp,
            failed_tasks_count: Some(7),
            failed_users_count: Some(7),
            last_updated_date_time: timestamp,
            processing_status: Some(LifecycleWorkflowProcessingStatus::InProgress),
            started_date_time: timestamp,
            scheduled_date_time: timestamp,
            successful_users_count: Some(7),
            total_users_count: Some(7),
            total_unprocessed_tasks_count: Some(7),
            workflow_execution_type: Some(WorkflowExecutionType::Scheduled),
        }
    );
    // Written again, it is the response, to the byte: key order and fraction digits
    // included.
    assert_eq!(
        serde_json::to_string(&run).unwrap(),
        page_response_with_values()
    );
}

#[test]
fn a_real_response_with_more_properties_reads() {
    let mut response = object(&page_response_with_values());
    response.insert(
        "@odata.context".into(),
        "https://graph.microsoft.com/beta/$metadata#identityGovernance/lifecycleWorkflows/workflows('x')/runs/$entity".into(),
    );
    response.insert("totalTasksCount".into(), 14.into());
    response.insert("failedTasksCountByCategory".into(), Value::Null);
    let run: Run = serde_json::from_value(Value::Object(response)).unwrap();
    assert_eq!(run.failed_tasks_count, Some(7));
}

#[test]
fn the_paths_and_type_are_the_pages() {
    assert_eq!(Run::PATH, "/workflowBase/runs");
    assert_eq!(Run::ODATA_TYPE, "#microsoft.graph.identityGovernance.run");
}
