//! A complex type Graph serves at a path of its own (`/me/mailboxSettings`, a function's
//! results such as `reminderView`): read, listed and updated at any path, through `to_http`
//! and the client on loopback, in a batch too.

mod support;

use graph_core::prelude::*;
use graph_core::serde_json::{json, Value};
use graph_core::{Batch, DateTimeOffset};
use support::{bounded, client, response};
use wiremock::matchers::{body_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[graph_complex(odata = "#microsoft.graph.mailboxSettings")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MailboxSettings {
    pub time_zone: Option<String>,
    pub date_format: Option<String>,
    #[graph(read_only)]
    pub archive_folder: Option<String>,
}

/// A complex type without an OData type of its own, as `reminderView` returns them.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reminder {
    pub event_subject: Option<String>,
    pub reminder_fire_time: Option<Value>,
}

#[test]
fn a_complex_type_is_read_and_updated_at_its_path() {
    let read = MailboxSettings::get_request_at("/me/mailboxSettings", &[]).unwrap();
    assert_eq!(read.path(), "/me/mailboxSettings");
    let settings = read
        .parse_response(response(
            200,
            &json!({"@odata.context": "x", "timeZone": "UTC", "archiveFolder": "AAMk"}),
        ))
        .unwrap();
    assert_eq!(settings.time_zone.as_deref(), Some("UTC"));

    let mut changed = settings.clone();
    changed.time_zone = Some("Pacific Standard Time".into());
    changed.date_format = None;
    let update = changed
        .update_request_from_at(
            &settings,
            "/users/{id}/mailboxSettings",
            &["adele@contoso.com"],
        )
        .unwrap();
    assert_eq!(update.method(), "PATCH");
    assert_eq!(update.path(), "/users/adele%40contoso.com/mailboxSettings");
    assert_eq!(
        update.body(),
        br##"{"@odata.type":"#microsoft.graph.mailboxSettings","timeZone":"Pacific Standard Time"}"##
    );
    // Every set, writable property, never the read-only one.
    let whole = settings
        .update_request_at("/me/mailboxSettings", &[])
        .unwrap();
    assert_eq!(
        whole.body(),
        br##"{"@odata.type":"#microsoft.graph.mailboxSettings","timeZone":"UTC"}"##
    );
    assert_eq!(
        whole.parse_response(response(204, &Value::Null)).unwrap(),
        None
    );

    // A complex type without an OData type is named by its Rust name in messages.
    let error =
        Reminder::list_request_at("/me/reminderView(startDateTime='{s}')", &[""]).unwrap_err();
    assert!(
        error.to_string().starts_with("Reminder is not valid"),
        "{error}"
    );
}

#[tokio::test]
async fn the_client_reads_lists_and_updates_complex_types_at_their_paths() {
    bounded(async {
        let graph = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/beta/me/mailboxSettings"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"timeZone": "UTC"})),
            )
            .mount(&graph)
            .await;
        Mock::given(method("PATCH"))
            .and(path("/beta/me/mailboxSettings"))
            .and(body_json(json!({"@odata.type": "#microsoft.graph.mailboxSettings", "timeZone": "Europe/Paris"})))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"timeZone": "Europe/Paris"})))
            .expect(1)
            .mount(&graph)
            .await;
        let view = "/beta/me/reminderView(startDateTime='2024-05-01T00%3A00%3A00Z',endDateTime='2024-05-02T00%3A00%3A00Z')";
        Mock::given(method("GET"))
            .and(path(view))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"value": [
                {"eventSubject": "Standup", "reminderFireTime": {"dateTime": "2024-05-01T08:45:00.0000000", "timeZone": "UTC"}},
                {"eventSubject": "Review"},
            ]})))
            .mount(&graph)
            .await;
        let client = client(&graph.uri());
        let settings = client
            .send(&MailboxSettings::get_request_at("/me/mailboxSettings", &[]).unwrap())
            .await
            .unwrap();
        assert_eq!(settings.time_zone.as_deref(), Some("UTC"));
        let changed = MailboxSettings {
            time_zone: Some("Europe/Paris".into()),
            ..settings.clone()
        };
        let updated = client
            .send(&changed.update_request_from_at(&settings, "/me/mailboxSettings", &[]).unwrap())
            .await
            .unwrap();
        assert_eq!(updated.unwrap().time_zone.as_deref(), Some("Europe/Paris"));
        let start: DateTimeOffset = "2024-05-01T00:00:00Z".parse().unwrap();
        let end: DateTimeOffset = "2024-05-02T00:00:00Z".parse().unwrap();
        let reminders = client
            .list_all(
                &Reminder::list_request_at(
                    "/me/reminderView(startDateTime='{start}',endDateTime='{end}')",
                    &[&start.to_string(), &end.to_string()],
                )
                .unwrap(),
            )
            .await
            .unwrap();
        let subjects: Vec<_> = reminders.iter().filter_map(|r| r.event_subject.as_deref()).collect();
        assert_eq!(subjects, ["Standup", "Review"]);
    })
    .await;
}

#[test]
fn a_complex_type_at_a_path_is_a_batch_step() {
    let mut batch = Batch::new();
    let read = batch
        .add(&MailboxSettings::get_request_at("/me/mailboxSettings", &[]).unwrap())
        .unwrap();
    let body: Value =
        graph_core::serde_json::from_slice(&batch.body(&graph_core::Endpoint::v1())).unwrap();
    assert_eq!(body["requests"][0]["url"], "/me/mailboxSettings");
    let answer = json!({"responses": [{"id": "1", "status": 200, "body": {"timeZone": "UTC"}}]});
    let mut answer = batch.parse_response(response(200, &answer)).unwrap();
    assert_eq!(answer.take(read).unwrap().time_zone.as_deref(), Some("UTC"));
}
