//! Streams over Zoom's `next_page_token` pagination.
//!
//! A background task fetches the next page while the caller works through the
//! current one, never more than a set number of pages ahead. A stream ends after
//! the last page (`next_page_token` empty or absent), or with an error after every
//! item received before it: an expired token, a token Zoom already returned
//! (following it would loop forever), or any failed call.

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

/// A stream of pages. Dropping it stops the background fetching.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<P> {
    inner: Pin<Box<dyn Stream<Item = Result<P, Error>> + Send>>,
    done: bool,
}

impl<P: Page> PageStream<P> {
    /// Follows tokens from the first page, keeping at most `ahead` pages fetched
    /// beyond the one the caller holds.
    pub(crate) fn follow(fetch: FetchPage<P>, ahead: usize) -> Self {
        Self::from_stream(Follow::spawn(fetch, ahead))
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
        }
    }

    /// The items of every page, in order.
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
        let next = self.inner.as_mut().poll_next(cx);
        if let Poll::Ready(None | Some(Err(_))) = &next {
            // Nothing follows an error: the caller decides whether to start over.
            self.done = true;
        }
        next
    }
}

/// A stream of the items of a [`PageStream`], page after page.
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

// The page-following task, and the receiving end that aborts it when dropped.
struct Follow<P> {
    pages: mpsc::Receiver<Result<P, Error>>,
    task: JoinHandle<()>,
}

impl<P: Page> Follow<P> {
    fn spawn(fetch: FetchPage<P>, ahead: usize) -> Self {
        let (tx, pages) = mpsc::channel(ahead.max(1));
        let task = tokio::spawn(async move {
            let mut token: Option<String> = None;
            let mut seen = HashSet::new();
            // Reserving before fetching bounds the pages fetched but not yet taken.
            while let Ok(slot) = tx.reserve().await {
                let page = match fetch(token.take()).await {
                    Ok(page) => page,
                    Err(e) => return slot.send(Err(e)),
                };
                let next = page.next_token().map(str::to_owned);
                slot.send(Ok(page));
                match next {
                    None => return,
                    Some(next) if !seen.insert(next.clone()) => {
                        let error = Error::new(
                            ErrorKind::RepeatedPageToken,
                            "Zoom returned a next_page_token it had already returned",
                        );
                        let _ = tx.send(Err(error)).await;
                        return;
                    }
                    Some(next) => token = Some(next),
                }
            }
        });
        Self { pages, task }
    }
}

impl<P> Stream for Follow<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.pages.poll_recv(cx)
    }
}

impl<P> Drop for Follow<P> {
    fn drop(&mut self) {
        self.task.abort();
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
