//! Streams follow next_page_token to the end, one page ahead of the caller, and
//! end with a typed error (after every item already received) on an expired or
//! repeated token.

mod common;

use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use httpmock::prelude::*;
use zoom_cobrowse::{ErrorKind, Page};

async fn page_mock<'a>(
    server: &'a MockServer,
    token: Option<&str>,
    body: serde_json::Value,
) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            let when = when
                .path("/cobrowsesdk/live_sessions")
                .query_param("page_size", "300");
            match token {
                Some(token) => when.query_param("next_page_token", token),
                None => when.query_param_missing("next_page_token"),
            };
            then.status(200)
                .header("content-type", "application/json")
                .json_body(body);
        })
        .await
}

async fn ids(
    stream: zoom_cobrowse::ItemStream<zoom_cobrowse::types::LiveSessionList>,
) -> Vec<String> {
    stream
        .map_ok(|s| s.session_id)
        .try_collect()
        .await
        .expect("all pages")
}

#[tokio::test]
async fn items_follow_tokens_until_an_empty_one() {
    let server = MockServer::start_async().await;
    let first = page_mock(&server, None, common::live_page(&["a", "b"], Some("t1"))).await;
    let second = page_mock(&server, Some("t1"), common::live_page(&["c"], Some("t2"))).await;
    let last = page_mock(&server, Some("t2"), common::live_page(&["d"], Some(""))).await;
    let client = common::client(&server);
    assert_eq!(
        ids(client.live_sessions().items()).await,
        ["a", "b", "c", "d"]
    );
    for mock in [first, second, last] {
        mock.assert_calls_async(1).await;
    }
}

#[tokio::test]
async fn an_absent_token_also_ends_the_stream() {
    let server = MockServer::start_async().await;
    page_mock(&server, None, common::live_page(&["a"], Some("t1"))).await;
    page_mock(&server, Some("t1"), common::live_page(&["b"], None)).await;
    let client = common::client(&server);
    assert_eq!(ids(client.live_sessions().items()).await, ["a", "b"]);
}

#[tokio::test]
async fn empty_and_absent_tokens_both_mean_last_page() {
    let empty: zoom_cobrowse::types::LiveSessionList =
        serde_json::from_value(common::live_page(&["a"], Some(""))).unwrap();
    let absent: zoom_cobrowse::types::LiveSessionList =
        serde_json::from_value(common::live_page(&["a"], None)).unwrap();
    let more: zoom_cobrowse::types::LiveSessionList =
        serde_json::from_value(common::live_page(&["a"], Some("t"))).unwrap();
    assert_eq!(empty.next_token(), None);
    assert_eq!(absent.next_token(), None);
    assert_eq!(more.next_token(), Some("t"));
}

#[tokio::test]
async fn a_repeated_token_ends_the_stream_with_an_error_instead_of_looping() {
    let server = MockServer::start_async().await;
    page_mock(&server, None, common::live_page(&["a"], Some("t1"))).await;
    let looping = page_mock(&server, Some("t1"), common::live_page(&["b"], Some("t1"))).await;
    let client = common::client(&server);
    let results: Vec<_> = client.live_sessions().items().collect().await;
    let items: Vec<_> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|s| s.session_id.as_str())
        .collect();
    assert_eq!(items, ["a", "b"], "every item received is yielded first");
    let error = results.last().unwrap().as_ref().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RepeatedPageToken);
    looping.assert_calls_async(1).await;
}

#[tokio::test]
async fn an_expired_token_ends_the_stream_after_the_items_received() {
    let server = MockServer::start_async().await;
    page_mock(&server, None, common::live_page(&["a", "b"], Some("stale"))).await;
    server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/live_sessions")
                .query_param("next_page_token", "stale");
            then.status(400)
                .header("content-type", "application/json")
                .body(r#"{"code":30101,"message":"The next page token is invalid or expired."}"#);
        })
        .await;
    let client = common::client(&server);
    let mut stream = client.live_sessions().items();
    assert_eq!(stream.next().await.unwrap().unwrap().session_id, "a");
    assert_eq!(stream.next().await.unwrap().unwrap().session_id, "b");
    let error = stream.next().await.unwrap().unwrap_err();
    assert!(error.is_page_token_expired());
    assert_eq!(error.operation(), Some("list_live_sessions"));
    assert!(stream.next().await.is_none(), "nothing follows the error");
}

#[tokio::test]
async fn the_next_page_is_fetched_while_the_caller_works_but_no_further() {
    let server = MockServer::start_async().await;
    let first = page_mock(&server, None, common::live_page(&["a"], Some("t1"))).await;
    let second = page_mock(&server, Some("t1"), common::live_page(&["b"], Some("t2"))).await;
    let third = page_mock(&server, Some("t2"), common::live_page(&["c"], Some(""))).await;
    let client = common::client(&server);
    let mut pages = client.live_sessions().pages();
    let page = pages.next().await.unwrap().unwrap();
    assert_eq!(page.sessions[0].session_id, "a");
    // While the caller holds page one, page two is fetched ...
    while second.calls_async().await == 0 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // ... and page three is not, however long the caller takes.
    tokio::time::sleep(Duration::from_millis(200)).await;
    third.assert_calls_async(0).await;
    let rest: Vec<_> = pages.try_collect().await.unwrap();
    assert_eq!(rest.len(), 2);
    first.assert_calls_async(1).await;
    third.assert_calls_async(1).await;
}

#[tokio::test]
async fn dropping_a_stream_stops_fetching() {
    let server = MockServer::start_async().await;
    page_mock(&server, None, common::live_page(&["a"], Some("t1"))).await;
    let second = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/live_sessions")
                .query_param("next_page_token", "t1");
            then.status(200)
                .delay(Duration::from_millis(100))
                .header("content-type", "application/json")
                .json_body(common::live_page(&["b"], Some("t2")));
        })
        .await;
    let third = page_mock(&server, Some("t2"), common::live_page(&["c"], Some(""))).await;
    let client = common::client(&server);
    let mut items = client.live_sessions().items();
    items.next().await.unwrap().unwrap();
    drop(items);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(second.calls_async().await <= 1);
    third.assert_calls_async(0).await;
}

#[tokio::test]
async fn every_list_operation_streams_with_its_filters() {
    let server = MockServer::start_async().await;
    let live = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/live_sessions")
                .query_param("session_pin", "987536")
                .query_param("page_size", "50");
            then.status(200)
                .header("content-type", "application/json")
                .json_body(common::live_page(&["live-1"], Some("")));
        })
        .await;
    let users = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s%201/users").query_param("page_size", "300");
            then.status(200).header("content-type", "application/json").json_body(serde_json::json!({
                "next_page_token": "",
                "users": [
                    {"user_connection_id": "c1", "user_id": "u1", "user_name": "ann", "role_type": "customer"},
                    {"user_connection_id": "c2", "user_id": "u1", "user_name": "ann", "role_type": "customer"},
                ],
            }));
        })
        .await;
    let past = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/past_sessions")
                .query_param("page_size", "300")
                .query_param("session_id", "p1")
                .query_param("session_pin", "111")
                .query_param("time_type", "end_time")
                .query_param_missing("from")
                .query_param_missing("to");
            then.status(200)
                .header("content-type", "application/json")
                .json_body(serde_json::json!({
                    "sessions": [{"session_id": "p1", "start_time": "2025-02-14T19:09:01Z",
                                  "end_time": "2025-02-14T19:15:01Z", "duration": "00:06:00"}],
                }));
        })
        .await;
    let client = common::client(&server);
    let live_ids: Vec<_> = client
        .live_sessions()
        .session_pin("987536")
        .page_size(50)
        .items()
        .map_ok(|s| s.session_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(live_ids, ["live-1"]);
    let connections: Vec<_> = client
        .session_users("s 1")
        .items()
        .map_ok(|u| u.user_connection_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(connections, ["c1", "c2"], "a rejoin is a row of its own");
    let past_ids: Vec<_> = client
        .past_sessions()
        .session_id("p1")
        .session_pin("111")
        .time_type(zoom_cobrowse::types::TimeType::EndTime)
        .items()
        .map_ok(|s| s.session_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(past_ids, ["p1"]);
    for mock in [live, users, past] {
        mock.assert_calls_async(1).await;
    }
}
