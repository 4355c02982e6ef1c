//! Builds the run from Graph's "Create run" page, validates it and prints the request as the
//! page shows it; then shows what the permission check says for a token without the page's
//! permission, and what validation reports for a run with properties missing.
//!
//! Built with the client (`--features graph-examples/client`) and with `GRAPH_ACCESS_TOKEN`
//! set, it sends the request instead, to `GRAPH_BASE_URL` (default
//! `https://graph.microsoft.com/beta`), and prints the created run or Graph's error
//! (exiting non-zero). The token is never printed.
//!
//! ```sh
//! cargo run --example create_run
//! GRAPH_ACCESS_TOKEN=eyJ0eXAi... cargo run --example create_run --features graph-examples/client
//! ```

use std::process::ExitCode;

#[cfg(feature = "client")]
use graph_core::client::{ClientError, GraphClient};
#[cfg(feature = "client")]
use graph_core::serde_json;
use graph_core::{AccessToken, CreateRequest, DateTimeOffset, Endpoint, ValidationError};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, WorkflowExecutionType,
};
use graph_examples::show::print_http;

/// An unsigned token whose claims grant `User.Read Mail.Send` only: not a real token.
const FAKE_TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20iLCJzY3AiOiJVc2VyLlJlYWQgTWFpbC5TZW5kIiwidGlkIjoiNzJmOTg4YmYtODZmMS00MWFmLTkxYWItMmQ3Y2QwMTFkYjQ3IiwibmFtZSI6IkV4YW1wbGUgb25seSJ9.not-a-signature";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let at = |text: &str| text.parse::<DateTimeOffset>();
    let run = Run {
        completed_date_time: Some(at("2024-05-01T09:14:02.1348863Z")?),
        failed_tasks_count: Some(0),
        failed_users_count: Some(0),
        last_updated_date_time: Some(at("2024-05-01T09:14:02.1348863Z")?),
        processing_status: Some(LifecycleWorkflowProcessingStatus::Completed),
        started_date_time: Some(at("2024-05-01T09:00:03.52Z")?),
        scheduled_date_time: Some(at("2024-05-01T09:00:00Z")?),
        successful_users_count: Some(12),
        total_users_count: Some(12),
        total_unprocessed_tasks_count: Some(0),
        workflow_execution_type: Some(WorkflowExecutionType::Scheduled),
        ..Run::default()
    };
    let request = run.create_request()?;

    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/beta".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    let token = match std::env::var("GRAPH_ACCESS_TOKEN") {
        Ok(token) => Some(AccessToken::new(token)?),
        Err(_) => None,
    };
    print_request(&request, &endpoint)?;

    if let Some(token) = token {
        return send(&request, endpoint, token);
    }

    // The page's permissions table is declared on `Run`; a token that lacks it is refused
    // before anything is sent. This token is fake (unsigned), made for the example: its
    // claims are {"scp": "User.Read Mail.Send", "tid": "72f988bf-…", "name": "Example only"}.
    let fake = AccessToken::new(FAKE_TOKEN)?;
    println!();
    println!("A token without the page's permission is refused before sending:");
    match request.check_token(&fake) {
        Ok(()) => return Err("a token without the permission passed the check".into()),
        Err(error) => println!("  {error}"),
    }

    // The same run with three required properties left out and a sentinel set.
    let incomplete = Run {
        failed_tasks_count: None,
        scheduled_date_time: None,
        total_users_count: None,
        workflow_execution_type: Some(WorkflowExecutionType::UnknownFutureValue),
        ..run
    };
    println!();
    println!("A run with properties missing is not sent:");
    match incomplete.create_request() {
        Ok(_) => return Err("an incomplete run passed validation".into()),
        Err(error) => print_violations(&error),
    }
    Ok(ExitCode::SUCCESS)
}

/// The request as it would be sent, the token elided.
fn print_request(
    request: &CreateRequest<Run>,
    endpoint: &Endpoint,
) -> Result<(), Box<dyn std::error::Error>> {
    let placeholder = AccessToken::new("{token}")?;
    print_http(&request.to_http(endpoint, &placeholder))
}

/// Without the client, says how to build with it.
#[cfg(not(feature = "client"))]
#[allow(clippy::unnecessary_wraps)]
fn send(
    _: &CreateRequest<Run>,
    _: Endpoint,
    _: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    eprintln!();
    eprintln!("error: sending needs the client; run it with `--features graph-examples/client`");
    Ok(ExitCode::FAILURE)
}

/// Sends the request and prints what came back.
#[cfg(feature = "client")]
fn send(
    request: &CreateRequest<Run>,
    endpoint: Endpoint,
    token: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = GraphClient::new(endpoint, token)?;
    println!();
    match runtime.block_on(client.send(request)) {
        Ok(created) => {
            println!("Created:");
            println!("{}", serde_json::to_string_pretty(&created)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("error: {error}");
            if let ClientError::Graph(graph) = &error {
                for (label, value) in [
                    ("code", graph.code()),
                    ("inner code", graph.inner_code()),
                    ("request-id", graph.request_id()),
                    ("client-request-id", graph.client_request_id()),
                    ("date", graph.date()),
                ] {
                    if let Some(value) = value {
                        eprintln!("  {label}: {value}");
                    }
                }
            }
            Ok(ExitCode::FAILURE)
        }
    }
}

fn print_violations(error: &ValidationError) {
    println!("  {error}");
    for violation in error.violations() {
        println!("  - {}: {:?}", violation.path(), violation.kind());
    }
}
