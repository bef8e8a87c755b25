//! progenitor's generated httpmock helpers (`zoom_cobrowse_mock::httpmock`): typed
//! stubs whose `When` matches the operation's path and parameters and whose `Then`
//! answers with the crate's own types, checked over real HTTP.

use chrono::{DateTime, Utc};
use httpmock::MockServer;
use reqwest::StatusCode;
use zoom_cobrowse::types::{
    LiveSession, LiveSessionList, PastSessionDetail, RoleType, SessionDetail, SessionUser,
    ZoomError,
};
use zoom_cobrowse_mock::httpmock::MockServerExt;

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

#[tokio::test]
async fn a_typed_stub_answers_only_the_request_it_describes() {
    let server = MockServer::start_async().await;
    let page = LiveSessionList {
        next_page_token: Some(String::new()),
        page_size: Some(30),
        sessions: vec![LiveSession {
            session_id: "GDDykmpQQU6MWL3GqLNUkw".into(),
            session_pin: Some("987536".into()),
            start_time: at("2025-02-14T19:09:01Z"),
            users: vec![SessionUser {
                role_type: RoleType::Agent,
                user_id: "YZ8uRj9zRf2yY5cshmzrTA".into(),
                user_name: "exampleuser".into(),
            }],
        }],
    };
    let stub = server.list_live_sessions(|when, then| {
        when.session_pin("987536").page_size(30);
        then.ok(&page);
    });
    let url = format!("{}/cobrowsesdk/live_sessions", server.base_url());
    let http = reqwest::Client::new();

    let response = http
        .get(&url)
        .query(&[("session_pin", "987536"), ("page_size", "30")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<LiveSessionList>().await.unwrap(), page);

    let other = http
        .get(&url)
        .query(&[("session_pin", "000000")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        other.status(),
        StatusCode::NOT_FOUND,
        "no stub matches another pin"
    );
    stub.assert_async().await;
}

#[tokio::test]
async fn typed_stubs_answer_both_session_shapes_and_zoom_errors() {
    let server = MockServer::start_async().await;
    let past = SessionDetail::PastSessionDetail(PastSessionDetail {
        duration: "00:06:00".into(),
        end_time: at("2025-02-14T19:15:01Z"),
        session_id: "GDDykmpQQU6MWL3GqLNUkw".into(),
        session_pin: Some("987536".into()),
        start_time: at("2025-02-14T19:09:01Z"),
        user_count: Some(2),
    });
    let missing = ZoomError {
        code: Some(30300),
        message: Some("Session does not exist: nope".into()),
    };
    server.get_session(|when, then| {
        when.session_id("GDDykmpQQU6MWL3GqLNUkw");
        then.ok(&past);
    });
    server.get_session(|when, then| {
        when.session_id("nope");
        then.not_found(&missing);
    });
    let get = async |id: &str| {
        reqwest::get(format!("{}/cobrowsesdk/sessions/{id}", server.base_url()))
            .await
            .unwrap()
    };

    let found = get("GDDykmpQQU6MWL3GqLNUkw").await;
    assert_eq!(found.status(), StatusCode::OK);
    assert_eq!(found.json::<SessionDetail>().await.unwrap(), past);
    let not_found = get("nope").await;
    assert_eq!(not_found.status(), StatusCode::NOT_FOUND);
    assert_eq!(not_found.json::<ZoomError>().await.unwrap(), missing);
}
