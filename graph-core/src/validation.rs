//! What validation finds before anything is sent: each [`Violation`], and the
//! [`ValidationError`] that lists them all.
//!
//! `validate()` (on [`GraphResource`](crate::GraphResource)) and the request builders check,
//! and report together:
//!
//! | violation | [`ViolationKind`] | path |
//! | --- | --- | --- |
//! | a `#[graph(required)]` property is `None`, at any depth | `MissingRequired` | `failedTasksCount`, `passwordProfile.password`, `tasks[1].displayName` |
//! | an enum property is `unknownFutureValue`, at any depth | `UnknownFutureValue` | `workflowExecutionType`, `history[1]` |
//! | additional data holds a property the type writes itself | `AdditionalDataConflict` | `displayName` |
//! | a path parameter is the empty string (request builders only) | `EmptyPathParameter` | the placeholder: `group-id` |
//! | a path template breaks the rules of `path` (the `_at` forms) | `InvalidPathTemplate` | the template |
//! | a template is given another number of parameters than it has placeholders | `PathParameterCount` | the template |
//! | a name given to `select` or `clear` is not a declared property | `UnknownProperty` | the name, with the nearest declared one |
//! | `clear` names a read-only property | `ReadOnlyProperty` | the name |
//! | a drive item's path (`root:/{path}:`) has an empty, `.` or `..` segment | `InvalidPathParameter` | the placeholder |
//! | a field's own `Serialize` impl fails while a body is written | `Unserializable` | empty: the body as a whole |
//!
//! Validation descends into complex types, unions and enums wherever they sit (`Option`,
//! `Vec`, `Box`, maps keyed by `String`) and names each violation by its path from the
//! resource. A create validates first and builds nothing when anything is wrong; an update
//! checks no `required` property (it is partial) but checks the complex values it sends whole.
//! Read-only properties are not checked: they are never sent.
//!
//! [`ValidationError`] implements `std::error::Error`; its `Display` is one message naming every
//! offending property, and [`violations()`](ValidationError::violations) lists them with
//! `path()` and `kind()`.

use std::fmt;

/// What is wrong with one property (or path parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ViolationKind {
    /// A `#[graph(required)]` property is `None`.
    MissingRequired,
    /// An enum property holds `unknownFutureValue`, the evolvable-enum sentinel, which Graph
    /// never accepts in a request.
    UnknownFutureValue,
    /// A path parameter of `create_request` is the empty string, which would change the
    /// shape of the path.
    EmptyPathParameter,
    /// The additional data holds a property the type writes itself (a declared property,
    /// or `@odata.type`), which would appear twice in the body.
    AdditionalDataConflict,
    /// The body could not be written as JSON: a field's own `Serialize` impl failed.
    Unserializable,
    /// A path template given at run time (an `_at` form) breaks the rules of the
    /// attribute's `path`; the message says which and what to write.
    InvalidPathTemplate,
    /// A path template was given a different number of parameters than it has
    /// placeholders.
    PathParameterCount,
    /// A property name the type does not declare (`select`, `clear`); the message names
    /// the nearest one it does.
    UnknownProperty,
    /// A read-only property where a request would send it (`clear`).
    ReadOnlyProperty,
    /// A path parameter that cannot be what its place takes: a drive item's path with an
    /// empty, `.` or `..` segment; the message says which.
    InvalidPathParameter,
    /// A content type that is not a media type (`type/subtype`), for a content `PUT`.
    InvalidContentType,
    /// A value Graph would refuse for what it is (a subscription's notification URL that
    /// is not `https`); the message says what it must be.
    InvalidValue,
}

/// One problem found by validation: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: String,
    kind: ViolationKind,
    detail: Option<String>,
}

impl Violation {
    pub(crate) fn new(path: String, kind: ViolationKind) -> Self {
        Self {
            path,
            kind,
            detail: None,
        }
    }

    pub(crate) fn with_detail(path: String, kind: ViolationKind, detail: String) -> Self {
        Self {
            path,
            kind,
            detail: Some(detail),
        }
    }

    pub(crate) fn unserializable(detail: String) -> Self {
        Self {
            path: String::new(),
            kind: ViolationKind::Unserializable,
            detail: Some(detail),
        }
    }

    /// Where the problem is: the property's JSON name (`failedTasksCount`), or for
    /// [`ViolationKind::EmptyPathParameter`] the placeholder's name (`workflow-id`). Empty for
    /// problems with the body as a whole.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What the problem is.
    #[must_use]
    pub fn kind(&self) -> ViolationKind {
        self.kind
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ViolationKind::MissingRequired => {
                write!(f, "required property `{}` is missing", self.path)
            }
            ViolationKind::UnknownFutureValue => write!(
                f,
                "property `{}` is `unknownFutureValue`, which Graph does not accept",
                self.path
            ),
            ViolationKind::AdditionalDataConflict => write!(
                f,
                "additional data holds `{}`, which the type writes itself; set the field instead",
                self.path
            ),
            ViolationKind::EmptyPathParameter => {
                write!(f, "path parameter `{{{}}}` is empty", self.path)
            }
            ViolationKind::InvalidPathTemplate
            | ViolationKind::PathParameterCount
            | ViolationKind::UnknownProperty
            | ViolationKind::InvalidPathParameter
            | ViolationKind::InvalidContentType => {
                f.write_str(self.detail.as_deref().unwrap_or("invalid request"))
            }
            ViolationKind::InvalidValue => {
                write!(f, "property `{}`: ", self.path)?;
                f.write_str(self.detail.as_deref().unwrap_or("invalid request"))
            }
            ViolationKind::ReadOnlyProperty => write!(
                f,
                "property `{}` is read-only; Graph does not take it in a request",
                self.path
            ),
            ViolationKind::Unserializable => write!(
                f,
                "the body cannot be written as JSON: {}",
                self.detail
                    .as_deref()
                    .unwrap_or("a value's Serialize impl failed")
            ),
        }
    }
}

/// Everything that stops a value from being sent, found before anything is sent.
///
/// `Display` names every offending property by its JSON name in one message;
/// [`violations`](Self::violations) lists them one by one.
///
/// ```
/// # use graph_core::validation::ViolationKind;
/// # use graph_core::{graph_resource, GraphResource};
/// #[graph_resource(path = "/workflowBase/runs", odata = "microsoft.graph.identityGovernance.run")]
/// #[derive(Default)]
/// struct Run {
///     #[graph(required)]
///     failed_tasks_count: Option<i32>,
///     #[graph(required)]
///     total_users_count: Option<i32>,
/// }
///
/// let error = Run::default().validate().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "microsoft.graph.identityGovernance.run is not valid (2 problems): \
///      required property `failedTasksCount` is missing; \
///      required property `totalUsersCount` is missing"
/// );
/// assert_eq!(error.violations()[1].path(), "totalUsersCount");
/// assert_eq!(error.violations()[1].kind(), ViolationKind::MissingRequired);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    type_name: &'static str,
    violations: Vec<Violation>,
}

impl ValidationError {
    pub(crate) fn new(odata_type: &'static str, violations: Vec<Violation>) -> Self {
        Self {
            type_name: odata_type.strip_prefix('#').unwrap_or(odata_type),
            violations,
        }
    }

    /// Every violation, in the order the properties are declared (path parameters last).
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The OData type of the value that failed, without the `#`
    /// (`microsoft.graph.identityGovernance.run`).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} is not valid", self.type_name)?;
        match self.violations.len() {
            1 => f.write_str(": ")?,
            n => write!(f, " ({n} problems): ")?,
        }
        for (i, violation) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            fmt::Display::fmt(violation, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

impl<'a> IntoIterator for &'a ValidationError {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}
