//! The traits the attributes implement: [`GraphType`] (every type requests are built for,
//! with the read `_at` forms), [`GraphObject`] (updates), [`GraphResource`] (creates and
//! deletes), [`GraphEnum`], and [`GraphValue`], which every declared type and its
//! containers share.

use crate::__private::object::Object;
pub use crate::__private::probe::Descends;
pub use crate::__private::probe::GraphProperty;
pub use crate::__private::union::HasODataType;
pub use crate::__private::value::GraphValue;
use crate::{
    CreateRequest, DeleteRequest, GetRequest, ListRequest, UpdateRequest, ValidationError,
};

/// A type requests are built for: a resource, a complex type Graph serves at a path of its
/// own (`/me/mailboxSettings`, a function's results), or a union of derived types. Every
/// `#[graph_resource]`, `#[graph_complex]` and `#[graph_union]` is one.
///
/// Its `_at` forms read at any path Graph documents, given as a template and its
/// parameters at run time (`/users/{user-id}/calendars/{calendar-id}/events`,
/// `/me/drive/root/search(q='{q}')`), checked by the rules of the attribute's `path`: the
/// item itself for get (so `/me` works), the collection for list. Updates are
/// [`GraphObject`]'s, creates and deletes [`GraphResource`]'s; `use graph_core::prelude::*`
/// brings all three.
///
/// ```
/// use graph_core::prelude::*;
///
/// // No `odata`: Graph's page sends the settings without an `@odata.type`.
/// #[graph_complex]
/// #[derive(Debug, Clone, Default)]
/// pub struct MailboxSettings {
///     pub time_zone: Option<String>,
/// }
///
/// let read = MailboxSettings::get_request_at("/me/mailboxSettings", &[])?;
/// assert_eq!(read.path(), "/me/mailboxSettings");
/// let changed = MailboxSettings { time_zone: Some("UTC".into()) };
/// let update = changed.update_request_at("/users/{id}/mailboxSettings", &["adele"])?;
/// assert_eq!(update.body(), br#"{"timeZone":"UTC"}"#);
/// # Ok::<(), graph_core::ValidationError>(())
/// ```
pub trait GraphType: serde::Serialize + serde::de::DeserializeOwned + GraphValue {
    /// The type's name in messages: its OData type without `#`
    /// (`microsoft.graph.mailboxSettings`), or its Rust name where it has none.
    #[doc(hidden)]
    const __NAME: &'static str;

    /// What each operation needs (a resource's `permissions(...)`; nothing for others).
    #[doc(hidden)]
    const __PERMISSIONS: crate::permissions::Permissions = crate::permissions::Permissions::NONE;

    /// A get request for the item `template` names (`/me`, `/users/{id}`,
    /// `/me/mailboxSettings`).
    ///
    /// # Errors
    ///
    /// A template that breaks the rules of `path`, a wrong number of parameters, an empty
    /// parameter.
    fn get_request_at(
        template: &str,
        params: &[&str],
    ) -> Result<GetRequest<Self>, ValidationError> {
        crate::request::build::get_request_at(template, params)
    }

    /// A list request for the collection `template` names
    /// (`/users/{user-id}/calendars/{calendar-id}/events`,
    /// `/me/reminderView(startDateTime='{start}',endDateTime='{end}')`).
    ///
    /// # Errors
    ///
    /// As [`get_request_at`](Self::get_request_at).
    fn list_request_at(
        template: &str,
        params: &[&str],
    ) -> Result<ListRequest<Self>, ValidationError> {
        crate::request::build::list_request_at(template, params)
    }

    /// A delta query of the function `template` names
    /// (`/me/mailFolders/{id}/messages/delta`, `/drives/{drive-id}/root/delta`): see
    /// [`delta`](crate::delta).
    ///
    /// # Errors
    ///
    /// As [`get_request_at`](Self::get_request_at).
    fn delta_request_at(
        template: &str,
        params: &[&str],
    ) -> Result<crate::DeltaRequest<Self>, ValidationError> {
        crate::request::build::delta_request_at(template, params)
    }
}

/// A Microsoft Graph resource: a type with a collection path that a create request
/// `POST`s to.
///
/// Implemented by `#[graph_resource(path = "...", odata = "...")]`, which also gives the
/// type inherent `create_request`, `get_request`, `list_request`, `delta_request`,
/// `update_request`, `update_request_from` and `delete_request` methods taking one `&str` per
/// `{placeholder}` of [`PATH`](Self::PATH) (and the item's key, for an item).
///
/// The `_at` forms take any path Graph documents for the type, as a template and its
/// parameters at run time, checked by the rules of the attribute's `path`: the collection
/// for create, the item itself for delete. Gets and lists are [`GraphType`]'s, updates
/// [`GraphObject`]'s; `use graph_core::prelude::*` brings them all.
pub trait GraphResource: GraphType {
    /// The collection path as written in the attribute, placeholders included
    /// (`/workflowBase/runs`, `/groups/{group-id}/members`).
    const PATH: &'static str;

    /// The OData type in its `#` form (`#microsoft.graph.identityGovernance.run`), as the
    /// first property of every body.
    const ODATA_TYPE: &'static str;

    /// What each operation needs, from the page's permissions table
    /// (`#[graph_resource(permissions(...))]`): what
    /// [`check_token`](crate::request::Request::check_token) checks. Nothing by default.
    const PERMISSIONS: crate::permissions::Permissions = crate::permissions::Permissions::NONE;

    /// Checks everything that can be checked before a request is sent and reports every
    /// violation at once: each `#[graph(required)]` property that is `None`, and each
    /// enum property holding the `unknownFutureValue` sentinel.
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] listing every violation, each named by its JSON property.
    fn validate(&self) -> Result<(), ValidationError>;

    /// A create request to the collection `template` names, with `params` filling its
    /// placeholders in order.
    ///
    /// # Errors
    ///
    /// Every violation in the value; a template that breaks the rules of `path`, a wrong
    /// number of parameters, an empty parameter.
    fn create_request_at(
        &self,
        template: &str,
        params: &[&str],
    ) -> Result<CreateRequest<Self>, ValidationError> {
        crate::request::build::create_request_at(self, template, params)
    }

    /// A delete request for the item `template` names.
    ///
    /// # Errors
    ///
    /// A template that breaks the rules of `path`, a wrong number of parameters, an empty
    /// parameter.
    fn delete_request_at(
        template: &str,
        params: &[&str],
    ) -> Result<DeleteRequest<Self>, ValidationError>
    where
        Self: Sized,
    {
        crate::request::build::delete_request_at(template, params)
    }
}

/// A resource or complex type: a Graph type with properties of its own (a union is not
/// one), which update requests write property by property, at any path
/// (`/me/mailboxSettings`, `/users/{id}`). Every `#[graph_resource]` and `#[graph_complex]`
/// type is one; name it in a generic function that builds updates:
///
/// ```
/// use graph_core::prelude::*;
/// use graph_core::{UpdateRequest, ValidationError};
///
/// fn rename<T: GraphObject>(
///     changed: &T,
///     before: &T,
///     path: &str,
/// ) -> Result<UpdateRequest<T>, ValidationError> {
///     changed.update_request_from_at(before, path, &[])
/// }
/// ```
pub trait GraphObject: Object + GraphType {
    /// An update request for the item `template` names, sending every writable property
    /// that is set.
    ///
    /// # Errors
    ///
    /// Every enum sentinel and every violation inside a value that is sent; a template
    /// that breaks the rules of `path`, a wrong number of parameters, an empty parameter.
    fn update_request_at(
        &self,
        template: &str,
        params: &[&str],
    ) -> Result<UpdateRequest<Self>, ValidationError> {
        crate::request::build::update_request_at(self, None, template, params)
    }

    /// An update request for the item `template` names, sending only what changed from
    /// `before`: `null` for a property that was cleared.
    ///
    /// # Errors
    ///
    /// As [`update_request_at`](Self::update_request_at).
    fn update_request_from_at(
        &self,
        before: &Self,
        template: &str,
        params: &[&str],
    ) -> Result<UpdateRequest<Self>, ValidationError> {
        crate::request::build::update_request_at(self, Some(before), template, params)
    }
}

impl<T: Object + GraphType> GraphObject for T {}

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

    /// The value whose JSON name is `member`, or, where none is exactly, the member it names
    /// in another ASCII case (`Required` for `required`). A name that is not declared
    /// becomes the `other` variant (holding it as read) where the enum has one, else the
    /// `unknownFutureValue` sentinel where the enum has one, else `None`.
    fn from_member(member: &str) -> Option<Self>;

    /// Whether this value is the `unknownFutureValue` sentinel, which Graph never accepts:
    /// by name, so that an `other` variant holding the sentinel's name (an enum without a
    /// sentinel variant reads it so) is never sendable either.
    #[inline]
    fn is_unknown_future_value(&self) -> bool {
        self.as_str() == "unknownFutureValue"
    }
}

/// A Graph enumeration whose values are sets of members (`IsFlags` in Graph's metadata),
/// implemented by `#[graph_enum(flags)]`: a property of it is a [`Flags`](crate::Flags) of
/// the enum, written `"member1,member2"`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a flags enum, so `Flags<{Self}>` cannot hold it",
    label = "declared without `flags`",
    note = "declare the enum `#[graph_enum(flags)]` where Graph's metadata marks it `IsFlags=\"true\"`; a property of a plain enum holds one member, as the enum itself"
)]
pub trait GraphFlags: GraphEnum + GraphValue {}
