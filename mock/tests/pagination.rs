//! Zoom-style pagination over real HTTP: page sizes, `""` on the last page, tokens
//! that expire, and tokens that only continue their own listing.

mod support;

use std::collections::HashSet;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use support::{builder, clocked, code, start};
use zoom_cobrowse::Operation;
use zoom_cobrowse::types::{LiveSession, SessionUserConnection};

const LIVE: &str = "/cobrowsesdk/live_sessions";

fn decode<T: serde::de::DeserializeOwned>(items: Vec<Value>) -> Vec<T> {
    items
        .into_iter()
        .map(|item| serde_json::from_value(item).expect("decodes as the crate's type"))
        .collect()
}

#[tokio::test]
async fn live_sessions_page_through_to_the_seeded_truth() {
    let (zoom, api) = start(builder()).await;

    let (items, pages) = api.all_pages(LIVE, &[], "sessions").await;

    // 70 live sessions at Zoom's default page size of 30.
    assert_eq!(pages, 3);
    assert_eq!(decode::<LiveSession>(items), zoom.live_sessions());
    assert_eq!(zoom.live_sessions().len(), 70);
    assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 3);
}

#[tokio::test]
async fn page_size_sets_the_page_and_is_echoed() {
    let (_zoom, api) = start(builder()).await;

    let (status, body) = api.json(LIVE, &[("page_size", "50")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["page_size"], 50);
    assert_eq!(body["sessions"].as_array().unwrap().len(), 50);

    let (_, body) = api.json(LIVE, &[("page_size", "300")]).await;
    assert_eq!(body["sessions"].as_array().unwrap().len(), 70);
    assert_eq!(body["next_page_token"], "");

    let (_, body) = api.json(LIVE, &[]).await;
    assert_eq!(body["page_size"], 30);
}

#[tokio::test]
async fn page_size_outside_30_to_300_is_refused() {
    let (_zoom, api) = start(builder()).await;

    for size in ["29", "301", "0", "-30", "thirty"] {
        let (status, body) = api.json(LIVE, &[("page_size", size)]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "page_size={size}");
        assert_eq!(code(&body), 300);
        assert_eq!(body["message"], "Validation Failed.");
        assert_eq!(body["errors"][0]["field"], "page_size");
    }
}

#[tokio::test]
async fn an_expired_page_token_is_refused_with_30101() {
    let (clock, builder) = clocked();
    let (_zoom, api) = start(builder.page_token_ttl(Duration::from_secs(60))).await;
    let (_, first) = api.json(LIVE, &[]).await;
    let token = first["next_page_token"].as_str().unwrap().to_owned();

    clock.advance(Duration::from_secs(59));
    let (status, _) = api.json(LIVE, &[("next_page_token", &token)]).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "still valid one second before expiry"
    );

    clock.advance(Duration::from_secs(1));
    let (status, body) = api.json(LIVE, &[("next_page_token", &token)]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body,
        serde_json::json!({"code": 30101, "message": "The next page token is invalid or expired."})
    );
}

#[tokio::test]
async fn a_page_token_can_be_retried_until_it_expires() {
    let (_zoom, api) = start(builder()).await;
    let (_, first) = api.json(LIVE, &[]).await;
    let token = first["next_page_token"].as_str().unwrap().to_owned();

    let (_, again) = api.json(LIVE, &[("next_page_token", &token)]).await;
    let (_, once_more) = api.json(LIVE, &[("next_page_token", &token)]).await;

    assert_eq!(again["sessions"], once_more["sessions"]);
    assert_ne!(again["sessions"], first["sessions"]);
}

#[tokio::test]
async fn a_page_token_only_continues_its_own_listing() {
    let (zoom, api) = start(builder()).await;
    let (_, first) = api.json(LIVE, &[]).await;
    let token = first["next_page_token"].as_str().unwrap().to_owned();
    let pin = zoom.live_sessions()[0].session_pin.clone().unwrap();

    let elsewhere = [
        (
            "/cobrowsesdk/past_sessions",
            vec![("next_page_token", token.as_str())],
        ),
        (
            LIVE,
            vec![
                ("next_page_token", token.as_str()),
                ("session_pin", pin.as_str()),
            ],
        ),
        (
            LIVE,
            vec![("next_page_token", "Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4")],
        ),
    ];
    for (path, query) in elsewhere {
        let (status, body) = api.json(path, &query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {query:?}");
        assert_eq!(code(&body), 30101);
    }
    // The page size may change from page to page.
    let (status, _) = api
        .json(LIVE, &[("next_page_token", &token), ("page_size", "40")])
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn ending_a_session_mid_listing_skips_no_other_session() {
    let (zoom, api) = start(builder()).await;
    let before: Vec<String> = zoom
        .live_sessions()
        .into_iter()
        .map(|s| s.session_id)
        .collect();

    let (_, first) = api.json(LIVE, &[]).await;
    let token = first["next_page_token"].as_str().unwrap().to_owned();
    // End two sessions the client has already seen.
    for s in first["sessions"].as_array().unwrap().iter().take(2) {
        zoom.end_session(s["session_id"].as_str().unwrap()).unwrap();
    }
    let mut seen: Vec<String> = first["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["session_id"].as_str().unwrap().to_owned())
        .collect();
    let mut token = token;
    while !token.is_empty() {
        let (_, page) = api.json(LIVE, &[("next_page_token", &token)]).await;
        seen.extend(
            page["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["session_id"].as_str().unwrap().to_owned()),
        );
        token = page["next_page_token"].as_str().unwrap().to_owned();
    }

    assert_eq!(seen, before, "every session once, in order");
    assert_eq!(zoom.live_sessions().len(), 68);
}

#[tokio::test]
async fn an_empty_listing_sends_an_empty_array_and_token() {
    let (_zoom, api) = start(builder()).await;

    let (status, body) = api.json(LIVE, &[("session_pin", "not-a-pin")]).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["sessions"], serde_json::json!([]));
    assert_eq!(body["next_page_token"], "");
}

#[tokio::test]
async fn session_users_page_one_row_per_connection() {
    let (zoom, api) = start(builder()).await;
    // A session whose users rejoined so often that they fill more than one page.
    let busy = zoom
        .past_sessions()
        .into_iter()
        .map(|s| s.session_id)
        .find(|id| zoom.session_users(id).unwrap().len() > 30)
        .expect("the seed has a session with more than 30 connections");
    let truth = zoom.session_users(&busy).unwrap();

    let path = format!("/cobrowsesdk/sessions/{busy}/users");
    let (items, pages) = api.all_pages(&path, &[], "users").await;
    let rows = decode::<SessionUserConnection>(items);

    assert_eq!(rows, truth);
    assert_eq!(pages, truth.len().div_ceil(30));
    let users: HashSet<_> = rows.iter().map(|r| &r.user_id).collect();
    let connections: HashSet<_> = rows.iter().map(|r| &r.user_connection_id).collect();
    assert!(
        users.len() < rows.len(),
        "someone rejoined under the same user_id"
    );
    assert_eq!(
        connections.len(),
        rows.len(),
        "each join has its own connection ID"
    );
}

#[tokio::test]
async fn users_of_an_unknown_session_are_a_404() {
    let (_zoom, api) = start(builder()).await;

    let (status, body) = api.json("/cobrowsesdk/sessions/nope/users", &[]).await;

    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        serde_json::json!({"code": 30300, "message": "Session does not exist: nope"})
    );
}
