//! A delivery is accepted only with Zoom's signature over the raw body and a fresh
//! timestamp; every other case is a distinct, typed rejection.

mod webhook_fixtures;

use std::time::Duration;

use secrecy::SecretString;
use webhook_fixtures::*;
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::webhook::{Delivery, Event, Receiver, WebhookError};

fn receiver() -> Receiver {
    Receiver::new(secret()).unwrap()
}

fn verify(headers: &http::HeaderMap, body: &[u8]) -> Result<Delivery, WebhookError> {
    receiver().verify_at(headers, body, at(TIMESTAMP))
}

/// The python-signed vector, verified as if the clock read `now`.
fn verify_vector_at(now: std::time::SystemTime) -> Result<Delivery, WebhookError> {
    receiver().verify_at(
        &headers("1743483350", STARTED_SIGNATURE),
        STARTED_BODY.as_bytes(),
        now,
    )
}

#[test]
fn accepts_the_python_signed_known_answer_vector() {
    let delivery = verify_vector_at(at(TIMESTAMP)).unwrap();
    assert_eq!(delivery.timestamp(), TIMESTAMP);
    assert_eq!(delivery.raw_json(), STARTED_BODY);
    assert!(matches!(delivery.event(), Event::SessionStarted(_)));
}

#[test]
fn test_signer_reproduces_the_python_signature() {
    let signer = TestSigner::new(secret());
    assert_eq!(
        signer.signature(TIMESTAMP, STARTED_BODY.as_bytes()),
        STARTED_SIGNATURE
    );
    let headers = signer.headers(TIMESTAMP, STARTED_BODY.as_bytes());
    assert_eq!(headers["x-zm-signature"], STARTED_SIGNATURE);
    assert_eq!(headers["x-zm-request-timestamp"], "1743483350");
}

#[test]
fn uppercase_hex_in_the_signature_is_the_same_signature() {
    let upper = format!("v0={}", STARTED_SIGNATURE[3..].to_uppercase());
    assert!(verify(&headers("1743483350", &upper), STARTED_BODY.as_bytes()).is_ok());
}

#[test]
fn a_tampered_body_is_a_signature_mismatch() {
    let tampered = STARTED_BODY.replace("exampleuser", "exampleuseR");
    let err = verify(
        &headers("1743483350", STARTED_SIGNATURE),
        tampered.as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(err, WebhookError::SignatureMismatch), "{err:?}");
    assert_eq!(err.status(), 401);
}

#[test]
fn reformatted_json_is_a_signature_mismatch() {
    // Same JSON value, different bytes: verification must use the raw body.
    let pretty = serde_json::to_string_pretty(
        &serde_json::from_str::<serde_json::Value>(STARTED_BODY).unwrap(),
    )
    .unwrap();
    let err = verify(&headers("1743483350", STARTED_SIGNATURE), pretty.as_bytes()).unwrap_err();
    assert!(matches!(err, WebhookError::SignatureMismatch), "{err:?}");
}

#[test]
fn another_secret_is_a_signature_mismatch() {
    let err = Receiver::new(SecretString::from("not-the-secret"))
        .unwrap()
        .verify_at(
            &headers("1743483350", STARTED_SIGNATURE),
            STARTED_BODY.as_bytes(),
            at(TIMESTAMP),
        )
        .unwrap_err();
    assert!(matches!(err, WebhookError::SignatureMismatch), "{err:?}");
}

#[test]
fn a_changed_timestamp_header_is_a_signature_mismatch() {
    // The timestamp is signed: moving it to look fresh breaks the signature.
    let err = verify(
        &headers("1743483351", STARTED_SIGNATURE),
        STARTED_BODY.as_bytes(),
    )
    .unwrap_err();
    assert!(matches!(err, WebhookError::SignatureMismatch), "{err:?}");
}

#[test]
fn a_stale_timestamp_is_rejected_after_a_valid_signature() {
    let now = at(TIMESTAMP + 301);
    let err = verify_vector_at(now).unwrap_err();
    match err {
        WebhookError::StaleTimestamp { age, tolerance } => {
            assert_eq!(age, Duration::from_secs(301));
            assert_eq!(tolerance, Receiver::DEFAULT_TOLERANCE);
        }
        other => panic!("expected StaleTimestamp, got {other:?}"),
    }
}

#[test]
fn a_future_timestamp_is_rejected_after_a_valid_signature() {
    let now = at(TIMESTAMP - 301);
    let err = verify_vector_at(now).unwrap_err();
    assert_eq!(err.status(), 401);
    match err {
        WebhookError::FutureTimestamp { ahead, .. } => assert_eq!(ahead, Duration::from_secs(301)),
        other => panic!("expected FutureTimestamp, got {other:?}"),
    }
}

#[test]
fn the_tolerance_edges_are_inclusive_and_configurable() {
    let (h, body) = (
        headers("1743483350", STARTED_SIGNATURE),
        STARTED_BODY.as_bytes(),
    );
    assert!(receiver().verify_at(&h, body, at(TIMESTAMP + 300)).is_ok());
    assert!(receiver().verify_at(&h, body, at(TIMESTAMP - 300)).is_ok());

    let strict = receiver().with_tolerance(Duration::from_secs(10));
    assert_eq!(strict.tolerance(), Duration::from_secs(10));
    assert!(strict.verify_at(&h, body, at(TIMESTAMP + 10)).is_ok());
    assert!(matches!(
        strict.verify_at(&h, body, at(TIMESTAMP + 11)),
        Err(WebhookError::StaleTimestamp { .. })
    ));
    assert!(matches!(
        strict.verify_at(&h, body, at(TIMESTAMP - 11)),
        Err(WebhookError::FutureTimestamp { .. })
    ));
}

#[test]
fn verify_uses_the_system_clock() {
    // The vector is from 2025, far outside five minutes of any clock running this test.
    let err = receiver()
        .verify(
            &headers("1743483350", STARTED_SIGNATURE),
            STARTED_BODY.as_bytes(),
        )
        .unwrap_err();
    assert!(
        matches!(err, WebhookError::StaleTimestamp { .. }),
        "{err:?}"
    );

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let fresh = TestSigner::new(secret()).headers(now, STARTED_BODY.as_bytes());
    assert!(receiver().verify(&fresh, STARTED_BODY.as_bytes()).is_ok());
}

#[test]
fn missing_headers_are_named() {
    let body = STARTED_BODY.as_bytes();
    let mut no_signature = headers("1743483350", STARTED_SIGNATURE);
    no_signature.remove("x-zm-signature");
    assert!(matches!(
        verify(&no_signature, body),
        Err(WebhookError::MissingHeader("x-zm-signature"))
    ));

    let mut no_timestamp = headers("1743483350", STARTED_SIGNATURE);
    no_timestamp.remove("x-zm-request-timestamp");
    let err = verify(&no_timestamp, body).unwrap_err();
    assert!(
        matches!(err, WebhookError::MissingHeader("x-zm-request-timestamp")),
        "{err:?}"
    );
    assert_eq!(err.status(), 401);
    assert_eq!(
        err.to_string(),
        "the x-zm-request-timestamp header is missing"
    );
}

#[test]
fn malformed_signatures_are_rejected_before_any_hmac() {
    let body = STARTED_BODY.as_bytes();
    let hex = &STARTED_SIGNATURE[3..];
    for bad in [
        hex.to_string(),               // no v0= prefix
        format!("v1={hex}"),           // another scheme
        format!("v0={}", &hex[..63]),  // one digit short
        format!("v0={hex}00"),         // one byte long
        format!("v0={}g", &hex[..63]), // not hex
        String::from("v0="),           // empty
    ] {
        let err = verify(&headers("1743483350", &bad), body).unwrap_err();
        assert!(
            matches!(
                err,
                WebhookError::MalformedHeader {
                    header: "x-zm-signature",
                    ..
                }
            ),
            "{bad}: {err:?}"
        );
    }
}

#[test]
fn malformed_timestamps_are_rejected() {
    let body = STARTED_BODY.as_bytes();
    for bad in ["", "soon", "1743483350.5", "99999999999999999999"] {
        let err = verify(&headers(bad, STARTED_SIGNATURE), body).unwrap_err();
        assert!(
            matches!(
                err,
                WebhookError::MalformedHeader {
                    header: "x-zm-request-timestamp",
                    ..
                }
            ),
            "{bad:?}: {err:?}"
        );
    }
    let mut non_ascii = headers("1743483350", STARTED_SIGNATURE);
    non_ascii.insert(
        "x-zm-request-timestamp",
        http::HeaderValue::from_bytes("17434833é".as_bytes()).unwrap(),
    );
    let err = verify(&non_ascii, body).unwrap_err();
    assert!(
        matches!(err, WebhookError::MalformedHeader { .. }),
        "{err:?}"
    );
}

/// Signs `body` at the vector's timestamp, so only the body is at fault.
fn verify_signed(body: &[u8]) -> Result<Delivery, WebhookError> {
    verify(&TestSigner::new(secret()).headers(TIMESTAMP, body), body)
}

#[test]
fn a_signed_non_json_body_is_not_json() {
    for body in [
        &b"event=cobrowse.session_started"[..],
        b"",
        b"[1,2]",
        b"{\"event\":42}",
        b"{\"payload\":{}}",
    ] {
        let err = verify_signed(body).unwrap_err();
        assert!(
            matches!(err, WebhookError::NotJson(_)),
            "{:?}: {err:?}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(err.status(), 400);
    }
}

#[test]
fn a_signed_non_utf8_body_is_not_json() {
    let err = verify_signed(b"{\"event\":\"\xff\"}").unwrap_err();
    assert!(matches!(err, WebhookError::NotJson(_)), "{err:?}");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}

#[test]
fn a_known_event_that_breaks_its_schema_keeps_its_raw_json() {
    let body = r#"{"event":"cobrowse.session_ended","event_ts":1,"payload":{"account_id":"a","object":{"end_time":"2025-04-01T12:32:26Z"}}}"#;
    match verify_signed(body.as_bytes()).unwrap_err() {
        err @ WebhookError::InvalidEvent { .. } => {
            assert_eq!(err.status(), 400);
            assert!(err.to_string().contains("session_id"), "{err}");
            assert!(std::error::Error::source(&err).is_some());
            let WebhookError::InvalidEvent {
                event, raw_json, ..
            } = err
            else {
                unreachable!()
            };
            assert_eq!(event, "cobrowse.session_ended");
            assert_eq!(&*raw_json, body);
        }
        other => panic!("expected InvalidEvent, got {other:?}"),
    }
}

#[test]
fn an_unknown_event_decodes_as_unknown_with_its_json() {
    let body = r#"{"event":"cobrowse.session_recording_completed","event_ts":1,"payload":{"object":{"session_id":"s","file":"x.mp4"}}}"#;
    let delivery = verify_signed(body.as_bytes()).unwrap();
    let Event::Unknown(unknown) = delivery.event() else {
        panic!("{delivery:?}")
    };
    assert_eq!(unknown.name, "cobrowse.session_recording_completed");
    assert_eq!(unknown.json["payload"]["object"]["file"], "x.mp4");
    assert_eq!(
        delivery.event().name(),
        "cobrowse.session_recording_completed"
    );
    assert_eq!(delivery.event().session_id(), None);
    assert_eq!(delivery.raw_json(), body);
}

#[test]
fn the_secret_never_shows_in_debug_or_errors() {
    let receiver = receiver();
    let signer = TestSigner::new(secret());
    let mut texts = vec![format!("{receiver:?}"), format!("{signer:?}")];
    let body = STARTED_BODY.as_bytes();
    let mut missing = headers("1743483350", STARTED_SIGNATURE);
    missing.remove("x-zm-signature");
    let failures = [
        verify(&headers("1743483350", STARTED_SIGNATURE), b"{}"),
        verify(&headers("x", STARTED_SIGNATURE), body),
        verify(&missing, body),
        receiver.verify_at(&headers("1743483350", STARTED_SIGNATURE), body, at(0)),
        verify_signed(b"nope"),
    ];
    for failure in &failures {
        let err = failure.as_ref().unwrap_err();
        texts.push(format!("{err:?}"));
        texts.push(err.to_string());
        texts.push(String::from_utf8(receiver.respond(failure).into_body()).unwrap());
    }
    for text in texts {
        assert!(!text.contains(SECRET), "secret leaked in {text:?}");
    }
}

#[test]
fn an_empty_secret_token_is_refused() {
    for blank in ["", "  \t"] {
        let err = Receiver::new(SecretString::from(blank)).unwrap_err();
        assert_eq!(err.to_string(), "the webhook secret token is empty");
    }
}
