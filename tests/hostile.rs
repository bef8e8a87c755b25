//! What the client promises when answers are broken or hostile, one test per
//! promise, each against the simulator (`zoom-cobrowse-mock`) with the fault that
//! breaks it: no panic from a server-chosen value, no listing that ends cleanly
//! unless Zoom said so, bounded memory per answer, no token storms, no echoed
//! credential shown, no URL-validation answer for a forged or odd challenge, no
//! plain-http configuration that leaks.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use futures_util::{StreamExt, TryStreamExt};
use proptest::prelude::*;
use secrecy::{ExposeSecret, SecretString};
use zoom_cobrowse::test_util::{
    TestSigner, collect_body_within, oauth_token_lifetime, parse_retry_after,
};
use zoom_cobrowse::webhook::{Receiver, WebhookError};
use zoom_cobrowse::{Client, ClientBuilder, Credentials, ErrorKind, MAX_RETRY_AFTER, RetryPolicy};
use zoom_cobrowse_mock::{
    AcceptedCredentials, Fault, FaultPlan, FaultScope, MockZoom, ServerStatus,
};

const BEARER: &str = "zoom-mock-bearer-token";
const API_KEY: &str = "zoom-mock-api-key";
const API_SECRET: &str = "zoom-mock-api-secret";
const ACCOUNT: &str = "zoom-mock-account";
const CLIENT_ID: &str = "zoom-mock-client-id";
const CLIENT_SECRET: &str = "zoom-mock-client-secret";
/// A token the simulator accepts, for canned token-endpoint answers to hand out.
const CANNED_TOKEN: &str = "hostile-canned-access-token";

fn s2s() -> Credentials {
    Credentials::server_to_server(ACCOUNT, CLIENT_ID, CLIENT_SECRET)
}

/// Retries that do not slow a test down.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::standard()
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(20))
}

fn builder(zoom: &MockZoom, credentials: Credentials) -> ClientBuilder {
    Client::builder(credentials)
        .base_url(zoom.base_url())
        .oauth_url(zoom.oauth_url())
        .no_rate_limits()
        .retry(quick_retries())
}

async fn zoom() -> MockZoom {
    MockZoom::builder()
        .credentials(AcceptedCredentials::default().with_bearer_token(CANNED_TOKEN))
        .live_sessions(100)
        .start()
        .await
        .expect("the simulator starts")
}

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Fault {
    Fault::Answer {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.to_owned(),
    }
}

const RATE_LIMITED: &str = r#"{"code":429,"message":"Too many requests"}"#;

// 1. No panic from any server-chosen value.

#[tokio::test]
async fn absurd_retry_after_values_are_capped_not_panicked_on() {
    let zoom = zoom().await;
    let client = builder(&zoom, Credentials::bearer(BEARER))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    for (value, expected) in [
        ("18446744073709551615", Some(MAX_RETRY_AFTER)),
        ("99999999999999999999999999", Some(MAX_RETRY_AFTER)),
        ("Fri, 31 Dec 9999 23:59:59 GMT", Some(MAX_RETRY_AFTER)),
        ("Thu, 01 Jan 1970 00:00:00 GMT", Some(Duration::ZERO)),
        ("-5", None),
        ("1e9", None),
    ] {
        zoom.set_faults(
            FaultPlan::new().next(1, answer(429, &[("retry-after", value)], RATE_LIMITED)),
        );
        let error = client.get_session("any").await.unwrap_err();
        assert!(error.is_rate_limited(), "{value}: {error}");
        assert_eq!(error.retry_after(), expected, "Retry-After: {value}");
    }
    // With retries on, a capped day is still beyond max_elapsed: the client gives
    // up at once instead of sleeping (or overflowing an Instant).
    let patient = builder(&zoom, Credentials::bearer(BEARER)).build().unwrap();
    zoom.set_faults(FaultPlan::new().next(
        1,
        answer(
            429,
            &[("retry-after", "18446744073709551615")],
            RATE_LIMITED,
        ),
    ));
    let started = Instant::now();
    let error = patient.get_session("any").await.unwrap_err();
    assert!(error.is_rate_limited());
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn hostile_expires_in_values_saturate_or_fail_typed() {
    let zoom = zoom().await;
    let session = zoom.live_sessions()[0].session_id.clone();
    let usable = [
        "0",
        "1",
        "9223372036854775807",
        "18446744073709551615",
        "1e300",
        "3599.9",
        "null",
    ];
    for expires_in in usable {
        let body = format!(r#"{{"access_token":"{CANNED_TOKEN}","expires_in":{expires_in}}}"#);
        zoom.set_faults(
            FaultPlan::new()
                .scope(FaultScope::TokenEndpoint)
                .with_probability(1.0, answer(200, &[], &body))
                .unwrap(),
        );
        zoom.reset_stats();
        let client = builder(&zoom, s2s()).build().unwrap();
        for _ in 0..3 {
            client
                .get_session(&session)
                .await
                .unwrap_or_else(|e| panic!("expires_in {expires_in}: {e}"));
        }
        if expires_in != "0" {
            // Usable lifetimes are cached: one fetch for three calls.
            assert_eq!(zoom.stats().token_requests, 1, "expires_in {expires_in}");
        }
    }
    for expires_in in ["-1", "-1e9", r#""3600""#, r#""soon""#, "[]", "{}"] {
        let body = format!(r#"{{"access_token":"{CANNED_TOKEN}","expires_in":{expires_in}}}"#);
        zoom.set_faults(
            FaultPlan::new()
                .scope(FaultScope::TokenEndpoint)
                .with_probability(1.0, answer(200, &[], &body))
                .unwrap(),
        );
        let client = builder(&zoom, s2s()).build().unwrap();
        let error = client.get_session(&session).await.unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::Decode,
            "expires_in {expires_in}: {error}"
        );
        assert!(!error.is_unauthorized(), "expires_in {expires_in}");
    }
}

proptest! {
    #[test]
    fn any_retry_after_header_is_none_or_at_most_a_day(value in proptest::collection::vec(any::<u8>(), 0..64)) {
        if let Some(delay) = parse_retry_after(&value) {
            prop_assert!(delay <= MAX_RETRY_AFTER);
        }
    }

    #[test]
    fn any_digit_string_is_a_capped_delay(digits in "[0-9]{1,40}") {
        let delay = parse_retry_after(digits.as_bytes());
        prop_assert!(delay.is_some_and(|d| d <= MAX_RETRY_AFTER));
    }

    #[test]
    fn any_http_date_is_a_capped_delay(seconds in 0u64..253_402_300_799) {
        let date = httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(seconds));
        let delay = parse_retry_after(date.as_bytes());
        prop_assert!(delay.is_some_and(|d| d <= MAX_RETRY_AFTER), "{date}");
    }

    #[test]
    fn any_expires_in_is_a_capped_lifetime_or_a_decode_error(
        expires_in in prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|f| format!("{f:e}")),
            "[ -~]{0,12}".prop_map(|s| serde_json::Value::from(s).to_string()),
        ]
    ) {
        let body = format!(r#"{{"access_token":"t","expires_in":{expires_in}}}"#);
        match oauth_token_lifetime(body.as_bytes()) {
            Ok(lifetime) => prop_assert!(lifetime <= Duration::from_secs(24 * 3600)),
            Err(e) => prop_assert_eq!(e.kind(), ErrorKind::Decode),
        }
    }

    #[test]
    fn a_body_is_kept_exactly_or_refused_as_too_large(
        chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 0..20),
        limit in 0usize..400,
        declared in proptest::option::of(any::<u64>()),
    ) {
        let total: usize = chunks.iter().map(Vec::len).sum();
        match collect_body_within(limit, declared, &chunks) {
            Ok(body) => {
                prop_assert!(total <= limit && declared.is_none_or(|d| d <= limit as u64));
                prop_assert_eq!(body.to_vec(), chunks.concat());
            }
            Err(e) => {
                prop_assert_eq!(e.kind(), ErrorKind::BodyTooLarge);
                prop_assert!(total > limit || declared.is_some_and(|d| d > limit as u64));
            }
        }
    }
}

// 2. A listing never ends cleanly unless the server said it ended.

/// Starts a listing on a runtime that is then shut down, killing the task that
/// fetches pages; drains the rest on another runtime. Returns the items taken
/// before and after, and whether the stream ended in an `Interrupted` error.
fn kill_fetch_task_mid_listing(past: bool) {
    // The simulator lives on its own runtime, which outlives the listing's.
    let server = tokio::runtime::Runtime::new().unwrap();
    let zoom = server.block_on(async {
        MockZoom::builder()
            .live_sessions(200)
            .past_sessions_per_day(20)
            .start()
            .await
            .unwrap()
    });
    let total = if past {
        zoom.past_sessions().len()
    } else {
        zoom.live_sessions().len()
    };
    let doomed = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = builder(&zoom, Credentials::bearer(BEARER)).build().unwrap();
    let today = chrono::Utc::now().date_naive();
    let mut items: std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<String, _>> + Send>> =
        if past {
            let from = today - chrono::Days::new(150);
            Box::pin(
                client
                    .past_sessions()
                    .page_size(30)
                    .range(from, today)
                    .items()
                    .map_ok(|s| s.session_id),
            )
        } else {
            Box::pin(
                client
                    .live_sessions()
                    .page_size(30)
                    .items()
                    .map_ok(|s| s.session_id),
            )
        };
    let mut received = doomed.block_on(async {
        let mut taken = 0;
        for _ in 0..10 {
            items.try_next().await.unwrap().expect("an item");
            taken += 1;
        }
        taken
    });
    // Shutting the runtime down cancels every task on it, the page fetchers too.
    drop(doomed);
    let after = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ending = after.block_on(async {
        loop {
            match items.next().await {
                Some(Ok(_)) => received += 1,
                Some(Err(e)) => return Some(e),
                None => return None,
            }
        }
    });
    let error = ending
        .unwrap_or_else(|| panic!("the stream ended cleanly after {received} of {total} items"));
    assert_eq!(error.kind(), ErrorKind::Interrupted, "{error}");
    assert!(
        (10..total).contains(&received),
        "{received} of {total} items before the error"
    );
    after.block_on(async { assert!(items.next().await.is_none(), "nothing after the error") });
    drop(zoom);
}

#[test]
fn a_killed_fetch_task_ends_the_listing_in_an_error() {
    kill_fetch_task_mid_listing(false);
}

#[test]
fn a_killed_month_window_ends_the_past_listing_in_an_error() {
    kill_fetch_task_mid_listing(true);
}

#[test]
fn streams_do_nothing_until_first_polled() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let zoom = runtime.block_on(zoom());
    let client = builder(&zoom, Credentials::bearer(BEARER)).build().unwrap();
    // Made outside any runtime: spawning here would panic.
    let today = chrono::Utc::now().date_naive();
    let mut live = client.live_sessions().items();
    let past = client
        .past_sessions()
        .range(today - chrono::Days::new(100), today)
        .pages();
    runtime.block_on(async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert_eq!(zoom.stats().api_requests(), 0, "work before the first poll");
        live.try_next().await.unwrap().expect("a live session");
        assert!(zoom.stats().api_requests() >= 1);
        drop(past);
    });
}

// 3. Bounded memory per answer.

#[tokio::test]
async fn a_body_over_the_limit_is_refused_while_reading() {
    let zoom = zoom().await;
    let client = builder(&zoom, Credentials::bearer(BEARER))
        .max_body_size(1024 * 1024)
        .build()
        .unwrap();
    for declare_length in [true, false] {
        zoom.set_faults(FaultPlan::new().next(
            1,
            Fault::HugeBody {
                bytes: 64 * 1024 * 1024,
                declare_length,
            },
        ));
        zoom.reset_stats();
        let error = client.live_sessions().page(None).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
        assert_eq!(
            zoom.stats().api_requests(),
            1,
            "a refused body is not retried"
        );
    }
    // The token endpoint's answer too.
    zoom.set_faults(FaultPlan::new().scope(FaultScope::TokenEndpoint).next(
        1,
        Fault::HugeBody {
            bytes: 64 * 1024 * 1024,
            declare_length: false,
        },
    ));
    let s2s_client = builder(&zoom, s2s())
        .max_body_size(64 * 1024)
        .build()
        .unwrap();
    let error = s2s_client.get_session("any").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error}");
    assert!(!error.is_unauthorized());
}

#[tokio::test]
async fn errors_keep_a_bounded_excerpt_of_foreign_bodies() {
    let zoom = zoom().await;
    let client = builder(&zoom, Credentials::bearer(BEARER))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let page = "<html>".to_string() + &"x".repeat(1024 * 1024) + "</html>";
    zoom.set_faults(FaultPlan::new().next(1, answer(502, &[], &page)));
    let error = client.get_session("any").await.unwrap_err();
    let kept = error.body().expect("the start of the page");
    assert_eq!(kept.len(), zoom_cobrowse::ERROR_BODY_LIMIT);
    assert!(kept.starts_with(b"<html>xxx"));
    assert!(error.to_string().len() < 1024, "Display shows an excerpt");
}

/// The peak resident memory of this process, from /proc (Linux), in KiB.
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

const CHILD: &str = "ZOOM_COBROWSE_HOSTILE_CHILD";
const HUGE_BODY: u64 = 400 * 1024 * 1024;

/// Runs in a child process (see below): one 400 MiB body streamed fast, refused
/// under the default limit; prints how much the peak RSS grew.
fn huge_body_child() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let zoom = zoom().await;
        let client = builder(&zoom, Credentials::bearer(BEARER)).build().unwrap();
        // Warm up: connections, buffers and decoders allocated before measuring.
        client.live_sessions().page(None).await.unwrap();
        let before = peak_rss_kib();
        zoom.set_faults(FaultPlan::new().next(
            1,
            Fault::HugeBody {
                bytes: HUGE_BODY,
                declare_length: false,
            },
        ));
        let error = client.live_sessions().page(None).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error}");
        let grown = peak_rss_kib().saturating_sub(before);
        println!("\nPEAK_RSS_GROWTH_KIB={grown}");
    });
}

#[test]
fn a_huge_body_costs_bounded_memory() {
    if std::env::var_os(CHILD).is_some() {
        return huge_body_child();
    }
    // A child process, so the peak is this scenario's alone, not other tests'.
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_huge_body_costs_bounded_memory",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let grown: u64 = stdout
        .lines()
        .find_map(|l| l.split_once("PEAK_RSS_GROWTH_KIB=").map(|(_, v)| v))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no measurement in:\n{stdout}"));
    // The default limit is 16 MiB; buffering the whole body would be 400 MiB.
    assert!(
        grown < 64 * 1024,
        "peak RSS grew {grown} KiB for a refused {HUGE_BODY}-byte body"
    );
}

#[tokio::test]
async fn endless_fresh_page_tokens_end_at_the_page_limit() {
    let zoom = zoom().await;
    let client = builder(&zoom, Credentials::bearer(BEARER))
        .max_pages(25)
        .build()
        .unwrap();
    zoom.set_faults(
        FaultPlan::new()
            .with_probability(1.0, Fault::EndlessPages)
            .unwrap(),
    );
    let mut pages = client.live_sessions().page_size(30).pages();
    let mut received = 0;
    let error = loop {
        match pages.next().await {
            Some(Ok(_)) => received += 1,
            Some(Err(e)) => break e,
            None => panic!("an endless listing ended cleanly after {received} pages"),
        }
    };
    assert_eq!(error.kind(), ErrorKind::TooManyPages, "{error}");
    assert_eq!(received, 25);
    drop(pages);
    // One page fetched ahead, and the one that was over the limit.
    assert!(zoom.stats().api_requests() <= 28, "{:?}", zoom.stats());
}

// 4. Token endpoint failures.

#[tokio::test]
async fn a_token_endpoint_that_fails_twice_then_answers_costs_one_success() {
    let zoom = zoom().await;
    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .next(1, Fault::ServerError(ServerStatus::BadGateway))
            .next(1, Fault::ProxyErrorPage(ServerStatus::BadGateway)),
    );
    let client = builder(&zoom, s2s()).build().unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    client
        .get_session(&session)
        .await
        .expect("the third token fetch succeeds");
    let stats = zoom.stats();
    assert_eq!(stats.token_requests, 3);
    assert_eq!(stats.tokens_issued, 1);
}

#[tokio::test]
async fn only_refused_credentials_are_unauthorized() {
    let zoom = zoom().await;
    let wrong = Credentials::server_to_server(ACCOUNT, CLIENT_ID, "not-the-client-secret");
    let error = builder(&zoom, wrong)
        .build()
        .unwrap()
        .get_session("s")
        .await
        .unwrap_err();
    assert!(error.is_unauthorized(), "{error}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(
        zoom.stats().token_requests,
        1,
        "refused credentials are not retried"
    );

    zoom.reset_stats();
    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .with_probability(1.0, Fault::ProxyErrorPage(ServerStatus::BadGateway))
            .unwrap(),
    );
    let client = builder(&zoom, s2s())
        .retry(quick_retries().max_attempts(3))
        .build()
        .unwrap();
    let error = client.get_session("s").await.unwrap_err();
    assert!(
        !error.is_unauthorized(),
        "a gateway outage is not refused credentials: {error}"
    );
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(zoom.stats().token_requests, 3, "retried like an API call");

    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .with_probability(1.0, Fault::DropConnection)
            .unwrap(),
    );
    let error = client.get_session("s").await.unwrap_err();
    assert!(!error.is_unauthorized(), "{error}");
    assert!(error.is_transport(), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_hanging_token_fetch() {
    let zoom = zoom().await;
    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .with_probability(1.0, Fault::Stall)
            .unwrap(),
    );
    let timeout = Duration::from_millis(800);
    let client = builder(&zoom, s2s())
        .timeout(timeout)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let started = Instant::now();
    let calls = (0..20).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_session("s").await })
    });
    for call in futures_util::future::join_all(calls).await {
        let error = call.unwrap().unwrap_err();
        assert!(error.is_transport() && !error.is_unauthorized(), "{error}");
    }
    assert_eq!(zoom.stats().token_requests, 1, "20 waiters, one fetch");
    assert!(
        started.elapsed() < timeout * 3,
        "20 waiters took {:?} for one {timeout:?} timeout",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_refusal() {
    let zoom = zoom().await;
    // Slow enough that all 20 callers arrive while the one fetch is in flight.
    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .latency(Duration::from_millis(300)),
    );
    let wrong = Credentials::server_to_server(ACCOUNT, CLIENT_ID, "not-the-client-secret");
    let client = builder(&zoom, wrong).build().unwrap();
    let calls = (0..20).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_session("s").await })
    });
    for call in futures_util::future::join_all(calls).await {
        assert!(call.unwrap().unwrap_err().is_unauthorized());
    }
    assert_eq!(zoom.stats().token_requests, 1, "20 waiters, one fetch");
}

#[tokio::test]
async fn a_short_lived_token_is_shared_for_its_lifetime() {
    let zoom = MockZoom::builder()
        .access_token_ttl(Duration::from_secs(30))
        .start()
        .await
        .unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let client = builder(&zoom, s2s()).build().unwrap();
    for _ in 0..10 {
        client.get_session(&session).await.unwrap();
    }
    assert_eq!(
        zoom.stats().tokens_issued,
        1,
        "a 30 s token serves ten calls"
    );
}

// 5. Echoed credentials never show.

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Fails if `shown` holds a credential: a known secret, or anything but the
/// redaction after `Bearer ` or `Basic `.
fn assert_no_credential(what: &str, shown: &str) {
    let basic =
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    for secret in [
        BEARER,
        API_SECRET,
        CLIENT_SECRET,
        basic.as_str(),
        CANNED_TOKEN,
    ] {
        assert!(!shown.contains(secret), "{what} shows {secret}:\n{shown}");
    }
    for scheme in ["Bearer ", "Basic "] {
        for (at, _) in shown.match_indices(scheme) {
            let rest = &shown[at + scheme.len()..];
            assert!(
                rest.starts_with("[REDACTED]"),
                "{what} shows a credential after {scheme:?}:\n{shown}"
            );
        }
    }
}

#[test]
fn echoed_credentials_are_never_shown() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let zoom = zoom().await;
        let kinds = [
            ("bearer", Credentials::bearer(BEARER), FaultScope::Api),
            (
                "api key",
                Credentials::api_key(API_KEY, API_SECRET),
                FaultScope::Api,
            ),
            ("s2s access token", s2s(), FaultScope::Api),
            ("s2s client secret", s2s(), FaultScope::TokenEndpoint),
        ];
        let mut echoes = 0;
        for (kind, credentials, scope) in kinds {
            for html in [false, true] {
                zoom.set_faults(
                    FaultPlan::new()
                        .scope(scope)
                        .with_probability(1.0, Fault::EchoAuthorization { html })
                        .unwrap(),
                );
                let before = zoom.stats().faults_injected;
                let client = builder(&zoom, credentials.clone()).build().unwrap();
                let error = client.get_session("s").await.unwrap_err();
                assert!(
                    zoom.stats().faults_injected > before,
                    "{kind}: no echo happened"
                );
                echoes += 1;
                let what = format!("{kind} (html: {html})");
                assert_no_credential(&format!("Display of {what}"), &error.to_string());
                assert_no_credential(&format!("Debug of {what}"), &format!("{error:?}"));
                assert_no_credential(
                    &format!("message of {what}"),
                    error.message().unwrap_or_default(),
                );
                assert_no_credential(
                    &format!("body of {what}"),
                    &String::from_utf8_lossy(error.body().unwrap_or_default()),
                );
                tracing::error!(error = %error, debug = ?error, "the call failed");
            }
        }
        assert_eq!(echoes, 8);
    });
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("the call failed"), "nothing was logged");
    assert_no_credential("the tracing output", &log);
}

// 6. Webhooks: URL validation only for verified plain tokens of Zoom's shape.

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn url_validation(plain_token: &str) -> Vec<u8> {
    serde_json::json!({
        "event": "endpoint.url_validation",
        "event_ts": 1_743_483_350_000_i64,
        "payload": { "plainToken": plain_token },
    })
    .to_string()
    .into_bytes()
}

#[test]
fn url_validation_is_answered_only_for_signed_plain_tokens_of_zooms_shape() {
    let secret = SecretString::from("webhook-secret-token");
    let receiver = Receiver::new(secret.clone()).unwrap();
    let signer = TestSigner::new(secret);
    let forger = TestSigner::new(SecretString::from("not-the-secret"));

    let body = url_validation("qgg8vlvZRS6UYooatFL8Aw");
    let outcome = receiver.verify(&signer.headers(unix_now(), &body), &body);
    let answered = receiver.respond(&outcome);
    assert_eq!(answered.status(), 200);
    assert!(String::from_utf8_lossy(answered.body()).contains("encryptedToken"));

    // Forged: the signature is wrong, so nothing is signed with the secret.
    let forged = url_validation("anything-the-attacker-wants");
    let outcome = receiver.verify(&forger.headers(unix_now(), &forged), &forged);
    assert!(
        matches!(outcome, Err(WebhookError::SignatureMismatch)),
        "{outcome:?}"
    );
    let response = receiver.respond(&outcome);
    assert_eq!(response.status(), 401);
    assert!(!String::from_utf8_lossy(response.body()).contains("encryptedToken"));

    // Signed, but not a token Zoom would send: not answered either.
    for odd in [
        String::new(),
        "x".repeat(zoom_cobrowse::webhook::MAX_PLAIN_TOKEN_LEN + 1),
        "v0:1700000000:{\"event\":\"forged\"}".to_string(),
        "token with spaces".to_string(),
        "töken".to_string(),
    ] {
        let body = url_validation(&odd);
        let outcome = receiver.verify(&signer.headers(unix_now(), &body), &body);
        assert!(
            matches!(outcome, Err(WebhookError::MalformedPlainToken)),
            "{odd:?}: {outcome:?}"
        );
        let response = receiver.respond(&outcome);
        assert_eq!(response.status(), 400);
        assert!(!String::from_utf8_lossy(response.body()).contains("encryptedToken"));
    }
}

#[test]
fn duplicate_deliveries_share_an_idempotency_key() {
    let secret = SecretString::from("webhook-secret-token");
    let receiver = Receiver::new(secret.clone()).unwrap();
    let signer = TestSigner::new(secret);
    let event = |object_order_flipped: bool, session: &str| {
        let object = if object_order_flipped {
            format!(r#"{{"user_name":"Jane","session_id":"{session}"}}"#)
        } else {
            format!(r#"{{"session_id":"{session}","user_name":"Jane"}}"#)
        };
        format!(
            r#"{{"event":"cobrowse.session_user_joined","event_ts":1743483350000,"payload":{{"account_id":"acc","object":{object}}}}}"#
        )
        .into_bytes()
    };
    let now = unix_now();
    let first = event(false, "s1");
    let first = receiver
        .verify(&signer.headers(now, &first), &first)
        .unwrap();
    // Zoom's retry: a new timestamp and signature (and here, another key order).
    let retry = event(true, "s1");
    let retry = receiver
        .verify(&signer.headers(now + 60, &retry), &retry)
        .unwrap();
    assert_ne!(first.timestamp(), retry.timestamp());
    assert_eq!(first.idempotency_key(), retry.idempotency_key());
    let other = event(false, "s2");
    let other = receiver
        .verify(&signer.headers(now, &other), &other)
        .unwrap();
    assert_ne!(first.idempotency_key(), other.idempotency_key());
    assert_eq!(first.idempotency_key().len(), 64);
}

// 7. Configuration that leaks.

#[test]
fn plain_http_is_refused_but_for_loopback_or_a_host_named() {
    let bearer = || Credentials::bearer(BEARER);
    let refused = Client::builder(bearer())
        .base_url("http://api.example.com/v2")
        .build()
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Config);
    assert!(refused.to_string().contains("api.example.com"), "{refused}");
    let refused = Client::builder(s2s())
        .oauth_url("http://zoom.example.com/oauth/token")
        .build()
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Config, "{refused}");
    for loopback in [
        "http://127.0.0.1:9/v2",
        "http://localhost:9/v2",
        "http://[::1]:9/v2",
    ] {
        Client::builder(bearer())
            .base_url(loopback)
            .build()
            .unwrap_or_else(|e| panic!("{loopback}: {e}"));
    }
    Client::builder(bearer())
        .base_url("http://proxy.internal/v2")
        .allow_plain_http_for_host("proxy.internal")
        .build()
        .expect("opted in by name");
    let from_env = ClientBuilder::from_vars(|name| match name {
        "ZOOM_ACCESS_TOKEN" => Some(BEARER.into()),
        "ZOOM_BASE_URL" => Some("http://api.example.com/v2".into()),
        _ => None,
    })
    .unwrap()
    .build()
    .unwrap_err();
    assert_eq!(from_env.kind(), ErrorKind::Config);
}

#[test]
fn a_blank_sdk_secret_is_refused() {
    use zoom_cobrowse::session_token::{SessionTokenError, SessionTokenIssuer};
    for blank in ["", " ", "\t\n "] {
        let refused = SessionTokenIssuer::new("sdk-key", SecretString::from(blank));
        assert!(
            matches!(refused, Err(SessionTokenError::EmptySdkSecret)),
            "{blank:?}"
        );
    }
    let issuer = SessionTokenIssuer::new("sdk-key", SecretString::from("a real secret"));
    assert!(issuer.is_ok());
    // Exposing is what the receiver of a token does; the test checks nothing leaks
    // into the issuer's Debug.
    let secret = SecretString::from("a-real-sdk-secret");
    let debug = format!(
        "{:?}",
        SessionTokenIssuer::new("k", secret.clone()).unwrap()
    );
    assert!(!debug.contains(secret.expose_secret()));
}
