//! Derived types: one property, many shapes, dispatched on `@odata.type` wherever it stands;
//! unknown derived types kept whole; validation inside whichever variant is present.

mod support;

use graph_core::serde_json::{self, json, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_complex, graph_resource, graph_union, GraphResource};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowCategory, OnDemandExecutionOnly, RuleBasedSubjectSet, SubjectSet, Task,
    TimeBasedAttributeTrigger, TriggerAndScopeBasedConditions, Workflow,
    WorkflowExecutionConditions, WorkflowExecutionTrigger, WorkflowTriggerTimeBasedAttribute,
};
use graph_examples::users::User;
use support::{violations, Group};

fn text<T: graph_core::serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn task() -> Task {
    Task {
        arguments: Some(vec![]),
        display_name: Some("Enable User Account".into()),
        task_definition_id: Some("6fc52c9d-398b-4305-9763-15f42c1676fc".into()),
        ..Task::default()
    }
}

fn on_demand_workflow() -> Workflow {
    Workflow {
        category: Some(LifecycleWorkflowCategory::Leaver),
        display_name: Some("Offboard an employee".into()),
        execution_conditions: Some(WorkflowExecutionConditions::OnDemandExecutionOnly(
            OnDemandExecutionOnly {},
        )),
        tasks: Some(vec![task()]),
        ..Workflow::default()
    }
}

fn scheduled_conditions(rule: Option<&str>) -> WorkflowExecutionConditions {
    WorkflowExecutionConditions::TriggerAndScopeBased(TriggerAndScopeBasedConditions {
        scope: Some(SubjectSet::RuleBased(RuleBasedSubjectSet {
            rule: rule.map(Into::into),
        })),
        trigger: Some(WorkflowExecutionTrigger::TimeBasedAttribute(
            TimeBasedAttributeTrigger {
                time_based_attribute: Some(WorkflowTriggerTimeBasedAttribute::EmployeeHireDate),
                offset_in_days: Some(-2),
            },
        )),
    })
}

#[test]
fn a_variant_is_written_as_its_type_with_odata_type_first() {
    let body = on_demand_workflow().create_request().unwrap().into_body();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.workflow","category":"leaver","displayName":"Offboard an employee","executionConditions":{"@odata.type":"#microsoft.graph.identityGovernance.onDemandExecutionOnly"},"tasks":[{"arguments":[],"displayName":"Enable User Account","taskDefinitionId":"6fc52c9d-398b-4305-9763-15f42c1676fc"}]}"##
    );
}

#[test]
fn nested_unions_are_written_and_read_back_through_a_create_and_its_201() {
    for conditions in [
        scheduled_conditions(Some("(department eq 'Marketing')")),
        on_demand_workflow().execution_conditions.unwrap(),
    ] {
        let workflow = Workflow {
            execution_conditions: Some(conditions),
            ..on_demand_workflow()
        };
        let body = workflow.create_request().unwrap().into_body();
        // The 201 response: the body plus what the service sets.
        let mut response: Map<String, Value> = serde_json::from_slice(&body).unwrap();
        response.insert("id".into(), "156ce798".into());
        response.insert("version".into(), 1.into());
        let read: Workflow = serde_json::from_value(Value::Object(response)).unwrap();
        assert_eq!(
            read,
            Workflow {
                id: Some("156ce798".into()),
                version: Some(1),
                ..workflow
            }
        );
    }
}

#[test]
fn odata_type_is_found_wherever_it_stands_and_with_or_without_hash() {
    let first = json!({
        "@odata.type": "#microsoft.graph.identityGovernance.ruleBasedSubjectSet",
        "rule": "(department eq 'Sales')"
    });
    let last = r##"{"rule":"(department eq 'Sales')","@odata.type":"#microsoft.graph.identityGovernance.ruleBasedSubjectSet"}"##;
    let middle = r#"{"extra":[1,{"a":null}],"@odata.type":"microsoft.graph.identityGovernance.ruleBasedSubjectSet","rule":"(department eq 'Sales')"}"#;
    let expected = SubjectSet::RuleBased(RuleBasedSubjectSet {
        rule: Some("(department eq 'Sales')".into()),
    });
    assert_eq!(
        serde_json::from_value::<SubjectSet>(first).unwrap(),
        expected
    );
    assert_eq!(serde_json::from_str::<SubjectSet>(last).unwrap(), expected);
    assert_eq!(
        serde_json::from_str::<SubjectSet>(middle).unwrap(),
        expected
    );
}

#[test]
fn properties_before_odata_type_are_read_by_the_variant_with_their_types() {
    let trigger: WorkflowExecutionTrigger = serde_json::from_str(
        r##"{"offsetInDays":-7,"timeBasedAttribute":"employeeLeaveDateTime","@odata.type":"#microsoft.graph.identityGovernance.timeBasedAttributeTrigger"}"##,
    )
    .unwrap();
    assert_eq!(
        trigger,
        WorkflowExecutionTrigger::TimeBasedAttribute(TimeBasedAttributeTrigger {
            time_based_attribute: Some(WorkflowTriggerTimeBasedAttribute::EmployeeLeaveDateTime),
            offset_in_days: Some(-7),
        })
    );
    // An error in a buffered property still names it.
    let error = serde_json::from_str::<WorkflowExecutionTrigger>(
        r##"{"offsetInDays":null,"@odata.type":"#microsoft.graph.identityGovernance.timeBasedAttributeTrigger"}"##,
    );
    assert!(error.is_ok(), "null reads as None for an Option: {error:?}");
}

#[test]
fn an_unknown_derived_type_is_kept_whole_and_written_back_unchanged() {
    let unknown = r##"{"@odata.type":"#microsoft.graph.identityGovernance.membershipChangeTrigger","changeType":"add","nested":{"deep":[1,2,{"x":null}]}}"##;
    let trigger: WorkflowExecutionTrigger = serde_json::from_str(unknown).unwrap();
    let WorkflowExecutionTrigger::Other(object) = &trigger else {
        panic!("{trigger:?}");
    };
    assert_eq!(object["changeType"], "add");
    assert_eq!(text(&trigger), unknown);
    // Also where `@odata.type` was not first: the object is kept in its order.
    let late = r##"{"changeType":"add","@odata.type":"#microsoft.graph.identityGovernance.membershipChangeTrigger"}"##;
    let trigger: WorkflowExecutionTrigger = serde_json::from_str(late).unwrap();
    assert_eq!(text(&trigger), late);
}

#[test]
fn an_unknown_derived_type_is_sent_as_read_in_a_create_body() {
    let conditions: WorkflowExecutionConditions = serde_json::from_str(
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.futureConditions","id":"kept"}"##,
    )
    .unwrap();
    let workflow = Workflow {
        execution_conditions: Some(conditions),
        ..on_demand_workflow()
    };
    let body = String::from_utf8(workflow.create_request().unwrap().into_body()).unwrap();
    assert!(
        body.contains(r##""executionConditions":{"@odata.type":"#microsoft.graph.identityGovernance.futureConditions","id":"kept"}"##),
        "{body}"
    );
}

#[test]
fn a_missing_required_property_inside_a_variant_is_reported_with_its_path() {
    let workflow = Workflow {
        execution_conditions: Some(scheduled_conditions(None)),
        ..on_demand_workflow()
    };
    let error = workflow.create_request().unwrap_err();
    assert_eq!(
        violations(&error),
        [(
            "executionConditions.scope.rule",
            ViolationKind::MissingRequired
        )]
    );
    assert!(
        error
            .to_string()
            .contains("required property `executionConditions.scope.rule` is missing"),
        "{error}"
    );
}

#[test]
fn a_required_union_that_is_missing_is_reported() {
    let workflow = Workflow {
        execution_conditions: None,
        ..on_demand_workflow()
    };
    assert_eq!(
        violations(&workflow.validate().unwrap_err()),
        [("executionConditions", ViolationKind::MissingRequired)]
    );
}

// A directory-object collection, as `GET /groups/{id}/members` returns it.

/// `microsoft.graph.directoryObject` itself.
#[graph_complex(odata = "#microsoft.graph.directoryObject")]
#[derive(Debug, Clone, PartialEq, Default)]
struct DirectoryObjectBase {
    id: Option<String>,
    #[graph(additional_data)]
    additional_data: Map<String, Value>,
}

#[graph_union(odata = "#microsoft.graph.directoryObject")]
#[derive(Debug, Clone, PartialEq)]
enum DirectoryObject {
    User(Box<User>),
    Group(Group),
    #[graph(base)]
    Base(DirectoryObjectBase),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct DirectoryObjectPage {
    value: Vec<DirectoryObject>,
    #[graph(additional_data)]
    additional_data: Map<String, Value>,
}

const MEMBERS: &str = r##"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
    "value": [
        {
            "@odata.type": "#microsoft.graph.user",
            "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            "businessPhones": ["+1 425 555 0109"],
            "displayName": "Adele Vance",
            "mail": "AdeleV@contoso.com",
            "mobilePhone": null,
            "userPrincipalName": "AdeleV@contoso.com"
        },
        {
            "@odata.type": "#microsoft.graph.group",
            "id": "02bd9fd6-8f93-4758-87c3-1fb73740a315",
            "displayName": "HR Taskforce",
            "groupTypes": ["Unified"],
            "mailEnabled": true
        },
        {
            "id": "4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
            "displayName": "Contoso laptop",
            "@odata.type": "#microsoft.graph.device",
            "deviceId": "eab73519-780d-4d43-be6d-a4a89af2a348",
            "operatingSystem": "Windows"
        },
        {
            "id": "f3a3b4c5-0000-4000-8000-000000000001",
            "deletedDateTime": null
        }
    ],
    "@odata.nextLink": "https://graph.microsoft.com/v1.0/groups/02bd9fd6/members?$skiptoken=X"
}"##;

#[test]
fn a_directory_object_list_mixing_types_reads_and_writes_back_losslessly() {
    let page: DirectoryObjectPage = serde_json::from_str(MEMBERS).unwrap();
    let kinds: Vec<&str> = page
        .value
        .iter()
        .map(|object| match object {
            DirectoryObject::User(_) => "user",
            DirectoryObject::Group(_) => "group",
            DirectoryObject::Base(_) => "base",
            DirectoryObject::Other(_) => "other",
        })
        .collect();
    assert_eq!(kinds, ["user", "group", "other", "base"]);
    let DirectoryObject::User(user) = &page.value[0] else {
        unreachable!()
    };
    assert_eq!(user.display_name.as_deref(), Some("Adele Vance"));
    assert_eq!(user.additional_data["mobilePhone"], Value::Null);

    // Written back: the same objects (the device byte for byte, in its order), the base
    // object with the type Graph would give it, and the page's next link.
    let written: Value = serde_json::to_value(&page).unwrap();
    let mut original: Value = serde_json::from_str(MEMBERS).unwrap();
    original.as_object_mut().unwrap().remove("@odata.context");
    original["value"][3]["@odata.type"] = "#microsoft.graph.directoryObject".into();
    assert_eq!(written, original);
    assert_eq!(
        text(&page.value[2]),
        r##"{"id":"4562bcc8-c436-4f95-b7c0-4f8ce89dca5e","displayName":"Contoso laptop","@odata.type":"#microsoft.graph.device","deviceId":"eab73519-780d-4d43-be6d-a4a89af2a348","operatingSystem":"Windows"}"##
    );
    // And read again, it is the same value.
    assert_eq!(
        serde_json::from_value::<DirectoryObjectPage>(written).unwrap(),
        page
    );
}

#[test]
fn the_base_variant_takes_no_type_a_null_type_and_the_base_type_itself() {
    for object in [
        json!({"id": "1"}),
        json!({"@odata.type": null, "id": "1"}),
        json!({"@odata.type": "#microsoft.graph.directoryObject", "id": "1"}),
        json!({"id": "1", "@odata.type": "microsoft.graph.directoryObject"}),
    ] {
        let read: DirectoryObject = serde_json::from_value(object.clone()).unwrap();
        assert!(
            matches!(&read, DirectoryObject::Base(base) if base.id.as_deref() == Some("1")),
            "{object}: {read:?}"
        );
    }
}

#[test]
fn validation_descends_into_the_variant_in_collections() {
    let page = DirectoryObjectPage {
        value: vec![
            DirectoryObject::Group(Group::default()),
            DirectoryObject::Other(Map::new()),
            DirectoryObject::User(Box::default()),
        ],
        additional_data: Map::new(),
    };
    #[graph_resource(path = "/pages", odata = "microsoft.graph.page")]
    struct Holder {
        page: DirectoryObjectPage,
    }
    let error = Holder { page }.validate().unwrap_err();
    let found: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(
        found,
        [
            "page.value[0].displayName",
            "page.value[2].accountEnabled",
            "page.value[2].displayName",
            "page.value[2].mailNickname",
            "page.value[2].passwordProfile",
            "page.value[2].userPrincipalName",
        ]
    );
}

/// Neither `base` nor `other`: objects that name no variant are an error.
#[graph_union(odata = "#microsoft.graph.identityGovernance.workflowExecutionConditions")]
#[derive(Debug, Clone, PartialEq)]
enum StrictConditions {
    OnDemand(OnDemandExecutionOnly),
    Scheduled(Box<TriggerAndScopeBasedConditions>),
}

#[test]
fn without_base_or_other_an_unknown_type_is_an_error_naming_found_and_expected() {
    let error = serde_json::from_str::<StrictConditions>(
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.futureConditions"}"##,
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.starts_with("unknown derived type `#microsoft.graph.identityGovernance.futureConditions` of microsoft.graph.identityGovernance.workflowExecutionConditions: expected one of `#microsoft.graph.identityGovernance.onDemandExecutionOnly`, `#microsoft.graph.identityGovernance.triggerAndScopeBasedConditions`"),
        "{error}"
    );
    let error = serde_json::from_str::<StrictConditions>(r#"{"id":"x"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("without `@odata.type`"), "{error}");
    let error = serde_json::from_str::<StrictConditions>(
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.workflowExecutionConditions"}"##,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("the base type"), "{error}");
    let error = serde_json::from_str::<StrictConditions>(r#"{"@odata.type":null}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("is null"), "{error}");
    let error = serde_json::from_str::<StrictConditions>(r#"{"@odata.type":3}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid type"), "{error}");
    let error = serde_json::from_str::<StrictConditions>("[]")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("a microsoft.graph.identityGovernance.workflowExecutionConditions object"),
        "{error}"
    );
    // A boxed variant reads like any other.
    let read: StrictConditions = serde_json::from_str(
        r##"{"@odata.type":"#microsoft.graph.identityGovernance.triggerAndScopeBasedConditions"}"##,
    )
    .unwrap();
    assert!(matches!(read, StrictConditions::Scheduled(_)));
}

/// Without `base`, objects of no derived type go to `other`.
#[graph_union(odata = "#microsoft.graph.subjectSet")]
#[derive(Debug, Clone, PartialEq)]
enum OpenSubjects {
    RuleBased(RuleBasedSubjectSet),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[test]
fn without_base_untyped_objects_go_to_other_as_written() {
    for object in [
        r#"{"rule":"x"}"#,
        r#"{"@odata.type":null,"rule":"x"}"#,
        r##"{"@odata.type":"#microsoft.graph.subjectSet"}"##,
        "{}",
    ] {
        let read: OpenSubjects = serde_json::from_str(object).unwrap();
        assert!(matches!(read, OpenSubjects::Other(_)), "{object}");
        assert_eq!(text(&read), object);
    }
}

#[test]
fn a_union_field_can_be_required_optional_boxed_or_in_a_vec() {
    #[graph_resource(path = "/holders", odata = "microsoft.graph.holder")]
    #[derive(Debug, PartialEq)]
    struct Holder {
        #[graph(required)]
        one: Option<SubjectSet>,
        boxed: Option<Box<SubjectSet>>,
        many: Vec<SubjectSet>,
        plain: SubjectSet,
    }
    let rule = |r: Option<&str>| {
        SubjectSet::RuleBased(RuleBasedSubjectSet {
            rule: r.map(Into::into),
        })
    };
    let holder = Holder {
        one: Some(rule(Some("a"))),
        boxed: Some(Box::new(rule(None))),
        many: vec![rule(Some("b")), rule(None)],
        plain: rule(None),
    };
    let error = holder.validate().unwrap_err();
    let found: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(found, ["boxed.rule", "many[1].rule", "plain.rule"]);
    let written = text(&holder);
    assert_eq!(serde_json::from_str::<Holder>(&written).unwrap(), holder);
}
