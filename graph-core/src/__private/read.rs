//! Reading: the helpers the runtime's object reader (`slots::deserialize_object`) calls for
//! each key, the reading of an enum from its JSON name, and the writing of an enum's
//! (`EnumValue`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serializer};

use crate::__private::validate::{check_enum, PropertyPath, Violations};
use crate::__private::value::{write_serde, Mode, ValueKind};
use crate::resource::GraphEnum;

/// Reads the value of an undeclared property into the additional data.
///
/// # Errors
///
/// The value is not well-formed JSON.
#[inline]
pub fn next_additional<'de, A: MapAccess<'de>>(
    map: &mut A,
    additional: &mut serde_json::Map<String, serde_json::Value>,
    name: String,
) -> Result<(), A::Error> {
    let value = map.next_value()?;
    additional.insert(name, value);
    Ok(())
}

/// Reads the value of a declared property into its slot; a second occurrence is an error.
/// A `null` is left to `T`: an `Option` (or `serde_json::Value`) takes it, any other type
/// refuses it with an error naming the property.
///
/// # Errors
///
/// The property is repeated, `null` for a type that has no `null`, or its value does not
/// read as a `T`.
#[inline]
pub fn next_value<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value_seed(Nullable {
        name,
        target: PhantomData,
    })?);
    Ok(())
}

/// Skips the value of a key that is not a declared property.
///
/// # Errors
///
/// The value is not well-formed.
#[inline]
pub fn skip_value<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// The value of a property, or what its type makes of its absence: `None` for an `Option`
/// (however it is written), an error naming the property for anything else.
///
/// # Errors
///
/// The property was missing and its type is not an `Option`.
#[inline]
pub fn take<'de, T: Deserialize<'de>, E: de::Error>(
    slot: Option<T>,
    name: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(Missing {
            name,
            error: PhantomData,
        }),
    }
}

/// Reads a `T`, handing `null` to `T` as a unit and naming the property when it refuses.
struct Nullable<T> {
    name: &'static str,
    target: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Nullable<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Nullable<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value for `{}`", self.name)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        T::deserialize(de::value::UnitDeserializer::<E>::new()).map_err(|_| {
            E::custom(format_args!(
                "property `{}` is null, but its type does not take null (make the field an Option)",
                self.name
            ))
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        self.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// Stands for a property that is absent: an `Option` reads it as `None`, anything else
/// reports the property missing.
struct Missing<E> {
    name: &'static str,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::missing_field(self.name))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Deserializes a `#[graph_enum]` from its JSON name.
///
/// # Errors
///
/// The value is not a string, or names no member of an enum that has neither an `other`
/// variant nor the sentinel.
pub fn deserialize_enum<'de, D: Deserializer<'de>, E: GraphEnum>(
    deserializer: D,
) -> Result<E, D::Error> {
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

struct EnumVisitor<E>(PhantomData<E>);

impl<E: GraphEnum> Visitor<'_> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an enumeration member name")
    }

    fn visit_str<Err: de::Error>(self, v: &str) -> Result<E, Err> {
        E::from_member(v).ok_or_else(|| Err::unknown_variant(v, E::MEMBERS))
    }
}

/// The declared member that `member` names in another ASCII case (`Required` for
/// `required`), for `GraphEnum::from_member` once its exact match failed. Out of line and
/// cold, so the exact match stays as small and fast as it was.
#[cold]
#[inline(never)]
pub fn member_in_another_case<E: GraphEnum>(member: &str) -> Option<E> {
    let declared = E::MEMBERS
        .iter()
        .find(|declared| declared.eq_ignore_ascii_case(member))?;
    E::from_member(declared)
}

/// The [`ValueKind`] of `#[graph_enum]`s: a value is its member's JSON name, and the
/// `unknownFutureValue` sentinel is never sent.
pub enum EnumValue {}

impl<E: GraphEnum> ValueKind<E> for EnumValue {
    #[inline]
    fn serialize_in_mode<S: Serializer>(
        value: &E,
        serializer: S,
        _: Mode,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.as_str())
    }

    #[inline]
    fn validate_at(value: &E, at: &PropertyPath<'_>, out: &mut Violations) {
        check_enum(value, at, out);
    }

    #[inline]
    fn write_json(value: &E, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        write_str(out, value.as_str())
    }
}

/// Appends `text` as a JSON string, exactly as serde_json writes it: copied between quotes
/// where nothing in it needs escaping (every member name Graph declares), escaped by
/// serde_json where something does.
///
/// # Errors
///
/// None in practice: writing to a `Vec` does not fail.
#[inline]
pub fn write_str(out: &mut Vec<u8>, text: &str) -> Result<(), serde_json::Error> {
    let bytes = text.as_bytes();
    if bytes.iter().all(|&byte| !ESCAPED[usize::from(byte)]) {
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        Ok(())
    } else {
        write_serde(out, text)
    }
}

/// The bytes JSON escapes in a string: control characters, `"` and `\\`.
static ESCAPED: [bool; 256] = {
    let mut escaped = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        escaped[byte] = true;
        byte += 1;
    }
    escaped[b'"' as usize] = true;
    escaped[b'\\' as usize] = true;
    escaped
};

#[cfg(test)]
mod tests {
    use super::write_str;

    /// The same bytes as serde_json, whether the text is copied or escaped.
    #[test]
    fn a_string_is_written_as_serde_json_writes_it() {
        for text in [
            "",
            "leaver",
            "unknownFutureValue",
            "a \"quoted\" member",
            "back\\slash",
            "line\nbreak\ttab\u{1}",
            "ünïcödé ✓ \u{7f}",
        ] {
            let mut out = b"[".to_vec();
            write_str(&mut out, text).unwrap();
            let expected = format!("[{}", serde_json::to_string(text).unwrap());
            assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?}");
        }
    }
}
