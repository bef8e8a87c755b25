//! Six months of past sessions paced by the client's limiter at Pro's
//! RESOURCE-INTENSIVE budget, against the simulator enforcing the same budget.
//! Shared by the benchmark, which prints the wall time against the floor, and by
//! `tests/rate_budget.rs`, which asserts that no request drew a 429 (and paces its
//! fan-out with the same [`paced_client`] and [`floor`]).
//!
//! The budget is Zoom's count per minute scaled to the same count per second, so
//! a run takes about a second.

use std::time::{Duration, Instant};

use chrono::Months;
use futures_util::TryStreamExt;
use secrecy::ExposeSecret;
use zoom_cobrowse::{Client, Credentials, Operation, RateLimitLabel, RateLimits, RetryPolicy};
use zoom_cobrowse_mock::MockZoom;

/// One paced run.
pub struct Paced {
    /// Requests allowed per second.
    pub per_second: u32,
    /// Pages requested.
    pub requests: u64,
    /// Wall time of the whole listing.
    pub elapsed: Duration,
    /// The least time that many requests can take within the budget.
    pub floor: Duration,
    /// Requests the simulator refused with a 429.
    pub rate_limited: u64,
}

impl Paced {
    /// Wall time over the floor.
    pub fn ratio(&self) -> f64 {
        self.elapsed.as_secs_f64() / self.floor.as_secs_f64()
    }
}

/// Lists six months of past sessions (20 a day, pages of 300) with a client whose
/// every 429 would be an error, and checks that every session arrived.
pub async fn six_months_paced() -> Paced {
    let per_second = RateLimits::pro()
        .get(RateLimitLabel::ResourceIntensive)
        .expect("Pro limits RESOURCE-INTENSIVE")
        .requests();
    let limits = RateLimits::custom().per_second(RateLimitLabel::ResourceIntensive, per_second);
    let zoom = MockZoom::builder()
        .past_sessions_per_day(20)
        .rate_limits(limits.clone())
        .start()
        .await
        .unwrap();
    let client = paced_client(&zoom, limits);
    let today = zoom.now().date_naive();
    let from = today.checked_sub_months(Months::new(6)).unwrap();

    let start = Instant::now();
    let items: Vec<_> = client
        .past_sessions()
        .range(from, today)
        .items()
        .try_collect()
        .await
        .expect("no page is refused");
    let elapsed = start.elapsed();

    assert_eq!(items.len(), zoom.past_sessions().len());
    let stats = zoom.stats();
    let requests = stats.requests(Operation::ListPastSessions);
    Paced {
        per_second,
        requests,
        elapsed,
        floor: floor(requests, u64::from(per_second), Duration::from_secs(1)),
        rate_limited: stats.rate_limited,
    }
}

/// A client of `zoom` paced at `limits`, whose every 429 would be an error.
pub fn paced_client(zoom: &MockZoom, limits: RateLimits) -> Client {
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    Client::builder(Credentials::bearer(token))
        .base_url(zoom.base_url())
        .rate_limits(limits)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

/// The least time `requests` can take within `quota` per `period` counted over any
/// window of that length: the first `quota` at once, then `quota` per period.
pub fn floor(requests: u64, quota: u64, period: Duration) -> Duration {
    period * u32::try_from(requests.div_ceil(quota) - 1).unwrap()
}
