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

use serde::de::{self, DeserializeOwned, MapAccess};

use crate::__private::names::FieldInfo;
use crate::__private::probe::{Readable, Unreadable};
use crate::__private::read::{next_value, skip_value};

/// The slot of a field written as `Option<T>`: `null` and an absent property are both
/// `None`, so the field is the slot's `value` as it stands once the object is read.
pub struct Opt<T> {
    /// The value read, if any.
    pub value: Option<T>,
    /// Whether the property was present (a second occurrence is an error).
    seen: bool,
}

/// The slot of any other field: `take` (or `FieldReader::take`) turns it into the field,
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

/// How generated code reads a key into a type's slots, whichever readers the
/// [`ReadProbe`](crate::__private::probe::ReadProbe) gave: called by path
/// (`SlotsReader::<S>::read_field(readers, ...)`), a plain trait bound for rustc to prove.
pub trait SlotsReader<S>: Copy {
    /// Reads the value of the declared property at `index` into its slot, or skips it where
    /// `index` is not a declared property's.
    ///
    /// # Errors
    ///
    /// As [`ReadSlot::read`].
    fn read_field<'de, A: MapAccess<'de>>(
        self,
        slots: &mut S,
        index: usize,
        map: &mut A,
        fields: &'static [FieldInfo],
    ) -> Result<(), A::Error>;
}

impl<S: ReadSlot> SlotsReader<S> for Readable {
    #[inline]
    fn read_field<'de, A: MapAccess<'de>>(
        self,
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
}

/// Fails, in code that does not compile: a type has no Deserialize.
impl<S> SlotsReader<S> for Unreadable {
    fn read_field<'de, A: MapAccess<'de>>(
        self,
        _: &mut S,
        _: usize,
        _: &mut A,
        _: &'static [FieldInfo],
    ) -> Result<(), A::Error> {
        Err(de::Error::custom("a field's type has no Deserialize"))
    }
}
