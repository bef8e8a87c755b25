//! A client-side limiter per Zoom rate-limit label, so a fan-out waits for budget
//! instead of collecting 429s. Zoom's limits are per account and per label; each
//! operation's label is generated from the spec (`x-zoom-rate-limit-label`).

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

use crate::operation::RateLimitLabel;

/// Zoom's published limits by account plan, or limits of your own.
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
        self.set(label, requests, Quota::per_second)
    }

    /// Limits `label` to `requests` per minute; 0 removes its limit.
    pub fn per_minute(self, label: RateLimitLabel, requests: u32) -> Self {
        self.set(label, requests, Quota::per_minute)
    }

    // Zoom lets the whole budget be spent at once, then refills evenly: governor's
    // quotas have exactly that burst.
    fn set(mut self, label: RateLimitLabel, requests: u32, quota: fn(NonZeroU32) -> Quota) -> Self {
        match NonZeroU32::new(requests) {
            Some(requests) => self.quotas.insert(label, quota(requests)),
            None => self.quotas.remove(&label),
        };
        self
    }
}

/// The live limiters, one per label, shared by every clone of a client.
#[derive(Clone)]
pub(crate) struct Limiter {
    buckets: Arc<HashMap<RateLimitLabel, DefaultDirectRateLimiter>>,
}

impl Limiter {
    pub(crate) fn new(limits: &RateLimits) -> Self {
        let buckets = limits
            .quotas
            .iter()
            .map(|(label, quota)| (*label, RateLimiter::direct(*quota)))
            .collect();
        Self {
            buckets: Arc::new(buckets),
        }
    }

    /// Waits until `label` has budget for one request; returns how long it waited.
    pub(crate) async fn acquire(&self, label: RateLimitLabel) -> Duration {
        let Some(bucket) = self.buckets.get(&label) else {
            return Duration::ZERO;
        };
        let start = Instant::now();
        bucket.until_ready().await;
        start.elapsed()
    }
}

impl fmt::Debug for Limiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.buckets.keys()).finish()
    }
}
