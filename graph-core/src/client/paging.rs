//! Every page of a list, each sent as any request is, its next link taken only where
//! [`ListRequest::next_page`] allows.

use futures_util::stream::{Stream, StreamExt};

use super::error::ClientError;
use super::token::TokenProvider;
use super::GraphClient;
use crate::paging::NextPageError;
use crate::request::{ParseResponse, Request};
use crate::resource::GraphType;
use crate::{Change, DeltaLink, DeltaPage, DeltaRequest, Endpoint, ListRequest, Page};

/// How the request for the page after one is built (`next_page` of a list or a delta).
type NextPage<K, T> = fn(
    &Request<K, T>,
    &<K as ParseResponse<T>>::Output,
    &Endpoint,
) -> Result<Option<Request<K, T>>, NextPageError>;

impl<P: TokenProvider> GraphClient<P> {
    /// Every page of a list, in order, as a [`Stream`]: each page's request is the one
    /// [`ListRequest::next_page`] builds, so it carries the first request's headers and
    /// preferences and goes nowhere outside the endpoint's base path (a next link is judged
    /// with its `.` and `..` segments resolved). Each page is sent as
    /// [`send`](Self::send) sends (a page answered `429` is retried, and paging goes on).
    /// The stream ends after the last page, or with one error: a page that failed, a next
    /// link refused ([`ClientError::NextPage`]), or the page limit
    /// ([`ClientError::PageLimit`]). It never ends as if complete after an error.
    ///
    /// ```no_run
    /// # async fn run(client: graph_core::client::GraphClient<graph_core::AccessToken>)
    /// # -> Result<(), graph_core::client::ClientError> {
    /// use graph_core::client::StreamExt;
    /// # #[graph_core::graph_resource(path = "/users", odata = "#microsoft.graph.user")]
    /// # struct User { display_name: Option<String> }
    ///
    /// let request = User::list_request().unwrap().select(&["displayName"]).unwrap();
    /// let mut pages = std::pin::pin!(client.pages(&request));
    /// while let Some(page) = pages.next().await {
    ///     for user in page?.items() {
    ///         println!("{:?}", user.display_name);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn pages<'a, T>(
        &'a self,
        request: &ListRequest<T>,
    ) -> impl Stream<Item = Result<Page<T>, ClientError>> + Send + 'a
    where
        T: GraphType + Send + 'a,
    {
        self.paged(request, ListRequest::next_page)
    }

    /// Every page of a delta round, in order, as a [`Stream`], exactly as
    /// [`pages`](Self::pages) reads a list's (the same link checks, retries and page
    /// limit); the last page carries the [`DeltaLink`] to resume from. A link Graph no
    /// longer follows ends the stream with a [`GraphError`](crate::GraphError) of kind
    /// [`ResyncRequired`](crate::GraphErrorKind::ResyncRequired): nothing starts over on its
    /// own, since what the application holds must be reconciled with a new round
    /// ([`DeltaRequest::restart`]). Consumed as a stream, it holds one page at a time (and
    /// a few bytes a page to refuse a link back to an earlier one). A first round of a
    /// large tenant can pass the client's page limit (1,000 pages by default): raise it
    /// with [`with_page_limit`](Self::with_page_limit).
    ///
    /// ```no_run
    /// # async fn run(client: graph_core::client::GraphClient<graph_core::AccessToken>, stored: Option<graph_core::DeltaLink>)
    /// # -> Result<(), Box<dyn std::error::Error>> {
    /// use graph_core::client::StreamExt;
    /// use graph_core::{Change, DeltaRequest};
    /// # #[graph_core::graph_resource(path = "/users", odata = "#microsoft.graph.user")]
    /// # struct User { id: Option<String>, display_name: Option<String> }
    ///
    /// let request = match &stored {
    ///     Some(link) => DeltaRequest::<User>::resume(link, client.endpoint())?,
    ///     None => User::delta_request()?,
    /// };
    /// let mut pages = std::pin::pin!(client.delta(&request));
    /// while let Some(page) = pages.next().await {
    ///     let page = page?;
    ///     for change in page.changes() {
    ///         if let Change::Removed(removed) = change {
    ///             println!("{} is gone", removed.id());
    ///         }
    ///     }
    ///     if let Some(link) = page.delta_link() {
    ///         println!("next time: {}", link.as_str());
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn delta<'a, T>(
        &'a self,
        request: &DeltaRequest<T>,
    ) -> impl Stream<Item = Result<DeltaPage<T>, ClientError>> + Send + 'a
    where
        T: GraphType + Send + 'a,
    {
        self.paged(request, DeltaRequest::next_page)
    }

    /// Every change of a delta round, in order, and the link to resume from:
    /// [`delta`](Self::delta), collected.
    ///
    /// # Errors
    ///
    /// The first error [`delta`](Self::delta) gives (the changes read before it are not
    /// returned), or a round whose last page has no delta link.
    pub async fn delta_all<T>(
        &self,
        request: &DeltaRequest<T>,
    ) -> Result<(Vec<Change<T>>, DeltaLink), ClientError>
    where
        T: GraphType + Send,
    {
        let mut pages = std::pin::pin!(self.delta(request));
        let mut changes = Vec::new();
        let mut link = None;
        while let Some(page) = pages.next().await {
            let page = page?;
            link = page.delta_link();
            changes.extend(page.into_changes());
        }
        match link {
            Some(link) => Ok((changes, link)),
            None => Err(ClientError::NoDeltaLink),
        }
    }

    /// The pages of `request` and the requests `next` builds from each, sent as `send`
    /// sends them, up to the page limit.
    fn paged<'a, K, T>(
        &'a self,
        request: &Request<K, T>,
        next: NextPage<K, T>,
    ) -> impl Stream<Item = Result<<K as ParseResponse<T>>::Output, ClientError>> + Send + 'a
    where
        K: ParseResponse<T> + Send + Sync + 'a,
        <K as ParseResponse<T>>::Output: Send,
        T: Send + 'a,
    {
        /// Where paging is.
        enum State<R> {
            /// This request is next; this many pages were read.
            Next(R, usize),
            /// Paging stopped with this error, to be given after the page before it.
            Failed(ClientError),
            Done,
        }
        let first = State::Next(request.clone(), 0);
        futures_util::stream::unfold(first, move |state| async move {
            match state {
                State::Done => None,
                State::Failed(error) => Some((Err(error), State::Done)),
                State::Next(request, read) => {
                    if read >= self.page_limit {
                        let limit = self.page_limit;
                        return Some((Err(ClientError::PageLimit { limit }), State::Done));
                    }
                    let page = match self.send(&request).await {
                        Ok(page) => page,
                        Err(error) => return Some((Err(error), State::Done)),
                    };
                    let next = match next(&request, &page, &self.endpoint) {
                        Ok(Some(next)) => State::Next(next, read + 1),
                        Ok(None) => State::Done,
                        Err(error) => State::Failed(error.into()),
                    };
                    Some((Ok(page), next))
                }
            }
        })
    }

    /// Every item of a list: [`pages`](Self::pages), each page's items in order.
    ///
    /// # Errors
    ///
    /// The first error [`pages`](Self::pages) gives; the items read before it are not
    /// returned, so a partial list never looks complete.
    pub async fn list_all<T>(&self, request: &ListRequest<T>) -> Result<Vec<T>, ClientError>
    where
        T: GraphType + Send,
    {
        let mut pages = std::pin::pin!(self.pages(request));
        let mut items = Vec::new();
        while let Some(page) = pages.next().await {
            items.extend(page?.into_items());
        }
        Ok(items)
    }
}
