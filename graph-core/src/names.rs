//! Finding a property by its JSON name when reading: a type's [`Names`] table, and the
//! seeds that read a key as the property it names.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};
use serde::Deserializer;

/// What a key of a resource's or complex type's JSON object is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    /// The declared property at this index.
    Field(usize),
    /// A property the type does not declare, for its additional data.
    Undeclared(String),
    /// Skipped: `@odata.type` and `@odata.context`, which describe the object.
    Ignore,
}

/// A type's declared JSON names and the table that finds them: an open-addressing hash
/// table the macro builds at compile time, choosing the seed so that every name has a slot
/// of its own. Reading a key costs one hash and one comparison of words, however many
/// properties the type declares (`user` has well over a hundred).
pub struct Names {
    /// The JSON names, in declaration order.
    pub names: &'static [&'static str],
    /// A power-of-two number of slots; empty ones are [`EMPTY_SLOT`].
    pub table: &'static [Slot],
    /// The seed of `name_hash` the table was built with.
    pub seed: u32,
}

/// A slot of [`Names::table`]: a declaration index and the name's [`name_words`], which
/// settle a match without comparing bytes for names of up to 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    index: u16,
    len: u32,
    first: u64,
    last: u64,
}

/// Marks an unused slot.
const EMPTY: u16 = u16::MAX;

/// A slot no name uses.
pub const EMPTY_SLOT: Slot = Slot {
    index: EMPTY,
    len: 0,
    first: 0,
    last: 0,
};

/// The slot of the declared name at `index`.
#[must_use]
pub const fn slot(index: u16, len: u32, first: u64, last: u64) -> Slot {
    Slot {
        index,
        len,
        first,
        last,
    }
}

/// A name's first and last eight bytes as little-endian words; a name of fewer than eight
/// bytes is one word, zero-padded, used twice. With the length, they are the whole name
/// for names of up to 16 bytes. The macro computes the same function; the two must agree.
#[inline]
#[must_use]
pub fn name_words(name: &[u8]) -> (u64, u64) {
    match (name.first_chunk::<8>(), name.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => {
            let word = name
                .iter()
                .rev()
                .fold(0u64, |word, byte| (word << 8) | u64::from(*byte));
            (word, word)
        }
    }
}

/// The length and the words, mixed by multiplication: a few cycles whatever the length.
/// Names that share all three share a slot, and the table's probing tells them apart. The
/// macro computes the same function; the two must agree.
#[inline]
#[must_use]
pub fn name_hash(len: usize, (first, last): (u64, u64), seed: u32) -> u32 {
    let mut hash = (u64::from(seed) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash = (hash ^ first).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    hash = (hash ^ last).wrapping_mul(0x1656_67b1_9e37_79f9);
    (hash >> 32) as u32
}

impl Names {
    /// The declaration index of `name`, if it is declared.
    #[inline]
    #[must_use]
    pub fn find(&self, name: &str) -> Option<usize> {
        let mask = self.table.len().checked_sub(1)?;
        let words = name_words(name.as_bytes());
        let mut at = name_hash(name.len(), words, self.seed) as usize & mask;
        // At most every slot once; the table always has empty slots, so this ends sooner.
        for _ in 0..self.table.len() {
            let slot = self.table[at];
            if slot.index == EMPTY {
                return None;
            }
            let index = usize::from(slot.index);
            if slot.len as usize == name.len()
                && (slot.first, slot.last) == words
                && (name.len() <= 16 || self.names.get(index).is_some_and(|n| *n == name))
            {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
        None
    }
}

/// Reads a key as a [`FieldKey`] against a type's [`Names`], for types with additional
/// data, which keep the keys they do not declare.
#[derive(Clone, Copy)]
pub struct FieldKeySeed(pub &'static Names);

impl FieldKeySeed {
    #[inline]
    fn key(self, name: &str) -> FieldKey {
        if let Some(index) = self.0.find(name) {
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
#[derive(Clone, Copy)]
pub struct FieldIndexSeed(pub &'static Names);

/// What [`FieldIndexSeed`] gives for a key the type does not declare.
pub const UNDECLARED: usize = usize::MAX;

impl<'de> DeserializeSeed<'de> for FieldIndexSeed {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldIndexSeed {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(self.0.find(v).unwrap_or(UNDECLARED))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        std::str::from_utf8(v)
            .map(|v| self.0.find(v).unwrap_or(UNDECLARED))
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(v), &self))
    }
}

/// `@odata.type` and `@odata.context` describe the object, they are not its data.
fn is_type_annotation(name: &str) -> bool {
    name == "@odata.type" || name == "@odata.context"
}

impl<'de> DeserializeSeed<'de> for FieldKeySeed {
    type Value = FieldKey;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<FieldKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for FieldKeySeed {
    type Value = FieldKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<FieldKey, E> {
        Ok(self.key(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<FieldKey, E> {
        std::str::from_utf8(v)
            .map(|v| self.key(v))
            .map_err(|_| E::invalid_value(de::Unexpected::Bytes(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The macro's copy of the hash gives these values too (graph-derive's tests check the
    /// same figures), so tables built at compile time are read right at run time.
    #[test]
    fn the_name_hash_is_pinned() {
        assert_eq!(name_hash(0, name_words(b""), 0), 0);
        let name = b"displayName";
        assert_eq!(name_hash(name.len(), name_words(name), 7), 0x1ebb_59b0);
        assert_eq!(name_words(b"ab"), (0x6261, 0x6261));
    }

    fn lookup(names: &[&str], seed: u32, size: usize) -> Names {
        let mut table = vec![EMPTY_SLOT; size];
        for (index, name) in names.iter().enumerate() {
            let words = name_words(name.as_bytes());
            let mut at = name_hash(name.len(), words, seed) as usize & (size - 1);
            while table[at] != EMPTY_SLOT {
                at = (at + 1) & (size - 1);
            }
            let len = u32::try_from(name.len()).unwrap();
            table[at] = slot(u16::try_from(index).unwrap(), len, words.0, words.1);
        }
        let names: Vec<&'static str> = names
            .iter()
            .map(|name| &*Box::leak(name.to_string().into_boxed_str()))
            .collect();
        Names {
            names: Box::leak(names.into_boxed_slice()),
            table: Box::leak(table.into_boxed_slice()),
            seed,
        }
    }

    #[test]
    fn long_names_differing_in_any_middle_byte_are_told_apart() {
        for len in 17..=48 {
            let declared = "x".repeat(len);
            let lookup = lookup(&[declared.as_str()], 1, 4);
            assert_eq!(lookup.find(&declared), Some(0));
            for at in 8..len - 8 {
                let mut other = declared.clone().into_bytes();
                other[at] = b'y';
                let other = String::from_utf8(other).unwrap();
                assert_eq!(lookup.find(&other), None, "{len} {at}");
            }
        }
    }

    #[test]
    fn names_are_found_through_collisions_words_and_bytes() {
        // A two-slot table forces probing; long names that share their first and last
        // eight bytes and their length are told apart by their bytes.
        let names = [
            "a",
            "abcdefgh12345678",
            "prefix--MIDDLE-A--suffixxx",
            "prefix--MIDDLE-B--suffixxx",
        ];
        for size in [8, 16] {
            let lookup = lookup(&names, 3, size);
            for (index, name) in names.iter().enumerate() {
                assert_eq!(lookup.find(name), Some(index), "{name}");
            }
            for other in [
                "",
                "b",
                "abcdefgh12345679",
                "prefix--MIDDLE-C--suffixxx",
                "a\0",
            ] {
                assert_eq!(lookup.find(other), None, "{other}");
            }
        }
        let none = Names {
            names: &[],
            table: &[],
            seed: 0,
        };
        assert_eq!(none.find("a"), None);
    }
}
