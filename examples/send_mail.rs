//! Sends mail with the v1.0 `sendMail` action: builds the parameters, validates them and
//! prints the request; then shows what validation reports for a recipient without an
//! address, and what the action's permission check says of a token that cannot send mail.
//!
//! Built with the client (`--features graph-examples/client`) and with `GRAPH_ACCESS_TOKEN`
//! set, it sends the mail instead, as the signed-in user (`/me/sendMail`) or as
//! `GRAPH_USER` (`/users/{id}/sendMail`), to `MAIL_TO`, through `GRAPH_BASE_URL` (default
//! `https://graph.microsoft.com/v1.0`). The token is never printed.
//!
//! ```sh
//! cargo run --example send_mail
//! GRAPH_ACCESS_TOKEN=eyJ0eXAi... MAIL_TO=me@example.com cargo run --example send_mail --features graph-examples/client
//! ```

use std::process::ExitCode;

use graph_core::{AccessToken, ActionRequest, Endpoint};
use graph_examples::mail::{BodyType, EmailAddress, ItemBody, Message, Recipient, SendMail};
use graph_examples::show::print_http;

/// An unsigned token whose claims grant `User.Read` only: not a real token.
const READ_ONLY_TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQiLCJ0aWQiOiI3MmY5ODhiZi04NmYxLTQxYWYtOTFhYi0yZDdjZDAxMWRiNDcifQ.not-a-signature";

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
            subject: Some("Meet for lunch?".into()),
            body: Some(ItemBody {
                content_type: Some(BodyType::Text),
                content: Some("The new cafeteria is open.".into()),
            }),
            to_recipients: Some(vec![Recipient::to(&to)]),
            cc_recipients: None,
            attachments: None,
        }),
        save_to_sent_items: Some(false),
    };
    let request = match std::env::var("GRAPH_USER") {
        Ok(user) => mail.request(&user)?,
        Err(_) => mail.request_at("/me/sendMail", &[])?,
    };

    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/v1.0".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    print_http(&request.to_http(&endpoint, &AccessToken::new("{token}")?))?;
    if let Ok(token) = std::env::var("GRAPH_ACCESS_TOKEN") {
        return send(&request, endpoint, AccessToken::new(token)?);
    }

    // The action's permissions are declared on `SendMail`: a token without them is
    // refused before anything is sent. This one is fake (unsigned), made for the example.
    println!();
    println!("A token that cannot send mail is refused before sending:");
    match request.check_token(&AccessToken::new(READ_ONLY_TOKEN)?) {
        Ok(()) => return Err("a token without Mail.Send passed the check".into()),
        Err(error) => println!("  {error}"),
    }

    // A recipient without an address: nothing is built.
    let mut incomplete = mail.clone();
    if let Some(message) = incomplete.message.as_mut() {
        message.cc_recipients = Some(vec![Recipient {
            email_address: Some(EmailAddress {
                name: Some("Alex Wilber".into()),
                address: None,
            }),
        }]);
    }
    println!();
    println!("A recipient without an address is not sent:");
    match incomplete.request_at("/me/sendMail", &[]) {
        Ok(_) => return Err("a recipient without an address passed validation".into()),
        Err(error) => {
            println!("  {error}");
            for violation in error.violations() {
                println!("  - {}: {:?}", violation.path(), violation.kind());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Without the client, says how to build with it.
#[cfg(not(feature = "client"))]
#[allow(clippy::unnecessary_wraps)]
fn send(
    _: &ActionRequest<()>,
    _: Endpoint,
    _: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    eprintln!();
    eprintln!("error: sending needs the client; run it with `--features graph-examples/client`");
    Ok(ExitCode::FAILURE)
}

/// Sends the mail: Graph answers `202 Accepted`, which reads as `()`.
#[cfg(feature = "client")]
fn send(
    request: &ActionRequest<()>,
    endpoint: Endpoint,
    token: AccessToken,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let client = graph_core::client::GraphClient::new(endpoint, token)?;
    println!();
    match runtime.block_on(client.send(request)) {
        Ok(()) => {
            println!("Sent.");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("error: {error}");
            Ok(ExitCode::FAILURE)
        }
    }
}
