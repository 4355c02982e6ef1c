//! `ValidationError` and `create_request`: every violation at once, named by JSON name;
//! path parameters filled one segment each.

mod support;

use graph_core::serde_json;
use graph_core::validation::ViolationKind;
use graph_core::{graph_resource, GraphResource, ValidationError};
use support::violations;

#[graph_resource(
    path = "/identityGovernance/lifecycleWorkflows/workflows/{workflow-id}/runs",
    odata = "microsoft.graph.identityGovernance.run"
)]
#[derive(Debug, Default)]
struct Run {
    #[graph(required)]
    failed_tasks_count: Option<i32>,
    #[graph(required, rename = "scheduled")]
    scheduled_date_time: Option<String>,
    note: Option<String>,
}

fn valid() -> Run {
    Run {
        failed_tasks_count: Some(0),
        scheduled_date_time: Some("now".into()),
        note: None,
    }
}

#[test]
fn the_error_is_a_std_error_with_one_readable_message() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    let error = Run::default().validate().unwrap_err();
    assert_error(&error);
    assert_eq!(
        error.to_string(),
        "microsoft.graph.identityGovernance.run is not valid (2 problems): \
         required property `failedTasksCount` is missing; \
         required property `scheduled` is missing"
    );
    assert_eq!(error.type_name(), "microsoft.graph.identityGovernance.run");
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.source().is_none());
}

#[test]
fn one_problem_reads_as_one_sentence() {
    let run = Run {
        failed_tasks_count: None,
        ..valid()
    };
    assert_eq!(
        run.validate().unwrap_err().to_string(),
        "microsoft.graph.identityGovernance.run is not valid: required property `failedTasksCount` is missing"
    );
}

#[test]
fn violations_are_listed_one_by_one_with_property_and_kind() {
    let error = Run::default().validate().unwrap_err();
    let listed: Vec<(String, ViolationKind)> = (&error)
        .into_iter()
        .map(|v| (v.path().to_owned(), v.kind()))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "failedTasksCount".to_owned(),
                ViolationKind::MissingRequired
            ),
            ("scheduled".to_owned(), ViolationKind::MissingRequired),
        ]
    );
    assert_eq!(
        error.violations()[0].to_string(),
        "required property `failedTasksCount` is missing"
    );
}

#[test]
fn a_valid_value_passes() {
    assert_eq!(valid().validate(), Ok(()));
}

#[test]
fn create_request_takes_one_argument_per_placeholder_and_fills_it() {
    let request = valid().create_request("wf-1").unwrap();
    assert_eq!(
        request.path(),
        "/identityGovernance/lifecycleWorkflows/workflows/wf-1/runs"
    );
    assert_eq!(request.method(), graph_core::http::Method::POST);
    assert_eq!(
        Run::PATH,
        "/identityGovernance/lifecycleWorkflows/workflows/{workflow-id}/runs"
    );
}

#[test]
fn each_path_parameter_stays_one_segment() {
    for (value, encoded) in [
        ("a/b", "a%2Fb"),
        ("a?b=c", "a%3Fb%3Dc"),
        ("a#b", "a%23b"),
        ("100%", "100%25"),
        ("a b", "a%20b"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("café", "caf%C3%A9"),
        ("'quoted'", "%27quoted%27"),
        ("x-y_z.~", "x-y_z.~"),
    ] {
        let request = valid().create_request(value).unwrap();
        assert_eq!(
            request.path(),
            format!("/identityGovernance/lifecycleWorkflows/workflows/{encoded}/runs"),
            "{value}"
        );
    }
}

#[test]
fn an_empty_path_parameter_is_a_violation_reported_with_the_others() {
    let error = Run::default().create_request("").unwrap_err();
    let listed = violations(&error);
    assert_eq!(
        listed,
        [
            ("failedTasksCount", ViolationKind::MissingRequired),
            ("scheduled", ViolationKind::MissingRequired),
            ("workflow-id", ViolationKind::EmptyPathParameter),
        ]
    );
    assert!(error
        .to_string()
        .ends_with("path parameter `{workflow-id}` is empty"));
}

#[test]
fn several_path_parameters_are_filled_in_order() {
    #[graph_resource(
        path = "/groups/{group-id}/team/channels/{channelId}/messages",
        odata = "microsoft.graph.chatMessage"
    )]
    #[derive(Default)]
    struct ChatMessage {
        body: Option<String>,
    }
    let request = ChatMessage::default().create_request("g/1", "c 2").unwrap();
    assert_eq!(request.path(), "/groups/g%2F1/team/channels/c%202/messages");
    let error = ChatMessage::default().create_request("", "").unwrap_err();
    let paths: Vec<_> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["group-id", "channelId"]);
}

/// A field type whose own Serialize fails.
#[derive(Debug, Default)]
struct Unwritable;

impl graph_core::serde::Serialize for Unwritable {
    fn serialize<S: graph_core::serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(graph_core::serde::ser::Error::custom(
            "this value cannot be written",
        ))
    }
}

impl<'de> graph_core::serde::Deserialize<'de> for Unwritable {
    fn deserialize<D: graph_core::serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Ok(Unwritable)
    }
}

#[test]
fn a_body_that_cannot_be_written_is_an_error_not_a_panic() {
    #[graph_resource(path = "/x", odata = "microsoft.graph.x")]
    #[derive(Debug, Default)]
    struct Holder {
        value: Unwritable,
    }
    let error: ValidationError = Holder::default().create_request().unwrap_err();
    assert_eq!(error.violations()[0].kind(), ViolationKind::Unserializable);
    assert!(
        error.to_string().contains("this value cannot be written"),
        "{error}"
    );
    assert!(serde_json::to_string(&Holder::default()).is_err());
}

#[test]
fn a_request_is_debug_and_clone() {
    let request = valid().create_request("wf").unwrap();
    let copy = request.clone();
    assert_eq!(copy.body(), request.body());
    let debug = format!("{request:?}");
    assert!(debug.contains("POST"), "{debug}");
    assert!(debug.contains("/workflows/wf/runs"), "{debug}");
    // The body can hold secrets: Debug shows its length only.
    assert!(!debug.contains("scheduled"), "{debug}");
    assert!(
        debug.contains(&format!("body_len: {}", request.body().len())),
        "{debug}"
    );
}
