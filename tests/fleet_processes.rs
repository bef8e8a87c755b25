//! Fleet mode with real processes: this test binary starts copies of itself as
//! replicas (the ignored test `replica`, told what to do by environment
//! variables), all talking to one simulator in the test process and, when the
//! test says so, to one Redis (127.0.0.1:6379, or `REDIS_URL`) under a key
//! prefix of the test's own.

mod fleet_support;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::StreamExt;
use secrecy::ExposeSecret;
use zoom_cobrowse::fleet::{Fleet, RedisStore};
use zoom_cobrowse::{Client, Credentials, RateLimitLabel, RateLimits};
use zoom_cobrowse_mock::{FaultPlan, FaultScope, MockZoom};

use fleet_support::{HINT, Prefix, redis_url};

/// The account the simulator's default credentials belong to.
const ACCOUNT: &str = "zoom-mock-account";
const REPLICAS: usize = 4;
/// Requests each replica keeps in flight.
const CONCURRENCY: usize = 4;
/// The simulator's (the account's) LIGHT limit per second.
const LIGHT_PER_SECOND: u32 = 20;

fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_millis() as u64
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// One replica: builds a client as a service would (with a fleet over Redis
/// when `FLEET_REDIS_URL` is set), then does what `FLEET_ROLE` says and prints
/// one line, `REPLICA ok=<n> failed=<n>`.
#[test]
#[ignore = "a replica process, started by the other tests of this file"]
fn replica() {
    let role = env("FLEET_ROLE").expect("started by the other tests, with FLEET_ROLE set");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (ok, failed) = runtime.block_on(async {
        let credentials = match env("FLEET_BEARER") {
            Some(token) => Credentials::bearer(token),
            None => Credentials::server_to_server(
                env("FLEET_ACCOUNT_ID").unwrap(),
                env("FLEET_CLIENT_ID").unwrap(),
                env("FLEET_CLIENT_SECRET").unwrap(),
            ),
        };
        let mut builder = Client::builder(credentials)
            .base_url(env("FLEET_BASE_URL").unwrap())
            .oauth_url(env("FLEET_OAUTH_URL").unwrap())
            .rate_limits(RateLimits::custom().per_second(RateLimitLabel::Light, LIGHT_PER_SECOND));
        if let Some(url) = env("FLEET_REDIS_URL") {
            let store = RedisStore::builder(url)
                .prefix(env("FLEET_PREFIX").unwrap())
                .connect()
                .await
                .unwrap_or_else(|e| panic!("{HINT} ({e})"));
            let mut fleet = Fleet::new(store);
            if let Some(ms) = env("FLEET_LOCK_TTL_MS") {
                fleet = fleet.lock_ttl(Duration::from_millis(ms.parse().unwrap()));
            }
            builder = builder.fleet(fleet);
        }
        let client = builder.build().unwrap();
        let session = env("FLEET_SESSION").unwrap();
        match role.as_str() {
            // Ask for one session once: a cold start.
            "once" => match client.get_session(&session).await {
                Ok(_) => (1, 0),
                Err(e) => {
                    eprintln!("replica: {e}");
                    (0, 1)
                }
            },
            // From FLEET_START_MS to FLEET_END_MS, as many requests as allowed.
            "fan-out" => fan_out(&client, &session).await,
            other => panic!("unknown FLEET_ROLE {other}"),
        }
    });
    // On a line of its own: libtest has printed "test replica ... " before it.
    println!("\nREPLICA ok={ok} failed={failed}");
}

async fn fan_out(client: &Client, session: &str) -> (u64, u64) {
    let at = |name| UNIX_EPOCH + Duration::from_millis(env(name).unwrap().parse().unwrap());
    let (start, end) = (at("FLEET_START_MS"), at("FLEET_END_MS"));
    let until = |t: SystemTime| t.duration_since(SystemTime::now()).unwrap_or_default();
    tokio::time::sleep(until(start)).await;
    let deadline = tokio::time::Instant::now() + until(end);
    let outcomes = futures_util::stream::iter(0..CONCURRENCY)
        .map(|_| async move {
            let (mut ok, mut failed) = (0, 0);
            // What is still in flight at the deadline is dropped with the process.
            while let Ok(result) =
                tokio::time::timeout_at(deadline, client.get_session(session)).await
            {
                match result {
                    Ok(_) => ok += 1,
                    Err(_) => failed += 1,
                }
            }
            (ok, failed)
        })
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await;
    outcomes
        .into_iter()
        .fold((0, 0), |(ok, failed), (o, f)| (ok + o, failed + f))
}

/// Settings of the replicas of one test.
struct Replicas<'a> {
    zoom: &'a MockZoom,
    redis: Option<&'a Prefix>,
    role: &'static str,
    bearer: bool,
    extra: Vec<(&'static str, String)>,
}

impl Replicas<'_> {
    fn spawn(&self) -> Child {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args([
                "--ignored",
                "--exact",
                "replica",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("FLEET_ROLE", self.role)
            .env("FLEET_BASE_URL", self.zoom.base_url())
            .env("FLEET_OAUTH_URL", self.zoom.oauth_url())
            .env("FLEET_SESSION", &self.zoom.live_sessions()[0].session_id)
            .env_remove("FLEET_REDIS_URL")
            .env_remove("FLEET_BEARER")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let credentials = self.zoom.credentials();
        if self.bearer {
            command.env("FLEET_BEARER", credentials.bearer_tokens[0].expose_secret());
        } else {
            let app = credentials.oauth.as_ref().unwrap();
            command
                .env("FLEET_ACCOUNT_ID", &app.account_id)
                .env("FLEET_CLIENT_ID", &app.client_id)
                .env("FLEET_CLIENT_SECRET", app.client_secret.expose_secret());
        }
        if let Some(prefix) = self.redis {
            command
                .env("FLEET_REDIS_URL", redis_url())
                .env("FLEET_PREFIX", &prefix.0);
        }
        for (name, value) in &self.extra {
            command.env(name, value);
        }
        command
            .spawn()
            .expect("the test binary starts again as a replica")
    }
}

/// Waits for a replica and reads its `REPLICA ok=<n> failed=<n>` line.
async fn outcome(child: Child) -> (u64, u64) {
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("REPLICA ").map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("a replica printed no result ({}): {stdout}", output.status));
    let number = |key: &str| -> u64 {
        line.split(' ')
            .find_map(|kv| kv.strip_prefix(key))
            .and_then(|n| n.parse().ok())
            .unwrap()
    };
    (number("ok="), number("failed="))
}

/// Four replicas fan out for five seconds; returns the requests the simulator
/// admitted within them as a fraction of the account's limit, and its 429s.
async fn fan_out_run(redis: Option<&Prefix>) -> (f64, u64, u64) {
    let limits = RateLimits::custom().per_second(RateLimitLabel::Light, LIGHT_PER_SECOND);
    let zoom = MockZoom::builder()
        .live_sessions(5)
        .rate_limits(limits)
        .start()
        .await
        .unwrap();
    let run = Duration::from_secs(5);
    // Time for every replica to start and connect before the run begins.
    let start = SystemTime::now() + Duration::from_secs(2);
    let end = start + run;
    let replicas = Replicas {
        zoom: &zoom,
        redis,
        role: "fan-out",
        bearer: true,
        extra: vec![
            ("FLEET_START_MS", unix_ms(start).to_string()),
            ("FLEET_END_MS", unix_ms(end).to_string()),
        ],
    };
    let children: Vec<_> = (0..REPLICAS).map(|_| replicas.spawn()).collect();
    tokio::time::sleep(end.duration_since(SystemTime::now()).unwrap()).await;
    let stats = zoom.stats();
    let mut ok = 0;
    for child in children {
        ok += outcome(child).await.0;
    }
    let admitted = stats.admitted(ACCOUNT);
    let ratio = admitted as f64 / (f64::from(LIGHT_PER_SECOND) * run.as_secs_f64());
    (ratio, stats.rate_limited_for(ACCOUNT), ok)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_replicas_share_the_account_budget_only_with_redis() {
    let prefix = Prefix::new("fan-out");
    let (with_redis, with_redis_429s, with_redis_ok) = fan_out_run(Some(&prefix)).await;
    let (alone, alone_429s, alone_ok) = fan_out_run(None).await;
    println!(
        "{REPLICAS} replicas, LIGHT {LIGHT_PER_SECOND}/s for the account, 5 s:\n  \
         Redis fleet: {:.0} % of the limit admitted, {with_redis_429s} 429s, {with_redis_ok} calls done\n  \
         in-memory limiters: {:.0} % of the limit admitted, {alone_429s} 429s, {alone_ok} calls done",
        with_redis * 100.0,
        alone * 100.0
    );
    assert_eq!(
        with_redis_429s, 0,
        "the fleet never exceeds the account's budget"
    );
    assert!(
        with_redis >= 0.9,
        "the fleet uses at least 90 % of the budget, not {:.0} %",
        with_redis * 100.0
    );
    assert!(
        alone_429s > 0,
        "replicas with limiters of their own exceed the budget together"
    );
}

/// A simulator whose token endpoint answers only after `latency`.
async fn slow_token_endpoint(latency: Duration) -> MockZoom {
    MockZoom::builder()
        .faults(
            FaultPlan::new()
                .latency(latency)
                .scope(FaultScope::TokenEndpoint),
        )
        .start()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_cold_replicas_fetch_one_token() {
    let prefix = Prefix::new("cold");
    // The fetch takes a while, so the four surely overlap.
    let zoom = slow_token_endpoint(Duration::from_millis(500)).await;
    let replicas = Replicas {
        zoom: &zoom,
        redis: Some(&prefix),
        role: "once",
        bearer: false,
        extra: Vec::new(),
    };
    let children: Vec<_> = (0..REPLICAS).map(|_| replicas.spawn()).collect();
    let mut ok = 0;
    for child in children {
        ok += outcome(child).await.0;
    }
    let stats = zoom.stats();
    println!(
        "{REPLICAS} cold replicas: {} token request(s), {ok} calls done",
        stats.token_requests
    );
    assert_eq!(ok, REPLICAS as u64);
    assert_eq!(
        stats.token_requests, 1,
        "one replica fetched, the others read"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_while_fetching_leaves_the_token_to_another() {
    let prefix = Prefix::new("killed");
    let zoom = slow_token_endpoint(Duration::from_secs(3)).await;
    let replicas = Replicas {
        zoom: &zoom,
        redis: Some(&prefix),
        role: "once",
        bearer: false,
        extra: vec![("FLEET_LOCK_TTL_MS", "1500".into())],
    };
    let mut holder = replicas.spawn();
    // Generous: the replica has started and its fetch reached the simulator.
    let reached = tokio::time::timeout(Duration::from_secs(30), async {
        while zoom.stats().token_requests == 0 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(reached.is_ok(), "the first replica never asked for a token");
    let waiting = replicas.spawn();
    holder.kill().unwrap();
    let status = holder.wait().unwrap();
    assert!(!status.success(), "killed mid-fetch");
    let (ok, failed) = outcome(waiting).await;
    let stats = zoom.stats();
    println!(
        "holder killed mid-fetch: the other replica got {ok} answer(s); {} token requests, {} tokens issued",
        stats.token_requests, stats.tokens_issued
    );
    assert_eq!((ok, failed), (1, 0));
    assert_eq!(
        stats.token_requests, 2,
        "the dead holder's fetch, then the waiting replica's once the lock expired"
    );
}
