//! Builds the run from Graph's "Create run" page, validates it and prints the request as the
//! page shows it; then shows what validation reports for a run with properties missing.
//!
//! ```sh
//! cargo run --example create_run
//! ```

use std::process::ExitCode;

use graph_core::serde_json;
use graph_core::{DateTimeOffset, ValidationError};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, WorkflowExecutionType,
};

/// Graph's beta service root: runs are a beta resource.
const BASE_URL: &str = "https://graph.microsoft.com/beta";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
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
    let body: serde_json::Value = serde_json::from_slice(request.body())?;
    println!("{} {BASE_URL}{}", request.method(), request.path());
    println!("Authorization: Bearer {{token}}");
    println!("Content-Type: application/json");
    println!();
    println!("{}", serde_json::to_string_pretty(&body)?);

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
    Ok(())
}

fn print_violations(error: &ValidationError) {
    println!("  {error}");
    for violation in error.violations() {
        println!("  - {}: {:?}", violation.path(), violation.kind());
    }
}
