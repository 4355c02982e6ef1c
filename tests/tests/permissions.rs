//! The seed page's permissions table, declared on `Run`: tokens checked before anything is
//! sent, by the request kinds and by the client, and a `403` that says what was needed.

mod support;

use base64::Engine;

use graph_core::client::{ClientError, GraphClient, RetryPolicy};
use graph_core::permissions::Operation;
use graph_core::permissions::Scheme;
use graph_core::{AccessToken, GraphResource};
use graph_examples::lifecycle_workflows::Run;
use graph_examples::samples::queued_run;
use support::{bounded, endpoint, group, raw_response};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A token whose claims are `claims`: clearly fake, unsigned.
fn token_with_claims(claims: &str) -> AccessToken {
    AccessToken::new(format!(
        "eyJhbGciOiJub25lIn0.{}.fake-signature",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
    ))
    .unwrap()
}

const WORK: &str = r#""tid":"72f988bf-86f1-41af-91ab-2d7cd011db47""#;

#[test]
fn the_declared_permissions_are_the_pages() {
    let create = Run::PERMISSIONS.create.unwrap();
    assert_eq!(
        create.delegated,
        Some(&["LifecycleWorkflows.ReadWrite.All"][..])
    );
    assert_eq!(create.personal, None, "the page: Not supported");
    assert_eq!(
        create.application,
        Some(&["LifecycleWorkflows.ReadWrite.All"][..])
    );
    assert!(Run::PERMISSIONS.read.is_none());
}

#[test]
fn check_token_reads_scp_roles_and_tid() {
    let request = queued_run().create_request().unwrap();
    let lacking = token_with_claims(&format!(r#"{{"scp":"User.Read Mail.Send",{WORK}}}"#));
    let error = request.check_token(&lacking).unwrap_err();
    assert_eq!(
        error.to_string(),
        "creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); the token grants User.Read, Mail.Send"
    );
    assert_eq!(error.operation(), Operation::Create);
    assert_eq!(error.granted(), ["User.Read", "Mail.Send"]);
    let _: &dyn std::error::Error = &error;

    let granted = token_with_claims(&format!(
        r#"{{"scp":"User.Read LifecycleWorkflows.ReadWrite.All",{WORK}}}"#
    ));
    assert!(request.check_token(&granted).is_ok());
    let app =
        token_with_claims(r#"{"roles":["LifecycleWorkflows.ReadWrite.All"],"tid":"72f988bf"}"#);
    assert!(request.check_token(&app).is_ok());
    let app_lacking = token_with_claims(r#"{"roles":["User.Read.All"]}"#);
    assert_eq!(
        request.check_token(&app_lacking).unwrap_err().scheme(),
        Scheme::Application
    );
    let personal = token_with_claims(
        r#"{"scp":"LifecycleWorkflows.ReadWrite.All","tid":"9188040d-6c67-4c5b-b112-36a304b66dad"}"#,
    );
    let error = request.check_token(&personal).unwrap_err();
    assert_eq!(error.scheme(), Scheme::Personal);
    assert!(error
        .to_string()
        .contains("is not supported with delegated, personal Microsoft account permissions"));

    // Reading declares nothing, so any token passes; so does an opaque one.
    assert!(Run::get_request("r1")
        .unwrap()
        .check_token(&lacking)
        .is_ok());
    assert!(request
        .check_token(&AccessToken::new("opaque-reference-token").unwrap())
        .is_ok());
    // The message never carries the token.
    assert!(!error.to_string().contains(personal.expose_secret()));
}

#[test]
fn claims_of_the_wrong_shape_are_unreadable_and_pass() {
    let request = queued_run().create_request().unwrap();
    for claims in [
        r#"{"scp":7}"#,
        r#"{"roles":"LifecycleWorkflows.ReadWrite.All"}"#,
        r#"{"roles":[true]}"#,
        r#"{"scp":"User.Read","tid":["x"]}"#,
        r#""a string""#,
        r#"[1,2,3]"#,
        "{",
    ] {
        assert!(
            request.check_token(&token_with_claims(claims)).is_ok(),
            "{claims}"
        );
    }
    for raw in ["a.b", "x.%%%.y", "one.two.three.four"] {
        assert!(
            request.check_token(&AccessToken::new(raw).unwrap()).is_ok(),
            "{raw}"
        );
    }
    let huge = AccessToken::new(format!("h.{}.s", "e".repeat(1 << 20))).unwrap();
    assert!(request.check_token(&huge).is_ok());
}

#[test]
fn a_403_on_a_request_with_declared_permissions_says_what_it_needs() {
    let request = queued_run().create_request().unwrap();
    let response = raw_response(
        403,
        r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}"#,
    );
    let error = request.parse_response(response).unwrap_err();
    assert_eq!(
        error.to_string(),
        "403 Forbidden: Authorization_RequestDenied: Insufficient privileges to complete the operation.; creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); LifecycleWorkflows.ReadWrite.All (application); delegated calls may also need an Entra role that allows it"
    );
    assert!(error.required_permissions().is_some());
    // Without declared permissions, the 403 is Graph's alone.
    let response = raw_response(403, r#"{"error":{"code":"Forbidden"}}"#);
    let error = group()
        .create_request()
        .unwrap()
        .parse_response(response)
        .unwrap_err();
    assert_eq!(error.to_string(), "403 Forbidden: Forbidden");
    assert!(error.required_permissions().is_none());
}

#[tokio::test]
async fn the_client_sends_nothing_for_a_token_that_lacks_the_permission() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(201).set_body_json(
                graph_core::serde_json::json!({"@odata.type": "#microsoft.graph.identityGovernance.run"}),
            ))
            .mount(&server)
            .await;
        let endpoint = endpoint(&server.uri());
        let lacking = token_with_claims(&format!(r#"{{"scp":"User.Read",{WORK}}}"#));
        let client = GraphClient::new(endpoint.clone(), lacking.clone())
            .unwrap()
            .with_retry(RetryPolicy::none());
        let request = queued_run().create_request().unwrap();
        let sent = client.send(&request).await;
        match sent {
            Err(ClientError::Permission(error)) => {
                assert!(error
                    .to_string()
                    .starts_with("creating microsoft.graph.identityGovernance.run needs"));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            server.received_requests().await.unwrap().is_empty(),
            "nothing was sent"
        );

        // Turned off, the request goes, and Graph decides.
        let unchecked = GraphClient::new(endpoint, lacking)
            .unwrap()
            .with_permission_check(false);
        unchecked.send(&request).await.unwrap();
        assert_eq!(server.received_requests().await.unwrap().len(), 1);
    })
    .await;
}
