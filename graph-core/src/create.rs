//! What every resource's `validate` and `create_request` do, written once as generic
//! functions that the generated methods call.

use std::borrow::Cow;

use crate::validation::{PropertyPath, Violation, Violations};
use crate::value::{GraphValue, Mode};
use crate::{CreateRequest, GraphResource, ValidationError, ViolationKind};

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

/// `create_request` for every resource. The path template is split at its placeholders:
/// `literals` has one more entry than `names` (the placeholders' names) and `params` (their
/// values, in order).
///
/// # Errors
///
/// Every violation in the value, then every empty path parameter.
pub fn create_request<T: GraphResource + GraphValue>(
    value: &T,
    literals: &[&'static str],
    names: &[&'static str],
    params: &[&str],
) -> Result<CreateRequest<T>, ValidationError> {
    let mut out = Violations::new();
    value.__validate_at(&PropertyPath::Root, &mut out);
    for (name, param) in names.iter().zip(params) {
        if param.is_empty() {
            out.push(
                &PropertyPath::Property(&PropertyPath::Root, name),
                ViolationKind::EmptyPathParameter,
            );
        }
    }
    out.finish(T::ODATA_TYPE)?;
    let path = if params.is_empty() {
        Cow::Borrowed(T::PATH)
    } else {
        Cow::Owned(crate::path::fill(literals, params))
    };
    let mut body = Vec::with_capacity(T::SIZE_HINT);
    match value.__write_json(&mut body, Mode::Create) {
        Ok(()) => Ok(CreateRequest::new(path, body)),
        Err(error) => {
            let mut out = Violations::new();
            out.push_violation(Violation::unserializable(error.to_string()));
            Err(out.finish(T::ODATA_TYPE).unwrap_err())
        }
    }
}
