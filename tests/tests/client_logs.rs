//! What the client logs through `tracing`, recorded by a subscriber of the test's own: each
//! attempt, each retry and the giving up, with the method, the path, the query's names and
//! the `client-request-id`, and never a token, a body or a query's values.

mod support;

use std::sync::{Arc, Mutex};

use graph_core::client::RetryPolicy;
use graph_examples::lifecycle_workflows::Run;
use support::{bounded, client, graph_error, TOKEN};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Records the client's events as `LEVEL message field=value ...`.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl tracing::field::Visit for Fields {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0.insert_str(0, &format!("{value:?}"));
        } else {
            self.0.push_str(&format!(" {}={value:?}", field.name()));
        }
    }

    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push_str(&format!(" {}={value}", field.name()));
    }
}

impl tracing::Subscriber for Recorder {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        if event.metadata().target() == "graph_core::client" {
            let mut fields = Fields(String::new());
            event.record(&mut fields);
            let line = format!("{} {}", event.metadata().level(), fields.0);
            self.0.lock().unwrap().push(line);
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[tokio::test]
async fn attempts_retries_and_give_ups_are_logged_without_tokens_bodies_or_query_values() {
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(503)
                    .insert_header("Retry-After", "0")
                    .set_body_json(graph_error("serviceNotAvailable")),
            )
            .mount(&server)
            .await;
        let recorder = Recorder::default();
        let _guard = tracing::subscriber::set_default(recorder.clone());
        let request = Run::list_request()
            .unwrap()
            .filter("displayName eq 'Adele Vance'")
            .top(5);
        let error = client(&server.uri())
            .with_retry(RetryPolicy {
                max_attempts: 2,
                ..RetryPolicy::default()
            })
            .send(&request)
            .await
            .unwrap_err();
        assert_eq!(error.graph_error().unwrap().status().as_u16(), 503);
        let lines = recorder.0.lock().unwrap().clone();
        assert_eq!(lines.len(), 4, "{lines:#?}");
        let id = server.received_requests().await.unwrap()[0].headers["client-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let attempt = format!(
            "DEBUG graph request method=GET path=/workflowBase/runs?$filter&$top status=503 client_request_id={id}"
        );
        assert!(lines[0].starts_with(&attempt), "{}", lines[0]);
        assert!(lines[0].contains(" elapsed_ms="), "{}", lines[0]);
        assert!(lines[1].starts_with("INFO graph request retried"), "{}", lines[1]);
        assert!(lines[1].contains("reason=503 Service Unavailable"), "{}", lines[1]);
        assert!(lines[1].contains("wait_ms=0"), "{}", lines[1]);
        assert!(lines[2].starts_with("DEBUG graph request"), "{}", lines[2]);
        assert!(lines[3].starts_with("WARN graph request given up"), "{}", lines[3]);
        assert!(lines[3].contains("attempts=2"), "{}", lines[3]);
        for line in &lines {
            assert!(!line.contains(TOKEN) && !line.contains("Adele"), "{line}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_action_is_logged_by_its_path_never_its_parameters() {
    use graph_examples::mail::{Message, Recipient, SendMail};
    bounded(async {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(202))
            .mount(&server)
            .await;
        let recorder = Recorder::default();
        let _guard = tracing::subscriber::set_default(recorder.clone());
        let mail = SendMail {
            message: Some(Message {
                subject: Some("Adele's review".into()),
                to_recipients: Some(vec![Recipient::to("adele@contoso.com")]),
                ..Message::default()
            }),
            save_to_sent_items: None,
        };
        client(&server.uri())
            .send(&mail.request_at("/me/sendMail", &[]).unwrap())
            .await
            .unwrap();
        let lines = recorder.0.lock().unwrap().clone();
        assert_eq!(lines.len(), 1, "{lines:#?}");
        assert!(
            lines[0].starts_with("DEBUG graph request method=POST path=/me/sendMail status=202"),
            "{}",
            lines[0]
        );
        assert!(!lines[0].contains("Adele") && !lines[0].contains(TOKEN));
    })
    .await;
}
