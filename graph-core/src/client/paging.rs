//! Every page of a list, each sent as any request is, its next link taken only where
//! [`ListRequest::next_page`] allows.

use futures_util::stream::{Stream, StreamExt};

use super::error::ClientError;
use super::token::TokenProvider;
use super::GraphClient;
use crate::resource::GraphType;
use crate::{ListRequest, Page};

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
        /// Where paging is.
        enum State<T> {
            /// This request is next; this many pages were read.
            Next(ListRequest<T>, usize),
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
                    let next = match request.next_page(&page, &self.endpoint) {
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
