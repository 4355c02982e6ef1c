//! Builds the user from Graph's v1.0 "Create user" page, validates it and prints the
//! request; then shows what validation reports for a user whose password profile has no
//! password.
//!
//! ```sh
//! cargo run --example create_user
//! ```

use std::process::ExitCode;

use graph_core::serde_json;
use graph_examples::users::{PasswordProfile, User};

/// Graph's v1.0 service root.
const BASE_URL: &str = "https://graph.microsoft.com/v1.0";

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
    let user = User {
        account_enabled: Some(true),
        display_name: Some("Adele Vance".into()),
        mail_nickname: Some("AdeleV".into()),
        user_principal_name: Some("AdeleV@contoso.com".into()),
        password_profile: Some(PasswordProfile {
            force_change_password_next_sign_in: Some(true),
            password: Some("xWwvJ]6NMw+bWH-d".into()),
            ..PasswordProfile::default()
        }),
        ..User::default()
    };

    let request = user.create_request()?;
    let body: serde_json::Value = serde_json::from_slice(request.body())?;
    println!("{} {BASE_URL}{}", request.method(), request.path());
    println!("Authorization: Bearer {{token}}");
    println!("Content-Type: application/json");
    println!();
    println!("{}", serde_json::to_string_pretty(&body)?);

    // The same user, but the password profile has no password.
    let incomplete = User {
        password_profile: Some(PasswordProfile {
            force_change_password_next_sign_in: Some(true),
            ..PasswordProfile::default()
        }),
        display_name: None,
        ..user
    };
    println!();
    println!("A user whose password profile has no password is not sent:");
    match incomplete.create_request() {
        Ok(_) => return Err("an incomplete user passed validation".into()),
        Err(error) => {
            println!("  {error}");
            for violation in error.violations() {
                println!("  - {}: {:?}", violation.path(), violation.kind());
            }
        }
    }
    Ok(())
}
