//! Building requests without a network: the paths `get_request`, `list_request`,
//! `create_request`, `update_request(_from)`, `delete_request` and their `_at` forms give,
//! their parameters and templates checked; what an update sends; query options, headers
//! and preferences; and the URL and headers `to_http` writes for every cloud. (What comes
//! back is in `responses.rs`, pages in `paging.rs`.)

mod support;

use graph_core::http::{self, header, HeaderName, HeaderValue};
use graph_core::resource::{GraphObject, GraphType};
use graph_core::serde_json::{json, Map, Value};
use graph_core::validation::ViolationKind;
use graph_core::{graph_complex, graph_resource, ApiVersion, Cloud, Endpoint, GraphResource};
use graph_examples::lifecycle_workflows::{LifecycleWorkflowProcessingStatus, Run};
use graph_examples::samples::{new_user, queued_run};
use graph_examples::users::{PasswordProfile, User};
use support::{token, violations, MemberRef, TOKEN};

/// An event, at the path an app-only daemon uses (`/me` needs a signed-in user).
#[graph_resource(
    path = "/users/{user-id}/calendars/{calendar-id}/events",
    odata = "#microsoft.graph.event"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct Event {
    #[graph(read_only)]
    id: Option<String>,
    #[graph(required)]
    subject: Option<String>,
    body: Option<ItemBody>,
    categories: Option<Vec<String>>,
    is_reminder_on: Option<bool>,
    #[graph(additional_data)]
    additional_data: Map<String, Value>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct ItemBody {
    #[graph(required)]
    content_type: Option<String>,
    content: Option<String>,
}

/// A resource whose collection path already has a placeholder called `id`.
#[graph_resource(
    path = "/groups/{id}/threads",
    odata = "#microsoft.graph.conversationThread"
)]
#[derive(Debug, Clone, PartialEq, Default)]
struct Thread {
    topic: Option<String>,
}

fn text(body: &[u8]) -> &str {
    std::str::from_utf8(body).unwrap()
}

fn event() -> Event {
    Event {
        id: Some("AAMkAGI1".into()),
        subject: Some("Plan".into()),
        body: Some(ItemBody {
            content_type: Some("HTML".into()),
            content: Some("Agenda".into()),
        }),
        categories: Some(vec!["Red".into()]),
        is_reminder_on: Some(true),
        additional_data: Map::new(),
    }
}

#[test]
fn a_request_carries_the_url_and_the_headers_graph_expects() {
    let create = queued_run().create_request().unwrap();
    let request = create.to_http(&Endpoint::beta(), &token());
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.uri(),
        "https://graph.microsoft.com/beta/workflowBase/runs"
    );
    let headers = request.headers();
    assert_eq!(headers["authorization"], format!("Bearer {TOKEN}"));
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(
        headers["user-agent"],
        format!("msgraph-resource/{}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(request.body(), create.body());

    // A GUID, fresh for every request.
    let id = headers["client-request-id"].to_str().unwrap().to_owned();
    let groups: Vec<usize> = id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
    assert!(
        id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()),
        "{id}"
    );
    let again = create.to_http(&Endpoint::beta(), &token());
    assert_ne!(again.headers()["client-request-id"], id.as_str());
}

#[test]
fn the_url_is_root_version_and_encoded_path_for_every_cloud() {
    let create = MemberRef {
        odata_id: Some("https://graph.microsoft.com/v1.0/directoryObjects/1".into()),
    }
    .create_request("g/1 ..")
    .unwrap();
    for (endpoint, url) in [
        (Endpoint::v1(), "https://graph.microsoft.com/v1.0"),
        (
            Endpoint::new(Cloud::UsGovL4, ApiVersion::V1),
            "https://graph.microsoft.us/v1.0",
        ),
        (
            Endpoint::new(Cloud::UsGovL5, ApiVersion::Beta),
            "https://dod-graph.microsoft.us/beta",
        ),
        (
            Endpoint::new(Cloud::China, ApiVersion::V1),
            "https://microsoftgraph.chinacloudapi.cn/v1.0",
        ),
        (
            Endpoint::custom("http://127.0.0.1:9/proxy/v1.0/").unwrap(),
            "http://127.0.0.1:9/proxy/v1.0",
        ),
    ] {
        let request = create.to_http(&endpoint, &token());
        assert_eq!(
            request.uri().to_string(),
            format!("{url}/groups/g%2F1%20../members/$ref")
        );
    }
}

#[test]
fn item_operations_address_the_item_under_the_collection_path() {
    let get = Event::get_request("adele@contoso.com", "AQMk/1", "AAMk..").unwrap();
    assert_eq!(get.method(), http::Method::GET);
    assert_eq!(
        get.path(),
        "/users/adele%40contoso.com/calendars/AQMk%2F1/events/AAMk.."
    );
    let delete = Event::delete_request("u", "c", "..").unwrap();
    assert_eq!(delete.method(), http::Method::DELETE);
    assert_eq!(delete.path(), "/users/u/calendars/c/events/%2E%2E");
    let update = event().update_request("u", "c", "e 1").unwrap();
    assert_eq!(update.method(), http::Method::PATCH);
    assert_eq!(update.path(), "/users/u/calendars/c/events/e%201");
    let list = Event::list_request("u", "c").unwrap();
    assert_eq!(list.path(), "/users/u/calendars/c/events");
    // The key of a path whose collection has an `{id}` is `item_id`.
    assert_eq!(
        Thread::get_request("g", "t").unwrap().path(),
        "/groups/g/threads/t"
    );
}

#[test]
fn empty_parameters_and_keys_are_violations_named_by_placeholder() {
    let error = Event::get_request("", "c", "").unwrap_err();
    let found = violations(&error);
    assert_eq!(
        found,
        [
            ("user-id", ViolationKind::EmptyPathParameter),
            ("id", ViolationKind::EmptyPathParameter)
        ]
    );
    assert!(User::delete_request("").is_err());
    assert!(User::list_request_at("/users/{id}/events", &[""]).is_err());
}

#[test]
fn any_documented_path_through_the_at_forms() {
    let me = User::get_request_at("/me", &[]).unwrap();
    assert_eq!(me.path(), "/me");
    let events = Event::list_request_at("/me/calendars/{id}/events", &["AQ/=="]).unwrap();
    assert_eq!(events.path(), "/me/calendars/AQ%2F%3D%3D/events");
    let created = event()
        .create_request_at("/groups/{group-id}/events", &["g1"])
        .unwrap();
    assert_eq!(created.path(), "/groups/g1/events");
    assert_eq!(
        User::delete_request_at("/users/{id}", &["a?b"])
            .unwrap()
            .path(),
        "/users/a%3Fb"
    );
    let updated = new_user()
        .update_request_at("/users/{id}", &["u1"])
        .unwrap();
    assert_eq!(updated.path(), "/users/u1");
    let before = new_user();
    let mut after = before.clone();
    after.job_title = Some("Lead".into());
    let from = after.update_request_from_at(&before, "/me", &[]).unwrap();
    assert_eq!(
        text(from.body()),
        r##"{"@odata.type":"#microsoft.graph.user","jobTitle":"Lead"}"##
    );
}

#[test]
fn at_templates_are_checked_by_the_rules_of_the_attribute() {
    let error = User::get_request_at("/users/{id | userPrincipalName}", &["a"]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::InvalidPathTemplate
    );
    assert_eq!(
        error.to_string(),
        "microsoft.graph.user is not valid: path parameter `{id | userPrincipalName}` lists \
         alternatives, as Graph's pages do; a placeholder is one name, which takes one value: \
         write `{id}` or `{userId}`"
    );
    let error = User::list_request_at("users", &[]).unwrap_err();
    assert_eq!(
        error.violations()[0].to_string(),
        "path template `users` must start with `/`: write `/users`"
    );
    let error = User::get_request_at("/users/{id}/events?$top=1", &["a"]).unwrap_err();
    assert!(
        error.to_string().contains("without a query or fragment"),
        "{error}"
    );
    let error = User::get_request_at("/users/{id}", &[]).unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::PathParameterCount
    );
    assert_eq!(
        error.violations()[0].to_string(),
        "path template `/users/{id}` has 1 placeholder (`{id}`), and 0 parameters were given"
    );
    let error = new_user()
        .create_request_at("/groups/{a}/{b}", &["x"])
        .unwrap_err();
    assert!(error
        .to_string()
        .contains("2 placeholders (`{a}`, `{b}`), and 1 parameter was given"));
}

#[test]
fn an_update_is_partial_and_needs_no_required_property() {
    // No required property is set: an update sends only what is set.
    let change = User {
        id: Some("read-only".into()),
        job_title: Some("Lead".into()),
        ..User::default()
    };
    let request = change.update_request("u1").unwrap();
    assert_eq!(
        text(request.body()),
        r##"{"@odata.type":"#microsoft.graph.user","jobTitle":"Lead"}"##
    );
    // A complex value is sent whole, so what it requires is still checked.
    let change = User {
        password_profile: Some(PasswordProfile::default()),
        ..User::default()
    };
    let error = change.update_request("u1").unwrap_err();
    assert_eq!(error.violations()[0].path(), "passwordProfile.password");
    // Enum sentinels are never sent.
    let run = Run {
        processing_status: Some(LifecycleWorkflowProcessingStatus::UnknownFutureValue),
        ..Run::default()
    };
    let error = run.update_request("r1").unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::UnknownFutureValue
    );
}

#[test]
fn update_from_sends_what_changed_null_for_what_was_cleared() {
    let before = event();
    let mut after = before.clone();
    after.subject = Some("Plan, again".into()); // changed
    after.is_reminder_on = None; // cleared
    after.body.as_mut().unwrap().content = Some("New agenda".into()); // nested: sent whole
    after.id = Some("another".into()); // read-only: never sent
    let request = after.update_request_from(&before, "u", "c", "e").unwrap();
    assert_eq!(
        text(request.body()),
        r##"{"@odata.type":"#microsoft.graph.event","subject":"Plan, again","body":{"contentType":"HTML","content":"New agenda"},"isReminderOn":null}"##
    );
    // Nothing changed: only the type.
    let same = before.update_request_from(&before, "u", "c", "e").unwrap();
    assert_eq!(
        text(same.body()),
        r##"{"@odata.type":"#microsoft.graph.event"}"##
    );
    // A collection that changed is sent whole.
    let mut tagged = before.clone();
    tagged.categories.as_mut().unwrap().push("Blue".into());
    let request = tagged.update_request_from(&before, "u", "c", "e").unwrap();
    assert_eq!(
        text(request.body()),
        r##"{"@odata.type":"#microsoft.graph.event","categories":["Red","Blue"]}"##
    );
}

#[test]
fn update_from_sends_additional_data_added_changed_and_removed() {
    let mut before = event();
    before.additional_data = json!({
        "@odata.etag": "W/\"1\"",
        "location": {"displayName": "Room 1"},
        "showAs": "busy",
        "importance": "normal",
    })
    .as_object()
    .unwrap()
    .clone();
    let mut after = before.clone();
    after.additional_data["@odata.etag"] = json!("W/\"2\"");
    after.additional_data["showAs"] = json!("free");
    after.additional_data.remove("importance");
    after
        .additional_data
        .insert("sensitivity".into(), json!("private"));
    let request = after.update_request_from(&before, "u", "c", "e").unwrap();
    assert_eq!(
        text(request.body()),
        r##"{"@odata.type":"#microsoft.graph.event","showAs":"free","sensitivity":"private","importance":null}"##
    );
}

#[test]
fn request_bodies_leave_out_the_objects_own_annotations() {
    let mut user = new_user();
    user.additional_data = json!({
        "@odata.etag": "W/\"1\"",
        "@odata.id": "https://graph.microsoft.com/v2/users/1",
        "@odata.editLink": "users/1",
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
        "manager@odata.bind": "https://graph.microsoft.com/v1.0/users/2",
        "@microsoft.graph.conflictBehavior": "rename",
    })
    .as_object()
    .unwrap()
    .clone();
    let created = user.create_request().unwrap();
    let body = text(created.body());
    assert!(
        !body.contains("@odata.etag") && !body.contains("@odata.id\""),
        "{body}"
    );
    assert!(!body.contains("@odata.editLink") && !body.contains("@odata.context"));
    assert!(body.ends_with(
        r#""manager@odata.bind":"https://graph.microsoft.com/v1.0/users/2","@microsoft.graph.conflictBehavior":"rename"}"#
    ), "{body}");
    let updated = user.update_request("u").unwrap();
    assert!(!text(updated.body()).contains("@odata.etag"));
    // Written in full, as read, the annotations stay.
    let full = graph_core::serde_json::to_string(&user).unwrap();
    assert!(full.contains("@odata.etag"));
}

#[test]
fn clear_sends_null_for_a_declared_writable_property() {
    let request = User {
        job_title: Some("Lead".into()),
        ..User::default()
    }
    .update_request("u")
    .unwrap()
    .clear("usageLocation")
    .unwrap()
    .clear("jobTitle")
    .unwrap();
    assert_eq!(
        text(request.body()),
        r##"{"@odata.type":"#microsoft.graph.user","jobTitle":null,"usageLocation":null}"##
    );
    let error = User::default()
        .update_request("u")
        .unwrap()
        .clear("jobtitle")
        .unwrap_err();
    assert_eq!(error.violations()[0].kind(), ViolationKind::UnknownProperty);
    assert!(
        error.to_string().contains("did you mean `jobTitle`?"),
        "{error}"
    );
    let error = User::default()
        .update_request("u")
        .unwrap()
        .clear("createdDateTime")
        .unwrap_err();
    assert_eq!(
        error.violations()[0].kind(),
        ViolationKind::ReadOnlyProperty
    );
}

#[test]
fn if_match_is_sent_on_updates_and_deletes() {
    let update = event()
        .update_request("u", "c", "e")
        .unwrap()
        .if_match("W/\"JzEtMjQ=\"")
        .to_http(&Endpoint::v1(), &token());
    assert_eq!(update.headers()[header::IF_MATCH], "W/\"JzEtMjQ=\"");
    assert_eq!(update.headers()[header::CONTENT_TYPE], "application/json");
    let delete = Event::delete_request("u", "c", "e")
        .unwrap()
        .if_match("*")
        .to_http(&Endpoint::v1(), &token());
    assert_eq!(delete.method(), http::Method::DELETE);
    assert_eq!(delete.headers()[header::IF_MATCH], "*");
    assert!(delete.body().is_empty());
    assert!(delete.headers().get(header::CONTENT_TYPE).is_none());
}

#[test]
fn headers_and_preferences_reach_the_http_request() {
    let request = Event::list_request("u", "c")
        .unwrap()
        .page_size(50)
        .prefer("outlook.timezone=\"Pacific Standard Time\"")
        .header(
            HeaderName::from_static("prefer"),
            HeaderValue::from_static("outlook.body-content-type=\"text\", odata.maxpagesize=10"),
        )
        .header(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer user-supplied"),
        )
        .header(
            HeaderName::from_static("x-custom"),
            HeaderValue::from_static("1"),
        );
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert_eq!(
        sent.headers()["prefer"],
        "odata.maxpagesize=10, outlook.timezone=\"Pacific Standard Time\", outlook.body-content-type=\"text\""
    );
    assert_eq!(sent.headers().get_all("prefer").iter().count(), 1);
    assert_eq!(
        sent.headers().get_all(header::AUTHORIZATION).iter().count(),
        1
    );
    assert_eq!(
        sent.headers()[header::AUTHORIZATION],
        "Bearer user-supplied"
    );
    assert!(sent.headers()[header::AUTHORIZATION].is_sensitive());
    assert_eq!(sent.headers()["x-custom"], "1");
    // Without one of its own, the token's.
    let plain = User::get_request("u")
        .unwrap()
        .to_http(&Endpoint::v1(), &token());
    assert_eq!(
        plain.headers()[header::AUTHORIZATION],
        format!("Bearer {TOKEN}")
    );
    assert!(plain.headers().get("prefer").is_none());
}

#[test]
fn query_options_are_encoded_so_any_character_arrives_as_written() {
    let request = User::list_request()
        .unwrap()
        .select(&["id", "displayName"])
        .unwrap()
        .filter("startswith(displayName,'A&B = C+D #1 %') and accountEnabled eq true")
        .order_by("displayName desc")
        .top(5)
        .expand("manager($select=id)")
        .top(7);
    assert_eq!(
        request.path(),
        "/users?$select=id,displayName\
         &$filter=startswith(displayName,'A%26B%20%3D%20C%2BD%20%231%20%25')%20and%20accountEnabled%20eq%20true\
         &$orderby=displayName%20desc&$top=7&$expand=manager($select%3Did)"
    );
    let sent = request.to_http(&Endpoint::v1(), &token());
    assert!(sent
        .uri()
        .to_string()
        .starts_with("https://graph.microsoft.com/v1.0/users?$select="));
    assert!(sent.headers().get("consistencylevel").is_none());
    let counted = User::list_request()
        .unwrap()
        .search("\"displayName:Adele\"")
        .count();
    assert_eq!(
        counted.path(),
        "/users?$search=%22displayName:Adele%22&$count=true"
    );
    assert_eq!(
        counted.to_http(&Endpoint::v1(), &token()).headers()["consistencylevel"],
        "eventual"
    );
    let get = User::get_request("u").unwrap().select(&["mail"]).unwrap();
    assert_eq!(get.path(), "/users/u?$select=mail");
}

#[test]
fn select_refuses_a_name_the_type_does_not_declare() {
    let error = Run::list_request()
        .unwrap()
        .select(&["id", "failedtaskscount", "nonsense"])
        .unwrap_err();
    let messages: Vec<String> = error.violations().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "`failedtaskscount` is not a property of the type; did you mean `failedTasksCount`?",
            "`nonsense` is not a property of the type",
        ]
    );
    // A type with additional data keeps what it does not declare, so any name will do,
    // but a declared one in another case.
    let open = User::list_request()
        .unwrap()
        .select(&["id", "officeLocation"])
        .unwrap();
    assert_eq!(open.path(), "/users?$select=id,officeLocation");
    let error = User::list_request()
        .unwrap()
        .select(&["displayname", ""])
        .unwrap_err();
    assert_eq!(error.violations().len(), 2);
}

#[test]
fn debug_shows_neither_body_nor_header_values() {
    let request = new_user().update_request("u").unwrap().if_match("W/\"1\"");
    let debug = format!("{request:?}");
    assert!(
        debug.starts_with("UpdateRequest { method: PATCH, path: \"/users/u\""),
        "{debug}"
    );
    assert!(!debug.contains("xWwvJ") && !debug.contains("W/"), "{debug}");
}

/// Graph's `plannerPreviewType`-like enum: a member declared after the sentinel.
#[graph_core::graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum PreviewType {
    Automatic,
    NoPreview,
    UnknownFutureValue,
    Checklist,
}

/// An enum whose members all come before the sentinel, without `other`.
#[graph_core::graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum Importance {
    Low,
    High,
    UnknownFutureValue,
}

/// An enum without a sentinel that keeps what it does not know.
#[graph_core::graph_enum]
#[derive(Debug, Clone, PartialEq)]
enum Channel {
    Email,
    #[graph(other)]
    Other(String),
}

#[graph_resource(path = "/planner/tasks", odata = "#microsoft.graph.plannerTask")]
#[derive(Debug, Clone, PartialEq, Default)]
struct PlannerTask {
    title: Option<String>,
    preview_type: Option<PreviewType>,
}

/// Nothing here has late members: a plain enum, a recursive complex type, a serde value.
#[graph_resource(path = "/calm", odata = "#microsoft.graph.calm")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Calm {
    importance: Option<Importance>,
    tree: Option<Node>,
    raw: Option<Value>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Node {
    importance: Option<Importance>,
    children: Option<Vec<Node>>,
}

/// The late enum sits three containers and two complex types down.
#[graph_resource(path = "/deep", odata = "#microsoft.graph.deep")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Deep {
    settings: Option<Vec<Settings>>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Settings {
    by_name: Option<std::collections::BTreeMap<String, Box<Delivery>>>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Delivery {
    channel: Option<Channel>,
}

/// Two resources that hold each other; only `Ring` holds a late enum, after the cycle.
#[graph_resource(path = "/rings", odata = "#microsoft.graph.ring")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Ring {
    link: Option<Box<Link>>,
    preview_type: Option<PreviewType>,
}

#[graph_resource(path = "/links", odata = "#microsoft.graph.link")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Link {
    ring: Option<Box<Ring>>,
    importance: Option<Importance>,
}

/// Items that are either a planner task (late members) or anything else.
#[graph_core::graph_union(odata = "#microsoft.graph.entity", path = "/things")]
#[derive(Debug, Clone, PartialEq)]
enum Thing {
    Task(PlannerTask),
    #[graph(other)]
    Other(Map<String, Value>),
}

const LATE: &str = "include-unknown-enum-members";

/// The preferences each request kind of `T` carries, as `to_http` writes them.
fn asks_for_late_members<T: GraphResource + graph_core::__private::Object>(value: T) -> [bool; 5] {
    let id = "i";
    let prefer = |headers: &http::HeaderMap| {
        headers
            .get("prefer")
            .is_some_and(|value| value.to_str().unwrap().contains(LATE))
    };
    let (endpoint, token) = (Endpoint::v1(), token());
    [
        prefer(
            value
                .create_request_at("/x", &[])
                .unwrap()
                .to_http(&endpoint, &token)
                .headers(),
        ),
        prefer(
            T::get_request_at("/x/{id}", &[id])
                .unwrap()
                .to_http(&endpoint, &token)
                .headers(),
        ),
        prefer(
            T::list_request_at("/x", &[])
                .unwrap()
                .to_http(&endpoint, &token)
                .headers(),
        ),
        prefer(
            value
                .update_request_at("/x/{id}", &[id])
                .unwrap()
                .to_http(&endpoint, &token)
                .headers(),
        ),
        prefer(
            T::delete_request_at("/x/{id}", &[id])
                .unwrap()
                .to_http(&endpoint, &token)
                .headers(),
        ),
    ]
}

#[test]
fn late_enum_members_are_asked_for_where_a_type_holds_them_at_any_depth() {
    // Create, get, list and update ask; delete reads nothing back.
    let asks = [true, true, true, true, false];
    assert_eq!(asks_for_late_members(PlannerTask::default()), asks);
    assert_eq!(asks_for_late_members(Deep::default()), asks);
    assert_eq!(asks_for_late_members(Calm::default()), [false; 5]);
    assert_eq!(asks_for_late_members(event()), [false; 5]);
    // `Link` is walked inside `Ring`'s walk, where the cycle stops it early; that partial
    // answer is not kept, so `Link` asked on its own still finds `Ring`'s enum.
    assert_eq!(asks_for_late_members(Ring::default()), asks);
    assert_eq!(asks_for_late_members(Link::default()), asks);
    // A union asks where one of its variants does.
    let things = Thing::list_request().unwrap();
    assert_eq!(things.preferences().collect::<Vec<_>>(), [LATE]);
    assert_eq!(Thing::get_request("t").unwrap().preferences().count(), 1);
    // With the generated methods too, merged with the user's own and never twice.
    let task = PlannerTask::get_request("t")
        .unwrap()
        .prefer("return=minimal")
        .prefer(LATE);
    assert_eq!(
        task.preferences().collect::<Vec<_>>(),
        [LATE, "return=minimal"]
    );
    let sent = PlannerTask::list_request()
        .unwrap()
        .page_size(5)
        .to_http(&Endpoint::v1(), &token());
    assert_eq!(
        sent.headers()["prefer"],
        "include-unknown-enum-members, odata.maxpagesize=5"
    );
    assert!(Calm::list_request().unwrap().preferences().next().is_none());
}

/// Code generic over resources names only public traits: `GraphResource` for every
/// operation's `_at` form, `GraphObject` for updates, nothing from the hidden runtime.
mod generic {
    use graph_core::prelude::*;
    use graph_core::{CreateRequest, GetRequest, ListRequest, UpdateRequest, ValidationError};

    fn read_both<T: GraphResource>(
        collection: &str,
        id: &str,
    ) -> Result<(GetRequest<T>, ListRequest<T>), ValidationError> {
        let get = T::get_request_at(&format!("{collection}/{{id}}"), &[id])?;
        Ok((get, T::list_request_at(collection, &[])?.top(5)))
    }

    fn create_at<T: GraphResource>(
        value: &T,
        path: &str,
    ) -> Result<CreateRequest<T>, ValidationError> {
        value.create_request_at(path, &[])
    }

    fn rename<T: GraphResource + GraphObject>(
        changed: &T,
        before: &T,
        path: &str,
    ) -> Result<UpdateRequest<T>, ValidationError> {
        changed.update_request_from_at(before, path, &[])
    }

    #[test]
    fn generic_functions_over_resources_need_no_hidden_trait() {
        use graph_examples::samples::queued_run;
        let (get, list) =
            read_both::<graph_examples::lifecycle_workflows::Run>("/workflowBase/runs", "r1")
                .unwrap();
        assert_eq!(get.path(), "/workflowBase/runs/r1");
        assert_eq!(list.path(), "/workflowBase/runs?$top=5");
        let run = queued_run();
        assert_eq!(
            create_at(&run, "/workflowBase/runs").unwrap().path(),
            "/workflowBase/runs"
        );
        let mut changed = run.clone();
        changed.failed_tasks_count = Some(3);
        let update = rename(&changed, &run, "/workflowBase/runs/r1").unwrap();
        assert_eq!(
            update.body(),
            br##"{"@odata.type":"#microsoft.graph.identityGovernance.run","failedTasksCount":3}"##
        );
    }
}
