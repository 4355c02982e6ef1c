//! The traits the attributes implement.

use crate::ValidationError;

/// A Microsoft Graph resource: a type with a collection path that a create request
/// `POST`s to.
///
/// Implemented by `#[graph_resource(path = "...", odata = "...")]`, which also gives the
/// type an inherent `create_request(...)` taking one `&str` per `{placeholder}` of
/// [`PATH`](Self::PATH).
pub trait GraphResource: serde::Serialize + serde::de::DeserializeOwned {
    /// The collection path as written in the attribute, placeholders included
    /// (`/workflowBase/runs`, `/groups/{group-id}/members`).
    const PATH: &'static str;

    /// The OData type in its `#` form (`#microsoft.graph.identityGovernance.run`), as the
    /// first property of every body.
    const ODATA_TYPE: &'static str;

    /// Checks everything that can be checked before a request is sent and reports every
    /// violation at once: each `#[graph(required)]` property that is `None`, and each
    /// enum property holding the `unknownFutureValue` sentinel.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] listing every violation, each named by its JSON property.
    fn validate(&self) -> Result<(), ValidationError>;
}

/// A Graph enumeration, implemented by `#[graph_enum]`.
///
/// Graph's enumerations are evolvable: the service may add members after this code was
/// written. Its members are written as lowerCamelCase JSON strings; `unknownFutureValue` is
/// the sentinel that marks the boundary of the members a client has opted into, and a
/// client never sends it.
pub trait GraphEnum: Sized {
    /// The JSON names of the declared members, in declaration order (the `other` variant,
    /// which holds any name, is not among them).
    const MEMBERS: &'static [&'static str];

    /// The JSON name of this value: a declared member's name, or the text an `other`
    /// variant holds.
    fn as_str(&self) -> &str;

    /// The value whose JSON name is `member`. A name that is not declared becomes the
    /// `other` variant where the enum has one, else the `unknownFutureValue` sentinel where
    /// the enum has one, else `None`.
    fn from_member(member: &str) -> Option<Self>;

    /// Whether this value is the `unknownFutureValue` sentinel, which Graph never accepts.
    fn is_unknown_future_value(&self) -> bool;
}
