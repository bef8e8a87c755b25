//! Each operation of the generated client sends exactly the documented request
//! (method, path, every query parameter and nothing else) and decodes the example
//! answer of Zoom's reference page into every field.

mod common;

use std::time::Duration;

use common::{raw_client, utc};
use httpmock::prelude::*;
use zoom_cobrowse::types::{DataCenter, RoleType, TimeType};

/// Characters a naive query string would mangle: `+`, `/`, `=`, `&` and a space.
const TOKEN: &str = "Tva2+CuId/Tgsv8w=An&hy AdU";

#[tokio::test]
async fn list_live_sessions_sends_every_parameter_and_decodes_the_example() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/live_sessions")
                .header("accept", "application/json")
                .query_param("page_size", "300")
                .query_param("next_page_token", TOKEN)
                .query_param("session_pin", "987536")
                .query_param_count(".*", ".*", 3);
            then.status(200).json_body(common::live_sessions_example());
        })
        .await;
    let page = raw_client(&server.base_url())
        .list_live_sessions()
        .page_size(300)
        .next_page_token(TOKEN)
        .session_pin("987536")
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;

    assert_eq!(page.page_size, Some(30));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4")
    );
    let [session] = page.sessions.as_slice() else {
        panic!("one session: {page:?}")
    };
    assert_eq!(session.session_id, "GDDykmpQQU6MWL3GqLNUkw");
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
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/live_sessions")
                .query_param_count(".*", ".*", 0);
            then.status(200).json_body(serde_json::json!({}));
        })
        .await;
    let page = raw_client(&server.base_url())
        .list_live_sessions()
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
    assert!(page.sessions.is_empty() && page.next_page_token.is_none());
}

#[tokio::test]
async fn list_past_sessions_sends_every_parameter_and_decodes_the_example() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/past_sessions")
                .query_param("time_type", "end_time")
                .query_param("from", "2025-02-01")
                .query_param("to", "2025-02-28T23:59:59Z")
                .query_param("page_size", "30")
                .query_param("next_page_token", TOKEN)
                .query_param("session_id", "GDDykmpQQU6MWL3GqLNUkw")
                .query_param("session_pin", "987536")
                .query_param_count(".*", ".*", 7);
            then.status(200).json_body(common::past_sessions_example());
        })
        .await;
    let page = raw_client(&server.base_url())
        .list_past_sessions()
        .time_type(TimeType::EndTime)
        .from("2025-02-01")
        .to("2025-02-28T23:59:59Z")
        .page_size(30)
        .next_page_token(TOKEN)
        .session_id("GDDykmpQQU6MWL3GqLNUkw")
        .session_pin("987536")
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;

    let date = |text: &str| text.parse::<chrono::NaiveDate>().unwrap();
    assert_eq!(page.from, Some(date("2025-02-14")));
    assert_eq!(page.to, Some(date("2025-02-14")));
    assert_eq!(page.page_size, Some(30));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4")
    );
    let [session] = page.sessions.as_slice() else {
        panic!("one session: {page:?}")
    };
    assert_eq!(session.session_id, "GDDykmpQQU6MWL3GqLNUkw");
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
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/sessions/GDDykmpQQU6MWL3GqLNUkw")
                .query_param_count(".*", ".*", 0);
            then.status(200)
                .json_body(common::live_session_detail_example());
        })
        .await;
    let detail = raw_client(&server.base_url())
        .get_session()
        .session_id("GDDykmpQQU6MWL3GqLNUkw")
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;

    let zoom_cobrowse::types::SessionDetail::LiveSessionDetail(live) = detail else {
        panic!("the example is a live session: {detail:?}")
    };
    assert_eq!(live.session_id, "GDDykmpQQU6MWL3GqLNUkw");
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
            then.status(200).json_body(serde_json::json!({"users": []}));
        })
        .await;
    raw_client(&server.base_url())
        .list_session_users()
        .session_id("a/b c?")
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn list_session_users_sends_every_parameter_and_decodes_the_example() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/cobrowsesdk/sessions/GDDykmpQQU6MWL3GqLNUkw/users")
                .query_param("page_size", "100")
                .query_param("next_page_token", TOKEN)
                .query_param_count(".*", ".*", 2);
            then.status(200).json_body(common::session_users_example());
        })
        .await;
    let page = raw_client(&server.base_url())
        .list_session_users()
        .session_id("GDDykmpQQU6MWL3GqLNUkw")
        .page_size(100)
        .next_page_token(TOKEN)
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;

    assert_eq!(page.page_size, Some(30));
    assert_eq!(
        page.next_page_token.as_deref(),
        Some("Tva2CuIdTgsv8wAnhyAdUrm0tY2HuLQtlh4")
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
