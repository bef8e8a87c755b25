//! Idempotent GETs are retried on 429, 5xx, connect failures and timeouts, with
//! bounded attempts and time, honouring Retry-After.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use httpmock::prelude::*;
use zoom_cobrowse::{Credentials, ErrorKind, RetryPolicy};

const LIVE: &str = r#"{"session_id":"s1","start_time":"2025-02-14T19:09:01Z"}"#;

/// Answers `failures` with `status` (and `retry_after`, if any), then succeeds.
async fn flaky<'a>(
    server: &'a MockServer,
    failures: usize,
    status: u16,
    retry_after: Option<&'static str>,
) -> httpmock::Mock<'a> {
    let calls = Arc::new(AtomicUsize::new(0));
    server
        .mock_async(move |when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.respond_with(move |_| {
                let n = calls.fetch_add(1, Ordering::SeqCst);
                let mut answer =
                    http::Response::builder().header("content-type", "application/json");
                if n < failures {
                    if let Some(seconds) = retry_after {
                        answer = answer.header("retry-after", seconds);
                    }
                    answer
                        .status(status)
                        .body(r#"{"code":1,"message":"busy"}"#.to_string())
                } else {
                    answer.status(200).body(LIVE.to_string())
                }
                .unwrap()
                .into()
            });
        })
        .await
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, 2, 503, None).await;
    common::client(&server)
        .get_session("s1")
        .await
        .expect("third attempt succeeds");
    api.assert_calls_async(3).await;
}

#[tokio::test]
async fn retries_stop_at_their_bound() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, usize::MAX, 500, None).await;
    let client = common::builder(&server, Credentials::bearer(common::TOKEN))
        .retry(common::fast_retries(4))
        .build()
        .unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(500));
    api.assert_calls_async(4).await;
}

#[tokio::test]
async fn disabled_retries_make_one_attempt() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, 1, 503, None).await;
    let client = common::builder(&server, Credentials::bearer(common::TOKEN))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    assert!(client.get_session("s1").await.is_err());
    api.assert_calls_async(1).await;
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, 1, 429, Some("1")).await;
    let started = Instant::now();
    common::client(&server)
        .get_session("s1")
        .await
        .expect("second attempt succeeds");
    // A lower bound only: a sleep never ends early, however loaded the machine.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    api.assert_calls_async(2).await;
}

#[tokio::test]
async fn a_retry_after_beyond_the_time_budget_is_handed_to_the_caller() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, 1, 429, Some("120")).await;
    let client = common::builder(&server, Credentials::bearer(common::TOKEN))
        .retry(common::fast_retries(5).max_elapsed(Duration::from_secs(60)))
        .build()
        .unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert!(error.is_rate_limited());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    api.assert_calls_async(1).await;
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = MockServer::start_async().await;
    let api = flaky(&server, 1, 400, None).await;
    assert!(common::client(&server).get_session("s1").await.is_err());
    api.assert_calls_async(1).await;
}

#[tokio::test]
async fn timeouts_are_retried_then_reported() {
    let server = MockServer::start_async().await;
    let api = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(200)
                .delay(Duration::from_millis(800))
                .body(LIVE);
        })
        .await;
    let client = common::builder(&server, Credentials::bearer(common::TOKEN))
        .timeout(Duration::from_millis(100))
        .retry(common::fast_retries(2))
        .build()
        .unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport);
    api.assert_calls_async(2).await;
}
