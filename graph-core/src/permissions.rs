//! A Graph page's permissions table, declared on the resource, and the check of a token
//! against it before anything is sent.
//!
//! The first section of a Graph page is its permissions table. Declare it with
//! `permissions(...)` on [`graph_resource`](macro@crate::graph_resource) and every request can
//! be checked against a token before it leaves:
//!
//! ```
//! use graph_core::{graph_resource, AccessToken};
//!
//! #[graph_resource(
//!     path = "/workflowBase/runs",
//!     odata = "#microsoft.graph.identityGovernance.run",
//!     permissions(create(
//!         delegated = "LifecycleWorkflows.ReadWrite.All",
//!         application = "LifecycleWorkflows.ReadWrite.All",
//!     )),
//! )]
//! #[derive(Debug, Default)]
//! struct Run {
//!     #[graph(read_only)]
//!     id: Option<String>,
//! }
//!
//! // An unsigned token made up for this example: {"scp": "User.Read Mail.Send"}.
//! let token = AccessToken::new("eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQgTWFpbC5TZW5kIn0.x")?;
//! let error = Run::default().create_request()?.check_token(&token).unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All \
//!      (delegated, work or school account); the token grants User.Read, Mail.Send"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Operations are `create`, `read` (get and list), `update` and `delete`; schemes `delegated`
//! (a work or school account), `personal` (a personal Microsoft account) and `application`,
//! each with one permission or an array, least privileged first. A scheme left out is "Not
//! supported"; an operation left out declares nothing.
//!
//! [`check_token`](crate::request::Request::check_token) on every request kind reads the
//! token's claims: a delegated token's `scp`, an application token's `roles`, and a personal
//! account by its `tid`; any one of the permissions declared for that scheme is enough. **It
//! does not verify the token's signature** (Graph does, on every request): it only spares a
//! round trip that would end in `403`, and says what is missing. A token whose claims cannot
//! be read (an opaque token, bad base64, claims of other shapes) passes, and the service
//! decides. A [`PermissionError`] never shows the token.
//!
//! The client runs the check before every attempt and sends nothing when it fails; a `403` on
//! a request whose resource declares its permissions ends its message with what the operation
//! needs, and a reminder that delegated calls may also need an Entra role
//! ([`GraphError::required_permissions`](crate::GraphError::required_permissions)).

use std::fmt;

use base64::Engine;

use crate::AccessToken;

/// What each operation on a resource needs, as the "Permissions" table of its Graph page
/// lists it: set by `#[graph_resource(permissions(...))]`. An operation left out
/// (`None`) declares nothing, and no token is checked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Permissions {
    /// Creating (`POST` to the collection).
    pub create: Option<&'static OperationPermissions>,
    /// Reading: get and list.
    pub read: Option<&'static OperationPermissions>,
    /// Updating (`PATCH`).
    pub update: Option<&'static OperationPermissions>,
    /// Deleting.
    pub delete: Option<&'static OperationPermissions>,
}

impl Permissions {
    /// Nothing declared.
    pub const NONE: Self = Self {
        create: None,
        read: None,
        update: None,
        delete: None,
    };

    /// What `operation` needs, where declared.
    #[must_use]
    pub fn of(&self, operation: Operation) -> Option<&'static OperationPermissions> {
        match operation {
            Operation::Create => self.create,
            Operation::Read => self.read,
            Operation::Update => self.update,
            Operation::Delete => self.delete,
            Operation::Action => None,
        }
    }
}

/// One row set of a permissions table: for each scheme, the permissions any one of which
/// is enough, least privileged first; `None` where the page says "Not supported".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OperationPermissions {
    /// Delegated, work or school account (the token's `scp`).
    pub delegated: Option<&'static [&'static str]>,
    /// Delegated, personal Microsoft account.
    pub personal: Option<&'static [&'static str]>,
    /// Application (the token's `roles`).
    pub application: Option<&'static [&'static str]>,
}

impl OperationPermissions {
    fn of(&self, scheme: Scheme) -> Option<&'static [&'static str]> {
        match scheme {
            Scheme::Delegated => self.delegated,
            Scheme::Personal => self.personal,
            Scheme::Application => self.application,
        }
    }

    /// `A or B (delegated, work or school account); C (application)`: every scheme that
    /// is supported.
    pub(crate) fn describe(&self) -> String {
        let mut parts = Vec::new();
        for scheme in [Scheme::Delegated, Scheme::Personal, Scheme::Application] {
            if let Some(names) = self.of(scheme).filter(|names| !names.is_empty()) {
                parts.push(format!("{} ({})", one_of(names), scheme.label()));
            }
        }
        parts.join("; ")
    }
}

/// An operation, as a permissions table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// `create`.
    Create,
    /// `read`: get and list.
    Read,
    /// `update`.
    Update,
    /// `delete`.
    Delete,
    /// An action (`sendMail`), whose page's table is the action's own.
    Action,
}

impl Operation {
    fn verb(self) -> &'static str {
        match self {
            Operation::Create => "creating",
            Operation::Read => "reading",
            Operation::Update => "updating",
            Operation::Delete => "deleting",
            Operation::Action => "calling",
        }
    }
}

/// How a token was granted its permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// Delegated, for a work or school account: the token's `scp`.
    Delegated,
    /// Delegated, for a personal Microsoft account (its `tid` is the consumer tenant's).
    Personal,
    /// Application: the token's `roles`.
    Application,
}

impl Scheme {
    fn label(self) -> &'static str {
        match self {
            Scheme::Delegated => "delegated, work or school account",
            Scheme::Personal => "delegated, personal Microsoft account",
            Scheme::Application => "application",
        }
    }
}

/// A token that lacks what an operation needs, found before the request was sent. Its
/// `Display` names the operation, the permissions that would do (least privileged first)
/// for the token's scheme, and those the token has; never the token.
///
/// "creating microsoft.graph.identityGovernance.run needs one of
/// LifecycleWorkflows.ReadWrite.All (delegated, work or school account); the token grants
/// User.Read, Mail.Send"
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionError {
    operation: Operation,
    type_name: &'static str,
    scheme: Scheme,
    /// What would do for the token's scheme; `None` where the scheme is not supported.
    needed: Option<&'static [&'static str]>,
    /// What every supported scheme needs, for a scheme that is not.
    supported: String,
    granted: Vec<String>,
}

impl PermissionError {
    /// The operation the request performs.
    #[must_use]
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The token's scheme.
    #[must_use]
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The permissions any one of which would do for the token's scheme (empty where the
    /// operation does not support that scheme).
    #[must_use]
    pub fn needed(&self) -> &'static [&'static str] {
        self.needed.unwrap_or(&[])
    }

    /// The permissions the token grants.
    #[must_use]
    pub fn granted(&self) -> &[String] {
        &self.granted
    }
}

impl fmt::Display for PermissionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (verb, name) = (self.operation.verb(), self.type_name);
        match self.needed {
            Some(needed) => write!(
                f,
                "{verb} {name} needs {} ({})",
                one_of(needed),
                self.scheme.label()
            )?,
            None => {
                write!(
                    f,
                    "{verb} {name} is not supported with {} permissions",
                    self.scheme.label()
                )?;
                if !self.supported.is_empty() {
                    write!(f, "; it needs {}", self.supported)?;
                }
            }
        }
        write!(f, "; the token grants ")?;
        if self.granted.is_empty() {
            return f.write_str("none");
        }
        const SHOWN: usize = 20;
        let shown: Vec<&str> = self
            .granted
            .iter()
            .take(SHOWN)
            .map(String::as_str)
            .collect();
        f.write_str(&shown.join(", "))?;
        if self.granted.len() > SHOWN {
            write!(f, " and {} more", self.granted.len() - SHOWN)?;
        }
        Ok(())
    }
}

impl std::error::Error for PermissionError {}

/// `A`, or `one of A, B`.
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => (*one).to_owned(),
        many => format!("one of {}", many.join(", ")),
    }
}

/// The tenant id of personal Microsoft accounts.
const CONSUMER_TENANT: &str = "9188040d-6c67-4c5b-b112-36a304b66dad";

/// The largest token whose claims are read: far above any Entra token (a few KiB).
const MAX_TOKEN: usize = 64 * 1024;

/// What a token's claims say about its permissions.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Grants {
    pub scheme: Scheme,
    pub granted: Vec<String>,
}

/// A JWT's claims: its payload, base64url JSON holding an object. Anything else (an
/// opaque token, bad base64, another JSON value) is `None`.
pub(crate) fn jwt_claims(token: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    if token.len() > MAX_TOKEN {
        return None;
    }
    let mut parts = token.split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let json = engine.decode(payload).ok()?;
    serde_json::from_slice(&json).ok()
}

/// The token's scheme and permissions, where its claims can be read: a JWT whose payload
/// is base64url JSON, an object with `scp` a string (delegated, space-separated) or else
/// `roles` an array of strings (application), and `tid`, where present, a string.
/// Anything else is unreadable (`None`).
pub(crate) fn grants(token: &AccessToken) -> Option<Grants> {
    let claims = jwt_claims(token.expose_secret())?;
    let tid = match claims.get("tid") {
        None => None,
        Some(serde_json::Value::String(tid)) => Some(tid.as_str()),
        Some(_) => return None,
    };
    match (claims.get("scp"), claims.get("roles")) {
        (Some(serde_json::Value::String(scp)), _) => {
            let personal = tid.is_some_and(|tid| tid.eq_ignore_ascii_case(CONSUMER_TENANT));
            Some(Grants {
                scheme: if personal {
                    Scheme::Personal
                } else {
                    Scheme::Delegated
                },
                granted: scp.split_whitespace().map(str::to_owned).collect(),
            })
        }
        (None, Some(serde_json::Value::Array(roles))) => {
            let granted = roles
                .iter()
                .map(|role| role.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()?;
            Some(Grants {
                scheme: Scheme::Application,
                granted,
            })
        }
        _ => None,
    }
}

/// What a request needs of a token (its operation's permissions, where declared) and how
/// messages name what it does: every request kind gives one, the client checks it before
/// sending and a `403` says what it lists.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Needs {
    declared: Option<&'static OperationPermissions>,
    operation: Operation,
    type_name: &'static str,
}

impl Needs {
    /// What `operation` on `type_name` needs, from its permissions table.
    pub(crate) fn new(
        permissions: &Permissions,
        operation: Operation,
        type_name: &'static str,
    ) -> Self {
        Self {
            declared: permissions.of(operation),
            operation,
            type_name,
        }
    }

    /// What an action needs: its own table's schemes, where declared. For generated code.
    #[must_use]
    pub const fn action(
        declared: Option<&'static OperationPermissions>,
        name: &'static str,
    ) -> Self {
        Self {
            declared,
            operation: Operation::Action,
            type_name: name,
        }
    }

    /// How messages name what the request works on.
    pub(crate) fn name(self) -> &'static str {
        self.type_name
    }

    /// Checks `token`. `Ok` where nothing is declared or the claims cannot be read.
    pub(crate) fn check(self, token: &AccessToken) -> Result<(), PermissionError> {
        let Some(declared) = self.declared else {
            return Ok(());
        };
        let Some(grants) = grants(token) else {
            return Ok(());
        };
        let needed = declared.of(grants.scheme);
        if let Some(needed) = needed {
            let granted = |name: &&str| {
                grants
                    .granted
                    .iter()
                    .any(|have| have.eq_ignore_ascii_case(name))
            };
            if needed.iter().any(granted) {
                return Ok(());
            }
        }
        Err(PermissionError {
            operation: self.operation,
            type_name: self.type_name,
            scheme: grants.scheme,
            needed,
            supported: declared.describe(),
            granted: grants.granted,
        })
    }

    /// A `403` ends with what the operation needs, where it declares anything; any other
    /// error is as it was.
    pub(crate) fn forbidden(self, error: crate::GraphError) -> crate::GraphError {
        if error.status() != http::StatusCode::FORBIDDEN {
            return error;
        }
        let Some(declared) = self.declared else {
            return error;
        };
        let needs = declared.describe();
        if needs.is_empty() {
            return error;
        }
        error.with_permissions_note(format!(
            "{} {} needs {needs}; delegated calls may also need an Entra role that allows it",
            self.operation.verb(),
            self.type_name
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token with `claims` as its payload (header and signature are not read).
    fn token(claims: &str) -> AccessToken {
        let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims);
        AccessToken::new(format!("eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln")).unwrap()
    }

    const RUN: OperationPermissions = OperationPermissions {
        delegated: Some(&["LifecycleWorkflows.ReadWrite.All"]),
        personal: None,
        application: Some(&["LifecycleWorkflows.ReadWrite.All"]),
    };
    const PAGE: Permissions = Permissions {
        create: Some(&RUN),
        ..Permissions::NONE
    };
    const NAME: &str = "microsoft.graph.identityGovernance.run";

    fn check_create(token: &AccessToken) -> Result<(), PermissionError> {
        Needs::new(&PAGE, Operation::Create, NAME).check(token)
    }

    #[test]
    fn a_delegated_token_needs_one_of_the_scopes() {
        let missing = token(r#"{"scp":"User.Read Mail.Send","tid":"72f988bf"}"#);
        let error = check_create(&missing).unwrap_err();
        assert_eq!(
            error.to_string(),
            "creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); the token grants User.Read, Mail.Send"
        );
        assert_eq!(error.scheme(), Scheme::Delegated);
        let granted = token(r#"{"scp":"User.Read lifecycleworkflows.readwrite.all"}"#);
        assert!(check_create(&granted).is_ok());
        // Nothing declared for reading.
        assert!(Needs::new(&PAGE, Operation::Read, NAME)
            .check(&missing)
            .is_ok());
    }

    #[test]
    fn an_application_token_needs_one_of_the_roles() {
        let error = check_create(&token(r#"{"roles":["User.Read.All"]}"#)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "creating microsoft.graph.identityGovernance.run needs LifecycleWorkflows.ReadWrite.All (application); the token grants User.Read.All"
        );
        assert!(check_create(&token(r#"{"roles":["LifecycleWorkflows.ReadWrite.All"]}"#)).is_ok());
        let none = check_create(&token(r#"{"roles":[]}"#)).unwrap_err();
        assert!(
            none.to_string().ends_with("the token grants none"),
            "{none}"
        );
    }

    #[test]
    fn a_personal_account_needs_a_declared_personal_scheme() {
        let personal = token(
            r#"{"scp":"LifecycleWorkflows.ReadWrite.All","tid":"9188040d-6c67-4c5b-b112-36a304b66dad"}"#,
        );
        let error = check_create(&personal).unwrap_err();
        assert_eq!(error.scheme(), Scheme::Personal);
        assert_eq!(
            error.to_string(),
            "creating microsoft.graph.identityGovernance.run is not supported with delegated, personal Microsoft account permissions; it needs LifecycleWorkflows.ReadWrite.All (delegated, work or school account); LifecycleWorkflows.ReadWrite.All (application); the token grants LifecycleWorkflows.ReadWrite.All"
        );
    }

    #[test]
    fn unreadable_tokens_pass() {
        for claims in [
            r#"{"scp":5}"#,
            r#"{"roles":"LifecycleWorkflows.ReadWrite.All"}"#,
            r#"{"roles":[1,2]}"#,
            r#"{"scp":"User.Read","tid":7}"#,
            r#"["scp"]"#,
            r#"{}"#,
            "not json",
        ] {
            assert!(check_create(&token(claims)).is_ok(), "{claims}");
        }
        for opaque in ["opaque-token", "a.b", "a.!!!.c", "a.b.c.d", "a..c"] {
            assert!(
                check_create(&AccessToken::new(opaque).unwrap()).is_ok(),
                "{opaque}"
            );
        }
        let huge = format!("a.{}.c", "QUFB".repeat(MAX_TOKEN));
        assert!(check_create(&AccessToken::new(huge).unwrap()).is_ok());
        // Padding, as some encoders write it, is accepted.
        let padded = base64::engine::general_purpose::URL_SAFE.encode(r#"{"roles":["X.Y"]}"#);
        assert!(check_create(&AccessToken::new(format!("h.{padded}.s")).unwrap()).is_err());
    }

    #[test]
    fn the_message_never_holds_the_token() {
        let secret = token(r#"{"scp":"User.Read","secret":"hunter2"}"#);
        let error = check_create(&secret).unwrap_err();
        assert!(!error.to_string().contains(secret.expose_secret()));
        assert!(!format!("{error:?}").contains("hunter2"));
    }
}
