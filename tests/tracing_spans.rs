//! Each request attempt is a tracing span with the operation, attempt, status,
//! latency and rate-limit wait; the token is never logged.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use httpmock::prelude::*;
use tracing_subscriber::fmt::format::FmtSpan;

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

#[tokio::test]
async fn every_attempt_is_a_span_and_no_token_is_logged() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(404)
                .header("content-type", "application/json")
                .body(r#"{"code":30300,"message":"Session does not exist: s1"}"#);
        })
        .await;
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let client = common::builder(&server, zoom_cobrowse::Credentials::bearer(common::TOKEN))
        .rate_limits(zoom_cobrowse::RateLimits::pro())
        .build()
        .unwrap();
    assert!(client.get_session("s1").await.unwrap_err().is_not_found());
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let span = log
        .lines()
        .find(|line| line.contains("zoom_cobrowse.request") && line.contains("close"))
        .unwrap_or_else(|| panic!("no request span closed in:\n{log}"));
    for field in [
        "operation=\"get_session\"",
        "attempt=1",
        "status=404",
        "latency_ms=",
        "rate_limit_wait_ms=",
    ] {
        assert!(span.contains(field), "{field} missing from {span}");
    }
    assert!(!log.contains(common::TOKEN), "the token was logged:\n{log}");
}
