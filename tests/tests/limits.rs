//! Hostile sizes and shapes: deep nesting is an error rather than a stack overflow, huge
//! values and very many properties read (in time linear in their size, so no test here
//! measures time), and numbers outside a field's type are errors.

use graph_core::serde_json::{self, Map, Value};
use graph_core::{graph_complex, graph_union, DateTimeOffset};
use graph_examples::lifecycle_workflows::{
    LifecycleWorkflowProcessingStatus, Run, Workflow, WorkflowExecutionTrigger,
};
use graph_examples::users::User;

/// Deeper than any reader allows.
const DEPTH: usize = 10_000;

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// A union that nests itself through a derived type.
#[graph_union(odata = "#microsoft.graph.test.node")]
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Branch(Box<Branch>),
    #[graph(other)]
    Other(Map<String, Value>),
}

#[graph_complex(odata = "#microsoft.graph.test.branch")]
#[derive(Debug, Clone, PartialEq, Default)]
struct Branch {
    child: Option<Node>,
}

/// A complex type that nests itself.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Chain {
    next: Option<Box<Chain>>,
}

/// `{"@odata.type":"#microsoft.graph.test.branch","child":{...}}`, `depth` levels deep,
/// with `@odata.type` first or last.
fn nested_unions(depth: usize, odata_type_first: bool) -> String {
    let odata = r##""@odata.type":"#microsoft.graph.test.branch""##;
    let mut text = String::new();
    for _ in 0..depth {
        text.push('{');
        if odata_type_first {
            text.push_str(odata);
            text.push(',');
        }
        text.push_str(r#""child":"#);
    }
    text.push_str("null");
    for _ in 0..depth {
        if !odata_type_first {
            text.push(',');
            text.push_str(odata);
        }
        text.push('}');
    }
    text
}

#[test]
fn deeply_nested_arrays_in_additional_data_are_an_error_not_a_stack_overflow() {
    let body = format!(
        r#"{{"displayName":"Adele","deep":{}}}"#,
        nested_arrays(DEPTH)
    );
    let error = serde_json::from_str::<User>(&body).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");
}

#[test]
fn deeply_nested_values_skipped_by_a_type_without_additional_data_are_skipped_whole() {
    // Skipping does not recurse, so any depth is passed over.
    let deep_object = format!("{}null{}", r#"{"a":"#.repeat(DEPTH), "}".repeat(DEPTH));
    for deep in [nested_arrays(DEPTH), deep_object] {
        let body = format!(r#"{{"deep":{deep},"displayName":"x"}}"#);
        let workflow: Workflow = serde_json::from_str(&body).unwrap();
        assert_eq!(workflow.display_name.as_deref(), Some("x"));
    }
}

#[test]
fn deeply_nested_arrays_kept_by_a_unions_other_variant_are_an_error() {
    // Kept by a union's `other` variant, and buffered before `@odata.type`.
    for body in [
        format!(
            r##"{{"@odata.type":"#microsoft.graph.x","deep":{}}}"##,
            nested_arrays(DEPTH)
        ),
        format!(
            r##"{{"deep":{},"@odata.type":"#microsoft.graph.x"}}"##,
            nested_arrays(DEPTH)
        ),
    ] {
        let error = serde_json::from_str::<WorkflowExecutionTrigger>(&body).unwrap_err();
        assert!(error.to_string().contains("recursion limit"), "{error}");
    }
}

#[test]
fn deeply_nested_unions_are_an_error_not_a_stack_overflow() {
    for odata_type_first in [true, false] {
        let error =
            serde_json::from_str::<Node>(&nested_unions(DEPTH, odata_type_first)).unwrap_err();
        assert!(
            error.to_string().contains("recursion limit"),
            "{odata_type_first}: {error}"
        );
    }
}

#[test]
fn unions_nested_as_deep_as_the_limit_allows_still_read() {
    // serde_json allows 128 levels; each union here is one.
    for odata_type_first in [true, false] {
        let node: Node = serde_json::from_str(&nested_unions(127, odata_type_first)).unwrap();
        let mut depth = 0;
        let mut at = &node;
        while let Node::Branch(branch) = at {
            depth += 1;
            match &branch.child {
                Some(child) => at = child,
                None => break,
            }
        }
        assert_eq!(depth, 127);
    }
}

#[test]
fn deeply_nested_complex_types_are_an_error_not_a_stack_overflow() {
    let body = format!("{}null{}", r#"{"next":"#.repeat(DEPTH), "}".repeat(DEPTH));
    let error = serde_json::from_str::<Chain>(&body).unwrap_err();
    assert!(error.to_string().contains("recursion limit"), "{error}");
}

#[test]
fn a_huge_string_reads_into_a_property_additional_data_and_an_enum() {
    let huge = "x".repeat(10 * 1024 * 1024);
    let body = format!(r#"{{"displayName":"{huge}","notes":"{huge}"}}"#);
    let user: User = serde_json::from_str(&body).unwrap();
    assert_eq!(user.display_name.as_deref(), Some(huge.as_str()));
    assert_eq!(user.additional_data["notes"], Value::String(huge.clone()));

    let status: LifecycleWorkflowProcessingStatus =
        serde_json::from_str(&format!(r#""{huge}""#)).unwrap();
    assert_eq!(
        status,
        LifecycleWorkflowProcessingStatus::Other(huge.clone())
    );

    // A huge timestamp is refused, with a message of readable size.
    let error =
        serde_json::from_str::<Run>(&format!(r#"{{"completedDateTime":"{huge}"}}"#)).unwrap_err();
    assert!(error.to_string().len() < 300, "{}", error.to_string().len());
}

#[test]
fn a_hundred_thousand_undeclared_properties_read() {
    const COUNT: usize = 100_000;
    let mut body = String::from(r#"{"displayName":"Adele""#);
    for i in 0..COUNT {
        body.push_str(&format!(r#","p{i}":{i}"#));
    }
    body.push('}');

    // Kept, in order, where there is additional data.
    let user: User = serde_json::from_str(&body).unwrap();
    assert_eq!(user.additional_data.len(), COUNT);
    assert!(user
        .additional_data
        .keys()
        .enumerate()
        .all(|(i, key)| *key == format!("p{i}")));
    let written = serde_json::to_string(&user).unwrap();
    let expected = format!(
        r##"{{"@odata.type":"#microsoft.graph.user",{}"##,
        &body[1..]
    );
    assert!(written == expected, "written back differently");

    // Skipped where there is none.
    let workflow: Workflow = serde_json::from_str(&body).unwrap();
    assert_eq!(workflow.display_name.as_deref(), Some("Adele"));

    // Buffered before `@odata.type` in a union, then read by the variant or kept whole.
    for odata in [
        "#microsoft.graph.identityGovernance.timeBasedAttributeTrigger",
        "#microsoft.graph.identityGovernance.membershipChangeTrigger",
    ] {
        let union = format!(
            r#"{}, "@odata.type":"{odata}"}}"#,
            body.trim_end_matches('}')
        );
        let trigger: WorkflowExecutionTrigger = serde_json::from_str(&union).unwrap();
        if let WorkflowExecutionTrigger::Other(object) = trigger {
            assert_eq!(object.len(), COUNT + 2);
        }
    }
}

#[test]
fn a_number_outside_an_i32_field_is_an_error() {
    for (value, expected) in [
        ("2147483648", "expected i32"),
        ("-2147483649", "expected i32"),
        ("9223372036854775808", "expected i32"),
        ("1e10", "expected i32"),
        ("1.5", "expected i32"),
        ("-1e400", "number out of range"),
    ] {
        let body = format!(r#"{{"failedTasksCount":{value}}}"#);
        let error = serde_json::from_str::<Run>(&body).unwrap_err();
        assert!(error.to_string().contains(expected), "{value}: {error}");
    }
    // The bounds themselves read.
    for value in [i32::MIN, i32::MAX] {
        let run: Run = serde_json::from_str(&format!(r#"{{"failedTasksCount":{value}}}"#)).unwrap();
        assert_eq!(run.failed_tasks_count, Some(value));
    }
}

/// An `Option` behind an alias, which the macro cannot see is one.
pub type MaybeCount = Option<u16>;

/// A type of 300 properties: its fields are read through three levels of slots (16, 256 and
/// more), so every key must land in its own field at every level.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wide {
    pub a0: Option<u16>,
    pub a1: Option<u16>,
    pub a2: Option<u16>,
    pub a3: Option<u16>,
    pub a4: Option<u16>,
    pub a5: Option<u16>,
    pub a6: Option<u16>,
    pub a7: Option<u16>,
    pub a8: Option<u16>,
    pub a9: Option<u16>,
    pub a10: Option<u16>,
    pub a11: Option<u16>,
    pub a12: Option<u16>,
    pub a13: Option<u16>,
    pub a14: Option<u16>,
    pub a15: Option<u16>,
    pub a16: Option<u16>,
    pub when: Option<DateTimeOffset>,
    pub a18: Option<u16>,
    pub a19: Option<u16>,
    pub a20: Option<u16>,
    pub a21: Option<u16>,
    pub a22: Option<u16>,
    pub a23: Option<u16>,
    pub a24: Option<u16>,
    pub a25: Option<u16>,
    pub a26: Option<u16>,
    pub a27: Option<u16>,
    pub a28: Option<u16>,
    pub a29: Option<u16>,
    pub a30: Option<u16>,
    pub a31: Option<u16>,
    pub a32: Option<u16>,
    pub a33: Option<u16>,
    pub a34: Option<u16>,
    pub a35: Option<u16>,
    pub a36: Option<u16>,
    pub a37: Option<u16>,
    pub a38: Option<u16>,
    pub a39: Option<u16>,
    pub a40: Option<u16>,
    pub a41: Option<u16>,
    pub a42: Option<u16>,
    pub a43: Option<u16>,
    pub a44: Option<u16>,
    pub a45: Option<u16>,
    pub a46: Option<u16>,
    pub a47: Option<u16>,
    pub a48: Option<u16>,
    pub a49: Option<u16>,
    pub a50: Option<u16>,
    pub a51: Option<u16>,
    pub a52: Option<u16>,
    pub a53: Option<u16>,
    pub a54: Option<u16>,
    pub a55: Option<u16>,
    pub a56: Option<u16>,
    pub a57: Option<u16>,
    pub a58: Option<u16>,
    pub a59: Option<u16>,
    pub a60: Option<u16>,
    pub a61: Option<u16>,
    pub a62: Option<u16>,
    pub a63: Option<u16>,
    pub a64: Option<u16>,
    pub a65: Option<u16>,
    pub a66: Option<u16>,
    pub a67: Option<u16>,
    pub a68: Option<u16>,
    pub a69: Option<u16>,
    pub a70: Option<u16>,
    pub a71: Option<u16>,
    pub a72: Option<u16>,
    pub a73: Option<u16>,
    pub a74: Option<u16>,
    pub a75: Option<u16>,
    pub a76: Option<u16>,
    pub a77: Option<u16>,
    pub a78: Option<u16>,
    pub a79: Option<u16>,
    pub a80: Option<u16>,
    pub a81: Option<u16>,
    pub a82: Option<u16>,
    pub a83: Option<u16>,
    pub a84: Option<u16>,
    pub a85: Option<u16>,
    pub a86: Option<u16>,
    pub a87: Option<u16>,
    pub a88: Option<u16>,
    pub a89: Option<u16>,
    pub a90: Option<u16>,
    pub a91: Option<u16>,
    pub a92: Option<u16>,
    pub a93: Option<u16>,
    pub a94: Option<u16>,
    pub a95: Option<u16>,
    pub a96: Option<u16>,
    pub a97: Option<u16>,
    pub a98: Option<u16>,
    pub a99: Option<u16>,
    pub a100: Option<u16>,
    pub a101: Option<u16>,
    pub a102: Option<u16>,
    pub a103: Option<u16>,
    pub a104: Option<u16>,
    pub a105: Option<u16>,
    pub a106: Option<u16>,
    pub a107: Option<u16>,
    pub a108: Option<u16>,
    pub a109: Option<u16>,
    pub a110: Option<u16>,
    pub a111: Option<u16>,
    pub a112: Option<u16>,
    pub a113: Option<u16>,
    pub a114: Option<u16>,
    pub a115: Option<u16>,
    pub a116: Option<u16>,
    pub a117: Option<u16>,
    pub a118: Option<u16>,
    pub a119: Option<u16>,
    pub a120: Option<u16>,
    pub a121: Option<u16>,
    pub a122: Option<u16>,
    pub a123: Option<u16>,
    pub a124: Option<u16>,
    pub a125: Option<u16>,
    pub a126: Option<u16>,
    pub a127: Option<u16>,
    pub a128: Option<u16>,
    pub a129: Option<u16>,
    pub a130: Option<u16>,
    pub a131: Option<u16>,
    pub a132: Option<u16>,
    pub a133: Option<u16>,
    pub a134: Option<u16>,
    pub a135: Option<u16>,
    pub a136: Option<u16>,
    pub a137: Option<u16>,
    pub a138: Option<u16>,
    pub a139: Option<u16>,
    pub a140: Option<u16>,
    pub a141: Option<u16>,
    pub a142: Option<u16>,
    pub a143: Option<u16>,
    pub a144: Option<u16>,
    pub a145: Option<u16>,
    pub a146: Option<u16>,
    pub a147: Option<u16>,
    pub a148: Option<u16>,
    pub a149: Option<u16>,
    pub a150: Option<u16>,
    pub a151: Option<u16>,
    pub a152: Option<u16>,
    pub a153: Option<u16>,
    pub a154: Option<u16>,
    pub a155: Option<u16>,
    pub a156: Option<u16>,
    pub a157: Option<u16>,
    pub a158: Option<u16>,
    pub a159: Option<u16>,
    pub a160: Option<u16>,
    pub a161: Option<u16>,
    pub a162: Option<u16>,
    pub a163: Option<u16>,
    pub a164: Option<u16>,
    pub a165: Option<u16>,
    pub a166: Option<u16>,
    pub a167: Option<u16>,
    pub a168: Option<u16>,
    pub a169: Option<u16>,
    pub a170: Option<u16>,
    pub a171: Option<u16>,
    pub a172: Option<u16>,
    pub a173: Option<u16>,
    pub a174: Option<u16>,
    pub a175: Option<u16>,
    pub a176: Option<u16>,
    pub a177: Option<u16>,
    pub a178: Option<u16>,
    pub a179: Option<u16>,
    pub a180: Option<u16>,
    pub a181: Option<u16>,
    pub a182: Option<u16>,
    pub a183: Option<u16>,
    pub a184: Option<u16>,
    pub a185: Option<u16>,
    pub a186: Option<u16>,
    pub a187: Option<u16>,
    pub a188: Option<u16>,
    pub a189: Option<u16>,
    pub a190: Option<u16>,
    pub a191: Option<u16>,
    pub a192: Option<u16>,
    pub a193: Option<u16>,
    pub a194: Option<u16>,
    pub a195: Option<u16>,
    pub a196: Option<u16>,
    pub a197: Option<u16>,
    pub a198: Option<u16>,
    pub a199: Option<u16>,
    pub a200: Option<u16>,
    pub a201: Option<u16>,
    pub a202: Option<u16>,
    pub a203: Option<u16>,
    pub a204: Option<u16>,
    pub a205: Option<u16>,
    pub a206: Option<u16>,
    pub a207: Option<u16>,
    pub a208: Option<u16>,
    pub a209: Option<u16>,
    pub a210: Option<u16>,
    pub a211: Option<u16>,
    pub a212: Option<u16>,
    pub a213: Option<u16>,
    pub a214: Option<u16>,
    pub a215: Option<u16>,
    pub a216: Option<u16>,
    pub a217: Option<u16>,
    pub a218: Option<u16>,
    pub a219: Option<u16>,
    pub a220: Option<u16>,
    pub a221: Option<u16>,
    pub a222: Option<u16>,
    pub a223: Option<u16>,
    pub a224: Option<u16>,
    pub a225: Option<u16>,
    pub a226: Option<u16>,
    pub a227: Option<u16>,
    pub a228: Option<u16>,
    pub a229: Option<u16>,
    pub a230: Option<u16>,
    pub a231: Option<u16>,
    pub a232: Option<u16>,
    pub a233: Option<u16>,
    pub a234: Option<u16>,
    pub a235: Option<u16>,
    pub a236: Option<u16>,
    pub a237: Option<u16>,
    pub a238: Option<u16>,
    pub a239: Option<u16>,
    pub a240: Option<u16>,
    pub a241: Option<u16>,
    pub a242: Option<u16>,
    pub a243: Option<u16>,
    pub a244: Option<u16>,
    pub a245: Option<u16>,
    pub a246: Option<u16>,
    pub a247: Option<u16>,
    pub a248: Option<u16>,
    pub a249: Option<u16>,
    pub a250: Option<u16>,
    pub a251: Option<u16>,
    pub a252: Option<u16>,
    pub a253: Option<u16>,
    pub a254: Option<u16>,
    pub a255: Option<u16>,
    pub a256: Option<u16>,
    pub a257: Option<u16>,
    pub a258: Option<u16>,
    pub a259: Option<u16>,
    pub a260: Option<u16>,
    pub a261: Option<u16>,
    pub a262: Option<u16>,
    pub a263: Option<u16>,
    pub a264: Option<u16>,
    pub a265: Option<u16>,
    pub a266: Option<u16>,
    pub a267: Option<u16>,
    pub a268: Option<u16>,
    pub a269: Option<u16>,
    pub required_270: u16,
    pub plain_271: Option<String>,
    pub aliased_272: MaybeCount,
    pub a273: Option<u16>,
    pub a274: Option<u16>,
    pub a275: Option<u16>,
    pub a276: Option<u16>,
    pub a277: Option<u16>,
    pub a278: Option<u16>,
    pub a279: Option<u16>,
    pub a280: Option<u16>,
    pub a281: Option<u16>,
    pub a282: Option<u16>,
    pub a283: Option<u16>,
    pub a284: Option<u16>,
    pub a285: Option<u16>,
    pub a286: Option<u16>,
    pub a287: Option<u16>,
    pub a288: Option<u16>,
    pub a289: Option<u16>,
    pub a290: Option<u16>,
    pub a291: Option<u16>,
    pub a292: Option<u16>,
    pub a293: Option<u16>,
    pub a294: Option<u16>,
    pub a295: Option<u16>,
    pub a296: Option<u16>,
    pub a297: Option<u16>,
    pub a298: Option<u16>,
    pub a299: Option<u16>,
}

/// Every property of [`Wide`] by its JSON name, in declaration order.
fn wide_names() -> Vec<String> {
    (0..300)
        .map(|i| match i {
            17 => "when".to_owned(),
            270 => "required270".to_owned(),
            271 => "plain271".to_owned(),
            272 => "aliased272".to_owned(),
            i => format!("a{i}"),
        })
        .collect()
}

/// Each property set to a value that says which it is.
fn wide_object() -> Map<String, Value> {
    wide_names()
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let value = match i {
                17 => Value::from("2024-01-02T03:04:05Z"),
                271 => Value::from("two hundred seventy-one"),
                i => Value::from(i),
            };
            (name, value)
        })
        .collect()
}

#[test]
fn a_type_of_300_properties_reads_each_key_into_its_own_field() {
    let object = wide_object();
    let wide: Wide = serde_json::from_value(Value::Object(object.clone())).unwrap();
    assert_eq!(wide.a0, Some(0));
    assert_eq!(wide.a16, Some(16));
    assert_eq!(wide.when.unwrap().to_string(), "2024-01-02T03:04:05Z");
    assert_eq!(wide.a18, Some(18));
    assert_eq!(wide.a255, Some(255));
    assert_eq!(wide.a256, Some(256));
    assert_eq!(wide.required_270, 270);
    assert_eq!(wide.plain_271.as_deref(), Some("two hundred seventy-one"));
    assert_eq!(wide.aliased_272, Some(272));
    assert_eq!(wide.a299, Some(299));
    // Written back, every property is where it was read from.
    assert_eq!(
        serde_json::to_value(&wide).unwrap(),
        Value::Object(object.clone())
    );
    // In any order.
    let reversed: Map<String, Value> = object.into_iter().rev().collect();
    let again: Wide = serde_json::from_value(Value::Object(reversed)).unwrap();
    assert_eq!(again, wide);
}

#[test]
fn a_type_of_300_properties_names_a_repeated_missing_or_null_property() {
    let object = wide_object();
    let text = serde_json::to_string(&object).unwrap();
    let repeated = format!("{},\"a200\":1}}", &text[..text.len() - 1]);
    let error = serde_json::from_str::<Wide>(&repeated)
        .unwrap_err()
        .to_string();
    assert!(error.contains("duplicate field `a200`"), "{error}");

    let mut missing = object.clone();
    missing.remove("required270");
    let error = serde_json::from_value::<Wide>(Value::Object(missing))
        .unwrap_err()
        .to_string();
    assert!(error.contains("missing field `required270`"), "{error}");

    let mut null = object;
    null.insert("required270".to_owned(), Value::Null);
    let error = serde_json::from_value::<Wide>(Value::Object(null))
        .unwrap_err()
        .to_string();
    assert!(error.contains("`required270` is null"), "{error}");
}

#[test]
fn a_property_read_as_null_and_then_again_is_repeated() {
    // A field written as `Option`, and one behind an alias, in a type of 300 properties.
    for name in ["a200", "aliased272"] {
        let mut object = wide_object();
        object.remove(name);
        let text = serde_json::to_string(&object).unwrap();
        let repeated = format!(
            "{{\"{name}\":null,{},\"{name}\":1}}",
            &text[1..text.len() - 1]
        );
        let error = serde_json::from_str::<Wide>(&repeated)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains(&format!("duplicate field `{name}`")),
            "{error}"
        );
        // Once, `null` is `None`.
        let once = format!("{{\"{name}\":null,{}}}", &text[1..text.len() - 1]);
        let read: Wide = serde_json::from_str(&once).unwrap();
        let unset = if name == "a200" {
            read.a200
        } else {
            read.aliased_272
        };
        assert_eq!(unset, None);
    }
}

/// More than 16 properties and additional data: keys are read as declared properties
/// (through two levels of slots), annotations of the object, or additional data.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WideWithExtra {
    pub b0: Option<u16>,
    pub b1: Option<u16>,
    pub b2: Option<u16>,
    pub b3: Option<u16>,
    pub b4: Option<u16>,
    pub b5: Option<u16>,
    pub b6: Option<u16>,
    pub b7: Option<u16>,
    pub b8: Option<u16>,
    pub b9: Option<u16>,
    pub b10: Option<u16>,
    pub b11: Option<u16>,
    pub b12: Option<u16>,
    pub b13: Option<u16>,
    pub b14: Option<u16>,
    pub b15: Option<u16>,
    pub b16: Option<u16>,
    pub b17: Option<u16>,
    pub b18: u16,
    pub b19: Option<u16>,
    #[graph(additional_data)]
    pub extra: Map<String, Value>,
}

#[test]
fn a_type_of_more_than_16_properties_with_additional_data_reads_each_key_where_it_belongs() {
    let text =
        r##"{"@odata.type":"#x","b19":19,"b0":0,"undeclared":[1],"b16":16,"b18":18,"b17":17}"##;
    let read: WideWithExtra = serde_json::from_str(text).unwrap();
    assert_eq!(
        (read.b0, read.b16, read.b17, read.b18, read.b19),
        (Some(0), Some(16), Some(17), 18, Some(19))
    );
    assert_eq!(read.b1, None);
    assert_eq!(read.extra.len(), 1);
    assert_eq!(read.extra["undeclared"], serde_json::json!([1]));
    let error = serde_json::from_str::<WideWithExtra>(r#"{"b17":1,"b18":2,"b17":3}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("duplicate field `b17`"), "{error}");
    let error = serde_json::from_str::<WideWithExtra>(r#"{"b17":1}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("missing field `b18`"), "{error}");
}
