//! Each event decodes by its name into its generated type; URL validation gets the
//! answer Zoom expects; nothing Zoom sends is lost.

mod webhook_fixtures;

use webhook_fixtures::*;
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::types::RoleType;
use zoom_cobrowse::webhook::{Delivery, Event, Receiver};

/// Verifies `body` signed with the test secret at the vector's time.
fn receive(body: &str) -> Delivery {
    let headers = TestSigner::new(secret()).headers(TIMESTAMP, body.as_bytes());
    Receiver::new(secret())
        .unwrap()
        .verify_at(&headers, body.as_bytes(), at(TIMESTAMP))
        .unwrap()
}

fn time(text: &str) -> chrono::DateTime<chrono::Utc> {
    text.parse().unwrap()
}

#[test]
fn session_started_decodes_zoom_example() {
    let delivery = receive(STARTED_BODY);
    let Event::SessionStarted(started) = delivery.event() else {
        panic!("{delivery:?}")
    };
    assert_eq!(started.event_ts, Some(1_743_483_350_000));
    assert_eq!(
        started.payload.account_id.as_deref(),
        Some("TEODL21kRmehjRceRnyYqw")
    );
    let o = &started.payload.object;
    assert_eq!(o.session_id, "4567UVWxYZABCdEfGhiJkl==");
    assert_eq!(o.start_url.as_deref(), Some("https://sample.zoom.us"));
    assert_eq!(o.user_id.as_deref(), Some("YZ8uRj9zRf2yY5cshmzrTA"));
    assert_eq!(o.user_name.as_deref(), Some("exampleuser"));
    assert_eq!(o.role_type, Some(RoleType::Customer));
    assert_eq!(o.start_time, Some(time("2025-04-01T12:22:26Z")));
    assert_eq!(delivery.event().name(), Event::SESSION_STARTED);
    assert_eq!(
        delivery.event().session_id(),
        Some("4567UVWxYZABCdEfGhiJkl==")
    );
}

#[test]
fn session_ended_decodes_zoom_example() {
    let body = r#"{"event":"cobrowse.session_ended","event_ts":1743483350000,"payload":{"account_id":"TEODL21kRmehjRceRnyYqw","object":{"session_id":"4567UVWxYZABCdEfGhiJkl==","session_pin":"987536","user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"customer","start_time":"2025-04-01T12:22:26Z","end_time":"2025-04-01T12:32:26Z","end_reason":"The session ended"}}}"#;
    let delivery = receive(body);
    let Event::SessionEnded(ended) = delivery.event() else {
        panic!("{delivery:?}")
    };
    let o = &ended.payload.object;
    assert_eq!(o.session_pin.as_deref(), Some("987536"));
    assert_eq!(o.start_time, Some(time("2025-04-01T12:22:26Z")));
    assert_eq!(o.end_time, Some(time("2025-04-01T12:32:26Z")));
    assert_eq!(o.end_reason.as_deref(), Some("The session ended"));
    assert_eq!(delivery.event().name(), "cobrowse.session_ended");
}

#[test]
fn user_joined_decodes_zoom_example() {
    let body = r#"{"event":"cobrowse.session_user_joined","event_ts":1743483350000,"payload":{"account_id":"TEODL21kRmehjRceRnyYqw","object":{"session_id":"4567UVWxYZABCdEfGhiJkl==","user_connection_id":"Nlg8wgA0TFe3jT87CjQZqg","user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"customer","join_time":"2025-04-01T12:22:26Z"}}}"#;
    let delivery = receive(body);
    let Event::SessionUserJoined(joined) = delivery.event() else {
        panic!("{delivery:?}")
    };
    let o = &joined.payload.object;
    assert_eq!(
        o.user_connection_id.as_deref(),
        Some("Nlg8wgA0TFe3jT87CjQZqg")
    );
    assert_eq!(o.join_time, Some(time("2025-04-01T12:22:26Z")));
    assert_eq!(o.role_type, Some(RoleType::Customer));
}

#[test]
fn user_left_decodes_zoom_example() {
    let body = r#"{"event":"cobrowse.session_user_left","event_ts":1743483350000,"payload":{"account_id":"TEODL21kRmehjRceRnyYqw","object":{"session_id":"4567UVWxYZABCdEfGhiJkl==","user_connection_id":"Nlg8wgA0TFe3jT87CjQZqg","user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"agent","leave_time":"2025-04-01T12:22:26Z","leave_reason":"Left the session"}}}"#;
    let delivery = receive(body);
    let Event::SessionUserLeft(left) = delivery.event() else {
        panic!("{delivery:?}")
    };
    let o = &left.payload.object;
    assert_eq!(o.role_type, Some(RoleType::Agent));
    assert_eq!(o.leave_time, Some(time("2025-04-01T12:22:26Z")));
    assert_eq!(o.leave_reason.as_deref(), Some("Left the session"));
}

#[test]
fn only_session_id_is_required() {
    let body = r#"{"event":"cobrowse.session_user_left","payload":{"object":{"session_id":"s"}}}"#;
    let Event::SessionUserLeft(left) = receive(body).into_event() else {
        panic!()
    };
    assert_eq!(left.event_ts, None);
    assert_eq!(left.payload.account_id, None);
    assert_eq!(left.payload.object.session_id, "s");
    assert_eq!(left.payload.object.user_id, None);
}

#[test]
fn fields_and_values_zoom_adds_are_kept() {
    let body = r#"{"event":"cobrowse.session_user_joined","event_ts":1,"payload":{"account_id":"a","object":{"session_id":"s","role_type":"observer","device":"ipad"}},"extra":true}"#;
    let delivery = receive(body);
    let Event::SessionUserJoined(joined) = delivery.event() else {
        panic!("{delivery:?}")
    };
    // An unheard-of role is an open-enum value, not a failure.
    assert_eq!(
        joined.payload.object.role_type,
        Some(RoleType::Unknown("observer".into()))
    );
    // Fields the types do not model stay reachable in the raw JSON.
    let raw: serde_json::Value = serde_json::from_str(delivery.raw_json()).unwrap();
    assert_eq!(raw["payload"]["object"]["device"], "ipad");
    assert_eq!(raw["extra"], true);
}

#[test]
fn events_are_told_apart_by_name_not_by_shape() {
    // Identical payloads: only the name differs. Shape-based (untagged) decoding
    // would give both the first variant that fits.
    let object = r#""payload":{"object":{"session_id":"s"}}}"#;
    for (name, expected) in [
        ("cobrowse.session_started", "SessionStarted"),
        ("cobrowse.session_ended", "SessionEnded"),
        ("cobrowse.session_user_joined", "SessionUserJoined"),
        ("cobrowse.session_user_left", "SessionUserLeft"),
    ] {
        let event = receive(&format!(r#"{{"event":"{name}",{object}"#)).into_event();
        assert_eq!(event.name(), name);
        assert!(format!("{event:?}").starts_with(expected), "{event:?}");
        assert_eq!(event.session_id(), Some("s"));
    }
}

#[test]
fn url_validation_answer_matches_python_known_answer() {
    let body = format!(
        r#"{{"event":"endpoint.url_validation","event_ts":1743483350000,"payload":{{"plainToken":"{PLAIN_TOKEN}"}}}}"#
    );
    let receiver = Receiver::new(secret()).unwrap();
    let delivery = receive(&body);
    assert!(
        matches!(delivery.event(), Event::UrlValidation(_)),
        "{delivery:?}"
    );
    assert_eq!(delivery.event().session_id(), None);

    let answer = receiver.url_validation_response(&delivery).unwrap();
    assert_eq!(answer.plain_token, PLAIN_TOKEN);
    assert_eq!(answer.encrypted_token, ENCRYPTED_TOKEN);

    let response = receiver.respond(&Ok(delivery));
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"plainToken": PLAIN_TOKEN, "encryptedToken": ENCRYPTED_TOKEN})
    );
}

#[test]
fn a_url_validation_without_plain_token_is_invalid() {
    let body = br#"{"event":"endpoint.url_validation","payload":{}}"#;
    let headers = TestSigner::new(secret()).headers(TIMESTAMP, body);
    let err = Receiver::new(secret())
        .unwrap()
        .verify_at(&headers, body, at(TIMESTAMP))
        .unwrap_err();
    assert!(
        matches!(&err, zoom_cobrowse::webhook::WebhookError::InvalidEvent { event, .. } if event == "endpoint.url_validation"),
        "{err:?}"
    );
    assert!(err.to_string().contains("plainToken"), "{err}");
}

#[test]
fn other_events_are_answered_with_an_empty_200_and_rejections_with_their_status() {
    let receiver = Receiver::new(secret()).unwrap();
    let ok = receiver.respond(&Ok(receive(STARTED_BODY)));
    assert_eq!(ok.status(), 200);
    assert!(ok.body().is_empty());

    let rejected = receiver.verify_at(
        &headers("1743483350", STARTED_SIGNATURE),
        b"{}",
        at(TIMESTAMP),
    );
    let response = receiver.respond(&rejected);
    assert_eq!(response.status(), 401);
    assert_eq!(
        String::from_utf8(response.into_body()).unwrap(),
        rejected.unwrap_err().to_string()
    );
}
