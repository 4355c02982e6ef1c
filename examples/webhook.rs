//! Receives Microsoft Graph change notifications: an axum server answering Graph's
//! handshake, refusing collections whose `clientState` is not the subscription's, and
//! logging each change, with rich notifications' resources decrypted.
//!
//! `WEBHOOK_CLIENT_STATE` is the subscription's secret (required); `WEBHOOK_KEY_PEM` a
//! PEM file with the private key of the certificate rich notifications are encrypted
//! for, under the id `WEBHOOK_CERTIFICATE_ID` (the subscription's
//! `encryptionCertificateId`); `WEBHOOK_ADDR` where to listen (default `127.0.0.1:8080`).
//! Graph posts over https only: put it behind a TLS-terminating proxy or tunnel, and
//! give its public URL plus `/notifications` as the subscription's `notificationUrl`.
//!
//! ```sh
//! WEBHOOK_CLIENT_STATE=secretClientState cargo run --example webhook --features graph-examples/webhook
//! ```

use std::process::ExitCode;

use graph_core::notifications::DecryptionKeys;
use graph_examples::webhook::{serve, Receiver};

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
    let client_state = std::env::var("WEBHOOK_CLIENT_STATE")
        .map_err(|_| "set WEBHOOK_CLIENT_STATE to the subscription's clientState")?;
    let mut keys = DecryptionKeys::new();
    if let Ok(path) = std::env::var("WEBHOOK_KEY_PEM") {
        let id = std::env::var("WEBHOOK_CERTIFICATE_ID").map_err(|_| {
            "set WEBHOOK_CERTIFICATE_ID to the subscription's encryptionCertificateId"
        })?;
        keys = keys.with_pem(&id, &std::fs::read_to_string(&path)?)?;
    }
    let addr = std::env::var("WEBHOOK_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_owned());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&addr).await?;
        println!(
            "listening on http://{}/notifications",
            listener.local_addr()?
        );
        serve(listener, Receiver::new(&client_state, keys)).await?;
        Ok(())
    })
}
