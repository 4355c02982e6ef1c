//! The attributes work in a module that shadows every name generated code could use
//! (`graph_tests::hygiene`), and the generated code passes strict lints
//! (`graph_tests::lints`, compiled under `deny(missing_docs, unused_qualifications)` and
//! clippy's pedantic group).

use graph_core::resource::GraphEnum;
use graph_core::serde_json;
use graph_core::GraphResource;
use graph_tests::hygiene::{Finish, Inspect, Kind, ListThings, Part};
use graph_tests::lints::{
    LintedActivate, LintedClosed, LintedDays, LintedRestore, LintedRun, LintedStatus,
};

#[test]
fn a_resource_in_a_shadowing_module_works() {
    let part = Part {
        id: Some("p1".into()),
        name: Some("bolt".into()),
        kind: Some(Kind::Other("nut".into())),
        tags: vec!["m3".into()],
        boxed: Some(Box::new(Kind::Bolt)),
        count: 2,
        weight: Some(f64::INFINITY),
        serial: 9_007_199_254_740_993,
        finishes: Some([Finish::Other("gold".into()), Finish::Black, Finish::Zinc].into()),
    };
    let request = part.create_request("t/1").unwrap();
    assert_eq!(request.path(), "/things/t%2F1/parts");
    assert_eq!(
        String::from_utf8(request.into_body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.part","name":"bolt","kind":"nut","tags":["m3"],"boxed":"bolt","count":2,"weight":"INF","serial":9007199254740993,"finishes":"zinc,black,gold"}"##
    );
    let read: Part = serde_json::from_str(&serde_json::to_string(&part).unwrap()).unwrap();
    assert_eq!(read, part);

    let missing = Part {
        name: None,
        kind: Some(Kind::UnknownFutureValue),
        ..read
    };
    let paths: Vec<_> = missing
        .validate()
        .unwrap_err()
        .violations()
        .iter()
        .map(|v| v.path().to_owned())
        .collect();
    assert_eq!(paths, ["name", "kind"]);
    assert_eq!(
        serde_json::from_str::<Kind>(r#""x""#).unwrap(),
        Kind::Other("x".into())
    );
    assert_eq!(serde_json::from_str::<Kind>("null").ok(), None);
}

#[test]
fn the_linted_types_work() {
    let run = LintedRun {
        failed_tasks_count: Some(1),
        processing_status: Some(LintedStatus::Queued),
        r#type: Some("t".into()),
        score: Some(f64::NAN),
        days: Some([LintedDays::Friday, LintedDays::Monday].into()),
        ..LintedRun::default()
    };
    let request = run.create_request("w").unwrap();
    assert_eq!(
        String::from_utf8(request.into_body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","failedTasksCount":1,"status":"queued","tags":[],"type":"t","score":"NaN","ratio":0.0,"days":"monday,friday"}"##
    );
    assert_eq!(LintedClosed::MEMBERS, ["yes", "no"]);
    assert_eq!(
        LintedRun::ODATA_TYPE,
        "#microsoft.graph.identityGovernance.run"
    );
}

/// A type declared by a `macro_rules!` that is handed its field types: the generated code
/// gives the field types' spans only to what reports on the type, so it works whatever
/// context those tokens come from.
macro_rules! declare_with_types {
    ($name:ident, $inner:ty, $plain:ty) => {
        #[graph_core::graph_complex]
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            pub first: Option<$inner>,
            pub count: Option<$plain>,
            pub all: Option<Vec<$inner>>,
            pub total: $plain,
        }
    };
}

declare_with_types!(FromAMacro, graph_core::DateTimeOffset, i64);

#[test]
fn a_type_declared_by_a_macro_with_its_field_types_reads_and_writes() {
    let text =
        r#"{"first":"2024-01-02T03:04:05Z","count":3,"all":["2024-01-02T03:04:05Z"],"total":4}"#;
    let read: FromAMacro = serde_json::from_str(text).unwrap();
    assert_eq!(read.count, Some(3));
    assert_eq!(read.total, 4);
    assert_eq!(read.all.as_ref().map(Vec::len), Some(1));
    assert_eq!(serde_json::to_string(&read).unwrap(), text);
    let none: FromAMacro = serde_json::from_str(r#"{"total":1}"#).unwrap();
    assert_eq!(serde_json::to_string(&none).unwrap(), r#"{"total":1}"#);
}

#[test]
fn actions_in_a_shadowing_module_and_under_the_lints_work() {
    let inspect = Inspect {
        part: Some(Part {
            id: None,
            name: Some("bolt".into()),
            kind: None,
            tags: vec![],
            boxed: None,
            count: 1,
            weight: None,
            serial: 5,
            finishes: None,
        }),
        depth: 2,
    };
    let request = inspect.request("t").unwrap();
    assert_eq!(request.path(), "/things/t/inspect");
    assert_eq!(
        request.body(),
        br##"{"part":{"@odata.type":"#microsoft.graph.part","name":"bolt","tags":[],"count":1,"serial":5},"depth":2}"##
    );
    let answer = graph_core::http::Response::new(r#"{"value":"bolt"}"#);
    assert_eq!(request.parse_response(answer).unwrap(), Kind::Bolt);
    assert!(ListThings.request().unwrap().body().is_empty());

    let activate = LintedActivate {
        users: Some(vec!["u".into()]),
    };
    let request = activate.request("w").unwrap();
    assert_eq!(request.body(), br#"{"subjects":["u"]}"#);
    let error = LintedActivate::default().request("w").unwrap_err();
    assert_eq!(error.violations()[0].path(), "subjects");
    assert_eq!(
        LintedRestore.request("w").unwrap().path(),
        "/identityGovernance/lifecycleWorkflows/workflows/w/restore"
    );
}
