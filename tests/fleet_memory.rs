//! Fleet mode with the in-memory stores: the clients of one process share one
//! budget and one token, against the simulator; no Redis needed.

use std::time::Duration;

use secrecy::ExposeSecret;
use zoom_cobrowse::fleet::Fleet;
use zoom_cobrowse::{Client, Credentials, RateLimitLabel, RateLimits};
use zoom_cobrowse_mock::MockZoom;

const ACCOUNT: &str = "zoom-mock-account";

fn s2s_client(zoom: &MockZoom, fleet: Option<&Fleet>, limits: RateLimits) -> Client {
    let app = zoom.credentials().oauth.clone().unwrap();
    let mut builder = Client::builder(Credentials::server_to_server(
        app.account_id,
        app.client_id,
        app.client_secret.expose_secret(),
    ))
    .base_url(zoom.base_url())
    .oauth_url(zoom.oauth_url())
    .rate_limits(limits);
    if let Some(fleet) = fleet {
        builder = builder.fleet(fleet.clone());
    }
    builder.build().unwrap()
}

#[tokio::test]
async fn clients_of_one_fleet_share_the_budget_and_one_token() {
    let limits = RateLimits::custom().per_second(RateLimitLabel::Light, 5);
    let zoom = MockZoom::builder()
        .rate_limits(limits.clone())
        .start()
        .await
        .unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let fleet = Fleet::in_memory();
    let clients: Vec<_> = (0..3)
        .map(|_| s2s_client(&zoom, Some(&fleet), limits.clone()))
        .collect();
    // Fifteen calls of three clients in one 5-per-second budget: three windows.
    let calls = (0..15).map(|i| clients[i % 3].get_session(&session));
    for result in futures_util::future::join_all(calls).await {
        result.unwrap();
    }
    let stats = zoom.stats();
    assert_eq!(stats.rate_limited, 0, "the budget is one, not three");
    assert_eq!(stats.admitted(ACCOUNT), 15);
    assert_eq!(stats.token_requests, 1, "one token for the three");
}

#[tokio::test]
async fn clients_without_a_fleet_each_spend_the_whole_budget() {
    let limits = RateLimits::custom().per_second(RateLimitLabel::Light, 5);
    let zoom = MockZoom::builder()
        .rate_limits(limits.clone())
        .start()
        .await
        .unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let clients: Vec<_> = (0..3)
        .map(|_| s2s_client(&zoom, None, limits.clone()))
        .collect();
    let calls = (0..15).map(|i| clients[i % 3].get_session(&session));
    for result in futures_util::future::join_all(calls).await {
        result.unwrap();
    }
    let stats = zoom.stats();
    assert!(stats.rate_limited > 0, "three budgets of five against one");
    assert_eq!(stats.token_requests, 3);
}

#[tokio::test]
async fn a_token_zoom_refused_is_not_taken_again_from_the_store() {
    let zoom = MockZoom::start().await.unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let fleet = Fleet::in_memory();
    let limits = RateLimits::pro();
    let (one, other) = (
        s2s_client(&zoom, Some(&fleet), limits.clone()),
        s2s_client(&zoom, Some(&fleet), limits),
    );
    one.get_session(&session).await.unwrap();
    other.get_session(&session).await.unwrap();
    assert_eq!(zoom.stats().token_requests, 1);

    zoom.revoke_access_tokens();
    // The first to meet the 401 fetches a new token; the other, refused too,
    // takes that one from the store instead of the refused one.
    one.get_session(&session).await.unwrap();
    other.get_session(&session).await.unwrap();
    let stats = zoom.stats();
    assert_eq!(stats.token_requests, 2);
    assert_eq!(stats.unauthorized, 2);
}

#[test]
fn a_share_of_the_budget_is_all_a_client_takes() {
    let limits = RateLimits::custom()
        .per_second(RateLimitLabel::Light, 30)
        .share(0.2)
        .unwrap();
    assert_eq!(limits.get(RateLimitLabel::Light).unwrap().requests(), 6);
    for bad in [0.0, -0.5, 1.01, f64::NAN, f64::INFINITY] {
        let error = RateLimits::pro().share(bad).unwrap_err();
        assert!(error.to_string().contains("share"), "{error}");
    }
    // A share never rounds a limit down to nothing.
    let tiny = RateLimits::free().share(0.01).unwrap();
    assert_eq!(tiny.get(RateLimitLabel::Heavy).unwrap().requests(), 1);
    assert_eq!(
        tiny.get(RateLimitLabel::ResourceIntensive).unwrap().per(),
        Duration::from_secs(60)
    );
}
