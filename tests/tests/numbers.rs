//! Numbers as OData writes them: `Edm.Double` infinities and NaN as `"INF"`, `"-INF"` and
//! `"NaN"` both ways, `Edm.Int64` read from a string of digits too; every other number as
//! JSON has it. A value that is neither names the property.

mod support;

use graph_core::serde_json::{self, json, Value};
use graph_core::{graph_complex, graph_resource};
use support::raw_response;

#[graph_resource(path = "/me/insights/scores", odata = "#microsoft.graph.score")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Score {
    #[graph(required)]
    value: Option<f64>,
    weight: f32,
    low: Option<f32>,
    size: Option<i64>,
    quota: u64,
    count: Option<i32>,
    drift: Option<::core::primitive::f64>,
    inner: Option<Inner>,
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Inner {
    ratio: f64,
}

fn read(body: Value) -> Result<Score, serde_json::Error> {
    serde_json::from_value(body)
}

#[test]
fn infinities_and_nan_read_and_write_as_odata_names_them() {
    let score = read(json!({
        "value": "INF", "weight": "-INF", "low": "NaN", "quota": 1, "drift": "-INF",
        "inner": {"ratio": "NaN"}
    }))
    .unwrap();
    assert_eq!(score.value, Some(f64::INFINITY));
    assert_eq!(score.weight, f32::NEG_INFINITY);
    assert!(score.low.unwrap().is_nan());
    assert_eq!(score.drift, Some(f64::NEG_INFINITY));
    assert!(score.inner.as_ref().unwrap().ratio.is_nan());
    let written = serde_json::to_value(&score).unwrap();
    assert_eq!(
        written,
        json!({
            "@odata.type": "#microsoft.graph.score",
            "value": "INF", "weight": "-INF", "low": "NaN", "quota": 1, "drift": "-INF",
            "inner": {"ratio": "NaN"}
        })
    );
    // The create body is written the same way, by the fast writer.
    let body = score.create_request().unwrap().into_body();
    assert_eq!(serde_json::from_slice::<Value>(&body).unwrap(), written);
    assert!(String::from_utf8(body)
        .unwrap()
        .contains(r#""value":"INF","weight":"-INF""#));
}

#[test]
fn finite_numbers_stay_numbers_and_strings_of_digits_read() {
    let score = read(json!({
        "value": 2, "weight": 0.5, "size": "9007199254740993", "quota": "18446744073709551615",
        "count": 3, "low": "1.5e3"
    }))
    .unwrap();
    assert_eq!(score.value, Some(2.0));
    assert_eq!(score.size, Some(9_007_199_254_740_993));
    assert_eq!(score.quota, u64::MAX);
    assert_eq!(score.low, Some(1500.0));
    let written = serde_json::to_string(&score).unwrap();
    assert_eq!(
        written,
        r##"{"@odata.type":"#microsoft.graph.score","value":2.0,"weight":0.5,"low":1500.0,"size":9007199254740993,"quota":18446744073709551615,"count":3}"##
    );
    // null is None where the field is an Option.
    let score = read(json!({"value": null, "weight": 1, "quota": 0, "size": null})).unwrap();
    assert_eq!((score.value, score.size), (None, None));
}

#[test]
fn what_is_no_number_is_refused_naming_the_property() {
    for (body, property, says) in [
        (json!({"weight": "inf", "quota": 0}), "weight", "\"inf\""),
        (
            json!({"weight": "Infinity", "quota": 0}),
            "weight",
            "\"Infinity\"",
        ),
        (json!({"weight": 1, "quota": -1}), "quota", "integer `-1`"),
        (
            json!({"weight": 1, "quota": 1.5}),
            "quota",
            "floating point `1.5`",
        ),
        (json!({"weight": 1, "quota": "12a"}), "quota", "\"12a\""),
        (
            json!({"weight": 1, "quota": 0, "size": "9223372036854775808"}),
            "size",
            "invalid value: string \"9223372036854775808\", expected an integer within the range of i64",
        ),
        (json!({"weight": 1, "quota": "+5"}), "quota", "\"+5\""),
        (json!({"weight": 1, "quota": "-5"}), "quota", "within the range of u64"),
        (
            json!({"weight": "1e400", "quota": 0}),
            "weight",
            "expected a number within the range of f32",
        ),
        (
            json!({"weight": 1, "quota": 0, "count": "3"}),
            "count",
            "string \"3\"",
        ),
        (json!({"weight": null, "quota": 0}), "weight", "null"),
        (
            json!({"weight": true, "quota": 0}),
            "weight",
            "boolean `true`",
        ),
    ] {
        let error = read(body.clone()).unwrap_err().to_string();
        assert!(error.contains(says), "{body}: {error}");
        let request = Score::get_request("s").unwrap();
        let error = request
            .parse_response(raw_response(200, body.to_string()))
            .unwrap_err();
        assert_eq!(error.property(), Some(property), "{body}: {error}");
    }
    // Repeated, as any property.
    let error =
        serde_json::from_str::<Score>(r#"{"weight":1,"quota":0,"size":1,"size":2}"#).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `size`"),
        "{error}"
    );
}

#[test]
fn a_number_serde_json_keeps_as_text_reads_too() {
    // What serde_json hands over for a number under its `arbitrary_precision` feature,
    // which any crate in a build can turn on.
    let kept = |text: &str| json!({"$serde_json::private::Number": text});
    let score = read(json!({
        "value": kept("0.5"), "weight": kept("-0"), "size": kept("-9223372036854775808"),
        "quota": kept("18446744073709551615"),
    }))
    .unwrap();
    assert_eq!(score.value, Some(0.5));
    assert_eq!(score.size, Some(i64::MIN));
    assert_eq!(score.quota, u64::MAX);
    let error = read(json!({"weight": 1, "quota": kept("-1")})).unwrap_err();
    assert!(
        error.to_string().contains("within the range of u64"),
        "{error}"
    );
    let error = read(json!({"weight": 1, "quota": {"other": 1}})).unwrap_err();
    assert!(error.to_string().contains("invalid type: map"), "{error}");
}

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Series {
    points: Vec<f64>,
    named: Option<std::collections::BTreeMap<String, f32>>,
}

#[graph_core::graph_action(path = "/me/insights/average", returns = f64)]
#[derive(Debug, Clone, Default)]
struct Average;

#[test]
fn floats_in_collections_are_never_written_as_null_and_actions_read_odata_numbers() {
    let series = Series {
        points: vec![1.5, f64::INFINITY, f64::NAN],
        named: Some([("low".to_owned(), f32::NEG_INFINITY)].into()),
    };
    let written = serde_json::to_value(&series).unwrap();
    assert_eq!(
        written,
        json!({"points": [1.5, "INF", "NaN"], "named": {"low": "-INF"}})
    );
    // Inside a collection OData's names read only where the field is the number itself:
    // an error naming the property, never a value lost.
    let request =
        <Series as graph_core::resource::GraphType>::get_request_at("/me/series", &[]).unwrap();
    let error = request
        .parse_response(raw_response(200, written.to_string()))
        .unwrap_err();
    assert_eq!(error.property(), Some("points[1]"), "{error}");

    let request = Average.request().unwrap();
    for (body, expected) in [
        (r#"{"value":"INF"}"#, f64::INFINITY),
        (r#"{"value":2.5}"#, 2.5),
    ] {
        assert_eq!(
            request.parse_response(raw_response(200, body)).unwrap(),
            expected
        );
    }
    assert!(request
        .parse_response(raw_response(200, r#"{"value":null}"#))
        .is_err());
}
