//! Where a generated `Deserialize` keeps each property while it reads an object: one slot a
//! field, all of them in one tuple, and the reading of a key's value into the slot its index
//! names.
//!
//! The per-field work lives here, in generic impls over the tuple, rather than in the code
//! the macro emits: a crate of a thousand resources then type-checks one tuple type and one
//! call per type instead of a match arm per field, and pays for the dispatch only where a
//! type is read (where it is monomorphized, and inlined to what a match would have been).
//!
//! A type's slots are its fields' [`Opt`] (a field written as `Option<T>`) or [`Req`] (any
//! other), in declaration order, as a tuple of at most 16, nested in tuples of 16 where
//! there are more (`((S0, .., S15), (S16, ..))`): [`Slot::CAP`] says how many indexes
//! each element covers, so a key's index is dispatched a level at a time.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::Deserializer;

use crate::__private::names::{FieldIndexSeed, FieldInfo, FieldKey, FieldKeySeed};
use crate::__private::object::Object;
use crate::__private::read::{next_additional, next_value, skip_value};

/// The slot of a field written as `Option<T>`: `null` and an absent property are both
/// `None`, so the field is the slot's `value` as it stands once the object is read.
pub struct Opt<T> {
    /// The value read, if any.
    pub value: Option<T>,
    /// Whether the property was present (a second occurrence is an error).
    seen: bool,
}

/// The slot of any other field: `take` (or `TakeProbe`'s `__take`) turns it into the field,
/// leaving an absent property to the type.
pub struct Req<T>(pub Option<T>);

/// A slot, or a tuple of them, as it is before any key is read. No bounds: a type without
/// Deserialize still has slots, in code that reports it elsewhere.
pub trait Slot {
    /// Nothing read yet.
    const NEW: Self;
    /// How many field indexes this covers, in the dispatch of the tuple that holds it: one
    /// for a field's slot, 16 times its first element's for a tuple.
    const CAP: usize;
}

impl<T> Slot for Opt<T> {
    const NEW: Self = Self {
        value: None,
        seen: false,
    };
    const CAP: usize = 1;
}

impl<T> Slot for Req<T> {
    const NEW: Self = Self(None);
    const CAP: usize = 1;
}

/// Reads a value into the slot of field `index` (relative to this slot or tuple).
pub trait ReadSlot: Slot {
    /// Reads the map's next value into the slot `index` names; `name` is the property's
    /// JSON name, for errors.
    ///
    /// # Errors
    ///
    /// The property is repeated, `null` for a type that has no `null`, or its value does not
    /// read as the field's type.
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        name: &'static str,
    ) -> Result<(), A::Error>;
}

impl<T: DeserializeOwned> ReadSlot for Opt<T> {
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
        name: &'static str,
    ) -> Result<(), A::Error> {
        if self.seen {
            return Err(de::Error::duplicate_field(name));
        }
        self.seen = true;
        self.value = map.next_value()?;
        Ok(())
    }
}

impl<T: DeserializeOwned> ReadSlot for Req<T> {
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
        name: &'static str,
    ) -> Result<(), A::Error> {
        next_value(map, &mut self.0, name)
    }
}

/// A type without declared properties.
impl Slot for () {
    const NEW: Self = ();
    const CAP: usize = 16;
}

impl ReadSlot for () {
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
        _: &'static str,
    ) -> Result<(), A::Error> {
        skip_value(map)
    }
}

/// `Slot` and `ReadSlot` for a tuple whose first element is `$first` (index 0), then each
/// `$name` at `$index`.
macro_rules! tuple_slots {
    ($first:ident $(, $name:ident $index:tt)*) => {
        impl<$first: Slot $(, $name: Slot)*> Slot for ($first, $($name,)*) {
            const NEW: Self = ($first::NEW, $($name::NEW,)*);
            const CAP: usize = 16 * $first::CAP;
        }

        impl<$first: ReadSlot $(, $name: ReadSlot)*> ReadSlot for ($first, $($name,)*) {
            #[inline]
            fn read<'de, A: MapAccess<'de>>(
                &mut self,
                index: usize,
                map: &mut A,
                name: &'static str,
            ) -> Result<(), A::Error> {
                // Every element but the last covers exactly `$first::CAP` indexes.
                let (at, rest) = (index / $first::CAP, index % $first::CAP);
                match at {
                    0 => self.0.read(rest, map, name),
                    $($index => self.$index.read(rest, map, name),)*
                    _ => skip_value(map),
                }
            }
        }
    };
}

tuple_slots!(S0);
tuple_slots!(S0, S1 1);
tuple_slots!(S0, S1 1, S2 2);
tuple_slots!(S0, S1 1, S2 2, S3 3);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10, S11 11);
tuple_slots!(S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10, S11 11, S12 12);
tuple_slots!(
    S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10, S11 11, S12 12, S13 13
);
tuple_slots!(
    S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10, S11 11, S12 12, S13 13,
    S14 14
);
tuple_slots!(
    S0, S1 1, S2 2, S3 3, S4 4, S5 5, S6 6, S7 7, S8 8, S9 9, S10 10, S11 11, S12 12, S13 13,
    S14 14, S15 15
);

/// A resource or complex type as its generated `Deserialize` reads it: the runtime reads
/// every key into [`Slots`](ReadObject::Slots) ([`deserialize_object`]), and the type builds
/// itself from them. The generated code is the slots' type and one struct expression; the
/// loop over the keys is here, type-checked once for every type.
pub trait ReadObject: Object + Sized {
    /// The fields' slots, in declaration order (see the module's documentation).
    type Slots: Slot;

    /// The value, from its slots once every key is read and, for a type with a
    /// `#[graph(additional_data)]` field, the undeclared properties (empty otherwise).
    ///
    /// # Errors
    ///
    /// A property that is not an `Option` was missing (and its type takes no absence).
    fn __finish<E: de::Error>(
        slots: Self::Slots,
        additional: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, E>;
}

/// Reads a `T` from a JSON object: each declared property into its slot (a repeated one is
/// an error), undeclared properties into the additional data where `T` keeps them and
/// skipped otherwise, `@odata.type` and `@odata.context` skipped; then [`ReadObject::__finish`].
///
/// # Errors
///
/// The value is not an object, a property does not read as its field's type, or one that
/// is required is missing.
#[inline]
pub fn deserialize_object<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: ReadObject,
    T::Slots: ReadSlot,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(ObjectVisitor::<T>(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T> Visitor<'de> for ObjectVisitor<T>
where
    T: ReadObject,
    T::Slots: ReadSlot,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::INFO.expecting)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut slots = <T::Slots as Slot>::NEW;
        let mut additional = serde_json::Map::new();
        if T::INFO.open {
            // The seed remembers where the last key was found.
            let mut keys = FieldKeySeed::new(T::INFO.names);
            while let Some(key) = map.next_key_seed(&mut keys)? {
                match key {
                    FieldKey::Field(index) => {
                        read_field(&mut slots, index, &mut map, keys.fields())
                    }
                    FieldKey::Undeclared(name) => next_additional(&mut map, &mut additional, name),
                    FieldKey::Ignore => skip_value(&mut map),
                }?;
            }
        } else {
            // An undeclared key's index is past the fields, and is skipped.
            let mut keys = FieldIndexSeed::new(T::INFO.names);
            while let Some(index) = map.next_key_seed(&mut keys)? {
                read_field(&mut slots, index, &mut map, keys.fields())?;
            }
        }
        T::__finish(slots, additional)
    }
}

/// Reads the value of the declared property at `index` into its slot, or skips it where
/// `index` is not a declared property's.
#[inline]
fn read_field<'de, S: ReadSlot, A: MapAccess<'de>>(
    slots: &mut S,
    index: usize,
    map: &mut A,
    fields: &'static [FieldInfo],
) -> Result<(), A::Error> {
    match fields.get(index) {
        Some(field) => slots.read(index, map, field.name),
        None => skip_value(map),
    }
}
