//! A client-side limiter per Zoom rate-limit label, so a fan-out waits for budget
//! instead of collecting 429s. Zoom's limits are per account and per label; each
//! operation's label is generated from the spec (`x-zoom-rate-limit-label`).

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::error::Error;
use crate::fleet::SharedBudget;

/// Zoom's rate-limit labels: each names a per-account budget shared by every app.
/// Each operation's label comes from the spec ([`crate::Operation::rate_limit_label`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RateLimitLabel {
    /// `LIGHT`: 4 / 30 / 80 requests per second (Free / Pro / Business+).
    Light,
    /// `MEDIUM`: 2 / 20 / 60 requests per second.
    Medium,
    /// `HEAVY`: 1 / 10 / 40 requests per second.
    Heavy,
    /// `RESOURCE-INTENSIVE`: 10 / 10 / 20 requests per minute.
    ResourceIntensive,
}

impl RateLimitLabel {
    /// Zoom's spelling of the label.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Light => "LIGHT",
            Self::Medium => "MEDIUM",
            Self::Heavy => "HEAVY",
            Self::ResourceIntensive => "RESOURCE-INTENSIVE",
        }
    }
}

impl fmt::Display for RateLimitLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Zoom's published limits by account plan, or limits of your own. The one table
/// of plan limits: the simulator (zoom-cobrowse-mock) enforces these same values.
///
/// ```
/// use zoom_cobrowse::{RateLimitLabel, RateLimits};
/// let pro = RateLimits::pro();
/// // A second app on the same account gets half the budget:
/// let half = RateLimits::custom()
///     .per_second(RateLimitLabel::Light, 15)
///     .per_minute(RateLimitLabel::ResourceIntensive, 5);
/// # let _ = (pro, half);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimits {
    quotas: HashMap<RateLimitLabel, Quota>,
}

/// At most a number of requests in any period of a given length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quota {
    requests: NonZeroU32,
    per: Duration,
}

impl Quota {
    /// Requests allowed per period (never 0: a label without a limit has no quota).
    pub fn requests(self) -> u32 {
        self.requests.get()
    }

    /// The period's length.
    pub fn per(self) -> Duration {
        self.per
    }

    /// The same number of requests over a period longer by `margin`.
    pub(crate) fn widened(self, margin: Duration) -> Self {
        Self {
            requests: self.requests,
            per: self.per + margin,
        }
    }
}

impl RateLimits {
    /// Free plan: LIGHT 4/s, MEDIUM 2/s, HEAVY 1/s, RESOURCE-INTENSIVE 10/min.
    pub fn free() -> Self {
        Self::plan([4, 2, 1], 10)
    }

    /// Pro plan: LIGHT 30/s, MEDIUM 20/s, HEAVY 10/s, RESOURCE-INTENSIVE 10/min.
    pub fn pro() -> Self {
        Self::plan([30, 20, 10], 10)
    }

    /// Business and higher plans: LIGHT 80/s, MEDIUM 60/s, HEAVY 40/s,
    /// RESOURCE-INTENSIVE 20/min.
    pub fn business_plus() -> Self {
        Self::plan([80, 60, 40], 20)
    }

    /// No label limited until set with [`per_second`](Self::per_second) or
    /// [`per_minute`](Self::per_minute).
    pub fn custom() -> Self {
        Self {
            quotas: HashMap::new(),
        }
    }

    fn plan([light, medium, heavy]: [u32; 3], intensive_per_minute: u32) -> Self {
        Self::custom()
            .per_second(RateLimitLabel::Light, light)
            .per_second(RateLimitLabel::Medium, medium)
            .per_second(RateLimitLabel::Heavy, heavy)
            .per_minute(RateLimitLabel::ResourceIntensive, intensive_per_minute)
    }

    /// Limits `label` to `requests` per second; 0 removes its limit.
    pub fn per_second(self, label: RateLimitLabel, requests: u32) -> Self {
        self.set(label, requests, Duration::from_secs(1))
    }

    /// Limits `label` to `requests` per minute; 0 removes its limit.
    pub fn per_minute(self, label: RateLimitLabel, requests: u32) -> Self {
        self.set(label, requests, Duration::from_secs(60))
    }

    /// This app's share of the account's budget, when other apps on the account
    /// spend the rest: every quota times `fraction` (rounded down, at least one
    /// request per period). `fraction` must be in `(0, 1]`.
    ///
    /// ```
    /// use zoom_cobrowse::{RateLimitLabel, RateLimits};
    /// let half = RateLimits::pro().share(0.5)?;
    /// assert_eq!(half.get(RateLimitLabel::Light).unwrap().requests(), 15);
    /// assert_eq!(half.get(RateLimitLabel::ResourceIntensive).unwrap().requests(), 5);
    /// assert!(RateLimits::pro().share(1.5).is_err());
    /// # Ok::<(), zoom_cobrowse::Error>(())
    /// ```
    pub fn share(mut self, fraction: f64) -> Result<Self, Error> {
        if !(fraction > 0.0 && fraction <= 1.0) {
            return Err(Error::config(format!(
                "a share of the rate limits must be more than 0 and at most 1, not {fraction}"
            )));
        }
        for quota in self.quotas.values_mut() {
            // Within u32 and at least 1: the product is at most the quota itself.
            let requests = (f64::from(quota.requests.get()) * fraction).floor() as u32;
            quota.requests = NonZeroU32::new(requests).unwrap_or(NonZeroU32::MIN);
        }
        Ok(self)
    }

    /// The quota of `label`, if it is limited.
    pub fn get(&self, label: RateLimitLabel) -> Option<Quota> {
        self.quotas.get(&label).copied()
    }

    fn set(mut self, label: RateLimitLabel, requests: u32, per: Duration) -> Self {
        match NonZeroU32::new(requests) {
            Some(requests) => self.quotas.insert(label, Quota { requests, per }),
            None => self.quotas.remove(&label),
        };
        self
    }
}

/// The live limiters, one per label, shared by every clone of a client.
#[derive(Clone)]
pub(crate) struct Limiter {
    /// Indexed by [`slot_index`]: a lookup on every request, so no hashing.
    buckets: Arc<[Option<SlidingWindow>; LABELS.len()]>,
    /// In fleet mode, the fleet's budget, asked first; these windows are the
    /// fallback when its store fails open.
    fleet: Option<Arc<SharedBudget>>,
}

/// Every label, in the order of [`slot_index`].
const LABELS: [RateLimitLabel; 4] = [
    RateLimitLabel::Light,
    RateLimitLabel::Medium,
    RateLimitLabel::Heavy,
    RateLimitLabel::ResourceIntensive,
];

fn slot_index(label: RateLimitLabel) -> usize {
    match label {
        RateLimitLabel::Light => 0,
        RateLimitLabel::Medium => 1,
        RateLimitLabel::Heavy => 2,
        RateLimitLabel::ResourceIntensive => 3,
    }
}

impl Limiter {
    pub(crate) fn new(limits: &RateLimits) -> Self {
        Self {
            buckets: Arc::new(LABELS.map(|label| limits.get(label).map(SlidingWindow::new))),
            fleet: None,
        }
    }

    /// Takes its slots from the fleet's budget (with these limits), and from its
    /// own windows only when the fleet's store fails open.
    pub(crate) fn shared(limits: &RateLimits, fleet: SharedBudget) -> Self {
        Self {
            fleet: Some(Arc::new(fleet)),
            ..Self::new(limits)
        }
    }

    /// Zoom answered 429 to a request of `label`: in fleet mode every replica
    /// holds back for `Retry-After` (one second when Zoom gives none). Alone,
    /// the retry policy already waits, and no one else shares the budget.
    pub(crate) async fn rate_limited(&self, label: RateLimitLabel, retry_after: Option<Duration>) {
        if let Some(fleet) = &self.fleet {
            let pause = retry_after.unwrap_or(Duration::from_secs(1));
            fleet.pause(label, pause).await;
        }
    }

    /// Waits until `label` has budget for one request; returns the slot (hold it
    /// until the answer's head arrives) and how long it waited.
    pub(crate) async fn acquire(&self, label: RateLimitLabel) -> (Option<Slot<'_>>, Duration) {
        let Some(window) = &self.buckets[slot_index(label)] else {
            return (None, Duration::ZERO);
        };
        let mut waited = Duration::ZERO;
        if let Some(fleet) = &self.fleet {
            // The fleet's window counts from the slot's taking, widened by its
            // margin for the time to the server (a store has no "answer arrived").
            match fleet.acquire(label, window.quota).await {
                Ok(waited) => return (None, waited),
                // The store is unreachable and the fleet fails open.
                Err(before_fallback) => waited = before_fallback,
            }
        }
        let (slot, local) = window.acquire().await;
        (Some(slot), waited + local)
    }
}

impl fmt::Debug for Limiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limited = LABELS.iter().zip(self.buckets.iter());
        let quotas: std::collections::BTreeMap<_, _> = limited
            .filter_map(|(label, w)| Some((label, w.as_ref()?.quota)))
            .collect();
        f.debug_struct("Limiter")
            .field("quotas", &quotas)
            .field("fleet", &self.fleet)
            .finish()
    }
}

/// At most `requests` in any span of `period`, as the server counts them: the
/// whole budget may go at once, but unlike a token bucket it never lets through
/// more than the limit within one period, wherever the server starts counting its
/// windows.
///
/// The server counts a request at some moment between when it leaves and when its
/// answer arrives, and which moment is unknown here: a request sent later may be
/// counted earlier, when network delays differ. So a request holds its slot while
/// in flight, and the slot frees one period after its answer arrived, the latest
/// moment the server can have counted it. Any two requests that share a slot are
/// then counted at least a period apart, whatever the delays, and the cost is one
/// round trip per period (about 0.1 % of a one-second period on loopback) rather
/// than a guessed margin.
struct SlidingWindow {
    quota: Quota,
    state: Mutex<WindowState>,
    /// Wakes waiters when a request in flight returns its slot.
    released: Notify,
}

struct WindowState {
    /// Requests sent whose answer has not arrived.
    in_flight: u32,
    /// When the answers of recent requests arrived, oldest first; each holds its
    /// slot until a period after.
    answered: VecDeque<Instant>,
}

/// One request's place in a label's budget; dropping it records that the answer
/// arrived (or that the request was abandoned, which the server counts no later).
pub(crate) struct Slot<'a> {
    window: &'a SlidingWindow,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut state = self.window.lock();
        state.in_flight -= 1;
        state.answered.push_back(Instant::now());
        drop(state);
        // A waiter that found every slot in flight had no time to sleep until;
        // now it has.
        self.window.released.notify_waiters();
    }
}

impl SlidingWindow {
    fn new(quota: Quota) -> Self {
        Self {
            quota,
            state: Mutex::new(WindowState {
                in_flight: 0,
                // Grows to the quota as needed; large quotas need not be allocated up front.
                answered: VecDeque::with_capacity(quota.requests.get().min(128) as usize),
            }),
            released: Notify::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, WindowState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    async fn acquire(&self) -> (Slot<'_>, Duration) {
        let start = Instant::now();
        // The common case, budget left, takes one lock and no waiter registration.
        if self.try_take(start).is_ok() {
            return (Slot { window: self }, Duration::ZERO);
        }
        loop {
            // Registered before the check, so a release between the check and the
            // wait is not missed.
            let released = self.released.notified();
            let mut released = std::pin::pin!(released);
            released.as_mut().enable();
            let now = Instant::now();
            match self.try_take(now) {
                Ok(()) => return (Slot { window: self }, now.duration_since(start)),
                // A release cannot free a slot sooner: it starts a later period.
                Err(Some(at)) => tokio::time::sleep_until(at).await,
                Err(None) => released.await,
            }
        }
    }

    /// Takes a slot at `now` if one is free; otherwise says when the first one
    /// frees, or `None` while every slot is in flight.
    fn try_take(&self, now: Instant) -> Result<(), Option<Instant>> {
        let mut state = self.lock();
        while state
            .answered
            .front()
            .is_some_and(|&t| now.saturating_duration_since(t) >= self.quota.per)
        {
            state.answered.pop_front();
        }
        let used = state.in_flight as usize + state.answered.len();
        if used < self.quota.requests.get() as usize {
            state.in_flight += 1;
            return Ok(());
        }
        // Full: the oldest answered request frees its slot first.
        Err(state.answered.front().map(|&t| t + self.quota.per))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn no_period_ever_holds_more_than_the_limit() {
        let limits = RateLimits::custom().per_second(RateLimitLabel::Light, 5);
        let limiter = Limiter::new(&limits);
        let mut sent = Vec::new();
        for _ in 0..23 {
            let (slot, _) = limiter.acquire(RateLimitLabel::Light).await;
            sent.push(Instant::now());
            drop(slot);
        }
        for (i, t) in sent.iter().enumerate() {
            let in_window = sent[i..]
                .iter()
                .filter(|&&u| u - *t < Duration::from_secs(1))
                .count();
            assert!(in_window <= 5, "{in_window} requests within one second");
        }
        assert_eq!(sent[4], sent[0], "the whole budget may be spent at once");
        assert!(
            sent[22] - sent[0] >= Duration::from_secs(4),
            "23 requests need four refills"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_slot_frees_a_period_after_its_answer_not_its_sending() {
        let limiter = Limiter::new(&RateLimits::custom().per_second(RateLimitLabel::Light, 1));
        let (slot, _) = limiter.acquire(RateLimitLabel::Light).await;
        let sent = Instant::now();
        // The answer takes 300 ms; the server may have counted the request at its end.
        let answered = async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            drop(slot);
        };
        let (_, (_next, waited)) = tokio::join!(answered, limiter.acquire(RateLimitLabel::Light));
        assert_eq!(waited, Duration::from_millis(1300));
        assert_eq!(Instant::now() - sent, Duration::from_millis(1300));
    }

    #[tokio::test(start_paused = true)]
    async fn unlimited_labels_never_wait() {
        let limiter =
            Limiter::new(&RateLimits::custom().per_minute(RateLimitLabel::ResourceIntensive, 1));
        for _ in 0..100 {
            let (slot, waited) = limiter.acquire(RateLimitLabel::Light).await;
            assert!(slot.is_none());
            assert_eq!(waited, Duration::ZERO);
        }
        let (slot, waited) = limiter.acquire(RateLimitLabel::ResourceIntensive).await;
        assert_eq!(waited, Duration::ZERO);
        drop(slot);
        let (_, waited) = limiter.acquire(RateLimitLabel::ResourceIntensive).await;
        assert_eq!(waited, Duration::from_secs(60));
    }
}
