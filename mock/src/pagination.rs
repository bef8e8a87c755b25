//! Zoom-style pagination: opaque `next_page_token`s that expire, `""` on the last page.
//!
//! A token remembers the listing it belongs to (operation, session and filters, and
//! the time range resolved on the first page, so "the last 24 hours" does not slide
//! under a client) and the sort key of the last item it followed, not an offset, so
//! sessions that end while a client pages through live sessions shift nothing. A
//! token may be redeemed again until it expires, as a client retrying a failed page
//! needs.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use rand_pcg::Pcg64;

use super::generate::{ALPHANUMERIC, random_text};
use super::range::Range;

/// Zoom's bounds for `page_size`, and its default.
pub(crate) const PAGE_SIZES: std::ops::RangeInclusive<usize> = 30..=300;
pub(crate) const DEFAULT_PAGE_SIZE: usize = 30;

/// The sort key of a listed item: a time, then an ID.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Cursor {
    pub at: DateTime<Utc>,
    pub id: String,
}

/// What a page belongs to: a key naming the operation, session and filters, and the
/// time range it covers, if any.
#[derive(Clone, Debug)]
pub(crate) struct Listing {
    pub key: String,
    pub range: Option<Range>,
}

#[derive(Debug)]
struct Issued {
    listing: Listing,
    after: Cursor,
    issued_at: DateTime<Utc>,
}

/// The tokens handed out and not yet forgotten.
#[derive(Debug)]
pub(crate) struct PageTokens {
    ttl: TimeDelta,
    issued: HashMap<String, Issued>,
}

impl PageTokens {
    pub fn new(ttl: TimeDelta) -> Self {
        Self {
            ttl,
            issued: HashMap::new(),
        }
    }

    /// Where `token` continues the listing with key `key`, if it was issued for that
    /// listing and has not expired.
    pub fn resolve(&self, token: &str, key: &str, now: DateTime<Utc>) -> Option<(Listing, Cursor)> {
        let issued = self.issued.get(token)?;
        (issued.listing.key == key && now - issued.issued_at < self.ttl)
            .then(|| (issued.listing.clone(), issued.after.clone()))
    }

    /// One page of `items` (sorted by cursor) after `after`, and the token of the next
    /// page, `""` when this is the last.
    pub fn page<T>(
        &mut self,
        rng: &mut Pcg64,
        listing: &Listing,
        items: impl IntoIterator<Item = (Cursor, T)>,
        after: Option<&Cursor>,
        size: usize,
        now: DateTime<Utc>,
    ) -> (Vec<T>, String) {
        let mut rest = items
            .into_iter()
            .skip_while(|(cursor, _)| after.is_some_and(|after| cursor <= after))
            .peekable();
        let mut page = Vec::new();
        let mut last = None;
        while page.len() < size {
            let Some((cursor, item)) = rest.next() else {
                break;
            };
            page.push(item);
            last = Some(cursor);
        }
        let token = match (rest.peek(), last) {
            (Some(_), Some(last)) => self.issue(rng, listing, last, now),
            _ => String::new(),
        };
        (page, token)
    }

    fn issue(
        &mut self,
        rng: &mut Pcg64,
        listing: &Listing,
        after: Cursor,
        now: DateTime<Utc>,
    ) -> String {
        let ttl = self.ttl;
        self.issued.retain(|_, t| now - t.issued_at < ttl);
        // Zoom's tokens are 35 alphanumeric characters.
        let token = random_text(rng, 35, ALPHANUMERIC);
        self.issued.insert(
            token.clone(),
            Issued {
                listing: listing.clone(),
                after,
                issued_at: now,
            },
        );
        token
    }
}
