//! How the examples print a request: as Graph's pages show one.

use graph_core::{http, serde_json};

/// The request line, the headers (as the request carries them: print one built with a
/// stand-in token, never a real one), and the JSON body pretty-printed, where there is one.
///
/// # Errors
///
/// A header that is not text, or a body that is not JSON.
pub fn print_http(request: &http::Request<Vec<u8>>) -> Result<(), Box<dyn std::error::Error>> {
    println!("{} {}", request.method(), request.uri());
    for (name, value) in request.headers() {
        println!("{}: {}", header_case(name.as_str()), value.to_str()?);
    }
    if !request.body().is_empty() {
        let body: serde_json::Value = serde_json::from_slice(request.body())?;
        println!();
        println!("{}", serde_json::to_string_pretty(&body)?);
    }
    Ok(())
}

/// `content-type` → `Content-Type`, as the pages write headers; Graph's own
/// `client-request-id` stays as Graph spells it.
fn header_case(name: &str) -> String {
    if name == "client-request-id" {
        return name.to_owned();
    }
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}
