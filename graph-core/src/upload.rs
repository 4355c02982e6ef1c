//! Large uploads: Graph's resumable upload sessions (OneDrive and SharePoint files over
//! 4 MB, Outlook attachments over 3 MB).
//!
//! An [`UploadSessionRequest`] (`POST …/createUploadSession`) is answered with an
//! [`UploadSession`]: a pre-authenticated upload URL, its expiry, and the byte ranges Graph
//! still expects. The content then goes to the upload URL in slices, each a `PUT` with
//! `Content-Range: bytes {first}-{last}/{length}` and **no** `Authorization` header (the
//! URL carries its own authorization: a token never goes there). The session is serde, so
//! an application can store it and resume in another process.
//!
//! This module holds what needs no network: the session request and its answer, the ranges
//! Graph names ([`ByteRange`], read in the `"{first}-{last}"`, `"{first}-"` and `"{first}"`
//! forms alike), the slices that cover them ([`slices`]) and each slice's `Content-Range`.
//!
//! ```
//! use graph_core::serde_json::json;
//! use graph_core::upload::{slices, ByteRange, UploadSession, UploadSessionRequest};
//!
//! let request = UploadSessionRequest::new(
//!     "/me/drive/root:/{path}:/createUploadSession",
//!     &["reports/q1.xlsx"],
//!     json!({"item": {"@microsoft.graph.conflictBehavior": "rename"}}),
//! )?;
//! assert_eq!(request.path(), "/me/drive/root:/reports/q1.xlsx:/createUploadSession");
//!
//! let session: UploadSession = graph_core::serde_json::from_str(r#"{
//!     "uploadUrl": "https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337",
//!     "expirationDateTime": "2015-01-29T09:21:55.523Z",
//!     "nextExpectedRanges": ["26-"]
//! }"#)?;
//! let expected = session.expected_ranges()?;
//! assert_eq!(expected, [ByteRange::from(26)]);
//! // 100 bytes in slices of 40: what Graph still expects, each slice at most 40 bytes.
//! let plan: Vec<_> = slices(100, 40, &expected).collect();
//! assert_eq!(plan.iter().map(|s| s.content_range()).collect::<Vec<_>>(),
//!            ["bytes 26-65/100", "bytes 66-99/100"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use http::{HeaderMap, Method, StatusCode};

use crate::permissions::{Needs, Operation, Permissions};
use crate::request::{ParseResponse, Request, RequestKind};
use crate::validation::{Violation, ViolationKind};
use crate::{DateTimeOffset, GraphError, ValidationError};

/// The request that creates an upload session: `POST` of a `createUploadSession` path
/// with the body Graph's page gives for it, answered `200 OK` with an [`UploadSession`].
/// A request kind like the others: headers, preferences, `to_http`, `parse_response`,
/// `check_token` (nothing declared: the service decides).
pub type UploadSessionRequest = Request<CreateSession, UploadSession>;

/// The kind of an [`UploadSessionRequest`].
#[derive(Debug, Clone, Copy, Default)]
pub struct CreateSession;

/// How messages name an upload session request.
const NAME: &str = "upload session";

impl UploadSessionRequest {
    /// `POST` to the `createUploadSession` path `template` names (with `params` filling its
    /// placeholders, as the `_at` forms take them), with `body` as JSON:
    /// `{"item": {"@microsoft.graph.conflictBehavior": "rename"}}` for a drive item,
    /// `{"AttachmentItem": {"attachmentType": "file", "name": …, "size": …}}` for an
    /// attachment.
    ///
    /// # Errors
    ///
    /// The template breaks the rules of a path, has another number of placeholders than its
    /// parameters, a parameter is empty, or it does not end in `/createUploadSession`.
    pub fn new(
        template: &str,
        params: &[&str],
        body: serde_json::Value,
    ) -> Result<Self, ValidationError> {
        let mut out = crate::__private::validate::Violations::new();
        if !template.ends_with("/createUploadSession") {
            out.push_violation(Violation::with_detail(
                String::new(),
                ViolationKind::InvalidPathTemplate,
                format!(
                    "`{template}` does not end in `/createUploadSession`, the action that starts an upload session"
                ),
            ));
        }
        let path = crate::request::build::path(template, false, params, None, &mut out);
        out.finish(NAME)?;
        // A `Value` always writes.
        let body = serde_json::to_vec(&body).unwrap_or_default();
        Ok(Request::assemble(
            path.unwrap_or_default(),
            Some(body),
            CreateSession,
        ))
    }
}

impl RequestKind for CreateSession {
    const OPERATION: Operation = Operation::Action;
    const NAME: &'static str = "UploadSessionRequest";

    fn method(&self) -> &Method {
        const { &Method::POST }
    }
}

impl ParseResponse<UploadSession> for CreateSession {
    type Output = UploadSession;

    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<UploadSession, GraphError> {
        if status == StatusCode::OK || status == StatusCode::CREATED {
            return crate::response::read_body(status, headers, body, "an upload session");
        }
        Err(crate::response::unexpected(
            status,
            headers,
            body,
            "200 OK with an upload session",
        ))
    }

    fn needs(&self) -> Needs {
        Needs::new(&Permissions::NONE, Operation::Action, NAME)
    }
}

/// An upload session, as Graph answers `createUploadSession` and a status `GET` of its
/// upload URL: serde in Graph's own names (`uploadUrl`, `expirationDateTime`,
/// `nextExpectedRanges`), so it can be stored to resume in another process. Its `Debug`
/// leaves out the upload URL's query, which authorizes whoever holds it.
#[derive(Clone, PartialEq, Eq)]
pub struct UploadSession {
    upload_url: Option<String>,
    expiration: Option<DateTimeOffset>,
    next_expected_ranges: Vec<String>,
}

impl UploadSession {
    /// The pre-authenticated URL the slices go to (absent from a status answer).
    #[must_use]
    pub fn upload_url(&self) -> Option<&str> {
        self.upload_url.as_deref()
    }

    /// When the session expires, where Graph says.
    #[must_use]
    pub fn expiration(&self) -> Option<&DateTimeOffset> {
        self.expiration.as_ref()
    }

    /// The ranges Graph still expects, as it wrote them.
    #[must_use]
    pub fn next_expected_ranges(&self) -> &[String] {
        &self.next_expected_ranges
    }

    /// The ranges Graph still expects, read.
    ///
    /// # Errors
    ///
    /// A range that is none of `"{first}-{last}"`, `"{first}-"`, `"{first}"`.
    pub fn expected_ranges(&self) -> Result<Vec<ByteRange>, RangeError> {
        self.next_expected_ranges
            .iter()
            .map(|range| range.parse())
            .collect()
    }

    /// This session with the ranges a status answer names (the upload URL and expiry kept
    /// where the answer has none).
    #[must_use]
    pub fn updated(&self, status: UploadSession) -> UploadSession {
        UploadSession {
            upload_url: status.upload_url.or_else(|| self.upload_url.clone()),
            expiration: status.expiration.or(self.expiration),
            next_expected_ranges: status.next_expected_ranges,
        }
    }
}

impl fmt::Debug for UploadSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self
            .upload_url
            .as_deref()
            .map(|url| url.split(['?', '#']).next().unwrap_or_default());
        f.debug_struct("UploadSession")
            .field("upload_url", &url)
            .field("expiration", &self.expiration)
            .field("next_expected_ranges", &self.next_expected_ranges)
            .finish()
    }
}

impl serde::Serialize for UploadSession {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        if let Some(url) = &self.upload_url {
            map.serialize_entry("uploadUrl", url)?;
        }
        if let Some(expiration) = &self.expiration {
            map.serialize_entry("expirationDateTime", expiration)?;
        }
        map.serialize_entry("nextExpectedRanges", &self.next_expected_ranges)?;
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for UploadSession {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, Visitor};

        struct SessionVisitor;

        impl<'de> Visitor<'de> for SessionVisitor {
            type Value = UploadSession;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an upload session, an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UploadSession, A::Error> {
                let mut session = UploadSession {
                    upload_url: None,
                    expiration: None,
                    next_expected_ranges: Vec::new(),
                };
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "uploadUrl" => session.upload_url = map.next_value()?,
                        "expirationDateTime" => session.expiration = map.next_value()?,
                        "nextExpectedRanges" => {
                            session.next_expected_ranges =
                                map.next_value::<Option<Vec<String>>>()?.unwrap_or_default();
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(session)
            }
        }

        deserializer.deserialize_map(SessionVisitor)
    }
}

/// A byte range Graph expects: from `first`, to `last` inclusive or to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ByteRange {
    /// The first byte's offset.
    pub first: u64,
    /// The last byte's offset, inclusive; `None` to the end.
    pub last: Option<u64>,
}

impl From<u64> for ByteRange {
    /// From `first` to the end.
    fn from(first: u64) -> Self {
        Self { first, last: None }
    }
}

impl std::str::FromStr for ByteRange {
    type Err = RangeError;

    /// `"{first}-{last}"`, `"{first}-"`, or `"{first}"` (which Outlook writes for "from
    /// here to the end").
    fn from_str(text: &str) -> Result<Self, RangeError> {
        let fail = || RangeError(text.chars().take(60).collect());
        let number = |part: &str| {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse::<u64>().ok()
        };
        let text_trimmed = text.trim();
        let (first, last) = match text_trimmed.split_once('-') {
            Some((first, "")) => (number(first).ok_or_else(fail)?, None),
            Some((first, last)) => (
                number(first).ok_or_else(fail)?,
                Some(number(last).ok_or_else(fail)?),
            ),
            None => (number(text_trimmed).ok_or_else(fail)?, None),
        };
        if last.is_some_and(|last| last < first) {
            return Err(fail());
        }
        Ok(Self { first, last })
    }
}

/// A range in a session's `nextExpectedRanges` that is none of Graph's forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangeError(String);

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the expected range `{}` is none of `first-last`, `first-` and `first`",
            self.0
        )
    }
}

impl std::error::Error for RangeError {}

/// One slice of an upload: bytes `first` to `last` inclusive of `length`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    /// The first byte's offset.
    pub first: u64,
    /// The last byte's offset, inclusive.
    pub last: u64,
    /// The whole content's length.
    pub length: u64,
}

impl Slice {
    /// How many bytes the slice holds (`Content-Length`).
    #[must_use]
    pub fn len(&self) -> u64 {
        self.last - self.first + 1
    }

    /// Never: a slice holds at least one byte.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// `bytes {first}-{last}/{length}`, its `Content-Range`.
    #[must_use]
    pub fn content_range(&self) -> String {
        format!("bytes {}-{}/{}", self.first, self.last, self.length)
    }
}

/// The slices, at most `slice` bytes each (at least one), that cover what `expected` names
/// of content of `length` bytes, in order: each expected range cut at the content's end
/// and into slices. Ranges past the end, and bytes two ranges both name, are covered once.
pub fn slices(length: u64, slice: u64, expected: &[ByteRange]) -> impl Iterator<Item = Slice> + '_ {
    let slice = slice.max(1);
    let mut ranges: Vec<(u64, u64)> = expected
        .iter()
        .filter(|range| range.first < length)
        .map(|range| {
            let last = range.last.map_or(length - 1, |last| last.min(length - 1));
            (range.first, last)
        })
        .collect();
    ranges.sort_unstable();
    // Overlapping or touching ranges, merged, so no byte is sent twice.
    let mut merged: Vec<(u64, u64)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges {
        match merged.last_mut() {
            Some(previous) if first <= previous.1.saturating_add(1) => {
                previous.1 = previous.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    merged.into_iter().flat_map(move |(first, last)| {
        let count = (last - first) / slice + 1;
        (0..count).map(move |index| {
            let start = first + index * slice;
            Slice {
                first: start,
                last: start.saturating_add(slice - 1).min(last),
                length,
            }
        })
    })
}

/// The unit every upload slice is a multiple of: 320 KiB, as Graph requires.
pub const SLICE_UNIT: u64 = 320 * 1024;

/// The largest slice Graph takes: under 60 MiB.
pub const MAX_SLICE: u64 = 60 * 1024 * 1024;

/// The default slice: 10 MiB (32 × 320 KiB).
pub const DEFAULT_SLICE: u64 = 32 * SLICE_UNIT;

/// `bytes` as an upload slice size: a multiple of 320 KiB below 60 MiB.
///
/// # Errors
///
/// Any other size, with the reason.
pub fn slice_size(bytes: u64) -> Result<u64, SliceSizeError> {
    if bytes == 0 || !bytes.is_multiple_of(SLICE_UNIT) || bytes >= MAX_SLICE {
        return Err(SliceSizeError(bytes));
    }
    Ok(bytes)
}

/// A slice size Graph does not take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceSizeError(u64);

impl fmt::Display for SliceSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an upload slice of {} bytes is not a multiple of 320 KiB (327,680 bytes) below 60 MiB, as Graph requires; {} bytes ({} × 320 KiB) would do",
            self.0,
            (self.0 / SLICE_UNIT).clamp(1, MAX_SLICE / SLICE_UNIT - 1) * SLICE_UNIT,
            (self.0 / SLICE_UNIT).clamp(1, MAX_SLICE / SLICE_UNIT - 1)
        )
    }
}

impl std::error::Error for SliceSizeError {}
