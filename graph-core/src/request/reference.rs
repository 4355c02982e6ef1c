//! References (`$ref`): adding an object to a relationship (a group's members, owners) or
//! setting a single-valued one (a user's manager), and removing or clearing them.

use http::{HeaderMap, Method, StatusCode};

use super::build::path;
use super::kind::{ParseResponse, RequestKind};
use super::Request;
use crate::__private::validate::Violations;
use crate::permissions::{Needs, Operation, Permissions};
use crate::validation::{ValidationError, Violation, ViolationKind};
use crate::{Endpoint, GraphError};

/// A request on a relationship's references (`$ref`), answered `204 No Content`:
///
/// | built by | sends |
/// | --- | --- |
/// | [`RefRequest::add(collection, &[..], target, &[..])`](Self::add) | `POST {collection}/$ref` with `{"@odata.id": "<base URL>{target}"}` |
/// | [`RefRequest::remove(collection, &[..], id)`](Self::remove) | `DELETE {collection}/{id}/$ref` |
/// | [`RefRequest::set(single, &[..], target, &[..])`](Self::set) | `PUT {single}/$ref` with `{"@odata.id": "<base URL>{target}"}` |
/// | [`RefRequest::clear(single, &[..])`](Self::clear) | `DELETE {single}/$ref` |
///
/// Templates and parameters follow the rules of the `_at` forms. The `@odata.id` is written
/// when the request is made an `http` request, absolute on the endpoint it is sent to, so
/// it names the same cloud and version (`https://graph.microsoft.com/v1.0/directoryObjects/…`,
/// a national cloud, a test server). A reference request is a request kind like the others:
/// headers, preferences, `check_token` (nothing declared), a batch step, `GraphClient::send`;
/// its `parse_response` gives `()` for any `2xx`.
///
/// ```
/// use graph_core::{AccessToken, Endpoint, RefRequest};
///
/// let add = RefRequest::add("/groups/{group-id}/members", &["0b1f"], "/directoryObjects/{id}", &["87d3"])?;
/// assert_eq!(add.method(), "POST");
/// assert_eq!(add.path(), "/groups/0b1f/members/$ref");
/// let sent = add.to_http(&Endpoint::beta(), &AccessToken::new("token")?);
/// assert_eq!(
///     sent.body(),
///     br#"{"@odata.id":"https://graph.microsoft.com/beta/directoryObjects/87d3"}"#
/// );
/// let remove = RefRequest::remove("/groups/{group-id}/members", &["0b1f"], "87d3")?;
/// assert_eq!((remove.method().as_str(), remove.path()), ("DELETE", "/groups/0b1f/members/87d3/$ref"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type RefRequest = Request<Ref, ()>;

/// The kind of a [`RefRequest`]: its method, and the path of the object it references
/// (for an add or a set), made absolute on the endpoint when the request is sent.
#[derive(Debug, Clone)]
pub struct Ref {
    method: Method,
    target: Option<String>,
}

/// How messages name a reference request.
const NAME: &str = "reference";

impl RefRequest {
    /// `POST {collection}/$ref`: adds the object at `target` to the relationship
    /// `collection` names (`/groups/{group-id}/members`, `/groups/{group-id}/owners`).
    ///
    /// # Errors
    ///
    /// Either template breaks the rules of a path, has another number of placeholders than
    /// its parameters, or a parameter is empty.
    pub fn add(
        collection: &str,
        params: &[&str],
        target: &str,
        target_params: &[&str],
    ) -> Result<Self, ValidationError> {
        with_target(Method::POST, collection, params, target, target_params)
    }

    /// `DELETE {collection}/{id}/$ref`: removes the object `id` from the relationship
    /// `collection` names.
    ///
    /// # Errors
    ///
    /// As [`add`](Self::add), and an empty `id`.
    pub fn remove(collection: &str, params: &[&str], id: &str) -> Result<Self, ValidationError> {
        let mut out = Violations::new();
        let at = relationship(collection, params, Some(id), &mut out);
        out.finish(NAME)?;
        Ok(reference(Method::DELETE, at.unwrap_or_default(), None))
    }

    /// `PUT {single}/$ref`: sets the single-valued relationship `single` names
    /// (`/users/{id}/manager`) to the object at `target`.
    ///
    /// # Errors
    ///
    /// As [`add`](Self::add).
    pub fn set(
        single: &str,
        params: &[&str],
        target: &str,
        target_params: &[&str],
    ) -> Result<Self, ValidationError> {
        with_target(Method::PUT, single, params, target, target_params)
    }

    /// `DELETE {single}/$ref`: clears the single-valued relationship `single` names.
    ///
    /// # Errors
    ///
    /// As [`add`](Self::add).
    pub fn clear(single: &str, params: &[&str]) -> Result<Self, ValidationError> {
        let mut out = Violations::new();
        let at = relationship(single, params, None, &mut out);
        out.finish(NAME)?;
        Ok(reference(Method::DELETE, at.unwrap_or_default(), None))
    }
}

fn with_target(
    method: Method,
    relationship: &str,
    params: &[&str],
    target: &str,
    target_params: &[&str],
) -> Result<RefRequest, ValidationError> {
    let mut out = Violations::new();
    let at = self::relationship(relationship, params, None, &mut out);
    let target = path(target, false, target_params, None, &mut out);
    out.finish(NAME)?;
    Ok(reference(method, at.unwrap_or_default(), target))
}

/// The relationship's path, `/$ref` not yet added: a template written with it (copied
/// from a page's request line) is refused rather than sent as `/$ref/$ref`.
fn relationship(
    template: &str,
    params: &[&str],
    item: Option<&str>,
    out: &mut Violations,
) -> Option<String> {
    if let Some(bare) = template.strip_suffix("/$ref") {
        out.push_violation(Violation::with_detail(
            String::new(),
            ViolationKind::InvalidPathTemplate,
            format!("`{template}` ends with `/$ref`, which the request adds; write `{bare}`"),
        ));
        return None;
    }
    path(template, false, params, item, out)
}

fn reference(method: Method, at: String, target: Option<String>) -> RefRequest {
    let mut path = at;
    path.push_str("/$ref");
    Request::assemble(path, None, Ref { method, target })
}

impl RequestKind for Ref {
    const OPERATION: Operation = Operation::Update;
    const NAME: &'static str = "RefRequest";
    const ENDPOINT_BODY: bool = true;

    fn method(&self) -> &Method {
        &self.method
    }

    fn endpoint_body(&self, endpoint: &Endpoint) -> Option<Vec<u8>> {
        let target = self.target.as_ref()?;
        let id = format!("{}{target}", endpoint.base_url());
        let mut body = br#"{"@odata.id":"#.to_vec();
        // A `String` always writes.
        let _ = serde_json::to_writer(&mut body, &id);
        body.push(b'}');
        Some(body)
    }
}

impl ParseResponse<()> for Ref {
    type Output = ();

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), GraphError> {
        if status.is_success() {
            return Ok(());
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            "204 No Content",
        ))
    }

    fn needs(&self) -> Needs {
        Needs::new(&Permissions::NONE, Operation::Update, NAME)
    }
}
