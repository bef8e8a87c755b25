//! Inputs on which a fuzz target (fuzz/) failed, replayed in plain `cargo test` so
//! the bugs they found stay fixed. Each keeps the fuzzer's bytes as found.

mod webhook_fixtures;

use webhook_fixtures::*;
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::webhook::{Delivery, Event, Receiver, WebhookError};

/// Runs a `verify_webhook` input of the signed mode: mode byte, clock skew (two
/// bytes, big-endian seconds), tolerance (one byte, 4 s steps), then the body,
/// signed by `TestSigner`. Returns the body and the outcome.
fn replay_signed(input: &[u8]) -> (&[u8], Result<Delivery, WebhookError>) {
    let [1, skew_high, skew_low, tolerance, body @ ..] = input else {
        panic!("not a signed-mode input: {input:?}");
    };
    let skew = i64::from(i16::from_be_bytes([*skew_high, *skew_low]));
    let tolerance = std::time::Duration::from_secs(u64::from(*tolerance) * 4);
    let receiver = Receiver::new(secret()).unwrap().with_tolerance(tolerance);
    let headers = TestSigner::new(secret()).headers(TIMESTAMP + skew, body);
    (body, receiver.verify_at(&headers, body, at(TIMESTAMP)))
}

/// `verify_webhook` found that a correctly signed JSON array whose first element is
/// a string was accepted as an event of that name (serde's derived structs read
/// arrays too). The first input is the fuzzer's, the second its minimized form.
#[test]
fn a_signed_json_array_is_not_an_event() {
    for input in [
        &b"\x01\x00\x00\x4b[\"e   \"  ]"[..],
        b"\x01\x00\x00\x4b[\"\"]",
    ] {
        let (body, outcome) = replay_signed(input);
        let err = outcome.expect_err(&String::from_utf8_lossy(body));
        assert!(matches!(err, WebhookError::NotJson(_)), "{err:?}");
        assert_eq!(err.status(), 400);
        assert!(err.to_string().contains("not a JSON object"), "{err}");
    }
    for body in [
        br#"["cobrowse.session_started"]"#.as_slice(),
        br#"["endpoint.url_validation",1,{"plainToken":"t"}]"#,
    ] {
        let headers = TestSigner::new(secret()).headers(TIMESTAMP, body);
        let err = Receiver::new(secret())
            .unwrap()
            .verify_at(&headers, body, at(TIMESTAMP))
            .unwrap_err();
        assert!(matches!(err, WebhookError::NotJson(_)), "{err:?}");
    }
}

/// The fix looks at the first character after JSON's whitespace; an object that
/// starts after some is still an event.
#[test]
fn an_object_after_json_whitespace_is_still_an_event() {
    let body = format!(" \t\r\n{STARTED_BODY}");
    let mut input = b"\x01\x00\x00\x4b".to_vec();
    input.extend_from_slice(body.as_bytes());
    let (_, outcome) = replay_signed(&input);
    let delivery = outcome.unwrap();
    assert!(
        matches!(delivery.event(), Event::SessionStarted(_)),
        "{delivery:?}"
    );
    assert_eq!(delivery.raw_json(), body);
}
