//! How close a backfill comes to the floor Zoom's rate limits set, and how fast the
//! archive writes. Prints its figures (run with `--nocapture`); asserts only that
//! the archive is complete, never a time.

mod common;

use std::time::{Duration, Instant};

use common::{Target, assert_matches_api, client, client_with, contents};
use zoom_cobrowse::{Operation, RateLimitLabel, RateLimits};
use zoom_cobrowse_archive::SyncOptions;
use zoom_cobrowse_mock::MockZoom;

/// The least time `requests` requests take under `limit` per `per` with fixed
/// windows: the first window's budget is spent at once, each later one waits for
/// its window.
fn floor(requests: u64, limit: u64, per: Duration) -> Duration {
    per * u32::try_from(requests.div_ceil(limit).saturating_sub(1)).unwrap_or(u32::MAX)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backfill_against_pro_rate_limits() {
    // Zoom's Pro plan on both sides: LIGHT 30/s (user listings), RESOURCE-INTENSIVE
    // 10/min (past-session listings).
    let zoom = MockZoom::builder()
        .seed(71)
        .past_sessions_per_day(2)
        .live_sessions(0)
        .rate_limits(RateLimits::pro())
        .start()
        .await
        .unwrap();
    let client = client_with(&zoom, |b| b.rate_limits(RateLimits::pro()));
    let target = Target::sqlite();
    let archive = target.open().await;
    let started = Instant::now();
    let report = archive
        .sync(&client, &SyncOptions::default())
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_matches_api(&zoom, &contents(&archive).await, false);
    let stats = zoom.stats();
    let users = stats.requests(Operation::ListSessionUsers);
    let past = stats.requests(Operation::ListPastSessions);
    let bound =
        floor(users, 30, Duration::from_secs(1)).max(floor(past, 10, Duration::from_secs(60)));
    println!(
        "Pro limits: {} windows, {past} past listings ({}), {users} user listings ({}), \
         {} rate-limited answers; backfill {:.2?}, floor {:.2?}, ratio {:.2}",
        report.windows,
        RateLimitLabel::ResourceIntensive,
        RateLimitLabel::Light,
        stats.rate_limited,
        elapsed,
        bound,
        elapsed.as_secs_f64() / bound.as_secs_f64().max(f64::EPSILON),
    );
}

async fn rows_per_second(target: Target) {
    let zoom = MockZoom::builder()
        .seed(72)
        .past_sessions_per_day(20)
        .live_sessions(0)
        .start()
        .await
        .unwrap();
    let archive = target.open().await;
    let started = Instant::now();
    let report = archive
        .sync(&client(&zoom), &SyncOptions::default())
        .await
        .unwrap();
    let elapsed = started.elapsed();
    let rows = report.sessions_written + report.connections_written;
    assert_eq!(report.sessions_written as usize, zoom.past_sessions().len());
    println!(
        "{}: unlimited backfill of {} sessions + {} connections in {:.2?} ({} API calls): \
         {:.0} rows/s end to end; {:.2?} in write transactions: {:.0} rows/s written",
        target.name(),
        report.sessions_written,
        report.connections_written,
        elapsed,
        zoom.stats().api_requests(),
        rows as f64 / elapsed.as_secs_f64(),
        report.writing,
        rows as f64 / report.writing.as_secs_f64(),
    );
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_per_second_into_sqlite() {
    rows_per_second(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_per_second_into_postgres() {
    rows_per_second(Target::postgres().await).await;
}
