//! Per-label rate limits over real HTTP: 429 with `Retry-After` and Zoom's
//! `X-RateLimit-*` headers, windows that refill with the clock, plan presets and
//! overrides. The manual clock stands still, so no window rolls over by accident.

mod support;

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use support::{Api, builder, clocked, start};

use zoom_cobrowse::{Operation, RateLimitLabel, RateLimits};

const LIVE: &str = "/cobrowsesdk/live_sessions";
const PAST: &str = "/cobrowsesdk/past_sessions";

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[test]
fn the_operations_spend_the_labels_the_spec_gives_them() {
    let label = |id| Operation::from_id(id).unwrap().rate_limit_label();
    assert_eq!(label("list_live_sessions"), RateLimitLabel::Light);
    assert_eq!(label("get_session"), RateLimitLabel::Light);
    assert_eq!(label("list_session_users"), RateLimitLabel::Light);
    assert_eq!(
        label("list_past_sessions"),
        RateLimitLabel::ResourceIntensive
    );
    assert_eq!(Operation::ALL.len(), 4);
}

#[tokio::test]
async fn light_requests_get_429_with_retry_after_once_the_second_is_spent() {
    let (clock, builder) = clocked();
    let (zoom, api) = start(builder.rate_limits(RateLimits::free())).await;

    for remaining in ["3", "2", "1", "0"] {
        let response = api.get(LIVE, &[]).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header(&response, "x-ratelimit-category"), "Light");
        assert_eq!(header(&response, "x-ratelimit-type"), "QPS");
        assert_eq!(header(&response, "x-ratelimit-limit"), "4");
        assert_eq!(header(&response, "x-ratelimit-remaining"), remaining);
    }
    let refused = api.get(LIVE, &[]).await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(header(&refused, "retry-after"), "1");
    assert_eq!(header(&refused, "x-ratelimit-remaining"), "0");
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["code"], 429);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("per-second rate limit")
    );

    clock.advance(Duration::from_secs(1));
    assert_eq!(api.get(LIVE, &[]).await.unwrap().status(), StatusCode::OK);
    assert_eq!(zoom.stats().rate_limited, 1);
}

#[tokio::test]
async fn resource_intensive_requests_are_counted_per_minute_apart_from_light_ones() {
    let (clock, builder) = clocked();
    let (_zoom, api) = start(builder.rate_limits(RateLimits::free())).await;

    for _ in 0..10 {
        assert_eq!(api.get(PAST, &[]).await.unwrap().status(), StatusCode::OK);
    }
    let refused = api.get(PAST, &[]).await.unwrap();
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    // The clock stands at 12:34:56: the minute's window ends in four seconds.
    assert_eq!(header(&refused, "retry-after"), "4");
    assert_eq!(
        header(&refused, "x-ratelimit-category"),
        "Resource-intensive"
    );
    assert_eq!(
        api.get(LIVE, &[]).await.unwrap().status(),
        StatusCode::OK,
        "LIGHT has its own budget"
    );

    clock.advance(Duration::from_secs(3));
    assert_eq!(
        api.get(PAST, &[]).await.unwrap().status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    clock.advance(Duration::from_secs(1));
    assert_eq!(api.get(PAST, &[]).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn overrides_replace_a_plans_limit_and_unlimited_labels_never_refuse() {
    let limits = RateLimits::business_plus()
        .per_minute(RateLimitLabel::ResourceIntensive, 2)
        .per_second(RateLimitLabel::Light, 0);
    let (_zoom, api) = start(builder().rate_limits(limits)).await;

    for _ in 0..100 {
        let response = api.get(LIVE, &[]).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().get("x-ratelimit-limit").is_none());
    }
    for expected in [
        StatusCode::OK,
        StatusCode::OK,
        StatusCode::TOO_MANY_REQUESTS,
    ] {
        assert_eq!(api.get(PAST, &[]).await.unwrap().status(), expected);
    }
}

#[tokio::test]
async fn rate_limits_can_be_set_while_running() {
    let (zoom, api) = start(builder()).await;
    assert_eq!(api.get(PAST, &[]).await.unwrap().status(), StatusCode::OK);

    zoom.set_rate_limits(RateLimits::custom().per_minute(RateLimitLabel::ResourceIntensive, 1));

    assert_eq!(api.get(PAST, &[]).await.unwrap().status(), StatusCode::OK);
    let (status, body) = api.json(PAST, &[]).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], json!(429));
}

#[tokio::test]
async fn refused_credentials_spend_no_budget() {
    let (_zoom, api) = start(builder().rate_limits(RateLimits::free())).await;

    for _ in 0..10 {
        let response = api.get_with(LIVE, &[], "not-a-token").await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    for _ in 0..4 {
        assert_eq!(api.get(LIVE, &[]).await.unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn limits_are_per_account_shared_by_every_client_of_it() {
    use zoom_cobrowse_mock::AcceptedCredentials;
    let credentials = AcceptedCredentials::none()
        .with_account_bearer_token("acct-a", "token-a1")
        .with_account_bearer_token("acct-a", "token-a2")
        .with_account_bearer_token("acct-b", "token-b")
        .with_bearer_token("token-alone");
    let (zoom, _) = start(
        builder()
            .credentials(credentials)
            .rate_limits(RateLimits::free()),
    )
    .await;
    // Two clients (two connection pools) with two tokens of one account.
    let (one, other) = (Api::new_anonymous(&zoom), Api::new_anonymous(&zoom));
    for (api, token) in [(&one, "token-a1"), (&other, "token-a2")].repeat(2) {
        let response = api.get_with(LIVE, &[], token).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    let refused = other.get_with(LIVE, &[], "token-a1").await.unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "acct-a spent"
    );
    for token in ["token-b", "token-alone"] {
        let response = one.get_with(LIVE, &[], token).await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{token}: its own account"
        );
    }
    let stats = zoom.stats();
    assert_eq!(stats.admitted("acct-a"), 4);
    assert_eq!(stats.rate_limited_for("acct-a"), 1);
    assert_eq!(stats.admitted("acct-b"), 1);
    assert_eq!(stats.admitted("bearer-token-3"), 1);
}
