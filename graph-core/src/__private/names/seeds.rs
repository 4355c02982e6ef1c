//! Reading a key of an object as the property it names: the seeds the runtime's object
//! reader (`slots::deserialize_object`) passes for each key, following the declared order.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};
use serde::Deserializer;

use super::{FieldInfo, FieldKey, Names};

/// Reads a key as a [`FieldKey`] against a type's [`Names`], for types with additional
/// data, which keep the keys they do not declare. Like [`FieldIndexSeed`], it tries the
/// property after the last one found first.
pub struct FieldKeySeed(Cursor);

/// Where a reader of one object is among a type's properties: the property after the last
/// one found is tried first, with the properties kept at hand for every key.
struct Cursor {
    names: &'static Names,
    fields: &'static [FieldInfo],
    next: usize,
}

impl Cursor {
    #[inline]
    fn new(names: &'static Names) -> Self {
        Self {
            names,
            fields: names.fields(),
            next: 0,
        }
    }

    /// The declaration index of `name`, if it is declared; the next guess follows it.
    #[inline]
    fn find(&mut self, name: &[u8]) -> Option<usize> {
        let index = self.names.find_in(self.fields, name, self.next)?;
        self.next = index + 1;
        Some(index)
    }
}

impl FieldKeySeed {
    /// Reading a new object.
    #[inline]
    #[must_use]
    pub fn new(names: &'static Names) -> Self {
        Self(Cursor::new(names))
    }

    /// The type's declared properties.
    #[inline]
    #[must_use]
    pub fn fields(&self) -> &'static [FieldInfo] {
        self.0.fields
    }

    #[inline]
    pub(super) fn key(&mut self, name: &str) -> FieldKey {
        if let Some(index) = self.0.find(name.as_bytes()) {
            FieldKey::Field(index)
        } else if is_type_annotation(name) {
            FieldKey::Ignore
        } else {
            FieldKey::Undeclared(name.to_owned())
        }
    }
}

/// Reads a key as the declaration index of the property it names, or `UNDECLARED`: for
/// types without additional data, which skip every key they do not declare. A plain index
/// keeps the read loop as lean as serde's own.
///
/// Graph writes an object's properties in the order its metadata declares them, which is
/// the order a type modelled from Graph's pages declares its fields; so the property after
/// the last one found is tried first, and the table is asked only where the guess is
/// wrong (a key out of order, one the type does not declare, an annotation).
pub struct FieldIndexSeed(Cursor);

impl FieldIndexSeed {
    /// Reading a new object.
    #[inline]
    #[must_use]
    pub fn new(names: &'static Names) -> Self {
        Self(Cursor::new(names))
    }

    /// The type's declared properties.
    #[inline]
    #[must_use]
    pub fn fields(&self) -> &'static [FieldInfo] {
        self.0.fields
    }

    #[inline]
    pub(super) fn index(&mut self, name: &str) -> usize {
        self.index_bytes(name.as_bytes())
    }

    #[inline]
    fn index_bytes(&mut self, name: &[u8]) -> usize {
        self.0.find(name).unwrap_or(UNDECLARED)
    }
}

/// What [`FieldIndexSeed`] gives for a key the type does not declare.
pub const UNDECLARED: usize = usize::MAX;

/// Keys are asked for as bytes: serde_json then hands them over without checking that they
/// are UTF-8, which comparing them with declared names does not need (an undeclared key
/// is skipped either way), and any deserializer that has text gives text.
impl<'de> DeserializeSeed<'de> for &mut FieldIndexSeed {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_bytes(self)
    }
}

impl Visitor<'_> for &mut FieldIndexSeed {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.index(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(self.index_bytes(v))
    }
}

/// `@odata.type` and `@odata.context` describe the object, they are not its data.
fn is_type_annotation(name: &str) -> bool {
    name == "@odata.type" || name == "@odata.context"
}

impl<'de> DeserializeSeed<'de> for &mut FieldKeySeed {
    type Value = FieldKey;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FieldKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for &mut FieldKeySeed {
    type Value = FieldKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldKey, E> {
        Ok(self.key(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FieldKey, E> {
        match std::str::from_utf8(v) {
            Ok(v) => Ok(self.key(v)),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(v), &self)),
        }
    }
}
