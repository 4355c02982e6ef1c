//! The hash table that finds a property by its JSON name at run time, built here at
//! compile time (see `graph_core::__private::Names`).

/// Slot value for "no property here"; the runtime's `EMPTY`.
pub const EMPTY: u16 = u16::MAX;

/// The runtime's `name_words`, which this must match: the first and last eight bytes as
/// little-endian words, or one zero-padded word twice for shorter names.
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

/// The runtime's `name_hash`, which this must match bit for bit.
pub fn name_hash(len: usize, (first, last): (u64, u64), seed: u32) -> u32 {
    let mut hash = (u64::from(seed) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash = (hash ^ first).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    hash = (hash ^ last).wrapping_mul(0x1656_67b1_9e37_79f9);
    (hash >> 32) as u32
}

fn hash_of(name: &str, seed: u32) -> u32 {
    name_hash(name.len(), name_words(name.as_bytes()), seed)
}

/// An open-addressing table: a power-of-two number of slots, each a declaration index or
/// [`EMPTY`], and the seed it was built with.
pub struct Table {
    pub slots: Vec<u16>,
    pub seed: u32,
}

/// Builds the table with at least twice as many slots as names, looking for a seed that
/// gives every name its own slot (one comparison per lookup). Where none is found quickly,
/// the table grows; failing that, names that collide are placed by linear probing, which
/// the runtime follows too.
pub fn build(names: &[&str]) -> Table {
    let minimum = (names.len() * 2).next_power_of_two().max(2);
    let mut size = minimum;
    while size <= minimum * 8 {
        for seed in 0..256 {
            if let Some(slots) = place(names, seed, size, false) {
                return Table { slots, seed };
            }
        }
        size *= 2;
    }
    let slots = place(names, 0, minimum, true).unwrap_or_default();
    Table { slots, seed: 0 }
}

/// Places every name at its hash slot; on a collision, gives up unless `probe`, in which
/// case the name takes the next free slot.
fn place(names: &[&str], seed: u32, size: usize, probe: bool) -> Option<Vec<u16>> {
    let mask = size - 1;
    let mut slots = vec![EMPTY; size];
    for (index, name) in names.iter().enumerate() {
        let mut slot = hash_of(name, seed) as usize & mask;
        while slots[slot] != EMPTY {
            if !probe {
                return None;
            }
            slot = (slot + 1) & mask;
        }
        slots[slot] = u16::try_from(index).ok()?;
    }
    Some(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(table: &Table, names: &[&str], name: &str) -> Option<usize> {
        let mask = table.slots.len() - 1;
        let mut slot = hash_of(name, table.seed) as usize & mask;
        loop {
            match table.slots[slot] {
                EMPTY => return None,
                index if names[usize::from(index)] == name => return Some(usize::from(index)),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    #[test]
    fn every_name_is_found_and_others_are_not() {
        let names: Vec<String> = (0..150).map(|i| format!("property{i}Name")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for count in [0, 1, 2, 3, 12, 40, 150] {
            let names = &names[..count];
            let table = build(names);
            assert!(table.slots.len().is_power_of_two());
            assert!(table.slots.len() >= names.len() * 2);
            for (index, name) in names.iter().enumerate() {
                assert_eq!(find(&table, names, name), Some(index));
            }
            assert_eq!(find(&table, names, "undeclared"), None);
            assert_eq!(find(&table, names, ""), None);
        }
    }

    #[test]
    fn the_seed_is_chosen_so_that_names_do_not_collide() {
        let names = [
            "id",
            "completedDateTime",
            "failedTasksCount",
            "failedUsersCount",
        ];
        let table = build(&names);
        let mask = table.slots.len() - 1;
        let mut used: Vec<usize> = names
            .iter()
            .map(|name| hash_of(name, table.seed) as usize & mask)
            .collect();
        used.sort_unstable();
        used.dedup();
        assert_eq!(used.len(), names.len());
    }

    /// The runtime's function gives these values too (graph-core's tests check the same
    /// figures), so the two stay in step.
    #[test]
    fn the_hash_is_pinned() {
        assert_eq!(name_hash(0, name_words(b""), 0), 0);
        assert_eq!(hash_of("displayName", 7), 0x1ebb_59b0);
        assert_eq!(name_words(b"ab"), (0x6261, 0x6261));
    }
}
