//! Inputs the property tests and fuzz targets found, each kept as a plain test of the fix
//! it needed.

use graph_core::graph_complex;
use graph_core::serde_json::{self, Map, Value};
use graph_examples::lifecycle_workflows::WorkflowExecutionTrigger;

#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
struct Measured {
    ratio: f64,
    #[graph(additional_data)]
    additional_data: Map<String, Value>,
}

/// Floats whose shortest text did not read back as the same float with serde_json's
/// default (faster, not always correctly rounded) float parser.
const HARD_FLOATS: [f64; 2] = [9.024_476_125_672_678e-14, 1.078_152_286_647_769e-34];

#[test]
fn a_float_is_read_back_as_the_very_same_float() {
    for ratio in HARD_FLOATS {
        let mut additional_data = Map::new();
        additional_data.insert("weight".into(), Value::from(ratio));
        let value = Measured {
            ratio,
            additional_data,
        };
        let written = serde_json::to_string(&value).unwrap();
        let read: Measured = serde_json::from_str(&written).unwrap();
        assert_eq!(read.ratio.to_bits(), ratio.to_bits(), "{written}");
        assert_eq!(
            read.additional_data["weight"].as_f64().map(f64::to_bits),
            Some(ratio.to_bits()),
            "{written}"
        );
        assert_eq!(serde_json::to_string(&read).unwrap(), written);
    }
}

/// Found by the `unions` fuzz target: an object of an unknown type with a second
/// `@odata.type` naming a known one was kept whole with the second type, so that written
/// back it read as the known type. A repeated `@odata.type` is now an error, as any
/// repeated property is, whichever variant the first one chose.
#[test]
fn a_repeated_odata_type_in_a_union_is_an_error() {
    const UNKNOWN: &str = "#microsoft.graph.identityGovernance.membershipChangeTrigger";
    const KNOWN: &str = "#microsoft.graph.identityGovernance.timeBasedAttributeTrigger";
    const OTHER_KNOWN: &str = "#microsoft.graph.identityGovernance.attributeChangeTrigger";
    for body in [
        // The fuzz target's input, reduced: unknown first, known second.
        format!(r#"{{"@odata.type":"{UNKNOWN}","@odata.type":"{KNOWN}"}}"#),
        // With a property before the first (buffered) and between the two.
        format!(r#"{{"a":1,"@odata.type":"{UNKNOWN}","b":2,"@odata.type":"{KNOWN}"}}"#),
        // Two unknown types.
        format!(r#"{{"@odata.type":"{UNKNOWN}","@odata.type":"{UNKNOWN}2"}}"#),
        // The first chose a typed variant: the second would contradict it.
        format!(r#"{{"@odata.type":"{KNOWN}","offsetInDays":1,"@odata.type":"{OTHER_KNOWN}"}}"#),
        format!(r#"{{"offsetInDays":1,"@odata.type":"{KNOWN}","@odata.type":"{KNOWN}"}}"#),
        // `null` first.
        format!(r#"{{"@odata.type":null,"@odata.type":"{KNOWN}"}}"#),
    ] {
        let error = serde_json::from_str::<WorkflowExecutionTrigger>(&body).unwrap_err();
        assert!(
            error.to_string().contains("duplicate field `@odata.type`"),
            "{body}: {error}"
        );
    }
}

#[test]
fn odata_type_in_a_nested_object_is_not_a_repeat() {
    let body = r##"{"@odata.type":"#microsoft.graph.identityGovernance.membershipChangeTrigger","nested":{"@odata.type":"#microsoft.graph.identityGovernance.timeBasedAttributeTrigger"}}"##;
    let trigger: WorkflowExecutionTrigger = serde_json::from_str(body).unwrap();
    assert!(matches!(trigger, WorkflowExecutionTrigger::Other(_)));
    assert_eq!(serde_json::to_string(&trigger).unwrap(), body);
}
