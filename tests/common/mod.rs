//! Shared set-up of the integration tests.
#![allow(dead_code)]

use std::time::Duration;

use httpmock::MockServer;
use zoom_cobrowse::{Client, ClientBuilder, Credentials, RetryPolicy};

/// The token every bearer-token test client sends.
pub const TOKEN: &str = "test-token-3f9a";

/// A builder aimed at `server`, with fast retries and no client-side limiter.
pub fn builder(server: &MockServer, credentials: Credentials) -> ClientBuilder {
    Client::builder(credentials)
        .base_url(server.base_url())
        .oauth_url(server.url("/oauth/token"))
        .retry(fast_retries(3))
        .no_rate_limits()
}

/// A bearer-token client aimed at `server`.
pub fn client(server: &MockServer) -> Client {
    builder(server, Credentials::bearer(TOKEN))
        .build()
        .expect("client builds")
}

/// Retries with millisecond backoff, so tests spend no time waiting.
pub fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::standard()
        .max_attempts(attempts)
        .initial_backoff(Duration::from_millis(5))
        .max_backoff(Duration::from_millis(20))
}

/// A live-session page with `ids` and the given next-page token.
pub fn live_page(ids: &[&str], next: Option<&str>) -> serde_json::Value {
    let sessions: Vec<_> = ids
        .iter()
        .map(|id| {
            serde_json::json!({
                "session_id": id,
                "start_time": "2025-02-14T19:09:01Z",
                "users": [{"user_id": "u1", "user_name": "agent one", "role_type": "agent"}],
            })
        })
        .collect();
    let mut page = serde_json::json!({"page_size": 300, "sessions": sessions});
    if let Some(next) = next {
        page["next_page_token"] = next.into();
    }
    page
}
