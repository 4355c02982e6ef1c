//! Inputs the property tests and fuzz targets found, each kept as a plain test of the fix
//! it needed.

use graph_core::graph_complex;
use graph_core::serde_json::{self, Map, Value};

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
