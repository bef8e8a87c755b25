//! Every failure reaches the caller as one typed, documented `Error` that keeps
//! the status, Zoom's code and message, and whatever body could not be decoded.

mod common;

use std::time::Duration;

use httpmock::prelude::*;
use reqwest::StatusCode;
use zoom_cobrowse::{Credentials, ErrorKind, RetryPolicy};

fn zoom_error(code: i64, message: &str) -> String {
    serde_json::json!({"code": code, "message": message}).to_string()
}

fn no_retries(server: &MockServer) -> zoom_cobrowse::Client {
    common::builder(server, Credentials::bearer(common::TOKEN))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

#[tokio::test]
async fn not_found_carries_zooms_code_and_message() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/gone");
            then.status(404)
                .header("content-type", "application/json")
                .body(zoom_error(30300, "Session does not exist: gone"));
        })
        .await;
    let error = common::client(&server)
        .get_session("gone")
        .await
        .unwrap_err();
    assert!(error.is_not_found());
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(error.code(), Some(30300));
    assert_eq!(error.message(), Some("Session does not exist: gone"));
    assert_eq!(error.operation(), Some("get_session"));
    assert_eq!(
        error.to_string(),
        "get_session: HTTP 404: Zoom code 30300: Session does not exist: gone"
    );
}

#[tokio::test]
async fn rate_limited_answers_keep_retry_after() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/live_sessions");
            then.status(429)
                .header("content-type", "application/json")
                .header("retry-after", "7")
                .body(zoom_error(
                    429,
                    "You have reached the maximum per-second rate limit.",
                ));
        })
        .await;
    let error = no_retries(&server)
        .live_sessions()
        .page(None)
        .await
        .unwrap_err();
    assert!(error.is_rate_limited());
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(error.operation(), Some("list_live_sessions"));
}

#[tokio::test]
async fn an_expired_page_token_is_recognised() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/live_sessions")
                .query_param("next_page_token", "old");
            then.status(400)
                .header("content-type", "application/json")
                .body(zoom_error(
                    30101,
                    "The next page token is invalid or expired.",
                ));
        })
        .await;
    let error = common::client(&server)
        .live_sessions()
        .page(Some("old"))
        .await
        .unwrap_err();
    assert!(error.is_page_token_expired());
    assert!(!error.is_not_found() && !error.is_rate_limited());
}

#[tokio::test]
async fn an_html_error_page_keeps_status_and_body() {
    let server = MockServer::start_async().await;
    let page = format!(
        "<html><body><h1>502 Bad Gateway</h1>{}</body></html>",
        "x".repeat(1000)
    );
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(502)
                .header("content-type", "text/html")
                .body(&page);
        })
        .await;
    let error = no_retries(&server).get_session("s1").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.status(), Some(StatusCode::BAD_GATEWAY));
    assert_eq!(error.code(), None);
    assert_eq!(
        error.body(),
        Some(page.as_bytes()),
        "the whole body is kept"
    );
    let shown = error.to_string();
    assert!(
        shown.contains("HTTP 502") && shown.contains("502 Bad Gateway"),
        "{shown}"
    );
    assert!(
        shown.len() < 400,
        "Display shows a bounded excerpt: {shown}"
    );
}

#[tokio::test]
async fn an_html_page_on_a_documented_status_keeps_the_status() {
    // progenitor decodes documented statuses as Zoom's JSON and drops the status
    // when that fails; the client must not.
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(404)
                .header("content-type", "text/html")
                .body("<h1>Not Found</h1>");
        })
        .await;
    let error = no_retries(&server).get_session("s1").await.unwrap_err();
    assert!(error.is_not_found());
    assert_eq!(error.body(), Some(&b"<h1>Not Found</h1>"[..]));
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_with_status_and_body() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(200)
                .header("content-type", "application/json")
                .body(r#"{"session_id": "s1", "start_"#);
        })
        .await;
    let error = common::client(&server).get_session("s1").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.status(), Some(StatusCode::OK));
    assert_eq!(error.body(), Some(&br#"{"session_id": "s1", "start_"#[..]));
    assert!(
        std::error::Error::source(&error).is_some(),
        "the serde error is the source"
    );
}

#[tokio::test]
async fn an_undocumented_status_with_zoom_json_is_an_api_error() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(403)
                .header("content-type", "application/json")
                .body(zoom_error(
                    4711,
                    "Cobrowse SDK is not enabled for this account.",
                ));
        })
        .await;
    let error = common::client(&server).get_session("s1").await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(error.code(), Some(4711));
    assert!(!error.is_unauthorized());
}

#[tokio::test]
async fn an_unreachable_server_is_a_transport_error() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let client = zoom_cobrowse::Client::builder(Credentials::bearer(common::TOKEN))
        .base_url(url)
        .retry(common::fast_retries(2))
        .no_rate_limits()
        .build()
        .unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport);
    assert!(error.is_transport());
    assert_eq!(error.status(), None);
}

#[tokio::test]
async fn a_bad_page_size_fails_before_any_request() {
    let server = MockServer::start_async().await;
    let api = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200);
        })
        .await;
    let error = common::client(&server)
        .live_sessions()
        .page_size(10)
        .page(None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(
        error
            .to_string()
            .contains("page_size must be 30..=300, got 10")
    );
    api.assert_calls_async(0).await;
}

#[test]
fn a_malformed_base_url_is_a_config_error() {
    let error = zoom_cobrowse::Client::builder(Credentials::bearer(common::TOKEN))
        .base_url("api.zoom.us/v2")
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(error.to_string().contains("base URL"), "{error}");
}
