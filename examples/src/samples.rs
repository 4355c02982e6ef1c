//! Valid values of the modelled resources, for the tests and fuzz targets that send a
//! request and read its response; types with every kind of field ([`kinds`]) for the
//! property tests and fuzz targets; directory objects ([`directory`]) for the
//! compile-fail catalogue.

pub mod directory;
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

/// A run with every property of the "Create run" page set, `id` included (which a
/// create body leaves out): a completed run with errors, times with 0, 2 and 7 fraction
/// digits and a non-UTC offset.
#[must_use]
pub fn full_run() -> Run {
    let at = |text: &str| text.parse().ok();
    Run {
        id: Some("9947396f-3691-e265-b1e5-2ea86c0c89d6".into()),
        completed_date_time: at("2024-05-01T09:14:02.1348863Z"),
        failed_tasks_count: Some(1),
        failed_users_count: Some(2),
        last_updated_date_time: at("2024-05-01T09:14:03Z"),
        processing_status: Some(LifecycleWorkflowProcessingStatus::CompletedWithErrors),
        started_date_time: at("2024-05-01T09:00:03.52+02:00"),
        scheduled_date_time: at("2024-05-01T09:00:00Z"),
        successful_users_count: Some(10),
        total_users_count: Some(12),
        total_unprocessed_tasks_count: Some(0),
        workflow_execution_type: Some(WorkflowExecutionType::OnDemand),
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
