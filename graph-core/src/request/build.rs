//! What every resource's operations do, written once as generic functions that the
//! generated methods (and `GraphResource`'s `_at` forms) call: validation, paths and bodies.

use std::borrow::Cow;

use crate::__private::object::{
    check_additional, is_object_annotation, FieldValue, FieldVisitor, Object,
};
use crate::__private::validate::{PropertyPath, Violations};
use crate::__private::value::{GraphValue, Mode, TypeWalk};
use crate::request::path::Template;
use crate::request::{Create, Delete, Get, List, Request, Update};
use crate::resource::GraphType;
use crate::validation::Violation;
use crate::validation::ViolationKind;
use crate::{
    CreateRequest, DeleteRequest, GetRequest, GraphResource, ListRequest, UpdateRequest,
    ValidationError,
};

/// `GraphResource::validate` for every resource.
///
/// # Errors
///
/// Every violation in the value.
pub fn validate<T: GraphResource + GraphValue>(value: &T) -> Result<(), ValidationError> {
    let mut out = Violations::new();
    value.__validate_at(&PropertyPath::Root, &mut out);
    out.finish(T::ODATA_TYPE)
}

/// The path of `template` filled with `params`, and, for an item of the collection it
/// names, `/` and the item's key; each violation recorded: a template that breaks the
/// rules, a wrong number of parameters, an empty parameter or key.
///
/// `checked` says the template is the attribute's `path`, which the macro checked: one
/// without placeholders is then used as written, without being parsed again.
pub(crate) fn path(
    template: &str,
    checked: bool,
    params: &[&str],
    item: Option<&str>,
    out: &mut Violations,
) -> Option<String> {
    if checked && params.is_empty() && !template.contains('{') {
        let mut path = template.to_owned();
        if let Some(id) = item {
            if id.is_empty() {
                out.push(
                    &PropertyPath::Property(&PropertyPath::Root, "id"),
                    ViolationKind::EmptyPathParameter,
                );
                return None;
            }
            path.push('/');
            crate::request::path::push_segment(&mut path, id);
        }
        return Some(path);
    }
    let raw = template;
    let template = match Template::parse(raw) {
        Ok(template) => template,
        Err(message) => {
            out.push_violation(Violation::with_detail(
                String::new(),
                ViolationKind::InvalidPathTemplate,
                message,
            ));
            return None;
        }
    };
    if template.names.len() != params.len() {
        let names: Vec<String> = template
            .names
            .iter()
            .map(|n| format!("`{{{n}}}`"))
            .collect();
        let has = match names.len() {
            0 => "no placeholders".to_owned(),
            1 => format!("1 placeholder ({})", names[0]),
            n => format!("{n} placeholders ({})", names.join(", ")),
        };
        out.push_violation(Violation::with_detail(
            String::new(),
            ViolationKind::PathParameterCount,
            format!(
                "path template `{raw}` has {has}, and {} parameter{} given",
                params.len(),
                if params.len() == 1 { " was" } else { "s were" },
            ),
        ));
        return None;
    }
    let mut empty = false;
    for ((name, param), place) in template.names.iter().zip(params).zip(&template.places) {
        if param.is_empty() {
            empty = true;
            out.push_violation(Violation::new(
                (*name).to_owned(),
                ViolationKind::EmptyPathParameter,
            ));
        } else if *place == crate::request::path::Place::ItemPath {
            if let Some(problem) = crate::request::path::item_path_problem(param) {
                empty = true;
                out.push_violation(Violation::with_detail(
                    (*name).to_owned(),
                    ViolationKind::InvalidPathParameter,
                    format!("path parameter `{{{name}}}` is an item path, and {problem}"),
                ));
            }
        }
    }
    if item == Some("") {
        empty = true;
        out.push(
            &PropertyPath::Property(&PropertyPath::Root, "id"),
            ViolationKind::EmptyPathParameter,
        );
    }
    if empty {
        return None;
    }
    let mut path = template.fill(params);
    if let Some(id) = item {
        path.push('/');
        crate::request::path::push_segment(&mut path, id);
    }
    Some(path)
}

/// `create_request(...)` for every resource: `POST` to the attribute's path.
///
/// # Errors
///
/// Every violation in the value, then every empty path parameter.
pub fn create_request<T: GraphResource + GraphValue>(
    value: &T,
    params: &[&str],
) -> Result<CreateRequest<T>, ValidationError> {
    create(value, T::PATH, true, params)
}

/// `create_request_at(template, params)` for every resource: `POST` to the collection
/// `template` names.
///
/// # Errors
///
/// Every violation in the value, then the path's.
pub fn create_request_at<T: GraphResource + GraphValue>(
    value: &T,
    template: &str,
    params: &[&str],
) -> Result<CreateRequest<T>, ValidationError> {
    create(value, template, false, params)
}

fn create<T: GraphResource + GraphValue>(
    value: &T,
    template: &str,
    checked: bool,
    params: &[&str],
) -> Result<CreateRequest<T>, ValidationError> {
    let mut out = Violations::new();
    value.__validate_at(&PropertyPath::Root, &mut out);
    let path = path(template, checked, params, None, &mut out);
    out.finish(T::ODATA_TYPE)?;
    let mut body = Vec::with_capacity(T::SIZE_HINT);
    match value.__write_json(&mut body, Mode::Create) {
        Ok(()) => Ok(asks_for_late_members(Request::assemble(
            path.unwrap_or_default(),
            Some(body),
            Create,
        ))),
        Err(error) => Err(unserializable::<T>(&error)),
    }
}

fn unserializable<T: GraphType>(error: &serde_json::Error) -> ValidationError {
    ValidationError::new(
        T::__NAME,
        vec![Violation::unserializable(error.to_string())],
    )
}

/// The preference that makes Graph send an evolvable enum's members declared after its
/// `unknownFutureValue` sentinel, which it otherwise replaces with the sentinel.
pub(crate) const INCLUDE_UNKNOWN_ENUM_MEMBERS: &str = "include-unknown-enum-members";

/// `request` with [`INCLUDE_UNKNOWN_ENUM_MEMBERS`] where `T` holds, at any depth, an enum
/// with a member after its sentinel or an `other` variant: the members this code knows
/// arrive as themselves, and those it does not land in `other` instead of the sentinel.
pub(crate) fn asks_for_late_members<K: crate::request::RequestKind, T: GraphValue>(
    mut request: Request<K, T>,
) -> Request<K, T> {
    if TypeWalk::late_members::<T>() {
        request.add_library_preference(INCLUDE_UNKNOWN_ENUM_MEMBERS);
    }
    request
}

/// A request without a body to the path built from `template` and `params` (and `id`).
fn bodiless<K: crate::request::RequestKind, T: GraphType>(
    template: &str,
    checked: bool,
    params: &[&str],
    id: Option<&str>,
    kind: K,
) -> Result<Request<K, T>, ValidationError> {
    let mut out = Violations::new();
    let path = path(template, checked, params, id, &mut out);
    out.finish(T::__NAME)?;
    Ok(Request::assemble(path.unwrap_or_default(), None, kind))
}

/// `get_request(..., id)`: `GET` of the item `id` of the attribute's collection.
///
/// # Errors
///
/// Every empty path parameter (the key included).
pub fn get_request<T: GraphResource + GraphValue>(
    params: &[&str],
    id: &str,
) -> Result<GetRequest<T>, ValidationError> {
    bodiless(T::PATH, true, params, Some(id), Get).map(asks_for_late_members)
}

/// `get_request_at(template, params)`: `GET` of the item `template` names.
///
/// # Errors
///
/// The template breaks the rules of `path`, has another number of placeholders, or a
/// parameter is empty.
pub fn get_request_at<T: GraphType>(
    template: &str,
    params: &[&str],
) -> Result<GetRequest<T>, ValidationError> {
    bodiless(template, false, params, None, Get).map(asks_for_late_members)
}

/// `list_request(...)`: `GET` of the attribute's collection.
///
/// # Errors
///
/// Every empty path parameter.
pub fn list_request<T: GraphResource + GraphValue>(
    params: &[&str],
) -> Result<ListRequest<T>, ValidationError> {
    bodiless(T::PATH, true, params, None, List::default()).map(asks_for_late_members)
}

/// `list_request_at(template, params)`: `GET` of the collection `template` names.
///
/// # Errors
///
/// As [`get_request_at`].
pub fn list_request_at<T: GraphType>(
    template: &str,
    params: &[&str],
) -> Result<ListRequest<T>, ValidationError> {
    bodiless(template, false, params, None, List::default()).map(asks_for_late_members)
}

/// `delta_request(...)`: `GET` of the attribute's collection's `delta` function.
///
/// # Errors
///
/// Every empty path parameter.
pub fn delta_request<T: GraphResource + GraphValue>(
    params: &[&str],
) -> Result<crate::DeltaRequest<T>, ValidationError> {
    let mut request: crate::DeltaRequest<T> =
        bodiless(T::PATH, true, params, None, crate::delta::Delta::starting())?;
    request.push_segment_raw("delta");
    Ok(asks_for_late_members(request))
}

/// `delta_request_at(template, params)`: `GET` of the delta function `template` names.
///
/// # Errors
///
/// As [`get_request_at`].
pub fn delta_request_at<T: GraphType>(
    template: &str,
    params: &[&str],
) -> Result<crate::DeltaRequest<T>, ValidationError> {
    bodiless(
        template,
        false,
        params,
        None,
        crate::delta::Delta::starting(),
    )
    .map(asks_for_late_members)
}

/// `delete_request(..., id)`: `DELETE` of the item `id` of the attribute's collection.
///
/// # Errors
///
/// Every empty path parameter (the key included).
pub fn delete_request<T: GraphResource>(
    params: &[&str],
    id: &str,
) -> Result<DeleteRequest<T>, ValidationError> {
    bodiless(T::PATH, true, params, Some(id), Delete)
}

/// `delete_request_at(template, params)`: `DELETE` of the item `template` names.
///
/// # Errors
///
/// As [`get_request_at`].
pub fn delete_request_at<T: GraphResource>(
    template: &str,
    params: &[&str],
) -> Result<DeleteRequest<T>, ValidationError> {
    bodiless(template, false, params, None, Delete)
}

/// `update_request(..., id)` and `update_request_from(before, ..., id)`: `PATCH` of the item
/// `id` of the attribute's collection.
///
/// # Errors
///
/// As `update_request_at`, and an empty key.
pub fn update_request<T: GraphResource + Object>(
    value: &T,
    before: Option<&T>,
    params: &[&str],
    id: &str,
) -> Result<UpdateRequest<T>, ValidationError> {
    update(value, before, T::PATH, true, params, Some(id))
}

/// `update_request_at(template, params)` and `update_request_from_at`: `PATCH` of the item
/// `template` names. Without `before`, the body has every property that is set; with it,
/// only what changed from it (`null` for what was cleared).
///
/// # Errors
///
/// Every enum sentinel and every violation inside a value that is sent (a partial body
/// needs no `required` property, but a complex value is sent whole), additional data that
/// holds a declared property, then the path's.
pub fn update_request_at<T: GraphType + Object>(
    value: &T,
    before: Option<&T>,
    template: &str,
    params: &[&str],
) -> Result<UpdateRequest<T>, ValidationError> {
    update(value, before, template, false, params, None)
}

fn update<T: GraphType + Object>(
    value: &T,
    before: Option<&T>,
    template: &str,
    checked: bool,
    params: &[&str],
    id: Option<&str>,
) -> Result<UpdateRequest<T>, ValidationError> {
    let mut out = Violations::new();
    let fields = T::INFO.fields();
    let mut now = Snapshot::new(fields, Some(&mut out));
    value.__fields(&mut now);
    let (now, error) = (now.values, now.error);
    let was = match before {
        Some(before) => {
            let mut was = Snapshot::new(fields, None);
            before.__fields(&mut was);
            was.values
        }
        None => vec![None; fields.len()],
    };
    if let Some(additional) = value.__additional() {
        check_additional(
            additional,
            T::INFO.fields(),
            T::INFO.odata_type.is_some(),
            &PropertyPath::Root,
            &mut out,
        );
    }
    let path = path(template, checked, params, id, &mut out);
    out.finish(T::__NAME)?;
    if let Some(error) = error {
        return Err(unserializable::<T>(&error));
    }
    let mut entries = Vec::new();
    for ((field, now), was) in fields.iter().zip(now).zip(was) {
        if field.read_only {
            continue;
        }
        let value: Vec<u8> = match (now, was) {
            (Some(now), Some(was)) if now == was => continue,
            (Some(now), _) => now,
            (None, Some(_)) => b"null".to_vec(),
            (None, None) => continue,
        };
        let mut entry = field.prefix.to_vec();
        entry.extend_from_slice(&value);
        entries.push((Cow::Borrowed(field.name), entry));
    }
    additional_changes(
        value.__additional(),
        before.and_then(Object::__additional),
        &mut entries,
    );
    Ok(asks_for_late_members(Request::<Update, T>::from_entries(
        path.unwrap_or_default(),
        T::INFO.odata_prefix,
        entries,
    )))
}

/// The additional data an update sends: every entry added or changed since `before`, and
/// `null` for every entry removed; never the object's own `@odata.` annotations.
fn additional_changes(
    now: Option<&serde_json::Map<String, serde_json::Value>>,
    before: Option<&serde_json::Map<String, serde_json::Value>>,
    entries: &mut Vec<(Cow<'static, str>, Vec<u8>)>,
) {
    let empty = serde_json::Map::new();
    let (now, before) = (now.unwrap_or(&empty), before.unwrap_or(&empty));
    let mut push = |name: &str, value: &serde_json::Value| {
        let mut entry = vec![b','];
        // A `String` and a JSON value always write.
        let _ = serde_json::to_writer(&mut entry, name);
        entry.push(b':');
        let _ = serde_json::to_writer(&mut entry, value);
        entries.push((Cow::Owned(name.to_owned()), entry));
    };
    for (name, value) in now {
        if !is_object_annotation(name) && before.get(name) != Some(value) {
            push(name, value);
        }
    }
    for name in before.keys() {
        if !is_object_annotation(name) && !now.contains_key(name) {
            push(name, &serde_json::Value::Null);
        }
    }
}

/// Each field's JSON as a create body would write it, `None` where it is `None`; with
/// `out`, each value that is set is validated at its path too.
struct Snapshot<'v> {
    values: Vec<Option<Vec<u8>>>,
    out: Option<&'v mut Violations>,
    error: Option<serde_json::Error>,
    info: &'static [crate::__private::names::FieldInfo],
}

impl<'v> Snapshot<'v> {
    fn new(
        info: &'static [crate::__private::names::FieldInfo],
        out: Option<&'v mut Violations>,
    ) -> Self {
        Self {
            values: vec![None; info.len()],
            out,
            error: None,
            info,
        }
    }
}

impl FieldVisitor for Snapshot<'_> {
    fn field<F: FieldValue>(&mut self, index: usize, value: F) {
        if let Some(out) = self.out.as_deref_mut() {
            if let Some(field) = self.info.get(index).filter(|f| !f.read_only) {
                value.validate(
                    &PropertyPath::Property(&PropertyPath::Root, field.name),
                    out,
                );
            }
        }
        let mut json = Vec::new();
        match value.write_json(&mut json, Mode::Create) {
            Ok(()) => {
                if let Some(slot) = self.values.get_mut(index) {
                    *slot = Some(json);
                }
            }
            Err(error) => self.error = self.error.take().or(Some(error)),
        }
    }

    fn none(&mut self, _: usize) {}
}

/// `request(...)` and `request_at(...)` of every `#[graph_action]`: `POST` to the action's
/// path with its parameters as the body (none where the action declares none), `needs`
/// what the action's table declares.
///
/// # Errors
///
/// Every violation in the parameters, then the path's.
pub fn action_request<A: Object, R>(
    value: &A,
    template: &str,
    checked: bool,
    params: &[&str],
    needs: crate::permissions::Needs,
) -> Result<crate::request::ActionRequest<R>, ValidationError> {
    let mut out = Violations::new();
    value.__validate_at(&PropertyPath::Root, &mut out);
    let path = path(template, checked, params, None, &mut out);
    out.finish(needs.name())?;
    let body = if A::INFO.fields().is_empty() && value.__additional().is_none() {
        None
    } else {
        let mut body = Vec::with_capacity(A::SIZE_HINT);
        if let Err(error) = value.__write_json(&mut body, Mode::Create) {
            return Err(ValidationError::new(
                needs.name(),
                vec![Violation::unserializable(error.to_string())],
            ));
        }
        Some(body)
    };
    Ok(Request::assemble(
        path.unwrap_or_default(),
        body,
        crate::request::Action::new(needs),
    ))
}
