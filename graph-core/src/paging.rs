//! Lists a page at a time: [`Page`], and the request for the page after one
//! ([`ListRequest::next_page`](crate::ListRequest::next_page)), which follows a next link only
//! where it leads under the endpoint.
//!
//! A list answer reads into a [`Page`]: `items()`, `next_link()`, `delta_link()` and `count()`
//! (with [`count()`](crate::request::Request::count)); a page may be empty and still have a
//! next link, as Graph pages by its own limits. `next_page(&page, &endpoint)` gives the request
//! for the next page, carrying the first request's headers and preferences, `None` after the
//! last; it refuses ([`NextPageError`]) a blank link, a link back to this page or an earlier
//! one (a loop), and any link that does not lie under the endpoint's base URL as it would be
//! sent: same scheme, host and port, and, with its `.` and `..` segments (and their encoded
//! forms, `%2e`, `%2E%2E`, in any case) resolved, a path under the base path, both as sent and
//! percent-decoded. A bearer token is never sent anywhere else.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::request::{List, Request};
use crate::Endpoint;

/// One page of a [`ListRequest`](crate::ListRequest)'s answer: its items, the link to the
/// next page (absent on the last), the delta link (on the last page of a delta query) and
/// the total count (with [`count`](crate::ListRequest::count)). A page may hold no items
/// and still have a next link: Graph pages by its own limits.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    items: Vec<T>,
    next_link: Option<String>,
    delta_link: Option<String>,
    count: Option<u64>,
}

impl<T> Page<T> {
    /// A page with these items and links, as a test or a cache would make one.
    #[must_use]
    pub fn new(items: Vec<T>, next_link: Option<String>) -> Self {
        Self {
            items,
            next_link,
            delta_link: None,
            count: None,
        }
    }

    /// The items, in the order Graph gave them.
    #[must_use]
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// The items, giving up the page.
    #[must_use]
    pub fn into_items(self) -> Vec<T> {
        self.items
    }

    /// `@odata.nextLink`: the URL of the next page, as Graph wrote it.
    #[must_use]
    pub fn next_link(&self) -> Option<&str> {
        self.next_link.as_deref()
    }

    /// `@odata.deltaLink`: where a delta query continues from next time.
    #[must_use]
    pub fn delta_link(&self) -> Option<&str> {
        self.delta_link.as_deref()
    }

    /// `@odata.count`: how many items the whole list has, where it was asked for.
    #[must_use]
    pub fn count(&self) -> Option<u64> {
        self.count
    }
}

/// A list answer's body: `value`, and the annotations around it.
pub(crate) struct PageBody<T>(Page<T>);

impl<T> PageBody<T> {
    pub(crate) fn into_page(self) -> Page<T> {
        self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PageBody<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
            type Value = PageBody<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list answer, an object with `value`")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageBody<T>, A::Error> {
                let mut items = None;
                let mut next_link = None;
                let mut delta_link = None;
                let mut count = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match &*key {
                        "value" => {
                            if items.is_some() {
                                return Err(de::Error::duplicate_field("value"));
                            }
                            items = Some(map.next_value::<Vec<T>>()?);
                        }
                        "@odata.nextLink" => next_link = map.next_value()?,
                        "@odata.deltaLink" => delta_link = map.next_value()?,
                        "@odata.count" => count = map.next_value()?,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let items = items.ok_or_else(|| de::Error::missing_field("value"))?;
                Ok(PageBody(Page {
                    items,
                    next_link,
                    delta_link,
                    count,
                }))
            }
        }

        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}

impl<T> Request<List, T> {
    /// The request for the page after `page`: `Ok(None)` after the last one. It carries
    /// this request's headers and preferences, and the next link is used byte for byte
    /// (less a fragment, which is never sent), except that `.` and `..` segments are
    /// resolved first, as an HTTP stack would resolve them before sending.
    ///
    /// The link is judged on the URL that will actually be sent: its `.` and `..` segments
    /// and their percent-encoded forms (`%2e`, `%2E%2E`, any case) resolved, and `\` read
    /// as `/`, it must lie under `endpoint`'s base URL (same scheme, host and port, and a
    /// path that continues the base path after a `/`), and so must its path once
    /// percent-decoded (`..%2F` included), so a bearer token is never sent outside the
    /// base path.
    ///
    /// # Errors
    ///
    /// The link is blank, does not lie under `endpoint`'s base URL as above, is not a URL
    /// path, or repeats the URL of this page or one before it (a loop).
    pub fn next_page(
        &self,
        page: &Page<T>,
        endpoint: &Endpoint,
    ) -> Result<Option<Self>, NextPageError> {
        let Some(link) = page.next_link() else {
            return Ok(None);
        };
        let rest = next_target(link, endpoint, self.path(), |url| self.kind().visited(url))?;
        let kind = self.kind().then(self.path());
        Ok(Some(self.to_next(rest, kind)))
    }
}

/// The pages of a list or a delta round read before the current one, to refuse a link
/// back to any of them: each URL's hash, a few bytes a page however long the links, shared
/// between the requests of one round.
#[derive(Debug, Clone, Default)]
pub(crate) struct Visited(std::sync::Arc<Vec<u64>>);

impl Visited {
    fn hash(url: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        url.hash(&mut hasher);
        hasher.finish()
    }

    /// Whether `url` (relative to the endpoint) is one of them.
    pub(crate) fn contains(&self, url: &str) -> bool {
        self.0.contains(&Self::hash(url))
    }

    /// These and `url`.
    pub(crate) fn and(&self, url: &str) -> Self {
        let mut hashes = Vec::with_capacity(self.0.len() + 1);
        hashes.extend_from_slice(&self.0);
        hashes.push(Self::hash(url));
        Self(std::sync::Arc::new(hashes))
    }
}

/// Where a next link leads, relative to the endpoint, where it may be followed from the
/// page at `current`: under `endpoint`, and neither `current` nor a page `visited`.
pub(crate) fn next_target(
    link: &str,
    endpoint: &Endpoint,
    current: &str,
    visited: impl Fn(&str) -> bool,
) -> Result<String, NextPageError> {
    let fail = |reason| NextPageError {
        link: link.chars().take(300).collect(),
        reason,
    };
    let rest = endpoint.follow(link).map_err(fail)?;
    if rest == current || visited(&rest) {
        return Err(fail(NextPageReason::Repeated));
    }
    Ok(rest)
}

/// Why [`ListRequest::next_page`](crate::ListRequest::next_page) refused a next link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NextPageReason {
    /// The link is empty or whitespace.
    Blank,
    /// The link is not under the endpoint's base URL: following it would send the token
    /// elsewhere.
    OutsideEndpoint,
    /// The link's path and query cannot be a URL's.
    NotAPath,
    /// The link is the URL of this page or of one before it: following it would loop.
    Repeated,
}

/// A next link [`ListRequest::next_page`](crate::ListRequest::next_page) will not follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextPageError {
    link: String,
    reason: NextPageReason,
}

impl NextPageError {
    /// Why the link was refused.
    #[must_use]
    pub fn reason(&self) -> NextPageReason {
        self.reason
    }

    /// The link (its first 300 characters).
    #[must_use]
    pub fn link(&self) -> &str {
        &self.link
    }
}

impl NextPageReason {
    /// Why a link with this reason is not followed, for messages.
    pub(crate) fn why(self) -> &'static str {
        match self {
            NextPageReason::Blank => "it is blank",
            NextPageReason::OutsideEndpoint => {
                "it is not under the endpoint's base URL, and the token is sent only there"
            }
            NextPageReason::NotAPath => "it is not a valid URL",
            NextPageReason::Repeated => {
                "it repeats the URL of an earlier page, so paging would loop"
            }
        }
    }
}

impl fmt::Display for NextPageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = self.reason.why();
        write!(f, "the next link `{}` is not followed: {why}", self.link)
    }
}

impl std::error::Error for NextPageError {}
