//! Microsoft Graph resources as plain Rust structs.
//!
//! One attribute turns a struct into a Graph resource: exact JSON on the wire (Graph's
//! lowerCamelCase names, `@odata.type` first, nothing Graph sends lost on the way back),
//! validation that reports every problem at once before anything is sent, and requests for
//! every operation as `http` types whose answers read back into the same type.
//!
//! ```
//! use graph_core::prelude::*;
//! use graph_core::DateTimeOffset;
//!
//! #[graph_resource(path = "/workflowBase/runs", odata = "#microsoft.graph.identityGovernance.run")]
//! #[derive(Debug, Default)]
//! pub struct Run {
//!     #[graph(read_only)]
//!     pub id: Option<String>,
//!     #[graph(required)]
//!     pub failed_tasks_count: Option<i32>,
//!     #[graph(required)]
//!     pub processing_status: Option<ProcessingStatus>,
//!     pub scheduled_date_time: Option<DateTimeOffset>,
//! }
//!
//! #[graph_enum]
//! #[derive(Debug)]
//! pub enum ProcessingStatus {
//!     Queued,
//!     InProgress,
//!     UnknownFutureValue,
//! }
//!
//! let run = Run {
//!     failed_tasks_count: Some(0),
//!     processing_status: Some(ProcessingStatus::Queued),
//!     ..Run::default()
//! };
//! let request = run.create_request()?;
//! assert_eq!(request.path(), "/workflowBase/runs");
//! assert_eq!(
//!     request.body(),
//!     br##"{"@odata.type":"#microsoft.graph.identityGovernance.run","failedTasksCount":0,"processingStatus":"queued"}"##
//! );
//!
//! let error = Run::default().validate().unwrap_err();
//! assert_eq!(error.violations().len(), 2);
//! # Ok::<(), graph_core::ValidationError>(())
//! ```
//!
//! # The guide
//!
//! | to | see |
//! | --- | --- |
//! | declare a resource, a complex type, an enum, a property of derived types | [`graph_resource`], [`graph_complex`], [`graph_enum`], [`graph_union`] |
//! | call an action (`sendMail`) with checked parameters | [`graph_action`] |
//! | know what is checked before anything is sent | [`validation`] |
//! | build any operation at any path (functions, drive items), references, query options | [`request`] |
//! | read answers, and Graph's errors | [`response`] |
//! | read a list a page at a time | [`paging`] |
//! | read only what changed since last time, resume from a stored link, resync | [`delta`] |
//! | send up to twenty requests at once | [`batch`] |
//! | declare a page's permissions and check a token | [`permissions`] |
//! | dates, times, durations, bytes (`Edm.Binary`) and flags enums as Graph writes them | [`values`] |
//! | read and write an item's content (a photo, a file), streamed to disk | [`ContentRequest`], `GraphClient::download` |
//! | a cloud, a version, a proxy or a test server | [`endpoint`] |
//! | send, with retries, pages, batches and logs (feature `client`) | `client` |
//! | name the traits in generic code | [`resource`], or `use graph_core::prelude::*` |
//!
//! A crate using this one needs no other dependency line: the macros, [`serde`],
//! [`serde_json`], [`http`](mod@http) and [`time`](mod@time) are re-exported, and generated
//! code reaches the runtime through them.
//!
//! # Features
//!
//! - `client`: an async HTTP client, `graph_core::client`, on reqwest and tokio with rustls.
//!   Without it, none of its stack is compiled.

#![warn(missing_docs)]

// The public API: what users write against, a module each.
pub mod batch;
pub mod delta;
pub mod endpoint;
pub mod paging;
pub mod permissions;
pub mod prelude;
pub mod request;
pub mod resource;
pub mod response;
pub mod upload;
pub mod validation;
pub mod values;

// The optional client (cargo feature `client`).
#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "notifications")]
pub mod notifications;

// The hidden runtime that only generated code calls.
#[doc(hidden)]
pub mod __private;

// What the client and the request kinds share: where a URL leads, and tokens.
mod link;
mod token;

#[doc = include_str!("docs/graph_action.md")]
#[doc(inline)]
pub use graph_derive::graph_action;
#[doc = include_str!("docs/graph_complex.md")]
#[doc(inline)]
pub use graph_derive::graph_complex;
#[doc = include_str!("docs/graph_enum.md")]
#[doc(inline)]
pub use graph_derive::graph_enum;
#[doc = include_str!("docs/graph_resource.md")]
#[doc(inline)]
pub use graph_derive::graph_resource;
#[doc = include_str!("docs/graph_union.md")]
#[doc(inline)]
pub use graph_derive::graph_union;

pub use batch::{Batch, BatchResponse, Step};
pub use delta::{Change, DeltaLink, DeltaPage, DeltaRequest, Removed, RemovedReason};
pub use endpoint::{ApiVersion, Cloud, Endpoint};
pub use paging::Page;
pub use permissions::PermissionError;
pub use request::{
    ActionRequest, ContentRequest, CreateRequest, DeleteRequest, GetRequest, ListRequest,
    RefRequest, UpdateRequest,
};
pub use resource::GraphResource;
pub use response::{GraphError, GraphErrorKind};
pub use token::{AccessToken, InvalidAccessToken};
pub use validation::ValidationError;
pub use values::{Binary, Date, DateTimeOffset, Duration, Flags, LocalDateTime, TimeOfDay};

/// The `http` crate, re-exported so requests can be named without a dependency line.
pub use http;
/// The `serde` crate, re-exported for implementing Serialize and Deserialize on field
/// types of your own without a dependency line.
pub use serde;
/// The `serde_json` crate, re-exported so JSON values can be named without a dependency line.
pub use serde_json;
/// The `time` crate [`DateTimeOffset`] is built on, re-exported for conversions.
pub use time;
