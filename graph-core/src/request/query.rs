//! Query options: `$select` (checked against the type), `$expand`, `$filter`, `$orderby`,
//! `$search`, `$top`, `$count`, and the page size, which is a preference.

use http::header::{HeaderName, HeaderValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

use super::kind::sealed;
use super::{List, Request, RequestKind};
use crate::__private::object::Object;
use crate::__private::validate::Violations;
use crate::validation::{ValidationError, Violation, ViolationKind};

impl<K, T> Request<K, T> {
    /// Sets a query option, replacing an earlier value of it, and writes the target again.
    pub(crate) fn set_query(&mut self, name: &'static str, value: &str) {
        let encoded: String = percent_encoding::utf8_percent_encode(value, QUERY_VALUE).collect();
        match self.query.iter_mut().find(|(n, _)| *n == name) {
            Some(option) => option.1 = encoded,
            None => self.query.push((name, encoded)),
        }
        self.target.truncate(self.base_len);
        let mut separator = if self.target.contains('?') { '&' } else { '?' };
        for (name, value) in &self.query {
            self.target.push(separator);
            self.target.push_str(name);
            self.target.push('=');
            self.target.push_str(value);
            separator = '&';
        }
    }

    fn insert_header(&mut self, name: HeaderName, value: &'static str) {
        self.headers.insert(name, HeaderValue::from_static(value));
    }
}

/// `$select`, shared by gets and lists.
fn select<K: RequestKind, T: Object>(
    mut request: Request<K, T>,
    names: &[&str],
) -> Result<Request<K, T>, ValidationError> {
    let declared: Vec<&'static str> = T::INFO.fields().iter().map(|f| f.name).collect();
    let mut out = Violations::new();
    for name in names {
        // A type with additional data keeps what it does not declare: any name will do,
        // but an empty one and a declared one in another case (a typo).
        let kept = T::INFO.open
            && !name.trim().is_empty()
            && !declared.iter().any(|d| d.eq_ignore_ascii_case(name));
        if !kept && !declared.contains(name) {
            out.push_violation(unknown_property(name, &declared));
        }
    }
    out.finish(T::INFO.odata_type.unwrap_or(""))?;
    request.set_query("$select", &names.join(","));
    Ok(request)
}

/// A name the type does not declare, with the declared name it is nearest to.
pub(super) fn unknown_property(name: &str, declared: &[&str]) -> Violation {
    let nearest = declared
        .iter()
        .map(|d| {
            (
                strsim::jaro_winkler(&name.to_ascii_lowercase(), &d.to_ascii_lowercase()),
                d,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, d)| format!("; did you mean `{d}`?"))
        .unwrap_or_default();
    Violation::with_detail(
        name.to_owned(),
        ViolationKind::UnknownProperty,
        format!("`{name}` is not a property of the type{nearest}"),
    )
}

impl<K: RequestKind + sealed::Reads, T: Object> Request<K, T> {
    /// `$select`: only these properties, by their JSON names. A name the type does not
    /// declare is refused, with the nearest one it does, unless the type keeps what it
    /// does not declare (`#[graph(additional_data)]`): there any other name will do, but a
    /// declared one in another case (`displayname`).
    ///
    /// # Errors
    ///
    /// A [`ValidationError`] naming each name the type does not declare.
    pub fn select(self, names: &[&str]) -> Result<Self, ValidationError> {
        select(self, names)
    }
}

impl<K: RequestKind + sealed::Reads, T> Request<K, T> {
    /// `$expand`: an OData expand expression, as written (`manager($select=id)`).
    #[must_use]
    pub fn expand(mut self, expression: &str) -> Self {
        self.set_query("$expand", expression);
        self
    }
}

impl<T> Request<List, T> {
    /// `$filter`: an OData filter expression, as written
    /// (`startswith(displayName,'A') and accountEnabled eq true`).
    #[must_use]
    pub fn filter(mut self, expression: &str) -> Self {
        self.set_query("$filter", expression);
        self
    }

    /// `$orderby`: properties to sort by, as written (`displayName desc`).
    #[must_use]
    pub fn order_by(mut self, expression: &str) -> Self {
        self.set_query("$orderby", expression);
        self
    }

    /// `$search`, as written (`"displayName:room"`, quotes included). Adds
    /// `ConsistencyLevel: eventual`, which Graph needs for it on directory objects.
    #[must_use]
    pub fn search(mut self, expression: &str) -> Self {
        self.set_query("$search", expression);
        self.insert_header(HeaderName::from_static("consistencylevel"), "eventual");
        self
    }

    /// `$top`: at most this many items in all (Graph may still page them).
    #[must_use]
    pub fn top(mut self, count: u32) -> Self {
        self.set_query("$top", &count.to_string());
        self
    }

    /// `$count=true`: each page carries the total count ([`Page::count`](crate::Page::count)). Adds
    /// `ConsistencyLevel: eventual`, which Graph needs for it on directory objects.
    #[must_use]
    pub fn count(mut self) -> Self {
        self.set_query("$count", "true");
        self.insert_header(HeaderName::from_static("consistencylevel"), "eventual");
        self
    }

    /// `Prefer: odata.maxpagesize=N`: at most this many items a page.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.add_preference(&format!("odata.maxpagesize={size}"));
        self
    }
}

/// What a query option's value may carry as it is: RFC 3986's unreserved characters and
/// the punctuation OData expressions are made of that has no meaning in a query
/// (`'`, `(`, `)`, `,`, `:`, `$`, `@`, `/`, `*`, `!`). Everything else is encoded,
/// `&`, `=`, `+`, `#`, `%` and spaces included, so a value arrives as written.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b',')
    .remove(b':')
    .remove(b'$')
    .remove(b'@')
    .remove(b'/')
    .remove(b'*')
    .remove(b'!');
