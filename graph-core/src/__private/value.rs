//! Values that write and validate themselves: [`GraphValue`], which every generated type
//! implements, and its impls for the containers Graph's properties come in.

use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::__private::validate::{PropertyPath, Violations};

/// Which properties a body carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Everything the value holds: what plain `Serialize` writes, so a value read from Graph
    /// and written again is unchanged.
    Full,
    /// A create body: read-only properties are left out, at every depth.
    Create,
}

impl Mode {
    /// Whether read-only properties are written.
    #[inline]
    #[must_use]
    pub fn writes_read_only(self) -> bool {
        matches!(self, Mode::Full)
    }
}

/// Every type the attributes declare, and the containers around them (`Option`, `Vec`,
/// `Box`, `Arc`, `Rc`, maps keyed by `String`): how the runtime writes and validates them.
/// The attributes implement it; its items are the runtime's, not public API, and it
/// appears in bounds only as [`GraphResource`](crate::GraphResource)'s supertrait.
pub trait GraphValue {
    /// Where the three methods below are implemented for this type, when its impl leaves
    /// them out: [`ObjectValue`](crate::__private::object::ObjectValue) for a resource or
    /// complex type, [`EnumValue`](crate::__private::read::EnumValue) for an enum, and
    /// [`OwnMethods`] for an impl that writes them itself. A generated impl is then one
    /// line with no bodies for rustc to check, however many types a crate declares.
    #[doc(hidden)]
    type __Kind: ValueKind<Self>;

    /// Writes the value, leaving out read-only properties at every depth in
    /// [`Mode::Create`].
    ///
    /// # Errors
    ///
    /// Whatever the serializer reports.
    #[doc(hidden)]
    #[inline]
    fn __serialize_in_mode<S: Serializer>(
        &self,
        serializer: S,
        mode: Mode,
    ) -> Result<S::Ok, S::Error> {
        Self::__Kind::serialize_in_mode(self, serializer, mode)
    }

    /// Records every violation in the value, with paths below `at`.
    #[doc(hidden)]
    #[inline]
    fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
        Self::__Kind::validate_at(self, at, out);
    }

    /// Appends the value's compact JSON to `out`, exactly as [`__serialize_in_mode`]
    /// writes it through serde_json, but directly: keys come pre-escaped from the macro, so
    /// a create body costs little more than copying bytes.
    ///
    /// [`__serialize_in_mode`]: GraphValue::__serialize_in_mode
    ///
    /// # Errors
    ///
    /// A value of a user's own type whose `Serialize` failed.
    #[doc(hidden)]
    #[inline]
    fn __write_json(&self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
        Self::__Kind::write_json(self, out, mode)
    }

    /// A guess at the size of the value's JSON, to size the buffer once.
    #[doc(hidden)]
    const SIZE_HINT: usize = 64;

    /// Whether the type holds, at any depth, a `#[graph_enum]` with a member declared after
    /// its `unknownFutureValue` sentinel or with an `other` variant: then its requests ask
    /// for `Prefer: include-unknown-enum-members`. Answered from the types alone, by a
    /// [`TypeWalk`]; no value is needed.
    #[doc(hidden)]
    #[inline]
    fn __late_members(walk: &mut TypeWalk) -> bool {
        let _ = walk;
        false
    }
}

/// How a kind of type writes and validates its values: [`GraphValue`]'s methods, for the
/// types whose impl names this kind as its `__Kind`.
pub trait ValueKind<T: ?Sized> {
    /// [`GraphValue::__serialize_in_mode`].
    ///
    /// # Errors
    ///
    /// Whatever the serializer reports.
    fn serialize_in_mode<S: Serializer>(
        value: &T,
        serializer: S,
        mode: Mode,
    ) -> Result<S::Ok, S::Error>;

    /// [`GraphValue::__validate_at`].
    fn validate_at(value: &T, at: &PropertyPath<'_>, out: &mut Violations);

    /// [`GraphValue::__write_json`].
    ///
    /// # Errors
    ///
    /// A value of a user's own type whose `Serialize` failed.
    fn write_json(value: &T, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error>;
}

/// The kind of a [`GraphValue`] impl that implements all three methods itself (the
/// runtime's containers and values, unions), so these are never called.
pub enum OwnMethods {}

impl<T: ?Sized> ValueKind<T> for OwnMethods {
    fn serialize_in_mode<S: Serializer>(_: &T, _: S, _: Mode) -> Result<S::Ok, S::Error> {
        unreachable!("an impl of kind OwnMethods writes its own __serialize_in_mode")
    }

    fn validate_at(_: &T, _: &PropertyPath<'_>, _: &mut Violations) {
        unreachable!("an impl of kind OwnMethods writes its own __validate_at")
    }

    fn write_json(_: &T, _: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        unreachable!("an impl of kind OwnMethods writes its own __write_json")
    }
}

/// Where a resource, complex type or union keeps its answer to
/// [`GraphValue::__late_members`], once worked out; its address is the type's identity in
/// a [`TypeWalk`]. A `static` per type (in its [`Names`](crate::__private::names::Names) for objects).
pub struct LateCell(OnceLock<bool>);

impl LateCell {
    /// Not yet worked out.
    #[must_use]
    pub const fn new() -> Self {
        Self(OnceLock::new())
    }
}

impl Default for LateCell {
    fn default() -> Self {
        Self::new()
    }
}

/// Walks a type's properties at every depth, from the types alone, for
/// [`GraphValue::__late_members`]. A resource, complex type or union is entered once per
/// walk, so a recursive type ends; the answer for the type the walk started from is kept
/// in its [`LateCell`], so each type is walked once per process.
pub struct TypeWalk {
    entered: Vec<&'static LateCell>,
}

impl TypeWalk {
    /// Whether `T` holds an enum whose late members a request must ask for.
    #[must_use]
    pub fn late_members<T: GraphValue + ?Sized>() -> bool {
        T::__late_members(&mut TypeWalk {
            entered: Vec::new(),
        })
    }

    /// Entering the type whose answer `cell` keeps: `Some` answer where it is already
    /// known, or where the walk entered the type before (`false`: what it holds is being
    /// answered for there); `None` when its fields or variants are to be asked, each
    /// through [`LateProbe`](crate::__private::probe::LateProbe), and the answer given to
    /// [`leave`](Self::leave).
    pub fn enter(&mut self, cell: &'static LateCell) -> Option<bool> {
        if let Some(&known) = cell.0.get() {
            return Some(known);
        }
        if self
            .entered
            .iter()
            .any(|entered| std::ptr::eq(*entered, cell))
        {
            return Some(false);
        }
        self.entered.push(cell);
        None
    }

    /// The answer for the type entered with `cell`, kept where the walk started from it
    /// (an answer worked out deeper may have stopped at a type still being walked, so it
    /// is not kept).
    pub fn leave(&mut self, cell: &'static LateCell, late: bool) -> bool {
        if self
            .entered
            .first()
            .is_some_and(|root| std::ptr::eq(*root, cell))
        {
            let _ = cell.0.set(late);
        }
        late
    }
}

impl<T: GraphValue> GraphValue for Option<T> {
    type __Kind = OwnMethods;

    fn __serialize_in_mode<S: Serializer>(
        &self,
        serializer: S,
        mode: Mode,
    ) -> Result<S::Ok, S::Error> {
        match self {
            Some(value) => value.__serialize_in_mode(serializer, mode),
            None => serializer.serialize_none(),
        }
    }

    #[inline]
    fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
        if let Some(value) = self {
            value.__validate_at(at, out);
        }
    }

    #[inline]
    fn __write_json(&self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
        match self {
            Some(value) => value.__write_json(out, mode),
            None => {
                out.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    const SIZE_HINT: usize = T::SIZE_HINT;

    #[inline]
    fn __late_members(walk: &mut TypeWalk) -> bool {
        T::__late_members(walk)
    }
}

/// Sequences: each element written in the mode and validated at `at[index]`. One impl per
/// sequence type the runtime descends into, all through these three functions.
fn serialize_elements<'a, S: Serializer, T: GraphValue + 'a>(
    serializer: S,
    elements: impl ExactSizeIterator<Item = &'a T>,
    mode: Mode,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(elements.len()))?;
    for value in elements {
        seq.serialize_element(&InMode(value, mode))?;
    }
    seq.end()
}

fn validate_elements<'a, T: GraphValue + 'a>(
    elements: impl Iterator<Item = &'a T>,
    at: &PropertyPath<'_>,
    out: &mut Violations,
) {
    for (index, value) in elements.enumerate() {
        value.__validate_at(&PropertyPath::Index(at, index), out);
    }
}

fn write_elements<'a, T: GraphValue + 'a>(
    elements: impl Iterator<Item = &'a T>,
    out: &mut Vec<u8>,
    mode: Mode,
) -> Result<(), serde_json::Error> {
    out.push(b'[');
    for (index, value) in elements.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        value.__write_json(out, mode)?;
    }
    out.push(b']');
    Ok(())
}

/// `Vec<T>`, `VecDeque<T>`, `[T]` and `[T; N]`.
macro_rules! sequence {
    ($([$($param:tt)*] $ty:ty;)*) => {$(
        impl<$($param)*> GraphValue for $ty {
            type __Kind = OwnMethods;

            fn __serialize_in_mode<S: Serializer>(
                &self,
                serializer: S,
                mode: Mode,
            ) -> Result<S::Ok, S::Error> {
                serialize_elements(serializer, self.iter(), mode)
            }

            fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
                validate_elements(self.iter(), at, out);
            }

            fn __write_json(&self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
                write_elements(self.iter(), out, mode)
            }

            fn __late_members(walk: &mut TypeWalk) -> bool {
                T::__late_members(walk)
            }
        }
    )*};
}

sequence! {
    [T: GraphValue] Vec<T>;
    [T: GraphValue] std::collections::VecDeque<T>;
    [T: GraphValue] [T];
    [T: GraphValue, const N: usize] [T; N];
}

/// The pointers a value may sit behind (`Box` for recursive types, `Arc` and `Rc` for
/// shared ones): written and validated as what they point to.
macro_rules! pointer {
    ($($pointer:ident)*) => {$(
        impl<T: GraphValue + ?Sized> GraphValue for $pointer<T> {
            type __Kind = OwnMethods;

            fn __serialize_in_mode<S: Serializer>(
                &self,
                serializer: S,
                mode: Mode,
            ) -> Result<S::Ok, S::Error> {
                (**self).__serialize_in_mode(serializer, mode)
            }

            #[inline]
            fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
                (**self).__validate_at(at, out);
            }

            #[inline]
            fn __write_json(&self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
                (**self).__write_json(out, mode)
            }

            const SIZE_HINT: usize = T::SIZE_HINT;

            #[inline]
            fn __late_members(walk: &mut TypeWalk) -> bool {
                T::__late_members(walk)
            }
        }
    )*};
}

pointer!(Box Arc Rc);

/// Maps keyed by name (Graph's open types): each value is written in the mode and
/// validated at `map.key`.
fn serialize_entries<'a, S: Serializer, T: GraphValue + 'a>(
    serializer: S,
    len: usize,
    entries: impl Iterator<Item = (&'a String, &'a T)>,
    mode: Mode,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(len))?;
    for (key, value) in entries {
        map.serialize_entry(key, &InMode(value, mode))?;
    }
    map.end()
}

/// `BTreeMap<String, T>` and `HashMap<String, T, H>`.
macro_rules! map {
    ($([$($param:tt)*] $ty:ty;)*) => {$(
        impl<$($param)*> GraphValue for $ty {
            type __Kind = OwnMethods;

            fn __serialize_in_mode<S: Serializer>(
                &self,
                serializer: S,
                mode: Mode,
            ) -> Result<S::Ok, S::Error> {
                serialize_entries(serializer, self.len(), self.iter(), mode)
            }

            fn __validate_at(&self, at: &PropertyPath<'_>, out: &mut Violations) {
                for (key, value) in self {
                    value.__validate_at(&PropertyPath::Key(at, key), out);
                }
            }

            fn __write_json(&self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
                write_entries(out, self.iter(), mode)
            }

            fn __late_members(walk: &mut TypeWalk) -> bool {
                T::__late_members(walk)
            }
        }
    )*};
}

map! {
    [T: GraphValue] std::collections::BTreeMap<String, T>;
    [T: GraphValue, H: std::hash::BuildHasher] std::collections::HashMap<String, T, H>;
}

/// Writes a map keyed by name as a JSON object.
fn write_entries<'a, T: GraphValue + 'a>(
    out: &mut Vec<u8>,
    entries: impl Iterator<Item = (&'a String, &'a T)>,
    mode: Mode,
) -> Result<(), serde_json::Error> {
    out.push(b'{');
    for (index, (key, value)) in entries.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_serde(out, key)?;
        out.push(b':');
        value.__write_json(out, mode)?;
    }
    out.push(b'}');
    Ok(())
}

/// Appends any serde value's compact JSON, as serde_json writes it.
///
/// # Errors
///
/// The value's `Serialize` failed.
#[inline]
pub fn write_serde<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    value.serialize(&mut serde_json::Serializer::new(out))
}

/// A [`GraphValue`] to be written in a given mode, as a `Serialize` value.
pub struct InMode<'a, T: ?Sized>(pub &'a T, pub Mode);

impl<T: GraphValue + ?Sized> Serialize for InMode<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.__serialize_in_mode(serializer, self.1)
    }
}
