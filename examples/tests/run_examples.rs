//! The examples run as a user runs them: `create_run` against a Graph stand-in on loopback,
//! for a `201 Created` and for a Graph error, and both examples without a token.

use std::path::PathBuf;
use std::process::{Command, Output};

use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "eyJ0eXAiOiJKV1Qi.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";

/// `cargo test` builds the examples beside the test binaries: `target/<profile>/examples`.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    profile.join("examples").join(name)
}

fn run(name: &str, env: &[(&str, &str)]) -> (Output, String, String) {
    let mut command = Command::new(example(name));
    command
        .env_remove("GRAPH_ACCESS_TOKEN")
        .env_remove("GRAPH_BASE_URL");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    (output, stdout, stderr)
}

#[test]
fn create_run_prints_the_request_and_the_violations_without_a_token() {
    let (output, stdout, _) = run("create_run", &[]);
    assert!(output.status.success());
    assert!(stdout.starts_with("POST https://graph.microsoft.com/beta/workflowBase/runs\n"));
    assert!(stdout.contains("Authorization: Bearer {token}\n"));
    assert!(stdout.contains("\"@odata.type\": \"#microsoft.graph.identityGovernance.run\""));
    assert!(stdout.contains("required property `failedTasksCount` is missing"));
}

#[test]
fn create_user_prints_the_request_and_the_nested_violation() {
    let (output, stdout, _) = run("create_user", &[]);
    assert!(output.status.success());
    assert!(stdout.starts_with("POST https://graph.microsoft.com/v1.0/users\n"));
    assert!(stdout.contains("passwordProfile.password: MissingRequired"));
}

#[tokio::test]
async fn create_run_sends_and_prints_the_created_run() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/beta/workflowBase/runs"))
        .respond_with(ResponseTemplate::new(201).set_body_raw(
            r##"{"@odata.type":"#microsoft.graph.identityGovernance.run","id":"9947396f-3691-e265-b1e5-2ea86c0c89d6","failedTasksCount":0,"processingStatus":"completed"}"##,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let base = format!("{}/beta", server.uri());
    let (output, stdout, stderr) = tokio::task::spawn_blocking(move || {
        run(
            "create_run",
            &[("GRAPH_ACCESS_TOKEN", TOKEN), ("GRAPH_BASE_URL", &base)],
        )
    })
    .await
    .unwrap();
    assert!(output.status.success(), "{stderr}");
    assert!(stdout.contains("Created:\n"), "{stdout}");
    assert!(
        stdout.contains("\"id\": \"9947396f-3691-e265-b1e5-2ea86c0c89d6\""),
        "{stdout}"
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
    let received = server.received_requests().await.unwrap();
    assert_eq!(
        received[0].headers["authorization"].to_str().unwrap(),
        format!("Bearer {TOKEN}")
    );
}

#[tokio::test]
async fn create_run_prints_a_graph_error_and_exits_non_zero() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_raw(
            r#"{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"date":"2024-05-01T08:30:12","request-id":"5ad6ad2c","client-request-id":"0f4b2f3a"}}}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let base = format!("{}/beta", server.uri());
    let (output, stdout, stderr) = tokio::task::spawn_blocking(move || {
        run(
            "create_run",
            &[("GRAPH_ACCESS_TOKEN", TOKEN), ("GRAPH_BASE_URL", &base)],
        )
    })
    .await
    .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr.starts_with("error: 403 Forbidden: Authorization_RequestDenied: Insufficient privileges to complete the operation. (request-id 5ad6ad2c)\n"),
        "{stderr}"
    );
    assert!(stderr.contains("  request-id: 5ad6ad2c\n"), "{stderr}");
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));
}

#[test]
fn list_runs_pages_updates_with_a_cleared_property_and_deletes() {
    let (output, stdout, stderr) = run("list_runs", &[]);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        stdout.matches("\nGET ").count() + usize::from(stdout.starts_with("GET ")),
        2
    );
    assert!(stdout.contains("&$skiptoken=M2UyZDAwMDAtZTI\n"));
    assert!(stdout.contains("3 runs in all"));
    // `processingStatus` keeps members it does not know, so every request but the delete
    // asks Graph for them.
    assert_eq!(
        stdout
            .matches("prefer: include-unknown-enum-members, odata.maxpagesize=2")
            .count(),
        2
    );
    assert_eq!(stdout.matches("include-unknown-enum-members").count(), 3);
    assert!(stdout.contains(r#""failedUsersCount":0,"completedDateTime":null}"#));
    assert!(stdout.contains("if-match: W/\"JzEtMjQ=\""));
    assert!(stdout.contains("\nDELETE https://graph.microsoft.com/beta/identityGovernance/"));
    assert!(!stdout.contains("not-a-real-token"));
}
