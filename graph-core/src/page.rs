//! A page of a list: the items, and the links and count around them.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

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
