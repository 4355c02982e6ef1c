//! Graph resources modelled with `graph-core`, used by the examples in this package.
//!
//! [`lifecycle_workflows::Run`] is the resource of Graph's beta "Create run" page
//! (`POST /workflowBase/runs`), property for property; [`users::User`] is the v1.0
//! "Create user" resource with its nested password profile; [`lifecycle_workflows::Workflow`]
//! is a lifecycle workflow with its execution conditions and tasks.

pub mod lifecycle_workflows;
pub mod samples;
pub mod users;
