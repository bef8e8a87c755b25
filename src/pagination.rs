//! Streams over Zoom's `next_page_token` pagination.
//!
//! A background task fetches the next page while the caller works through the
//! current one, never more than a set number of pages ahead. A stream ends after
//! the last page (`next_page_token` empty or absent), or with an error after every
//! item received before it: an expired token, a token Zoom already returned
//! (following it would loop forever), more pages than the client's limit, any
//! failed call, or the fetching task stopping (a panic, an abort, the runtime
//! shutting down) before Zoom said the listing ended. It never ends cleanly
//! unless Zoom said so: the task sends an explicit end, and a channel that closes
//! without one is an error.
//!
//! Nothing happens until the stream is first polled: no request, no task.

use std::collections::{HashSet, VecDeque};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_core::future::BoxFuture;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::error::{Error, ErrorKind};
use crate::types::{LiveSessionList, PastSessionList, SessionUserList};

/// One page of a list operation.
pub trait Page: Send + 'static {
    /// What the page lists.
    type Item: Send + 'static;

    /// The token of the next page; `None` when Zoom sent it empty or not at all,
    /// both of which mean this was the last page.
    fn next_token(&self) -> Option<&str>;

    /// The page's items, in Zoom's order.
    fn into_items(self) -> Vec<Self::Item>;
}

fn non_empty(token: &Option<String>) -> Option<&str> {
    token.as_deref().filter(|t| !t.is_empty())
}

impl Page for LiveSessionList {
    type Item = crate::types::LiveSession;

    fn next_token(&self) -> Option<&str> {
        non_empty(&self.next_page_token)
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.sessions
    }
}

impl Page for PastSessionList {
    type Item = crate::types::PastSession;

    fn next_token(&self) -> Option<&str> {
        non_empty(&self.next_page_token)
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.sessions
    }
}

impl Page for SessionUserList {
    type Item = crate::types::SessionUserConnection;

    fn next_token(&self) -> Option<&str> {
        non_empty(&self.next_page_token)
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.users
    }
}

/// Fetches the page with the given token (`None`: the first page).
pub(crate) type FetchPage<P> =
    Arc<dyn Fn(Option<String>) -> BoxFuture<'static, Result<P, Error>> + Send + Sync>;

/// The most pages one listing follows unless
/// [`ClientBuilder::max_pages`](crate::ClientBuilder::max_pages) says otherwise:
/// 100,000, ten times what six months of 10,000 sessions a day take in pages of
/// 300, so only a server inventing page tokens reaches it.
pub const DEFAULT_MAX_PAGES: u64 = 100_000;

/// A stream of pages.
///
/// It does no work and spawns nothing until first polled; from then on a
/// background task on the current Tokio runtime fetches ahead of the caller.
/// Dropping it stops that task. It ends (`None`) only after the page Zoom marked
/// as the last; every other way of stopping is an [`Error`] after the pages
/// received before it, and nothing follows an error.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<P> {
    inner: Pin<Box<dyn Stream<Item = Result<P, Error>> + Send>>,
    done: bool,
    pages: u64,
    max_pages: u64,
}

impl<P: Page> PageStream<P> {
    /// Follows tokens from the first page, keeping at most `ahead` pages fetched
    /// beyond the one the caller holds.
    pub(crate) fn follow(fetch: FetchPage<P>, ahead: usize) -> Self {
        Self::from_stream(Follow::new(fetch, ahead))
    }

    /// Ends the stream with [`ErrorKind::TooManyPages`] instead of a page beyond
    /// the `max`-th.
    pub(crate) fn max_pages(mut self, max: u64) -> Self {
        self.max_pages = max;
        self
    }

    /// Runs several sequences of pages concurrently (up to `concurrency` at once,
    /// each up to `ahead` pages ahead) and yields them one sequence after another,
    /// in the order given.
    pub(crate) fn chain_concurrent(
        sequences: Vec<FetchPage<P>>,
        concurrency: usize,
        ahead: usize,
    ) -> Self {
        Self::from_stream(Chain {
            waiting: sequences.into(),
            running: VecDeque::new(),
            concurrency: concurrency.max(1),
            ahead,
        })
    }

    /// A stream that yields one error.
    pub(crate) fn failed(error: Error) -> Self {
        Self::from_stream(futures_util::stream::iter([Err(error)]))
    }

    fn from_stream(stream: impl Stream<Item = Result<P, Error>> + Send + 'static) -> Self {
        Self {
            inner: Box::pin(stream),
            done: false,
            pages: 0,
            max_pages: DEFAULT_MAX_PAGES,
        }
    }

    /// The items of every page, in order; like the pages, nothing happens until
    /// the item stream is first polled.
    pub fn items(self) -> ItemStream<P> {
        ItemStream {
            pages: self,
            current: Vec::new().into_iter(),
        }
    }
}

impl<P> Stream for PageStream<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        let mut next = self.inner.as_mut().poll_next(cx);
        if let Poll::Ready(Some(Ok(_))) = &next {
            self.pages += 1;
            if self.pages > self.max_pages {
                next = Poll::Ready(Some(Err(Error::new(
                    ErrorKind::TooManyPages,
                    format!(
                        "the listing has more than {} pages, the client's limit",
                        self.max_pages
                    ),
                ))));
            }
        }
        if let Poll::Ready(None | Some(Err(_))) = &next {
            // Nothing follows an error: the caller decides whether to start over.
            self.done = true;
        }
        next
    }
}

/// A stream of the items of a [`PageStream`], page after page. It ends (`None`)
/// only where its pages end; an error comes after every item received before it.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<P: Page> {
    pages: PageStream<P>,
    current: std::vec::IntoIter<P::Item>,
}

// Items are moved out, never pinned in place.
impl<P: Page> Unpin for ItemStream<P> {}

impl<P: Page> Stream for ItemStream<P> {
    type Item = Result<P::Item, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.current.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut self.pages).poll_next(cx) {
                Poll::Ready(Some(Ok(page))) => self.current = page.into_items().into_iter(),
                Poll::Ready(Some(Err(e))) => return Poll::Ready(Some(Err(e))),
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

/// What the page-following task sends: a page or an error, or `None` once Zoom
/// said the listing ended. A channel that closes without `None` means the task
/// stopped early.
type Message<P> = Option<Result<P, Error>>;

// The page-following task, started on first poll, and the receiving end that
// aborts it when dropped.
enum Follow<P> {
    Idle {
        fetch: FetchPage<P>,
        ahead: usize,
    },
    Running {
        pages: mpsc::Receiver<Message<P>>,
        task: JoinHandle<()>,
    },
    Ended,
}

impl<P: Page> Follow<P> {
    fn new(fetch: FetchPage<P>, ahead: usize) -> Self {
        Self::Idle { fetch, ahead }
    }

    fn spawn(fetch: FetchPage<P>, ahead: usize) -> Self {
        let (tx, pages) = mpsc::channel::<Message<P>>(ahead.max(1));
        let task = tokio::spawn(async move {
            let mut token: Option<String> = None;
            let mut seen = HashSet::new();
            // Reserving before fetching bounds the pages fetched but not yet taken.
            while let Ok(slot) = tx.reserve().await {
                let page = match fetch(token.take()).await {
                    Ok(page) => page,
                    Err(e) => return slot.send(Some(Err(e))),
                };
                let next = page.next_token().map(str::to_owned);
                slot.send(Some(Ok(page)));
                match next {
                    None => {
                        let _ = tx.send(None).await;
                        return;
                    }
                    Some(next) if !seen.insert(next.clone()) => {
                        let error = Error::new(
                            ErrorKind::RepeatedPageToken,
                            "Zoom returned a next_page_token it had already returned",
                        );
                        let _ = tx.send(Some(Err(error))).await;
                        return;
                    }
                    Some(next) => token = Some(next),
                }
            }
        });
        Self::Running { pages, task }
    }
}

impl<P: Page> Stream for Follow<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Follow::Idle { fetch, ahead } = this {
            *this = Follow::spawn(fetch.clone(), *ahead);
        }
        let Follow::Running { pages, .. } = this else {
            return Poll::Ready(None);
        };
        match pages.poll_recv(cx) {
            Poll::Ready(Some(Some(item))) => Poll::Ready(Some(item)),
            Poll::Ready(Some(None)) => {
                *this = Follow::Ended;
                Poll::Ready(None)
            }
            // Closed without the end marker: the task died (panic, abort, runtime
            // shut down). The pages so far are not the whole listing.
            Poll::Ready(None) => {
                *this = Follow::Ended;
                Poll::Ready(Some(Err(Error::new(
                    ErrorKind::Interrupted,
                    "the task fetching pages stopped before the listing ended \
                     (panic, abort or runtime shutdown)",
                ))))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<P> Drop for Follow<P> {
    fn drop(&mut self) {
        if let Follow::Running { task, .. } = self {
            task.abort();
        }
    }
}

struct Chain<P> {
    waiting: VecDeque<FetchPage<P>>,
    running: VecDeque<Follow<P>>,
    concurrency: usize,
    ahead: usize,
}

impl<P: Page> Stream for Chain<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            while this.running.len() < this.concurrency {
                let Some(fetch) = this.waiting.pop_front() else {
                    break;
                };
                // Started at once, not on first poll: the windows behind the front
                // run concurrently, which is the point of the chain.
                this.running.push_back(Follow::spawn(fetch, this.ahead));
            }
            let Some(front) = this.running.front_mut() else {
                return Poll::Ready(None);
            };
            match Pin::new(front).poll_next(cx) {
                Poll::Ready(None) => {
                    this.running.pop_front();
                }
                other => return other,
            }
        }
    }
}
