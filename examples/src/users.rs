//! Users (`microsoft.graph.user`, Graph v1.0).

use graph_core::serde_json::{Map, Value};
use graph_core::{graph_complex, graph_resource, DateTimeOffset};

/// A user in Microsoft Entra ID, as the v1.0 "Create user" page describes it
/// (`POST /users`): `accountEnabled`, `displayName`, `mailNickname`, `passwordProfile` and
/// `userPrincipalName` are required.
///
/// Graph's user has well over a hundred properties; those not declared here are kept in
/// [`additional_data`](Self::additional_data) when read, and written back.
#[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct User {
    /// The user's identifier, assigned by the service.
    #[graph(read_only)]
    pub id: Option<String>,
    /// Whether the account is enabled.
    #[graph(required)]
    pub account_enabled: Option<bool>,
    /// The user's telephone numbers (at most one can be set).
    pub business_phones: Option<Vec<String>>,
    /// The name shown in the address book, usually first and last name.
    #[graph(required)]
    pub display_name: Option<String>,
    /// The given (first) name.
    pub given_name: Option<String>,
    /// The job title.
    pub job_title: Option<String>,
    /// The SMTP address.
    pub mail: Option<String>,
    /// The mail alias.
    #[graph(required)]
    pub mail_nickname: Option<String>,
    /// The password profile; its `password` is required when creating a user.
    #[graph(required)]
    pub password_profile: Option<PasswordProfile>,
    /// The surname (family name).
    pub surname: Option<String>,
    /// A two-letter country code (ISO 3166), required for users assigned licenses.
    pub usage_location: Option<String>,
    /// The user principal name, `alias@domain`.
    #[graph(required)]
    pub user_principal_name: Option<String>,
    /// When the user was created, set by the service.
    #[graph(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    /// Every other property of the user, and instance annotations such as
    /// `manager@odata.bind`, written back after the declared ones.
    #[graph(additional_data)]
    pub additional_data: Map<String, Value>,
}

/// A user's password settings (`microsoft.graph.passwordProfile`).
#[graph_complex]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PasswordProfile {
    /// Whether the user must change the password at next sign-in.
    pub force_change_password_next_sign_in: Option<bool>,
    /// Whether the user must also perform multifactor authentication at that change.
    pub force_change_password_next_sign_in_with_mfa: Option<bool>,
    /// The password; it must satisfy the tenant's password complexity policy.
    #[graph(required)]
    pub password: Option<String>,
}
