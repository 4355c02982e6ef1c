//! Test types with every kind of field the attributes accept: an enum with `other`, a
//! union with `base` and `other` whose variants nest it, additional data at several
//! depths, and a resource holding them all, required and optional, alone and in lists.
//!
//! The property tests generate values of these types and the fuzz targets read any bytes
//! as them: one set of types, so both check the same generated code.

use std::collections::BTreeMap;

use graph_core::serde_json::{Map, Value};
use graph_core::{graph_complex, graph_enum, graph_resource, graph_union, DateTimeOffset};

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
    /// Undeclared properties, under a name other than `additional_data`.
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

/// The base type itself, for objects without a derived type.
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

/// A resource with every kind of field, each kind both required (not an `Option`) and
/// optional, and a path with two parameters.
#[graph_resource(
    path = "/things/{thing-id}/parts/{part-id}/items",
    odata = "#microsoft.graph.test.item"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Read-only.
    #[graph(read_only)]
    pub id: Option<String>,
    /// A string.
    pub name: String,
    /// An `i8`.
    pub small: i8,
    /// An `i32`.
    pub medium: i32,
    /// An `i64`.
    pub large: i64,
    /// A `u64`.
    pub unsigned: u64,
    /// An optional integer.
    pub byte: Option<u8>,
    /// A float.
    pub ratio: f64,
    /// A boolean.
    pub enabled: bool,
    /// A timestamp.
    pub when: Option<DateTimeOffset>,
    /// Timestamps.
    pub stamps: Vec<DateTimeOffset>,
    /// Any JSON, `null` included.
    pub raw: Value,
    /// Any JSON but `null`, which reads as `None`.
    pub maybe_raw: Option<Value>,
    /// A list of strings.
    pub tags: Option<Vec<String>>,
    /// An enum.
    pub colour: Colour,
    /// Enums.
    pub colours: Vec<Colour>,
    /// A boxed complex type.
    pub inner: Option<Box<Inner>>,
    /// Complex types.
    pub inners: Vec<Inner>,
    /// A union.
    pub shape: Option<Shape>,
    /// Unions.
    pub shapes: Vec<Shape>,
    /// A map of complex types.
    pub by_name: Option<BTreeMap<String, Inner>>,
    /// Undeclared properties.
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}
