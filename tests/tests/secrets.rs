//! The token never shows: every public type that can hold one, or a request built with one,
//! or an error on the way, is formatted with `Debug`, `{:#?}` and (where it has it)
//! `Display`, and the secret appears in none of them.

use std::time::Duration;

use graph_core::client::{ClientError, GraphClient, RetryPolicy};
use graph_core::{graph_resource, AccessToken, Endpoint};
use tokio::net::TcpListener;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "c2VjcmV0LXRva2VuLXZhbHVl";

fn token() -> AccessToken {
    AccessToken::new(format!("eyJ0eXAiOiJKV1Qi.{SECRET}.c2lnbmF0dXJl")).unwrap()
}

fn assert_hidden(what: &str, shown: &[String]) {
    for text in shown {
        assert!(!text.contains(SECRET), "{what} shows the token: {text}");
    }
}

#[graph_resource(path = "/groups", odata = "#microsoft.graph.group")]
#[derive(Debug, Default)]
struct Group {
    #[graph(required)]
    display_name: Option<String>,
}

fn group() -> Group {
    Group {
        display_name: Some("Library".into()),
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
    let error = AccessToken::new(format!("{SECRET} with spaces")).unwrap_err();
    assert_hidden(
        "InvalidAccessToken",
        &[format!("{error:?}"), format!("{error}")],
    );
}

#[tokio::test]
async fn the_client_and_every_error_it_returns_hide_the_token() {
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
    let endpoint = Endpoint::custom(&format!("{}/v1.0", server.uri())).unwrap();
    let client = |endpoint: &Endpoint| {
        GraphClient::new(endpoint.clone(), token())
            .unwrap()
            .with_retry(RetryPolicy::none())
    };
    let shown = client(&endpoint);
    assert_hidden(
        "GraphClient",
        &[format!("{shown:?}"), format!("{shown:#?}")],
    );
    let create = group().create_request().unwrap();

    let graph = client(&endpoint).send(&create).await.unwrap_err();
    let too_large = client(&endpoint)
        .with_max_body(8)
        .send(&create)
        .await
        .unwrap_err();

    // A server that accepts the connection and never answers: only the client's own
    // timeout ends the request. The outer bound keeps a regression from hanging the suite.
    let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_endpoint =
        Endpoint::custom(&format!("http://{}/v1.0", silent.local_addr().unwrap())).unwrap();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = silent.accept().await {
            held.push(connection);
        }
    });
    let timeout = tokio::time::timeout(
        Duration::from_secs(10),
        client(&silent_endpoint)
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
    let refused = client(&Endpoint::custom(&format!("http://{released}/v1.0")).unwrap())
        .send(&create)
        .await
        .unwrap_err();

    let provider = GraphClient::new(endpoint, || async {
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
}
