//! The lookup table of a type's property names: open addressing, with a seed chosen so
//! that, where one turns up, every name has a slot of its own.

use super::FieldInfo;

/// The hash table of [`Names`](super::Names).
pub(super) struct Table {
    /// A power-of-two number of slots, at least one of them empty.
    pub(super) slots: Box<[Slot]>,
    /// The seed of [`name_hash`] the table was built with.
    pub(super) seed: u32,
}

/// A slot of a [`Table`]: a declaration index and the name's [`name_words`], which settle
/// a match without comparing bytes for names of up to 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub(super) index: u32,
    pub(super) len: u32,
    pub(super) first: u64,
    pub(super) last: u64,
}

/// Marks an unused slot.
pub(super) const EMPTY: u32 = u32::MAX;

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
pub(super) fn name_words(name: &[u8]) -> (u64, u64) {
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
pub(super) fn name_hash(len: usize, (first, last): (u64, u64), seed: u32) -> u32 {
    let mut hash = (u64::from(seed) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash = (hash ^ first).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    hash = (hash ^ last).wrapping_mul(0x1656_67b1_9e37_79f9);
    (hash >> 32) as u32
}

/// Seeds tried at each table size before the table doubles. The search runs once per type
/// and process, in microseconds even for `user`; where none keeps the names apart, names
/// that collide take the next free slot, which costs one more comparison of words.
const SEEDS_PER_SIZE: u32 = 16;

impl Table {
    /// A power of two of at least twice as many slots as names (so a lookup of an
    /// undeclared key soon meets an empty slot), and a seed that gives every name a slot
    /// of its own: the first of [`SEEDS_PER_SIZE`] that does, at the smallest size or the
    /// one twice as large; failing both, the smallest with seed 0, probed.
    pub(super) fn build(fields: &[FieldInfo]) -> Self {
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
    pub(super) fn place(keys: &[(usize, (u64, u64))], (size, seed): (usize, u32)) -> Self {
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
pub(super) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
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
