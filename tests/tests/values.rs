//! Graph's other value types as fields, read from the JSON Graph's documentation shows and
//! written back unchanged: an event's `dateTimeTimeZone` and recurrence range, a mailbox's
//! working hours, a delegated-admin relationship's duration.

mod support;

use graph_core::serde_json::{self, json, Value};
use graph_core::{
    graph_complex, graph_enum, graph_resource, Date, DateTimeOffset, Duration, LocalDateTime,
    TimeOfDay,
};
use support::raw_response;

#[graph_complex]
#[derive(Debug, Clone, PartialEq)]
struct DateTimeTimeZone {
    #[graph(required)]
    date_time: Option<LocalDateTime>,
    #[graph(required)]
    time_zone: Option<String>,
}

#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum RecurrenceRangeType {
    EndDate,
    NoEnd,
    Numbered,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq)]
struct RecurrenceRange {
    r#type: Option<RecurrenceRangeType>,
    start_date: Option<Date>,
    end_date: Option<Date>,
    recurrence_time_zone: Option<String>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq)]
struct PatternedRecurrence {
    range: Option<RecurrenceRange>,
}

#[graph_resource(
    path = "/users/{user-id}/calendar/events",
    odata = "#microsoft.graph.event"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct Event {
    #[graph(read_only)]
    id: Option<String>,
    subject: Option<String>,
    start: Option<DateTimeTimeZone>,
    end: Option<DateTimeTimeZone>,
    recurrence: Option<PatternedRecurrence>,
    #[graph(read_only)]
    created_date_time: Option<DateTimeOffset>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq)]
struct WorkingHours {
    days_of_week: Option<Vec<String>>,
    start_time: Option<TimeOfDay>,
    end_time: Option<TimeOfDay>,
}

#[graph_resource(
    path = "/tenantRelationships/delegatedAdminRelationships",
    odata = "#microsoft.graph.delegatedAdminRelationship"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct DelegatedAdminRelationship {
    #[graph(read_only)]
    id: Option<String>,
    #[graph(required)]
    display_name: Option<String>,
    #[graph(required)]
    duration: Option<Duration>,
    #[graph(read_only)]
    last_modified_date_time: Option<DateTimeOffset>,
}

/// The body of "Create event" with a recurrence, as the page writes it, plus what Graph
/// adds: `createdDateTime` without an offset, as some services send.
const EVENT: &str = r##"{"@odata.type":"#microsoft.graph.event","id":"AAMkAGI1","subject":"Weekly sync","start":{"dateTime":"2017-09-04T12:00:00.0000000","timeZone":"Pacific Standard Time"},"end":{"dateTime":"2017-09-04T14:00:00.0000000","timeZone":"Pacific Standard Time"},"recurrence":{"range":{"type":"EndDate","startDate":"2017-09-04","endDate":"2017-12-31","recurrenceTimeZone":"Pacific Standard Time"}},"createdDateTime":"2019-09-27T01:01:04.566"}"##;

#[test]
fn an_event_with_local_times_and_a_recurrence_reads_and_writes_back_as_sent() {
    let event: Event = serde_json::from_str(EVENT).unwrap();
    let start = event.start.as_ref().unwrap();
    assert_eq!(
        graph_core::time::PrimitiveDateTime::from(start.date_time.unwrap()).hour(),
        12
    );
    let range = event.recurrence.as_ref().unwrap().range.as_ref().unwrap();
    // The page writes the member `EndDate`; the enum's is `endDate`.
    assert_eq!(range.r#type, Some(RecurrenceRangeType::EndDate));
    assert_eq!(
        graph_core::time::Date::from(range.end_date.unwrap()).ordinal(),
        365
    );
    let created = event.created_date_time.unwrap();
    assert!(created.to_offset_date_time().offset().is_utc());
    // Everything is written back as read, but the enum member, in its declared case.
    let written = serde_json::to_string(&event).unwrap();
    assert_eq!(written, EVENT.replace("\"EndDate\"", "\"endDate\""));
}

#[test]
fn a_create_body_carries_the_values_as_graph_writes_them() {
    let event = Event {
        subject: Some("Weekly sync".into()),
        start: Some(DateTimeTimeZone {
            date_time: Some("2017-09-04T12:00:00".parse().unwrap()),
            time_zone: Some("Pacific Standard Time".into()),
        }),
        recurrence: Some(PatternedRecurrence {
            range: Some(RecurrenceRange {
                r#type: Some(RecurrenceRangeType::NoEnd),
                start_date: Some("2017-09-04".parse().unwrap()),
                end_date: None,
                recurrence_time_zone: None,
            }),
        }),
        ..Event::default()
    };
    let request = event.create_request("me").unwrap();
    let body: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(
        body,
        json!({
            "@odata.type": "#microsoft.graph.event",
            "subject": "Weekly sync",
            "start": {"dateTime": "2017-09-04T12:00:00", "timeZone": "Pacific Standard Time"},
            "recurrence": {"range": {"type": "noEnd", "startDate": "2017-09-04"}}
        })
    );
}

#[test]
fn a_utc_instant_where_a_local_time_belongs_is_refused_naming_the_property() {
    let sent_as_utc = EVENT.replace("2017-09-04T12:00:00.0000000", "2017-09-04T12:00:00Z");
    let error = serde_json::from_str::<Event>(&sent_as_utc).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains(
            "invalid LocalDateTime `2017-09-04T12:00:00Z`: a LocalDateTime has no offset"
        ),
        "{message}"
    );
    // Through parse_response, the property is named by its path.
    let request = Event::get_request("me", "AAMkAGI1").unwrap();
    let error = request
        .parse_response(raw_response(200, sent_as_utc))
        .unwrap_err();
    assert_eq!(error.property(), Some("start.dateTime"));
}

#[test]
fn working_hours_and_a_two_year_relationship() {
    let hours: WorkingHours = serde_json::from_value(json!({
        "daysOfWeek": ["monday", "tuesday"],
        "startTime": "08:00:00.0000000",
        "endTime": "17:00:00.0000000"
    }))
    .unwrap();
    let (start, end) = (hours.start_time.unwrap(), hours.end_time.unwrap());
    assert!(start < end);
    assert_eq!(
        serde_json::to_value(&hours).unwrap()["endTime"],
        "17:00:00.0000000"
    );

    let relationship = DelegatedAdminRelationship {
        display_name: Some("Contoso support".into()),
        duration: Some("P730D".parse().unwrap()),
        ..DelegatedAdminRelationship::default()
    };
    let body = relationship.create_request().unwrap().into_body();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.delegatedAdminRelationship","displayName":"Contoso support","duration":"P730D"}"##
    );
    let length = std::time::Duration::try_from(relationship.duration.unwrap()).unwrap();
    assert_eq!(length.as_secs() / 86_400, 730);
    // An impossible duration is an error naming it, not a panic.
    let error = serde_json::from_value::<DelegatedAdminRelationship>(json!({"duration": "PT"}))
        .unwrap_err();
    assert!(
        error.to_string().contains("invalid Duration `PT`"),
        "{error}"
    );
}

/// `microsoft.graph.identityGovernance.lifecycleTaskCategory`, a flags enum.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum TaskCategory {
    Joiner,
    Leaver,
    UnknownFutureValue,
}

/// The runtime's own types named under `graph_core::`, as generated code names them (which
/// the macros hand over without asking rustc what they are), written as `Option` and not:
/// each is read, written back, and validated where it validates itself.
#[graph_resource(path = "/named", odata = "#microsoft.graph.named")]
#[derive(Debug, Clone, PartialEq)]
struct Named {
    at: graph_core::DateTimeOffset,
    maybe_at: Option<graph_core::DateTimeOffset>,
    categories: graph_core::Flags<TaskCategory>,
    maybe_categories: Option<graph_core::Flags<TaskCategory>>,
    content: graph_core::Binary,
    day: Option<graph_core::Date>,
    time: Option<graph_core::TimeOfDay>,
    length: graph_core::Duration,
}

#[test]
fn the_runtime_types_named_under_the_crate_read_write_and_validate() {
    let sent = json!({
        "at": "2024-05-01T08:30:00.1234567Z",
        "maybeAt": "2024-05-02T00:00:00Z",
        "categories": "leaver,joiner",
        "maybeCategories": "joiner",
        "content": "aGVsbG8=",
        "day": "2024-05-03",
        "time": "09:15:00",
        "length": "PT1H30M"
    });
    let named: Named = serde_json::from_value(sent.clone()).unwrap();
    assert_eq!(named.content.as_bytes(), b"hello");
    let mut written = sent.clone();
    // Flags are written in declaration order.
    written["categories"] = json!("joiner,leaver");
    written["@odata.type"] = json!("#microsoft.graph.named");
    assert_eq!(serde_json::to_value(&named).unwrap(), written);
    // Each is required where it is not an `Option`, naming the property.
    let missing = serde_json::from_value::<Named>(json!({"categories": "joiner"})).unwrap_err();
    assert!(missing.to_string().contains("`at`"), "{missing}");
    // A flags value validates itself: the sentinel is never sent.
    let mut sentinel = named.clone();
    sentinel.maybe_categories = Some(graph_core::Flags::from([TaskCategory::UnknownFutureValue]));
    let violations = graph_core::GraphResource::validate(&sentinel).unwrap_err();
    assert!(
        violations.to_string().contains("maybeCategories"),
        "{violations}"
    );
}
