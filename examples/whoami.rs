//! Signs a person in from the command line and prints who they are (`GET /me`).
//!
//! With `GRAPH_ACCESS_TOKEN` set, that token is used. Otherwise the example signs in with
//! a device code (`DeviceCode`): it needs `GRAPH_CLIENT_ID`, an application registered in
//! Microsoft Entra with "Allow public client flows" on and the delegated `User.Read`
//! permission, and `GRAPH_TENANT` (default `organizations`); it prints the code and the
//! URL to enter it at, waits for the sign-in, then reads `/me`. `GRAPH_AUTHORITY` (default
//! `https://login.microsoftonline.com`) and `GRAPH_BASE_URL` (default
//! `https://graph.microsoft.com/v1.0`) name a national cloud or a test server.
//!
//! `GRAPH_REFRESH_TOKEN_FILE` names a file to keep the sign-in in between runs: read at
//! the start (no device code while it still works), written at the end, readable by its
//! owner only. Without it, nothing is stored. No token is ever printed.
//!
//! ```sh
//! GRAPH_CLIENT_ID=00000000-0000-0000-0000-000000000000 cargo run --example whoami --features graph-examples/client
//! ```

use std::process::ExitCode;

use graph_core::client::{ClientError, DeviceCode, GraphClient, RefreshToken, TokenProvider};
use graph_core::resource::GraphType;
use graph_core::{AccessToken, Endpoint};
use graph_examples::users::User;

fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let base_url = std::env::var("GRAPH_BASE_URL")
        .unwrap_or_else(|_| "https://graph.microsoft.com/v1.0".to_owned());
    let endpoint = Endpoint::custom(&base_url)?;
    if let Ok(token) = std::env::var("GRAPH_ACCESS_TOKEN") {
        return who_am_i(endpoint, AccessToken::new(token)?).await;
    }

    let Ok(client_id) = std::env::var("GRAPH_CLIENT_ID") else {
        return Err("set GRAPH_CLIENT_ID to an application that allows public client flows (or GRAPH_ACCESS_TOKEN to a token)".into());
    };
    let tenant = std::env::var("GRAPH_TENANT").unwrap_or_else(|_| "organizations".to_owned());
    let mut tokens = DeviceCode::new(&tenant, &client_id, &["User.Read"])
        .on_code(|prompt| eprintln!("{}", prompt.message()));
    if let Ok(authority) = std::env::var("GRAPH_AUTHORITY") {
        tokens = tokens.with_authority(&authority)?;
    }
    let kept = std::env::var_os("GRAPH_REFRESH_TOKEN_FILE").map(std::path::PathBuf::from);
    if let Some(saved) = kept
        .as_deref()
        .and_then(|path| std::fs::read_to_string(path).ok())
    {
        tokens = tokens.with_refresh_token(RefreshToken::new(saved.trim()));
    }

    // A kept sign-in that still works spares the person the code; else they sign in.
    if !tokens.is_signed_in() || tokens.access_token().await.is_err() {
        tokens.sign_in().await?;
    }
    who_am_i(endpoint, tokens.clone()).await?;

    if let (Some(path), Some(refresh)) = (kept, tokens.refresh_token()) {
        save_secret(&path, refresh.expose_secret())?;
    }
    Ok(())
}

/// Reads `/me` and prints it.
async fn who_am_i(
    endpoint: Endpoint,
    tokens: impl TokenProvider,
) -> Result<(), Box<dyn std::error::Error>> {
    let client = GraphClient::new(endpoint, tokens)?;
    let request = User::get_request_at("/me", &[])?.select(&[
        "id",
        "displayName",
        "userPrincipalName",
        "mail",
        "jobTitle",
    ])?;
    let me = match client.send(&request).await {
        Ok(me) => me,
        Err(ClientError::Graph(error)) => return Err(format!("Graph answered {error}").into()),
        Err(error) => return Err(error.into()),
    };
    let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
    println!("Signed in as {}", show(&me.display_name));
    println!("  user principal name: {}", show(&me.user_principal_name));
    println!("  mail: {}", show(&me.mail));
    println!("  job title: {}", show(&me.job_title));
    println!("  id: {}", show(&me.id));
    Ok(())
}

/// Writes a secret to `path`, readable by its owner only where the platform says so.
fn save_secret(path: &std::path::Path, secret: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    std::io::Write::write_all(&mut options.open(path)?, secret.as_bytes())
}
