//! Sends a file by mail and fetches a file from OneDrive: the `sendMail` action with a
//! `fileAttachment` (its bytes as `Binary`, base64 in `contentBytes`), and a drive item's
//! content (`GET /me/drive/items/{id}/content`, which Graph answers with a redirect to a
//! pre-authenticated download URL). It prints both requests.
//!
//! Built with the client (`--features graph-examples/client`) and with `GRAPH_ACCESS_TOKEN`
//! set, it sends the mail to `MAIL_TO` and downloads the drive item `DRIVE_ITEM` (streamed
//! to the file `DOWNLOAD_TO`, or counted where that is not set), through `GRAPH_BASE_URL`
//! (default `https://graph.microsoft.com/v1.0`). The token is never printed, and never
//! sent to the download URL.
//!
//! ```sh
//! cargo run --example mail_attachment
//! GRAPH_ACCESS_TOKEN=eyJ0eXAi... MAIL_TO=me@example.com DRIVE_ITEM=01BYE5RZ... DOWNLOAD_TO=report.xlsx \
//!     cargo run --example mail_attachment --features graph-examples/client
//! ```

use std::process::ExitCode;

use graph_core::{AccessToken, ActionRequest, ContentRequest, Endpoint};
use graph_examples::mail::{BodyType, FileAttachment, ItemBody, Message, Recipient, SendMail};
use graph_examples::show::print_http;

/// The attachment: a small CSV file, made here rather than read from disk.
const REPORT: &str = "region,units\nnorth,1200\nsouth,950\n";

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
    let to = std::env::var("MAIL_TO").unwrap_or_else(|_| "frannis@contoso.com".to_owned());
    let mail = SendMail {
        message: Some(Message {
            subject: Some("Units by region".into()),
            body: Some(ItemBody {
                content_type: Some(BodyType::Text),
                content: Some("This quarter's figures are attached.".into()),
            }),
            to_recipients: Some(vec![Recipient::to(&to)]),
            cc_recipients: None,
            attachments: Some(vec![FileAttachment::new(
                "units.csv",
                "text/csv",
                REPORT.as_bytes().to_vec(),
            )]),
        }),
        save_to_sent_items: Some(false),
    };
    let send = mail.request_at("/me/sendMail", &[])?;
    let item = std::env::var("DRIVE_ITEM")
        .unwrap_or_else(|_| "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K".to_owned());
    let download = ContentRequest::get("/me/drive/items/{item-id}/content", &[&item])?;

    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/v1.0".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    let shown = AccessToken::new("{token}")?;
    print_http(&send.to_http(&endpoint, &shown))?;
    println!();
    print_http(&download.to_http(&endpoint, &shown))?;

    match std::env::var("GRAPH_ACCESS_TOKEN") {
        Ok(token) => send_and_download(&send, &download, endpoint, AccessToken::new(token)?),
        Err(_) => Ok(ExitCode::SUCCESS),
    }
}

/// Without the client, says how to build with it.
#[cfg(not(feature = "client"))]
#[allow(clippy::unnecessary_wraps)]
fn send_and_download(
    _: &ActionRequest<()>,
    _: &ContentRequest,
    _: Endpoint,
    _: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    eprintln!();
    eprintln!("error: sending needs the client; run it with `--features graph-examples/client`");
    Ok(ExitCode::FAILURE)
}

/// Sends the mail (`202 Accepted`), then streams the drive item's content to
/// `DOWNLOAD_TO`, or counts it.
#[cfg(feature = "client")]
fn send_and_download(
    send: &ActionRequest<()>,
    download: &ContentRequest,
    endpoint: Endpoint,
    token: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = graph_core::client::GraphClient::new(endpoint, token)?;
    runtime.block_on(async {
        println!();
        if let Err(error) = client.send(send).await {
            eprintln!("error: {error}");
            return Ok(ExitCode::FAILURE);
        }
        println!("Sent.");
        let written = match std::env::var("DOWNLOAD_TO") {
            Ok(path) => {
                let file = tokio::fs::File::create(&path).await?;
                let written = client.download(download, file).await;
                if written.is_err() {
                    // What a failed download wrote is incomplete: it is not left behind.
                    let _ = tokio::fs::remove_file(&path).await;
                }
                written
            }
            Err(_) => client.download(download, tokio::io::sink()).await,
        };
        match written {
            Ok(written) => {
                println!(
                    "Downloaded {} bytes ({}).",
                    written.len(),
                    written.content_type().unwrap_or("no content type")
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                eprintln!("error: {error}");
                Ok(ExitCode::FAILURE)
            }
        }
    })
}
