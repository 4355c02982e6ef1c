//! Numbers as OData writes them in JSON: `Edm.Double` and `Edm.Single` infinities and NaN
//! as the strings `"INF"`, `"-INF"` and `"NaN"` (JSON has no such numbers), and
//! `Edm.Int64` as a string of digits where a service writes it so
//! (`IEEE754Compatible=true`). A field the macro sees written as `f32`, `f64`, `i64` or
//! `u64` (bare or in an `Option`) is read through [`OptNum`] or [`ReqNum`] and, for floats,
//! written through [`float_field`]; every other number stays serde's.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Unexpected, Visitor};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::object::{FieldValue, FieldVisitor};
use super::slots::{ReadSlot, Slot};
use super::validate::{PropertyPath, Violations};
use super::value::Mode;

/// A number type OData may write as a string.
pub trait ODataNumber: Copy {
    /// What a value must be, for errors.
    const EXPECTING: &'static str;
    /// The values the type holds, for a number out of them.
    const RANGE: &'static str;
    /// From a JSON integer, where it fits.
    fn from_u64(value: u64) -> Option<Self>;
    /// From a negative JSON integer, where it fits.
    fn from_i64(value: i64) -> Option<Self>;
    /// From a JSON number with a fraction or exponent, where this type holds one.
    fn from_f64(value: f64) -> Option<Self>;
    /// From a JSON string, where OData writes this type so.
    fn from_text(text: &str) -> Option<Self>;
}

/// Whether `text` is written as a JSON number is (digits, a sign, a point, an exponent):
/// what a float reads from a string besides OData's three names. Rust's own parser also
/// takes `inf`, `infinity` and `nan` in any case, which OData does not write.
fn numeric(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
}

macro_rules! float {
    ($ty:ty) => {
        impl ODataNumber for $ty {
            const EXPECTING: &'static str = "a number, or \"INF\", \"-INF\" or \"NaN\"";
            const RANGE: &'static str = concat!("a number within the range of ", stringify!($ty));
            #[inline]
            #[allow(clippy::cast_precision_loss)]
            fn from_u64(value: u64) -> Option<Self> {
                Some(value as $ty)
            }
            #[inline]
            #[allow(clippy::cast_precision_loss)]
            fn from_i64(value: i64) -> Option<Self> {
                Some(value as $ty)
            }
            #[inline]
            #[allow(clippy::cast_possible_truncation)]
            fn from_f64(value: f64) -> Option<Self> {
                Some(value as $ty)
            }
            fn from_text(text: &str) -> Option<Self> {
                match text {
                    "INF" => Some(<$ty>::INFINITY),
                    "-INF" => Some(<$ty>::NEG_INFINITY),
                    "NaN" => Some(<$ty>::NAN),
                    // A number too large for the type is an error, as it is written as a
                    // JSON number, not an infinity.
                    _ if numeric(text) => {
                        text.parse::<$ty>().ok().filter(|value| value.is_finite())
                    }
                    _ => None,
                }
            }
        }

        impl ODataFloat for $ty {
            #[inline]
            fn special(self) -> Option<&'static str> {
                if self.is_finite() {
                    None
                } else if self.is_nan() {
                    Some("NaN")
                } else if self > 0.0 {
                    Some("INF")
                } else {
                    Some("-INF")
                }
            }
        }
    };
}

float!(f32);
float!(f64);

macro_rules! integer {
    ($ty:ty) => {
        impl ODataNumber for $ty {
            const EXPECTING: &'static str = "an integer, or a string of its digits";
            const RANGE: &'static str = concat!("an integer within the range of ", stringify!($ty));
            #[inline]
            fn from_u64(value: u64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }
            #[inline]
            fn from_i64(value: i64) -> Option<Self> {
                <$ty>::try_from(value).ok()
            }
            #[inline]
            fn from_f64(_: f64) -> Option<Self> {
                None
            }
            fn from_text(text: &str) -> Option<Self> {
                // Digits, with a `-` where the type has a sign: `str::parse` also takes a
                // `+`, which OData does not write.
                let digits = text
                    .strip_prefix('-')
                    .filter(|_| <$ty>::MIN != 0)
                    .unwrap_or(text);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                text.parse().ok()
            }
        }
    };
}

integer!(i64);
integer!(u64);

/// Reads a number or `null` (`None`).
struct NumberVisitor<T>(PhantomData<T>);

impl<'de, T: ODataNumber> Visitor<'de> for NumberVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Option<T>, E> {
        T::from_u64(value)
            .map(Some)
            .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    #[inline]
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Option<T>, E> {
        T::from_i64(value)
            .map(Some)
            .ok_or_else(|| E::invalid_value(Unexpected::Signed(value), &self))
    }

    #[inline]
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Option<T>, E> {
        T::from_f64(value)
            .map(Some)
            .ok_or_else(|| E::invalid_value(Unexpected::Float(value), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<T>, E> {
        match T::from_text(text) {
            Some(value) => Ok(Some(value)),
            // Written as a number is, but not one this type holds.
            None if numeric(text) => Err(E::invalid_value(Unexpected::Str(text), &T::RANGE)),
            None => Err(E::invalid_type(Unexpected::Str(text), &self)),
        }
    }

    /// A number serde_json keeps as its text (its `arbitrary_precision` feature, which any
    /// crate in a build can turn on): `{"$serde_json::private::Number": "0.5"}`.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        const NUMBER: &str = "$serde_json::private::Number";
        match map.next_key::<std::borrow::Cow<'de, str>>()? {
            Some(key) if key == NUMBER => {
                let text: std::borrow::Cow<'de, str> = map.next_value()?;
                let value = match text.parse::<u64>() {
                    Ok(value) => T::from_u64(value),
                    Err(_) => match text.parse::<i64>() {
                        Ok(value) => T::from_i64(value),
                        Err(_) => text
                            .parse::<f64>()
                            .ok()
                            .filter(|value| value.is_finite())
                            .and_then(T::from_f64),
                    },
                };
                value
                    .map(Some)
                    .ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &T::RANGE))
            }
            _ => Err(de::Error::invalid_type(Unexpected::Map, &self)),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
}

/// Reads a field's value; `null` is `None`.
struct NumberSeed<T>(PhantomData<T>);

impl<'de, T: ODataNumber> DeserializeSeed<'de> for NumberSeed<T> {
    type Value = Option<T>;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_any(NumberVisitor(PhantomData))
    }
}

/// The slot of a number field written as `Option<T>`: as [`Opt`](super::slots::Opt).
pub struct OptNum<T> {
    /// The value read, if any.
    pub value: Option<T>,
    seen: bool,
}

/// The slot of a number field not written as `Option`: as [`Req`](super::slots::Req).
pub struct ReqNum<T>(pub Option<T>);

impl<T> Slot for OptNum<T> {
    const NEW: Self = Self {
        value: None,
        seen: false,
    };
    const CAP: usize = 1;
}

impl<T> Slot for ReqNum<T> {
    const NEW: Self = Self(None);
    const CAP: usize = 1;
}

impl<T: ODataNumber> ReadSlot for OptNum<T> {
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
        self.value = map.next_value_seed(NumberSeed(PhantomData))?;
        Ok(())
    }
}

impl<T: ODataNumber> ReadSlot for ReqNum<T> {
    #[inline]
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        _: usize,
        map: &mut A,
        name: &'static str,
    ) -> Result<(), A::Error> {
        if self.0.is_some() {
            return Err(de::Error::duplicate_field(name));
        }
        match map.next_value_seed(NumberSeed(PhantomData))? {
            Some(value) => {
                self.0 = Some(value);
                Ok(())
            }
            None => Err(de::Error::custom(format_args!(
                "property `{name}` is null, but its type does not take null (make the field an Option)"
            ))),
        }
    }
}

/// A float as OData writes it: a JSON number where finite, else its name.
pub trait ODataFloat: ODataNumber + Serialize {
    /// `"INF"`, `"-INF"` or `"NaN"`, for a value JSON has no number for.
    fn special(self) -> Option<&'static str>;
}

/// A float field, written as OData writes it.
#[derive(Clone, Copy)]
pub struct FloatField<T>(T);

/// A field the macro sees written as `f32` or `f64`.
#[inline]
#[must_use]
pub fn float_field<T: ODataFloat>(value: &T) -> FloatField<T> {
    FloatField(*value)
}

/// [`visit_option`](super::object::visit_option) for a float field written as `Option`.
#[inline]
pub fn visit_float_option<V: FieldVisitor, T: ODataFloat>(
    visitor: &mut V,
    index: usize,
    value: &Option<T>,
) {
    match value {
        Some(value) => visitor.field(index, FloatField(*value)),
        None => visitor.none(index),
    }
}

impl<T: ODataFloat> Serialize for FloatField<T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.special() {
            Some(name) => serializer.serialize_str(name),
            None => self.0.serialize(serializer),
        }
    }
}

impl<T: ODataFloat> FieldValue for FloatField<T> {
    #[inline]
    fn serialize_entry<M: SerializeMap>(
        self,
        map: &mut M,
        name: &'static str,
        _: Mode,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, &self)
    }

    #[inline]
    fn write_json(self, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        super::value::write_serde(out, &self)
    }

    #[inline]
    fn validate(self, _: &PropertyPath<'_>, _: &mut Violations) {}
}

/// A number read as OData writes it wherever serde reads one whole (an action's `value`):
/// `null` is refused.
pub struct ODataNum<T>(pub T);

impl<'de, T: ODataNumber> serde::Deserialize<'de> for ODataNum<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match NumberSeed(PhantomData).deserialize(deserializer)? {
            Some(value) => Ok(ODataNum(value)),
            None => Err(de::Error::invalid_type(Unexpected::Unit, &T::EXPECTING)),
        }
    }
}

/// Floats inside the containers the runtime descends into (`Vec<f64>`, a map's values)
/// are written as OData writes them too: an infinity or NaN by its name, never as the
/// `null` serde_json would write, which would lose it.
macro_rules! float_value {
    ($ty:ty) => {
        impl super::value::GraphValue for $ty {
            type __Kind = super::value::OwnMethods;

            #[inline]
            fn __serialize_in_mode<S: Serializer>(
                &self,
                serializer: S,
                _: Mode,
            ) -> Result<S::Ok, S::Error> {
                FloatField(*self).serialize(serializer)
            }

            #[inline]
            fn __validate_at(&self, _: &PropertyPath<'_>, _: &mut Violations) {}

            #[inline]
            fn __write_json(&self, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
                super::value::write_serde(out, &FloatField(*self))
            }

            const SIZE_HINT: usize = 24;
        }
    };
}

float_value!(f32);
float_value!(f64);
