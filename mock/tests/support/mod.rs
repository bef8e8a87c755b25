//! Helpers shared by the simulator tests: a fixed clock, an HTTP client that speaks
//! to the simulator like any client would, and an API JWT signer.
#![allow(dead_code)] // each test binary uses a different subset

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use reqwest::StatusCode;
use secrecy::ExposeSecret;
use serde_json::Value;
use sha2::Sha256;
use zoom_cobrowse_mock::{ManualClock, MockZoom, MockZoomBuilder};

/// The tests' "now": a fixed instant, so dates in assertions are stable.
pub fn now() -> DateTime<Utc> {
    "2025-07-15T12:34:56Z".parse().unwrap()
}

/// A manual clock at [`now`], and a builder that uses it with small, fast settings.
pub fn clocked() -> (ManualClock, MockZoomBuilder) {
    let clock = ManualClock::new(now());
    let builder = MockZoom::builder()
        .seed(42)
        .clock(clock.clone())
        .live_sessions(70)
        .past_sessions_per_day(12);
    (clock, builder)
}

/// The builder of [`clocked`], for tests that never move the clock.
pub fn builder() -> MockZoomBuilder {
    clocked().1
}

/// A client of one simulator, authenticated with its static bearer token.
pub struct Api {
    pub http: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(zoom: &MockZoom) -> Self {
        Self {
            token: zoom.credentials().bearer_tokens[0]
                .expose_secret()
                .to_owned(),
            ..Self::new_anonymous(zoom)
        }
    }

    /// A client with no token of its own, for simulators that accept none.
    pub fn new_anonymous(zoom: &MockZoom) -> Self {
        Self {
            http: reqwest::Client::new(),
            base: zoom.base_url(),
            token: String::new(),
        }
    }

    /// `GET {base}{path}?{query}` with the bearer token.
    pub async fn get(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> reqwest::Result<reqwest::Response> {
        self.get_with(path, query, &self.token).await
    }

    pub async fn get_with(
        &self,
        path: &str,
        query: &[(&str, &str)],
        token: &str,
    ) -> reqwest::Result<reqwest::Response> {
        self.http
            .get(format!("{}{path}", self.base))
            .query(query)
            .bearer_auth(token)
            .send()
            .await
    }

    /// Status and JSON body of a request that is expected to be answered.
    pub async fn json(&self, path: &str, query: &[(&str, &str)]) -> (StatusCode, Value) {
        let response = self.get(path, query).await.expect("request answered");
        let status = response.status();
        (status, response.json().await.expect("JSON body"))
    }

    /// Follows `next_page_token` to the end; the items under `key` and the page count.
    pub async fn all_pages(
        &self,
        path: &str,
        query: &[(&str, &str)],
        key: &str,
    ) -> (Vec<Value>, usize) {
        let mut items = Vec::new();
        let mut pages = 0;
        let mut token = String::new();
        loop {
            let mut q = query.to_vec();
            if !token.is_empty() {
                q.push(("next_page_token", &token));
            }
            let (status, body) = self.json(path, &q).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            pages += 1;
            items.extend(body[key].as_array().expect("item array").iter().cloned());
            token = body["next_page_token"]
                .as_str()
                .expect("token always sent")
                .to_owned();
            if token.is_empty() {
                return (items, pages);
            }
            assert!(pages < 1000, "pagination does not end");
        }
    }
}

/// A Zoom error body's `code`.
pub fn code(body: &Value) -> i64 {
    body["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("no code in {body}"))
}

/// Signs an HS256 API JWT with `secret` over `claims`, as a client does.
pub fn sign_jwt(secret: &str, claims: &Value) -> String {
    sign_jwt_with_header(
        secret,
        &serde_json::json!({"alg": "HS256", "typ": "JWT"}),
        claims,
    )
}

pub fn sign_jwt_with_header(secret: &str, header: &Value, claims: &Value) -> String {
    let signed = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(signed.as_bytes());
    format!(
        "{signed}.{}",
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    )
}

/// Starts `builder`, and a client of the simulator.
pub async fn start(builder: MockZoomBuilder) -> (MockZoom, Api) {
    let zoom = builder.start().await.expect("the simulator starts");
    let api = Api::new(&zoom);
    (zoom, api)
}
