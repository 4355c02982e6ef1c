//! Actions (`#[graph_action]`): `POST` of the action's path with its parameters as the
//! body. Exact paths and bodies (none for an action without parameters), validation of the
//! parameters, every success Graph answers (`200`, `202`, `204`) and what each `returns`
//! reads, the action's own permissions, batches mixing actions, references and creates,
//! and the client on loopback, which never sends an action twice after an answer that may
//! mean it was carried out.

mod support;

use graph_core::serde_json::{self, json, Value};
use graph_core::validation::ViolationKind;
use graph_core::{
    graph_action, graph_complex, graph_enum, graph_union, AccessToken, ActionRequest, Batch,
    Endpoint, GraphErrorKind, RefRequest,
};
use graph_examples::mail::{
    BodyType, CheckMemberGroups, EmailAddress, ItemBody, Message, Recipient, RevokeSignInSessions,
    SendMail,
};
use graph_examples::samples::queued_run;
use support::{bounded, client, raw_response, response, run_json, token, violations};
use wiremock::matchers::{body_json, header_exists, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn mail() -> SendMail {
    SendMail {
        message: Some(Message {
            subject: Some("Meet for lunch?".into()),
            body: Some(ItemBody {
                content_type: Some(BodyType::Text),
                content: Some("The new cafeteria is open.".into()),
            }),
            to_recipients: Some(vec![Recipient::to("frannis@contoso.com")]),
            cc_recipients: None,
            attachments: None,
        }),
        save_to_sent_items: Some(false),
    }
}

fn token_with(claims: &str) -> AccessToken {
    use base64::Engine as _;
    AccessToken::new(format!(
        "eyJhbGciOiJub25lIn0.{}.fake-signature",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
    ))
    .unwrap()
}

/// A value an action returns whole (a complex type).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct PasswordResetResponse {
    new_password: Option<String>,
}

#[graph_action(
    path = "/users/{user-id}/authentication/methods/{method-id}/resetPassword",
    returns = PasswordResetResponse
)]
#[derive(Default)]
struct ResetPassword {
    new_password: Option<String>,
}

#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RiskLevel {
    Low,
    High,
    UnknownFutureValue,
}

/// An action returning an enum, read from `value`.
#[graph_action(path = "/risk/{id}/assess", returns = RiskLevel)]
struct Assess;

#[graph_complex(odata = "#microsoft.graph.fileAttachment")]
#[derive(Debug, Clone, PartialEq, Default)]
struct FileAttachment {
    name: Option<String>,
}

#[graph_union(odata = "#microsoft.graph.attachment")]
#[derive(Debug, Clone, PartialEq)]
enum Attachment {
    File(FileAttachment),
}

/// Actions returning a union, a collection of complex types and a value type.
#[graph_action(path = "/me/messages/{id}/firstAttachment", returns = Attachment)]
struct FirstAttachment;

#[graph_action(path = "/me/messages/{id}/attachmentsOf", returns = Vec<FileAttachment>)]
struct AttachmentsOf;

#[graph_action(path = "/me/clock", returns = graph_core::DateTimeOffset)]
struct Clock;

#[test]
fn an_action_posts_its_parameters_to_its_path() {
    let request = mail().request("adele vance@contoso.com").unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.path(),
        "/users/adele%20vance%40contoso.com/sendMail"
    );
    assert_eq!(
        request.body(),
        br#"{"message":{"subject":"Meet for lunch?","body":{"contentType":"text","content":"The new cafeteria is open."},"toRecipients":[{"emailAddress":{"address":"frannis@contoso.com"}}]},"saveToSentItems":false}"#
    );
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert_eq!(
        sent.uri(),
        "https://graph.microsoft.com/v1.0/users/adele%20vance%40contoso.com/sendMail"
    );
    assert_eq!(sent.headers()["content-type"], "application/json");

    // Any other documented path of the same action.
    let me = mail().request_at("/me/sendMail", &[]).unwrap();
    assert_eq!(me.path(), "/me/sendMail");
    assert_eq!(me.body(), request.body());

    let check = CheckMemberGroups {
        group_ids: Some(vec!["fee2c45b".into(), "4fe90ae7".into()]),
    };
    let request = check.request("b4e8c2d5").unwrap();
    assert_eq!(
        request.path(),
        "/directoryObjects/b4e8c2d5/checkMemberGroups"
    );
    assert_eq!(request.body(), br#"{"groupIds":["fee2c45b","4fe90ae7"]}"#);
    assert_eq!(
        format!("{request:?}"),
        r#"ActionRequest { method: POST, path: "/directoryObjects/b4e8c2d5/checkMemberGroups", body_len: 36, .. }"#
    );
}

#[test]
fn an_action_without_parameters_sends_no_body() {
    let request = RevokeSignInSessions.request("adele").unwrap();
    assert_eq!(request.path(), "/users/adele/revokeSignInSessions");
    assert!(request.body().is_empty());
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert!(sent.body().is_empty());
    assert!(sent.headers().get("content-type").is_none());

    // A struct with fields, none set, sends an empty object: the parameters are optional.
    let reset = ResetPassword::default().request("u", "m").unwrap();
    assert_eq!(reset.body(), b"{}");
}

#[test]
fn parameters_are_validated_before_anything_is_built() {
    let error = SendMail::default().request("").unwrap_err();
    assert_eq!(
        violations(&error),
        [
            ("message", ViolationKind::MissingRequired),
            ("id", ViolationKind::EmptyPathParameter),
        ]
    );
    assert!(
        error.to_string().starts_with("sendMail is not valid"),
        "{error}"
    );

    // Nested: a recipient without an address, a sentinel.
    let mut nested = mail();
    let message = nested.message.as_mut().unwrap();
    message.cc_recipients = Some(vec![Recipient {
        email_address: Some(EmailAddress {
            name: Some("Alex".into()),
            address: None,
        }),
    }]);
    let error = nested.request("adele").unwrap_err();
    assert_eq!(
        violations(&error),
        [(
            "message.ccRecipients[0].emailAddress.address",
            ViolationKind::MissingRequired
        )]
    );
    let error = Assess.request("").unwrap_err();
    assert_eq!(
        violations(&error),
        [("id", ViolationKind::EmptyPathParameter)]
    );

    // `request_at` holds its template to the rules.
    let error = mail().request_at("/users/{id}/sendMail", &[]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::PathParameterCount
    );
    let error = mail().request_at("me/sendMail", &[]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::InvalidPathTemplate
    );
}

#[test]
fn an_action_returning_nothing_succeeds_on_any_2xx() {
    let request: ActionRequest<()> = mail().request("adele").unwrap();
    for status in [200, 202, 204] {
        request.parse_response(raw_response(status, "")).unwrap();
    }
    // A 200 with a body it does not read is a success too.
    request
        .parse_response(response(200, &json!({"ok": true})))
        .unwrap();
    let error = request
        .parse_response(response(
            400,
            &json!({"error": {"code": "ErrorInvalidRecipients", "message": "At least one recipient is not valid."}}),
        ))
        .unwrap_err();
    assert_eq!(error.kind(), GraphErrorKind::Service);
    assert_eq!(error.code(), Some("ErrorInvalidRecipients"));
    // A redirect or an informational status is no success.
    assert!(request.parse_response(raw_response(302, "")).is_err());
}

#[test]
fn an_action_returning_a_value_reads_it_from_value() {
    let groups = CheckMemberGroups {
        group_ids: Some(vec!["a".into()]),
    }
    .request("o")
    .unwrap();
    let read: Vec<String> = groups
        .parse_response(response(
            200,
            &json!({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)", "value": ["a"]}),
        ))
        .unwrap();
    assert_eq!(read, ["a"]);
    // A 204 where a value is expected, a body without `value`, a value of another type.
    for (status, body) in [
        (204, ""),
        (202, ""),
        (200, r#"{"values":["a"]}"#),
        (200, r#"{"value":"a"}"#),
        (200, "not json"),
    ] {
        let error = groups
            .parse_response(raw_response(status, body))
            .unwrap_err();
        assert!(
            !error.to_string().is_empty() && error.status().as_u16() == status,
            "{status} {body}: {error}"
        );
    }

    let revoke = RevokeSignInSessions.request("adele").unwrap();
    assert!(revoke
        .parse_response(response(200, &json!({"value": true})))
        .unwrap());

    let level = Assess.request("r").unwrap();
    assert_eq!(
        level
            .parse_response(response(200, &json!({"value": "high"})))
            .unwrap(),
        RiskLevel::High
    );

    let clock = Clock.request().unwrap();
    let now = clock
        .parse_response(response(200, &json!({"value": "2024-05-01T09:00:00Z"})))
        .unwrap();
    assert_eq!(now.to_string(), "2024-05-01T09:00:00Z");

    let attachments = AttachmentsOf.request("m").unwrap();
    let read = attachments
        .parse_response(response(200, &json!({"value": [{"name": "a.txt"}]})))
        .unwrap();
    assert_eq!(read[0].name.as_deref(), Some("a.txt"));
}

#[test]
fn an_action_returning_a_graph_type_reads_the_whole_body() {
    let reset = ResetPassword {
        new_password: Some("x".into()),
    }
    .request("u", "m")
    .unwrap();
    assert_eq!(
        reset.path(),
        "/users/u/authentication/methods/m/resetPassword"
    );
    let read = reset
        .parse_response(response(200, &json!({"newPassword": "Cuyo5459"})))
        .unwrap();
    assert_eq!(read.new_password.as_deref(), Some("Cuyo5459"));
    let error = reset.parse_response(raw_response(202, "")).unwrap_err();
    assert_eq!(error.status().as_u16(), 202);

    let first = FirstAttachment.request("m").unwrap();
    let read = first
        .parse_response(response(
            200,
            &json!({"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt"}),
        ))
        .unwrap();
    assert_eq!(
        read,
        Attachment::File(FileAttachment {
            name: Some("a.txt".into())
        })
    );
}

#[test]
fn an_action_is_held_to_its_own_permissions() {
    let request = mail().request("adele").unwrap();
    let work = r#""tid":"72f988bf-86f1-41af-91ab-2d7cd011db47""#;
    let reader = token_with(&format!(r#"{{"scp":"User.Read",{work}}}"#));
    let error = request.check_token(&reader).unwrap_err();
    assert_eq!(
        error.to_string(),
        "calling sendMail needs Mail.Send (delegated, work or school account); the token grants User.Read"
    );
    request
        .check_token(&token_with(&format!(r#"{{"scp":"Mail.Send",{work}}}"#)))
        .unwrap();
    request
        .check_token(&token_with(r#"{"roles":["Mail.Send"]}"#))
        .unwrap();
    // The least privileged of a list, or any other in it, will do.
    let check = CheckMemberGroups {
        group_ids: Some(vec!["g".into()]),
    }
    .request("o")
    .unwrap();
    check
        .check_token(&token_with(r#"{"roles":["Directory.Read.All"]}"#))
        .unwrap();
    // A 403 says what the action needs.
    let error = request
        .parse_response(response(
            403,
            &json!({"error": {"code": "ErrorAccessDenied", "message": "Access is denied."}}),
        ))
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("calling sendMail needs Mail.Send (delegated, work or school account)"),
        "{error}"
    );
    // An action without a table passes any token.
    Assess.request("r").unwrap().check_token(&reader).unwrap();
}

#[test]
fn a_batch_mixes_actions_references_and_creates() {
    let mut batch = Batch::new();
    let created = batch.add(&queued_run().create_request().unwrap()).unwrap();
    let sent = batch
        .add_after(&mail().request("adele").unwrap(), &[created.id()])
        .unwrap();
    let revoked = batch
        .add(&RevokeSignInSessions.request("alex").unwrap())
        .unwrap();
    let added = batch
        .add(&RefRequest::add("/groups/{id}/members", &["g"], "/users/{id}", &["u"]).unwrap())
        .unwrap();
    let body: Value = serde_json::from_slice(&batch.body(&Endpoint::v1())).unwrap();
    let requests = body["requests"].as_array().unwrap();
    assert_eq!(requests[1]["method"], "POST");
    assert_eq!(requests[1]["url"], "/users/adele/sendMail");
    assert_eq!(
        requests[1]["body"],
        serde_json::from_slice::<Value>(mail().request("adele").unwrap().body()).unwrap()
    );
    assert_eq!(requests[1]["headers"]["content-type"], "application/json");
    assert_eq!(requests[1]["dependsOn"], json!(["1"]));
    assert_eq!(requests[2]["url"], "/users/alex/revokeSignInSessions");
    assert!(requests[2].get("body").is_none());
    assert!(requests[2].get("headers").is_none());
    assert_eq!(requests[3]["url"], "/groups/g/members/$ref");

    let answer = json!({"responses": [
        {"id": "1", "status": 201, "body": run_json("new")},
        {"id": "2", "status": 202},
        {"id": "3", "status": 200, "body": {"value": true}},
        {"id": "4", "status": 204},
    ]});
    let mut answer = batch.parse_response(response(200, &answer)).unwrap();
    assert_eq!(answer.take(created).unwrap().id.as_deref(), Some("new"));
    answer.take(sent).unwrap();
    assert!(answer.take(revoked).unwrap());
    answer.take(added).unwrap();
}

#[tokio::test]
async fn the_client_calls_actions_and_never_repeats_one_that_may_be_done() {
    bounded(async {
        let graph = MockServer::start().await;
        let sent: Value = serde_json::from_slice(mail().request("adele").unwrap().body()).unwrap();
        Mock::given(method("POST"))
            .and(path("/beta/users/adele/sendMail"))
            .and(header_exists("authorization"))
            .and(body_json(sent))
            .respond_with(ResponseTemplate::new(202))
            .expect(1)
            .mount(&graph)
            .await;
        Mock::given(method("POST"))
            .and(path("/beta/directoryObjects/o/checkMemberGroups"))
            .and(body_json(json!({"groupIds": ["a", "b"]})))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": ["b"]})))
            .expect(1)
            .mount(&graph)
            .await;
        let client = client(&graph.uri());
        client
            .send(&mail().request("adele").unwrap())
            .await
            .unwrap();
        let check = CheckMemberGroups {
            group_ids: Some(vec!["a".into(), "b".into()]),
        };
        let member_of = client.send(&check.request("o").unwrap()).await.unwrap();
        assert_eq!(member_of, ["b"]);

        // A 504 may mean the mail went: sent once, never again.
        Mock::given(method("POST"))
            .and(path("/beta/users/gateway/sendMail"))
            .respond_with(ResponseTemplate::new(504))
            .expect(1)
            .mount(&graph)
            .await;
        let error = client
            .send(&mail().request("gateway").unwrap())
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 504);

        // A 503 says nothing was done: retried, and then sent.
        Mock::given(method("POST"))
            .and(path("/beta/users/busy/revokeSignInSessions"))
            .respond_with(ResponseTemplate::new(503).insert_header("retry-after", "0"))
            .up_to_n_times(1)
            .expect(1)
            .mount(&graph)
            .await;
        Mock::given(method("POST"))
            .and(path("/beta/users/busy/revokeSignInSessions"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": true})))
            .expect(1)
            .mount(&graph)
            .await;
        assert!(client
            .send(&RevokeSignInSessions.request("busy").unwrap())
            .await
            .unwrap());
    })
    .await;
}
