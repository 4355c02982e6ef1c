//! The one road from generated code into the runtime: re-exports and nothing else, so that
//! every path the macros emit is `::graph_core::__private::NAME` and no name in a user's
//! scope can capture it. The items themselves live in the modules named for what they
//! hold.
//!
//! Not public API: names here change without notice, in step with `graph-derive` (which is
//! pinned to this crate's version).

pub use serde;
pub use serde_json;

pub use crate::names::{FieldIndexSeed, FieldInfo, FieldKey, FieldKeySeed, Names};
pub use crate::object::{
    serde_field, serialize_object, validate_object, visit_option, visit_serde_option, write_object,
    FieldValue, FieldVisitor, GraphField, Object, ObjectInfo, SerdeField,
};
pub use crate::operations::{
    create_request, delete_request, get_request, list_request, update_request, validate,
};
pub use crate::probe::{
    Descends, Edge, EdgeToGraph, EdgeToOther, FieldReader, GraphProperty, LateProbe, OptionProbe,
    Probe, ProbeGraph, ProbeGraphOption, ProbeLate, ProbeNoRead, ProbeNotLate, ProbeNotOption,
    ProbeOption, ProbeRead, ProbeSerde, ProbeSerdeOption, ProbeUnmarked, ProbeUnmarkedOption,
    ReadProbe, Readable, Unmarked, Unreadable,
};
pub use crate::read::{
    deserialize_enum, member_in_another_case, next_additional, next_value, skip_value, take,
};
pub use crate::slots::{Opt, ReadSlot, Req, Slot, SlotsReader};
pub use crate::union::{deserialize_union, same_odata_type, GraphUnion, HasODataType};
pub use crate::validation::{check_enum, PropertyPath, Violations};
pub use crate::value::{write_serde, GraphValue, LateCell, Mode, TypeWalk};
