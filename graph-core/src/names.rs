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
/// table built at compile time by [`table_layout`] and [`name_table`], with a seed chosen,
/// where one turns up quickly, so that every name has a slot of its own. Reading a key then
/// costs one hash and one comparison of words, however many properties the type declares
/// (`user` has well over a hundred).
pub struct Names {
    /// The JSON names, in declaration order.
    pub(crate) names: &'static [&'static str],
    /// A power-of-two number of slots, at least one of them empty.
    table: &'static [Slot],
    /// The seed of [`name_hash`] the table was built with.
    seed: u32,
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
#[must_use]
pub const fn name_words(name: &[u8]) -> (u64, u64) {
    if let (Some(first), Some(last)) = (name.first_chunk::<8>(), name.last_chunk::<8>()) {
        return (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
    }
    let mut word = [0; 8];
    let mut at = 0;
    while at < name.len() {
        word[at] = name[at];
        at += 1;
    }
    let word = u64::from_le_bytes(word);
    (word, word)
}

/// The length and the words, mixed by multiplication: a few cycles whatever the length.
/// Names that share all three share a slot, and the table's probing tells them apart.
///
/// Each product is taken as the low half of the full 128-bit one: the same machine code as
/// `wrapping_mul`, but a plain operation rather than two calls in const evaluation, where
/// the seed search hashes each name many times for every type a user declares.
#[inline]
#[must_use]
#[allow(clippy::cast_possible_truncation)]
pub const fn name_hash(len: usize, (first, last): (u64, u64), seed: u32) -> u32 {
    let mut hash = ((seed as u64 ^ len as u64) as u128 * 0x9e37_79b9_7f4a_7c15) as u64;
    hash = ((hash ^ first) as u128 * 0xc2b2_ae3d_27d4_eb4f) as u64;
    hash = ((hash ^ last) as u128 * 0x1656_67b1_9e37_79f9) as u64;
    (hash >> 32) as u32
}

impl Names {
    /// The declaration index of `name`, if it is declared, trying `expected` first: one
    /// length check and one comparison of bytes where the guess is right, the table where
    /// it is not.
    #[inline]
    #[must_use]
    pub fn find_from(&self, name: &[u8], expected: usize) -> Option<usize> {
        if let Some(candidate) = self.names.get(expected) {
            if same_bytes(candidate.as_bytes(), name) {
                return Some(expected);
            }
        }
        self.find_bytes(name)
    }

    /// The declaration index of `name`, if it is declared.
    #[inline]
    #[must_use]
    pub fn find(&self, name: &str) -> Option<usize> {
        self.find_bytes(name.as_bytes())
    }

    /// [`find`](Self::find) for a name as bytes: a key is compared with the declared
    /// names, all of them UTF-8, so it needs no validation of its own to be matched.
    #[inline]
    #[must_use]
    pub fn find_bytes(&self, name: &[u8]) -> Option<usize> {
        let mask = self.table.len().checked_sub(1)?;
        let words = name_words(name);
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
                && (name.len() <= 16
                    || self
                        .names
                        .get(index)
                        .is_some_and(|n| same_bytes(n.as_bytes(), name)))
            {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
        None
    }
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

/// Seeds tried at each table size before the table doubles: one. Every try is
/// compile-time work for every type a user declares, and reading mostly finds a key by its
/// place (see [`FieldIndexSeed`]); the table serves the keys that come out of order, where
/// a collision costs one more comparison of words.
const SEEDS_PER_SIZE: u32 = 1;

/// The seed search tries the smallest table and the one twice its size, and no more than
/// this many slots: the size of its scratch bit set. Types with more than 1024 names
/// search the smallest size only, or none, and are probed.
const SEARCH_SLOTS: usize = 4096;

/// The size and seed of a type's table, as [`table_layout`] chooses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableLayout {
    size: usize,
    seed: u32,
}

impl TableLayout {
    /// The number of slots: the length of the [`NameTable`] to build.
    #[must_use]
    pub const fn size(self) -> usize {
        self.size
    }
}

/// Chooses a table for `names`: a power of two of at least twice as many slots as names,
/// and a seed that gives every name a slot of its own, so a lookup compares once. Where
/// no seed is found among the first few, the table doubles once; failing that, the
/// smallest table with seed 0, where names that collide take the next free slot (linear
/// probing, which [`Names::find`] follows).
///
/// # Panics
///
/// At compile time, when a type declares 65535 names or more.
#[must_use]
pub const fn table_layout<const K: usize>(names: &[&str; K]) -> TableLayout {
    assert!(
        K < EMPTY as usize,
        "a type declares at most 65534 properties"
    );
    // Each try hashes the names again, so what does not depend on the seed is read once.
    let mut keys = [(0, (0, 0)); K];
    let mut index = 0;
    while index < K {
        let name = names[index].as_bytes();
        keys[index] = (name.len(), name_words(name));
        index += 1;
    }
    let smallest = match (K * 2).next_power_of_two() {
        0 | 1 => 2,
        size => size,
    };
    let mut size = smallest;
    while size <= smallest * 2 && size <= SEARCH_SLOTS {
        let mut seed = 0;
        while seed < SEEDS_PER_SIZE {
            if all_apart(&keys, seed, size) {
                return TableLayout { size, seed };
            }
            seed += 1;
        }
        size *= 2;
    }
    TableLayout {
        size: smallest,
        seed: 0,
    }
}

/// Whether every name, given by its length and words, hashes to a slot of its own; gives
/// up at the first collision.
const fn all_apart(keys: &[(usize, (u64, u64))], seed: u32, size: usize) -> bool {
    let mask = size - 1;
    let mut used = [0u64; SEARCH_SLOTS / 64];
    let mut index = 0;
    while index < keys.len() {
        let (len, words) = keys[index];
        let at = name_hash(len, words, seed) as usize & mask;
        let bit = 1 << (at % 64);
        if used[at / 64] & bit != 0 {
            return false;
        }
        used[at / 64] |= bit;
        index += 1;
    }
    true
}

/// A type's [`Names`], built at compile time, its slots held inline: `N` is the layout's
/// [`size`](TableLayout::size).
pub struct NameTable<const N: usize> {
    names: &'static [&'static str],
    slots: [Slot; N],
    seed: u32,
}

impl<const N: usize> NameTable<N> {
    /// The table, to find names with.
    #[must_use]
    pub const fn names(&'static self) -> Names {
        Names {
            names: self.names,
            table: &self.slots,
            seed: self.seed,
        }
    }
}

/// Builds the table `layout` describes, with `N` its size:
///
/// ```
/// use graph_core::__private::{name_table, table_layout, NameTable, TableLayout};
///
/// const NAMES: &[&str; 2] = &["id", "displayName"];
/// const LAYOUT: TableLayout = table_layout(NAMES);
/// const TABLE: NameTable<{ LAYOUT.size() }> = name_table(NAMES, LAYOUT);
///
/// assert_eq!(TABLE.names().find("displayName"), Some(1));
/// ```
///
/// # Panics
///
/// At compile time, when `N` is not the layout's size.
#[must_use]
pub const fn name_table<const N: usize>(
    names: &'static [&'static str],
    layout: TableLayout,
) -> NameTable<N> {
    assert!(N == layout.size, "the table's length is its layout's size");
    let mut slots = [EMPTY_SLOT; N];
    place(names, layout.seed, &mut slots);
    NameTable {
        names,
        slots,
        seed: layout.seed,
    }
}

/// Puts each name at the slot it hashes to, or the next free one after it.
const fn place(names: &[&str], seed: u32, slots: &mut [Slot]) {
    let mask = slots.len() - 1;
    let mut index = 0;
    while index < names.len() {
        let name = names[index].as_bytes();
        let (first, last) = name_words(name);
        let mut at = name_hash(name.len(), (first, last), seed) as usize & mask;
        while slots[at].index != EMPTY {
            at = (at + 1) & mask;
        }
        // Both fit: `table_layout` allows fewer than `u16::MAX` names, and no name of a
        // Rust string literal a macro emits comes near 4 GiB.
        #[allow(clippy::cast_possible_truncation)]
        let (index16, len) = (index as u16, name.len() as u32);
        slots[at] = Slot {
            index: index16,
            len,
            first,
            last,
        };
        index += 1;
    }
}

/// Reads a key as a [`FieldKey`] against a type's [`Names`], for types with additional
/// data, which keep the keys they do not declare. Like [`FieldIndexSeed`], it tries the
/// property after the last one found first.
pub struct FieldKeySeed {
    names: &'static Names,
    next: usize,
}

impl FieldKeySeed {
    /// Reading a new object.
    #[inline]
    #[must_use]
    pub fn new(names: &'static Names) -> Self {
        Self { names, next: 0 }
    }

    #[inline]
    fn key(&mut self, name: &str) -> FieldKey {
        if let Some(index) = self.names.find_from(name.as_bytes(), self.next) {
            self.next = index + 1;
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
pub struct FieldIndexSeed {
    names: &'static Names,
    next: usize,
}

impl FieldIndexSeed {
    /// Reading a new object.
    #[inline]
    #[must_use]
    pub fn new(names: &'static Names) -> Self {
        Self { names, next: 0 }
    }

    #[inline]
    fn index(&mut self, name: &str) -> usize {
        self.index_bytes(name.as_bytes())
    }

    #[inline]
    fn index_bytes(&mut self, name: &[u8]) -> usize {
        match self.names.find_from(name, self.next) {
            Some(index) => {
                self.next = index + 1;
                index
            }
            None => UNDECLARED,
        }
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

    /// Names made up at run time, kept for the rest of the test run as a type's are.
    fn leak(names: &[&str]) -> &'static [&'static str] {
        let names: Vec<&'static str> = names
            .iter()
            .map(|name| &*Box::leak((*name).to_owned().into_boxed_str()))
            .collect();
        Box::leak(names.into_boxed_slice())
    }

    /// The layout of `K` names made up at run time.
    fn layout<const K: usize>(names: &[&str]) -> TableLayout {
        table_layout::<K>(names.try_into().unwrap())
    }

    /// The table `name_table` builds for `layout`, with its slots on the heap, so that
    /// sizes known only at run time can be tried.
    fn build(names: &'static [&'static str], layout: TableLayout) -> Names {
        let mut slots = vec![EMPTY_SLOT; layout.size];
        place(names, layout.seed, &mut slots);
        Names {
            names,
            table: Box::leak(slots.into_boxed_slice()),
            seed: layout.seed,
        }
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

    fn every_name_is_found<const K: usize>(all: &[&str]) {
        let names = leak(&all[..K]);
        let layout = layout::<K>(names);
        assert!(layout.size.is_power_of_two());
        assert!(layout.size >= names.len() * 2);
        let table = build(names, layout);
        for (index, name) in names.iter().enumerate() {
            assert_eq!(table.find(name), Some(index), "{K} {name}");
        }
        assert_eq!(table.find("undeclared"), None);
        assert_eq!(table.find(""), None);
    }

    #[test]
    fn every_name_is_found_and_others_are_not() {
        let names: Vec<String> = (0..150).map(|i| format!("property{i}Name")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        every_name_is_found::<0>(&names);
        every_name_is_found::<1>(&names);
        every_name_is_found::<2>(&names);
        every_name_is_found::<3>(&names);
        every_name_is_found::<12>(&names);
        every_name_is_found::<40>(&names);
        every_name_is_found::<150>(&names);
    }

    /// Where one of the few seeds tried keeps the names apart, it is the one used; the
    /// page's run, with more names, may be probed, and every name is found either way.
    #[test]
    fn a_seed_that_keeps_names_apart_is_used_where_one_turns_up() {
        const FEW: [&str; 2] = ["id", "displayName"];
        let layout = table_layout(&FEW);
        let mut used = homes(&FEW, layout.seed, layout.size);
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), FEW.len());

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
        let table = build(names, table_layout(&RUN));
        for (index, name) in RUN.iter().enumerate() {
            assert_eq!(table.find(name), Some(index), "{name}");
        }
    }

    /// Too many names for any seed to keep apart in the sizes searched: the smallest table,
    /// probed.
    #[test]
    fn without_a_seed_names_are_probed_in_the_smallest_table() {
        let names: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let names = leak(&names);
        let layout = layout::<1000>(names);
        assert_eq!(
            layout,
            TableLayout {
                size: 2048,
                seed: 0
            }
        );
        let table = build(names, layout);
        for (index, name) in names.iter().enumerate() {
            assert_eq!(table.find(name), Some(index), "{name}");
        }
        assert_eq!(table.find("p1000"), None);
    }

    /// The guess is tried first and, wrong or out of range, changes nothing.
    #[test]
    fn a_name_is_found_from_any_guess() {
        let names = leak(&["id", "displayName", "mail", "aVeryLongPropertyNameIndeed"]);
        let table = build(names, layout::<4>(names));
        for expected in 0..6 {
            for (index, name) in names.iter().enumerate() {
                assert_eq!(
                    table.find_from(name.as_bytes(), expected),
                    Some(index),
                    "{name} {expected}"
                );
            }
            assert_eq!(table.find_from(b"mails", expected), None);
            assert_eq!(table.find_from(b"@odata.type", expected), None);
        }
    }

    /// Keys in declaration order, out of order, repeated and undeclared are all read as
    /// the property they name.
    #[test]
    fn the_seeds_follow_the_order_and_recover_from_surprises() {
        const NAMES: &[&str; 3] = &["id", "displayName", "mail"];
        const LAYOUT: TableLayout = table_layout(NAMES);
        const TABLE: NameTable<{ LAYOUT.size() }> = name_table(NAMES, LAYOUT);
        static FOUND: Names = TABLE.names();
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
    fn a_table_builds_at_compile_time() {
        const NAMES: &[&str; 3] = &["id", "displayName", "aVeryLongPropertyNameIndeed"];
        const LAYOUT: TableLayout = table_layout(NAMES);
        const TABLE: NameTable<{ LAYOUT.size() }> = name_table(NAMES, LAYOUT);
        const FOUND: Names = TABLE.names();
        for (index, name) in NAMES.iter().enumerate() {
            assert_eq!(FOUND.find(name), Some(index));
        }
        assert_eq!(FOUND.find("displayname"), None);
    }

    #[test]
    fn the_hash_is_the_wrapping_one() {
        for (name, seed) in [
            ("", 0),
            ("id", 3),
            ("displayName", 7),
            ("a".repeat(40).as_str(), 31),
        ] {
            let (first, last) = name_words(name.as_bytes());
            let mut hash =
                (u64::from(seed) ^ name.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            hash = (hash ^ first).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
            hash = (hash ^ last).wrapping_mul(0x1656_67b1_9e37_79f9);
            assert_eq!(
                name_hash(name.len(), (first, last), seed),
                (hash >> 32) as u32
            );
        }
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
            let table = build(names, layout::<1>(names));
            assert_eq!(table.find(&declared), Some(0));
            for at in 8..len - 8 {
                let mut other = declared.clone().into_bytes();
                other[at] = b'y';
                let other = String::from_utf8(other).unwrap();
                assert_eq!(table.find(&other), None, "{len} {at}");
            }
        }
    }

    #[test]
    fn names_are_found_through_collisions_words_and_bytes() {
        // Long names that share their first and last eight bytes and their length are told
        // apart by their bytes, in their own slots or, with a seed that makes names
        // collide, through probing.
        let names = leak(&[
            "a",
            "abcdefgh12345678",
            "prefix--MIDDLE-A--suffixxx",
            "prefix--MIDDLE-B--suffixxx",
        ]);
        let colliding = (0..)
            .find(|&seed| {
                let mut used = homes(names, seed, 8);
                used.sort_unstable();
                used.dedup();
                used.len() < names.len()
            })
            .unwrap();
        for layout in [
            layout::<4>(names),
            TableLayout {
                size: 8,
                seed: colliding,
            },
        ] {
            let table = build(names, layout);
            for (index, name) in names.iter().enumerate() {
                assert_eq!(table.find(name), Some(index), "{name}");
            }
            for other in [
                "",
                "b",
                "abcdefgh12345679",
                "prefix--MIDDLE-C--suffixxx",
                "a\0",
            ] {
                assert_eq!(table.find(other), None, "{other}");
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
