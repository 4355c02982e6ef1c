//! A token's claims, from any text: `check_token` reads them or treats the token as
//! unreadable (and lets it pass), never panics, and a refusal never shows the token.

#![no_main]

use graph_core::AccessToken;
use graph_examples::lifecycle_workflows::Run;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let request = graph_examples::samples::queued_run()
        .create_request()
        .expect("the sample is valid");
    // As sent: any token text; and as a JWT whose payload is the input, base64url-encoded
    // or not.
    let text = String::from_utf8_lossy(data);
    let mut tokens = vec![text.to_string(), format!("eyJhbGciOiJub25lIn0.{text}.sig")];
    tokens.push(format!("h.{}.s", graph_fuzz::base64url(data)));
    for token in tokens {
        let Ok(token) = AccessToken::new(token) else {
            continue;
        };
        if let Err(error) = request.check_token(&token) {
            let message = error.to_string();
            assert!(message.starts_with("creating microsoft.graph.identityGovernance.run "));
            assert!(token.expose_secret().len() < 40 || !message.contains(token.expose_secret()));
        }
        let _ = Run::get_request("r1").map(|get| get.check_token(&token));
    }
});
