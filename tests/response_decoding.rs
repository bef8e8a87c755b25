//! The decoding quirks of Zoom's answers, over real HTTP. Each test fails on a
//! naively generated client: a live-first oneOf, closed enums, strict fields, or
//! a duration type that rejects what Zoom sends.

mod common;

use std::time::Duration;

use common::{fetch, utc};
use serde_json::{Value, json};
use zoom_cobrowse::types::{DataCenter, InvalidDuration, RoleType, SessionDetail, SessionUserList};

const SESSION: &str = "GDDykmpQQU6MWL3GqLNUkw";

async fn get_session(body: Value) -> SessionDetail {
    let path = format!("/cobrowsesdk/sessions/{SESSION}");
    fetch(&path, &[], (200, body), |client| async move {
        client.get_session().session_id(SESSION).send().await
    })
    .await
}

async fn session_users(body: Value) -> SessionUserList {
    let path = format!("/cobrowsesdk/sessions/{SESSION}/users");
    fetch(&path, &[], (200, body), |client| async move {
        client.list_session_users().session_id(SESSION).send().await
    })
    .await
}

#[tokio::test]
async fn a_past_session_decodes_as_past_and_keeps_end_time_and_duration() {
    let detail = get_session(common::past_session_detail_example()).await;
    let SessionDetail::PastSessionDetail(past) = detail else {
        panic!("a past session decoded as live, losing end_time and duration: {detail:?}");
    };
    assert_eq!(past.end_time, utc("2025-02-14T19:15:01Z"));
    assert_eq!(past.duration.to_std(), Ok(Duration::from_secs(199)));
    assert_eq!(past.session_id, SESSION);
    assert_eq!(past.start_time, utc("2025-02-14T19:09:01Z"));
    assert_eq!(past.user_count, Some(2));
}

#[tokio::test]
async fn a_live_session_decodes_as_live() {
    let detail = get_session(common::live_session_detail_example()).await;
    assert!(
        matches!(&detail, SessionDetail::LiveSessionDetail(live) if live.session_id == SESSION),
        "{detail:?}"
    );
}

#[tokio::test]
async fn unknown_enum_values_decode_as_unknown_and_serialize_back_unchanged() {
    let mut body = common::session_users_example();
    let known = body["users"][0].clone();
    let mut unknown = known.clone();
    unknown["role_type"] = json!("host");
    unknown["data_center"] = json!("ZA");
    body["users"] = json!([known, unknown]);

    let page = session_users(body.clone()).await;
    let [known, unknown] = page.users.as_slice() else {
        panic!("{page:?}")
    };
    assert_eq!(known.role_type, RoleType::Agent);
    assert_eq!(known.data_center, Some(DataCenter::Us));
    assert_eq!(unknown.role_type, RoleType::Unknown("host".into()));
    assert_eq!(unknown.data_center, Some(DataCenter::Unknown("ZA".into())));
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        body,
        "nothing is lost"
    );
}

#[tokio::test]
async fn unknown_fields_are_ignored_at_every_level() {
    let mut body = common::live_sessions_example();
    body["total_records"] = json!(1);
    body["sessions"][0]["recording"] = json!({"enabled": false});
    body["sessions"][0]["users"][0]["avatar_url"] = json!("https://example.invalid/a.png");
    let page = fetch(
        "/cobrowsesdk/live_sessions",
        &[],
        (200, body),
        |client| async move { client.list_live_sessions().send().await },
    )
    .await;
    assert_eq!(page.sessions[0].users[0].user_name, "exampleuser");

    let mut detail = common::past_session_detail_example();
    detail["host_region"] = json!("US");
    assert!(matches!(
        get_session(detail).await,
        SessionDetail::PastSessionDetail(_)
    ));
}

/// The rows an archive keeps for good (past sessions, user connections) keep the
/// fields this version does not know, and serialize them back as they came.
#[tokio::test]
async fn past_session_and_connection_rows_keep_fields_zoom_adds_later() {
    let mut body = common::past_sessions_example();
    body["sessions"][0]["recording"] = json!({"url": "https://example.invalid/r/1"});
    let page = fetch(
        "/cobrowsesdk/past_sessions",
        &[],
        (200, body),
        |client| async move { client.list_past_sessions().send().await },
    )
    .await;
    let row = serde_json::to_value(&page.sessions[0]).unwrap();
    assert_eq!(row["recording"]["url"], "https://example.invalid/r/1");

    let mut body = common::session_users_example();
    body["users"][0]["device"] = json!("mobile");
    let users = session_users(body).await;
    assert_eq!(users.users[0].extra["device"], "mobile");
    assert_eq!(
        serde_json::to_value(&users.users[0]).unwrap()["device"],
        "mobile"
    );
}

/// Zoom marks the last page with an empty token or none; the types keep the two
/// apart (`Some("")` and `None`), so "is there a next page" must treat both alike.
#[tokio::test]
async fn an_empty_and_an_absent_next_page_token_both_decode() {
    let mut empty = common::session_users_example();
    empty["next_page_token"] = json!("");
    assert_eq!(
        session_users(empty).await.next_page_token.as_deref(),
        Some("")
    );

    let mut absent = common::session_users_example();
    absent.as_object_mut().unwrap().remove("next_page_token");
    assert_eq!(session_users(absent).await.next_page_token, None);
}

#[tokio::test]
async fn durations_over_24_hours_parse_and_malformed_ones_are_error_values() {
    let mut body = common::past_sessions_example();
    let long = body["sessions"][0].clone();
    let mut malformed = long.clone();
    body["sessions"][0]["duration"] = json!("26:03:19");
    malformed["duration"] = json!("3 minutes");
    body["sessions"].as_array_mut().unwrap().push(malformed);

    let page = fetch(
        "/cobrowsesdk/past_sessions",
        &[],
        (200, body),
        |client| async move { client.list_past_sessions().send().await },
    )
    .await;
    let [long, malformed] = page.sessions.as_slice() else {
        panic!("{page:?}")
    };
    assert_eq!(
        long.duration.to_std(),
        Ok(Duration::from_secs(26 * 3600 + 3 * 60 + 19))
    );
    assert_eq!(
        malformed.duration.to_std(),
        Err(InvalidDuration("3 minutes".into())),
        "the page decodes; the bad value is reported when read"
    );
    assert_eq!(malformed.duration.as_str(), "3 minutes");
}

#[tokio::test]
async fn a_null_leave_time_decodes_as_absent() {
    let mut body = common::session_users_example();
    body["users"][0]["leave_time"] = Value::Null;
    assert_eq!(session_users(body).await.users[0].leave_time, None);
}
