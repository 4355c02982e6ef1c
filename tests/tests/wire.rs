//! The JSON a resource writes and reads, beyond the seed page: names, order, `None`,
//! read-only fields, annotations and undeclared properties, and what is refused.

use graph_core::serde_json::{self, json, Value};
use graph_core::{graph_enum, graph_resource, DateTimeOffset};

#[graph_resource(path = "/things", odata = "microsoft.graph.thing")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Thing {
    #[graph(read_only)]
    id: Option<String>,
    display_name: Option<String>,
    r#type: Option<String>,
    #[graph(rename = "mail")]
    email_address: Option<String>,
    address_line_1: Option<String>,
    tags: Vec<String>,
    count: i64,
    ratio: Option<f64>,
    enabled: Option<bool>,
    extra: Option<Value>,
    when: Option<DateTimeOffset>,
    #[graph(read_only)]
    created_by: Option<String>,
}

fn write(thing: &Thing) -> String {
    serde_json::to_string(thing).unwrap()
}

fn create_body(thing: &Thing) -> String {
    String::from_utf8(thing.create_request().unwrap().into_body()).unwrap()
}

#[test]
fn odata_type_is_written_first_in_hash_form() {
    let body = create_body(&Thing::default());
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.thing","tags":[],"count":0}"##
    );
}

#[test]
fn names_are_lower_camel_case_raw_identifiers_lose_r_hash_and_rename_wins() {
    let thing = Thing {
        display_name: Some("a".into()),
        r#type: Some("b".into()),
        email_address: Some("c".into()),
        address_line_1: Some("d".into()),
        ..Thing::default()
    };
    assert_eq!(
        create_body(&thing),
        r##"{"@odata.type":"#microsoft.graph.thing","displayName":"a","type":"b","mail":"c","addressLine1":"d","tags":[],"count":0}"##
    );
}

#[test]
fn fields_are_written_in_declaration_order_and_none_is_left_out() {
    let thing = Thing {
        when: Some("2024-01-02T03:04:05Z".parse().unwrap()),
        enabled: Some(false),
        ratio: Some(0.5),
        extra: Some(json!({"z": 1, "a": [null]})),
        tags: vec!["x".into(), "y".into()],
        count: -3,
        ..Thing::default()
    };
    assert_eq!(
        create_body(&thing),
        r##"{"@odata.type":"#microsoft.graph.thing","tags":["x","y"],"count":-3,"ratio":0.5,"enabled":false,"extra":{"z":1,"a":[null]},"when":"2024-01-02T03:04:05Z"}"##
    );
}

#[test]
fn read_only_fields_are_written_by_serialize_but_never_in_a_create_body() {
    let thing = Thing {
        id: Some("1".into()),
        created_by: Some("me".into()),
        ..Thing::default()
    };
    assert_eq!(
        write(&thing),
        r##"{"@odata.type":"#microsoft.graph.thing","id":"1","tags":[],"count":0,"createdBy":"me"}"##
    );
    let body = create_body(&thing);
    assert!(!body.contains("\"id\""), "{body}");
    assert!(!body.contains("createdBy"), "{body}");
}

#[test]
fn what_is_written_reads_back_the_same() {
    let thing = Thing {
        id: Some("1".into()),
        display_name: Some("Ünïcödé \"quoted\" \\ / \n".into()),
        r#type: Some("t".into()),
        email_address: Some("a@b.c".into()),
        address_line_1: None,
        tags: vec![String::new()],
        count: i64::MAX,
        ratio: Some(-1.25e-7),
        enabled: Some(true),
        extra: Some(json!([1, "two", {"three": 3}])),
        when: Some("2024-01-02T03:04:05.1234567-08:00".parse().unwrap()),
        created_by: Some("me".into()),
    };
    let read: Thing = serde_json::from_str(&write(&thing)).unwrap();
    assert_eq!(read, thing);
    assert_eq!(write(&read), write(&thing));
}

#[test]
fn a_body_without_odata_type_reads() {
    let thing: Thing = serde_json::from_str(r#"{"count":1,"tags":[]}"#).unwrap();
    assert_eq!(thing.count, 1);
}

#[test]
fn odata_annotations_and_undeclared_properties_are_ignored() {
    let thing: Thing = serde_json::from_value(json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#things/$entity",
        "@odata.type": "#microsoft.graph.somethingElse",
        "@odata.etag": "W/\"1\"",
        "tags@odata.type": "#Collection(String)",
        "count": 2,
        "tags": ["a"],
        "unknownObject": {"deep": [1, {"deeper": null}]},
        "unknownNull": null,
        "displayName": "x",
    }))
    .unwrap();
    assert_eq!(thing.count, 2);
    assert_eq!(thing.display_name.as_deref(), Some("x"));
}

#[test]
fn an_option_field_that_is_null_or_missing_reads_as_none() {
    let thing: Thing = serde_json::from_str(r#"{"count":1,"tags":[],"displayName":null}"#).unwrap();
    assert_eq!(thing.display_name, None);
    assert_eq!(thing.r#type, None);
}

#[test]
fn a_missing_non_option_field_is_an_error_naming_it() {
    let error = serde_json::from_str::<Thing>(r#"{"tags":[]}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `count`"),
        "{error}"
    );
}

#[test]
fn a_null_non_option_field_is_an_error_naming_it() {
    let error = serde_json::from_str::<Thing>(r#"{"tags":[],"count":null}"#).unwrap_err();
    assert!(
        error.to_string().contains("property `count` is null"),
        "{error}"
    );
}

#[test]
fn a_repeated_property_is_an_error_naming_it() {
    let error = serde_json::from_str::<Thing>(r#"{"tags":[],"count":1,"count":2}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `count`"),
        "{error}"
    );
}

#[test]
fn a_value_of_the_wrong_type_is_an_error() {
    let error = serde_json::from_str::<Thing>(r#"{"tags":[],"count":"Integer"}"#).unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
}

#[test]
fn a_body_that_is_not_an_object_is_an_error_saying_what_was_expected() {
    let error = serde_json::from_str::<Thing>("[]").unwrap_err();
    assert!(
        error.to_string().contains("a microsoft.graph.thing object"),
        "{error}"
    );
}

#[test]
fn the_json_names_of_reserved_looking_keys_stay_data() {
    // A property literally named like an annotation's suffix is ordinary data.
    #[graph_resource(path = "/x", odata = "microsoft.graph.x")]
    #[derive(Debug, Default)]
    struct Odd {
        #[graph(rename = "odata.type")]
        odata_type: Option<String>,
    }
    let odd: Odd = serde_json::from_str(r#"{"odata.type":"v","@odata.type":"w"}"#).unwrap();
    assert_eq!(odd.odata_type.as_deref(), Some("v"));
}

#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Low,
    High,
    UnknownFutureValue,
}

#[graph_resource(path = "/gauges", odata = "microsoft.graph.gauge")]
#[derive(Debug, PartialEq)]
struct Gauge {
    level: Level,
    history: Vec<Level>,
    #[graph(required)]
    peak: Option<Level>,
    boxed: Option<Box<Level>>,
}

#[test]
fn enum_fields_in_every_shape_are_written_and_read() {
    let gauge = Gauge {
        level: Level::Low,
        history: vec![Level::Low, Level::High],
        peak: Some(Level::High),
        boxed: Some(Box::new(Level::Low)),
    };
    let body = String::from_utf8(gauge.create_request().unwrap().into_body()).unwrap();
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.gauge","level":"low","history":["low","high"],"peak":"high","boxed":"low"}"##
    );
    let read: Gauge = serde_json::from_str(&body).unwrap();
    assert_eq!(read, gauge);
}

#[test]
fn a_sentinel_in_any_shape_is_reported_by_its_path() {
    use graph_core::GraphResource;
    let gauge = Gauge {
        level: Level::UnknownFutureValue,
        history: vec![Level::Low, Level::UnknownFutureValue],
        peak: Some(Level::UnknownFutureValue),
        boxed: Some(Box::new(Level::UnknownFutureValue)),
    };
    let error = gauge.validate().unwrap_err();
    let paths: Vec<&str> = error.violations().iter().map(|v| v.path()).collect();
    assert_eq!(paths, ["level", "history[1]", "peak", "boxed"]);
}

/// Derives written above the attribute work as well as below it.
#[derive(Debug, Clone, PartialEq, Default)]
#[graph_resource(path = "/notes", odata = "microsoft.graph.note")]
struct Note {
    #[graph(required, rename = "body")]
    text: Option<String>,
}

#[test]
fn derives_above_the_attribute_are_kept() {
    let note = Note {
        text: Some("hi".into()),
    };
    assert_eq!(note.clone(), note);
    assert_eq!(
        String::from_utf8(note.create_request().unwrap().into_body()).unwrap(),
        r##"{"@odata.type":"#microsoft.graph.note","body":"hi"}"##
    );
    assert!(format!("{:?}", Note::default()).contains("text: None"));
}

/// An `Option` behind a type alias is still an `Option`.
type Maybe<T> = Option<T>;

#[graph_resource(path = "/aliases", odata = "microsoft.graph.alias")]
#[derive(Debug, PartialEq)]
struct Aliased {
    nickname: Maybe<String>,
    anything: Value,
}

#[test]
fn an_option_behind_a_type_alias_is_left_out_when_none_and_read_as_none() {
    let value = Aliased {
        nickname: None,
        anything: Value::Null,
    };
    let body = String::from_utf8(value.create_request().unwrap().into_body()).unwrap();
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.alias","anything":null}"##
    );
    // Missing, and null: both `None`; a `Value` takes `null` as a value.
    let read: Aliased = serde_json::from_str(r#"{"anything":null}"#).unwrap();
    assert_eq!(read, value);
    let read: Aliased = serde_json::from_str(r#"{"nickname":null,"anything":null}"#).unwrap();
    assert_eq!(read, value);
    let read: Aliased = serde_json::from_str(r#"{"nickname":"n","anything":[1]}"#).unwrap();
    assert_eq!(read.nickname.as_deref(), Some("n"));
    // A `Value` that is missing is still missing.
    let error = serde_json::from_str::<Aliased>("{}").unwrap_err();
    assert!(
        error.to_string().contains("missing field `anything`"),
        "{error}"
    );
}

#[graph_resource(path = "/odd", odata = "microsoft.graph.odd")]
#[derive(Debug, PartialEq, Default)]
struct OddNames {
    #[graph(rename = "quote\"and\\backslash")]
    quoted: Option<i32>,
    #[graph(rename = "tab\there")]
    tabbed: Option<i32>,
    #[graph(rename = "naïve")]
    unicode: Option<i32>,
}

#[test]
fn names_that_need_escaping_are_escaped_in_both_writers_and_read_back() {
    let odd = OddNames {
        quoted: Some(1),
        tabbed: Some(2),
        unicode: Some(3),
    };
    let body = String::from_utf8(odd.create_request().unwrap().into_body()).unwrap();
    assert_eq!(
        body,
        r##"{"@odata.type":"#microsoft.graph.odd","quote\"and\\backslash":1,"tab\there":2,"naïve":3}"##
    );
    assert_eq!(body, serde_json::to_string(&odd).unwrap());
    assert_eq!(serde_json::from_str::<OddNames>(&body).unwrap(), odd);
}

/// Keys are matched as bytes: an escaped key reads as the property it spells, in any order,
/// and every reader serde_json has (a string, bytes, a reader, a `Value`) gives the same.
#[test]
fn keys_read_alike_escaped_out_of_order_and_from_every_source() {
    let text = r##"{"count":2,"display\u004eame":"Ann","@odata.type":"#microsoft.graph.thing","mail":"a@b.c","unknown\u00e9":1,"tags":["x"]}"##;
    let expected = Thing {
        display_name: Some("Ann".into()),
        email_address: Some("a@b.c".into()),
        tags: vec!["x".into()],
        count: 2,
        ..Thing::default()
    };
    assert_eq!(serde_json::from_str::<Thing>(text).unwrap(), expected);
    assert_eq!(
        serde_json::from_slice::<Thing>(text.as_bytes()).unwrap(),
        expected
    );
    assert_eq!(
        serde_json::from_reader::<_, Thing>(text.as_bytes()).unwrap(),
        expected
    );
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::from_value::<Thing>(value).unwrap(), expected);
}

/// More properties of the crate's types than one tuple of 16 holds: the read probe nests
/// them, and every one reads.
#[graph_core::graph_complex]
#[derive(Debug, PartialEq)]
struct ManyDates {
    d0: Option<DateTimeOffset>,
    d1: Option<DateTimeOffset>,
    d2: Option<DateTimeOffset>,
    d3: Option<DateTimeOffset>,
    d4: Option<DateTimeOffset>,
    d5: Option<DateTimeOffset>,
    d6: Option<DateTimeOffset>,
    d7: Option<DateTimeOffset>,
    d8: Option<DateTimeOffset>,
    d9: Option<DateTimeOffset>,
    d10: Option<DateTimeOffset>,
    d11: Option<DateTimeOffset>,
    d12: Option<DateTimeOffset>,
    d13: Option<DateTimeOffset>,
    d14: Option<DateTimeOffset>,
    d15: Option<DateTimeOffset>,
    d16: Option<DateTimeOffset>,
    d17: DateTimeOffset,
}

#[test]
fn types_with_more_than_sixteen_probed_properties_read() {
    let body = (0..18)
        .map(|i| format!(r#""d{i}":"2024-05-01T09:00:{i:02}Z""#))
        .collect::<Vec<_>>()
        .join(",");
    let read: ManyDates = serde_json::from_str(&format!("{{{body}}}")).unwrap();
    assert_eq!(read.d16.unwrap().to_string(), "2024-05-01T09:00:16Z");
    assert_eq!(read.d17.to_string(), "2024-05-01T09:00:17Z");
    assert_eq!(serde_json::to_string(&read).unwrap(), format!("{{{body}}}"));
}
