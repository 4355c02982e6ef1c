//! Property tests: generated values of every field kind, path parameters, enum members and
//! timestamps. Whatever the input, reading gives a value or an error (never a panic), and
//! what was read is written back exactly.

use graph_core::resource::GraphEnum;
use graph_core::serde_json::{self, Map, Number, Value};
use graph_core::time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};
use graph_core::validation::ViolationKind;
use graph_core::{
    graph_complex, graph_enum, graph_resource, Binary, DateTimeOffset, Flags, GraphResource,
};
use graph_examples::samples::kinds::{Circle, Colour, Inner, Item, PlainShape, Shape, Square};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// The declared names of the shared types (`graph_examples::samples::kinds`), which
// generated additional data must not use.
// ---------------------------------------------------------------------------------------

const INNER_NAMES: &[&str] = &["id", "label", "count"];

const CIRCLE_NAMES: &[&str] = &["radius", "centre", "children"];

/// The OData types `Shape` reads into a typed variant.
const SHAPE_TYPES: &[&str] = &[
    "#microsoft.graph.test.circle",
    "#microsoft.graph.test.square",
    "#microsoft.graph.test.shape",
];

const ITEM_NAMES: &[&str] = &[
    "id", "name", "small", "medium", "large", "unsigned", "byte", "ratio", "enabled", "when",
    "stamps", "raw", "maybeRaw", "tags", "colour", "colours", "inner", "inners", "shape", "shapes",
    "byName",
];

// ---------------------------------------------------------------------------------------
// Strategies.
// ---------------------------------------------------------------------------------------

/// Any Unicode text, control characters and all.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// Text that looks like a name: what Graph's keys and members mostly are, with a chance of
/// anything at all.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z@.#_]{0,12}",
        1 => text(8),
    ]
}

fn finite_f64() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        finite_f64().prop_filter_map("finite", Number::from_f64),
    ]
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        text(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((name(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Additional data: keys are neither declared properties nor the annotations that
/// describe the object rather than being its data.
fn additional(declared: &'static [&'static str]) -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((name(), json()), 0..4).prop_map(move |entries| {
        entries
            .into_iter()
            .filter(|(key, _)| {
                !declared.contains(&key.as_str()) && key != "@odata.type" && key != "@odata.context"
            })
            .collect()
    })
}

fn colour() -> impl Strategy<Value = Colour> {
    prop_oneof![
        Just(Colour::Red),
        Just(Colour::DarkGreen),
        Just(Colour::Blue),
        Just(Colour::UnknownFutureValue),
        name()
            .prop_filter("a member this code does not know", |member| {
                !Colour::MEMBERS.contains(&member.as_str())
            })
            .prop_map(Colour::Other),
    ]
}

/// Valid timestamps, in every form Graph writes: see `valid_timestamp_text`.
fn timestamp() -> impl Strategy<Value = DateTimeOffset> {
    valid_timestamp_text().prop_map(|(text, _)| text.parse().unwrap())
}

fn inner() -> impl Strategy<Value = Inner> {
    (
        prop::option::of(text(6)),
        prop::option::of(text(6)),
        any::<i64>(),
        additional(INNER_NAMES),
    )
        .prop_map(|(id, label, count, additional_data)| Inner {
            id,
            label,
            count,
            additional_data,
        })
}

/// Any shape: each variant, and circles holding shapes a few levels deep.
fn shape() -> impl Strategy<Value = Shape> {
    let unknown_type = name().prop_filter("a type no variant has", |odata| {
        let bare = |t: &str| t.strip_prefix('#').unwrap_or(t).to_owned();
        !SHAPE_TYPES.iter().any(|known| bare(known) == bare(odata))
    });
    let circle = || {
        (
            finite_f64(),
            prop::option::of(inner()),
            additional(CIRCLE_NAMES),
        )
    };
    let leaf = prop_oneof![
        circle().prop_map(|(radius, centre, extra)| Shape::Circle(Circle {
            radius,
            centre,
            children: None,
            extra
        })),
        (
            prop::option::of(any::<u32>()),
            prop::option::of(colour()),
            prop::option::of(timestamp())
        )
            .prop_map(|(side, colour, drawn)| Shape::Square(Box::new(Square {
                side,
                colour,
                drawn
            }))),
        prop::option::of(text(6)).prop_map(|name| Shape::Plain(PlainShape { name })),
        // An object of a derived type this code does not know, `@odata.type` anywhere in it.
        (
            unknown_type,
            prop::collection::vec((name(), json()), 0..4),
            any::<prop::sample::Index>()
        )
            .prop_map(|(odata, entries, at)| {
                let mut entries: Vec<_> = entries
                    .into_iter()
                    .filter(|(key, _)| key != "@odata.type")
                    .collect();
                let at = at.index(entries.len() + 1);
                entries.insert(at, ("@odata.type".to_owned(), Value::String(odata)));
                Shape::Other(entries.into_iter().collect())
            }),
    ];
    leaf.prop_recursive(2, 12, 3, move |shape| {
        (circle(), prop::collection::vec(shape, 0..3)).prop_map(
            |((radius, centre, extra), children)| {
                Shape::Circle(Circle {
                    radius,
                    centre,
                    children: Some(children),
                    extra,
                })
            },
        )
    })
}

fn item() -> impl Strategy<Value = Item> {
    let scalars = (
        prop::option::of(text(8)),
        text(8),
        any::<i8>(),
        any::<i32>(),
        any::<i64>(),
        any::<u64>(),
        prop::option::of(any::<u8>()),
        finite_f64(),
        any::<bool>(),
    );
    let values = (
        prop::option::of(timestamp()),
        prop::collection::vec(timestamp(), 0..3),
        json(),
        // `Some(null)` is written as `null`, which reads as `None`: JSON has one null.
        prop::option::of(json().prop_filter("not null", |v| !v.is_null())),
        prop::option::of(prop::collection::vec(text(6), 0..3)),
        colour(),
        prop::collection::vec(colour(), 0..3),
    );
    let nested = (
        prop::option::of(inner().prop_map(Box::new)),
        prop::collection::vec(inner(), 0..3),
        prop::option::of(shape()),
        prop::collection::vec(shape(), 0..3),
        prop::option::of(prop::collection::btree_map(text(6), inner(), 0..3)),
        additional(ITEM_NAMES),
    );
    (scalars, values, nested).prop_map(
        |(
            (id, name, small, medium, large, unsigned, byte, ratio, enabled),
            (when, stamps, raw, maybe_raw, tags, colour, colours),
            (inner, inners, shape, shapes, by_name, additional_data),
        )| Item {
            id,
            name,
            small,
            medium,
            large,
            unsigned,
            byte,
            ratio,
            enabled,
            when,
            stamps,
            raw,
            maybe_raw,
            tags,
            colour,
            colours,
            inner,
            inners,
            shape,
            shapes,
            by_name,
            additional_data,
        },
    )
}

/// A valid timestamp's text and the instant it names, built independently with `time`.
fn valid_timestamp_text() -> impl Strategy<Value = (String, graph_core::time::OffsetDateTime)> {
    let date = (0..=9999i32, 1..=12u8, 1..=31u8).prop_filter_map("a real date", |(y, m, d)| {
        Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
    });
    let clock = (0..24u8, 0..60u8, 0..60u8);
    // 0 to 7 fraction digits, each digit anything (trailing zeros included).
    let fraction = prop::collection::vec(0..10u32, 0..=7);
    // Z, +00:00, -00:00, or any offset up to ±23:59.
    let offset = prop_oneof![
        Just(("Z".to_owned(), 0i32)),
        Just(("+00:00".to_owned(), 0)),
        Just(("-00:00".to_owned(), 0)),
        // No offset at all, as some Graph services write: UTC.
        Just((String::new(), 0)),
        (any::<bool>(), 0..24i32, 0..60i32).prop_map(|(negative, h, m)| {
            let sign = if negative { -1 } else { 1 };
            (
                format!("{}{h:02}:{m:02}", if negative { '-' } else { '+' }),
                sign * (h * 3600 + m * 60),
            )
        }),
    ];
    (date, clock, fraction, offset).prop_map(|(date, (h, mi, s), fraction, (zone, seconds))| {
        let mut text = format!(
            "{:04}-{:02}-{:02}T{h:02}:{mi:02}:{s:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        );
        let mut nanos = 0u32;
        if !fraction.is_empty() {
            text.push('.');
            for (i, digit) in fraction.iter().enumerate() {
                text.push(char::from_digit(*digit, 10).unwrap());
                nanos += digit * 10u32.pow(8 - u32::try_from(i).unwrap());
            }
        }
        text.push_str(&zone);
        let time = Time::from_hms_nano(h, mi, s, nanos).unwrap();
        let offset = UtcOffset::from_whole_seconds(seconds).unwrap();
        (
            text,
            PrimitiveDateTime::new(date, time).assume_offset(offset),
        )
    })
}

/// Text near a valid one: a character replaced, inserted or removed, or cut short; or
/// characters from `alphabet`; or anything at all.
fn near<S: Strategy<Value = String> + 'static>(
    valid: impl Fn() -> S,
    alphabet: &'static str,
) -> impl Strategy<Value = String> {
    let mutated = (valid(), any::<prop::sample::Index>(), any::<char>(), 0..4u8).prop_map(
        |(text, at, c, how)| {
            let mut chars: Vec<char> = text.chars().collect();
            if chars.is_empty() {
                return String::from(c);
            }
            let at = at.index(chars.len());
            match how {
                0 => chars[at] = c,
                1 => chars.insert(at, c),
                2 => {
                    chars.remove(at);
                }
                _ => chars.truncate(at),
            }
            String::from_iter(chars)
        },
    );
    prop_oneof![
        2 => mutated,
        1 => valid().prop_map(|text| text.to_lowercase()),
        1 => alphabet,
        1 => text(40),
    ]
}

/// Text near a timestamp.
fn timestamp_like() -> impl Strategy<Value = String> {
    near(
        || valid_timestamp_text().prop_map(|(text, _)| text),
        "[0-9T:.+\\-Zz]{0,40}",
    )
}

/// A date's text and the date, built independently with `time`.
fn valid_date() -> impl Strategy<Value = (String, Date)> {
    (0..=9999i32, 1..=12u8, 1..=31u8).prop_filter_map("a real date", |(y, m, d)| {
        let date = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
        Some((format!("{y:04}-{m:02}-{d:02}"), date))
    })
}

/// A time of day's text (`hh:mm`, `hh:mm:ss`, with 0 to 7 fraction digits) and the time.
fn valid_time_of_day() -> impl Strategy<Value = (String, Time)> {
    (
        0..24u8,
        0..60u8,
        prop::option::of((0..60u8, prop::collection::vec(0..10u32, 0..=7))),
    )
        .prop_map(|(h, m, rest)| {
            let mut text = format!("{h:02}:{m:02}");
            let (mut second, mut nanos) = (0, 0);
            if let Some((s, fraction)) = rest {
                second = s;
                text.push_str(&format!(":{s:02}"));
                if !fraction.is_empty() {
                    text.push('.');
                }
                for (i, digit) in fraction.iter().enumerate() {
                    text.push(char::from_digit(*digit, 10).unwrap());
                    nanos += digit * 10u32.pow(8 - u32::try_from(i).unwrap());
                }
            }
            (text, Time::from_hms_nano(h, m, second, nanos).unwrap())
        })
}

/// A local date-time's text (seconds always) and its value.
fn valid_local_date_time() -> impl Strategy<Value = (String, PrimitiveDateTime)> {
    (valid_date(), valid_time_of_day()).prop_map(|((date_text, date), (time_text, time))| {
        let time_text = if time_text.len() == 5 {
            format!("{time_text}:00")
        } else {
            time_text
        };
        (
            format!("{date_text}T{time_text}"),
            PrimitiveDateTime::new(date, time),
        )
    })
}

/// A duration's text, from components each present or not, and its length in seconds and
/// nanoseconds where it has no years or months.
fn valid_duration() -> impl Strategy<Value = (String, Option<(bool, u64, u32)>)> {
    let part = || prop::option::of(0..100_000u64);
    (
        any::<bool>(),
        (part(), part(), part(), part()),
        (
            part(),
            part(),
            prop::option::of((0..100_000u64, prop::option::of(1..=999_999_999u32))),
        ),
    )
        .prop_filter_map(
            "at least one component",
            |(negative, (y, mo, w, d), (h, mi, s))| {
                let mut text = String::from(if negative { "-P" } else { "P" });
                for (value, designator) in [(y, 'Y'), (mo, 'M'), (w, 'W'), (d, 'D')] {
                    if let Some(value) = value {
                        text.push_str(&format!("{value}{designator}"));
                    }
                }
                if h.is_some() || mi.is_some() || s.is_some() {
                    text.push('T');
                }
                for (value, designator) in [(h, 'H'), (mi, 'M')] {
                    if let Some(value) = value {
                        text.push_str(&format!("{value}{designator}"));
                    }
                }
                let mut nanos = 0;
                if let Some((seconds, fraction)) = s {
                    text.push_str(&seconds.to_string());
                    if let Some(fraction) = fraction {
                        let digits = format!("{fraction:09}");
                        text.push('.');
                        text.push_str(digits.trim_end_matches('0'));
                        nanos = fraction;
                    }
                    text.push('S');
                }
                if text.ends_with('P') {
                    return None;
                }
                let fixed = (y.unwrap_or(0) == 0 && mo.unwrap_or(0) == 0).then(|| {
                    let seconds = w.unwrap_or(0) * 7 * 86_400
                        + d.unwrap_or(0) * 86_400
                        + h.unwrap_or(0) * 3_600
                        + mi.unwrap_or(0) * 60
                        + s.map_or(0, |(s, _)| s);
                    (negative, seconds, nanos)
                });
                Some((text, fixed))
            },
        )
}

/// Every value type reads from `text` through `FromStr` and serde alike, and a value that
/// reads prints back as `expected` (by default, the text itself) and reads again equal.
fn reads_alike<T>(text: &str, expected: Option<&str>) -> Result<Option<T>, TestCaseError>
where
    T: std::str::FromStr
        + std::fmt::Display
        + std::fmt::Debug
        + PartialEq
        + graph_core::serde::de::DeserializeOwned
        + graph_core::serde::Serialize,
    T::Err: std::fmt::Display,
{
    let parsed = text.parse::<T>();
    let read = serde_json::from_value::<T>(Value::String(text.to_owned()));
    prop_assert_eq!(parsed.is_ok(), read.is_ok(), "{:?}", text);
    match (parsed, read) {
        (Ok(parsed), Ok(read)) => {
            prop_assert_eq!(parsed.to_string(), expected.unwrap_or(text));
            prop_assert_eq!(&read, &parsed);
            prop_assert_eq!(
                serde_json::to_value(&read).unwrap(),
                Value::String(parsed.to_string())
            );
            let again: T = match parsed.to_string().parse() {
                Ok(again) => again,
                Err(_) => return Err(TestCaseError::fail("printed text does not parse")),
            };
            prop_assert_eq!(&again, &parsed);
            Ok(Some(parsed))
        }
        (Err(error), _) => {
            // The message names the value.
            let message = error.to_string();
            prop_assert!(message.starts_with("invalid "), "{}", message);
            Ok(None)
        }
        _ => unreachable!(),
    }
}

/// Path parameters: any Unicode, and the characters and forms that could change a path.
fn path_parameter() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            ".",
            "..",
            "...",
            "/",
            "//",
            "?",
            "#",
            "%",
            "%2F",
            "%2E%2E",
            "a/../b",
            "../..",
            " ",
            "+",
            "~",
            "\u{0}",
            "é",
            "\u{1F600}",
            "\\",
        ])
        .prop_map(str::to_owned),
        "[./?#% %a-z0-9\\\\]{0,8}",
        text(12),
    ]
}

// ---------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------

fn write<T: graph_core::serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

/// What a create body holds of `item`: everything but the read-only properties, at every
/// depth (an unknown derived type is kept whole, as it was read).
fn without_read_only(mut item: Item) -> Item {
    fn inner(inner: &mut Inner) {
        inner.id = None;
    }
    fn shape(value: &mut Shape) {
        if let Shape::Circle(circle) = value {
            circle.centre.iter_mut().for_each(inner);
            circle.children.iter_mut().flatten().for_each(shape);
        }
    }
    item.id = None;
    item.inner.iter_mut().for_each(|boxed| inner(boxed));
    item.inners.iter_mut().for_each(inner);
    item.shape.iter_mut().for_each(shape);
    item.shapes.iter_mut().for_each(shape);
    item.by_name
        .iter_mut()
        .flat_map(|map| map.values_mut())
        .for_each(inner);
    item
}

/// A minimal resource whose create request only depends on its path parameters.
#[graph_resource(
    path = "/sites/{site-id}/lists/{list-id}/items",
    odata = "#microsoft.graph.listItem"
)]
#[derive(Debug, Default)]
struct ListItem {
    title: Option<String>,
}

const LIST_ITEM_TEMPLATE: [&str; 6] = ["", "sites", "{site-id}", "lists", "{list-id}", "items"];

fn decode(segment: &str) -> String {
    percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .expect("an encoded segment decodes to UTF-8")
        .into_owned()
}

/// A member of `members`, or any other text.
fn member(members: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::sample::select(members).prop_map(str::to_owned),
        2 => name(),
    ]
}

/// Enums with a sentinel only, and with neither sentinel nor `other`.
#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mode {
    Automatic,
    Manual,
    UnknownFutureValue,
}

#[graph_enum]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Closed {
    Yes,
    No,
}

/// A flags enum with a sentinel, a late member and an `other` variant, and one with none.
#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum Category {
    Joiner,
    Leaver,
    UnknownFutureValue,
    Mover,
    #[graph(other)]
    Other(String),
}

#[graph_enum(flags)]
#[derive(Debug, Clone, PartialEq)]
enum Scope {
    None,
    Internal,
    External,
}

/// Text made of members of `members` in any case, other names, commas and spaces.
fn flags_text(members: &'static [&'static str]) -> impl Strategy<Value = String> {
    let part = prop_oneof![
        3 => prop::sample::select(members).prop_map(str::to_owned),
        1 => prop::sample::select(members).prop_map(str::to_uppercase),
        1 => name(),
        1 => Just(String::new()),
    ];
    (
        prop::collection::vec(part, 0..6),
        prop::collection::vec(prop::bool::ANY, 6),
    )
        .prop_map(|(parts, spaced)| {
            let mut text = String::new();
            for (index, part) in parts.iter().enumerate() {
                if index > 0 {
                    text.push(',');
                    if spaced[index] {
                        text.push(' ');
                    }
                }
                text.push_str(part);
            }
            text
        })
}

/// The numbers OData writes, as strings and as numbers, and text near them.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("INF".to_owned()),
        Just("-INF".to_owned()),
        Just("NaN".to_owned()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| n.to_string()),
        "[-+0-9.eEINFa]{0,24}",
    ]
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Numbers {
    double: Option<f64>,
    single: Option<f32>,
    long: Option<i64>,
    unsigned: Option<u64>,
}

/// `cases` cases per property, few enough for a quick suite. A failure is shrunk and
/// reported; once fixed, it becomes a plain test in `regressions.rs` rather than a saved
/// seed, so no file is written beside the tests.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_resource_of_every_field_kind_round_trips_exactly(item in item()) {
        let written = write(&item);
        let read: Item = serde_json::from_slice(&written).unwrap();
        prop_assert_eq!(&read, &item);
        let again = write(&read);
        prop_assert_eq!(
            String::from_utf8(again).unwrap(),
            String::from_utf8(written).unwrap()
        );
    }

    #[test]
    fn a_create_body_reads_back_as_the_value_without_its_read_only_properties(item in item()) {
        if item.validate().is_err() {
            // An `unknownFutureValue` somewhere: nothing is built, as validation tests show.
            prop_assert!(item.create_request("t", "p").is_err());
            return Ok(());
        }
        let body = item.create_request("t", "p").unwrap().into_body();
        let read: Item = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(read, without_read_only(item));
    }

    #[test]
    fn a_union_round_trips_exactly_with_odata_type_anywhere(shape in shape()) {
        let written = write(&shape);
        let read: Shape = serde_json::from_slice(&written).unwrap();
        prop_assert_eq!(&read, &shape);
        prop_assert_eq!(write(&read), written);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn path_parameters_never_change_the_paths_shape(
        site in path_parameter(),
        list in path_parameter(),
    ) {
        let result = ListItem::default().create_request(&site, &list);
        if site.is_empty() || list.is_empty() {
            let error = result.unwrap_err();
            let expected: Vec<_> = [("site-id", &site), ("list-id", &list)]
                .into_iter()
                .filter(|(_, value)| value.is_empty())
                .map(|(name, _)| (name.to_owned(), ViolationKind::EmptyPathParameter))
                .collect();
            let found: Vec<_> = error
                .violations()
                .iter()
                .map(|v| (v.path().to_owned(), v.kind()))
                .collect();
            prop_assert_eq!(found, expected);
            return Ok(());
        }
        let request = result.unwrap();
        let path = request.path();
        prop_assert!(
            path.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b)),
            "only unreserved characters, escapes and separators: {}", path
        );
        let segments: Vec<&str> = path.split('/').collect();
        prop_assert_eq!(segments.len(), LIST_ITEM_TEMPLATE.len());
        for (segment, template) in segments.iter().zip(LIST_ITEM_TEMPLATE) {
            prop_assert!(*segment != "." && *segment != "..", "a dot segment: {}", path);
            match template {
                "{site-id}" => prop_assert_eq!(decode(segment), site.clone()),
                "{list-id}" => prop_assert_eq!(decode(segment), list.clone()),
                literal => prop_assert_eq!(*segment, literal),
            }
        }
    }

    #[test]
    fn any_member_round_trips_through_an_enum_with_other(member in member(Colour::MEMBERS)) {
        let json = serde_json::to_string(&member).unwrap();
        let read: Colour = serde_json::from_str(&json).unwrap();
        if Colour::MEMBERS.contains(&member.as_str()) {
            prop_assert!(!matches!(read, Colour::Other(_)), "{:?}", read);
        } else {
            prop_assert_eq!(&read, &Colour::Other(member.clone()));
        }
        prop_assert_eq!(read.as_str(), member.as_str());
        prop_assert_eq!(serde_json::to_string(&read).unwrap(), json);
        prop_assert_eq!(Colour::from_member(&member), Some(read));
    }

    #[test]
    fn any_member_reads_as_the_sentinel_or_an_error_where_there_is_no_other(
        member in member(&["automatic", "manual", "unknownFutureValue", "yes", "no"]),
    ) {
        let json = serde_json::to_string(&member).unwrap();
        let known = Mode::MEMBERS.contains(&member.as_str());
        let mode: Mode = serde_json::from_str(&json).unwrap();
        if known {
            prop_assert_eq!(mode.as_str(), member.as_str());
        } else {
            prop_assert_eq!(mode, Mode::UnknownFutureValue);
        }
        let closed = serde_json::from_str::<Closed>(&json);
        prop_assert_eq!(closed.is_ok(), Closed::MEMBERS.contains(&member.as_str()));
    }

    #[test]
    fn any_text_parses_as_a_timestamp_or_is_an_error(text in timestamp_like()) {
        let parsed = text.parse::<DateTimeOffset>();
        // serde reads exactly what `FromStr` reads.
        let read = serde_json::from_value::<DateTimeOffset>(Value::String(text.clone()));
        prop_assert_eq!(parsed.is_ok(), read.is_ok());
        if let (Ok(parsed), Ok(read)) = (&parsed, &read) {
            prop_assert_eq!(parsed.to_string(), read.to_string());
            let expected = text.replace('t', "T").replace('z', "Z");
            prop_assert_eq!(parsed.to_string(), expected);
        }
    }

    #[test]
    fn any_text_parses_as_a_date_or_is_an_error(
        text in near(|| valid_date().prop_map(|(text, _)| text), "[0-9\\-]{0,12}"),
    ) {
        reads_alike::<graph_core::Date>(&text, None)?;
    }

    #[test]
    fn any_valid_date_round_trips((text, date) in valid_date()) {
        let read = reads_alike::<graph_core::Date>(&text, None)?.unwrap();
        prop_assert_eq!(Date::from(read), date);
    }

    #[test]
    fn any_text_parses_as_a_time_of_day_or_is_an_error(
        text in near(|| valid_time_of_day().prop_map(|(text, _)| text), "[0-9:.]{0,20}"),
    ) {
        reads_alike::<graph_core::TimeOfDay>(&text, None)?;
    }

    #[test]
    fn any_valid_time_of_day_round_trips((text, time) in valid_time_of_day()) {
        let read = reads_alike::<graph_core::TimeOfDay>(&text, None)?.unwrap();
        prop_assert_eq!(Time::from(read), time);
    }

    #[test]
    fn any_text_parses_as_a_local_date_time_or_is_an_error(
        text in near(|| valid_local_date_time().prop_map(|(text, _)| text), "[0-9T:.+\\-Z]{0,32}"),
    ) {
        // `t` is read and written upper case, as in every date-time.
        reads_alike::<graph_core::LocalDateTime>(&text, Some(&text.replace('t', "T")))?;
    }

    #[test]
    fn any_valid_local_date_time_round_trips((text, value) in valid_local_date_time()) {
        let read = reads_alike::<graph_core::LocalDateTime>(&text, None)?.unwrap();
        prop_assert_eq!(PrimitiveDateTime::from(read), value);
        // The same text with an offset is refused.
        let with_offset = format!("{text}Z");
        prop_assert!(with_offset.parse::<graph_core::LocalDateTime>().is_err());
    }

    #[test]
    fn any_text_parses_as_a_duration_or_is_an_error(
        text in near(|| valid_duration().prop_map(|(text, _)| text), "[0-9PYMWDTHS.,+\\-]{0,24}"),
    ) {
        reads_alike::<graph_core::Duration>(&text, None)?;
    }

    #[test]
    fn any_valid_duration_round_trips_and_converts_where_it_is_fixed(
        (text, fixed) in valid_duration(),
    ) {
        let read = reads_alike::<graph_core::Duration>(&text, None)?.unwrap();
        let std = std::time::Duration::try_from(read.clone());
        match fixed {
            Some((negative, seconds, nanos)) if !negative || (seconds == 0 && nanos == 0) => {
                prop_assert_eq!(std.unwrap(), std::time::Duration::new(seconds, nanos));
                // Written from its length, it reads back as the same length.
                let canonical = graph_core::Duration::from(std::time::Duration::new(seconds, nanos));
                let back = std::time::Duration::try_from(canonical).unwrap();
                prop_assert_eq!(back, std::time::Duration::new(seconds, nanos));
            }
            _ => prop_assert!(std.is_err()),
        }
    }

    #[test]
    fn any_valid_timestamp_round_trips_through_text_and_serde(
        (text, instant) in valid_timestamp_text(),
    ) {
        let parsed: DateTimeOffset = text.parse().unwrap();
        prop_assert_eq!(parsed.to_offset_date_time(), instant);
        prop_assert_eq!(parsed.to_offset_date_time().offset(), instant.offset());
        prop_assert_eq!(parsed.to_string(), text.clone());

        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&text).unwrap());
        let read: DateTimeOffset = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(read, parsed);
        prop_assert_eq!(read.to_string(), text);
    }

    #[test]
    fn any_bytes_round_trip_as_binary_and_any_text_reads_or_is_an_error(
        bytes in prop::collection::vec(any::<u8>(), 0..96),
        text in "[A-Za-z0-9+/_=*-]{0,40}",
    ) {
        let binary = Binary::from(bytes.clone());
        let written = serde_json::to_string(&binary).unwrap();
        let read: Binary = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(read.as_bytes(), &bytes[..]);
        // The same bytes in the URL-safe alphabet without padding read alike.
        let url_safe = binary.to_base64().trim_end_matches('=').replace('+', "-").replace('/', "_");
        prop_assert_eq!(Binary::from_base64(&url_safe).unwrap(), binary);
        match Binary::from_base64(&text) {
            Ok(read) => prop_assert_eq!(Binary::from_base64(&read.to_base64()).unwrap(), read),
            Err(error) => prop_assert!(error.to_string().starts_with("invalid Binary `")),
        }
    }

    #[test]
    fn any_flags_text_reads_to_a_set_that_writes_back_in_order(
        with_other in flags_text(Category::MEMBERS),
        closed in flags_text(Scope::MEMBERS),
    ) {
        if let Ok(flags) = with_other.parse::<Flags<Category>>() {
            let written = flags.to_string();
            let again: Flags<Category> = written.parse().unwrap();
            prop_assert_eq!(&again, &flags);
            prop_assert_eq!(again.to_string(), written.clone());
            let json: Flags<Category> =
                serde_json::from_str(&serde_json::to_string(&with_other).unwrap()).unwrap();
            prop_assert_eq!(json, flags);
            // Declared members come first, in declaration order.
            let ranks: Vec<usize> = written
                .split(',')
                .filter(|name| !name.is_empty())
                .map(|name| Category::MEMBERS.iter().position(|m| m == &name).unwrap_or(usize::MAX))
                .collect();
            prop_assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{}", written);
        } else {
            prop_assert!(with_other.split(',').any(|part| part.trim().is_empty()));
        }
        match closed.parse::<Flags<Scope>>() {
            Ok(flags) => prop_assert_eq!(flags.to_string().parse::<Flags<Scope>>().unwrap(), flags),
            Err(error) => prop_assert!(error.to_string().starts_with("invalid Flags `")),
        }
    }

    #[test]
    fn any_number_text_reads_or_is_an_error_and_writes_back_as_odata_does(text in number_text()) {
        for field in ["double", "single", "long", "unsigned"] {
            for json in [format!(r#"{{"{field}":"{text}"}}"#), format!(r#"{{"{field}":{text}}}"#)] {
                if let Ok(read) = serde_json::from_str::<Numbers>(&json) {
                    let written = serde_json::to_string(&read).unwrap();
                    let again: Numbers = serde_json::from_str(&written).unwrap();
                    // NaN is not equal to itself: compare what is written.
                    prop_assert_eq!(serde_json::to_string(&again).unwrap(), written);
                }
            }
        }
    }
}
