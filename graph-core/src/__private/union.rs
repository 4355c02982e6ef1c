//! Reading `#[graph_union]`s: dispatch on `@odata.type`, wherever it stands.
//!
//! Graph writes `@odata.type` first, so that case streams: the key and its value are read,
//! the variant is chosen, and the variant's own `Deserialize` reads the rest of the same
//! map, with nothing buffered. Where other properties come first, they are buffered as JSON
//! values until `@odata.type` is found, then replayed ahead of the rest.

use std::fmt;
use std::marker::PhantomData;
use std::vec;

use serde::de::value::{
    BorrowedBytesDeserializer, BorrowedStrDeserializer, BytesDeserializer, StrDeserializer,
    StringDeserializer,
};
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::{forward_to_deserialize_any, Deserializer};
use serde_json::{Map, Value};

/// A type that carries an OData type: a `#[graph_resource]`, or a `#[graph_complex]` with
/// `odata`. Every variant of a `#[graph_union]` holds one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no OData type, so a `#[graph_union]` cannot tell it apart from the other variants",
    label = "this variant's type has no OData type",
    note = "declare the type with `#[graph_complex(odata = \"#microsoft.graph....\")]` or `#[graph_resource(path = \"...\", odata = \"...\")]`"
)]
pub trait HasODataType {
    /// The OData type, in `#` form.
    const ODATA_TYPE: &'static str;
}

#[diagnostic::do_not_recommend]
impl<T: HasODataType + ?Sized> HasODataType for Box<T> {
    const ODATA_TYPE: &'static str = T::ODATA_TYPE;
}

#[diagnostic::do_not_recommend]
impl<T: HasODataType + ?Sized> HasODataType for std::sync::Arc<T> {
    const ODATA_TYPE: &'static str = T::ODATA_TYPE;
}

#[diagnostic::do_not_recommend]
impl<T: HasODataType + ?Sized> HasODataType for std::rc::Rc<T> {
    const ODATA_TYPE: &'static str = T::ODATA_TYPE;
}

/// What `#[graph_union]` generates for the runtime to dispatch on.
pub trait GraphUnion: Sized {
    /// The base type, in `#` form.
    const BASE: &'static str;
    /// The OData type of each variant that holds a typed value, in `#` form, indexed as
    /// [`deserialize_variant`](Self::deserialize_variant) counts them.
    const VARIANTS: &'static [&'static str];
    /// The index of the `#[graph(base)]` variant, where there is one.
    const BASE_VARIANT: Option<usize>;

    /// Reads the variant at `index` from `deserializer`.
    ///
    /// # Errors
    ///
    /// The variant's type does not read from it.
    fn deserialize_variant<'de, D: Deserializer<'de>>(
        index: usize,
        deserializer: D,
    ) -> Result<Self, D::Error>;

    /// The `#[graph(other)]` variant holding `object`; `None` where there is none.
    fn other(object: Map<String, Value>) -> Option<Self>;

    /// Whether there is a `#[graph(other)]` variant.
    const HAS_OTHER: bool;
}

/// Whether two OData types are the same, with or without their leading `#`. A `const fn`,
/// so that two variants with one type are caught at compile time.
#[must_use]
pub const fn same_odata_type(a: &str, b: &str) -> bool {
    let a = strip_hash(a.as_bytes());
    let b = strip_hash(b.as_bytes());
    // Empty is the placeholder of a type whose own attribute had mistakes (already
    // reported): never a match, so it adds no error of its own.
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The index of the first of `types` (the variants' types of a union, in order) whose
/// OData type is that of one before it, or `usize::MAX` where all differ. Evaluated once
/// per union at compile time, where each step is slow: each type is hashed once, the
/// hashes sorted (a heapsort, `N log N` steps), and names compared only where two hashes
/// agree, so a union of hundreds of derived types costs the evaluator a few milliseconds.
#[must_use]
pub const fn first_duplicate<const N: usize>(types: &[&str; N]) -> usize {
    // (hash, index), sorted by both: indexes ascend within a run of one hash.
    let mut keys = [(0u64, 0usize); N];
    let mut i = 0;
    while i < N {
        keys[i] = (odata_hash(types[i]), i);
        i += 1;
    }
    heapsort(&mut keys);
    let mut first = usize::MAX;
    let mut start = 0;
    while start < N {
        let mut end = start + 1;
        while end < N && keys[end].0 == keys[start].0 {
            end += 1;
        }
        // A run longer than one is a repeated type (or, rarely, two hashes that agree).
        let mut later = start + 1;
        while later < end {
            let mut earlier = start;
            while earlier < later {
                let (i, j) = (keys[earlier].1, keys[later].1);
                if j < first && same_odata_type(types[i], types[j]) {
                    first = j;
                }
                earlier += 1;
            }
            later += 1;
        }
        start = end;
    }
    first
}

const fn heapsort(keys: &mut [(u64, usize)]) {
    let n = keys.len();
    let mut start = n / 2;
    while start > 0 {
        start -= 1;
        sift_down(keys, start, n);
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        let top = keys[0];
        keys[0] = keys[end];
        keys[end] = top;
        sift_down(keys, 0, end);
    }
}

const fn sift_down(keys: &mut [(u64, usize)], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && before(keys[child], keys[child + 1]) {
            child += 1;
        }
        if !before(keys[root], keys[child]) {
            return;
        }
        let parent = keys[root];
        keys[root] = keys[child];
        keys[child] = parent;
        root = child;
    }
}

const fn before(a: (u64, usize), b: (u64, usize)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
}

/// FNV-1a of an OData type without its leading `#`.
const fn odata_hash(name: &str) -> u64 {
    let bytes = strip_hash(name.as_bytes());
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

const fn strip_hash(name: &[u8]) -> &[u8] {
    match name {
        [b'#', rest @ ..] => rest,
        _ => name,
    }
}

/// The key a union dispatches on.
const ODATA_TYPE: &str = "@odata.type";

/// `Deserialize` for every `#[graph_union]`.
///
/// # Errors
///
/// The value is not an object, its `@odata.type` names no variant and there is no
/// variant to take it, or the chosen variant does not read.
pub fn deserialize_union<'de, D: Deserializer<'de>, U: GraphUnion>(
    deserializer: D,
) -> Result<U, D::Error> {
    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

struct UnionVisitor<U>(PhantomData<U>);

impl<'de, U: GraphUnion> Visitor<'de> for UnionVisitor<U> {
    type Value = U;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", U::BASE.trim_start_matches('#'))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let mut buffered = Vec::new();
        loop {
            match map.next_key_seed(UnionKeySeed)? {
                Some(UnionKey::ODataType) => {
                    let found = map.next_value_seed(TypeNameSeed::<U>(PhantomData))?;
                    return dispatch(found, buffered, map);
                }
                Some(UnionKey::Other(name)) => {
                    let value: Value = map.next_value()?;
                    buffered.push((name, value));
                }
                None => return dispatch(Found::Absent, buffered, map),
            }
        }
    }
}

/// Which variant an `@odata.type` chose.
enum Found {
    /// A variant's own type.
    Variant(usize),
    /// No `@odata.type` at all.
    Absent,
    /// `null`, or the base type itself: kept as written, in case it goes to `other`.
    Base(Value),
    /// A type no variant has.
    Unknown(String),
}

impl Found {
    fn resolve<U: GraphUnion>(name: &str) -> Self {
        if let Some(index) = U::VARIANTS
            .iter()
            .position(|variant| same_odata_type(variant, name))
        {
            Found::Variant(index)
        } else if same_odata_type(U::BASE, name) {
            Found::Base(Value::from(name))
        } else {
            Found::Unknown(name.to_owned())
        }
    }

    /// How the type is written back into an `other` object; `None` where it was absent.
    fn into_value(self) -> Option<Value> {
        match self {
            Found::Variant(_) | Found::Absent => None,
            Found::Base(value) => Some(value),
            Found::Unknown(name) => Some(Value::String(name)),
        }
    }
}

fn dispatch<'de, U: GraphUnion, A: MapAccess<'de>>(
    found: Found,
    buffered: Vec<(String, Value)>,
    map: A,
) -> Result<U, A::Error> {
    let index = match found {
        Found::Variant(index) => Some(index),
        Found::Absent | Found::Base(_) => U::BASE_VARIANT,
        Found::Unknown(_) => None,
    };
    if let Some(index) = index {
        return U::deserialize_variant(index, RestOfMap::new(buffered, map));
    }
    if !U::HAS_OTHER {
        return Err(de::Error::custom(no_variant::<U>(&found)));
    }
    let object = collect(found.into_value(), buffered, map)?;
    U::other(object)
        .ok_or_else(|| de::Error::custom(format_args!("{} has no other variant", U::BASE)))
}

/// The whole object, in the order it was written, for the `other` variant.
///
/// The union has read `@odata.type` already (or the map has ended), so another one is a
/// repeat: an error, as for any repeated property, rather than a second type that would
/// replace the first and be read as another variant once written back.
fn collect<'de, A: MapAccess<'de>>(
    odata_type: Option<Value>,
    buffered: Vec<(String, Value)>,
    mut map: A,
) -> Result<Map<String, Value>, A::Error> {
    let mut object = Map::new();
    object.extend(buffered);
    if let Some(odata_type) = odata_type {
        object.insert(ODATA_TYPE.to_owned(), odata_type);
    }
    while let Some(name) = map.next_key::<String>()? {
        if name == ODATA_TYPE {
            return Err(de::Error::duplicate_field(ODATA_TYPE));
        }
        let value = map.next_value()?;
        object.insert(name, value);
    }
    Ok(object)
}

/// "unknown derived type `#microsoft.graph.x` of microsoft.graph.base; expected ..."
fn no_variant<U: GraphUnion>(found: &Found) -> String {
    let base = U::BASE.trim_start_matches('#');
    let expected = U::VARIANTS
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ");
    match found {
        Found::Unknown(name) => {
            format!("unknown derived type `{name}` of {base}: expected one of {expected}")
        }
        Found::Absent => format!(
            "an object without `@odata.type` cannot be told apart among the derived types of \
             {base}: expected one of {expected}"
        ),
        Found::Base(Value::Null) => format!(
            "an object whose `@odata.type` is null cannot be told apart among the derived \
             types of {base}: expected one of {expected}"
        ),
        Found::Base(_) | Found::Variant(_) => format!(
            "an object of the base type {base} itself has no variant here: expected one of \
             {expected}"
        ),
    }
}

enum UnionKey {
    ODataType,
    Other(String),
}

struct UnionKeySeed;

impl<'de> DeserializeSeed<'de> for UnionKeySeed {
    type Value = UnionKey;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<UnionKey, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for UnionKeySeed {
    type Value = UnionKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<UnionKey, E> {
        Ok(if v == ODATA_TYPE {
            UnionKey::ODataType
        } else {
            UnionKey::Other(v.to_owned())
        })
    }
}

/// Reads the value of `@odata.type` straight into a [`Found`], allocating only for a type
/// that is not a variant's.
struct TypeNameSeed<U>(PhantomData<U>);

impl<'de, U: GraphUnion> DeserializeSeed<'de> for TypeNameSeed<U> {
    type Value = Found;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, U: GraphUnion> Visitor<'de> for TypeNameSeed<U> {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OData type name such as \"#microsoft.graph.user\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Found, E> {
        Ok(Found::resolve::<U>(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Base(Value::Null))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        self.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_str(self)
    }
}

/// The object, less its `@odata.type`, as a deserializer for the chosen variant: the
/// buffered properties first, then the rest of the map as it streams.
struct RestOfMap<A> {
    buffered: vec::IntoIter<(String, Value)>,
    pending: Option<Value>,
    map: A,
}

impl<A> RestOfMap<A> {
    fn new(buffered: Vec<(String, Value)>, map: A) -> Self {
        Self {
            buffered: buffered.into_iter(),
            pending: None,
            map,
        }
    }
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for RestOfMap<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for RestOfMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.buffered.next() {
            Some((name, value)) => {
                self.pending = Some(value);
                seed.deserialize(StringDeserializer::<A::Error>::new(name))
                    .map(Some)
            }
            // The rest of the map comes after the `@odata.type` that chose the variant.
            None => self.map.next_key_seed(NotODataType(seed)),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.map.next_value_seed(seed),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint().map(|rest| rest + self.buffered.len())
    }
}

/// Reads a key of the rest of a union's object for the chosen variant's `seed`, refusing
/// `@odata.type`: the union has read it already, so another one is a repeat, which would
/// contradict the type that chose the variant.
struct NotODataType<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotODataType<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotODataType<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<K::Value, E> {
        refuse_odata_type(v.as_bytes())?;
        self.0.deserialize(StrDeserializer::new(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<K::Value, E> {
        refuse_odata_type(v.as_bytes())?;
        self.0.deserialize(BorrowedStrDeserializer::new(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<K::Value, E> {
        refuse_odata_type(v.as_bytes())?;
        self.0.deserialize(StringDeserializer::new(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<K::Value, E> {
        refuse_odata_type(v)?;
        self.0.deserialize(BytesDeserializer::new(v))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<K::Value, E> {
        refuse_odata_type(v)?;
        self.0.deserialize(BorrowedBytesDeserializer::new(v))
    }
}

fn refuse_odata_type<E: de::Error>(name: &[u8]) -> Result<(), E> {
    if name == ODATA_TYPE.as_bytes() {
        Err(E::duplicate_field(ODATA_TYPE))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odata_types_compare_with_or_without_hash() {
        assert!(same_odata_type(
            "#microsoft.graph.user",
            "microsoft.graph.user"
        ));
        assert!(same_odata_type(
            "microsoft.graph.user",
            "#microsoft.graph.user"
        ));
        assert!(same_odata_type("#a", "#a"));
        assert!(!same_odata_type(
            "#microsoft.graph.user",
            "#microsoft.graph.users"
        ));
        assert!(!same_odata_type(
            "#microsoft.graph.user",
            "##microsoft.graph.user"
        ));
        assert!(!same_odata_type("", "#x"));
        // The placeholder of a type with mistakes matches nothing, itself included.
        assert!(!same_odata_type("", "#"));
        assert!(!same_odata_type("", ""));
    }

    #[test]
    fn the_first_repeated_type_is_found_however_the_types_are_ordered() {
        assert_eq!(first_duplicate::<0>(&[]), usize::MAX);
        assert_eq!(first_duplicate(&["#a.b"]), usize::MAX);
        assert_eq!(first_duplicate(&["#a.b", "#a.c", "#a.d"]), usize::MAX);
        assert_eq!(first_duplicate(&["#a.b", "#a.c", "a.b"]), 2);
        // The earliest later variant, whichever pair it belongs to.
        assert_eq!(first_duplicate(&["#x", "#y", "#z", "#y", "#x"]), 3);
        assert_eq!(first_duplicate(&["#x", "#y", "#x", "#y"]), 2);
        // Placeholders of types with mistakes repeat without a match.
        assert_eq!(first_duplicate(&["", "", "#a"]), usize::MAX);
        // Many distinct types, then one repeated far from its first.
        let names: Vec<String> = (0..400).map(|i| format!("#microsoft.graph.t{i}")).collect();
        let mut types: Vec<&str> = names.iter().map(String::as_str).collect();
        let all: [&str; 400] = types.clone().try_into().unwrap();
        assert_eq!(first_duplicate(&all), usize::MAX);
        types[399] = "#microsoft.graph.t7";
        let repeated: [&str; 400] = types.try_into().unwrap();
        assert_eq!(first_duplicate(&repeated), 399);
    }

    /// Evaluated as the macro evaluates it, in a constant.
    const _: () = assert!(first_duplicate(&["#a", "#b", "#a"]) == 2);
}
