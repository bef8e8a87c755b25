//! Shared set-up of the HTTP tests: clients aimed at a mock server, the one
//! place the raw generated client is built, and the example bodies of Zoom's
//! reference page (shared/seed/cobrowse-sdk-api.txt).
#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use httpmock::prelude::*;
use serde_json::{Value, json};
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

/// The generated client against `base_url`, on the crate's transport with
/// retries off, so each test sees exactly one exchange.
pub fn raw_client(base_url: &str) -> zoom_cobrowse::raw::Client {
    Client::builder(Credentials::bearer(TOKEN))
        .base_url(base_url)
        .retry(RetryPolicy::disabled())
        .no_rate_limits()
        .build()
        .expect("client builds")
        .raw()
        .clone()
}

/// Zoom's answer to a missing, expired or revoked token.
pub const INVALID_TOKEN: &str = r#"{"code":124,"message":"Invalid access token."}"#;

/// A token endpoint on `server` that answers every POST with `status` and `body`.
pub async fn token_endpoint<'a>(
    server: &'a MockServer,
    status: u16,
    content_type: &str,
    body: impl Into<String>,
) -> httpmock::Mock<'a> {
    let body = body.into();
    server
        .mock_async(|when, then| {
            when.method(POST).path("/oauth/token");
            then.status(status)
                .header("content-type", content_type)
                .body(body);
        })
        .await
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

/// What a test server answers with.
pub enum Body {
    /// A JSON document.
    Json(Value),
    /// Raw text, e.g. a proxy's HTML error page.
    Text(&'static str),
}

impl From<Value> for Body {
    fn from(json: Value) -> Self {
        Body::Json(json)
    }
}

impl From<&'static str> for Body {
    fn from(text: &'static str) -> Self {
        Body::Text(text)
    }
}

/// Starts a server that answers `status` and `body` to a GET of `path` whose query
/// is exactly `query` (nothing else), runs `call` with a raw client against it, and
/// asserts the server received that request once.
pub async fn exchange<T, Fut>(
    path: &str,
    query: &[(&str, &str)],
    (status, body): (u16, impl Into<Body>),
    call: impl FnOnce(zoom_cobrowse::raw::Client) -> Fut,
) -> T
where
    Fut: Future<Output = T>,
{
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|mut when, then| {
            when = when
                .method(GET)
                .path(path)
                .header("accept", "application/json")
                .query_param_count(".*", ".*", query.len());
            for (name, value) in query {
                when = when.query_param(*name, *value);
            }
            match body.into() {
                Body::Json(json) => then.status(status).json_body(json),
                Body::Text(text) => then.status(status).body(text),
            };
        })
        .await;
    let result = call(raw_client(&server.base_url())).await;
    mock.assert_async().await;
    result
}

/// [`exchange`] for a call that must succeed: its decoded body.
pub async fn fetch<T, E, Fut>(
    path: &str,
    query: &[(&str, &str)],
    answer: (u16, impl Into<Body>),
    call: impl FnOnce(zoom_cobrowse::raw::Client) -> Fut,
) -> T
where
    E: std::fmt::Debug,
    Fut: Future<Output = Result<progenitor_client::ResponseValue<T>, progenitor_client::Error<E>>>,
{
    let result = exchange(path, query, answer, call).await;
    result.expect("the answer decodes").into_inner()
}

/// The reference page's example answer of "List live sessions".
pub fn live_sessions_example() -> Value {
    json!({
        "page_size": 30,
        "next_page_token": "Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4",
        "sessions": [{
            "session_id": "GDDykmpQQU6MWL3GqLNUkw",
            "start_time": "2025-02-14T19:09:01Z",
            "session_pin": "987536",
            "users": [{
                "user_id": "YZ8uRj9zRf2yY5cshmzrTA",
                "user_name": "exampleuser",
                "role_type": "agent"
            }]
        }]
    })
}

/// The reference page's example answer of "List past sessions".
pub fn past_sessions_example() -> Value {
    json!({
        "from": "2025-02-14",
        "to": "2025-02-14",
        "page_size": 30,
        "next_page_token": "Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4",
        "sessions": [{
            "session_id": "GDDykmpQQU6MWL3GqLNUkw",
            "start_time": "2025-02-14T19:09:01Z",
            "end_time": "2025-02-14T19:15:01Z",
            "duration": "00:03:19",
            "user_count": 2,
            "session_pin": "987536",
            "users": [{
                "user_id": "YZ8uRj9zRf2yY5cshmzrTA",
                "user_name": "exampleuser",
                "role_type": "agent"
            }]
        }]
    })
}

/// The reference page's example answer of "Get session details" (a live session).
pub fn live_session_detail_example() -> Value {
    json!({
        "session_id": "GDDykmpQQU6MWL3GqLNUkw",
        "start_time": "2025-02-14T19:09:01Z",
        "session_pin": "987536",
        "user_count": 2
    })
}

/// The past shape of "Get session details", as the page documents it.
pub fn past_session_detail_example() -> Value {
    json!({
        "session_id": "GDDykmpQQU6MWL3GqLNUkw",
        "start_time": "2025-02-14T19:09:01Z",
        "end_time": "2025-02-14T19:15:01Z",
        "duration": "00:03:19",
        "session_pin": "987536",
        "user_count": 2
    })
}

/// The reference page's example answer of "List session users".
pub fn session_users_example() -> Value {
    json!({
        "page_size": 30,
        "next_page_token": "Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4",
        "users": [{
            "user_connection_id": "Nlg8wgA0TFe3jT87CjQZqg",
            "user_id": "YZ8uRj9zRf2yY5cshmzrTA",
            "user_name": "exampleuser",
            "role_type": "agent",
            "ip_address": "127.0.0.1",
            "data_center": "US",
            "join_time": "2025-03-18T05:07:13Z",
            "leave_time": "2025-03-18T05:09:13Z",
            "duration": "00:03:19"
        }]
    })
}

/// A UTC timestamp, for comparing decoded `date-time` fields.
pub fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().expect("a valid RFC 3339 timestamp")
}
