//! Valid values of the modelled resources, for the tests and fuzz targets that send a
//! request and read its response, and ([`kinds`]) types with every kind of field for the
//! property tests and fuzz targets.

pub mod kinds;

use crate::lifecycle_workflows::{LifecycleWorkflowProcessingStatus, Run, WorkflowExecutionType};
use crate::users::{PasswordProfile, User};

/// A run that passes validation: every required property of the "Create run" page set.
///
/// # Panics
///
/// Never: the date-time literal is valid.
#[must_use]
pub fn queued_run() -> Run {
    Run {
        failed_tasks_count: Some(0),
        failed_users_count: Some(0),
        processing_status: Some(LifecycleWorkflowProcessingStatus::Queued),
        scheduled_date_time: "2024-05-01T09:00:00Z".parse().ok(),
        successful_users_count: Some(0),
        total_users_count: Some(3),
        total_unprocessed_tasks_count: Some(3),
        workflow_execution_type: Some(WorkflowExecutionType::OnDemand),
        ..Run::default()
    }
}

/// A user that passes validation: the properties "Create user" requires, a password
/// included.
#[must_use]
pub fn new_user() -> User {
    User {
        account_enabled: Some(true),
        display_name: Some("Adele Vance".into()),
        mail_nickname: Some("AdeleV".into()),
        user_principal_name: Some("AdeleV@contoso.com".into()),
        password_profile: Some(PasswordProfile {
            password: Some("xWwvJ]6NMw+bWH-d".into()),
            ..PasswordProfile::default()
        }),
        ..User::default()
    }
}
