//! Uploads a local file into the signed-in user's OneDrive through an upload session
//! (`/me/drive/root:/{name}:/createUploadSession`, then the file in slices), and resumes
//! where it stopped when run again after an interruption: the session is stored beside the
//! file (`PATH.upload-session.json`) until the upload ends.
//!
//! It prints the session request and the slices it would send. Built with the client
//! (`--features graph-examples/client`) and with `GRAPH_ACCESS_TOKEN` set (a token with
//! `Files.ReadWrite`), it uploads, through `GRAPH_BASE_URL` (default
//! `https://graph.microsoft.com/v1.0`). The token is never printed, and never sent to the
//! upload URL.
//!
//! ```sh
//! cargo run --example upload_file -- report.xlsx
//! GRAPH_ACCESS_TOKEN=eyJ0eXAi... cargo run --example upload_file --features graph-examples/client -- report.xlsx
//! ```

use std::process::ExitCode;

use graph_core::serde_json::json;
use graph_core::upload::{slices, ByteRange, UploadSessionRequest, DEFAULT_SLICE};
use graph_core::{AccessToken, Endpoint};
use graph_examples::show::print_http;

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
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: upload_file PATH");
        return Ok(ExitCode::FAILURE);
    };
    let name = std::path::Path::new(&path)
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or("the path names no file")?
        .to_owned();
    let length = std::fs::metadata(&path)?.len();
    let request = UploadSessionRequest::new(
        "/me/drive/root:/{path}:/createUploadSession",
        &[&name],
        json!({"item": {"@microsoft.graph.conflictBehavior": "replace"}}),
    )?;
    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/v1.0".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    print_http(&request.to_http(&endpoint, &AccessToken::new("{token}")?))?;
    let slice = std::env::var("UPLOAD_SLICE")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DEFAULT_SLICE);
    let plan: Vec<_> = slices(length, slice, &[ByteRange::from(0)]).collect();
    println!();
    println!("{length} bytes of {name}, in {} slice(s):", plan.len());
    for piece in &plan {
        println!(
            "  PUT (upload URL) Content-Range: {}",
            piece.content_range()
        );
    }
    match std::env::var("GRAPH_ACCESS_TOKEN") {
        Ok(token) => upload(
            &request,
            &path,
            length,
            slice,
            endpoint,
            AccessToken::new(token)?,
        ),
        Err(_) => Ok(ExitCode::SUCCESS),
    }
}

/// Without the client, says how to build with it.
#[cfg(not(feature = "client"))]
#[allow(clippy::unnecessary_wraps)]
fn upload(
    _: &UploadSessionRequest,
    _: &str,
    _: u64,
    _: u64,
    _: Endpoint,
    _: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    eprintln!();
    eprintln!("error: uploading needs the client; run it with `--features graph-examples/client`");
    Ok(ExitCode::FAILURE)
}

/// A drive item, as the last slice's answer gives it.
#[cfg(feature = "client")]
#[graph_core::graph_resource(path = "/me/drive/items", odata = "#microsoft.graph.driveItem")]
#[derive(Debug, Default)]
struct DriveItem {
    id: Option<String>,
    name: Option<String>,
    size: Option<i64>,
}

/// Creates a session, or resumes the stored one, and sends the file.
#[cfg(feature = "client")]
fn upload(
    request: &UploadSessionRequest,
    path: &str,
    length: u64,
    slice: u64,
    endpoint: Endpoint,
    token: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    use graph_core::client::GraphClient;
    use graph_core::serde_json;
    use graph_core::upload::UploadSession;

    let stored = format!("{path}.upload-session.json");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = GraphClient::new(endpoint, token)?
        .with_upload_slice(slice)?
        .with_upload_progress(|at| println!("  {} of {} bytes", at.sent, at.total));
    runtime.block_on(async {
        println!();
        let session = match std::fs::read(&stored) {
            Ok(bytes) => {
                println!("Resuming the session stored in {stored}.");
                serde_json::from_slice::<UploadSession>(&bytes)?
            }
            Err(_) => {
                let session = client.send(request).await?;
                // Kept until the upload ends, to resume from after an interruption.
                std::fs::write(&stored, serde_json::to_vec(&session)?)?;
                session
            }
        };
        let source = tokio::fs::File::open(path).await?;
        // The session's status says what it still expects: everything for a new one.
        let outcome = client
            .resume_upload::<DriveItem, _>(&session, source, length)
            .await;
        match outcome {
            Ok(item) => {
                std::fs::remove_file(&stored)?;
                println!(
                    "Uploaded {} ({} bytes), item {}.",
                    item.name.unwrap_or_default(),
                    item.size.unwrap_or_default(),
                    item.id.unwrap_or_default()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                eprintln!("error: {error}");
                eprintln!("Run it again to resume from the session stored in {stored}.");
                Ok(ExitCode::FAILURE)
            }
        }
    })
}
