//! Graph resources modelled with `graph-core`, used by the examples in this package.
//!
//! [`lifecycle_workflows::Run`] is the resource of Graph's beta "Create run" page
//! (`POST /workflowBase/runs`), property for property.

pub mod lifecycle_workflows;
