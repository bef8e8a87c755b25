//! The limiter spends the account's rate budget to the last slot without a 429:
//! against the simulator enforcing a limit (fixed windows on its own clock), a
//! client paced at the same limit draws no 429, and the utilisation it reaches is
//! printed (`cargo test --test rate_budget -- --nocapture`). Time is not asserted:
//! it varies with the machine; what cannot vary is that the server never refuses.
//!
//! Limits are scaled so the tests take seconds: Zoom's per-minute budget of
//! RESOURCE-INTENSIVE becomes the same count per second.

#[path = "../benches/support/six_months.rs"]
mod six_months;

use std::time::{Duration, Instant};

use futures_util::future::try_join_all;
use zoom_cobrowse::{Operation, RateLimitLabel, RateLimits};
use zoom_cobrowse_mock::MockZoom;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fan_out_of_200_calls_spends_the_budget_without_a_429() {
    const CALLS: u64 = 200;
    const PER_SECOND: u32 = 50;
    let limits = RateLimits::custom().per_second(RateLimitLabel::Light, PER_SECOND);
    let zoom = MockZoom::builder()
        .live_sessions(5)
        .rate_limits(limits.clone())
        .start()
        .await
        .unwrap();
    let client = six_months::paced_client(&zoom, limits);
    let id = zoom.live_sessions()[0].session_id.clone();

    let start = Instant::now();
    let calls = (0..CALLS).map(|_| client.get_session(&id));
    let answers = try_join_all(calls).await.expect("no call is refused");
    let elapsed = start.elapsed();

    let stats = zoom.stats();
    assert_eq!(answers.len() as u64, CALLS);
    assert_eq!(stats.requests(Operation::GetSession), CALLS);
    assert_eq!(stats.rate_limited, 0, "the server answered 429");
    let floor = six_months::floor(CALLS, u64::from(PER_SECOND), Duration::from_secs(1));
    println!(
        "{CALLS} calls at {PER_SECOND}/s: {elapsed:.2?}, floor {floor:.2?}, \
         rate budget used {:.1} %",
        100.0 * floor.as_secs_f64() / elapsed.as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn six_months_of_past_sessions_with_the_pro_budget_draw_no_429() {
    let paced = six_months::six_months_paced().await;
    assert_eq!(paced.rate_limited, 0, "the server answered 429");
    // The wall time against the floor is the benchmark's to report (a release
    // build): here, in a debug build, page round trips weigh more.
    println!(
        "six months, {} pages at {}/s: {:.2?}, floor {:.2?}, ratio {:.3}",
        paced.requests,
        paced.per_second,
        paced.elapsed,
        paced.floor,
        paced.ratio()
    );
}
