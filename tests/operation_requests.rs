//! Each operation of the generated client sends exactly the documented request
//! (method, path, every query parameter and nothing else) and decodes the example
//! answer of Zoom's reference page into every field.

mod common;

use std::time::Duration;

use common::{fetch, raw_client, utc};
use httpmock::prelude::*;
use serde_json::json;
use zoom_cobrowse::types::{DataCenter, RoleType, SessionDetail, TimeType};

/// Characters a naive query string would mangle: `+`, `/`, `=`, `&` and a space.
const TOKEN: &str = "Tva2+CuId/Tgsv8w=An&hy AdU";
const SEED_TOKEN: &str = "Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4";
const SESSION: &str = "GDDykmpQQU6MWL3GqLNUkw";

#[tokio::test]
async fn list_live_sessions_sends_every_parameter_and_decodes_the_example() {
    let query = [
        ("page_size", "300"),
        ("next_page_token", TOKEN),
        ("session_pin", "987536"),
    ];
    let answer = (200, common::live_sessions_example());
    let page = fetch(
        "/cobrowsesdk/live_sessions",
        &query,
        answer,
        |client| async move {
            client
                .list_live_sessions()
                .page_size(300)
                .next_page_token(TOKEN)
                .session_pin("987536")
                .send()
                .await
        },
    )
    .await;

    assert_eq!(
        (page.page_size, page.next_page_token.as_deref()),
        (Some(30), Some(SEED_TOKEN))
    );
    let [session] = page.sessions.as_slice() else {
        panic!("one session: {page:?}")
    };
    assert_eq!(session.session_id, SESSION);
    assert_eq!(session.start_time, utc("2025-02-14T19:09:01Z"));
    assert_eq!(session.session_pin.as_deref(), Some("987536"));
    let [user] = session.users.as_slice() else {
        panic!("one user: {session:?}")
    };
    assert_eq!(user.user_id, "YZ8uRj9zRf2yY5cshmzrTA");
    assert_eq!(user.user_name, "exampleuser");
    assert_eq!(user.role_type, RoleType::Agent);
}

#[tokio::test]
async fn optional_parameters_left_unset_are_not_sent() {
    let page = fetch(
        "/cobrowsesdk/live_sessions",
        &[],
        (200, json!({})),
        |client| async move { client.list_live_sessions().send().await },
    )
    .await;
    assert!(page.sessions.is_empty() && page.next_page_token.is_none());
}

#[tokio::test]
async fn list_past_sessions_sends_every_parameter_and_decodes_the_example() {
    let query = [
        ("time_type", "end_time"),
        ("from", "2025-02-01"),
        ("to", "2025-02-28T23:59:59Z"),
        ("page_size", "30"),
        ("next_page_token", TOKEN),
        ("session_id", SESSION),
        ("session_pin", "987536"),
    ];
    let answer = (200, common::past_sessions_example());
    let page = fetch(
        "/cobrowsesdk/past_sessions",
        &query,
        answer,
        |client| async move {
            client
                .list_past_sessions()
                .time_type(TimeType::EndTime)
                .from("2025-02-01")
                .to("2025-02-28T23:59:59Z")
                .page_size(30)
                .next_page_token(TOKEN)
                .session_id(SESSION)
                .session_pin("987536")
                .send()
                .await
        },
    )
    .await;

    let date = |text: &str| text.parse::<chrono::NaiveDate>().ok();
    assert_eq!(
        (page.from, page.to),
        (date("2025-02-14"), date("2025-02-14"))
    );
    assert_eq!(
        (page.page_size, page.next_page_token.as_deref()),
        (Some(30), Some(SEED_TOKEN))
    );
    let [session] = page.sessions.as_slice() else {
        panic!("one session: {page:?}")
    };
    assert_eq!(session.session_id, SESSION);
    assert_eq!(session.start_time, utc("2025-02-14T19:09:01Z"));
    assert_eq!(session.end_time, utc("2025-02-14T19:15:01Z"));
    assert_eq!(session.duration.as_str(), "00:03:19");
    assert_eq!(
        session.duration.to_std(),
        Ok(Duration::from_secs(3 * 60 + 19))
    );
    assert_eq!(session.user_count, Some(2));
    assert_eq!(session.session_pin.as_deref(), Some("987536"));
    let [user] = session.users.as_slice() else {
        panic!("one user: {session:?}")
    };
    assert_eq!(user.user_id.as_deref(), Some("YZ8uRj9zRf2yY5cshmzrTA"));
    assert_eq!(user.user_name.as_deref(), Some("exampleuser"));
    assert_eq!(user.role_type, Some(RoleType::Agent));
}

#[tokio::test]
async fn get_session_puts_the_id_in_the_path_and_decodes_the_example() {
    let path = format!("/cobrowsesdk/sessions/{SESSION}");
    let answer = (200, common::live_session_detail_example());
    let detail = fetch(&path, &[], answer, |client| async move {
        client.get_session().session_id(SESSION).send().await
    })
    .await;

    let SessionDetail::LiveSessionDetail(live) = detail else {
        panic!("the example is a live session: {detail:?}")
    };
    assert_eq!(live.session_id, SESSION);
    assert_eq!(live.start_time, utc("2025-02-14T19:09:01Z"));
    assert_eq!(live.session_pin.as_deref(), Some("987536"));
    assert_eq!(live.user_count, Some(2));
}

#[tokio::test]
async fn a_session_id_is_percent_encoded_into_one_path_segment() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.is_true(|req| req.uri().path() == "/cobrowsesdk/sessions/a%2Fb%20c%3F/users");
            then.status(200).json_body(json!({"users": []}));
        })
        .await;
    let client = raw_client(&server.base_url());
    client
        .list_session_users()
        .session_id("a/b c?")
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn list_session_users_sends_every_parameter_and_decodes_the_example() {
    let path = format!("/cobrowsesdk/sessions/{SESSION}/users");
    let query = [("page_size", "100"), ("next_page_token", TOKEN)];
    let answer = (200, common::session_users_example());
    let page = fetch(&path, &query, answer, |client| async move {
        client
            .list_session_users()
            .session_id(SESSION)
            .page_size(100)
            .next_page_token(TOKEN)
            .send()
            .await
    })
    .await;

    assert_eq!(
        (page.page_size, page.next_page_token.as_deref()),
        (Some(30), Some(SEED_TOKEN))
    );
    let [user] = page.users.as_slice() else {
        panic!("one user: {page:?}")
    };
    assert_eq!(user.user_connection_id, "Nlg8wgA0TFe3jT87CjQZqg");
    assert_eq!(user.user_id, "YZ8uRj9zRf2yY5cshmzrTA");
    assert_eq!(user.user_name, "exampleuser");
    assert_eq!(user.role_type, RoleType::Agent);
    assert_eq!(user.ip_address.as_deref(), Some("127.0.0.1"));
    assert_eq!(user.data_center, Some(DataCenter::Us));
    assert_eq!(user.join_time, Some(utc("2025-03-18T05:07:13Z")));
    assert_eq!(user.leave_time, Some(utc("2025-03-18T05:09:13Z")));
    let duration = user.duration.as_ref().expect("a duration");
    assert_eq!(duration.to_std(), Ok(Duration::from_secs(3 * 60 + 19)));
}
