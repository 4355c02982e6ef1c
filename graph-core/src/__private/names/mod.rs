//! A type's declared properties ([`FieldInfo`]) and finding one by its JSON name when
//! reading ([`Names`]):
//!
//! - here: the properties, read once from the two literals the macro writes;
//! - `table`: the hash table that finds a name among them;
//! - `seeds`: the serde seeds that read a key as the property it names.

mod seeds;
mod table;

use std::sync::OnceLock;

use crate::__private::value::LateCell;

pub use seeds::{FieldIndexSeed, FieldKeySeed};
use table::{name_hash, name_words, same_bytes, Table, EMPTY};

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

#[cfg(test)]
mod tests {
    use super::seeds::UNDECLARED;
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
