//! Client benchmarks on loopback, each compared in the same run with a baseline:
//!
//! 1. per-request overhead (auth, limiter, hooks, decode) against a hand-written
//!    reqwest + serde_json call of the same endpoint;
//! 2. a prefetching page stream against a sequential page loop, 10,000 sessions in
//!    pages of 300, 20 ms server latency, the consumer spending 20 ms per page;
//! 3. six months of past sessions, month windows fetched concurrently against one
//!    at a time;
//! 4. peak heap while streaming 100,000 items against 1,000;
//! 5. six months of past sessions paced by the limiter at Pro's RESOURCE-INTENSIVE
//!    budget (scaled from a minute to a second) against the simulator enforcing
//!    it, against the floor that budget allows.
//!
//! Run with `cargo bench --bench client`; ratios print at the end. To profile one
//! endpoint's overhead, name it: `OVERHEAD_ENDPOINT=Session` (see the README).

#[path = "support/six_months.rs"]
mod six_months;
#[path = "support/mod.rs"]
mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::Criterion;
use futures_util::{StreamExt, TryStreamExt};
use tokio::runtime::Runtime;
use zoom_cobrowse::{Client, Credentials, RateLimitLabel, RateLimits};

/// Counts live heap bytes and their peak, for the memory comparison.
struct PeakAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

const SESSION: &str = r#"{"session_id":"GDDykmpQQU6MWL3GqLNUkw","start_time":"2025-02-14T19:09:01Z","session_pin":"987536","user_count":2}"#;
const PAST_SESSION: &str = r#"{"session_id":"Past3kmpQQU6MWL3GqLNUk","start_time":"2025-02-14T19:09:01Z","end_time":"2025-02-14T19:15:01Z","duration":"00:06:00","session_pin":"987536","user_count":2}"#;
/// The per-request overhead target: ours / baseline.
const OVERHEAD_TARGET: &str = "<= 1.03";
const TOKEN: &str = "bench-token";

/// The default retry policy, as users get it; the limiter runs on every request
/// but never makes one wait.
fn client(base: &str) -> Client {
    Client::builder(Credentials::bearer(TOKEN))
        .base_url(base)
        .rate_limits(
            RateLimits::custom()
                .per_second(RateLimitLabel::Light, 1_000_000)
                .per_second(RateLimitLabel::ResourceIntensive, 1_000_000),
        )
        .build()
        .unwrap()
}

/// The hand-written baseline's view of a session: live or past, so the optional
/// fields of both.
#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct BaselineSession {
    session_id: String,
    start_time: chrono::DateTime<chrono::Utc>,
    end_time: Option<chrono::DateTime<chrono::Utc>>,
    duration: Option<String>,
    session_pin: Option<String>,
    user_count: Option<i64>,
}

/// The hand-written baseline's view of a page of live sessions.
#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct BaselinePage {
    next_page_token: Option<String>,
    page_size: Option<i64>,
    #[serde(default)]
    sessions: Vec<BaselineLive>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct BaselineLive {
    session_id: String,
    start_time: chrono::DateTime<chrono::Utc>,
    session_pin: Option<String>,
    users: Vec<BaselineUser>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
struct BaselineUser {
    user_id: String,
    user_name: String,
    role_type: String,
}

/// What one request fetches.
#[derive(Clone, Copy, Debug)]
enum Endpoint {
    /// One live session's details (a small body; get-session's live-or-past decoding).
    Session,
    /// One past session's details: the other shape of get-session's answer.
    PastSession,
    /// A page of 30 live sessions.
    Page,
}

const ENDPOINTS: [Endpoint; 3] = [Endpoint::Session, Endpoint::PastSession, Endpoint::Page];

/// Fetching with the client, and with the hand-written baseline.
struct Overhead {
    ours: Client,
    http: reqwest::Client,
    base: String,
}

impl Overhead {
    fn new(rt: &Runtime) -> Self {
        let handler = Arc::new(|target: &str| {
            if target.starts_with("/cobrowsesdk/live_sessions") {
                support::session_page(target, 30, 30, false)
            } else if target.starts_with("/cobrowsesdk/sessions/Past") {
                PAST_SESSION.to_string()
            } else {
                SESSION.to_string()
            }
        });
        let base = rt.block_on(support::serve(handler, Duration::ZERO));
        Self {
            ours: client(&base),
            // The same transport settings as the client's defaults.
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .connect_timeout(Duration::from_secs(10))
                .build()
                .unwrap(),
            base,
        }
    }

    async fn ours(&self, endpoint: Endpoint) {
        match endpoint {
            Endpoint::Session => {
                self.ours
                    .get_session("GDDykmpQQU6MWL3GqLNUkw")
                    .await
                    .unwrap();
            }
            Endpoint::PastSession => {
                self.ours
                    .get_session("Past3kmpQQU6MWL3GqLNUk")
                    .await
                    .unwrap();
            }
            Endpoint::Page => {
                self.ours
                    .live_sessions()
                    .page_size(30)
                    .page(None)
                    .await
                    .unwrap();
            }
        }
    }

    async fn baseline(&self, endpoint: Endpoint) {
        let path = match endpoint {
            Endpoint::Session => "/cobrowsesdk/sessions/GDDykmpQQU6MWL3GqLNUkw",
            Endpoint::PastSession => "/cobrowsesdk/sessions/Past3kmpQQU6MWL3GqLNUk",
            Endpoint::Page => "/cobrowsesdk/live_sessions?page_size=30",
        };
        let url = format!("{}{path}", self.base);
        let response = self.http.get(url).bearer_auth(TOKEN).send().await.unwrap();
        match endpoint {
            Endpoint::Session | Endpoint::PastSession => {
                drop(response.json::<BaselineSession>().await.unwrap())
            }
            Endpoint::Page => drop(response.json::<BaselinePage>().await.unwrap()),
        }
    }

    /// The median over rounds of (ours / baseline), each round timing a batch of
    /// both back to back, in alternating order: load that changes during the run
    /// hits both sides of every ratio alike. Also the median seconds per call of
    /// each side, for scale.
    fn interleaved_ratio(&self, rt: &Runtime, endpoint: Endpoint) -> (f64, f64, f64) {
        const ROUNDS: usize = 41;
        const BATCH: u32 = 300;
        let mut ratios = Vec::with_capacity(ROUNDS);
        let mut per_call = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
        for round in 0..ROUNDS {
            let (ours, baseline) = rt.block_on(async {
                let time_ours = async {
                    let start = Instant::now();
                    for _ in 0..BATCH {
                        self.ours(endpoint).await;
                    }
                    start.elapsed()
                };
                let time_baseline = async {
                    let start = Instant::now();
                    for _ in 0..BATCH {
                        self.baseline(endpoint).await;
                    }
                    start.elapsed()
                };
                if round % 2 == 0 {
                    let ours = time_ours.await;
                    (ours, time_baseline.await)
                } else {
                    let baseline = time_baseline.await;
                    (time_ours.await, baseline)
                }
            });
            ratios.push(ours.as_secs_f64() / baseline.as_secs_f64());
            per_call.0.push(ours.as_secs_f64() / f64::from(BATCH));
            per_call.1.push(baseline.as_secs_f64() / f64::from(BATCH));
        }
        let median = |mut values: Vec<f64>| {
            values.sort_by(f64::total_cmp);
            values[ROUNDS / 2]
        };
        (median(ratios), median(per_call.0), median(per_call.1))
    }
}

fn overhead(c: &mut Criterion, rt: &Runtime, calls: &Overhead) {
    let mut group = c.benchmark_group("overhead");
    for endpoint in ENDPOINTS {
        group.bench_function(format!("client_{endpoint:?}"), |b| {
            b.to_async(rt).iter(|| calls.ours(endpoint))
        });
        group.bench_function(format!("baseline_{endpoint:?}"), |b| {
            b.to_async(rt).iter(|| calls.baseline(endpoint))
        });
    }
    group.finish();
}

const PAGE_LATENCY: Duration = Duration::from_millis(20);
const CONSUMER_TIME: Duration = Duration::from_millis(20);

fn prefetch(c: &mut Criterion, rt: &Runtime) {
    let handler = Arc::new(|target: &str| support::session_page(target, 10_000, 300, false));
    let base = rt.block_on(support::serve(handler, PAGE_LATENCY));
    let ours = client(&base);
    let mut group = c.benchmark_group("prefetch");
    group.sample_size(10);
    group.bench_function("stream", |b| {
        b.to_async(rt).iter(|| async {
            let mut pages = ours.live_sessions().pages();
            let mut seen = 0;
            while let Some(page) = pages.try_next().await.unwrap() {
                seen += page.sessions.len();
                tokio::time::sleep(CONSUMER_TIME).await;
            }
            assert_eq!(seen, 10_000);
        })
    });
    group.bench_function("sequential", |b| {
        b.to_async(rt).iter(|| async {
            let request = ours.live_sessions();
            let mut token: Option<String> = None;
            let mut seen = 0;
            loop {
                let page = request.page(token.as_deref()).await.unwrap();
                seen += page.sessions.len();
                tokio::time::sleep(CONSUMER_TIME).await;
                match page.next_page_token.filter(|t| !t.is_empty()) {
                    Some(next) => token = Some(next),
                    None => break,
                }
            }
            assert_eq!(seen, 10_000);
        })
    });
    group.finish();
}

fn windows(c: &mut Criterion, rt: &Runtime) {
    // Each month window holds 900 sessions: three pages of 300.
    let handler = Arc::new(|target: &str| support::session_page(target, 900, 300, true));
    let base = rt.block_on(support::serve(handler, PAGE_LATENCY));
    let ours = client(&base);
    let from = NaiveDate::from_ymd_opt(2025, 5, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2025, 10, 31).unwrap();
    let mut group = c.benchmark_group("six_months");
    group.sample_size(10);
    for (name, concurrency) in [("concurrent", 6), ("one_at_a_time", 1)] {
        group.bench_function(name, |b| {
            b.to_async(rt).iter(|| async {
                let count = ours
                    .past_sessions()
                    .range(from, to)
                    .window_concurrency(concurrency)
                    .items()
                    .try_fold(0usize, |n, _| async move { Ok(n + 1) })
                    .await
                    .unwrap();
                assert_eq!(count, 6 * 900);
            })
        });
    }
    group.finish();
}

/// Peak heap while streaming `total` items, each dropped as it arrives.
fn streaming_peak(rt: &Runtime, total: usize) -> usize {
    let handler = Arc::new(move |target: &str| support::session_page(target, total, 300, false));
    let base = rt.block_on(support::serve(handler, Duration::ZERO));
    let ours = client(&base);
    rt.block_on(async {
        PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
        let before = LIVE.load(Ordering::Relaxed);
        let count = ours
            .live_sessions()
            .items()
            .fold(0usize, |n, item| async move {
                item.unwrap();
                n + 1
            });
        assert_eq!(count.await, total);
        PEAK.load(Ordering::Relaxed) - before
    })
}

/// The median of a criterion result, from the estimates it saved.
fn median_ns(group: &str, function: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let path = format!("{dir}/criterion/{group}/{function}/new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

fn report(label: &str, group: &str, ours: &str, baseline: &str, target: &str) {
    match (median_ns(group, ours), median_ns(group, baseline)) {
        (Some(a), Some(b)) => println!(
            "{label}: {ours} {:.3} ms / {baseline} {:.3} ms = ratio {:.3} (target {target})",
            a / 1e6,
            b / 1e6,
            a / b
        ),
        _ => println!("{label}: no estimates (filtered out?)"),
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    // One thread for client and server alike: the overhead is CPU work, and a
    // single thread keeps scheduling luck out of the comparison.
    let single = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut c = Criterion::default().configure_from_args();
    let calls = Overhead::new(&single);
    overhead(&mut c, &single, &calls);
    prefetch(&mut c, &rt);
    windows(&mut c, &rt);
    c.final_summary();

    let small = streaming_peak(&rt, 1_000);
    let large = streaming_peak(&rt, 100_000);
    println!();
    let only = std::env::var("OVERHEAD_ENDPOINT").ok();
    let chosen = |e: &Endpoint| only.as_ref().is_none_or(|name| *name == format!("{e:?}"));
    for endpoint in ENDPOINTS.into_iter().filter(chosen) {
        report(
            &format!("per-request overhead, {endpoint:?}"),
            "overhead",
            &format!("client_{endpoint:?}"),
            &format!("baseline_{endpoint:?}"),
            OVERHEAD_TARGET,
        );
        let (ratio, ours, baseline) = calls.interleaved_ratio(&single, endpoint);
        println!(
            "per-request overhead, {endpoint:?}, interleaved rounds: ours {:.1} µs / baseline {:.1} µs, median ratio {ratio:.3} (target {OVERHEAD_TARGET})",
            ours * 1e6,
            baseline * 1e6,
        );
    }
    report(
        "prefetching stream",
        "prefetch",
        "stream",
        "sequential",
        "<= 0.6",
    );
    report(
        "six months of windows",
        "six_months",
        "concurrent",
        "one_at_a_time",
        "<= 0.35",
    );
    println!(
        "peak heap streaming: 100,000 items {} KiB / 1,000 items {} KiB = ratio {:.2} (target <= 1.5)",
        large / 1024,
        small / 1024,
        large as f64 / small as f64
    );
    if only.is_none() {
        let paced = rt.block_on(six_months::six_months_paced());
        println!(
            "six months paced at Pro's RESOURCE-INTENSIVE budget scaled to {}/s: {} pages in {:.3} s, \
             floor {:.3} s, ratio {:.3} (target <= 1.05), {} x 429",
            paced.per_second,
            paced.requests,
            paced.elapsed.as_secs_f64(),
            paced.floor.as_secs_f64(),
            paced.ratio(),
            paced.rate_limited,
        );
    }
}
