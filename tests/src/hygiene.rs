//! Generated code names everything by absolute path: this module shadows every std and
//! crate name the generated code could reach for, and the attributes still work here.

#![allow(dead_code, non_camel_case_types, clippy::upper_case_acronyms)]

use ::graph_core::{graph_action, graph_enum, graph_resource};

/// Shadows `Result`.
pub struct Result;
/// Shadows `Option`.
pub struct Option;
/// Shadows `Some`.
pub struct Some;
/// Shadows `None`.
pub struct None;
/// Shadows `Ok`.
pub struct Ok;
/// Shadows `Err`.
pub struct Err;
/// Shadows `String`.
pub struct String;
/// Shadows `Vec`.
pub struct Vec;
/// Shadows `Box`.
pub struct Box;
/// Shadows `Default`.
pub struct Default;
/// Shadows `From`.
pub struct From;
/// Shadows the primitive `str`.
pub struct str;
/// Shadows the primitive `bool`.
pub struct bool;
/// Shadows the primitive `usize`.
pub struct usize;
/// Shadows the `serde` crate.
pub mod serde {}
/// Shadows the `graph_core` crate.
pub mod graph_core {}
/// Shadows the `http` crate.
pub mod http {}
/// Shadows the `core` crate.
pub mod core {}
/// Shadows `matches!`.
#[macro_export]
macro_rules! matches {
    ($($t:tt)*) => {
        compile_error!("the generated code used a `matches!` from the user's scope")
    };
}

/// A resource whose fields name std types by full path.
#[graph_resource(path = "/things/{thing-id}/parts", odata = "microsoft.graph.part")]
#[derive(Debug, PartialEq)]
pub struct Part {
    /// Set by the service.
    #[graph(read_only)]
    pub id: ::std::option::Option<::std::string::String>,
    /// Required.
    #[graph(required)]
    pub name: ::std::option::Option<::std::string::String>,
    /// An enum.
    pub kind: ::std::option::Option<Kind>,
    /// A collection.
    pub tags: ::std::vec::Vec<::std::string::String>,
    /// Boxed.
    pub boxed: ::std::option::Option<::std::boxed::Box<Kind>>,
    /// Not an Option.
    pub count: i32,
    /// A double, written `"INF"` where it is infinite.
    pub weight: ::std::option::Option<f64>,
    /// A 64-bit integer, read from a string of digits too.
    pub serial: i64,
    /// A set of a flags enum's members.
    pub finishes: ::std::option::Option<::graph_core::Flags<Finish>>,
}

/// A flags enum with a catch-all.
#[graph_enum(flags)]
#[derive(Debug, PartialEq)]
pub enum Finish {
    /// A member.
    Zinc,
    /// Another.
    Black,
    /// Anything else.
    #[graph(other)]
    Other(::std::string::String),
}

/// An enum with a catch-all.
#[graph_enum]
#[derive(Debug, PartialEq)]
pub enum Kind {
    /// A member.
    Bolt,
    /// The sentinel.
    UnknownFutureValue,
    /// Anything else.
    #[graph(other)]
    Other(::std::string::String),
}

/// An action taking a resource, returning an enum, with a path parameter and permissions.
#[graph_action(
    path = "/things/{thing-id}/inspect",
    returns = Kind,
    permissions(delegated = "Things.Read")
)]
pub struct Inspect {
    /// Required.
    #[graph(required)]
    pub part: ::std::option::Option<Part>,
    /// Not an Option.
    pub depth: i32,
}

/// An action without parameters, returning a collection.
#[graph_action(path = "/things/list", returns = ::std::vec::Vec<::std::string::String>)]
pub struct ListThings;
