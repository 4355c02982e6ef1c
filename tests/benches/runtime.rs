//! Runtime costs, each case against its baseline in the same run:
//! `cargo bench -p graph-tests --bench runtime`. `scripts/bench_report.py` turns the
//! results into the ratios in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use graph_core::serde_json::{self, json, Map, Value};
use graph_core::{
    graph_complex, graph_union, AccessToken, DateTimeOffset, Endpoint, GraphResource,
};
use graph_examples::lifecycle_workflows::{Run, WorkflowExecutionType};
use graph_examples::samples;
use graph_examples::users::User;
use serde::{Deserialize, Serialize};

/// The page's run, every property set but the read-only `id`.
fn full_run() -> Run {
    Run {
        id: None,
        ..samples::full_run()
    }
}

/// The baseline: the same run as a user writes it with serde's derive, with the same
/// date-time type.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandRun {
    #[serde(rename = "@odata.type", skip_deserializing)]
    odata_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completed_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed_tasks_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed_users_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_updated_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    processing_status: Option<HandStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    started_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheduled_date_time: Option<DateTimeOffset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    successful_users_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_users_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_unprocessed_tasks_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workflow_execution_type: Option<HandExecutionType>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum HandStatus {
    Queued,
    InProgress,
    Completed,
    CompletedWithErrors,
    Canceled,
    Failed,
    UnknownFutureValue,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum HandExecutionType {
    Scheduled,
    OnDemand,
    UnknownFutureValue,
}

fn hand_run() -> HandRun {
    let run = full_run();
    HandRun {
        odata_type: "#microsoft.graph.identityGovernance.run",
        id: None,
        completed_date_time: run.completed_date_time,
        failed_tasks_count: run.failed_tasks_count,
        failed_users_count: run.failed_users_count,
        last_updated_date_time: run.last_updated_date_time,
        processing_status: Some(HandStatus::CompletedWithErrors),
        started_date_time: run.started_date_time,
        scheduled_date_time: run.scheduled_date_time,
        successful_users_count: run.successful_users_count,
        total_users_count: run.total_users_count,
        total_unprocessed_tasks_count: run.total_unprocessed_tasks_count,
        workflow_execution_type: Some(HandExecutionType::OnDemand),
    }
}

/// How an untyped client builds the same body.
fn json_value_body(run: &Run) -> Vec<u8> {
    let text = |at: &Option<DateTimeOffset>| at.map(|at| at.to_string());
    let value = json!({
        "@odata.type": "#microsoft.graph.identityGovernance.run",
        "completedDateTime": text(&run.completed_date_time),
        "failedTasksCount": run.failed_tasks_count,
        "failedUsersCount": run.failed_users_count,
        "lastUpdatedDateTime": text(&run.last_updated_date_time),
        "processingStatus": "completedWithErrors",
        "startedDateTime": text(&run.started_date_time),
        "scheduledDateTime": text(&run.scheduled_date_time),
        "successfulUsersCount": run.successful_users_count,
        "totalUsersCount": run.total_users_count,
        "totalUnprocessedTasksCount": run.total_unprocessed_tasks_count,
        "workflowExecutionType": "onDemand",
    });
    serde_json::to_vec(&value).unwrap()
}

fn create(c: &mut Criterion) {
    let run = full_run();
    let hand = hand_run();
    // The three produce the same bytes.
    let ours = run.create_request().unwrap().into_body();
    assert_eq!(ours, serde_json::to_vec(&hand).unwrap());
    assert_eq!(ours, json_value_body(&run));

    let mut group = c.benchmark_group("create body");
    group.bench_function(
        "baseline: serde_json::to_vec of a hand-written serde struct",
        |b| {
            b.iter(|| serde_json::to_vec(black_box(&hand)).unwrap());
        },
    );
    group.bench_function("baseline: serde_json::json! value, then to_vec", |b| {
        b.iter(|| json_value_body(black_box(&run)));
    });
    group.bench_function("create_request (validate + serialize)", |b| {
        b.iter(|| black_box(&run).create_request().unwrap());
    });
    group.finish();
}

/// The page's 201 response, with values where the page has type names.
const RESPONSE: &str = r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","id":"9947396f-3691-e265-b1e5-2ea86c0c89d6","completedDateTime":"2024-05-01T09:14:02.1348863Z","failedTasksCount":1,"failedUsersCount":2,"lastUpdatedDateTime":"2024-05-01T09:14:03Z","processingStatus":"completedWithErrors","startedDateTime":"2024-05-01T09:00:03.52+02:00","scheduledDateTime":"2024-05-01T09:00:00Z","successfulUsersCount":10,"totalUsersCount":12,"totalUnprocessedTasksCount":0,"workflowExecutionType":"onDemand"}"##;

fn read(c: &mut Criterion) {
    // The response is the sample run as Graph writes it.
    assert_eq!(
        serde_json::to_string(&samples::full_run()).unwrap(),
        RESPONSE
    );
    let mut group = c.benchmark_group("read the 201 response");
    group.bench_function(
        "baseline: serde_json::from_slice into a hand-written serde struct",
        |b| {
            b.iter(|| serde_json::from_slice::<HandRun>(black_box(RESPONSE.as_bytes())).unwrap());
        },
    );
    group.bench_function("serde_json::from_slice into the resource", |b| {
        b.iter(|| serde_json::from_slice::<Run>(black_box(RESPONSE.as_bytes())).unwrap());
    });
    group.bench_function(
        "baseline: serde_json::from_str into a hand-written serde struct",
        |b| {
            b.iter(|| serde_json::from_str::<HandRun>(black_box(RESPONSE)).unwrap());
        },
    );
    group.bench_function("serde_json::from_str into the resource", |b| {
        b.iter(|| serde_json::from_str::<Run>(black_box(RESPONSE)).unwrap());
    });
    let request = full_run().create_request().unwrap();
    group.bench_function("parse_response into the resource", |b| {
        b.iter(|| {
            let mut response = graph_core::http::Response::new(black_box(RESPONSE.as_bytes()));
            *response.status_mut() = graph_core::http::StatusCode::CREATED;
            request.parse_response(response).unwrap()
        });
    });
    group.finish();
}

fn validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate (12 fields, 8 required, 2 enums)");
    let valid = full_run();
    group.bench_function("a valid run", |b| {
        b.iter(|| black_box(&valid).validate().unwrap());
    });
    let empty = Run::default();
    group.bench_function("an empty run (8 violations)", |b| {
        b.iter(|| black_box(&empty).validate().unwrap_err());
    });
    group.finish();
}

fn to_http(c: &mut Criterion) {
    let request = full_run().create_request().unwrap();
    let endpoint = Endpoint::beta();
    let token = AccessToken::new("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.signature").unwrap();
    c.bench_function("to_http", |b| {
        b.iter(|| black_box(&request).to_http(black_box(&endpoint), black_box(&token)));
    });
}

/// A directory object as a group's members list returns it.
#[graph_union(odata = "#microsoft.graph.directoryObject")]
#[derive(Debug)]
enum DirectoryObject {
    User(Box<User>),
    Group(Group),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_complex(odata = "#microsoft.graph.group")]
#[derive(Debug)]
struct Group {
    id: Option<String>,
    display_name: Option<String>,
}

const USER_FIRST: &str = r##"{"@odata.type":"#microsoft.graph.user","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true,"businessPhones":["+1 425 555 0109"],"displayName":"Adele Vance","givenName":"Adele","jobTitle":"Retail Manager","mail":"AdeleV@contoso.com","mailNickname":"AdeleV","surname":"Vance","usageLocation":"US","userPrincipalName":"AdeleV@contoso.com","createdDateTime":"2023-11-02T09:21:11Z"}"##;
const USER_LAST: &str = r##"{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","accountEnabled":true,"businessPhones":["+1 425 555 0109"],"displayName":"Adele Vance","givenName":"Adele","jobTitle":"Retail Manager","mail":"AdeleV@contoso.com","mailNickname":"AdeleV","surname":"Vance","usageLocation":"US","userPrincipalName":"AdeleV@contoso.com","createdDateTime":"2023-11-02T09:21:11Z","@odata.type":"#microsoft.graph.user"}"##;

fn unions(c: &mut Criterion) {
    let mut group = c.benchmark_group("union read");
    group.bench_function("baseline: the variant's type directly", |b| {
        b.iter(|| serde_json::from_str::<User>(black_box(USER_FIRST)).unwrap());
    });
    group.bench_function("union, @odata.type first", |b| {
        b.iter(|| serde_json::from_str::<DirectoryObject>(black_box(USER_FIRST)).unwrap());
    });
    group.bench_function("union, @odata.type last", |b| {
        b.iter(|| serde_json::from_str::<DirectoryObject>(black_box(USER_LAST)).unwrap());
    });
    group.finish();
}

/// Members as a collection of them, in an enum without `other` (so both enums are one
/// byte): what the exact-case path costs against serde's derive, and what a member in
/// another case costs (the fallback after the exact match).
fn enums(c: &mut Criterion) {
    const EXACT: &str = r#"["scheduled","onDemand","scheduled","onDemand","scheduled","onDemand"]"#;
    const CASED: &str = r#"["Scheduled","OnDemand","Scheduled","OnDemand","Scheduled","OnDemand"]"#;
    let mut group = c.benchmark_group("enum read (6 members of 3)");
    group.bench_function("baseline: serde's derive, exact case", |b| {
        b.iter(|| serde_json::from_str::<Vec<HandExecutionType>>(black_box(EXACT)).unwrap());
    });
    group.bench_function("graph_enum, exact case", |b| {
        b.iter(|| serde_json::from_str::<Vec<WorkflowExecutionType>>(black_box(EXACT)).unwrap());
    });
    group.bench_function("graph_enum, another case", |b| {
        b.iter(|| serde_json::from_str::<Vec<WorkflowExecutionType>>(black_box(CASED)).unwrap());
    });
    group.finish();
}

/// Eight numbers, four `f64` and four `i64` (OData's `"INF"` and strings of digits read
/// too), against serde's own readers of the same fields: what the number readers cost on
/// ordinary numbers.
#[graph_complex]
#[derive(Debug)]
struct Measures {
    mean: Option<f64>,
    median: Option<f64>,
    low: f64,
    high: f64,
    count: Option<i64>,
    bytes: Option<i64>,
    first: i64,
    last: i64,
}

/// The same fields as [`Measures`] behind aliases, which the macro does not see as
/// numbers: the same generated reader and writer, with serde's number readers. The
/// baseline that isolates the number readers' cost.
type Float = f64;
type Int = i64;

#[graph_complex]
#[derive(Debug)]
struct AliasedMeasures {
    mean: Option<Float>,
    median: Option<Float>,
    low: Float,
    high: Float,
    count: Option<Int>,
    bytes: Option<Int>,
    first: Int,
    last: Int,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HandMeasures {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mean: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    median: Option<f64>,
    low: f64,
    high: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    count: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    bytes: Option<i64>,
    first: i64,
    last: i64,
}

fn numbers(c: &mut Criterion) {
    const MEASURES: &str = r#"{"mean":12.5,"median":11.25,"low":-3.5,"high":1.0e3,"count":1234567,"bytes":9007199254740993,"first":-42,"last":7}"#;
    let mut group = c.benchmark_group("numbers (4 f64, 4 i64)");
    group.bench_function("baseline: read through serde's derive", |b| {
        b.iter(|| serde_json::from_str::<HandMeasures>(black_box(MEASURES)).unwrap());
    });
    group.bench_function("baseline: the same type, serde's number readers", |b| {
        b.iter(|| serde_json::from_str::<AliasedMeasures>(black_box(MEASURES)).unwrap());
    });
    group.bench_function("read through the number readers", |b| {
        b.iter(|| serde_json::from_str::<Measures>(black_box(MEASURES)).unwrap());
    });
    let (hand, aliased, measures) = (
        serde_json::from_str::<HandMeasures>(MEASURES).unwrap(),
        serde_json::from_str::<AliasedMeasures>(MEASURES).unwrap(),
        serde_json::from_str::<Measures>(MEASURES).unwrap(),
    );
    group.bench_function("baseline: write through serde's derive", |b| {
        b.iter(|| serde_json::to_vec(black_box(&hand)).unwrap());
    });
    group.bench_function("baseline: the same type, serde's number writers", |b| {
        b.iter(|| serde_json::to_vec(black_box(&aliased)).unwrap());
    });
    group.bench_function("write through the float writer", |b| {
        b.iter(|| serde_json::to_vec(black_box(&measures)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, create, read, validate, to_http, unions, enums, numbers);
criterion_main!(benches);
