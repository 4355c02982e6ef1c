//! A type's declared properties ([`FieldInfo`]), finding one by its JSON name when
//! reading ([`Names`]), and the seeds that read a key as the property it names.

use std::fmt;
use std::sync::OnceLock;

use crate::__private::value::LateCell;

use serde::de::{self, DeserializeSeed, Visitor};
use serde::Deserializer;

/// A declared property, as [`Names`] reads it from what the macro wrote.
pub struct FieldInfo {
    /// The JSON name.
    pub name: &'static str,
    /// `,"name":`, pre-escaped, for writing JSON directly.
    pub prefix: &'static [u8],
    /// `#[graph(required)]`.
    pub required: bool,
    /// `#[graph(read_only)]`.
    pub read_only: bool,
}

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

/// A type's declared properties and the table that finds them by name.
///
/// The macro emits them as a `static` of two literals: the properties' keys as JSON writes
/// them after another property (`,"id":,"displayName":`, in declaration order) and one byte
/// of flags a property (`REQUIRED`, `READ_ONLY` in this module). The [`FieldInfo`]s are
/// read from them the first time they are needed, and the lookup table the first time a key is not
/// found at its expected place, once per type and process, so the compiler evaluates
/// nothing for them. The table is an open-addressing hash table with a seed chosen, where
/// one turns up among the first few, so that every name has a slot of its own: reading a
/// key costs one hash and one comparison of words, however many properties the type
/// declares (`user` has well over a hundred).
pub struct Names {
    /// `,"name":` for every property, in declaration order.
    keys: &'static str,
    /// [`REQUIRED`] and [`READ_ONLY`], a byte a property.
    flags: &'static [u8],
    /// Read from `keys` and `flags` on first use.
    fields: OnceLock<Box<[FieldInfo]>>,
    /// Built on first use.
    table: OnceLock<Table>,
    /// Whether the type holds an evolvable enum with members sent only on request (see
    /// [`TypeWalk`](crate::__private::value::TypeWalk)), worked out by the first request that asks.
    late_members: LateCell,
}

/// The flag of a `#[graph(required)]` property.
pub const REQUIRED: u8 = 1;

/// The flag of a `#[graph(read_only)]` property.
pub const READ_ONLY: u8 = 2;

/// The hash table of [`Names`].
struct Table {
    /// A power-of-two number of slots, at least one of them empty.
    slots: Box<[Slot]>,
    /// The seed of [`name_hash`] the table was built with.
    seed: u32,
}

/// A slot of a [`Table`]: a declaration index and the name's [`name_words`], which settle
/// a match without comparing bytes for names of up to 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    index: u32,
    len: u32,
    first: u64,
    last: u64,
}

/// Marks an unused slot.
const EMPTY: u32 = u32::MAX;

/// A slot no name uses.
const EMPTY_SLOT: Slot = Slot {
    index: EMPTY,
    len: 0,
    first: 0,
    last: 0,
};

/// A name's first and last eight bytes as little-endian words; a name of fewer than eight
/// bytes is one word, zero-padded, used twice. With the length, they are the whole name
/// for names of up to 16 bytes.
#[inline]
fn name_words(name: &[u8]) -> (u64, u64) {
    if let (Some(first), Some(last)) = (name.first_chunk::<8>(), name.last_chunk::<8>()) {
        return (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
    }
    let mut word = [0; 8];
    word[..name.len()].copy_from_slice(name);
    let word = u64::from_le_bytes(word);
    (word, word)
}

/// The length and the words, mixed by multiplication: a few cycles whatever the length.
/// Names that share all three share a slot, and the table's probing tells them apart.
#[inline]
#[allow(clippy::cast_possible_truncation)]
fn name_hash(len: usize, (first, last): (u64, u64), seed: u32) -> u32 {
    let mut hash = (u64::from(seed) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash = (hash ^ first).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    hash = (hash ^ last).wrapping_mul(0x1656_67b1_9e37_79f9);
    (hash >> 32) as u32
}

/// Seeds tried at each table size before the table doubles. The search runs once per type
/// and process, in microseconds even for `user`; where none keeps the names apart, names
/// that collide take the next free slot, which costs one more comparison of words.
const SEEDS_PER_SIZE: u32 = 16;

impl Names {
    /// A type's properties from their keys (`,"id":,"displayName":`, each as serde_json
    /// writes it) and a byte of flags each, in declaration order; read when first needed.
    #[must_use]
    pub const fn new(keys: &'static str, flags: &'static [u8]) -> Self {
        Self {
            keys,
            flags,
            fields: OnceLock::new(),
            table: OnceLock::new(),
            late_members: LateCell::new(),
        }
    }

    /// The declared properties, in declaration order.
    #[inline]
    #[must_use]
    pub fn fields(&self) -> &[FieldInfo] {
        self.fields.get_or_init(|| decode(self.keys, self.flags))
    }

    /// Where the type's answer to `GraphValue::__late_members` is kept.
    #[must_use]
    pub fn late_members(&self) -> &LateCell {
        &self.late_members
    }

    /// The declaration index of `name`, if it is declared, trying `expected` first: one
    /// length check and one comparison of bytes where the guess is right, the table where
    /// it is not.
    #[inline]
    #[must_use]
    pub fn find_from(&self, name: &[u8], expected: usize) -> Option<usize> {
        self.find_in(self.fields(), name, expected)
    }

    /// [`find_from`](Self::find_from) with the [`fields`](Self::fields) already at hand, as
    /// a reader keeps them for every key of an object.
    #[inline]
    fn find_in(&self, fields: &[FieldInfo], name: &[u8], expected: usize) -> Option<usize> {
        if let Some(candidate) = fields.get(expected) {
            if same_bytes(candidate.name.as_bytes(), name) {
                return Some(expected);
            }
        }
        self.find_bytes_in(fields, name)
    }

    /// The declaration index of `name`, if it is declared.
    #[inline]
    #[must_use]
    pub fn find(&self, name: &str) -> Option<usize> {
        self.find_bytes(name.as_bytes())
    }

    /// [`find`](Self::find) for a name as bytes: a key is compared with the declared
    /// names, all of them UTF-8, so it needs no validation of its own to be matched.
    #[must_use]
    pub fn find_bytes(&self, name: &[u8]) -> Option<usize> {
        self.find_bytes_in(self.fields(), name)
    }

    /// [`find_bytes`](Self::find_bytes) with the fields at hand.
    fn find_bytes_in(&self, fields: &[FieldInfo], name: &[u8]) -> Option<usize> {
        let table = self.table.get_or_init(|| Table::build(fields));
        let mask = table.slots.len() - 1;
        let words = name_words(name);
        let mut at = name_hash(name.len(), words, table.seed) as usize & mask;
        // At most every slot once; the table always has empty slots, so this ends sooner.
        for _ in 0..table.slots.len() {
            let slot = table.slots[at];
            if slot.index == EMPTY {
                return None;
            }
            let index = slot.index as usize;
            if slot.len as usize == name.len()
                && (slot.first, slot.last) == words
                && (name.len() <= 16
                    || fields
                        .get(index)
                        .is_some_and(|f| same_bytes(f.name.as_bytes(), name)))
            {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
        None
    }
}

/// The [`FieldInfo`]s of [`Names::new`]'s keys and flags. Each key is `,` then the name as
/// a JSON string then `:`; a name with an escape in it (a quote, a backslash, a control
/// character: no Graph property has one) is unescaped once and kept for the process, as
/// the type's own names are. The macro writes both literals, so they always agree; were
/// they cut short, the properties read so far are the type's.
fn decode(keys: &'static str, flags: &'static [u8]) -> Box<[FieldInfo]> {
    let mut fields = Vec::with_capacity(flags.len());
    let mut rest = keys;
    for &flag in flags {
        let Some((prefix, name, after)) = next_key(rest) else {
            break;
        };
        fields.push(FieldInfo {
            name,
            prefix: prefix.as_bytes(),
            required: flag & REQUIRED != 0,
            read_only: flag & READ_ONLY != 0,
        });
        rest = after;
    }
    debug_assert!(
        fields.len() == flags.len() && rest.is_empty(),
        "the keys and flags of a type disagree: {keys:?}, {flags:?}"
    );
    fields.into_boxed_slice()
}

/// The first key of `keys` (`,"name":`), its name, and what follows it.
fn next_key(keys: &'static str) -> Option<(&'static str, &'static str, &'static str)> {
    let quoted = keys.strip_prefix(',')?;
    // The closing quote: the first `"` that no backslash escapes.
    let bytes = quoted.as_bytes();
    let mut at = 1;
    let mut escaped = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => break,
            b'\\' => {
                escaped = true;
                at += 2;
            }
            _ => at += 1,
        }
    }
    let end = at + 1;
    let (string, after) = (quoted.get(..end)?, quoted.get(end..)?);
    let after = after.strip_prefix(':')?;
    let name = if escaped {
        let unescaped: String = serde_json::from_str(string).ok()?;
        &*Box::leak(unescaped.into_boxed_str())
    } else {
        string.get(1..string.len() - 1)?
    };
    Some((keys.get(..end + 2)?, name, after))
}

impl Table {
    /// A power of two of at least twice as many slots as names (so a lookup of an
    /// undeclared key soon meets an empty slot), and a seed that gives every name a slot
    /// of its own: the first of [`SEEDS_PER_SIZE`] that does, at the smallest size or the
    /// one twice as large; failing both, the smallest with seed 0, probed.
    fn build(fields: &[FieldInfo]) -> Self {
        let keys: Vec<(usize, (u64, u64))> = fields
            .iter()
            .map(|field| (field.name.len(), name_words(field.name.as_bytes())))
            .collect();
        let smallest = (fields.len() * 2).next_power_of_two().max(2);
        let layout = [smallest, smallest * 2]
            .into_iter()
            .flat_map(|size| (0..SEEDS_PER_SIZE).map(move |seed| (size, seed)))
            .find(|&(size, seed)| all_apart(&keys, seed, size))
            .unwrap_or((smallest, 0));
        Self::place(&keys, layout)
    }

    /// Puts each name at the slot it hashes to, or the next free one after it.
    #[allow(clippy::cast_possible_truncation)]
    fn place(keys: &[(usize, (u64, u64))], (size, seed): (usize, u32)) -> Self {
        let mut slots = vec![EMPTY_SLOT; size].into_boxed_slice();
        let mask = size - 1;
        for (index, &(len, (first, last))) in keys.iter().enumerate() {
            let mut at = name_hash(len, (first, last), seed) as usize & mask;
            while slots[at].index != EMPTY {
                at = (at + 1) & mask;
            }
            // Both fit: no type declares four billion properties, and no name of a Rust
            // string literal a macro emits comes near 4 GiB; a larger one could only
            // collide, and its bytes are compared.
            slots[at] = Slot {
                index: index as u32,
                len: len as u32,
                first,
                last,
            };
        }
        Self { slots, seed }
    }
}

/// Whether every name, given by its length and words, hashes to a slot of its own; gives
/// up at the first collision.
fn all_apart(keys: &[(usize, (u64, u64))], seed: u32, size: usize) -> bool {
    let mask = size - 1;
    let mut used = vec![false; size];
    keys.iter().all(|&(len, words)| {
        let at = name_hash(len, words, seed) as usize & mask;
        !std::mem::replace(&mut used[at], true)
    })
}

/// Whether two names are the same, compared eight bytes at a time in line: property names
/// are short, and a call to `memcmp` for each key would cost more than the comparison.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |bytes: &[u8], at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|chunk| chunk.first_chunk::<8>())
            .map(|chunk| u64::from_le_bytes(*chunk))
    };
    let len = a.len();
    if len < 8 {
        return a.iter().zip(b).all(|(x, y)| x == y);
    }
    let mut at = 0;
    while at + 8 < len {
        if word(a, at) != word(b, at) {
            return false;
        }
        at += 8;
    }
    word(a, len - 8) == word(b, len - 8)
}

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
    fn key(&mut self, name: &str) -> FieldKey {
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
    fn index(&mut self, name: &str) -> usize {
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
/// is skipped either way), and any deserializer that has text gives text. Readers that
/// follow keys by their text (`serde_path_to_error`, used to name the property where a
/// read failed) are run with [`keys_as_text`].
impl<'de> DeserializeSeed<'de> for &mut FieldIndexSeed {
    type Value = usize;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        if KEYS_AS_TEXT.get() {
            deserializer.deserialize_identifier(self)
        } else {
            deserializer.deserialize_bytes(self)
        }
    }
}

thread_local! {
    /// Set while [`keys_as_text`] runs on this thread.
    static KEYS_AS_TEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `read` with every key asked for as text, for a reader that records keys by their
/// text; set back however `read` ends.
pub(crate) fn keys_as_text<R>(read: impl FnOnce() -> R) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            KEYS_AS_TEXT.set(self.0);
        }
    }
    let _reset = Reset(KEYS_AS_TEXT.replace(true));
    read()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys `Names::new` reads, as the macro writes them.
    fn keys_of(names: &[&str]) -> String {
        names
            .iter()
            .map(|name| format!(",{}:", serde_json::to_string(name).unwrap()))
            .collect()
    }

    /// Properties made up at run time, kept for the rest of the test run as a type's are.
    fn leak(names: &[&str]) -> Names {
        let keys = Box::leak(keys_of(names).into_boxed_str());
        Names::new(keys, Box::leak(vec![0; names.len()].into_boxed_slice()))
    }

    /// A type's names with a table of the given layout, to try layouts `Table::build`
    /// would not choose.
    fn with_layout(names: &[&str], layout: (usize, u32)) -> Names {
        let found = leak(names);
        let keys: Vec<_> = found
            .fields()
            .iter()
            .map(|field| (field.name.len(), name_words(field.name.as_bytes())))
            .collect();
        assert!(found.table.set(Table::place(&keys, layout)).is_ok());
        found
    }

    /// Each property's name, key and flags are read back as the macro wrote them, a name
    /// with escapes in it unescaped.
    #[test]
    fn properties_are_read_from_their_keys_and_flags() {
        let names = ["id", "displayName", "odd\"na\\me\n", "é@odata.x"];
        let keys = Box::leak(keys_of(&names).into_boxed_str());
        let found = Names::new(keys, &[READ_ONLY, REQUIRED, 0, REQUIRED]);
        let fields = found.fields();
        let read: Vec<(&str, &[u8], bool, bool)> = fields
            .iter()
            .map(|f| (f.name, f.prefix, f.required, f.read_only))
            .collect();
        assert_eq!(
            read,
            [
                ("id", &b",\"id\":"[..], false, true),
                ("displayName", b",\"displayName\":", true, false),
                ("odd\"na\\me\n", b",\"odd\\\"na\\\\me\\n\":", false, false),
                ("é@odata.x", ",\"é@odata.x\":".as_bytes(), true, false),
            ]
        );
        for (index, name) in names.iter().enumerate() {
            assert_eq!(found.find(name), Some(index), "{name}");
        }
        // Read once: the same properties every time.
        assert!(std::ptr::eq(fields, found.fields()));
        assert_eq!(Names::new("", &[]).fields().len(), 0);
    }

    /// Keys and flags that disagree (which the macro never writes) are a bug, caught where
    /// debug assertions are on; without them the properties read so far are the type's.
    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "disagree"))]
    fn keys_cut_short_are_caught() {
        let short = Names::new(",\"a\":,\"b", &[0, 0, 0]);
        assert_eq!(short.fields().len(), 1);
    }

    /// The slot each name hashes to.
    fn homes(names: &[&str], seed: u32, size: usize) -> Vec<usize> {
        names
            .iter()
            .map(|name| {
                name_hash(name.len(), name_words(name.as_bytes()), seed) as usize & (size - 1)
            })
            .collect()
    }

    #[test]
    fn every_name_is_found_and_others_are_not() {
        let all: Vec<String> = (0..150).map(|i| format!("property{i}Name")).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        for count in [0, 1, 2, 3, 12, 40, 150] {
            let names = leak(&all[..count]);
            for (index, name) in all[..count].iter().enumerate() {
                assert_eq!(names.find(name), Some(index), "{count} {name}");
            }
            assert_eq!(names.find("undeclared"), None);
            assert_eq!(names.find(""), None);
            let slots = names.table.get().unwrap().slots.len();
            assert!(
                slots.is_power_of_two() && slots >= count * 2,
                "{count}: {slots}"
            );
        }
    }

    /// Where one of the seeds tried keeps the names apart, it is the one used: the page's
    /// run gets a slot for each of its names.
    #[test]
    fn a_seed_that_keeps_names_apart_is_used_where_one_turns_up() {
        const RUN: [&str; 13] = [
            "id",
            "completedDateTime",
            "failedTasksCount",
            "failedUsersCount",
            "lastUpdatedDateTime",
            "processingStatus",
            "scheduledDateTime",
            "startedDateTime",
            "successfulUsersCount",
            "totalTasksCount",
            "totalUnprocessedTasksCount",
            "totalUsersCount",
            "workflowExecutionType",
        ];
        let names = leak(&RUN);
        for (index, name) in RUN.iter().enumerate() {
            assert_eq!(names.find(name), Some(index), "{name}");
        }
        let table = names.table.get().unwrap();
        let mut used = homes(&RUN, table.seed, table.slots.len());
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), RUN.len());
    }

    /// Too many similar names for any seed to keep apart: the smallest table, probed.
    #[test]
    fn without_a_seed_names_are_probed_in_the_smallest_table() {
        let all: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let names = leak(&all);
        for (index, name) in all.iter().enumerate() {
            assert_eq!(names.find(name), Some(index), "{name}");
        }
        assert_eq!(names.find("p1000"), None);
        let table = names.table.get().unwrap();
        assert_eq!((table.slots.len(), table.seed), (2048, 0));
    }

    /// The guess is tried first and, wrong or out of range, changes nothing.
    #[test]
    fn a_name_is_found_from_any_guess() {
        let all = ["id", "displayName", "mail", "aVeryLongPropertyNameIndeed"];
        let names = leak(&all);
        for expected in 0..6 {
            for (index, name) in all.iter().enumerate() {
                assert_eq!(
                    names.find_from(name.as_bytes(), expected),
                    Some(index),
                    "{name} {expected}"
                );
            }
            assert_eq!(names.find_from(b"mails", expected), None);
            assert_eq!(names.find_from(b"@odata.type", expected), None);
        }
    }

    /// A key at its expected place is found without the table.
    #[test]
    fn keys_in_order_need_no_table() {
        static NAMES: Names = Names::new(",\"id\":,\"displayName\":,\"mail\":", &[0, 0, 0]);
        let mut seed = FieldIndexSeed::new(&NAMES);
        for (index, key) in ["id", "displayName", "mail"].iter().enumerate() {
            assert_eq!(seed.index(key), index);
        }
        assert!(NAMES.table.get().is_none());
        assert_eq!(seed.index("id"), 0);
        assert!(NAMES.table.get().is_some());
    }

    /// Keys in declaration order, out of order, repeated and undeclared are all read as
    /// the property they name.
    #[test]
    fn the_seeds_follow_the_order_and_recover_from_surprises() {
        static FOUND: Names = Names::new(",\"id\":,\"displayName\":,\"mail\":", &[0, 0, 0]);
        let keys = [
            "@odata.type",
            "id",
            "displayName",
            "extra",
            "mail",
            "id",
            "mail",
        ];
        let mut seed = FieldIndexSeed::new(&FOUND);
        let indexes: Vec<usize> = keys.iter().map(|key| seed.index(key)).collect();
        assert_eq!(indexes, [UNDECLARED, 0, 1, UNDECLARED, 2, 0, 2]);
        let mut seed = FieldKeySeed::new(&FOUND);
        let read: Vec<FieldKey> = keys.iter().map(|key| seed.key(key)).collect();
        assert_eq!(
            read,
            [
                FieldKey::Ignore,
                FieldKey::Field(0),
                FieldKey::Field(1),
                FieldKey::Undeclared("extra".into()),
                FieldKey::Field(2),
                FieldKey::Field(0),
                FieldKey::Field(2),
            ]
        );
    }

    #[test]
    fn a_short_name_is_one_zero_padded_word() {
        assert_eq!(name_words(b""), (0, 0));
        assert_eq!(name_words(b"ab"), (0x6261, 0x6261));
        assert_eq!(
            name_words(b"abcdefghi"),
            (0x6867_6665_6463_6261, 0x6968_6766_6564_6362)
        );
    }

    #[test]
    fn long_names_differing_in_any_middle_byte_are_told_apart() {
        for len in 17..=48 {
            let declared = "x".repeat(len);
            let names = leak(&[declared.as_str()]);
            assert_eq!(names.find(&declared), Some(0));
            for at in 8..len - 8 {
                let mut other = declared.clone().into_bytes();
                other[at] = b'y';
                let other = String::from_utf8(other).unwrap();
                assert_eq!(names.find(&other), None, "{len} {at}");
            }
        }
    }

    #[test]
    fn names_are_found_through_collisions_words_and_bytes() {
        // Long names that share their first and last eight bytes and their length are told
        // apart by their bytes, in their own slots or, with a seed that makes names
        // collide, through probing.
        let names = [
            "a",
            "abcdefgh12345678",
            "prefix--MIDDLE-A--suffixxx",
            "prefix--MIDDLE-B--suffixxx",
        ];
        let colliding = (0..)
            .find(|&seed| {
                let mut used = homes(&names, seed, 8);
                used.sort_unstable();
                used.dedup();
                used.len() < names.len()
            })
            .unwrap();
        for found in [leak(&names), with_layout(&names, (8, colliding))] {
            for (index, name) in names.iter().enumerate() {
                assert_eq!(found.find(name), Some(index), "{name}");
            }
            for other in [
                "",
                "b",
                "abcdefgh12345679",
                "prefix--MIDDLE-C--suffixxx",
                "a\0",
            ] {
                assert_eq!(found.find(other), None, "{other}");
            }
        }
        assert_eq!(Names::new("", &[]).find("a"), None);
    }
}
