//! The API's four operations on [`Client`]: one call, or a stream of every page
//! or item, with each filter the API takes.

use std::sync::Arc;

use futures_core::future::BoxFuture;

use crate::Operation;
use crate::client::Client;
use crate::error::Error;
use crate::month_windows::{self, RangeBound};
use crate::pagination::{FetchPage, ItemStream, Page, PageStream};
use crate::transport;
use crate::types::{LiveSessionList, PastSessionList, SessionDetail, SessionUserList, TimeType};

/// Zoom's largest page: listings cost the fewest calls against the rate limits.
pub const MAX_PAGE_SIZE: u32 = 300;
/// Zoom's smallest page size.
pub const MIN_PAGE_SIZE: u32 = 30;

/// Pages fetched ahead of the caller by a single listing.
const PAGES_AHEAD: usize = 1;
/// Month windows of a long past-session range fetched at once, and how far each
/// runs ahead of the caller.
const DEFAULT_WINDOW_CONCURRENCY: usize = 6;
const WINDOW_PAGES_AHEAD: usize = 4;

impl Client {
    /// Details of a live or past session. A past one decodes as
    /// [`SessionDetail::PastSessionDetail`] with its end time and duration.
    pub async fn get_session(&self, session_id: &str) -> Result<SessionDetail, Error> {
        transport::call(self.raw(), Operation::GetSession, || {
            self.raw().get_session().session_id(session_id).send()
        })
        .await
    }

    /// Live sessions, optionally filtered by pin.
    pub fn live_sessions(&self) -> LiveSessions {
        LiveSessions {
            client: self.clone(),
            session_pin: None,
            page_size: MAX_PAGE_SIZE,
        }
    }

    /// Past sessions over any range: longer ones are split into month windows.
    pub fn past_sessions(&self) -> PastSessions {
        PastSessions {
            client: self.clone(),
            range: None,
            time_type: None,
            session_id: None,
            session_pin: None,
            page_size: MAX_PAGE_SIZE,
            window_concurrency: DEFAULT_WINDOW_CONCURRENCY,
        }
    }

    /// The users of a live or past session, one row per connection.
    pub fn session_users(&self, session_id: impl Into<String>) -> SessionUsers {
        SessionUsers {
            client: self.clone(),
            session_id: session_id.into(),
            page_size: MAX_PAGE_SIZE,
        }
    }
}

fn check_page_size(page_size: u32) -> Result<i64, Error> {
    if (MIN_PAGE_SIZE..=MAX_PAGE_SIZE).contains(&page_size) {
        Ok(i64::from(page_size))
    } else {
        Err(Error::config(format!(
            "page_size must be {MIN_PAGE_SIZE}..={MAX_PAGE_SIZE}, got {page_size}"
        )))
    }
}

/// Lists live sessions: [`page`](Self::page) for one call, [`pages`](Self::pages)
/// or [`items`](Self::items) to stream all of them.
#[derive(Clone, Debug)]
#[must_use]
pub struct LiveSessions {
    client: Client,
    session_pin: Option<String>,
    page_size: u32,
}

impl LiveSessions {
    /// Only sessions with this pin code.
    pub fn session_pin(mut self, pin: impl Into<String>) -> Self {
        self.session_pin = Some(pin.into());
        self
    }

    /// Records per call, 30..=300 (default 300).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.page_size = page_size;
        self
    }

    /// One call: the first page, or the page of `token`.
    pub async fn page(&self, token: Option<&str>) -> Result<LiveSessionList, Error> {
        let page_size = check_page_size(self.page_size)?;
        let raw = self.client.raw();
        transport::call(raw, Operation::ListLiveSessions, || {
            let mut call = raw.list_live_sessions().page_size(page_size);
            if let Some(pin) = &self.session_pin {
                call = call.session_pin(pin.clone());
            }
            if let Some(token) = token {
                call = call.next_page_token(token);
            }
            call.send()
        })
        .await
    }

    /// Every page, the next fetched while the caller handles the current one.
    pub fn pages(self) -> PageStream<LiveSessionList> {
        follow(self.client.max_pages(), self, |request, token| {
            Box::pin(request.page(token))
        })
    }

    /// Every live session.
    pub fn items(self) -> ItemStream<LiveSessionList> {
        self.pages().items()
    }
}

/// Lists past sessions; any range length works: see [`range`](Self::range).
#[derive(Clone, Debug)]
#[must_use]
pub struct PastSessions {
    client: Client,
    range: Option<(RangeBound, RangeBound)>,
    time_type: Option<TimeType>,
    session_id: Option<String>,
    session_pin: Option<String>,
    page_size: u32,
    window_concurrency: usize,
}

impl PastSessions {
    /// The inclusive range, as days ([`chrono::NaiveDate`]) or instants
    /// ([`chrono::DateTime<Utc>`](chrono::DateTime)). Zoom answers at most one
    /// month per call and only for the last six months; [`pages`](Self::pages)
    /// and [`items`](Self::items) split a longer range into calendar-month
    /// windows. Without a range Zoom reports the last 24 hours.
    pub fn range(mut self, from: impl Into<RangeBound>, to: impl Into<RangeBound>) -> Self {
        self.range = Some((from.into(), to.into()));
        self
    }

    /// Which timestamp the range filters on (Zoom's default: the start time).
    pub fn time_type(mut self, time_type: TimeType) -> Self {
        self.time_type = Some(time_type);
        self
    }

    /// Only the session with this ID.
    pub fn session_id(mut self, session_id: impl Into<String>) -> Self {
        self.session_id = Some(session_id.into());
        self
    }

    /// Only sessions with this pin code.
    pub fn session_pin(mut self, pin: impl Into<String>) -> Self {
        self.session_pin = Some(pin.into());
        self
    }

    /// Records per call, 30..=300 (default 300).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.page_size = page_size;
        self
    }

    /// How many month windows are fetched at once (default 6); 1 fetches them
    /// one after another. The rate limiter still paces every request.
    pub fn window_concurrency(mut self, windows: usize) -> Self {
        self.window_concurrency = windows.max(1);
        self
    }

    /// One call with the range exactly as given (Zoom rejects more than a month),
    /// the first page or the page of `token`.
    pub async fn page(&self, token: Option<&str>) -> Result<PastSessionList, Error> {
        self.page_in(self.range, token).await
    }

    async fn page_in(
        &self,
        range: Option<(RangeBound, RangeBound)>,
        token: Option<&str>,
    ) -> Result<PastSessionList, Error> {
        let page_size = check_page_size(self.page_size)?;
        let raw = self.client.raw();
        transport::call(raw, Operation::ListPastSessions, || {
            let mut call = raw.list_past_sessions().page_size(page_size);
            if let Some((from, to)) = range {
                call = call.from(from.to_string()).to(to.to_string());
            }
            if let Some(time_type) = self.time_type {
                call = call.time_type(time_type);
            }
            if let Some(id) = &self.session_id {
                call = call.session_id(id.clone());
            }
            if let Some(pin) = &self.session_pin {
                call = call.session_pin(pin.clone());
            }
            if let Some(token) = token {
                call = call.next_page_token(token);
            }
            call.send()
        })
        .await
    }

    /// Every page: one month window after another, in chronological order, each
    /// window's pages in Zoom's order. Up to
    /// [`window_concurrency`](Self::window_concurrency) windows are fetched at once.
    pub fn pages(self) -> PageStream<PastSessionList> {
        let Some((from, to)) = self.range else {
            return follow(self.client.max_pages(), self, |request, token| {
                Box::pin(request.page(token))
            });
        };
        if from > to {
            return PageStream::failed(
                Error::config(format!("the range starts ({from}) after it ends ({to})"))
                    .with_operation(Operation::ListPastSessions.id()),
            );
        }
        let concurrency = self.window_concurrency;
        let max_pages = self.client.max_pages();
        let request = Arc::new(self);
        let sequences = month_windows::split(from, to)
            .into_iter()
            .map(|window| {
                let range = Some((window.from, window.to));
                let request = request.clone();
                let fetch: FetchPage<_> = Arc::new(move |token: Option<String>| {
                    let request = request.clone();
                    Box::pin(async move { request.page_in(range, token.as_deref()).await })
                });
                fetch
            })
            .collect();
        PageStream::chain_concurrent(sequences, concurrency, WINDOW_PAGES_AHEAD)
            .max_pages(max_pages)
    }

    /// Every past session, in the order of [`pages`](Self::pages).
    pub fn items(self) -> ItemStream<PastSessionList> {
        self.pages().items()
    }
}

/// Lists the users of one session, one row per connection.
#[derive(Clone, Debug)]
#[must_use]
pub struct SessionUsers {
    client: Client,
    session_id: String,
    page_size: u32,
}

impl SessionUsers {
    /// Records per call, 30..=300 (default 300).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.page_size = page_size;
        self
    }

    /// One call: the first page, or the page of `token`.
    pub async fn page(&self, token: Option<&str>) -> Result<SessionUserList, Error> {
        let page_size = check_page_size(self.page_size)?;
        let raw = self.client.raw();
        transport::call(raw, Operation::ListSessionUsers, || {
            let mut call = raw
                .list_session_users()
                .session_id(self.session_id.clone())
                .page_size(page_size);
            if let Some(token) = token {
                call = call.next_page_token(token);
            }
            call.send()
        })
        .await
    }

    /// Every page, the next fetched while the caller handles the current one.
    pub fn pages(self) -> PageStream<SessionUserList> {
        follow(self.client.max_pages(), self, |request, token| {
            Box::pin(request.page(token))
        })
    }

    /// Every connection of every user.
    pub fn items(self) -> ItemStream<SessionUserList> {
        self.pages().items()
    }
}

/// A request's one-call method: the page of a token, or the first page.
type OnePage<R, P> = for<'a> fn(&'a R, Option<&'a str>) -> BoxFuture<'a, Result<P, Error>>;

/// Follows `next_page_token` from the first page of `request`, one page ahead
/// of the caller, for at most `max_pages` pages; `page` is the request's one-call method.
fn follow<R, P>(max_pages: u64, request: R, page: OnePage<R, P>) -> PageStream<P>
where
    R: Send + Sync + 'static,
    P: Page,
{
    let request = Arc::new(request);
    PageStream::follow(
        Arc::new(move |token: Option<String>| {
            let request = request.clone();
            Box::pin(async move { page(&request, token.as_deref()).await })
        }),
        PAGES_AHEAD,
    )
    .max_pages(max_pages)
}
