//! Fault injection observed from a real HTTP client: 5xx JSON, HTML error pages,
//! truncated bodies, malformed JSON, dropped connections, injected 429s, latency,
//! scopes, and seeded random faults that repeat.

mod support;

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use serde_json::json;
use support::{builder, start};
use zoom_cobrowse::Operation;
use zoom_cobrowse_mock::{Fault, FaultPlan, FaultScope, MockError, ServerStatus};

const LIVE: &str = "/cobrowsesdk/live_sessions";

#[tokio::test]
async fn server_errors_answer_5xx_with_a_zoom_json_body_then_recover() {
    let plan = FaultPlan::new()
        .next(1, Fault::ServerError(ServerStatus::InternalServerError))
        .next(2, Fault::ServerError(ServerStatus::ServiceUnavailable));
    let (zoom, api) = start(builder().faults(plan)).await;

    assert_eq!(
        api.json(LIVE, &[]).await,
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"code": 500, "message": "Internal Server Error"})
        )
    );
    for _ in 0..2 {
        let (status, body) = api.json(LIVE, &[]).await;
        assert_eq!(
            (status, body["code"].as_i64()),
            (StatusCode::SERVICE_UNAVAILABLE, Some(503))
        );
    }
    assert_eq!(api.json(LIVE, &[]).await.0, StatusCode::OK);
    assert_eq!(zoom.stats().faults_injected, 3);
    assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 4);
}

#[tokio::test]
async fn proxy_error_pages_are_html_not_json() {
    let (zoom, api) = start(builder()).await;
    zoom.set_faults(FaultPlan::new().next(1, Fault::ProxyErrorPage(ServerStatus::BadGateway)));

    let response = api.get(LIVE, &[]).await.unwrap();

    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(response.headers()[CONTENT_TYPE], "text/html");
    let page = response.text().await.unwrap();
    assert!(page.contains("<title>502 Bad Gateway</title>"), "{page}");
    assert!(serde_json::from_str::<serde_json::Value>(&page).is_err());
}

/// A path whose answer is the same every time (a listing's page token is not).
fn session_path(zoom: &zoom_cobrowse_mock::MockZoom) -> String {
    format!(
        "/cobrowsesdk/sessions/{}",
        zoom.past_sessions()[0].session_id
    )
}

#[tokio::test]
async fn a_truncated_body_fails_the_clients_read_after_good_headers() {
    let (zoom, api) = start(builder()).await;
    let path = session_path(&zoom);
    let whole = api.get(&path, &[]).await.unwrap().bytes().await.unwrap();
    zoom.set_faults(FaultPlan::new().next(1, Fault::TruncatedBody));

    let mut response = api.get(&path, &[]).await.expect("the headers arrive");

    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[CONTENT_LENGTH],
        whole.len().to_string().as_str()
    );
    let mut received = Vec::new();
    let error = loop {
        match response.chunk().await {
            Ok(Some(chunk)) => received.extend_from_slice(&chunk),
            Ok(None) => panic!("the body ended cleanly after {} bytes", received.len()),
            Err(error) => break error,
        }
    };
    assert!(
        error.is_body() || error.is_decode() || error.is_request(),
        "{error:?}"
    );
    assert_eq!(
        received,
        whole[..whole.len() / 2],
        "half the body, then the connection closes"
    );
    let next = api.get(&path, &[]).await.unwrap().bytes().await.unwrap();
    assert_eq!(next, whole, "the next answer is whole");
}

#[tokio::test]
async fn malformed_json_arrives_whole_but_does_not_decode() {
    let (zoom, api) = start(builder()).await;
    let path = session_path(&zoom);
    let whole = api.get(&path, &[]).await.unwrap().bytes().await.unwrap();
    zoom.set_faults(FaultPlan::new().next(1, Fault::MalformedJson));

    let response = api.get(&path, &[]).await.unwrap();

    assert_eq!(response.status(), StatusCode::OK);
    let cut = response
        .bytes()
        .await
        .expect("the HTTP message is complete");
    assert_eq!(cut.len(), whole.len() / 2);
    assert!(whole.starts_with(&cut));
    assert!(serde_json::from_slice::<serde_json::Value>(&cut).is_err());
}

#[tokio::test]
async fn a_dropped_connection_fails_the_send_and_the_next_request_works() {
    let (zoom, api) =
        start(builder().faults(FaultPlan::new().next(1, Fault::DropConnection))).await;

    let error = api.get(LIVE, &[]).await.expect_err("no answer");

    assert!(error.is_request() || error.is_connect(), "{error:?}");
    assert_eq!(api.get(LIVE, &[]).await.unwrap().status(), StatusCode::OK);
    assert_eq!(zoom.stats().faults_injected, 1);
}

#[tokio::test]
async fn an_injected_429_carries_retry_after() {
    let plan = FaultPlan::new().next(
        1,
        Fault::TooManyRequests {
            retry_after: Duration::from_secs(7),
        },
    );
    let (zoom, api) = start(builder().faults(plan)).await;

    let response = api.get(LIVE, &[]).await.unwrap();

    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(zoom.stats().rate_limited, 1);
}

#[tokio::test]
async fn latency_holds_answers_past_a_clients_timeout() {
    let (zoom, api) = start(builder()).await;
    // Far longer than the client waits, so a slow machine cannot make it pass.
    zoom.set_faults(FaultPlan::new().latency(Duration::from_secs(30)));

    let error = api
        .http
        .get(format!("{}{LIVE}", api.base))
        .bearer_auth(&api.token)
        .timeout(Duration::from_millis(200))
        .send()
        .await
        .expect_err("still waiting");

    assert!(error.is_timeout(), "{error:?}");
    zoom.clear_faults();
    assert_eq!(api.get(LIVE, &[]).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn scopes_keep_faults_to_their_requests() {
    let get_session = Operation::GetSession;
    let plan = FaultPlan::new()
        .scope(FaultScope::Operation(get_session))
        .next(1, Fault::ServerError(ServerStatus::BadGateway));
    let (zoom, api) = start(builder().faults(plan)).await;
    let id = zoom.live_sessions()[0].session_id.clone();
    let path = format!("/cobrowsesdk/sessions/{id}");

    assert_eq!(
        api.json(LIVE, &[]).await.0,
        StatusCode::OK,
        "other operations are spared"
    );
    assert_eq!(api.json(&path, &[]).await.0, StatusCode::BAD_GATEWAY);
    assert_eq!(api.json(&path, &[]).await.0, StatusCode::OK);

    // The default scope spares the token endpoint; its own scope spares the API.
    zoom.set_faults(
        FaultPlan::new().next(5, Fault::ServerError(ServerStatus::InternalServerError)),
    );
    let token = reqwest::Client::new()
        .post(zoom.oauth_url())
        .send()
        .await
        .unwrap();
    assert_eq!(
        token.status(),
        StatusCode::UNAUTHORIZED,
        "answered, not faulted"
    );
    zoom.set_faults(
        FaultPlan::new()
            .scope(FaultScope::TokenEndpoint)
            .next(1, Fault::ProxyErrorPage(ServerStatus::ServiceUnavailable)),
    );
    assert_eq!(api.json(LIVE, &[]).await.0, StatusCode::OK);
    let token = reqwest::Client::new()
        .post(zoom.oauth_url())
        .send()
        .await
        .unwrap();
    assert_eq!(token.status(), StatusCode::SERVICE_UNAVAILABLE);
}

/// The statuses of `n` requests under a plan that fails 30% of them at random.
async fn random_fault_pattern(seed: u64, n: usize) -> Vec<u16> {
    let plan = FaultPlan::new()
        .with_probability(0.3, Fault::ServerError(ServerStatus::ServiceUnavailable))
        .unwrap();
    let (_zoom, api) = start(builder().seed(seed).faults(plan)).await;
    let mut statuses = Vec::new();
    for _ in 0..n {
        statuses.push(api.get(LIVE, &[]).await.unwrap().status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn random_faults_repeat_for_the_same_seed() {
    let first = random_fault_pattern(7, 40).await;
    let again = random_fault_pattern(7, 40).await;
    let other = random_fault_pattern(8, 40).await;

    assert_eq!(first, again);
    assert_ne!(first, other);
    let failed = first.iter().filter(|s| **s == 503).count();
    assert!((1..40).contains(&failed), "some fail, some pass: {first:?}");
}

#[test]
fn probabilities_outside_zero_to_one_are_refused() {
    for p in [-0.1, 1.5, f64::NAN] {
        let error = FaultPlan::new()
            .with_probability(p, Fault::DropConnection)
            .unwrap_err();
        assert!(matches!(error, MockError::InvalidProbability(_)));
        assert!(error.to_string().contains("between 0 and 1"), "{error}");
    }
}
