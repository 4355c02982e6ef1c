//! The kinds of request: what each sends ([`RequestKind`]) and how its answer reads
//! ([`ParseResponse`]).

use std::borrow::Cow;

use http::{HeaderMap, Method, StatusCode};

use crate::paging::{Page, PageBody};
use crate::permissions::Operation;
use crate::resource::GraphType;
use crate::{GraphError, GraphResource};

/// The kind of a [`CreateRequest`](super::CreateRequest): `POST`, answered `201 Created` with the created `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Create;
/// The kind of a [`GetRequest`](super::GetRequest): `GET`, answered `200 OK` with the `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Get;
/// The kind of a [`ListRequest`](super::ListRequest): `GET`, answered `200 OK` with a [`Page`] of `T`. Holds the
/// URLs of the pages before this one, so that a link back to any of them is refused.
#[derive(Debug, Clone, Default)]
pub struct List {
    earlier: Vec<String>,
}
impl List {
    /// Whether `url` (relative to the endpoint) is one of the pages before this one.
    pub(crate) fn visited(&self, url: &str) -> bool {
        self.earlier.iter().any(|earlier| earlier == url)
    }

    /// The kind of the page after the one at `url`.
    pub(crate) fn then(&self, url: &str) -> List {
        let mut earlier = self.earlier.clone();
        earlier.push(url.to_owned());
        List { earlier }
    }
}

/// The kind of an [`UpdateRequest`](super::UpdateRequest): `PATCH`, answered `204 No Content` (or `200 OK` with
/// the updated `T`). Holds the body's properties, so that [`clear`](super::Request::clear) can add
/// or replace one.
#[derive(Debug, Clone, Default)]
pub struct Update {
    /// Each property of the body: its JSON name and its `,"name":value` text.
    pub(super) entries: Vec<(Cow<'static, str>, Vec<u8>)>,
    /// `,"@odata.type":"#…"`, or empty.
    pub(super) odata_prefix: &'static [u8],
}
/// The kind of a [`DeleteRequest`](super::DeleteRequest): `DELETE`, answered `204 No Content`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Delete;

pub(super) mod sealed {
    pub trait Sealed {}
    /// The kinds with a body: creates and updates.
    pub trait WithBody {}
    impl WithBody for super::Create {}
    impl WithBody for super::Update {}
    /// The kinds that take `If-Match`: updates and deletes.
    pub trait Conditional {}
    impl Conditional for super::Update {}
    impl Conditional for super::Delete {}
    /// The kinds that read what they address: gets and lists.
    pub trait Reads {}
    impl Reads for super::Get {}
    impl Reads for super::List {}
    impl Sealed for super::Create {}
    impl Sealed for super::Get {}
    impl Sealed for super::List {}
    impl Sealed for super::Update {}
    impl Sealed for super::Delete {}
}

/// What a request kind sends: its HTTP method, the operation of a permissions table it
/// performs, and its name in messages.
pub trait RequestKind: sealed::Sealed + Clone {
    /// The HTTP method.
    const METHOD: Method;
    /// The operation, as a permissions table names it.
    const OPERATION: Operation;
    /// The request type's name (`CreateRequest`), for `Debug`.
    const NAME: &'static str;
}

impl RequestKind for Create {
    const METHOD: Method = Method::POST;
    const OPERATION: Operation = Operation::Create;
    const NAME: &'static str = "CreateRequest";
}
impl RequestKind for Get {
    const METHOD: Method = Method::GET;
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "GetRequest";
}
impl RequestKind for List {
    const METHOD: Method = Method::GET;
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "ListRequest";
}
impl RequestKind for Update {
    const METHOD: Method = Method::PATCH;
    const OPERATION: Operation = Operation::Update;
    const NAME: &'static str = "UpdateRequest";
}
impl RequestKind for Delete {
    const METHOD: Method = Method::DELETE;
    const OPERATION: Operation = Operation::Delete;
    const NAME: &'static str = "DeleteRequest";
}

/// How a request kind's response reads for a `T`: the status it expects and what the body
/// becomes.
pub trait ParseResponse<T>: RequestKind {
    /// What a success gives.
    type Output;

    /// Reads a response.
    ///
    /// # Errors
    ///
    /// An error status, another success status, or a body that does not read.
    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self::Output, GraphError>;
}

impl<T: GraphResource> ParseResponse<T> for Create {
    type Output = T;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        crate::response::parse(status, headers, body, T::ODATA_TYPE)
    }
}

impl<T: GraphType> ParseResponse<T> for Get {
    type Output = T;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        let name = T::__NAME;
        if status == StatusCode::OK {
            return crate::response::read_body(status, headers, body, name);
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK with the {name}"),
        ))
    }
}

impl<T: GraphType> ParseResponse<T> for List {
    type Output = Page<T>;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Page<T>, GraphError> {
        let name = T::__NAME;
        if status == StatusCode::OK {
            let what = format!("a page of {name}");
            return crate::response::read_body::<PageBody<T>>(status, headers, body, &what)
                .map(PageBody::into_page);
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK with a page of {name}"),
        ))
    }
}

impl<T: GraphType> ParseResponse<T> for Update {
    type Output = Option<T>;

    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Option<T>, GraphError> {
        let name = T::__NAME;
        match status {
            StatusCode::NO_CONTENT => Ok(None),
            StatusCode::OK => crate::response::read_body(status, headers, body, name).map(Some),
            _ => Err(crate::response::unexpected(
                status,
                headers,
                body,
                &format!("204 No Content, or 200 OK with the updated {name}"),
            )),
        }
    }
}

impl<T> ParseResponse<T> for Delete {
    type Output = ();

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<(), GraphError> {
        if status == StatusCode::NO_CONTENT {
            return Ok(());
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            "204 No Content",
        ))
    }
}

/// A `403` on a request whose resource declares what its operation needs: the error says
/// so.
pub(crate) fn forbidden<K: RequestKind, T: GraphType>(error: GraphError) -> GraphError {
    if error.status() != StatusCode::FORBIDDEN {
        return error;
    }
    let name = T::__NAME;
    match crate::permissions::forbidden_note(&T::__PERMISSIONS, K::OPERATION, name) {
        Some(note) => error.with_permissions_note(note),
        None => error,
    }
}
