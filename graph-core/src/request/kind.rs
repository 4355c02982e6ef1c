//! The kinds of request: what each sends ([`RequestKind`]) and how its answer reads
//! ([`ParseResponse`]).

use std::borrow::Cow;

use http::{HeaderMap, Method, StatusCode};

use crate::paging::{Page, PageBody};
use crate::permissions::{Needs, Operation};
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
    earlier: crate::paging::Visited,
}
impl List {
    /// Whether `url` (relative to the endpoint) is one of the pages before this one.
    pub(crate) fn visited(&self, url: &str) -> bool {
        self.earlier.contains(url)
    }

    /// The kind of the page after the one at `url`.
    pub(crate) fn then(&self, url: &str) -> List {
        List {
            earlier: self.earlier.and(url),
        }
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
    impl WithBody for super::super::action::Action {}
    impl WithBody for crate::upload::CreateSession {}
    /// The kinds that take `If-Match`: updates and deletes.
    pub trait Conditional {}
    impl Conditional for super::Update {}
    impl Conditional for super::Delete {}
    /// The kinds that read what they address: gets and lists.
    pub trait Reads {}
    impl Reads for super::Get {}
    impl Reads for super::List {}
    impl Reads for crate::delta::Delta {}
    impl Sealed for super::Create {}
    impl Sealed for super::Get {}
    impl Sealed for super::List {}
    impl Sealed for super::Update {}
    impl Sealed for super::Delete {}
    impl Sealed for super::super::reference::Ref {}
    impl Sealed for super::super::action::Action {}
    impl Sealed for super::super::content::Stream {}
    impl Sealed for crate::delta::Delta {}
    impl Sealed for crate::upload::CreateSession {}
}

/// What a request kind sends: its HTTP method, the operation of a permissions table it
/// performs, and its name in messages.
pub trait RequestKind: sealed::Sealed + Clone {
    /// The operation, as a permissions table names it.
    const OPERATION: Operation;
    /// The request type's name (`CreateRequest`), for `Debug`.
    const NAME: &'static str;
    /// The HTTP method.
    fn method(&self) -> &Method;
    /// Whether the body depends on the endpoint the request goes to (a reference's
    /// `@odata.id` is an absolute URL on it): see `endpoint_body`.
    #[doc(hidden)]
    const ENDPOINT_BODY: bool = false;
    /// The body, where it depends on the endpoint the request goes to; `None` where the
    /// request's own body stands.
    #[doc(hidden)]
    fn endpoint_body(&self, endpoint: &crate::Endpoint) -> Option<Vec<u8>> {
        let _ = endpoint;
        None
    }
    /// The type of a body that is not JSON (a content `PUT`'s bytes): sent as its
    /// `Content-Type`, and written into a batch as base64.
    #[doc(hidden)]
    fn media_type(&self) -> Option<&http::HeaderValue> {
        None
    }
    /// Whether the answer may be of any type (`Accept: */*`) rather than JSON.
    #[doc(hidden)]
    fn accepts_any(&self) -> bool {
        false
    }
    /// Whether the client follows a redirect answering a `GET` of this kind (to a
    /// pre-authenticated URL, without the token) rather than refusing it.
    #[doc(hidden)]
    const FOLLOWS_REDIRECTS: bool = false;
}

impl RequestKind for Create {
    fn method(&self) -> &Method {
        const { &Method::POST }
    }
    const OPERATION: Operation = Operation::Create;
    const NAME: &'static str = "CreateRequest";
}
impl RequestKind for Get {
    fn method(&self) -> &Method {
        const { &Method::GET }
    }
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "GetRequest";
}
impl RequestKind for List {
    fn method(&self) -> &Method {
        const { &Method::GET }
    }
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "ListRequest";
}
impl RequestKind for Update {
    fn method(&self) -> &Method {
        const { &Method::PATCH }
    }
    const OPERATION: Operation = Operation::Update;
    const NAME: &'static str = "UpdateRequest";
}
impl RequestKind for Delete {
    fn method(&self) -> &Method {
        const { &Method::DELETE }
    }
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

    /// Reads a batch step's answer, whose body is JSON in the batch's (content that is not
    /// JSON comes as a base64 string): as [`parse`](Self::parse) unless the kind says
    /// otherwise.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse).
    #[doc(hidden)]
    fn parse_batch(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Self::Output, GraphError> {
        Self::parse(status, headers, body)
    }

    /// What the request needs of a token, and how messages name it.
    #[doc(hidden)]
    fn needs(&self) -> Needs;
}

impl<T: GraphResource> ParseResponse<T> for Create {
    type Output = T;

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Self::OPERATION, T::__NAME)
    }

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        crate::response::parse(status, headers, body, T::ODATA_TYPE)
    }
}

impl<T: GraphType> ParseResponse<T> for Get {
    type Output = T;

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Self::OPERATION, T::__NAME)
    }

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

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Self::OPERATION, T::__NAME)
    }

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

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Self::OPERATION, T::__NAME)
    }

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

impl<T: GraphType> ParseResponse<T> for Delete {
    type Output = ();

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Self::OPERATION, T::__NAME)
    }

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
