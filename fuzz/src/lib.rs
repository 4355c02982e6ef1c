//! What the fuzz targets share: the round-trip check, and test types with every field kind
//! (an enum with `other`, a union with `base` and `other` that nests itself, additional
//! data at several depths).

use std::collections::BTreeMap;
use std::fmt::Debug;

use graph_core::serde::de::DeserializeOwned;
use graph_core::serde::Serialize;
use graph_core::serde_json::{self, Map, Value};
use graph_core::{graph_complex, graph_enum, graph_resource, graph_union, DateTimeOffset};

/// Reads `data` as a `T`. Where that succeeds, the value is written, read again and
/// written again: the second read must equal the first, and the two texts must be the
/// same bytes. Any difference is a bug, reported by a panic with both sides.
pub fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(data: &[u8]) -> Option<T> {
    let first: T = serde_json::from_slice(data).ok()?;
    let written = serde_json::to_vec(&first).expect("a value that was read can be written");
    let second: T = match serde_json::from_slice(&written) {
        Ok(second) => second,
        Err(error) => panic!(
            "what was written does not read back: {error}\nread: {first:?}\nwritten: {}",
            String::from_utf8_lossy(&written)
        ),
    };
    assert_eq!(
        first,
        second,
        "read again, the value differs\nwritten: {}",
        String::from_utf8_lossy(&written)
    );
    let again = serde_json::to_vec(&second).expect("a value that was read can be written");
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&again),
        "written twice, the texts differ"
    );
    Some(second)
}

/// An evolvable enum with the sentinel and a catch-all.
#[graph_enum]
#[derive(Debug, Clone, PartialEq)]
pub enum Colour {
    /// `red`
    Red,
    /// `darkGreen`
    DarkGreen,
    /// Renamed: `navyBlue`.
    #[graph(rename = "navyBlue")]
    Blue,
    /// The sentinel.
    UnknownFutureValue,
    /// Anything else, kept.
    #[graph(other)]
    Other(String),
}

/// A complex type without an OData type, with additional data.
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inner {
    /// Read-only.
    #[graph(read_only)]
    pub id: Option<String>,
    /// A string.
    pub label: Option<String>,
    /// Not an `Option`: required on the wire.
    pub count: i64,
    /// Undeclared properties.
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}

/// A derived type that nests the union it belongs to.
#[graph_complex(odata = "#microsoft.graph.test.circle")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Circle {
    /// A float.
    pub radius: f64,
    /// A nested complex type.
    pub centre: Option<Inner>,
    /// Unions inside a union.
    pub children: Option<Vec<Shape>>,
    /// Undeclared properties.
    #[graph(additional_data)]
    pub extra: Map<String, Value>,
}

/// A derived type held in a `Box`.
#[graph_complex(odata = "#microsoft.graph.test.square")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Square {
    /// An unsigned integer.
    pub side: Option<u32>,
    /// An enum.
    pub colour: Option<Colour>,
    /// A timestamp.
    pub drawn: Option<DateTimeOffset>,
}

/// The base type itself.
#[graph_complex(odata = "#microsoft.graph.test.shape")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlainShape {
    /// A string.
    pub name: Option<String>,
}

/// A union with typed, `base` and `other` variants.
#[graph_union(odata = "#microsoft.graph.test.shape")]
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `#microsoft.graph.test.circle`
    Circle(Circle),
    /// `#microsoft.graph.test.square`
    Square(Box<Square>),
    /// No `@odata.type`, `null`, or the base type.
    #[graph(base)]
    Plain(PlainShape),
    /// Any other type, kept whole.
    #[graph(other)]
    Other(Map<String, Value>),
}

/// A resource with every kind of field.
#[graph_resource(
    path = "/things/{thing-id}/items",
    odata = "#microsoft.graph.test.item"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Everything {
    /// Read-only.
    #[graph(read_only)]
    pub id: Option<String>,
    /// Required on the wire.
    pub name: String,
    /// Integers of several widths.
    pub small: Option<i8>,
    /// An `i32`.
    pub medium: Option<i32>,
    /// An `i64`.
    pub large: Option<i64>,
    /// A `u64`.
    pub unsigned: Option<u64>,
    /// A float.
    pub ratio: Option<f64>,
    /// A boolean.
    pub enabled: Option<bool>,
    /// A timestamp.
    pub when: Option<DateTimeOffset>,
    /// Timestamps.
    pub stamps: Option<Vec<DateTimeOffset>>,
    /// Any JSON, `null` included.
    pub raw: Value,
    /// A list of strings.
    pub tags: Option<Vec<String>>,
    /// An enum.
    pub colour: Option<Colour>,
    /// Enums.
    pub colours: Option<Vec<Colour>>,
    /// A boxed complex type.
    pub inner: Option<Box<Inner>>,
    /// Complex types.
    pub inners: Option<Vec<Inner>>,
    /// A union.
    pub shape: Option<Shape>,
    /// Unions.
    pub shapes: Option<Vec<Shape>>,
    /// A map of complex types.
    pub by_name: Option<BTreeMap<String, Inner>>,
    /// Undeclared properties.
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}
