//! Structs that graph-gen wrote from a small CSDL in Graph's shape
//! (`graph-gen/tests/fixtures/small.xml`, into `tests/tests/generated/`): they compile
//! without warnings, read real-shaped JSON for user, group, message, event, driveItem,
//! application, servicePrincipal and subscription, and write it back as read; the flags
//! enum, the union of derived types, the boxed self-containing type, the renames and the
//! paths work as hand-written ones do. `graph-gen`'s own tests check that these files are
//! what it writes now.

mod generated;
mod support;

use generated::identity_governance::Workflow;
use generated::{
    AnyWorkflowExecutionConditions, Application, BodyType, DriveItem, Event, Group, Importance,
    LifecycleTaskCategory, Message, OsPlatform, ServicePrincipal, Subscription, UsageReport, User,
};
use graph_core::serde_json::{self, json, Value};
use graph_core::Endpoint;

/// `value` read as `T` and written back: the same JSON.
fn round_trip<T>(value: &Value) -> T
where
    T: graph_core::serde::de::DeserializeOwned + graph_core::serde::Serialize,
{
    let read: T = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(&serde_json::to_value(&read).unwrap(), value);
    read
}

#[test]
fn a_user_reads_and_writes_back_with_its_renames_and_what_it_does_not_declare() {
    let json = json!({
        "@odata.type": "#microsoft.graph.user",
        "id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd",
        "accountEnabled": true,
        "businessPhones": ["+1 425 555 0109"],
        "createdDateTime": "2024-05-01T08:30:12Z",
        "displayName": "Adele Vance",
        "isMFARegistered": true,
        "passwordProfile": {"forceChangePasswordNextSignIn": true, "password": "xWwvJ]6NMw+bWH-d"},
        "self": "https://graph.microsoft.com/v1.0/users/87d349ed",
        "type": "Member",
        "userPrincipalName": "AdeleV@contoso.com",
        "usageQuota": 9007199254740993_i64,
        "preferredLanguage": "en-US"
    });
    let user: User = round_trip(&json);
    assert_eq!(user.is_mfa_registered, Some(true));
    assert_eq!(user.r#type.as_deref(), Some("Member"));
    assert_eq!(
        user.self_.as_deref(),
        Some("https://graph.microsoft.com/v1.0/users/87d349ed")
    );
    assert_eq!(user.usage_quota, Some(9_007_199_254_740_993));
    assert_eq!(user.additional_data["preferredLanguage"], "en-US");
    // The path from the entity set; the id and createdDateTime are not sent.
    let created = User {
        display_name: Some("Alex Wilber".into()),
        ..User::default()
    };
    let request = created.create_request().unwrap();
    let sent = request.to_http(&Endpoint::v1(), &support::token());
    assert_eq!(sent.uri().path(), "/v1.0/users");
    let sent_read = User {
        id: Some("x".into()),
        created_date_time: Some("2024-05-01T08:30:12Z".parse().unwrap()),
        ..created
    };
    let body = sent_read.create_request().unwrap();
    let body: Value =
        serde_json::from_slice(body.to_http(&Endpoint::v1(), &support::token()).body()).unwrap();
    assert_eq!(
        body,
        json!({"@odata.type": "#microsoft.graph.user", "displayName": "Alex Wilber"})
    );
}

#[test]
fn the_seven_other_types_read_real_shaped_json() {
    round_trip::<Group>(
        &json!({"@odata.type": "#microsoft.graph.group", "id": "g1", "displayName": "Library", "mailEnabled": false}),
    );
    let message: Message = round_trip(&json!({
        "@odata.type": "#microsoft.graph.message",
        "id": "AAMkAGUwNjQ4ZjIxAAA=",
        "body": {"content": "<p>Hi</p>", "contentType": "html"},
        "importance": "high",
        "receivedDateTime": "2026-12-07T09:00:00Z",
        "subject": "Quarterly review",
        "toRecipients": [{"emailAddress": {"address": "AlexW@contoso.com", "name": "Alex Wilber"}}],
        "@odata.etag": "W/\"CQAAABYAAAA\""
    }));
    assert_eq!(message.importance, Some(Importance::High));
    assert_eq!(message.body.unwrap().content_type, Some(BodyType::Html));
    let event: Event = round_trip(
        &json!({"@odata.type": "#microsoft.graph.event", "id": "e1", "isAllDay": false,
        "start": {"dateTime": "2026-12-08T09:00:00.0000000", "timeZone": "Pacific Standard Time"}, "subject": "Review"}),
    );
    assert_eq!(
        event.start.unwrap().time_zone.as_deref(),
        Some("Pacific Standard Time")
    );
    // A drive item's folder holds itself (boxed), and its content is not a property.
    let item: DriveItem = round_trip(
        &json!({"@odata.type": "#microsoft.graph.driveItem", "id": "01BYE5RZ", "name": "q1.pdf",
        "size": 1_048_576, "lastModifiedDateTime": "2026-12-01T10:00:00Z",
        "folder": {"name": "reports", "parent": {"name": "root"}, "children": [{"name": "2026"}]}}),
    );
    assert_eq!(
        item.folder.unwrap().parent.unwrap().name.as_deref(),
        Some("root")
    );
    round_trip::<Application>(
        &json!({"@odata.type": "#microsoft.graph.application", "id": "a1", "appId": "00000003-0000-0000-c000-000000000000",
        "displayName": "Contoso", "signInAudience": "AzureADMyOrg"}),
    );
    round_trip::<ServicePrincipal>(
        &json!({"@odata.type": "#microsoft.graph.servicePrincipal", "id": "s1", "appId": "a1",
        "appRoleAssignmentRequired": false, "servicePrincipalType": "Application", "tags": ["WindowsAzureActiveDirectoryIntegratedApp"]}),
    );
    let subscription: Subscription = round_trip(
        &json!({"@odata.type": "#microsoft.graph.subscription", "id": "7f105c7d",
        "changeType": "created", "expirationDateTime": "2026-12-09T18:23:45.9356913Z",
        "notificationUrl": "https://webhook.contoso.com/api", "resource": "/me/messages", "encryptionCertificate": "MIIB"}),
    );
    assert_eq!(
        subscription.encryption_certificate.unwrap().as_bytes(),
        [0x30, 0x82, 0x01]
    );
}

#[test]
fn flags_unions_unknown_members_and_paths_work_as_hand_written_ones() {
    let workflow: Workflow = round_trip(&json!({
        "@odata.type": "#microsoft.graph.identityGovernance.workflow",
        "id": "w1",
        "category": "joiner,mover",
        "displayName": "Onboard",
        "executionConditions": {"@odata.type": "#microsoft.graph.triggerAndScopeBasedConditions", "trigger": "hire", "scope": {"rule": "department eq 'Sales'"}},
        "owner": {"@odata.type": "#microsoft.graph.user", "displayName": "Adele Vance"}
    }));
    let category = workflow.category.as_ref().unwrap();
    assert!(category.contains(&LifecycleTaskCategory::Joiner));
    assert!(category.contains(&LifecycleTaskCategory::Mover));
    let Some(AnyWorkflowExecutionConditions::TriggerAndScopeBasedConditions(conditions)) =
        &workflow.execution_conditions
    else {
        panic!("{:?}", workflow.execution_conditions);
    };
    assert_eq!(
        conditions.scope.as_ref().unwrap()["rule"],
        "department eq 'Sales'"
    );
    // A derived type this code does not know is kept whole.
    let unknown: Workflow = round_trip(
        &json!({"@odata.type": "#microsoft.graph.identityGovernance.workflow",
        "executionConditions": {"@odata.type": "#microsoft.graph.futureConditions", "x": 1}}),
    );
    assert!(matches!(
        unknown.execution_conditions,
        Some(AnyWorkflowExecutionConditions::Other(_))
    ));
    // Enum members: renames, one named `other`, and an unknown member kept.
    let report: UsageReport =
        round_trip(&json!({"@odata.type": "#microsoft.graph.usageReport", "platform": "24Hours"}));
    assert_eq!(report.platform, Some(OsPlatform::V24Hours));
    let report: UsageReport =
        round_trip(&json!({"@odata.type": "#microsoft.graph.usageReport", "platform": "other"}));
    assert_eq!(report.platform, Some(OsPlatform::Other));
    let report: UsageReport =
        round_trip(&json!({"@odata.type": "#microsoft.graph.usageReport", "platform": "visionOS"}));
    assert_eq!(
        report.platform,
        Some(OsPlatform::OtherMember("visionOS".into()))
    );
    // Paths: containment from the entity set, and from a singleton.
    let messages = Message::list_request("AdeleV@contoso.com").unwrap();
    assert_eq!(
        messages
            .to_http(&Endpoint::v1(), &support::token())
            .uri()
            .path(),
        "/v1.0/users/AdeleV%40contoso.com/messages"
    );
    let created = Workflow {
        display_name: Some("Onboard".into()),
        ..Workflow::default()
    }
    .create_request()
    .unwrap();
    assert_eq!(
        created
            .to_http(&Endpoint::v1(), &support::token())
            .uri()
            .path(),
        "/v1.0/identityGovernance/lifecycleWorkflows/workflows"
    );
}
