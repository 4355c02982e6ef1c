//! Delta queries: the changes to a collection since the last time it was read.
//!
//! The first round (`T::delta_request(...)`, `GET /users/delta`) enumerates everything; its
//! last page carries a [`DeltaLink`], which the application stores (it is serde as a
//! string) and resumes from next time with [`DeltaRequest::resume`], to read only what
//! changed since. Each page is a [`DeltaPage`] of [`Change`]s: an item created or changed
//! (only its changed properties may be present, so a delta type's fields are `Option`s), or
//! one removed ([`Removed`], with Graph's reason).
//!
//! An `Option` field reads a property that is absent and one Graph cleared (`"mail": null`,
//! which a round sends where a property was emptied) alike, as `None`. Where that
//! difference matters to a copy, leave the property undeclared: a type's
//! `#[graph(additional_data)]` keeps it, explicit `null` included, and `select` takes
//! names such a type does not declare (the `sync_users` example does this).
//!
//! Graph forgets a delta link after a while (7 days for directory objects) or when it loses
//! its state: it then answers `410 Gone` (or an error code such as `resyncRequired`), which
//! reads as a [`GraphError`] of kind [`ResyncRequired`](crate::GraphErrorKind::ResyncRequired).
//! The application must then reconcile: [`DeltaRequest::restart`] gives the request that
//! enumerates everything again; nothing restarts on its own.
//!
//! ```
//! use graph_core::{graph_resource, Change, DeltaLink, DeltaRequest, Endpoint};
//! # fn answer(body: &str) -> graph_core::http::Response<Vec<u8>> {
//! #     graph_core::http::Response::new(body.as_bytes().to_vec())
//! # }
//!
//! #[graph_resource(path = "/users", odata = "#microsoft.graph.user")]
//! #[derive(Debug)]
//! struct User {
//!     id: Option<String>,
//!     display_name: Option<String>,
//! }
//!
//! let first = User::delta_request()?.select(&["displayName"])?;
//! assert_eq!(first.path(), "/users/delta?$select=displayName");
//! let page = first.parse_response(answer(r#"{
//!     "value": [
//!         {"id": "87d3", "displayName": "Adele"},
//!         {"id": "0b1f", "@removed": {"reason": "deleted"}}
//!     ],
//!     "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=oEcOyS"
//! }"#))?;
//! for change in page.changes() {
//!     match change {
//!         Change::Updated(user) => println!("{:?} changed", user.display_name),
//!         Change::Removed(removed) => println!("{} removed ({:?})", removed.id(), removed.reason()),
//!     }
//! }
//! // Stored between runs as a string, and resumed from next time.
//! let link: DeltaLink = page.delta_link().unwrap();
//! let next_time = DeltaRequest::<User>::resume(&link, &Endpoint::v1())?;
//! assert_eq!(next_time.path(), "/users/delta?$deltatoken=oEcOyS");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use http::{HeaderMap, Method, StatusCode};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::paging::NextPageReason;
use crate::permissions::{Needs, Operation};
use crate::request::{ParseResponse, Request, RequestKind};
use crate::resource::GraphType;
use crate::{Endpoint, GraphError};

/// A delta query: `GET` of a collection's `delta` function, or of a [`DeltaLink`] stored
/// from an earlier one. Built by the generated `delta_request(...)`,
/// [`GraphType::delta_request_at`],
/// [`resume`](Self::resume) and [`restart`](Self::restart); its answer reads as a
/// [`DeltaPage`]. Query options: `select`, `expand`, [`filter`](Self::filter),
/// [`page_size`](Self::page_size), [`latest`](Self::latest); headers and preferences as on
/// any request. The token is checked against the type's `read` permissions.
pub type DeltaRequest<T> = Request<Delta, T>;

/// The kind of a [`DeltaRequest`]: `GET`, and the pages of the round read before this one
/// (so a link back to one is refused, and [`DeltaRequest::restart`] knows where the round
/// began).
#[derive(Debug, Clone, Default)]
pub struct Delta {
    /// The round's first request, where this is a later page.
    first: Option<std::sync::Arc<str>>,
    /// The round's earlier pages.
    earlier: crate::paging::Visited,
}

impl Delta {
    pub(crate) fn starting() -> Self {
        Self::default()
    }
}

impl RequestKind for Delta {
    const OPERATION: Operation = Operation::Read;
    const NAME: &'static str = "DeltaRequest";

    fn method(&self) -> &Method {
        const { &Method::GET }
    }
}

impl<T: GraphType> ParseResponse<T> for Delta {
    type Output = DeltaPage<T>;

    fn parse(
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<DeltaPage<T>, GraphError> {
        if status != StatusCode::OK {
            let error = crate::response::unexpected(
                status,
                headers,
                body,
                &format!("200 OK with a page of changes to {}", T::__NAME),
            );
            return Err(error.resync_where_due(headers));
        }
        read_page(status, headers, body, T::__NAME)
    }

    fn needs(&self) -> Needs {
        Needs::new(&T::__PERMISSIONS, Operation::Read, T::__NAME)
    }
}

impl<T> Request<Delta, T> {
    /// `$filter`: an OData filter expression, as the collection's delta function takes
    /// one (Graph allows few: `id eq '…'` for users and groups).
    #[must_use]
    pub fn filter(mut self, expression: &str) -> Self {
        self.set_query("$filter", expression);
        self
    }

    /// `$top`: at most this many changes a page, where the collection takes it (messages,
    /// drive items); see also [`page_size`](Self::page_size).
    #[must_use]
    pub fn top(mut self, count: u32) -> Self {
        self.set_query("$top", &count.to_string());
        self
    }

    /// `Prefer: odata.maxpagesize=N`: at most this many changes a page.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.add_preference(&format!("odata.maxpagesize={size}"));
        self
    }

    /// No changes, only a delta link, to track changes from now on: `$deltatoken=latest`,
    /// or `token=latest` on a drive's delta (a path ending in `/root/delta`), as OneDrive
    /// asks.
    #[must_use]
    pub fn latest(mut self) -> Self {
        // A resumed or restarted request's own token gives way to `latest`.
        self.rebase(without_tokens);
        let path = self.path().split('?').next().unwrap_or_default();
        let drive = ["/drive/", "/drives/", "/lists/"]
            .iter()
            .any(|part| path.contains(part))
            || path.starts_with("/drive");
        self.set_query(if drive { "token" } else { "$deltatoken" }, "latest");
        self
    }

    /// The request that resumes from `link` (stored from an earlier round's last page): a
    /// plain `GET` of it, which must lie under `endpoint` as a next link must (same scheme,
    /// host and port, a path under the base path with its `.` and `..` segments resolved).
    /// Add the headers and preferences you want to it, as to any request: a link carries
    /// the round's query options (`$select`, inside Graph's token), not its headers or
    /// preferences (`page_size`, `ConsistencyLevel`, `Prefer`s of your own).
    ///
    /// # Errors
    ///
    /// The link is blank, is not a URL path, or does not lie under `endpoint`.
    pub fn resume(link: &DeltaLink, endpoint: &Endpoint) -> Result<Self, DeltaLinkError>
    where
        T: GraphType,
    {
        let rest = endpoint
            .follow(link.as_str())
            .map_err(|reason| DeltaLinkError {
                link: link.as_str().chars().take(300).collect(),
                reason,
            })?;
        Ok(crate::request::build::asks_for_late_members(
            Request::assemble(rest, None, Delta::default()),
        ))
    }

    /// The request that enumerates everything again after `error` said Graph no longer
    /// follows this one's changes ([`ResyncRequired`](crate::GraphErrorKind::ResyncRequired)):
    /// the `Location` Graph gave with it where that lies under `endpoint`; else the request
    /// this round began with, less its `$deltatoken`, `$skiptoken` or `token` (OneDrive's
    /// `delta(token='…')` too). It carries this request's headers and preferences.
    ///
    /// Graph's delta links carry the round's `$select` and `$filter` inside their token,
    /// not as query options: a round resumed from a link and restarted without a `Location`
    /// starts over from the bare collection. Add the query options again
    /// (`.select(...)`), or start over from your own first request. The application reconciles what it
    /// holds with what the new round gives (the OneDrive codes
    /// `resyncChangesApplyDifferences` and `resyncChangesUploadDifferences`, kept in the
    /// error's `code()`, say how).
    ///
    /// # Errors
    ///
    /// `error` does not ask for a resync: the round can go on, or the error is another
    /// problem, which starting over would only hide.
    pub fn restart(&self, error: &GraphError, endpoint: &Endpoint) -> Result<Self, NotAResync> {
        if error.kind() != crate::GraphErrorKind::ResyncRequired {
            return Err(NotAResync {
                status: error.status(),
                code: error.code().map(str::to_owned),
            });
        }
        let from_location = error
            .location()
            .and_then(|location| endpoint.follow(location).ok());
        let began = self.kind().first.as_deref().unwrap_or(self.path());
        let target = from_location.unwrap_or_else(|| without_tokens(began));
        Ok(self.to_next(target, Delta::default()))
    }

    /// The request for the page after `page`: `Ok(None)` after the last one (which carries
    /// the delta link). As [`ListRequest::next_page`](crate::ListRequest::next_page): the
    /// link must lie under `endpoint`, and one back to this page or an earlier one is
    /// refused.
    ///
    /// # Errors
    ///
    /// As [`ListRequest::next_page`](crate::ListRequest::next_page).
    pub fn next_page(
        &self,
        page: &DeltaPage<T>,
        endpoint: &Endpoint,
    ) -> Result<Option<Self>, crate::paging::NextPageError> {
        let Some(link) = page.next_link() else {
            return Ok(None);
        };
        let earlier = &self.kind().earlier;
        let rest =
            crate::paging::next_target(link, endpoint, self.path(), |url| earlier.contains(url))?;
        let first = self
            .kind()
            .first
            .clone()
            .unwrap_or_else(|| std::sync::Arc::from(self.path()));
        let kind = Delta {
            first: Some(first),
            earlier: earlier.and(self.path()),
        };
        Ok(Some(self.to_next(rest, kind)))
    }
}

/// `path` without what carries a delta round's state: the query parameters `$deltatoken`,
/// `$skiptoken` and `token`, and OneDrive's forms `delta(token='…')` and `?(token='…')`.
fn without_tokens(path: &str) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    // `…/delta(token='…')` → `…/delta`.
    let base = match base.rfind("/delta(") {
        Some(at) if base.ends_with(')') => &base[..at + "/delta".len()],
        _ => base,
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
            !pair.is_empty()
                && !pair.starts_with("(token")
                && ![
                    "$deltatoken",
                    "$skiptoken",
                    "token",
                    "%24deltatoken",
                    "%24skiptoken",
                ]
                .iter()
                .any(|token| name.eq_ignore_ascii_case(token))
        })
        .collect();
    if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// What [`DeltaRequest::restart`] says of an error that does not ask for a resync.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAResync {
    status: StatusCode,
    code: Option<String>,
}

impl fmt::Display for NotAResync {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(
                f,
                "the error ({}, {code}) does not ask for a resync, so the round is not started over",
                self.status
            ),
            None => write!(
                f,
                "the error ({}) does not ask for a resync, so the round is not started over",
                self.status
            ),
        }
    }
}

impl std::error::Error for NotAResync {}

/// A [`DeltaLink`] [`DeltaRequest::resume`] will not follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeltaLinkError {
    link: String,
    reason: NextPageReason,
}

impl DeltaLinkError {
    /// Why the link was refused.
    #[must_use]
    pub fn reason(&self) -> NextPageReason {
        self.reason
    }
}

impl fmt::Display for DeltaLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A link resumed from is never repeated: the reasons are those of any link.
        let why = self.reason.why();
        write!(f, "the delta link `{}` is not followed: {why}", self.link)
    }
}

impl std::error::Error for DeltaLinkError {}

/// Where a delta query resumes: the `@odata.deltaLink` of a round's last page. Store it
/// between runs (serde as a string, or [`as_str`](Self::as_str) and
/// [`DeltaLink::new`]) and give it to [`DeltaRequest::resume`].
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct DeltaLink(String);

impl DeltaLink {
    /// A link stored earlier.
    #[must_use]
    pub fn new(link: impl Into<String>) -> Self {
        Self(link.into())
    }

    /// The link, as Graph wrote it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DeltaLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DeltaLink").field(&self.0).finish()
    }
}

impl serde::Serialize for DeltaLink {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for DeltaLink {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(DeltaLink)
    }
}

/// One change a delta query reports, in Graph's order.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<T> {
    /// An item created or changed since the last round: only its changed properties may be
    /// present (and its `id`).
    Updated(T),
    /// An item Graph marks removed (`@removed`, or a drive item's `deleted` facet).
    Removed(Removed),
}

/// An item removed from the collection since the last round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    id: String,
    reason: RemovedReason,
}

impl Removed {
    /// The item's `id`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Why Graph says it is gone.
    #[must_use]
    pub fn reason(&self) -> &RemovedReason {
        &self.reason
    }
}

/// Why an item is [`Removed`], as Graph's `@removed.reason` says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RemovedReason {
    /// `changed`: soft-deleted (it can be restored) or moved out of the query's scope; it
    /// may come back.
    Changed,
    /// `deleted`: gone for good (and a drive item with a `deleted` facet).
    Deleted,
    /// Any other reason, as Graph wrote it (an absent one is empty).
    Other(String),
}

impl RemovedReason {
    fn from_text(reason: &str) -> Self {
        match reason {
            "changed" => Self::Changed,
            "deleted" => Self::Deleted,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// One page of a delta query's answer: its changes, in Graph's order, and a next link, or
/// on the last page the [`DeltaLink`] to resume from.
#[derive(Debug, Clone, PartialEq)]
pub struct DeltaPage<T> {
    changes: Vec<Change<T>>,
    next_link: Option<String>,
    delta_link: Option<DeltaLink>,
}

impl<T> DeltaPage<T> {
    /// A page with these changes and links, as a test or a cache would make one.
    #[must_use]
    pub fn new(
        changes: Vec<Change<T>>,
        next_link: Option<String>,
        delta_link: Option<DeltaLink>,
    ) -> Self {
        Self {
            changes,
            next_link,
            delta_link,
        }
    }

    /// The changes, in Graph's order.
    #[must_use]
    pub fn changes(&self) -> &[Change<T>] {
        &self.changes
    }

    /// The changes, giving up the page.
    #[must_use]
    pub fn into_changes(self) -> Vec<Change<T>> {
        self.changes
    }

    /// `@odata.nextLink`: the next page of this round.
    #[must_use]
    pub fn next_link(&self) -> Option<&str> {
        self.next_link.as_deref()
    }

    /// `@odata.deltaLink`, on the round's last page: where the next round resumes.
    #[must_use]
    pub fn delta_link(&self) -> Option<DeltaLink> {
        self.delta_link.clone()
    }
}

// ---- Reading a page --------------------------------------------------------------------
//
// In two passes over the body, so that an item that does not read names its property by
// its place in the whole body (`value[3].displayName`), as any answer's does: the first
// finds which items Graph marks removed (their `id` and reason) and the links; the second
// reads every other item as `T`, skipping the removed ones.

fn read_page<T: GraphType>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    name: &str,
) -> Result<DeltaPage<T>, GraphError> {
    let what = format!("a page of changes to {name}");
    let head = crate::response::read_body_seed(status, headers, body, &what, HeadSeed)?;
    let items = crate::response::read_body_seed(
        status,
        headers,
        body,
        &what,
        ItemsSeed::<T> {
            marks: &head.marks,
            _type: PhantomData,
        },
    )?;
    let mut changes = Vec::with_capacity(head.marks.len());
    for (index, (mark, item)) in head.marks.into_iter().zip(items).enumerate() {
        match mark {
            Mark::Removed {
                id: Some(id),
                reason,
            } => {
                changes.push(Change::Removed(Removed { id, reason }));
            }
            Mark::Removed { id: None, .. } => {
                return Err(crate::response::invalid_body(
                    status,
                    headers,
                    format!("the body does not read as {what}: `value[{index}]` is marked removed, and its `id` is missing or not a string"),
                ));
            }
            Mark::Item => {
                if let Some(item) = item {
                    changes.push(Change::Updated(item));
                }
            }
        }
    }
    Ok(DeltaPage {
        changes,
        next_link: head.next_link,
        delta_link: head.delta_link.map(DeltaLink),
    })
}

/// What the first pass finds of an item.
enum Mark {
    Item,
    Removed {
        id: Option<String>,
        reason: RemovedReason,
    },
}

struct Head {
    marks: Vec<Mark>,
    next_link: Option<String>,
    delta_link: Option<String>,
}

struct HeadSeed;

impl<'de> DeserializeSeed<'de> for HeadSeed {
    type Value = Head;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Head, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for HeadSeed {
    type Value = Head;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a delta answer, an object with `value`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
        let mut marks = None;
        let mut next_link = None;
        let mut delta_link = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "value" => {
                    if marks.is_some() {
                        return Err(de::Error::duplicate_field("value"));
                    }
                    marks = Some(map.next_value_seed(MarksSeed)?);
                }
                "@odata.nextLink" => next_link = map.next_value()?,
                "@odata.deltaLink" => delta_link = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Head {
            marks: marks.ok_or_else(|| de::Error::missing_field("value"))?,
            next_link,
            delta_link,
        })
    }
}

struct MarksSeed;

impl<'de> DeserializeSeed<'de> for MarksSeed {
    type Value = Vec<Mark>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Mark>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MarksSeed {
    type Value = Vec<Mark>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of changes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Mark>, A::Error> {
        let mut marks = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(mark) = seq.next_element_seed(MarkSeed)? {
            marks.push(mark);
        }
        Ok(marks)
    }
}

/// An item's `id`, `@removed` and `deleted`, the rest skipped.
struct MarkSeed;

impl<'de> DeserializeSeed<'de> for MarkSeed {
    type Value = Mark;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Mark, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for MarkSeed {
    type Value = Mark;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a changed or removed item, an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Mark, A::Error> {
        let mut id = None;
        let mut removed: Option<Value> = None;
        let mut deleted = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "id" => id = map.next_value::<Value>()?.as_str().map(str::to_owned),
                // `null` is an annotation left out.
                "@removed" => {
                    removed = Some(map.next_value::<Value>()?).filter(|value| !value.is_null());
                }
                // A drive item's `deleted` facet (an object; `quota.deleted` is a number).
                "deleted" => deleted |= map.next_value::<Value>()?.is_object(),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match (removed, deleted) {
            (Some(removed), _) => Mark::Removed {
                id,
                reason: RemovedReason::from_text(match &removed {
                    Value::String(reason) => reason,
                    other => other
                        .get("reason")
                        .and_then(Value::as_str)
                        .unwrap_or_default(),
                }),
            },
            (None, true) => Mark::Removed {
                id,
                reason: RemovedReason::Deleted,
            },
            (None, false) => Mark::Item,
        })
    }
}

/// The second pass: each item not marked removed, as `T` (`None` for the removed ones).
struct ItemsSeed<'m, T> {
    marks: &'m [Mark],
    _type: PhantomData<T>,
}

impl<'de, T: GraphType> DeserializeSeed<'de> for ItemsSeed<'_, T> {
    type Value = Vec<Option<T>>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: GraphType> Visitor<'de> for ItemsSeed<'_, T> {
    type Value = Vec<Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a delta answer, an object with `value`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Option<T>>, A::Error> {
        let mut items = Vec::new();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "value" {
                items = map.next_value_seed(ItemSeq::<T> {
                    marks: self.marks,
                    _type: PhantomData,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(items)
    }
}

struct ItemSeq<'m, T> {
    marks: &'m [Mark],
    _type: PhantomData<T>,
}

impl<'de, T: GraphType> DeserializeSeed<'de> for ItemSeq<'_, T> {
    type Value = Vec<Option<T>>;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: GraphType> Visitor<'de> for ItemSeq<'_, T> {
    type Value = Vec<Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of changes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Option<T>>, A::Error> {
        let mut items = Vec::with_capacity(self.marks.len());
        for mark in self.marks {
            let item = match mark {
                Mark::Item => seq.next_element::<T>()?.map(Some),
                Mark::Removed { .. } => seq.next_element::<IgnoredAny>()?.map(|_| None),
            };
            match item {
                Some(item) => items.push(item),
                None => break,
            }
        }
        Ok(items)
    }
}
