//! Rows with values this version does not know (a new role, a new data center, a new
//! field, a duration in another form) are archived, not dropped: the text as Zoom sent
//! it in the typed column where one fits, and always in the raw JSON.

mod common;

use common::Target;
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;
use zoom_cobrowse::{Client, Credentials};
use zoom_cobrowse_archive::SyncOptions;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_zoom_adds_later_are_kept() {
    let server = MockServer::start_async().await;
    let now: chrono::DateTime<chrono::Utc> = "2026-11-30T12:00:00Z".parse().unwrap();
    // Every month window gets the same answer: the archive writes the session once.
    server
        .mock_async(|when, then| {
            when.method(GET).path("/cobrowsesdk/past_sessions");
            then.status(200).json_body(json!({
                "page_size": 300,
                "next_page_token": "",
                "sessions": [{
                    "session_id": "s1",
                    "session_pin": "123456",
                    "start_time": "2026-11-01T10:00:00Z",
                    "end_time": "2026-11-01T10:30:00Z",
                    "duration": "thirty minutes",
                    "user_count": 1,
                    "users": [{"user_id": "u1", "user_name": "Ava", "role_type": "supervisor"}],
                    "recording": {"url": "https://example.com/r/1", "minutes": 30}
                }]
            }));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method(GET).path("/cobrowsesdk/sessions/s1/users");
            then.status(200).json_body(json!({
                "page_size": 300,
                "next_page_token": "",
                "users": [{
                    "user_connection_id": "c1",
                    "user_id": "u1",
                    "user_name": "Ava",
                    "role_type": "supervisor",
                    "data_center": "Mars",
                    "ip_address": "2001:db8::1",
                    "join_time": "2026-11-01T10:00:00Z",
                    "leave_time": "2026-11-01T10:30:00Z",
                    "duration": "00:30:00",
                    "device": "mobile"
                }]
            }));
        })
        .await;
    let client = Client::builder(Credentials::bearer("token"))
        .base_url(server.base_url())
        .no_rate_limits()
        .build()
        .unwrap();
    for target in [Target::sqlite(), Target::postgres().await] {
        let archive = target.open().await;
        archive
            .sync(&client, &SyncOptions::default().now(now))
            .await
            .unwrap();
        let sessions = archive.sessions().await.unwrap();
        assert_eq!(sessions.len(), 1, "{}", target.name());
        assert_eq!(sessions[0].duration_seconds, None, "not hh:mm:ss");
        assert_eq!(sessions[0].raw["duration"], "thirty minutes");
        assert_eq!(sessions[0].raw["users"][0]["role_type"], "supervisor");
        // A field this version has never heard of is kept, as sent.
        assert_eq!(sessions[0].raw["recording"]["minutes"], 30);
        let connections = archive.connections().await.unwrap();
        assert_eq!(connections.len(), 1);
        assert_eq!(connections[0].role_type, "supervisor");
        assert_eq!(connections[0].data_center.as_deref(), Some("Mars"));
        assert_eq!(connections[0].duration_seconds, Some(1800));
        assert_eq!(connections[0].raw["data_center"], "Mars");
        assert_eq!(connections[0].raw["device"], "mobile");
        archive.close().await;
    }
}
