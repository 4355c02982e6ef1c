//! Complex types, collections and additional data: nested bodies written and read exactly,
//! validated to the leaf with paths, and nothing lost on the way back.

mod support;

use graph_core::serde_json::{self, json, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_complex, graph_enum, graph_resource, GraphResource};
use graph_examples::lifecycle_workflows::{
    KeyValuePair, LifecycleWorkflowCategory, RuleBasedSubjectSet, SubjectSet, Task,
    TimeBasedAttributeTrigger, TriggerAndScopeBasedConditions, Workflow,
    WorkflowExecutionConditions, WorkflowExecutionTrigger, WorkflowTriggerTimeBasedAttribute,
};
use graph_examples::samples::new_user;
use graph_examples::users::{PasswordProfile, User};
use support::violations;

fn body<T: GraphResource>(request: &graph_core::CreateRequest<T>) -> String {
    String::from_utf8(request.body().to_vec()).unwrap()
}

#[test]
fn a_complex_type_is_written_inside_its_resource_without_odata_type_unless_given() {
    assert_eq!(
        body(&new_user().create_request().unwrap()),
        r##"{"@odata.type":"#microsoft.graph.user","accountEnabled":true,"displayName":"Adele Vance","mailNickname":"AdeleV","passwordProfile":{"password":"xWwvJ]6NMw+bWH-d"},"userPrincipalName":"AdeleV@contoso.com"}"##
    );
}

#[test]
fn a_missing_nested_required_property_is_reported_by_its_path() {
    let mut user = new_user();
    user.password_profile = Some(PasswordProfile::default());
    let error = user.create_request().unwrap_err();
    assert_eq!(
        violations(&error),
        [("passwordProfile.password", ViolationKind::MissingRequired)]
    );
    assert_eq!(
        error.to_string(),
        "microsoft.graph.user is not valid: required property `passwordProfile.password` is missing"
    );
}

#[test]
fn a_missing_complex_property_is_reported_once_not_descended_into() {
    let mut user = new_user();
    user.password_profile = None;
    let error = user.validate().unwrap_err();
    assert_eq!(
        violations(&error),
        [("passwordProfile", ViolationKind::MissingRequired)]
    );
}

fn workflow() -> Workflow {
    Workflow {
        category: Some(LifecycleWorkflowCategory::Joiner),
        display_name: Some("Onboard pre-hire employee".into()),
        description: Some(
            "Configure pre-hire tasks for onboarding employees before their first day".into(),
        ),
        is_enabled: Some(true),
        is_scheduling_enabled: Some(false),
        execution_conditions: Some(WorkflowExecutionConditions::TriggerAndScopeBased(
            TriggerAndScopeBasedConditions {
                scope: Some(SubjectSet::RuleBased(RuleBasedSubjectSet {
                    rule: Some("(department eq 'Marketing')".into()),
                })),
                trigger: Some(WorkflowExecutionTrigger::TimeBasedAttribute(
                    TimeBasedAttributeTrigger {
                        time_based_attribute: Some(
                            WorkflowTriggerTimeBasedAttribute::EmployeeHireDate,
                        ),
                        offset_in_days: Some(-2),
                    },
                )),
            },
        )),
        tasks: Some(vec![
            Task {
                arguments: Some(vec![]),
                continue_on_error: Some(false),
                description: Some("Enable user account in the directory".into()),
                display_name: Some("Enable User Account".into()),
                is_enabled: Some(true),
                task_definition_id: Some("6fc52c9d-398b-4305-9763-15f42c1676fc".into()),
                ..Task::default()
            },
            Task {
                arguments: Some(vec![KeyValuePair {
                    name: Some("cc".into()),
                    value: Some("1baa57fa-3c4e-4526-ba5a-db47a9df95f0".into()),
                }]),
                continue_on_error: Some(false),
                description: Some("Send welcome email to new hire".into()),
                display_name: Some("Send Welcome Email".into()),
                is_enabled: Some(true),
                task_definition_id: Some("70b29d51-b59a-4773-9280-8841dfd3f2ea".into()),
                ..Task::default()
            },
        ]),
        ..Workflow::default()
    }
}

#[test]
fn the_workflow_body_is_the_create_workflow_pages() {
    let request = workflow().create_request().unwrap();
    assert_eq!(
        request.path(),
        "/identityGovernance/lifecycleWorkflows/workflows"
    );
    let expected = json!({
        "@odata.type": "#microsoft.graph.identityGovernance.workflow",
        "category": "joiner",
        "description": "Configure pre-hire tasks for onboarding employees before their first day",
        "displayName": "Onboard pre-hire employee",
        "executionConditions": {
            "@odata.type": "#microsoft.graph.identityGovernance.triggerAndScopeBasedConditions",
            "scope": {
                "@odata.type": "#microsoft.graph.identityGovernance.ruleBasedSubjectSet",
                "rule": "(department eq 'Marketing')"
            },
            "trigger": {
                "@odata.type": "#microsoft.graph.identityGovernance.timeBasedAttributeTrigger",
                "timeBasedAttribute": "employeeHireDate",
                "offsetInDays": -2
            }
        },
        "isEnabled": true,
        "isSchedulingEnabled": false,
        "tasks": [
            {
                "arguments": [],
                "continueOnError": false,
                "description": "Enable user account in the directory",
                "displayName": "Enable User Account",
                "isEnabled": true,
                "taskDefinitionId": "6fc52c9d-398b-4305-9763-15f42c1676fc"
            },
            {
                "arguments": [{"name": "cc", "value": "1baa57fa-3c4e-4526-ba5a-db47a9df95f0"}],
                "continueOnError": false,
                "description": "Send welcome email to new hire",
                "displayName": "Send Welcome Email",
                "isEnabled": true,
                "taskDefinitionId": "70b29d51-b59a-4773-9280-8841dfd3f2ea"
            }
        ]
    });
    // Exact text, so that key order at every depth is checked too.
    assert_eq!(body(&request), serde_json::to_string(&expected).unwrap());
}

#[test]
fn read_only_properties_are_left_out_at_every_depth_but_kept_by_serialize() {
    let mut workflow = workflow();
    workflow.id = Some("156ce798-1eb6-4e0a-8515-e79f54d04390".into());
    workflow.version = Some(1);
    if let Some(tasks) = &mut workflow.tasks {
        tasks[0].id = Some("4d9d2a5f-9e7d-4d0f-9b4a-1f2e3d4c5b6a".into());
        tasks[0].execution_sequence = Some(1);
    }
    let create = body(&workflow.create_request().unwrap());
    for read_only in ["\"id\"", "\"version\"", "executionSequence"] {
        assert!(!create.contains(read_only), "{read_only} in {create}");
    }
    let full = serde_json::to_value(&workflow).unwrap();
    assert_eq!(full["version"], 1);
    assert_eq!(full["tasks"][0]["executionSequence"], 1);
    assert_eq!(
        full["tasks"][0]["id"],
        "4d9d2a5f-9e7d-4d0f-9b4a-1f2e3d4c5b6a"
    );
}

#[test]
fn every_violation_at_every_depth_is_reported_at_once() {
    let mut workflow = workflow();
    workflow.display_name = None;
    workflow.category = Some(LifecycleWorkflowCategory::UnknownFutureValue);
    let Some(WorkflowExecutionConditions::TriggerAndScopeBased(conditions)) =
        workflow.execution_conditions.as_mut()
    else {
        unreachable!()
    };
    conditions.scope = Some(SubjectSet::RuleBased(RuleBasedSubjectSet { rule: None }));
    conditions.trigger = Some(WorkflowExecutionTrigger::TimeBasedAttribute(
        TimeBasedAttributeTrigger {
            time_based_attribute: Some(WorkflowTriggerTimeBasedAttribute::UnknownFutureValue),
            offset_in_days: Some(7),
        },
    ));
    let tasks = workflow.tasks.as_mut().unwrap();
    tasks[1].display_name = None;
    tasks[1].arguments.as_mut().unwrap()[0].name = None;
    tasks[0].task_definition_id = None;

    let error = workflow.create_request().unwrap_err();
    assert_eq!(
        violations(&error),
        [
            ("category", ViolationKind::UnknownFutureValue),
            ("displayName", ViolationKind::MissingRequired),
            (
                "executionConditions.scope.rule",
                ViolationKind::MissingRequired
            ),
            (
                "executionConditions.trigger.timeBasedAttribute",
                ViolationKind::UnknownFutureValue
            ),
            ("tasks[0].taskDefinitionId", ViolationKind::MissingRequired),
            ("tasks[1].arguments[0].name", ViolationKind::MissingRequired),
            ("tasks[1].displayName", ViolationKind::MissingRequired),
        ]
    );
    let message = error.to_string();
    assert!(message.contains("(7 problems)"), "{message}");
    assert!(
        message.contains("required property `tasks[1].displayName` is missing"),
        "{message}"
    );
}

#[test]
fn the_workflow_reads_back_from_its_201_response() {
    let mut response: Value =
        serde_json::from_str(&body(&workflow().create_request().unwrap())).unwrap();
    let object = response.as_object_mut().unwrap();
    object.insert("@odata.context".into(), "https://graph.microsoft.com/v1.0/$metadata#identityGovernance/lifecycleWorkflows/workflows/$entity".into());
    object.insert("id".into(), "156ce798-1eb6-4e0a-8515-e79f54d04390".into());
    object.insert(
        "createdDateTime".into(),
        "2024-03-03T18:29:10.8412536Z".into(),
    );
    object.insert("version".into(), 1.into());
    object.insert(
        "lastModifiedDateTime".into(),
        "2024-03-03T18:29:10.8412689Z".into(),
    );
    let read: Workflow = serde_json::from_value(response).unwrap();
    let mut expected = workflow();
    expected.id = Some("156ce798-1eb6-4e0a-8515-e79f54d04390".into());
    expected.created_date_time = Some("2024-03-03T18:29:10.8412536Z".parse().unwrap());
    expected.version = Some(1);
    assert_eq!(read, expected);
}

/// A realistic `GET /users/{id}` or `POST /users` response, with many properties `User`
/// does not declare, annotations and nulls among them.
const USER_RESPONSE: &str = r#"{
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    "@odata.etag": "W/\"JzEtVXNlckAwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAn\"",
    "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
    "businessPhones": ["+1 425 555 0109"],
    "displayName": "Adele Vance",
    "givenName": "Adele",
    "jobTitle": "Retail Manager",
    "mail": "AdeleV@contoso.com",
    "mobilePhone": null,
    "officeLocation": "18/2111",
    "preferredLanguage": "en-US",
    "surname": "Vance",
    "userPrincipalName": "AdeleV@contoso.com",
    "accountEnabled": true,
    "identities": [
        {"signInType": "userPrincipalName", "issuer": "contoso.com", "issuerAssignedId": "AdeleV@contoso.com"}
    ],
    "assignedLicenses": [],
    "createdDateTime": "2023-11-02T09:21:11Z",
    "manager@odata.navigationLink": "https://graph.microsoft.com/v1.0/users/87d349ed/manager"
}"#;

#[test]
fn undeclared_properties_annotations_and_nulls_land_in_additional_data() {
    let user: User = serde_json::from_str(USER_RESPONSE).unwrap();
    assert_eq!(
        user.id.as_deref(),
        Some("87d349ed-44d7-43e1-9a83-5f2406dee5bd")
    );
    assert_eq!(
        user.business_phones,
        Some(vec!["+1 425 555 0109".to_owned()])
    );
    let keys: Vec<&str> = user.additional_data.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "@odata.etag",
            "mobilePhone",
            "officeLocation",
            "preferredLanguage",
            "identities",
            "assignedLicenses",
            "manager@odata.navigationLink"
        ]
    );
    assert_eq!(user.additional_data["mobilePhone"], Value::Null);
    assert!(!user.additional_data.contains_key("@odata.context"));
    assert!(!user.additional_data.contains_key("@odata.type"));
}

#[test]
fn a_user_read_from_graph_and_written_again_loses_nothing() {
    let user: User = serde_json::from_str(USER_RESPONSE).unwrap();
    let written: Value = serde_json::to_value(&user).unwrap();
    let mut original: Value = serde_json::from_str(USER_RESPONSE).unwrap();
    let original = original.as_object_mut().unwrap();
    // `@odata.context` describes the response, not the user; `@odata.type` is added.
    original.remove("@odata.context");
    original.insert("@odata.type".into(), "#microsoft.graph.user".into());
    assert_eq!(written.as_object().unwrap(), &*original);
    // Declared properties first, in declaration order, then the additional data as read.
    let keys: Vec<&String> = written.as_object().unwrap().keys().collect();
    assert_eq!(keys[..3], ["@odata.type", "id", "accountEnabled"]);
    assert_eq!(keys[keys.len() - 1], "manager@odata.navigationLink");
    // And read again, it is the same value.
    let again: User = serde_json::from_value(written).unwrap();
    assert_eq!(again, user);
}

#[test]
fn annotations_can_be_sent_through_additional_data() {
    let mut user = new_user();
    user.additional_data.insert(
        "manager@odata.bind".into(),
        "https://graph.microsoft.com/v1.0/users/5f2406de".into(),
    );
    user.additional_data
        .insert("employeeId".into(), "1001".into());
    let body = body(&user.create_request().unwrap());
    assert!(
        body.ends_with(r#""userPrincipalName":"AdeleV@contoso.com","manager@odata.bind":"https://graph.microsoft.com/v1.0/users/5f2406de","employeeId":"1001"}"#),
        "{body}"
    );
}

#[test]
fn additional_data_that_repeats_a_declared_property_is_a_violation() {
    let mut user = new_user();
    user.additional_data
        .insert("displayName".into(), "Other".into());
    user.additional_data
        .insert("@odata.type".into(), "#microsoft.graph.group".into());
    user.additional_data
        .insert("nickname".into(), "fine".into());
    let error = user.validate().unwrap_err();
    assert_eq!(
        violations(&error),
        [
            ("displayName", ViolationKind::AdditionalDataConflict),
            ("@odata.type", ViolationKind::AdditionalDataConflict),
        ]
    );
    assert!(error
        .to_string()
        .contains("additional data holds `displayName`, which the type writes itself"));
}

/// A complex type with additional data of its own, inside collections.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Identity {
    #[graph(required)]
    sign_in_type: Option<String>,
    issuer: Option<String>,
    #[graph(additional_data)]
    rest: Map<String, Value>,
}

#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Flavour {
    Sweet,
    Sour,
    UnknownFutureValue,
}

/// Recursive, through `Box` and `Vec`.
#[graph_complex(odata = "microsoft.graph.folder")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Folder {
    #[graph(required)]
    name: Option<String>,
    parent: Option<Box<Folder>>,
    children: Vec<Folder>,
}

#[graph_resource(path = "/collections", odata = "microsoft.graph.collections")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Collections {
    names: Vec<String>,
    maybe_names: Option<Vec<String>>,
    identities: Vec<Identity>,
    maybe_identities: Option<Vec<Identity>>,
    flavours: Vec<Flavour>,
    root: Option<Folder>,
}

#[test]
fn collections_of_every_kind_are_written_and_read_and_empty_is_an_empty_array() {
    let value = Collections {
        names: vec![],
        maybe_names: Some(vec![]),
        identities: vec![Identity {
            sign_in_type: Some("emailAddress".into()),
            issuer: None,
            rest: Map::from_iter([("issuerAssignedId".to_owned(), Value::from("a@b.c"))]),
        }],
        maybe_identities: None,
        flavours: vec![Flavour::Sour, Flavour::Sweet],
        root: Some(Folder {
            name: Some("root".into()),
            parent: None,
            children: vec![Folder {
                name: Some("child".into()),
                parent: Some(Box::new(Folder {
                    name: Some("root".into()),
                    ..Folder::default()
                })),
                children: vec![],
            }],
        }),
    };
    let body = body(&value.create_request().unwrap());
    assert_eq!(
        body,
        concat!(
            r##"{"@odata.type":"#microsoft.graph.collections","names":[],"maybeNames":[],"##,
            r#""identities":[{"signInType":"emailAddress","issuerAssignedId":"a@b.c"}],"#,
            r#""flavours":["sour","sweet"],"#,
            r##""root":{"@odata.type":"#microsoft.graph.folder","name":"root","children":[{"@odata.type":"#microsoft.graph.folder","name":"child","##,
            r##""parent":{"@odata.type":"#microsoft.graph.folder","name":"root","children":[]},"children":[]}]}}"##,
        )
    );
    let read: Collections = serde_json::from_str(&body).unwrap();
    assert_eq!(read, value);
}

#[test]
fn validation_descends_through_vec_option_and_box() {
    let value = Collections {
        identities: vec![Identity::default(), Identity::default()],
        maybe_identities: Some(vec![
            Identity {
                sign_in_type: Some("x".into()),
                ..Identity::default()
            },
            Identity::default(),
        ]),
        flavours: vec![Flavour::Sweet, Flavour::UnknownFutureValue],
        root: Some(Folder {
            name: Some("root".into()),
            parent: Some(Box::new(Folder::default())),
            children: vec![Folder::default()],
        }),
        ..Collections::default()
    };
    let error = value.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(
        paths,
        [
            "identities[0].signInType",
            "identities[1].signInType",
            "maybeIdentities[1].signInType",
            "flavours[1]",
            "root.parent.name",
            "root.children[0].name",
        ]
    );
}

/// A type of the user's own with hand-written serde impls: opaque to validation.
#[derive(Debug, Clone, PartialEq)]
struct Celsius(f64);

impl graph_core::serde::Serialize for Celsius {
    fn serialize<S: graph_core::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{}C", self.0))
    }
}

impl<'de> graph_core::serde::Deserialize<'de> for Celsius {
    fn deserialize<D: graph_core::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <String as graph_core::serde::Deserialize>::deserialize(d)?;
        text.trim_end_matches('C')
            .parse()
            .map(Celsius)
            .map_err(graph_core::serde::de::Error::custom)
    }
}

#[graph_resource(path = "/readings", odata = "microsoft.graph.reading")]
#[derive(Debug, PartialEq)]
struct Reading {
    #[graph(required)]
    temperature: Option<Celsius>,
    history: Vec<Celsius>,
}

#[test]
fn a_field_of_the_users_own_serde_type_is_written_and_read_by_its_impls() {
    let reading = Reading {
        temperature: Some(Celsius(21.5)),
        history: vec![Celsius(20.0)],
    };
    let body = body(&reading.create_request().unwrap());
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.reading","temperature":"21.5C","history":["20C"]}"##
    );
    assert_eq!(serde_json::from_str::<Reading>(&body).unwrap(), reading);
    // Required still applies to the field itself.
    let missing = Reading {
        temperature: None,
        history: vec![],
    };
    assert_eq!(
        violations(&missing.validate().unwrap_err()),
        [("temperature", ViolationKind::MissingRequired)]
    );
}

/// Maps keyed by name are containers too.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Entry {
    #[graph(read_only)]
    id: Option<String>,
    #[graph(required)]
    name: Option<String>,
}

#[graph_resource(path = "/catalogs", odata = "microsoft.graph.catalog")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Catalog {
    by_name: std::collections::BTreeMap<String, Entry>,
    by_hash: std::collections::HashMap<String, Entry>,
}

#[test]
fn maps_are_validated_and_written_in_the_mode() {
    let entry = |id: &str, name: Option<&str>| Entry {
        id: Some(id.into()),
        name: name.map(Into::into),
    };
    let catalog = Catalog {
        by_name: [
            ("b".to_owned(), entry("1", None)),
            ("a".to_owned(), entry("2", Some("x"))),
        ]
        .into_iter()
        .collect(),
        by_hash: [("h".to_owned(), entry("3", None))].into_iter().collect(),
    };
    let error = catalog.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["byName.b.name", "byHash.h.name"]);

    let valid = Catalog {
        by_name: [("a".to_owned(), entry("2", Some("x")))]
            .into_iter()
            .collect(),
        ..Catalog::default()
    };
    let body = body(&valid.create_request().unwrap());
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.catalog","byName":{"a":{"name":"x"}},"byHash":{}}"##
    );
    let full = serde_json::to_string(&valid).unwrap();
    assert!(
        full.contains(r#""byName":{"a":{"id":"2","name":"x"}}"#),
        "{full}"
    );
}

/// A create body is written directly, not through serde; with no read-only property set
/// it must be what serde writes, byte for byte.
#[test]
fn the_direct_writer_and_serde_write_the_same_bytes() {
    let mut user = new_user();
    user.additional_data
        .insert("employeeId".into(), "a\"b\\c\n\u{1}é".into());
    user.additional_data.insert(
        "weird \"key\"".into(),
        json!({"n": [1.5, -0.0, 1e300, null]}),
    );
    user.business_phones = Some(vec!["+1 \"425\"".into()]);
    assert_eq!(
        user.create_request().unwrap().body(),
        serde_json::to_vec(&user).unwrap()
    );
    let workflow = workflow();
    assert_eq!(
        workflow.create_request().unwrap().body(),
        serde_json::to_vec(&workflow).unwrap()
    );
    let catalog = Catalog {
        by_name: [(
            "k\"ey".to_owned(),
            Entry {
                id: None,
                name: Some("x".into()),
            },
        )]
        .into_iter()
        .collect(),
        ..Catalog::default()
    };
    assert_eq!(
        catalog.create_request().unwrap().body(),
        serde_json::to_vec(&catalog).unwrap()
    );
}
