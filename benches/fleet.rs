//! One rate-budget acquire over Redis on loopback, next to the in-memory one, in
//! one run: what fleet mode adds to every request. Needs Redis at
//! 127.0.0.1:6379 (or `REDIS_URL`); uses a key prefix of its own and deletes it.
//!
//! Run with `cargo bench --bench fleet --features redis`; the medians print at
//! the end.

use std::time::{Duration, Instant};

use criterion::Criterion;
use tokio::runtime::Runtime;
use zoom_cobrowse::fleet::{Admission, MemoryBudget, RateBudget, RedisStore};
use zoom_cobrowse::{Quota, RateLimitLabel, RateLimits};

const LABEL: RateLimitLabel = RateLimitLabel::Light;
/// Timed one by one for the medians, after criterion's own runs.
const SAMPLES: usize = 5_000;

/// A quota no run reaches, so every acquire takes the granting path (the one
/// that writes), as a request within budget does.
fn quota() -> Quota {
    RateLimits::custom()
        .per_second(LABEL, 1_000_000_000)
        .get(LABEL)
        .expect("a limited label has a quota")
}

fn median_micros(runtime: &Runtime, budget: &dyn RateBudget) -> f64 {
    let mut times: Vec<Duration> = runtime.block_on(async {
        let mut times = Vec::with_capacity(SAMPLES);
        for _ in 0..SAMPLES {
            let start = Instant::now();
            let admission = budget.try_acquire("bench", LABEL, quota()).await;
            times.push(start.elapsed());
            assert_eq!(admission.expect("the store answers"), Admission::Granted);
        }
        times
    });
    times.sort();
    times[SAMPLES / 2].as_secs_f64() * 1e6
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".into());
    let prefix = format!("zc-bench:{:016x}", fastrand::u64(..));
    let redis = runtime
        .block_on(RedisStore::builder(&url).prefix(&prefix).connect())
        .unwrap_or_else(|e| {
            panic!(
                "Redis is not reachable ({e}): start it with `redis-server --daemonize yes \
                 --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no`"
            )
        });
    let memory = MemoryBudget::new();

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("rate budget acquire");
    group.bench_function("redis (loopback)", |b| {
        b.to_async(&runtime)
            .iter(|| redis.try_acquire("bench", LABEL, quota()))
    });
    group.bench_function("memory", |b| {
        b.to_async(&runtime)
            .iter(|| memory.try_acquire("bench", LABEL, quota()))
    });
    group.finish();

    let redis_us = median_micros(&runtime, &redis);
    let memory_us = median_micros(&runtime, &memory);
    println!(
        "\none acquire, median of {SAMPLES}: redis {redis_us:.1} µs, memory {memory_us:.2} µs \
         (redis / memory = {:.0})",
        redis_us / memory_us
    );

    // The bench's keys go with it.
    if let Ok(mut connection) = redis::Client::open(url).and_then(|c| c.get_connection()) {
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(format!("{prefix}:*"))
            .query(&mut connection)
            .unwrap_or_default();
        if !keys.is_empty() {
            let _: redis::RedisResult<()> = redis::cmd("DEL").arg(&keys).query(&mut connection);
        }
    }
    criterion.final_summary();
}
