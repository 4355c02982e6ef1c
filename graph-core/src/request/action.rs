//! Actions: `POST` to a path ending in the action's name (`/users/{id}/sendMail`,
//! `/groups/{id}/checkMemberGroups`), with the parameters as the body, answered `200`, `202`
//! or `204` by action, with or without a value.

use std::fmt;
use std::marker::PhantomData;

use http::{HeaderMap, Method, StatusCode};
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::kind::{ParseResponse, RequestKind};
use super::Request;
use crate::permissions::{Needs, Operation};
use crate::resource::GraphType;
use crate::GraphError;

/// A request that calls an action: `POST` of the action's path with its parameters as the
/// JSON body (none where the action takes none). Built by the `request(...)` and
/// `request_at(...)` methods `#[graph_action]` generates, which validate the parameters
/// first. `R` is what a success reads as: `()` where the action returns nothing (any `2xx`
/// is a success), else the `returns` type of the attribute.
///
/// An action is retried as a create is: only where Graph said nothing was done (`429`,
/// `503`), never after an answer that may mean it was carried out.
pub type ActionRequest<R> = Request<Action, R>;

/// The kind of an [`ActionRequest`]: `POST`, with what the action needs of a token.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    needs: Needs,
}

impl Action {
    pub(crate) fn new(needs: Needs) -> Self {
        Self { needs }
    }
}

impl RequestKind for Action {
    const OPERATION: Operation = Operation::Action;
    const NAME: &'static str = "ActionRequest";

    fn method(&self) -> &Method {
        const { &Method::POST }
    }
}

impl<R: ActionReturn> ParseResponse<R> for Action {
    type Output = R;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<R, GraphError> {
        if !status.is_success() {
            return Err(crate::response::unexpected(
                status,
                headers,
                body,
                "a 2xx answer",
            ));
        }
        R::__read(status, headers, body)
    }

    fn needs(&self) -> Needs {
        self.needs
    }
}

/// What an action's success reads as: `()` (the action returns nothing: any `2xx`), a
/// resource, complex type or union (the body itself, from a `200`), or anything OData
/// writes inside `value` (`{"value": …}`): a primitive, one of the value types, a
/// `#[graph_enum]`, a `serde_json::Value`, or a `Vec` of any type. A `204` where a value
/// is expected is an error. The attributes implement it for their types; there is nothing
/// to implement.
#[diagnostic::on_unimplemented(
    message = "an action cannot return `{Self}`: it is neither a Graph type nor a value OData returns",
    label = "not a type an action's answer reads as",
    note = "an action returns a `#[graph_resource]`, `#[graph_complex]` or `#[graph_union]` type, a `#[graph_enum]`, a primitive (`bool`, integers, floats, `String`), one of graph_core's value types, `serde_json::Value`, or a `Vec` of any of them; leave `returns` out where it returns nothing"
)]
pub trait ActionReturn: Sized {
    /// Reads a success.
    #[doc(hidden)]
    fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, GraphError>;
}

impl ActionReturn for () {
    fn __read(_: StatusCode, _: &HeaderMap, _: &[u8]) -> Result<(), GraphError> {
        Ok(())
    }
}

impl<T: GraphType> ActionReturn for T {
    fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        if status != StatusCode::OK {
            return Err(crate::response::unexpected(
                status,
                headers,
                body,
                &format!("200 OK with the {}", T::__NAME),
            ));
        }
        crate::response::read_body(status, headers, body, T::__NAME)
    }
}

/// Reads `T` from a success's `value`, as OData writes an action's primitive, enum and
/// collection results. For generated code (`#[graph_enum]`) and the impls here.
#[doc(hidden)]
pub fn read_value<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    name: &str,
) -> Result<T, GraphError> {
    if status != StatusCode::OK {
        return Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK with {name} in `value`"),
        ));
    }
    crate::response::read_body::<Valued<T>>(status, headers, body, name).map(|valued| valued.0)
}

/// `{"value": T}`, the other members skipped.
struct Valued<T>(T);

impl<'de, T: DeserializeOwned> serde::Deserialize<'de> for Valued<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor<T>(PhantomData<T>);

        impl<'de, T: DeserializeOwned> Visitor<'de> for ValueVisitor<T> {
            type Value = Valued<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object with `value`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Valued<T>, A::Error> {
                let mut value = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "value" {
                        if value.is_some() {
                            return Err(de::Error::duplicate_field("value"));
                        }
                        value = Some(map.next_value::<T>()?);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                value
                    .map(Valued)
                    .ok_or_else(|| de::Error::missing_field("value"))
            }
        }

        deserializer.deserialize_map(ValueVisitor(PhantomData))
    }
}

/// `ActionReturn` for the numbers OData may write as strings (`"INF"`, digits), read as
/// fields of those types are.
macro_rules! odata_number {
    ($($ty:ty => $name:expr;)*) => {$(
        impl ActionReturn for $ty {
            fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, GraphError> {
                read_value::<crate::__private::ODataNum<$ty>>(status, headers, body, $name)
                    .map(|number| number.0)
            }
        }
    )*};
}

odata_number! {
    i64 => "an integer";
    u64 => "an integer";
    f32 => "a number";
    f64 => "a number";
}

/// `ActionReturn` for types OData returns inside `value`, named in messages.
macro_rules! valued {
    ($([$($param:tt)*] $ty:ty => $name:expr;)*) => {$(
        impl<$($param)*> ActionReturn for $ty {
            fn __read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, GraphError> {
                read_value(status, headers, body, $name)
            }
        }
    )*};
}

valued! {
    [] bool => "a boolean";
    [] i32 => "an integer";
    [] u32 => "an integer";
    [] String => "a string";
    [] crate::DateTimeOffset => "a DateTimeOffset";
    [] crate::Date => "a Date";
    [] crate::TimeOfDay => "a TimeOfDay";
    [] crate::LocalDateTime => "a LocalDateTime";
    [] crate::Duration => "a Duration";
    [] serde_json::Value => "a value";
    [T: DeserializeOwned] Vec<T> => "a collection";
}
