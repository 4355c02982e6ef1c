//! `#[graph_enum]`: member names, `rename`, the `unknownFutureValue` sentinel and the
//! `other` variant. An unknown member never makes a whole response unreadable.

mod support;

use graph_core::resource::GraphEnum;
use graph_core::serde_json::{self, json};
use graph_core::validation::ViolationKind;
use graph_core::{graph_enum, graph_resource, GraphResource};
use support::violations;

/// With both the sentinel and a catch-all: unknown members are kept.
#[graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Queued,
    InProgress,
    CompletedWithErrors,
    #[graph(rename = "canceledByAdmin")]
    Canceled,
    UnknownFutureValue,
    #[graph(other)]
    Unrecognised(String),
}

/// With the sentinel only: unknown members read as the sentinel.
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum ExecutionType {
    Scheduled,
    OnDemand,
    UnknownFutureValue,
}

/// With neither: unknown members are an error.
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Closed {
    #[default]
    Yes,
    No,
}

/// A sentinel spelled another way in Rust, and a real member called `other`.
#[graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum Spelled {
    Other,
    #[graph(rename = "unknownFutureValue")]
    NotYetKnown,
    #[graph(other)]
    Kept(String),
}

fn read<T: graph_core::serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap()
}

#[test]
fn members_are_lower_camel_case_unless_renamed() {
    assert_eq!(
        Status::MEMBERS,
        [
            "queued",
            "inProgress",
            "completedWithErrors",
            "canceledByAdmin",
            "unknownFutureValue"
        ]
    );
    assert_eq!(
        serde_json::to_string(&Status::CompletedWithErrors).unwrap(),
        r#""completedWithErrors""#
    );
    assert_eq!(
        serde_json::to_string(&Status::Canceled).unwrap(),
        r#""canceledByAdmin""#
    );
    assert_eq!(read::<Status>(r#""canceledByAdmin""#), Status::Canceled);
    assert_eq!(read::<Status>(r#""inProgress""#), Status::InProgress);
}

#[test]
fn an_unknown_member_is_kept_by_the_other_variant_and_written_back_unchanged() {
    let status: Status = read(r#""pausedForReview""#);
    assert_eq!(status, Status::Unrecognised("pausedForReview".into()));
    assert_eq!(status.as_str(), "pausedForReview");
    assert_eq!(
        serde_json::to_string(&status).unwrap(),
        r#""pausedForReview""#
    );
    // A declared member in another case is that member, not an unknown one.
    assert_eq!(read::<Status>(r#""Queued""#), Status::Queued);
}

#[test]
fn an_unknown_member_reads_as_the_sentinel_where_there_is_no_other_variant() {
    assert_eq!(
        read::<ExecutionType>(r#""onSchedule""#),
        ExecutionType::UnknownFutureValue
    );
    assert_eq!(
        read::<ExecutionType>(r#""unknownFutureValue""#),
        ExecutionType::UnknownFutureValue
    );
}

#[test]
fn an_unknown_member_is_an_error_where_there_is_neither() {
    let error = serde_json::from_str::<Closed>(r#""maybe""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown variant `maybe`, expected `yes` or `no` at line 1 column 7"
    );
    assert_eq!(Closed::from_member("maybe"), None);
    assert_eq!(Closed::default(), Closed::Yes);
}

#[test]
fn the_sentinel_is_found_by_its_json_name_and_other_is_an_ordinary_member() {
    assert_eq!(Spelled::MEMBERS, ["other", "unknownFutureValue"]);
    assert!(Spelled::NotYetKnown.is_unknown_future_value());
    assert!(!Spelled::Other.is_unknown_future_value());
    assert!(!Spelled::Kept("x".into()).is_unknown_future_value());
    assert_eq!(read::<Spelled>(r#""other""#), Spelled::Other);
    assert_eq!(read::<Spelled>(r#""x""#), Spelled::Kept("x".into()));
    assert!(!Closed::Yes.is_unknown_future_value());
}

#[test]
fn a_non_string_is_an_error() {
    assert!(serde_json::from_str::<Status>("3").is_err());
    assert!(serde_json::from_str::<Status>("null").is_err());
}

#[graph_resource(path = "/runs", odata = "microsoft.graph.identityGovernance.run")]
#[derive(Debug, Default)]
struct Run {
    #[graph(required)]
    processing_status: Option<Status>,
    #[graph(required)]
    workflow_execution_type: Option<ExecutionType>,
    history: Option<Vec<ExecutionType>>,
}

#[test]
fn unknown_members_never_make_a_response_unreadable() {
    let run: Run = serde_json::from_value(json!({
        "processingStatus": "archived",
        "workflowExecutionType": "triggeredByEvent",
        "history": ["scheduled", "triggeredByEvent"],
    }))
    .unwrap();
    assert_eq!(
        run.processing_status,
        Some(Status::Unrecognised("archived".into()))
    );
    assert_eq!(
        run.workflow_execution_type,
        Some(ExecutionType::UnknownFutureValue)
    );
    assert_eq!(
        run.history,
        Some(vec![
            ExecutionType::Scheduled,
            ExecutionType::UnknownFutureValue
        ])
    );
}

#[test]
fn the_sentinel_is_never_sendable() {
    let run = Run {
        processing_status: Some(Status::UnknownFutureValue),
        workflow_execution_type: Some(ExecutionType::UnknownFutureValue),
        history: Some(vec![
            ExecutionType::OnDemand,
            ExecutionType::UnknownFutureValue,
        ]),
    };
    let error = run.create_request().unwrap_err();
    let found = violations(&error);
    assert_eq!(
        found,
        [
            ("processingStatus", ViolationKind::UnknownFutureValue),
            ("workflowExecutionType", ViolationKind::UnknownFutureValue),
            ("history[1]", ViolationKind::UnknownFutureValue),
        ]
    );
    assert!(
        error
            .to_string()
            .contains("property `processingStatus` is `unknownFutureValue`"),
        "{error}"
    );
}

#[test]
fn a_kept_unknown_member_is_sendable() {
    let run = Run {
        processing_status: Some(Status::Unrecognised("archived".into())),
        workflow_execution_type: Some(ExecutionType::OnDemand),
        history: None,
    };
    assert!(run.validate().is_ok());
    let body = run.create_request().unwrap().into_body();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","processingStatus":"archived","workflowExecutionType":"onDemand"}"##
    );
}

/// A catch-all but no sentinel variant: `unknownFutureValue` is kept by `other`.
#[graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum NoSentinel {
    Yes,
    #[graph(other)]
    Other(String),
}

#[graph_resource(path = "/answers", odata = "microsoft.graph.answer")]
#[derive(Debug)]
struct Answer {
    value: NoSentinel,
}

#[test]
fn the_sentinel_held_by_an_other_variant_is_never_sendable_either() {
    let answer: Answer = serde_json::from_str(r#"{"value":"unknownFutureValue"}"#).unwrap();
    assert_eq!(answer.value, NoSentinel::Other("unknownFutureValue".into()));
    assert!(answer.value.is_unknown_future_value());
    let error = answer.create_request().unwrap_err();
    assert_eq!(error.violations()[0].path(), "value");
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::UnknownFutureValue
    );
}

/// Graph's own pages write members in other cases: the "Create run" page's samples, and
/// `itemBody.contentType` as `HTML`.
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum BodyType {
    Text,
    Html,
}

#[test]
fn members_read_in_any_case_and_write_as_declared() {
    let read_back = |text: &str| -> BodyType { read(&format!("\"{text}\"")) };
    for text in ["html", "HTML", "Html", "hTmL"] {
        assert_eq!(read_back(text), BodyType::Html);
    }
    assert_eq!(read_back("Text"), BodyType::Text);
    assert_eq!(serde_json::to_string(&BodyType::Html).unwrap(), "\"html\"");
    // Through the sentinel's and `other`'s enums alike; `other` keeps only what matches no
    // member, as read.
    let status: Status = read("\"InProgress\"");
    assert_eq!(status, Status::InProgress);
    assert_eq!(read::<Status>("\"CANCELEDBYADMIN\""), Status::Canceled);
    assert_eq!(
        read::<Status>("\"PausedByPolicy\""),
        Status::Unrecognised("PausedByPolicy".into())
    );
    assert_eq!(
        read::<ExecutionType>("\"OnDemand\""),
        ExecutionType::OnDemand
    );
    assert_eq!(read::<Closed>("\"NO\""), Closed::No);
    assert!(serde_json::from_str::<Closed>("\"maybe\"").is_err());
    assert_eq!(Status::from_member("QUEUED"), Some(Status::Queued));
}
