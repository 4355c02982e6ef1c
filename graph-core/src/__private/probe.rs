//! How generated code asks rustc what a field's type can do, so that every field is handled
//! alike and every misuse is one error at the field: autoref probes, resolved by method
//! lookup at the generated call, which takes the first candidate whose bounds hold.
//!
//! - [`Probe`]: how a field is written and validated, as one of the crate's types, a serde
//!   type, or neither (an error saying which attribute to put on the type); [`OptionProbe`]
//!   the same for a field written as `Option`.
//! - [`ReadProbe`], [`TakeProbe`]: how it is read, adding no error of its own.
//! - [`LateProbe`]: whether it holds an enum with late members (see
//!   [`GraphValue::__late_members`]).
//! - [`Edge`]: that the runtime descends into every container around one of the crate's
//!   types.
//! - `ProbeOption`: whether a field that is not written as `Option` is one (a type alias).

use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serialize};

use crate::__private::object::{FieldValue, GraphField, SerdeField};
use crate::__private::read::take;
use crate::__private::slots::{deserialize_object, ReadObject, ReadSlot};
use crate::__private::validate::{PropertyPath, Violations};
use crate::__private::value::{GraphValue, Mode, TypeWalk};

/// Lets generated code treat every field alike: `(&&Probe(&field)).__graph_field()` is a
/// [`GraphField`] when the field's type is a [`GraphValue`] (one of ours, or a container of
/// one), a [`SerdeField`] when it is any other type with Serialize and Deserialize, and
/// otherwise an error at the field saying what to do ([`GraphProperty`]). This is autoref:
/// method lookup tries the receiver `&&Probe` ([`ProbeGraph`], implemented for `&Probe`),
/// then `&&&Probe` ([`ProbeSerde`]), then `&Probe` ([`ProbeUnmarked`]), taking the first
/// whose bounds hold.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The [`Probe`] method for fields whose type is a [`GraphValue`]. Only for types that read
/// back too, so that a field that does not is always a compile error (see [`ReadProbe`]).
pub trait ProbeGraph<'a, T: ?Sized> {
    /// The field, as one of ours.
    fn __graph_field(&self) -> GraphField<'a, T>;
}

impl<'a, T: GraphValue + DeserializeOwned> ProbeGraph<'a, T> for &Probe<'a, T> {
    #[inline]
    fn __graph_field(&self) -> GraphField<'a, T> {
        GraphField(self.0)
    }
}

/// The [`Probe`] method for fields of any other serde type.
pub trait ProbeSerde<'a, T: ?Sized> {
    /// The field, as a serde value.
    fn __graph_field(&self) -> SerdeField<'a, T>;
}

impl<'a, T: Serialize + DeserializeOwned> ProbeSerde<'a, T> for &&Probe<'a, T> {
    #[inline]
    fn __graph_field(&self) -> SerdeField<'a, T> {
        SerdeField(self.0)
    }
}

/// The [`Probe`] method for fields whose type is neither. Never selected in code that
/// compiles: the generated code asks [`GraphProperty`] of every type the field's value is
/// made of, which fails, with the one error the user sees, for a type that is neither.
pub trait ProbeUnmarked<'a, T: ?Sized> {
    /// Never called.
    fn __graph_field(&self) -> Unmarked<'a, T>;
}

impl<'a, T: ?Sized> ProbeUnmarked<'a, T> for Probe<'a, T> {
    fn __graph_field(&self) -> Unmarked<'a, T> {
        unreachable!("a field type that is neither a Graph type nor a serde type does not compile")
    }
}

/// What each type a field's value is made of must be: one of the types the attributes
/// declare, or any other type with Serialize and Deserialize. The attributes ask it of every
/// field's types, so a type left unmarked is one error naming it; there is nothing to
/// implement.
// The blanket impl is not recommended in messages, so that the user reads this trait's
// message, at the type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Graph type: mark it `#[graph_enum]` (an enum) or `#[graph_complex]` (a struct)",
    label = "this type has no `#[graph_enum]` or `#[graph_complex]`, nor Serialize and Deserialize of its own",
    note = "a Graph enumeration takes `#[graph_enum]` on the enum; a complex type takes `#[graph_complex]` on the struct (with `odata = \"#microsoft.graph....\"` where Graph names its type); a value with a JSON format of its own implements Serialize and Deserialize itself"
)]
pub trait GraphProperty {
    /// Asked by a qualified path, so the error is about this type and nothing else.
    #[doc(hidden)]
    const IS: () = ();
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + DeserializeOwned> GraphProperty for T {}

/// A field of a type that is not [`GraphProperty`]: cannot exist, so it writes nothing.
pub struct Unmarked<'a, T: ?Sized>(std::convert::Infallible, std::marker::PhantomData<&'a T>);

impl<T: ?Sized> Clone for Unmarked<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Unmarked<'_, T> {}

impl<T: ?Sized> FieldValue for Unmarked<'_, T> {
    fn serialize_entry<M: SerializeMap>(
        self,
        _: &mut M,
        _: &'static str,
        _: Mode,
    ) -> Result<(), M::Error> {
        match self.0 {}
    }

    fn write_json(self, _: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        match self.0 {}
    }

    fn validate(self, _: &PropertyPath<'_>, _: &mut Violations) {
        match self.0 {}
    }
}

/// [`Probe`] for a field written as `Option<T>`, asked about `T`:
/// `(&&OptionProbe(&field)).__graph_option()` is the field's value as [`Probe`] would see
/// it, or `None`, for [`visit_option`](crate::__private::object::visit_option) to hand over. One call
/// a field, without a `match` of its own in the generated code.
pub struct OptionProbe<'a, T>(pub &'a Option<T>);

/// The [`OptionProbe`] method for a `T` that is a [`GraphValue`] (as [`ProbeGraph`]).
pub trait ProbeGraphOption<'a, T> {
    /// The field's value, as one of ours.
    fn __graph_option(&self) -> Option<GraphField<'a, T>>;
}

impl<'a, T: GraphValue + DeserializeOwned> ProbeGraphOption<'a, T> for &OptionProbe<'a, T> {
    #[inline]
    fn __graph_option(&self) -> Option<GraphField<'a, T>> {
        self.0.as_ref().map(GraphField)
    }
}

/// The [`OptionProbe`] method for a `T` of any other serde type (as [`ProbeSerde`]).
pub trait ProbeSerdeOption<'a, T> {
    /// The field's value, as a serde value.
    fn __graph_option(&self) -> Option<SerdeField<'a, T>>;
}

impl<'a, T: Serialize + DeserializeOwned> ProbeSerdeOption<'a, T> for &&OptionProbe<'a, T> {
    #[inline]
    fn __graph_option(&self) -> Option<SerdeField<'a, T>> {
        self.0.as_ref().map(SerdeField)
    }
}

/// The [`OptionProbe`] method for a `T` that is neither (as [`ProbeUnmarked`]): never
/// selected in code that compiles.
pub trait ProbeUnmarkedOption<'a, T> {
    /// Never called.
    fn __graph_option(&self) -> Option<Unmarked<'a, T>>;
}

impl<'a, T> ProbeUnmarkedOption<'a, T> for OptionProbe<'a, T> {
    fn __graph_option(&self) -> Option<Unmarked<'a, T>> {
        unreachable!("a field type that is neither a Graph type nor a serde type does not compile")
    }
}

/// Reads a resource or complex type: `(&&ReadProbe::<T>::NEW).__deserialize(deserializer)`
/// is [`deserialize_object`] where every field's type has Deserialize ([`ProbeRead`]), and
/// otherwise ([`ProbeNoRead`]) adds no error of its own: a field of a type without
/// Deserialize is already an error at the [`Probe`] that writes it.
pub struct ReadProbe<T>(std::marker::PhantomData<fn() -> T>);

impl<T> ReadProbe<T> {
    /// The probe.
    pub const NEW: Self = Self(std::marker::PhantomData);
}

/// The [`ReadProbe`] method for types whose fields' types all have Deserialize.
pub trait ProbeRead<T> {
    /// Reads a `T`.
    ///
    /// # Errors
    ///
    /// As [`deserialize_object`].
    fn __deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error>;
}

impl<T: ReadObject> ProbeRead<T> for &ReadProbe<T>
where
    T::Slots: ReadSlot,
{
    #[inline]
    fn __deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error> {
        deserialize_object(deserializer)
    }
}

/// The [`ReadProbe`] method for any other type, in code that does not compile.
pub trait ProbeNoRead<T> {
    /// Fails.
    ///
    /// # Errors
    ///
    /// Always.
    fn __deserialize<'de, D: Deserializer<'de>>(&self, deserializer: D) -> Result<T, D::Error>;
}

impl<T> ProbeNoRead<T> for ReadProbe<T> {
    fn __deserialize<'de, D: Deserializer<'de>>(&self, _: D) -> Result<T, D::Error> {
        Err(de::Error::custom("a field's type has no Deserialize"))
    }
}

/// Finishes a field of type `T` that is not written as `Option` once the object is read:
/// `(&&TakeProbe::<T>::NEW).__take::<E>(slot, name)` is [`take`] where `T` has Deserialize
/// ([`ProbeTake`]), and otherwise ([`ProbeNoTake`]) adds no error of its own, as
/// [`ReadProbe`].
pub struct TakeProbe<T>(std::marker::PhantomData<fn() -> T>);

impl<T> TakeProbe<T> {
    /// The probe.
    pub const NEW: Self = Self(std::marker::PhantomData);
}

/// The [`TakeProbe`] method for a `T` with Deserialize.
pub trait ProbeTake<T> {
    /// See [`take`].
    ///
    /// # Errors
    ///
    /// As [`take`].
    fn __take<E: de::Error>(&self, slot: Option<T>, name: &'static str) -> Result<T, E>;
}

impl<T: DeserializeOwned> ProbeTake<T> for &TakeProbe<T> {
    #[inline]
    fn __take<E: de::Error>(&self, slot: Option<T>, name: &'static str) -> Result<T, E> {
        take(slot, name)
    }
}

/// The [`TakeProbe`] method for any other `T`, in code that does not compile.
pub trait ProbeNoTake<T> {
    /// Fails.
    ///
    /// # Errors
    ///
    /// Always.
    fn __take<E: de::Error>(&self, slot: Option<T>, name: &'static str) -> Result<T, E>;
}

impl<T> ProbeNoTake<T> for TakeProbe<T> {
    fn __take<E: de::Error>(&self, _: Option<T>, name: &'static str) -> Result<T, E> {
        Err(E::custom(format_args!("`{name}` has no Deserialize")))
    }
}

/// Asks whether a field's type holds an enum with late members, from the type alone:
/// `(&&LateProbe::<T>::NEW).__late_members(walk)` is `T`'s answer when `T` is a
/// [`GraphValue`] ([`ProbeLate`]), and `false` for any other type ([`ProbeNotLate`]), which
/// holds none of the crate's enums the runtime could see. Emitted only for fields whose
/// type is not plainly serde's.
pub struct LateProbe<T: ?Sized>(std::marker::PhantomData<fn(&T)>);

impl<T: ?Sized> LateProbe<T> {
    /// The probe.
    pub const NEW: Self = Self(std::marker::PhantomData);
}

/// The [`LateProbe`] method for the crate's types and containers of them.
pub trait ProbeLate {
    /// The type's answer.
    fn __late_members(&self, walk: &mut TypeWalk) -> bool;
}

impl<T: GraphValue + ?Sized> ProbeLate for &LateProbe<T> {
    #[inline]
    fn __late_members(&self, walk: &mut TypeWalk) -> bool {
        T::__late_members(walk)
    }
}

/// The [`LateProbe`] method for any other type.
pub trait ProbeNotLate {
    /// None.
    #[inline]
    fn __late_members(&self, _: &mut TypeWalk) -> bool {
        false
    }
}

impl<T: ?Sized> ProbeNotLate for LateProbe<T> {}

/// Checks that where a field's type holds one of the crate's types inside another type, the
/// runtime descends into that other type: `(&&Edge::<Outer, Inner>::NEW).__descends()` for
/// each such pair in the field's type, as written. When `Inner` is a [`GraphValue`]
/// ([`EdgeToGraph`]), `Outer` must be [`Descends`]; otherwise nothing is asked
/// ([`EdgeToOther`]).
pub struct Edge<Outer: ?Sized, Inner: ?Sized>(std::marker::PhantomData<Pair<Outer, Inner>>);

/// Holds two types of any size, owning neither.
type Pair<Outer, Inner> = (fn(&Outer), fn(&Inner));

impl<Outer: ?Sized, Inner: ?Sized> Edge<Outer, Inner> {
    /// The probe.
    pub const NEW: Self = Self(std::marker::PhantomData);
}

/// The [`Edge`] method where the inner type is one of the crate's: the outer type, for
/// generated code to ask `<_ as Descends>::asked(..)` of (a question about that type and
/// nothing else, so the error names only it).
pub trait EdgeToGraph<Outer: ?Sized> {
    /// The type to ask about.
    #[inline]
    fn __descends(&self) -> PhantomData<Outer> {
        PhantomData
    }
}

impl<Outer: ?Sized, Inner: GraphValue + ?Sized> EdgeToGraph<Outer> for &Edge<Outer, Inner> {}

/// The [`Edge`] method where the inner type is any other: a type that [`Descends`], so
/// nothing is asked of the outer one.
pub trait EdgeToOther {
    /// A container the runtime descends into.
    #[inline]
    fn __descends(&self) -> PhantomData<Option<()>> {
        PhantomData
    }
}

impl<Outer: ?Sized, Inner: ?Sized> EdgeToOther for Edge<Outer, Inner> {}

/// The containers the runtime looks inside (`Option`, `Vec`, `VecDeque`, `Box`, `Arc`,
/// `Rc`, arrays, slices, maps keyed by `String`), validating what they hold and leaving out
/// its read-only properties: a Graph type inside any other container would be written by
/// that container's Serialize, unchecked, so it is a compile error. The attributes ask it;
/// there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "graph-core does not look inside `{Self}`, so what it holds would be sent unvalidated and with its read-only properties",
    label = "a Graph type inside a container graph-core does not descend into",
    note = "the containers graph-core descends into are `Option`, `Vec`, `VecDeque`, `Box`, `Arc`, `Rc`, arrays and slices, and maps keyed by `String` (`BTreeMap`, `HashMap`); use one of them"
)]
pub trait Descends {
    /// Asked with the type inferred (`<_ as Descends>::asked(..)`), so the error is about
    /// that type and nothing else.
    #[doc(hidden)]
    #[inline]
    fn asked(_: PhantomData<Self>) {}
}

impl<T> Descends for Option<T> {}
impl<T> Descends for Vec<T> {}
impl<T> Descends for std::collections::VecDeque<T> {}
impl<T: ?Sized> Descends for Box<T> {}
impl<T: ?Sized> Descends for std::sync::Arc<T> {}
impl<T: ?Sized> Descends for std::rc::Rc<T> {}
impl<T> Descends for [T] {}
impl<T, const N: usize> Descends for [T; N] {}
impl<T> Descends for std::collections::BTreeMap<String, T> {}
impl<T, S> Descends for std::collections::HashMap<String, T, S> {}

/// The [`Probe`] method for fields whose type is an `Option` that is not written as one
/// (a type alias): `None` is left out of bodies as for any `Option`.
pub trait ProbeOption {
    /// Whether the field is `None`.
    fn __graph_is_none(&self) -> bool;
}

impl<T> ProbeOption for Probe<'_, Option<T>> {
    #[inline]
    fn __graph_is_none(&self) -> bool {
        self.0.is_none()
    }
}

/// The [`Probe`] method for fields of any other type: never `None`.
pub trait ProbeNotOption {
    /// Never.
    #[inline]
    fn __graph_is_none(&self) -> bool {
        false
    }
}

impl<T: ?Sized> ProbeNotOption for &Probe<'_, T> {}
