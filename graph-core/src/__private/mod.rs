//! The runtime that only generated code calls, and the one road into it: each expansion
//! declares `use ::graph_core::__private as __rt;` (or the crate path given with `crate =
//! "..."`) first in its own `const _` block and reaches everything here as `__rt::NAME`, so
//! no name in a user's scope can capture it.
//!
//! - `value`: [`GraphValue`], how every declared type and its containers write and
//!   validate themselves, in each [`Mode`].
//! - `object`: resources and complex types written and validated field by field
//!   ([`Object`], [`FieldVisitor`]).
//! - `names`: a type's declared properties and the lookup of a key among them.
//! - `slots`, `read`: reading an object a key at a time into a tuple of slots.
//! - `number`: numbers as OData writes them (`"INF"`, `"NaN"`, 64-bit integers as strings).
//! - `probe`: the autoref probes that ask rustc what a field's type can do.
//! - `union`: `#[graph_union]`s, dispatched on `@odata.type`.
//! - `validate`: collecting violations with their paths.
//!
//! Not public API: names here change without notice, in step with `graph-derive` (which is
//! pinned to this crate's version).

pub(crate) mod names;
pub(crate) mod number;
pub(crate) mod object;
pub(crate) mod probe;
pub(crate) mod read;
pub(crate) mod slots;
pub(crate) mod union;
pub(crate) mod validate;
pub(crate) mod value;

pub use http;
pub use serde;
pub use serde_json;

pub use crate::permissions::{OperationPermissions, Permissions};
pub use crate::request::{CreateRequest, DeleteRequest, GetRequest, ListRequest, UpdateRequest};
pub use crate::resource::{GraphEnum, GraphFlags, GraphResource, GraphType};
pub use crate::validation::ValidationError;

pub use crate::permissions::Needs;
pub use crate::request::build::{
    action_request, create_request, delete_request, delta_request, get_request, list_request,
    update_request, validate,
};
pub use crate::request::{read_value, ActionRequest, ActionReturn};
pub use names::{FieldIndexSeed, FieldInfo, FieldKey, FieldKeySeed, Names};
pub use number::{float_field, visit_float_option, ODataNum, OptNum, ReqNum};
pub use object::{
    graph_field, serde_field, serialize_object, validate_object, visit_graph_option, visit_option,
    visit_serde_option, write_object, FieldValue, FieldVisitor, GraphField, Object, ObjectInfo,
    ObjectValue, SerdeField,
};
pub use probe::{
    Descends, Edge, EdgeToGraph, EdgeToOther, GraphProperty, LateProbe, OptionProbe, Probe,
    ProbeGraph, ProbeGraphOption, ProbeLate, ProbeNoRead, ProbeNoTake, ProbeNotLate,
    ProbeNotOption, ProbeOption, ProbeRead, ProbeSerde, ProbeSerdeOption, ProbeTake, ProbeUnmarked,
    ProbeUnmarkedOption, ReadProbe, TakeProbe, Unmarked,
};
pub use read::{
    deserialize_enum, member_in_another_case, next_additional, next_value, skip_value, take,
    write_str, EnumValue,
};
pub use slots::{deserialize_object, Opt, ReadObject, ReadSlot, Req, Slot};
pub use union::{deserialize_union, first_duplicate, same_odata_type, GraphUnion, HasODataType};
pub use validate::{check_enum, PropertyPath, Violations};
pub use value::{write_serde, GraphValue, LateCell, Mode, OwnMethods, TypeWalk, ValueKind};
