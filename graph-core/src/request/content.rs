//! Content: the bytes of an item's stream (`Edm.Stream`), read with `GET` (a photo's
//! `$value`, a drive item's `/content`, a message's MIME `$value`) and replaced with `PUT`
//! (a small file's `/content`).

use std::fmt;

use http::header::{HeaderValue, CONTENT_TYPE};
use http::{HeaderMap, Method, StatusCode};

use super::build::path;
use super::kind::{ParseResponse, RequestKind};
use super::Request;
use crate::__private::validate::Violations;
use crate::permissions::{Needs, Operation, Permissions};
use crate::resource::GraphType;
use crate::validation::{ValidationError, Violation, ViolationKind};
use crate::{Binary, GraphError};

/// A request for an item's content, its bytes rather than its JSON:
///
/// | built by | sends | `parse_response` gives |
/// | --- | --- | --- |
/// | [`ContentRequest::get(template, &[..])`](Self::get) | `GET`, `Accept: */*` | [`Content`]: the bytes and their type, from a `200` |
/// | [`ContentRequest::put::<T>(template, &[..], content_type, bytes)`](Self::put) | `PUT` of the bytes with their `Content-Type` | the `T` Graph answers with (`200` or `201`), such as the drive item |
///
/// Templates and parameters follow the rules of the `_at` forms (`/me/photo/$value`,
/// `/me/photos/{size}/$value`, `/drives/{drive-id}/items/{item-id}/content`,
/// `/me/drive/root:/{path}:/content`).
///
/// Graph answers many content reads with `302 Found` to a pre-authenticated URL on another
/// host. [`GraphClient::send`](crate::client::GraphClient::send) and
/// [`GraphClient::download`](crate::client::GraphClient::download) follow it without the
/// `Authorization` header, to any `https` host; with another HTTP client, `parse_response`
/// of the `302` is an error that says to do the same. A `PUT` takes up to 250 MB (Graph's
/// limit for this way; larger files go through an upload session), and is retried as a
/// create is: only after `429` or `503`.
///
/// In a [`Batch`](crate::Batch), a `PUT`'s bytes are written as base64 with their
/// `Content-Type`, and a `GET`'s answer, which Graph writes as base64, is taken as the
/// bytes.
///
/// ```
/// use graph_core::{AccessToken, ContentRequest, Endpoint};
///
/// let photo = ContentRequest::get("/users/{id}/photos/{size}/$value", &["adele", "48x48"])?;
/// assert_eq!(photo.path(), "/users/adele/photos/48x48/$value");
///
/// # #[graph_core::graph_resource(path = "/drives/{drive-id}/items", odata = "#microsoft.graph.driveItem")]
/// # #[derive(Debug, Default)]
/// # struct DriveItem { id: Option<String>, name: Option<String> }
/// let upload = ContentRequest::put::<DriveItem>(
///     "/me/drive/root:/{path}:/content",
///     &["notes/today.txt"],
///     "text/plain",
///     b"The plan.".to_vec(),
/// )?;
/// let sent = upload.to_http(&Endpoint::v1(), &AccessToken::new("token")?);
/// assert_eq!(sent.uri(), "https://graph.microsoft.com/v1.0/me/drive/root:/notes/today.txt:/content");
/// assert_eq!(sent.headers()["content-type"], "text/plain");
/// assert_eq!(sent.body(), b"The plan.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type ContentRequest<T = Content> = Request<Stream, T>;

/// The kind of a [`ContentRequest`]: `GET` of the content, or `PUT` of bytes of a type.
#[derive(Debug, Clone)]
pub struct Stream {
    method: Method,
    /// The type of the bytes a `PUT` sends.
    content_type: Option<HeaderValue>,
    needs: Needs,
}

/// How messages name a content request.
const NAME: &str = "content";

impl ContentRequest {
    /// `GET` of the content at `template` (with `params` filling its placeholders, as the
    /// `_at` forms take them): [`Content`] from a `200 OK`.
    ///
    /// # Errors
    ///
    /// The template breaks the rules of a path, has another number of placeholders than
    /// its parameters, or a parameter is empty.
    pub fn get(template: &str, params: &[&str]) -> Result<Self, ValidationError> {
        let mut out = Violations::new();
        let at = path(template, false, params, None, &mut out);
        out.finish(NAME)?;
        Ok(Request::assemble(
            at.unwrap_or_default(),
            None,
            Stream {
                method: Method::GET,
                content_type: None,
                needs: Needs::new(&Permissions::NONE, Operation::Read, NAME),
            },
        ))
    }

    /// `PUT` of `bytes`, of type `content_type` (`text/plain`, `application/pdf`), to the
    /// content at `template`: the `T` Graph answers with from a `200 OK` (replaced) or
    /// `201 Created` (a new file), such as the drive item. What the token needs is `T`'s
    /// `update` permissions, where `T` declares them.
    ///
    /// # Errors
    ///
    /// As [`get`](Self::get), and a `content_type` that is not `type/subtype` (with
    /// parameters after `;` where it has them) or cannot be a header value.
    pub fn put<T: GraphType>(
        template: &str,
        params: &[&str],
        content_type: &str,
        bytes: Vec<u8>,
    ) -> Result<ContentRequest<T>, ValidationError> {
        let mut out = Violations::new();
        let at = path(template, false, params, None, &mut out);
        let content_type = media_type(content_type, &mut out);
        out.finish(NAME)?;
        Ok(Request::assemble(
            at.unwrap_or_default(),
            Some(bytes),
            Stream {
                method: Method::PUT,
                content_type,
                needs: Needs::new(&T::__PERMISSIONS, Operation::Update, T::__NAME),
            },
        ))
    }
}

impl<T> ContentRequest<T> {
    /// The bytes a `PUT` sends (empty for a `GET`).
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        self.body_bytes().unwrap_or_default()
    }

    /// The type of the bytes a `PUT` sends.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.kind()
            .content_type
            .as_ref()
            .and_then(|value| value.to_str().ok())
    }
}

/// `content_type` as a header value, where it is `type/subtype` with optional parameters.
fn media_type(content_type: &str, out: &mut Violations) -> Option<HeaderValue> {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let token = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
    };
    let well_formed = essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| token(kind) && token(subtype));
    match HeaderValue::from_str(content_type) {
        Ok(value) if well_formed => Some(value),
        _ => {
            out.push_violation(Violation::with_detail(
                String::new(),
                ViolationKind::InvalidContentType,
                format!(
                    "content type `{}` is not a media type such as `text/plain` or `application/pdf`",
                    content_type.escape_debug()
                ),
            ));
            None
        }
    }
}

impl RequestKind for Stream {
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "ContentRequest";
    #[doc(hidden)]
    const FOLLOWS_REDIRECTS: bool = true;

    fn method(&self) -> &Method {
        &self.method
    }

    fn media_type(&self) -> Option<&HeaderValue> {
        self.content_type.as_ref()
    }

    fn accepts_any(&self) -> bool {
        self.method == Method::GET
    }
}

/// An item's content, as a [`ContentRequest`]'s `GET` reads it: the bytes, and their type
/// where Graph says it (`Content-Type`). `Debug` shows the type and the length, not the
/// bytes.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Content {
    content_type: Option<String>,
    bytes: Vec<u8>,
}

impl Content {
    pub(crate) fn new(content_type: Option<String>, bytes: Vec<u8>) -> Self {
        Self {
            content_type,
            bytes,
        }
    }

    /// The type of the bytes (`image/jpeg`), as the answer's `Content-Type` says it.
    #[must_use]
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The bytes.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The bytes, giving up the rest.
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// How many bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl fmt::Debug for Content {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Content")
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// The answer's `Content-Type`, where it is text.
pub(crate) fn content_type_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

impl ParseResponse<Content> for Stream {
    type Output = Content;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Content, GraphError> {
        if status == StatusCode::OK {
            return Ok(Content::new(content_type_of(headers), body.to_vec()));
        }
        Err(not_content(status, headers, body))
    }

    /// In a batch, Graph writes content that is not JSON as a base64 string.
    fn parse_batch(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Content, GraphError> {
        if status != StatusCode::OK {
            return Err(not_content(status, headers, body));
        }
        let content_type = content_type_of(headers);
        // JSON content (a `.json` file) is written in the batch as the JSON it is, even
        // where that is a string; other content as a base64 string.
        let json = content_type.as_deref().is_some_and(|media| {
            let essence = media.split(';').next().unwrap_or_default().trim();
            essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
        });
        let bytes = match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(serde_json::Value::String(text)) if !json => Binary::from_base64(&text)
                .map_err(|error| {
                    crate::response::invalid_body(
                        status,
                        headers,
                        format!("the step's content is not base64: {}", error.reason()),
                    )
                })?
                .into_vec(),
            // JSON content (or none) is written as itself.
            _ => body.to_vec(),
        };
        Ok(Content::new(content_type, bytes))
    }

    fn needs(&self) -> Needs {
        self.needs
    }
}

/// Any answer to a content `GET` but a `200`.
fn not_content(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> GraphError {
    if status.is_redirection() && headers.contains_key(http::header::LOCATION) {
        return crate::response::redirected(
            status,
            headers,
            "the content is at the pre-authenticated URL in `Location`: get it without the \
             `Authorization` header, as `GraphClient::send` and `download` do"
                .to_owned(),
        );
    }
    crate::response::unexpected(status, headers, body, "200 OK with the content")
}

impl<T: GraphType> ParseResponse<T> for Stream {
    type Output = T;

    fn parse(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<T, GraphError> {
        let name = T::__NAME;
        if status == StatusCode::OK || status == StatusCode::CREATED {
            return crate::response::read_body(status, headers, body, name);
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            &format!("200 OK or 201 Created with the {name}"),
        ))
    }

    fn needs(&self) -> Needs {
        self.needs
    }
}
