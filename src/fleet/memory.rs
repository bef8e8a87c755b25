//! The in-memory stores: what one process shares between its clients, with the
//! same behaviour as a client's own limiter and token cache.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use super::{
    Admission, BoxFuture, DuplicateFilter, Lease, RateBudget, StoreError, StoredToken, TokenStore,
};
use crate::rate_limit::{Quota, RateLimitLabel};

/// Every critical section below is a few map operations that never await, so a
/// panic elsewhere cannot leave the map half updated: a poisoned lock is usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Takes a slot at `now` in a sliding window of slot times (`None`), or says how
/// long until the oldest leaves it: the algorithm of the Redis budget's script.
fn take_slot(recent: &mut VecDeque<Instant>, quota: Quota, now: Instant) -> Option<Duration> {
    while recent
        .front()
        .is_some_and(|&t| now.saturating_duration_since(t) >= quota.per())
    {
        recent.pop_front();
    }
    if recent.len() < quota.requests() as usize {
        recent.push_back(now);
        return None;
    }
    // Full: the oldest slot leaves the window first.
    Some(recent[0] + quota.per() - now)
}

/// Windows of one label of one account, and the pause after a 429.
#[derive(Default)]
struct Window {
    recent: VecDeque<Instant>,
    paused_until: Option<Instant>,
}

/// A [`RateBudget`] in this process's memory: a sliding window per account and
/// label, as `RedisStore` keeps it.
#[derive(Debug, Default)]
pub struct MemoryBudget {
    windows: Mutex<HashMap<(String, RateLimitLabel), Window>>,
}

impl MemoryBudget {
    /// An empty budget.
    pub fn new() -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Window")
            .field("in_window", &self.recent.len())
            .field("paused_until", &self.paused_until)
            .finish()
    }
}

impl RateBudget for MemoryBudget {
    fn try_acquire<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        quota: Quota,
    ) -> BoxFuture<'a, Result<Admission, StoreError>> {
        let mut windows = lock(&self.windows);
        let window = windows.entry((account.to_owned(), label)).or_default();
        let now = Instant::now();
        let admission = match window.paused_until.filter(|&until| until > now) {
            Some(until) => Admission::Wait(until - now),
            None => match take_slot(&mut window.recent, quota, now) {
                None => Admission::Granted,
                Some(wait) => Admission::Wait(wait),
            },
        };
        Box::pin(std::future::ready(Ok(admission)))
    }

    fn pause<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        pause: Duration,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        let mut windows = lock(&self.windows);
        let window = windows.entry((account.to_owned(), label)).or_default();
        let until = Instant::now() + pause;
        window.paused_until = Some(window.paused_until.map_or(until, |u| u.max(until)));
        Box::pin(std::future::ready(Ok(())))
    }
}

/// A [`TokenStore`] in this process's memory. `Debug` shows no token.
#[derive(Default)]
pub struct MemoryTokens {
    tokens: Mutex<HashMap<String, StoredToken>>,
    locks: Mutex<HashMap<String, (Lease, Instant)>>,
}

impl MemoryTokens {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl std::fmt::Debug for MemoryTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryTokens")
            .field("tokens", &lock(&self.tokens).len())
            .field("locks", &lock(&self.locks).len())
            .finish()
    }
}

impl TokenStore for MemoryTokens {
    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<StoredToken>, StoreError>> {
        let now = SystemTime::now();
        let token = lock(&self.tokens)
            .get(key)
            .filter(|t| t.expires_at > now)
            .cloned();
        Box::pin(std::future::ready(Ok(token)))
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        lock(&self.tokens).insert(key.to_owned(), token.clone());
        Box::pin(std::future::ready(Ok(())))
    }

    fn try_lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<Lease>, StoreError>> {
        let mut locks = lock(&self.locks);
        let now = Instant::now();
        let held = locks.get(key).is_some_and(|(_, until)| *until > now);
        let lease = (!held).then(|| {
            let lease = Lease::random();
            locks.insert(key.to_owned(), (lease.clone(), now + ttl));
            lease
        });
        Box::pin(std::future::ready(Ok(lease)))
    }

    fn unlock<'a>(
        &'a self,
        key: &'a str,
        lease: &'a Lease,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        let mut locks = lock(&self.locks);
        if locks.get(key).is_some_and(|(held, _)| held == lease) {
            locks.remove(key);
        }
        Box::pin(std::future::ready(Ok(())))
    }
}

/// A [`DuplicateFilter`] in this process's memory.
#[derive(Default)]
pub struct MemoryDuplicates {
    seen: Mutex<Seen>,
}

impl std::fmt::Debug for MemoryDuplicates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A count: the keys themselves are of no use to a reader.
        f.debug_struct("MemoryDuplicates")
            .field("remembered", &lock(&self.seen).expires.len())
            .finish()
    }
}

#[derive(Default)]
struct Seen {
    expires: HashMap<String, Instant>,
    /// Expired keys are dropped when the map reaches this size, so memory stays
    /// within twice the deliveries of one TTL at a constant cost per delivery.
    prune_at: usize,
}

impl MemoryDuplicates {
    /// An empty filter.
    pub fn new() -> Self {
        Self::default()
    }
}

impl DuplicateFilter for MemoryDuplicates {
    fn first_seen<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        let mut seen = lock(&self.seen);
        let now = Instant::now();
        if seen.expires.len() >= seen.prune_at {
            seen.expires.retain(|_, expires| *expires > now);
            seen.prune_at = (seen.expires.len() * 2).max(1024);
        }
        let first = seen.expires.get(key).is_none_or(|expires| *expires <= now);
        if first {
            seen.expires.insert(key.to_owned(), now + ttl);
        }
        Box::pin(std::future::ready(Ok(first)))
    }
}
