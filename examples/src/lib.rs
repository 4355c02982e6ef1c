//! Graph resources modelled with `graph-core`, used by the examples in this package.
//!
//! [`lifecycle_workflows::Run`] is the resource of Graph's beta "Create run" page
//! (`POST /workflowBase/runs`), property for property; [`users::User`] is the v1.0
//! "Create user" resource with its nested password profile; [`lifecycle_workflows::Workflow`]
//! is a lifecycle workflow with its execution conditions and tasks; [`mail::SendMail`] is
//! the v1.0 `sendMail` action, with [`mail::Message`] and two directory actions.

pub mod lifecycle_workflows;
pub mod mail;
pub mod samples;
pub mod show;
pub mod users;
#[cfg(feature = "webhook")]
pub mod webhook;
