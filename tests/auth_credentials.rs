//! Each credential kind puts the right bearer token on the wire, and tokens are
//! fetched once, renewed on 401 once, and never shown.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hmac::{Hmac, KeyInit, Mac};
use httpmock::prelude::*;
use sha2::Sha256;
use zoom_cobrowse::Credentials;
use zoom_cobrowse::ErrorKind;

const LIVE: &str = r#"{"session_id":"s1","start_time":"2025-02-14T19:09:01Z"}"#;
const CLIENT_SECRET: &str = "client-secret-7d1e";

fn s2s() -> Credentials {
    Credentials::server_to_server("acct-1", "client-1", CLIENT_SECRET)
}

fn token_answer(token: &str) -> String {
    format!(
        r#"{{"access_token":"{token}","token_type":"bearer","expires_in":3600,"scope":"cobrowse_sdk:read:admin"}}"#
    )
}

#[tokio::test]
async fn bearer_token_is_sent_as_is() {
    let server = MockServer::start_async().await;
    let api = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/sessions/s1")
                .header("authorization", format!("Bearer {}", common::TOKEN));
            then.status(200)
                .header("content-type", "application/json")
                .body(LIVE);
        })
        .await;
    common::client(&server)
        .get_session("s1")
        .await
        .expect("session");
    api.assert_async().await;
}

/// Verifies an HS256 JWT with code independent of the crate's signer.
fn verify_api_jwt(jwt: &str, key: &str, secret: &str) -> bool {
    let parts: Vec<&str> = jwt.split('.').collect();
    let [header, claims, signature] = parts[..] else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{header}.{claims}").as_bytes());
    let Ok(signature) = URL_SAFE_NO_PAD.decode(signature) else {
        return false;
    };
    if mac.verify_slice(&signature).is_err() {
        return false;
    }
    let header: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
    let claims: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
    let now = chrono::Utc::now().timestamp();
    let (iat, exp) = (
        claims["iat"].as_i64().unwrap(),
        claims["exp"].as_i64().unwrap(),
    );
    header["alg"] == "HS256"
        && claims["iss"] == key
        && (iat - now).abs() < 60
        && exp > now
        && exp - iat <= 3600
}

#[tokio::test]
async fn api_key_signs_a_short_lived_hs256_jwt() {
    let server = MockServer::start_async().await;
    let api = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/sessions/s1")
                .is_true(|req| {
                    req.headers()
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.strip_prefix("Bearer "))
                        .is_some_and(|jwt| verify_api_jwt(jwt, "api-key-1", "api-secret-9"))
                });
            then.status(200)
                .header("content-type", "application/json")
                .body(LIVE);
        })
        .await;
    let client = common::builder(&server, Credentials::api_key("api-key-1", "api-secret-9"))
        .build()
        .unwrap();
    client
        .get_session("s1")
        .await
        .expect("a valid JWT is accepted");
    client
        .get_session("s1")
        .await
        .expect("the cached JWT is reused");
    api.assert_calls_async(2).await;
}

#[tokio::test]
async fn fifty_concurrent_calls_share_one_token_fetch() {
    let server = MockServer::start_async().await;
    let basic = format!(
        "Basic {}",
        STANDARD.encode(format!("client-1:{CLIENT_SECRET}"))
    );
    let token = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/oauth/token")
                .header("authorization", basic)
                .form_urlencoded_tuple("grant_type", "account_credentials")
                .form_urlencoded_tuple("account_id", "acct-1");
            then.status(200)
                .header("content-type", "application/json")
                .delay(std::time::Duration::from_millis(50))
                .body(token_answer("s2s-token-1"));
        })
        .await;
    let api = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/sessions/s1")
                .header("authorization", "Bearer s2s-token-1");
            then.status(200)
                .header("content-type", "application/json")
                .body(LIVE);
        })
        .await;
    let client = common::builder(&server, s2s()).build().unwrap();
    let calls: Vec<_> = (0..50)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.get_session("s1").await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().expect("every call succeeds");
    }
    token.assert_calls_async(1).await;
    api.assert_calls_async(50).await;
}

/// A token endpoint handing out `s2s-token-1`, `s2s-token-2`, ...
async fn counting_token_endpoint(server: &MockServer) -> (httpmock::Mock<'_>, Arc<AtomicUsize>) {
    let issued = Arc::new(AtomicUsize::new(0));
    let counter = issued.clone();
    let mock = server
        .mock_async(move |when, then| {
            when.method(POST).path("/oauth/token");
            then.respond_with(move |_| {
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                http::Response::builder()
                    .status(200)
                    .header("content-type", "application/json")
                    .body(token_answer(&format!("s2s-token-{n}")))
                    .unwrap()
                    .into()
            });
        })
        .await;
    (mock, issued)
}

#[tokio::test]
async fn a_401_renews_the_token_once_and_retries() {
    let server = MockServer::start_async().await;
    let (token, _) = counting_token_endpoint(&server).await;
    let rejected = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1")
                .header("authorization", "Bearer s2s-token-1");
            then.status(401)
                .header("content-type", "application/json")
                .body(common::INVALID_TOKEN);
        })
        .await;
    let accepted = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1")
                .header("authorization", "Bearer s2s-token-2");
            then.status(200)
                .header("content-type", "application/json")
                .body(LIVE);
        })
        .await;
    let client = common::builder(&server, s2s()).build().unwrap();
    client
        .get_session("s1")
        .await
        .expect("the renewed token works");
    token.assert_calls_async(2).await;
    rejected.assert_calls_async(1).await;
    accepted.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_second_401_goes_to_the_caller_without_looping() {
    let server = MockServer::start_async().await;
    let (token, _) = counting_token_endpoint(&server).await;
    let api = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(401)
                .header("content-type", "application/json")
                .body(common::INVALID_TOKEN);
        })
        .await;
    let client = common::builder(&server, s2s()).build().unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert!(error.is_unauthorized());
    assert_eq!(error.code(), Some(124));
    token.assert_calls_async(2).await;
    api.assert_calls_async(2).await;
}

#[tokio::test]
async fn a_bearer_token_401_is_not_retried() {
    let server = MockServer::start_async().await;
    let api = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(401)
                .header("content-type", "application/json")
                .body(common::INVALID_TOKEN);
        })
        .await;
    let error = common::client(&server).get_session("s1").await.unwrap_err();
    assert!(error.is_unauthorized());
    api.assert_calls_async(1).await;
}

#[tokio::test]
async fn a_refused_token_request_is_a_typed_auth_error() {
    let server = MockServer::start_async().await;
    let refusal = r#"{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"#;
    common::token_endpoint(&server, 401, "application/json", refusal).await;
    let api = server
        .mock_async(|when, then| {
            when.path("/cobrowsesdk/sessions/s1");
            then.status(200).body(LIVE);
        })
        .await;
    let client = common::builder(&server, s2s()).build().unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Auth);
    assert!(error.is_unauthorized());
    assert_eq!(error.operation(), Some("oauth_token"));
    let shown = format!("{error} {error:?}");
    assert!(
        shown.contains("Invalid client_id or client_secret"),
        "{shown}"
    );
    assert!(!shown.contains(CLIENT_SECRET), "{shown}");
    api.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_token_answer_that_is_not_oauth_is_a_typed_decode_error() {
    let server = MockServer::start_async().await;
    common::token_endpoint(&server, 200, "text/html", "<html>login</html>").await;
    let client = common::builder(&server, s2s()).build().unwrap();
    let error = client.get_session("s1").await.unwrap_err();
    // The endpoint accepted the credentials; its answer is what is wrong.
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(!error.is_unauthorized());
    assert_eq!(error.status(), Some(reqwest::StatusCode::OK));
}
