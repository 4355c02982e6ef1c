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
                    _ if numeric(text) => text.parse().ok(),
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
        T::from_text(text)
            .map(Some)
            .ok_or_else(|| E::invalid_type(Unexpected::Str(text), &self))
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
