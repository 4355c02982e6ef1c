//! Resources and complex types, written and validated by generic code here.
//!
//! The macro emits, per type, a table of its properties ([`ObjectInfo`]) and one method that
//! hands each field to a visitor ([`Object::__fields`]): one short line per field. Writing
//! with serde, writing JSON directly and validating are visitors in this module, compiled
//! once, so a type's build cost stays close to a line per field, however many ways it is
//! used.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::__private::names::{FieldInfo, Names};
use crate::__private::validate::{PropertyPath, Violations};
use crate::__private::value::{write_serde, GraphValue, InMode, Mode, ValueKind};
use crate::validation::ViolationKind;

/// A resource's or complex type's properties, as the macro describes them.
pub struct ObjectInfo {
    /// The OData type (`#` form), where the type writes one.
    pub odata_type: Option<&'static str>,
    /// `,"@odata.type":"#…"`, pre-escaped, or empty.
    pub odata_prefix: &'static [u8],
    /// The declared properties, and the table that finds one by name when reading.
    pub names: &'static Names,
    /// Whether the type keeps properties it does not declare (`#[graph(additional_data)]`).
    pub open: bool,
    /// What a reader expected where the JSON is not an object (`a microsoft.graph.user
    /// object`, or `a JSON object for Name` for a type without an OData type).
    pub expecting: &'static str,
}

impl ObjectInfo {
    /// The declared properties, in declaration order.
    #[inline]
    #[must_use]
    pub fn fields(&self) -> &'static [FieldInfo] {
        self.names.fields()
    }
}

/// A resource or complex type: what the macro generates for the runtime to work with.
pub trait Object: crate::__private::value::GraphValue {
    /// The type's properties.
    const INFO: &'static ObjectInfo;

    /// Hands every field to `visitor`, in declaration order: `field` with its value, or
    /// `none` for a field written as `Option` that is `None`.
    fn __fields<V: FieldVisitor>(&self, visitor: &mut V);

    /// The `#[graph(additional_data)]` field, where there is one.
    fn __additional(&self) -> Option<&serde_json::Map<String, serde_json::Value>> {
        None
    }
}

/// The [`ValueKind`] of resources and complex types: [`GraphValue`]'s methods are
/// [`serialize_object`], [`validate_object`] and [`write_object`].
pub enum ObjectValue {}

impl<T: Object> ValueKind<T> for ObjectValue {
    #[inline]
    fn serialize_in_mode<S: Serializer>(
        value: &T,
        serializer: S,
        mode: Mode,
    ) -> Result<S::Ok, S::Error> {
        serialize_object(value, serializer, mode)
    }

    #[inline]
    fn validate_at(value: &T, at: &PropertyPath<'_>, out: &mut Violations) {
        validate_object(value, at, out);
    }

    #[inline]
    fn write_json(value: &T, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
        write_object(value, out, mode)
    }
}

/// What a field is handed to.
pub trait FieldVisitor {
    /// The field declared at `index` has this value.
    fn field<F: FieldValue>(&mut self, index: usize, value: F);
    /// The field declared at `index` is `None`.
    fn none(&mut self, index: usize);
}

/// A field's value, seen through what its type can do: one of ours ([`GraphField`]) or any
/// other serde type ([`SerdeField`]).
pub trait FieldValue: Copy {
    /// Writes the value as a map entry, through serde.
    ///
    /// # Errors
    ///
    /// Whatever the serializer reports.
    fn serialize_entry<M: SerializeMap>(
        self,
        map: &mut M,
        name: &'static str,
        mode: Mode,
    ) -> Result<(), M::Error>;

    /// Appends the value's JSON.
    ///
    /// # Errors
    ///
    /// A user type's `Serialize` failed.
    fn write_json(self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error>;

    /// Records the value's violations at `at`.
    fn validate(self, at: &PropertyPath<'_>, out: &mut Violations);
}

/// A field whose type is a [`GraphValue`].
pub struct GraphField<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: ?Sized> Clone for GraphField<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for GraphField<'_, T> {}

impl<T: GraphValue + ?Sized> FieldValue for GraphField<'_, T> {
    #[inline]
    fn serialize_entry<M: SerializeMap>(
        self,
        map: &mut M,
        name: &'static str,
        mode: Mode,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, &InMode(self.0, mode))
    }

    #[inline]
    fn write_json(self, out: &mut Vec<u8>, mode: Mode) -> Result<(), serde_json::Error> {
        self.0.__write_json(out, mode)
    }

    #[inline]
    fn validate(self, at: &PropertyPath<'_>, out: &mut Violations) {
        self.0.__validate_at(at, out);
    }
}

/// A field of any other serde type: written as serde writes it, nothing to validate.
pub struct SerdeField<'a, T: ?Sized>(pub(crate) &'a T);

/// A field the macro knows to be a plain serde value (a string, a number, a `bool`, a
/// `Vec` of them): no [`Probe`](crate::__private::probe::Probe) needed.
#[inline]
#[must_use]
pub fn serde_field<T: ?Sized>(value: &T) -> SerdeField<'_, T> {
    SerdeField(value)
}

/// Hands a field written as `Option` to `visitor`: `field` with its value where it is set,
/// `none` where it is `None`.
#[inline]
pub fn visit_option<V: FieldVisitor, F: FieldValue>(
    visitor: &mut V,
    index: usize,
    value: Option<F>,
) {
    match value {
        Some(value) => visitor.field(index, value),
        None => visitor.none(index),
    }
}

/// A field the macro knows to be one of the runtime's own types that write themselves
/// (`DateTimeOffset`, `Flags<E>`), not written as `Option`.
#[inline]
pub fn graph_field<T: GraphValue + ?Sized>(value: &T) -> GraphField<'_, T> {
    GraphField(value)
}

/// [`visit_option`] for a field the macro knows to be one of the runtime's own types that
/// write themselves (`DateTimeOffset`, `Flags<E>`), written as `Option`.
#[inline]
pub fn visit_graph_option<V: FieldVisitor, T: GraphValue>(
    visitor: &mut V,
    index: usize,
    value: &Option<T>,
) {
    visit_option(visitor, index, value.as_ref().map(GraphField));
}

/// [`visit_option`] for a field the macro knows to be a plain serde value, written as
/// `Option`.
#[inline]
pub fn visit_serde_option<V: FieldVisitor, T: Serialize>(
    visitor: &mut V,
    index: usize,
    value: &Option<T>,
) {
    visit_option(visitor, index, value.as_ref().map(SerdeField));
}

impl<T: ?Sized> Clone for SerdeField<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for SerdeField<'_, T> {}

impl<T: Serialize + ?Sized> FieldValue for SerdeField<'_, T> {
    #[inline]
    fn serialize_entry<M: SerializeMap>(
        self,
        map: &mut M,
        name: &'static str,
        _: Mode,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, self.0)
    }

    #[inline]
    fn write_json(self, out: &mut Vec<u8>, _: Mode) -> Result<(), serde_json::Error> {
        write_serde(out, self.0)
    }

    #[inline]
    fn validate(self, _: &PropertyPath<'_>, _: &mut Violations) {}
}

/// Writes through serde: `@odata.type` where the type has one, then each field that is
/// set (read-only ones only in [`Mode::Full`]), then the additional data.
///
/// # Errors
///
/// Whatever the serializer reports.
pub fn serialize_object<T: Object, S: Serializer>(
    value: &T,
    serializer: S,
    mode: Mode,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    if let Some(odata_type) = T::INFO.odata_type {
        map.serialize_entry("@odata.type", odata_type)?;
    }
    let mut visitor = SerializeFields {
        map: &mut map,
        mode,
        fields: T::INFO.fields(),
        error: None,
    };
    value.__fields(&mut visitor);
    if let Some(error) = visitor.error {
        return Err(error);
    }
    if let Some(additional) = value.__additional() {
        serialize_additional(&mut map, additional, mode)?;
    }
    map.end()
}

struct SerializeFields<'m, M: SerializeMap> {
    map: &'m mut M,
    mode: Mode,
    fields: &'static [FieldInfo],
    error: Option<M::Error>,
}

impl<M: SerializeMap> FieldVisitor for SerializeFields<'_, M> {
    #[inline]
    fn field<F: FieldValue>(&mut self, index: usize, value: F) {
        let Some(field) = self.fields.get(index) else {
            return;
        };
        if self.error.is_some() || (field.read_only && !self.mode.writes_read_only()) {
            return;
        }
        if let Err(error) = value.serialize_entry(self.map, field.name, self.mode) {
            self.error = Some(error);
        }
    }

    #[inline]
    fn none(&mut self, _: usize) {}
}

/// Writes JSON directly: every property with a leading comma and its pre-escaped key; at
/// the end the first comma becomes the opening brace.
///
/// # Errors
///
/// A user type's `Serialize` failed.
pub fn write_object<T: Object>(
    value: &T,
    out: &mut Vec<u8>,
    mode: Mode,
) -> Result<(), serde_json::Error> {
    let start = out.len();
    out.extend_from_slice(T::INFO.odata_prefix);
    let mut visitor = WriteFields {
        out,
        mode,
        fields: T::INFO.fields(),
        error: None,
    };
    value.__fields(&mut visitor);
    if let Some(error) = visitor.error {
        return Err(error);
    }
    if let Some(additional) = value.__additional() {
        write_additional(out, additional, mode)?;
    }
    finish_object(out, start);
    Ok(())
}

struct WriteFields<'o> {
    out: &'o mut Vec<u8>,
    mode: Mode,
    fields: &'static [FieldInfo],
    error: Option<serde_json::Error>,
}

impl FieldVisitor for WriteFields<'_> {
    #[inline]
    fn field<F: FieldValue>(&mut self, index: usize, value: F) {
        let Some(field) = self.fields.get(index) else {
            return;
        };
        if self.error.is_some() || (field.read_only && !self.mode.writes_read_only()) {
            return;
        }
        self.out.extend_from_slice(field.prefix);
        if let Err(error) = value.write_json(self.out, self.mode) {
            self.error = Some(error);
        }
    }

    #[inline]
    fn none(&mut self, _: usize) {}
}

/// Ends an object whose properties were each written with a leading comma from `start`:
/// the first comma becomes the opening brace (or one is written, for an empty object).
#[inline]
pub(crate) fn finish_object(out: &mut Vec<u8>, start: usize) {
    match out.get_mut(start) {
        Some(first) => *first = b'{',
        None => out.push(b'{'),
    }
    out.push(b'}');
}

/// Validates: each required field is set, each value is valid itself (enum sentinels,
/// nested types, at their paths), and the additional data does not hold a declared
/// property. Read-only fields are never sent, so they are not checked.
pub fn validate_object<T: Object>(value: &T, at: &PropertyPath<'_>, out: &mut Violations) {
    let mut visitor = ValidateFields {
        at,
        out: &mut *out,
        fields: T::INFO.fields(),
    };
    value.__fields(&mut visitor);
    if let Some(additional) = value.__additional() {
        check_additional(
            additional,
            T::INFO.fields(),
            T::INFO.odata_type.is_some(),
            at,
            out,
        );
    }
}

struct ValidateFields<'p, 'v> {
    at: &'p PropertyPath<'p>,
    out: &'v mut Violations,
    fields: &'static [FieldInfo],
}

impl FieldVisitor for ValidateFields<'_, '_> {
    #[inline]
    fn field<F: FieldValue>(&mut self, index: usize, value: F) {
        if let Some(field) = self.fields.get(index).filter(|f| !f.read_only) {
            value.validate(&PropertyPath::Property(self.at, field.name), self.out);
        }
    }

    #[inline]
    fn none(&mut self, index: usize) {
        if let Some(field) = self
            .fields
            .get(index)
            .filter(|f| f.required && !f.read_only)
        {
            self.out.push(
                &PropertyPath::Property(self.at, field.name),
                ViolationKind::MissingRequired,
            );
        }
    }
}

/// Whether an additional-data key is one of the object's own `@odata.` annotations
/// (`@odata.etag`, `@odata.id`, `@odata.editLink`, ...), which Graph writes on what it
/// returns and which a request body never carries. Property annotations
/// (`members@odata.bind`) and other instance annotations
/// (`@microsoft.graph.conflictBehavior`) are data a request may send.
pub(crate) fn is_object_annotation(name: &str) -> bool {
    name.starts_with("@odata.")
}

/// Writes additional data after the declared properties, each with a leading comma; in
/// request bodies, without the object's own annotations.
///
/// # Errors
///
/// Never in practice: JSON values always write.
fn write_additional(
    out: &mut Vec<u8>,
    additional: &serde_json::Map<String, serde_json::Value>,
    mode: Mode,
) -> Result<(), serde_json::Error> {
    for (name, value) in additional {
        if !mode.writes_read_only() && is_object_annotation(name) {
            continue;
        }
        out.push(b',');
        write_serde(out, name)?;
        out.push(b':');
        write_serde(out, value)?;
    }
    Ok(())
}

/// Writes the additional data after the declared properties.
///
/// # Errors
///
/// Whatever the serializer reports.
#[inline]
fn serialize_additional<M: SerializeMap>(
    map: &mut M,
    additional: &serde_json::Map<String, serde_json::Value>,
    mode: Mode,
) -> Result<(), M::Error> {
    for (name, value) in additional {
        if !mode.writes_read_only() && is_object_annotation(name) {
            continue;
        }
        map.serialize_entry(name, value)?;
    }
    Ok(())
}

/// Records a violation for each additional-data key that the type writes itself: a
/// declared property, or `@odata.type` where the type writes one. Written twice, the body
/// would be ambiguous.
pub(crate) fn check_additional(
    additional: &serde_json::Map<String, serde_json::Value>,
    fields: &'static [FieldInfo],
    writes_odata_type: bool,
    at: &PropertyPath<'_>,
    out: &mut Violations,
) {
    if additional.is_empty() {
        return;
    }
    for field in fields {
        if additional.contains_key(field.name) {
            out.push(
                &PropertyPath::Property(at, field.name),
                ViolationKind::AdditionalDataConflict,
            );
        }
    }
    if writes_odata_type && additional.contains_key("@odata.type") {
        out.push(
            &PropertyPath::Property(at, "@odata.type"),
            ViolationKind::AdditionalDataConflict,
        );
    }
}
