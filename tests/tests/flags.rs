//! Flags enums (`IsFlags` in Graph's metadata) as `Flags<E>`: written in declaration order
//! joined by `,`, read in any order, case and spacing, unknown members kept where the enum
//! has an `other` variant, the sentinel refused, through resources, actions, unions and
//! batches.

mod support;

use graph_core::resource::GraphType;
use graph_core::serde_json::{self, json, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{
    graph_action, graph_complex, graph_enum, graph_resource, graph_union, Batch, Endpoint, Flags,
    GraphResource,
};
use std::hash::BuildHasher;

use support::{response, token, violations};

/// `microsoft.graph.identityGovernance.lifecycleTaskCategory`: `mover` comes after the
/// sentinel, so Graph sends it only to a request that asks.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum LifecycleTaskCategory {
    Joiner,
    Leaver,
    UnknownFutureValue,
    Mover,
}

/// `microsoft.graph.mailTipsType`, in part, keeping members this code does not know.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum MailTipsType {
    AutomaticReplies,
    MailboxFullStatus,
    CustomMailTip,
    #[graph(other)]
    Other(String),
}

/// `microsoft.graph.recipientScopeType`: neither a sentinel nor an `other` variant.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RecipientScopeType {
    None,
    Internal,
    External,
    ExternalPartner,
    ExternalNonPartner,
}

#[graph_resource(
    path = "/identityGovernance/lifecycleWorkflows/taskDefinitions",
    odata = "#microsoft.graph.identityGovernance.taskDefinition"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct TaskDefinition {
    #[graph(read_only)]
    id: Option<String>,
    display_name: Option<String>,
    #[graph(required)]
    category: Option<Flags<LifecycleTaskCategory>>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct MailTips {
    recipient_scope: Option<Flags<RecipientScopeType>>,
    mail_tips_options: Vec<Flags<MailTipsType>>,
}

/// `POST /me/getMailTips`, whose parameters Graph spells in PascalCase.
#[graph_action(path = "/users/{id}/getMailTips", returns = Vec<MailTips>)]
#[derive(Debug, Clone, Default)]
struct GetMailTips {
    #[graph(rename = "EmailAddresses")]
    email_addresses: Vec<String>,
    #[graph(rename = "MailTipsOptions", required)]
    mail_tips_options: Option<Flags<MailTipsType>>,
}

#[test]
fn a_set_is_written_in_declaration_order_whatever_order_it_was_built_in() {
    let options: Flags<MailTipsType> =
        [MailTipsType::CustomMailTip, MailTipsType::AutomaticReplies]
            .into_iter()
            .collect();
    let call = GetMailTips {
        email_addresses: vec!["adele@contoso.com".into()],
        mail_tips_options: Some(options),
    };
    let request = call.request("me").unwrap();
    assert_eq!(
        request.body(),
        br#"{"EmailAddresses":["adele@contoso.com"],"MailTipsOptions":"automaticReplies,customMailTip"}"#
    );
    // Through serde_json too, and in Display.
    let options = call.mail_tips_options.as_ref().unwrap();
    assert_eq!(
        serde_json::to_string(options).unwrap(),
        r#""automaticReplies,customMailTip""#
    );
    assert_eq!(options.to_string(), "automaticReplies,customMailTip");
    assert_eq!(
        options.iter().collect::<Vec<_>>(),
        [
            &MailTipsType::AutomaticReplies,
            &MailTipsType::CustomMailTip
        ]
    );
    // Inserting one it holds changes nothing.
    let mut more = options.clone();
    assert!(!more.insert(MailTipsType::CustomMailTip));
    assert!(more.insert(MailTipsType::MailboxFullStatus));
    assert_eq!(
        more.to_string(),
        "automaticReplies,mailboxFullStatus,customMailTip"
    );
    assert!(more.remove(&MailTipsType::AutomaticReplies));
    assert!(!more.contains(&MailTipsType::AutomaticReplies));
    assert_eq!(more.len(), 2);
    // The empty set is the empty string.
    assert_eq!(
        serde_json::to_string(&Flags::<MailTipsType>::new()).unwrap(),
        r#""""#
    );
}

#[test]
fn a_set_reads_in_any_order_case_and_spacing() {
    for text in [
        "leaver,joiner",
        "joiner,leaver",
        "Leaver, Joiner",
        "JOINER ,leaver",
        "joiner,leaver,joiner",
    ] {
        let read: TaskDefinition =
            serde_json::from_value(json!({"id": "t", "category": text})).unwrap();
        let category = read.category.as_ref().unwrap();
        assert_eq!(category.len(), 2, "{text}");
        assert!(category.contains(&LifecycleTaskCategory::Joiner), "{text}");
        assert!(category.contains(&LifecycleTaskCategory::Leaver), "{text}");
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({
                "@odata.type": "#microsoft.graph.identityGovernance.taskDefinition",
                "id": "t",
                "category": "joiner,leaver"
            }),
            "{text}"
        );
    }
    let empty: MailTips =
        serde_json::from_value(json!({"recipientScope": "", "mailTipsOptions": []})).unwrap();
    assert_eq!(empty.recipient_scope, Some(Flags::new()));
    // Sets are equal whatever order they were read in.
    let a: Flags<RecipientScopeType> = "internal,external".parse().unwrap();
    let b: Flags<RecipientScopeType> = "External, Internal".parse().unwrap();
    assert_eq!(a, b);
    let state = std::hash::RandomState::new();
    assert_eq!(state.hash_one(&a), state.hash_one(&b));
}

#[test]
fn unknown_members_are_kept_where_the_enum_has_an_other_variant() {
    let read: MailTips = serde_json::from_value(json!({
        "mailTipsOptions": ["maxMessageSize, automaticReplies,Delivery Restriction", "customMailTip"]
    }))
    .unwrap();
    let first = &read.mail_tips_options[0];
    assert!(first.contains(&MailTipsType::Other("maxMessageSize".into())));
    // Declared members first, then the others as read.
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        json!({"mailTipsOptions": ["automaticReplies,maxMessageSize,Delivery Restriction", "customMailTip"]})
    );
    // Sets holding the same unknown members in another order are equal.
    let again: Flags<MailTipsType> = "Delivery Restriction,automaticReplies,maxMessageSize"
        .parse()
        .unwrap();
    assert_eq!(&again, first);
}

#[test]
fn an_unknown_member_without_other_is_the_sentinel_or_an_error_naming_it() {
    // With a sentinel: read as it, and never sent.
    let read: TaskDefinition =
        serde_json::from_value(json!({"category": "joiner,retiree"})).unwrap();
    assert!(read
        .category
        .as_ref()
        .unwrap()
        .contains(&LifecycleTaskCategory::UnknownFutureValue));
    let error = read.create_request().unwrap_err();
    assert_eq!(
        violations(&error),
        [("category", ViolationKind::UnknownFutureValue)]
    );
    let mut sentinel = Flags::new();
    sentinel.insert(LifecycleTaskCategory::Mover);
    sentinel.insert(LifecycleTaskCategory::UnknownFutureValue);
    let written = TaskDefinition {
        category: Some(sentinel),
        ..TaskDefinition::default()
    };
    assert!(written.validate().is_err());

    // With neither: an error naming the member and the property.
    let request = MailTips::get_request_at("/me/mailTips", &[]).unwrap();
    let error = request
        .parse_response(response(
            200,
            &json!({"recipientScope": "internal,galactic", "mailTipsOptions": []}),
        ))
        .unwrap_err();
    assert_eq!(error.property(), Some("recipientScope"));
    assert!(error.to_string().contains("galactic"), "{error}");
    // Commas with nothing between them are refused, saying what was read.
    let error = "internal,,external"
        .parse::<Flags<RecipientScopeType>>()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid Flags `internal,,external`: a member between two commas, or at an end, is empty"
    );
    let error =
        serde_json::from_value::<MailTips>(json!({"recipientScope": "internal,"})).unwrap_err();
    assert!(
        error.to_string().contains("members joined by `,`"),
        "{error}"
    );
    let error = serde_json::from_value::<MailTips>(json!({"recipientScope": 3})).unwrap_err();
    assert!(
        error.to_string().contains("members joined by `,`"),
        "{error}"
    );
}

#[test]
fn a_set_of_an_enum_with_late_members_asks_graph_for_them() {
    let prefer = |request: graph_core::http::Request<Vec<u8>>| {
        request
            .headers()
            .get("prefer")
            .map(|value| value.to_str().unwrap().to_owned())
    };
    let (endpoint, token) = (Endpoint::v1(), token());
    assert_eq!(
        prefer(
            TaskDefinition::list_request()
                .unwrap()
                .to_http(&endpoint, &token)
        )
        .as_deref(),
        Some("include-unknown-enum-members")
    );
    // An `other` variant waits for members too.
    assert!(prefer(
        MailTips::get_request_at("/x", &[])
            .unwrap()
            .to_http(&endpoint, &token)
    )
    .is_some());
    // Neither a declared member after a sentinel nor an `other` variant: nothing asked.
    assert_eq!(
        prefer(
            ScopedTips::get_request_at("/x", &[])
                .unwrap()
                .to_http(&endpoint, &token)
        ),
        None
    );
}

#[graph_complex(odata = "#microsoft.graph.mailTips")]
#[derive(Debug, Clone, PartialEq, Default)]
struct ScopedTips {
    recipient_scope: Option<Flags<RecipientScopeType>>,
}

#[graph_union(odata = "#microsoft.graph.identityGovernance.taskDefinition")]
#[derive(Debug, Clone, PartialEq)]
enum Definition {
    Task(TaskDefinition),
    Tips(ScopedTips),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_resource(path = "/holders", odata = "#microsoft.graph.holder")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Holder {
    definitions: Vec<Definition>,
}

#[test]
fn sets_go_through_unions_and_batches() {
    let read: Vec<Definition> = serde_json::from_value(json!([
        {"@odata.type": "#microsoft.graph.identityGovernance.taskDefinition", "category": "Mover,joiner"},
        {"@odata.type": "#microsoft.graph.mailTips", "recipientScope": "externalPartner, internal"},
    ]))
    .unwrap();
    let Definition::Task(task) = &read[0] else {
        panic!("{read:?}")
    };
    assert_eq!(task.category.as_ref().unwrap().to_string(), "joiner,mover");
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        json!([
            {"@odata.type": "#microsoft.graph.identityGovernance.taskDefinition", "category": "joiner,mover"},
            {"@odata.type": "#microsoft.graph.mailTips", "recipientScope": "internal,externalPartner"},
        ])
    );
    // A union holding the sentinel in a set is refused where it is.
    let sentinel = Definition::Task(TaskDefinition {
        category: Some(Flags::from([LifecycleTaskCategory::UnknownFutureValue])),
        ..TaskDefinition::default()
    });
    let holder = Holder {
        definitions: vec![read[1].clone(), sentinel],
    };
    assert_eq!(
        violations(&holder.validate().unwrap_err()),
        [("definitions[1].category", ViolationKind::UnknownFutureValue)]
    );

    let mut batch = Batch::new();
    let created = batch
        .add(
            &TaskDefinition {
                display_name: Some("Welcome".into()),
                category: Some(Flags::from([
                    LifecycleTaskCategory::Mover,
                    LifecycleTaskCategory::Joiner,
                ])),
                ..TaskDefinition::default()
            }
            .create_request()
            .unwrap(),
        )
        .unwrap();
    let tips = batch
        .add(
            &GetMailTips {
                email_addresses: vec!["a@contoso.com".into()],
                mail_tips_options: Some(Flags::from([MailTipsType::Other(
                    "recipientScope".into(),
                )])),
            }
            .request("me")
            .unwrap(),
        )
        .unwrap();
    let body: Value = serde_json::from_slice(&batch.body(&Endpoint::v1())).unwrap();
    assert_eq!(body["requests"][0]["body"]["category"], "joiner,mover");
    assert_eq!(
        body["requests"][1]["body"]["MailTipsOptions"],
        "recipientScope"
    );
    let answer = json!({"responses": [
        {"id": "1", "status": 201, "body": {"id": "new", "category": "mover, JOINER"}},
        {"id": "2", "status": 200, "body": {"value": [
            {"recipientScope": "external,internal", "mailTipsOptions": ["customMailTip"]}
        ]}},
    ]});
    let mut answer = batch.parse_response(response(200, &answer)).unwrap();
    let created = answer.take(created).unwrap();
    assert_eq!(created.category.unwrap().to_string(), "joiner,mover");
    let tips = answer.take(tips).unwrap();
    assert_eq!(
        tips[0].recipient_scope.as_ref().unwrap().to_string(),
        "internal,external"
    );
}

#[test]
fn a_workflow_task_reads_its_categories_and_never_sends_them() {
    use graph_examples::lifecycle_workflows::{
        LifecycleTaskCategory, LifecycleWorkflowCategory, OnDemandExecutionOnly, Task, Workflow,
        WorkflowExecutionConditions,
    };
    // As Graph's "List tasks" page answers.
    let task: Task = serde_json::from_value(json!({
        "category": "joiner,leaver",
        "continueOnError": false,
        "description": "Enable user account in the directory",
        "displayName": "Enable User Account",
        "executionSequence": 1,
        "id": "4a0a7f5a-1cbb-4a4d-9a7c-4b8ec4c1d7c8",
        "isEnabled": true,
        "taskDefinitionId": "6fc52c9d-398b-4305-9763-15f42c1676fc",
        "arguments": []
    }))
    .unwrap();
    let category = task.category.as_ref().unwrap();
    assert!(category.contains(&LifecycleTaskCategory::Leaver));
    assert!(!category.contains(&LifecycleTaskCategory::Mover));
    let workflow = Workflow {
        category: Some(LifecycleWorkflowCategory::Joiner),
        display_name: Some("Onboard".into()),
        execution_conditions: Some(WorkflowExecutionConditions::OnDemandExecutionOnly(
            OnDemandExecutionOnly {},
        )),
        tasks: Some(vec![task.clone()]),
        ..Workflow::default()
    };
    let body: Value = serde_json::from_slice(workflow.create_request().unwrap().body()).unwrap();
    let body = &body["tasks"][0];
    assert_eq!(body["displayName"], "Enable User Account");
    assert!(body.get("category").is_none(), "{body}");
    assert_eq!(
        serde_json::to_value(&task).unwrap()["category"],
        "joiner,leaver"
    );
}

#[test]
fn many_unknown_and_repeated_members_read_as_one_set_each() {
    let names: Vec<String> = (0..20_000).map(|n| format!("future{n}")).collect();
    let text = format!("{},{},customMailTip", names.join(","), names.join(", "));
    let read: Flags<MailTipsType> = text.parse().unwrap();
    assert_eq!(read.len(), 20_001);
    assert_eq!(
        read.iter().next(),
        Some(&MailTipsType::CustomMailTip),
        "declared members first"
    );
    assert_eq!(
        read.iter().nth(1),
        Some(&MailTipsType::Other("future0".into()))
    );
    // Unknown members compare in any case, as declared ones read.
    let shouted: Flags<MailTipsType> = text.to_uppercase().parse().unwrap();
    assert_eq!(shouted, read);
    let once: Flags<MailTipsType> = "foo,FOO".parse().unwrap();
    assert_eq!(once.len(), 1);
}
