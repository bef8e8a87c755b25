//! Every error status Zoom documents decodes as `Error::ErrorResponse` carrying the
//! HTTP status and Zoom's `{code, message}` body, for every operation that
//! documents it.

mod common;

use common::{Body, exchange};
use progenitor_client::Error;
use serde_json::json;
use zoom_cobrowse::types::ZoomError;

const SESSION: &str = "GDDykmpQQU6MWL3GqLNUkw";

/// Calls operation `id` on a server answering `status` and `body`; returns its error.
async fn call(id: &'static str, status: u16, body: impl Into<Body>) -> Error<ZoomError> {
    exchange(&path(id), &[], (status, body), |client| async move {
        let result = match id {
            "list_live_sessions" => client.list_live_sessions().send().await.map(drop),
            "list_past_sessions" => client.list_past_sessions().send().await.map(drop),
            "get_session" => client
                .get_session()
                .session_id(SESSION)
                .send()
                .await
                .map(drop),
            "list_session_users" => client
                .list_session_users()
                .session_id(SESSION)
                .send()
                .await
                .map(drop),
            other => panic!("no operation {other}"),
        };
        result.expect_err("the server answers with an error")
    })
    .await
}

fn path(id: &str) -> String {
    zoom_cobrowse::Operation::from_id(id)
        .unwrap()
        .path()
        .replace("{sessionId}", SESSION)
}

/// `(operation, status, code, message)` for each documented error answer.
const DOCUMENTED: &[(&str, u16, i64, &str)] = &[
    (
        "list_live_sessions",
        400,
        30101,
        "The next page token is invalid or expired.",
    ),
    (
        "list_past_sessions",
        400,
        30101,
        "The next page token is invalid or expired.",
    ),
    ("list_live_sessions", 401, 124, "Invalid access token."),
    ("list_past_sessions", 401, 124, "Invalid access token."),
    ("get_session", 401, 124, "Invalid access token."),
    ("list_session_users", 401, 124, "Invalid access token."),
    (
        "get_session",
        404,
        30300,
        "Session does not exist: GDDykmpQQU6MWL3GqLNUkw",
    ),
    (
        "list_session_users",
        404,
        30300,
        "Session does not exist: GDDykmpQQU6MWL3GqLNUkw",
    ),
    (
        "list_live_sessions",
        429,
        429,
        "You have reached the maximum per-second rate limit for this API.",
    ),
    (
        "list_past_sessions",
        429,
        429,
        "You have reached the maximum per-second rate limit for this API.",
    ),
    (
        "get_session",
        429,
        429,
        "You have reached the maximum per-second rate limit for this API.",
    ),
    (
        "list_session_users",
        429,
        429,
        "You have reached the maximum per-second rate limit for this API.",
    ),
];

#[tokio::test]
async fn every_documented_error_decodes_with_its_status_code_and_message() {
    for &(id, status, code, message) in DOCUMENTED {
        let error = call(id, status, json!({"code": code, "message": message})).await;
        let Error::ErrorResponse(response) = error else {
            panic!("{id} {status}: not an ErrorResponse: {error:?}");
        };
        assert_eq!(response.status().as_u16(), status, "{id}");
        let body = response.into_inner();
        assert_eq!(body.code, Some(code), "{id} {status}");
        assert_eq!(body.message.as_deref(), Some(message), "{id} {status}");
    }
}

#[tokio::test]
async fn an_error_body_with_unknown_fields_or_a_field_missing_still_decodes() {
    let body = json!({"code": 30300, "request_id": "r-1", "errors": [{"field": "x"}]});
    let Error::ErrorResponse(response) = call("get_session", 404, body).await else {
        panic!("not an ErrorResponse");
    };
    assert_eq!(response.status().as_u16(), 404);
    let expected = ZoomError {
        code: Some(30300),
        message: None,
    };
    assert_eq!(response.into_inner(), expected);
}

#[tokio::test]
async fn an_undocumented_status_is_an_unexpected_response_that_keeps_it() {
    let error = call(
        "list_past_sessions",
        503,
        "<html>upstream unavailable</html>",
    )
    .await;
    assert!(matches!(error, Error::UnexpectedResponse(_)), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
}

/// Characterizes the raw client for the hand-written error layer: a documented
/// status whose body is not JSON (a proxy's HTML page) loses its status here.
#[tokio::test]
async fn a_documented_status_with_a_non_json_body_is_an_invalid_payload_without_status() {
    let error = call("list_live_sessions", 429, "<html>Too Many Requests</html>").await;
    let Error::InvalidResponsePayload(body, _) = &error else {
        panic!("not an InvalidResponsePayload: {error:?}");
    };
    assert_eq!(&body[..], b"<html>Too Many Requests</html>");
    assert_eq!(error.status(), None);
}
