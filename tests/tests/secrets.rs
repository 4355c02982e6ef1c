//! The token never shows: every public type that can hold one, or a request built with one,
//! or an error on the way, is formatted with `Debug`, `{:#?}` and (where it has it)
//! `Display`, and the secret appears in none of them.

mod support;

use std::time::Duration;

use graph_core::client::{ClientError, GraphClient, RetryPolicy};
use graph_core::{AccessToken, Endpoint};
use support::{bounded, client, endpoint, group, secret, token};
use tokio::net::TcpListener;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Asserts that none of `shown`, what `what` gives when formatted, holds the token's secret.
fn assert_hidden(what: &str, shown: &[String]) {
    for text in shown {
        assert!(!text.contains(secret()), "{what} shows the token: {text}");
    }
}

#[test]
fn the_token_and_requests_built_with_it_hide_it() {
    let token = token();
    assert_hidden(
        "AccessToken",
        &[
            format!("{token:?}"),
            format!("{token:#?}"),
            format!("{token}"),
        ],
    );
    let create = group().create_request().unwrap();
    let request = create.to_http(&Endpoint::v1(), &token);
    assert_hidden(
        "the http request",
        &[
            format!("{request:?}"),
            format!("{request:#?}"),
            format!("{:?}", request.headers()),
        ],
    );
    assert_hidden(
        "the create request",
        &[format!("{create:?}"), format!("{create:#?}")],
    );
    // The header itself holds it, marked sensitive.
    assert!(request.headers()["authorization"].is_sensitive());
}

#[test]
fn refusing_a_token_does_not_echo_it() {
    let error = AccessToken::new(format!("{} with spaces", secret())).unwrap_err();
    assert_hidden(
        "InvalidAccessToken",
        &[format!("{error:?}"), format!("{error}")],
    );
}

#[tokio::test]
async fn the_client_and_every_error_it_returns_hide_the_token() {
    bounded(async {
        let server = MockServer::start().await;
        // The server echoes the Authorization header back in its error, as a careless proxy
        // might: the error shows what came back, which is not the client's to hide, so this
        // checks only what the crate adds itself.
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(400)
                    .set_body_string(r#"{"error":{"code":"BadRequest","message":"no"}}"#),
            )
            .mount(&server)
            .await;
        // Without retries: each error is the first attempt's.
        let once = |base: &str| client(base).with_retry(RetryPolicy::none());
        let shown = once(&server.uri());
        assert_hidden(
            "GraphClient",
            &[format!("{shown:?}"), format!("{shown:#?}")],
        );
        let create = group().create_request().unwrap();

        let graph = once(&server.uri()).send(&create).await.unwrap_err();
        let too_large = once(&server.uri())
            .with_max_body(8)
            .send(&create)
            .await
            .unwrap_err();

        // A server that accepts the connection and never answers: only the client's own
        // timeout ends the request. The outer bound keeps a regression from hanging the suite.
        let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let silent_base = format!("http://{}", silent.local_addr().unwrap());
        let holder = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((connection, _)) = silent.accept().await {
                held.push(connection);
            }
        });
        let timeout = tokio::time::timeout(
            Duration::from_secs(10),
            once(&silent_base)
                .with_timeout(Duration::from_millis(100))
                .send(&create),
        )
        .await
        .expect("the client's timeout ends the request")
        .unwrap_err();
        holder.abort();
        assert!(holder.await.unwrap_err().is_cancelled());

        // Nothing listens on a port just released: the connection is refused.
        let released = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let refused = once(&format!("http://{released}"))
            .send(&create)
            .await
            .unwrap_err();

        let provider = GraphClient::new(endpoint(&server.uri()), || async {
            Err::<AccessToken, _>(std::io::Error::other("the credential expired"))
        })
        .unwrap()
        .send(&create)
        .await
        .unwrap_err();

        assert!(matches!(graph, ClientError::Graph(_)), "{graph:?}");
        assert!(
            matches!(too_large, ClientError::BodyTooLarge { limit: 8 }),
            "{too_large:?}"
        );
        assert!(matches!(timeout, ClientError::Timeout(_)), "{timeout:?}");
        assert!(matches!(refused, ClientError::Transport(_)), "{refused:?}");
        assert!(matches!(provider, ClientError::Token(_)), "{provider:?}");
        for error in [&graph, &too_large, &timeout, &refused, &provider] {
            assert_hidden(
                "ClientError",
                &[
                    format!("{error:?}"),
                    format!("{error:#?}"),
                    format!("{error}"),
                ],
            );
        }
        if let ClientError::Graph(inner) = &graph {
            assert_hidden("GraphError", &[format!("{inner:?}"), format!("{inner}")]);
        }
    })
    .await;
}
