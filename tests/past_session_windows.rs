//! A past-session range of any length is split into calendar-month windows that
//! meet without overlapping, fetched concurrently and yielded in chronological order.

mod common;

use std::time::Duration;

use chrono::{NaiveDate, TimeZone, Utc};
use futures_util::TryStreamExt;
use httpmock::prelude::*;
use zoom_cobrowse::types::TimeType;

fn past_page(ids: &[&str]) -> serde_json::Value {
    let sessions: Vec<_> = ids
        .iter()
        .map(|id| {
            serde_json::json!({
                "session_id": id, "start_time": "2025-02-14T19:09:01Z",
                "end_time": "2025-02-14T19:15:01Z", "duration": "00:06:00",
            })
        })
        .collect();
    serde_json::json!({"next_page_token": "", "sessions": sessions})
}

async fn window<'a>(
    server: &'a MockServer,
    from: &str,
    to: &str,
    time_type: &str,
    ids: &[&str],
    delay: Duration,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/past_sessions")
                .query_param("from", from)
                .query_param("to", to)
                .query_param("time_type", time_type);
            then.status(200)
                .delay(delay)
                .header("content-type", "application/json")
                .json_body(past_page(ids));
        })
        .await
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, day).unwrap()
}

#[tokio::test]
async fn date_ranges_split_at_month_ends_and_keep_chronological_order() {
    for time_type in [TimeType::StartTime, TimeType::EndTime] {
        let server = MockServer::start_async().await;
        let tt = time_type.to_string();
        // The first window answers last: order must not follow arrival.
        let jan = window(
            &server,
            "2025-01-15",
            "2025-01-31",
            &tt,
            &["jan"],
            Duration::from_millis(150),
        )
        .await;
        let feb = window(
            &server,
            "2025-02-01",
            "2025-02-28",
            &tt,
            &["feb"],
            Duration::ZERO,
        )
        .await;
        let mar = window(
            &server,
            "2025-03-01",
            "2025-03-02",
            &tt,
            &["mar"],
            Duration::ZERO,
        )
        .await;
        let client = common::client(&server);
        let ids: Vec<_> = client
            .past_sessions()
            .range(day(1, 15), day(3, 2))
            .time_type(time_type)
            .items()
            .map_ok(|s| s.session_id)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(ids, ["jan", "feb", "mar"], "{tt}");
        for mock in [jan, feb, mar] {
            mock.assert_calls_async(1).await;
        }
    }
}

#[tokio::test]
async fn instant_ranges_split_to_the_second() {
    let server = MockServer::start_async().await;
    let tt = "start_time";
    let a = window(
        &server,
        "2025-01-31T22:00:00Z",
        "2025-01-31T23:59:59Z",
        tt,
        &["a"],
        Duration::ZERO,
    )
    .await;
    let b = window(
        &server,
        "2025-02-01T00:00:00Z",
        "2025-02-01T06:30:00Z",
        tt,
        &["b"],
        Duration::ZERO,
    )
    .await;
    let client = common::client(&server);
    let from = Utc.with_ymd_and_hms(2025, 1, 31, 22, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2025, 2, 1, 6, 30, 0).unwrap();
    let ids: Vec<_> = client
        .past_sessions()
        .range(from, to)
        .time_type(TimeType::StartTime)
        .items()
        .map_ok(|s| s.session_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids, ["a", "b"]);
    a.assert_calls_async(1).await;
    b.assert_calls_async(1).await;
}

#[tokio::test]
async fn windows_are_fetched_concurrently() {
    let server = MockServer::start_async().await;
    let tt = "start_time";
    // January answers slowly; February and March must not wait for it.
    let jan = window(
        &server,
        "2025-01-01",
        "2025-01-31",
        tt,
        &["jan"],
        Duration::from_millis(1500),
    )
    .await;
    let feb = window(
        &server,
        "2025-02-01",
        "2025-02-28",
        tt,
        &["feb"],
        Duration::ZERO,
    )
    .await;
    let mar = window(
        &server,
        "2025-03-01",
        "2025-03-31",
        tt,
        &["mar"],
        Duration::ZERO,
    )
    .await;
    let client = common::client(&server);
    let mut stream = client
        .past_sessions()
        .range(day(1, 1), day(3, 31))
        .time_type(TimeType::StartTime)
        .items();
    let (tx, mut received) = tokio::sync::mpsc::unbounded_channel();
    let consumer = tokio::spawn(async move {
        while let Some(item) = stream.try_next().await.unwrap() {
            tx.send(item.session_id).unwrap();
        }
    });
    while feb.calls_async().await == 0 || mar.calls_async().await == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Fetched one window at a time, February would only be asked for after
    // January's item had reached the consumer.
    assert!(
        received.try_recv().is_err(),
        "later windows were requested before January answered"
    );
    consumer.await.unwrap();
    let mut ids = Vec::new();
    while let Ok(id) = received.try_recv() {
        ids.push(id);
    }
    assert_eq!(ids, ["jan", "feb", "mar"]);
    jan.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_range_that_ends_before_it_starts_is_a_config_error() {
    let server = MockServer::start_async().await;
    let client = common::client(&server);
    let error = client
        .past_sessions()
        .range(day(3, 1), day(1, 1))
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), zoom_cobrowse::ErrorKind::Config);
    assert!(error.to_string().contains("after it ends"), "{error}");
}
