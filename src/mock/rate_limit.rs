//! Zoom's per-account rate limits: one budget per rate-limit label, refilled every
//! window, answered with 429 and `Retry-After` once spent.
//!
//! Windows are fixed and aligned to the simulator's clock (each second, or each
//! minute, from the Unix epoch); Zoom's daily caps are not modelled.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::clock::delta;
use super::response::{ApiError, Reply};
use crate::operation::RateLimitLabel;

/// A Zoom account plan, which sets the limits of each label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Free (Basic) accounts.
    Free,
    /// Pro accounts.
    Pro,
    /// Business, Enterprise, Education and Partner accounts.
    BusinessPlus,
}

/// At most `requests` every `per`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Requests allowed in each window.
    pub requests: u32,
    /// The window's length.
    pub per: Duration,
}

impl Limit {
    /// `requests` per second.
    pub fn per_second(requests: u32) -> Self {
        Self {
            requests,
            per: Duration::from_secs(1),
        }
    }

    /// `requests` per minute.
    pub fn per_minute(requests: u32) -> Self {
        Self {
            requests,
            per: Duration::from_secs(60),
        }
    }

    /// Zoom's `X-RateLimit-Type` for the window.
    fn kind(self) -> &'static str {
        match self.per.as_secs() {
            0 | 1 => "QPS",
            60 => "QPM",
            _ => "Window",
        }
    }
}

/// The limits of each label; a label without a limit is unlimited.
///
/// ```
/// use zoom_cobrowse::mock::{Limit, Plan, RateLimits};
/// use zoom_cobrowse::operation::RateLimitLabel;
/// // Pro's limits, but only two past-session listings a minute.
/// let limits = RateLimits::plan(Plan::Pro)
///     .with(RateLimitLabel::ResourceIntensive, Limit::per_minute(2));
/// assert_eq!(limits.get(RateLimitLabel::Light), Some(Limit::per_second(30)));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RateLimits(BTreeMap<RateLimitLabel, Limit>);

impl RateLimits {
    /// No limits (the simulator's default).
    pub fn unlimited() -> Self {
        Self::default()
    }

    /// Zoom's published limits for `plan`.
    pub fn plan(plan: Plan) -> Self {
        let (light, medium, heavy, intensive) = match plan {
            Plan::Free => (4, 2, 1, 10),
            Plan::Pro => (30, 20, 10, 10),
            Plan::BusinessPlus => (80, 60, 40, 20),
        };
        Self::unlimited()
            .with(RateLimitLabel::Light, Limit::per_second(light))
            .with(RateLimitLabel::Medium, Limit::per_second(medium))
            .with(RateLimitLabel::Heavy, Limit::per_second(heavy))
            .with(
                RateLimitLabel::ResourceIntensive,
                Limit::per_minute(intensive),
            )
    }

    /// Sets the limit of `label`.
    pub fn with(mut self, label: RateLimitLabel, limit: Limit) -> Self {
        self.0.insert(label, limit);
        self
    }

    /// Lifts the limit of `label`.
    pub fn without(mut self, label: RateLimitLabel) -> Self {
        self.0.remove(&label);
        self
    }

    /// The limit of `label`, if it has one.
    pub fn get(&self, label: RateLimitLabel) -> Option<Limit> {
        self.0.get(&label).copied()
    }
}

/// The requests counted in each label's current window.
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    limits: RateLimits,
    windows: BTreeMap<RateLimitLabel, (DateTime<Utc>, u32)>,
}

/// What a request spent: its label and what is left, for the `X-RateLimit-*` headers.
pub(crate) struct Spent {
    label: RateLimitLabel,
    limit: Limit,
    remaining: u32,
}

impl Limiter {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            windows: BTreeMap::new(),
        }
    }

    pub fn set_limits(&mut self, limits: RateLimits) {
        self.limits = limits;
        self.windows.clear();
    }

    /// Spends one request of `label` at `now`: what is left (nothing to report when
    /// unlimited), or why not.
    pub fn spend(
        &mut self,
        label: RateLimitLabel,
        now: DateTime<Utc>,
    ) -> Result<Option<Spent>, Exceeded> {
        let Some(limit) = self.limits.get(label) else {
            return Ok(None);
        };
        let window = delta(limit.per).num_milliseconds().max(1);
        let start_ms = now.timestamp_millis().div_euclid(window) * window;
        let start = DateTime::from_timestamp_millis(start_ms).unwrap_or(now);
        let (current, used) = self.windows.entry(label).or_insert((start, 0));
        if *current != start {
            *current = start;
            *used = 0;
        }
        let spent = |remaining| Spent {
            label,
            limit,
            remaining,
        };
        if *used >= limit.requests {
            let wait_ms = start_ms + window - now.timestamp_millis();
            return Err(Exceeded {
                spent: spent(0),
                retry_after_secs: ((wait_ms + 999) / 1000).max(1),
            });
        }
        *used += 1;
        Ok(Some(spent(limit.requests - *used)))
    }
}

/// A label's budget is spent until the window ends.
pub(crate) struct Exceeded {
    spent: Spent,
    retry_after_secs: i64,
}

impl Exceeded {
    /// The 429 Zoom sends, with `Retry-After` and the `X-RateLimit-*` headers.
    pub fn reply(&self) -> Reply {
        self.spent
            .headers(too_many_requests(self.spent.limit))
            .header("retry-after", self.retry_after_secs)
    }
}

impl Spent {
    /// Adds Zoom's `X-RateLimit-*` headers to `reply`.
    pub fn headers(&self, reply: Reply) -> Reply {
        reply
            .header("x-ratelimit-category", category(self.label))
            .header("x-ratelimit-type", self.limit.kind())
            .header("x-ratelimit-limit", self.limit.requests)
            .header("x-ratelimit-remaining", self.remaining)
    }
}

/// Zoom's spelling of a label in `X-RateLimit-Category`.
fn category(label: RateLimitLabel) -> &'static str {
    match label {
        RateLimitLabel::Light => "Light",
        RateLimitLabel::Medium => "Medium",
        RateLimitLabel::Heavy => "Heavy",
        RateLimitLabel::ResourceIntensive => "Resource-intensive",
    }
}

fn too_many_requests(limit: Limit) -> Reply {
    let window = match limit.kind() {
        "QPS" => "per-second",
        "QPM" => "per-minute",
        _ => "",
    };
    ApiError::too_many_requests(window).into()
}
