//! Zoom's per-account rate limits: one budget per account and rate-limit label,
//! shared by every client that authenticates as the account, refilled every
//! window, answered with 429 and `Retry-After` once spent.
//!
//! The limits are the SDK's [`RateLimits`]: the one table of Zoom's plan limits.
//! Windows are fixed and aligned to the simulator's clock (each second, or each
//! minute, from the Unix epoch); Zoom's daily caps are not modelled.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::clock::delta;
use super::response::{ApiError, Reply};
use zoom_cobrowse::{Quota, RateLimitLabel, RateLimits};

/// Zoom's `X-RateLimit-Type` for a quota's window.
fn kind(quota: Quota) -> &'static str {
    match quota.per().as_secs() {
        0 | 1 => "QPS",
        60 => "QPM",
        _ => "Window",
    }
}

/// The requests counted in each account's and label's current window.
#[derive(Debug)]
pub(crate) struct Limiter {
    limits: RateLimits,
    windows: BTreeMap<(String, RateLimitLabel), (DateTime<Utc>, u32)>,
}

/// What a request spent: its label and what is left, for the `X-RateLimit-*` headers.
pub(crate) struct Spent {
    label: RateLimitLabel,
    limit: Quota,
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

    /// Spends one request of `account`'s `label` at `now`: what is left (nothing
    /// to report when unlimited), or why not.
    pub fn spend(
        &mut self,
        account: &str,
        label: RateLimitLabel,
        now: DateTime<Utc>,
    ) -> Result<Option<Spent>, Exceeded> {
        let Some(limit) = self.limits.get(label) else {
            return Ok(None);
        };
        let window = delta(limit.per()).num_milliseconds().max(1);
        let start_ms = now.timestamp_millis().div_euclid(window) * window;
        let start = DateTime::from_timestamp_millis(start_ms).unwrap_or(now);
        let (current, used) = self
            .windows
            .entry((account.to_owned(), label))
            .or_insert((start, 0));
        if *current != start {
            *current = start;
            *used = 0;
        }
        let spent = |remaining| Spent {
            label,
            limit,
            remaining,
        };
        if *used >= limit.requests() {
            let wait_ms = start_ms + window - now.timestamp_millis();
            return Err(Exceeded {
                spent: spent(0),
                retry_after_secs: ((wait_ms + 999) / 1000).max(1),
            });
        }
        *used += 1;
        Ok(Some(spent(limit.requests() - *used)))
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
            .header("x-ratelimit-type", kind(self.limit))
            .header("x-ratelimit-limit", self.limit.requests())
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
        other => other.as_str(),
    }
}

fn too_many_requests(limit: Quota) -> Reply {
    let window = match kind(limit) {
        "QPS" => "per-second",
        "QPM" => "per-minute",
        _ => "",
    };
    ApiError::too_many_requests(window).into()
}
