//! Microsoft Graph resources as plain Rust structs.
//!
//! One attribute turns a struct into a Graph resource: exact JSON on the wire (Graph's
//! lowerCamelCase names, `@odata.type` first), validation that reports every missing
//! required property at once, and a create request whose `201 Created` response reads
//! back into the same type.
//!
//! ```
//! use graph_core::{graph_enum, graph_resource, DateTimeOffset, GraphResource};
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
//! The crate re-exports what generated code and users need: the macros, [`serde`],
//! [`serde_json`], `http` and `time` (see the re-exports below), so a crate using it needs
//! no other dependency line.

#![warn(missing_docs)]

// The public API: what users write against, a module each.
pub mod batch;
pub mod endpoint;
pub mod paging;
pub mod permissions;
pub mod prelude;
pub mod request;
pub mod resource;
pub mod response;
pub mod validation;
pub mod values;

// The optional client (cargo feature `client`).
#[cfg(feature = "client")]
pub mod client;

// The hidden runtime that only generated code calls.
#[doc(hidden)]
pub mod __private;

// What the client and the request kinds share: where a URL leads, and tokens.
mod link;
mod token;

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
pub use endpoint::{ApiVersion, Cloud, Endpoint};
pub use paging::Page;
pub use permissions::PermissionError;
pub use request::{CreateRequest, DeleteRequest, GetRequest, ListRequest, UpdateRequest};
pub use resource::GraphResource;
pub use response::{GraphError, GraphErrorKind};
pub use token::{AccessToken, InvalidAccessToken};
pub use validation::ValidationError;
pub use values::{Date, DateTimeOffset, Duration, LocalDateTime, TimeOfDay};

// Named by generated code at the root until it names them through `__private`.
#[doc(hidden)]
pub use permissions::{OperationPermissions, Permissions};
#[doc(hidden)]
pub use resource::GraphEnum;

/// The `http` crate, re-exported so requests can be named without a dependency line.
pub use http;
/// The `serde` crate, re-exported for implementing Serialize and Deserialize on field
/// types of your own without a dependency line.
pub use serde;
/// The `serde_json` crate, re-exported so JSON values can be named without a dependency line.
pub use serde_json;
/// The `time` crate [`DateTimeOffset`] is built on, re-exported for conversions.
pub use time;
