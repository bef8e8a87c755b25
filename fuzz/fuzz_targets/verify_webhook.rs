//! Arbitrary webhook deliveries through `Receiver::verify_at` and `Receiver::respond`.
//!
//! Almost every random delivery stops at the signature check, so most inputs are
//! signed correctly and the fuzzer explores what lies behind it. The first byte
//! picks the mode:
//!
//! - `0 mod 3`, raw: the rest is `name: value` header lines, an empty line, and the
//!   body, all as the fuzzer wrote them.
//! - `1 mod 3`, signed: two bytes of clock skew (seconds, big-endian `i16`), one
//!   byte of tolerance (in 4 s steps), then the body, signed by `TestSigner`.
//! - `2 mod 3`, signed text: one length byte, that many bytes of timestamp header
//!   text (any text, e.g. `+1743483350` or `01743483350`), then the body, signed
//!   over that exact text by an independent HMAC.
//!
//! Properties: nothing panics; an accepted delivery keeps the body verbatim and
//! names the event the body names, at a timestamp within the tolerance; a correctly
//! signed, in-tolerance body fails only as `NotJson` or `InvalidEvent`, and only
//! when it is not a JSON object with a string `event`, or does not fit that event's
//! schema; a stale or future timestamp is reported with its exact distance; the
//! URL-validation answer is the HMAC of the plain token, and only a plain token of
//! Zoom's shape is answered (`hostile_fields` checks the shape); no error, response or
//! `Debug` output shows the secret.
#![no_main]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{KeyInit, Mac};
use http::{HeaderMap, HeaderName, HeaderValue};
use libfuzzer_sys::fuzz_target;
use secrecy::SecretString;
use serde_json::Value;
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::webhook::{
    Delivery, Event, Receiver, SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookError,
};

const SECRET: &str = "fuzz-webhook-secret-5d1e";
/// The receiver's clock: the timestamp of Zoom's webhook examples.
const NOW: i64 = 1_743_483_350;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 3 {
        0 => raw(rest),
        1 => signed(rest),
        _ => signed_text(rest),
    }
});

fn raw(data: &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(end) => (&data[..end], &data[end + 2..]),
        None => (&b""[..], data),
    };
    let mut headers = HeaderMap::new();
    for line in head.split(|&b| b == b'\n') {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let value = line[colon + 1..].trim_ascii_start();
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(&line[..colon]),
            HeaderValue::from_bytes(value),
        ) {
            headers.append(name, value);
        }
    }
    let receiver = receiver(Receiver::DEFAULT_TOLERANCE);
    let outcome = receiver.verify_at(&headers, body, clock());
    check_outcome(&receiver, body, &outcome);
}

fn signed(data: &[u8]) {
    let [skew_high, skew_low, tolerance, body @ ..] = data else {
        return;
    };
    let skew = i64::from(i16::from_be_bytes([*skew_high, *skew_low]));
    let tolerance = Duration::from_secs(u64::from(*tolerance) * 4);
    let receiver = receiver(tolerance);
    let timestamp = NOW + skew;
    let headers = TestSigner::new(SecretString::from(SECRET)).headers(timestamp, body);
    let outcome = receiver.verify_at(&headers, body, clock());
    check_outcome(&receiver, body, &outcome);

    let distance = Duration::from_secs(skew.unsigned_abs());
    match &outcome {
        Err(WebhookError::StaleTimestamp { age, .. }) => {
            assert!(skew < 0 && distance > tolerance && *age == distance);
        }
        Err(WebhookError::FutureTimestamp { ahead, .. }) => {
            assert!(skew > 0 && distance > tolerance && *ahead == distance);
        }
        _ => {
            assert!(distance <= tolerance, "{skew}s accepted with {tolerance:?}");
            check_authentic(body, timestamp, &outcome);
        }
    }
}

fn signed_text(data: &[u8]) {
    let Some((&len, rest)) = data.split_first() else {
        return;
    };
    let (text, body) = rest.split_at(usize::from(len).min(rest.len()));
    let Ok(value) = HeaderValue::from_bytes(text) else {
        return;
    };
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes())
        .expect("HMAC takes keys of any length");
    for part in [b"v0:", text, b":", body] {
        mac.update(part);
    }
    let signature = format!("v0={}", hex::encode(mac.finalize().into_bytes()));
    let mut headers = HeaderMap::new();
    headers.insert(TIMESTAMP_HEADER, value);
    headers.insert(
        SIGNATURE_HEADER,
        HeaderValue::try_from(signature).expect("hex is a header value"),
    );
    let receiver = receiver(Receiver::DEFAULT_TOLERANCE);
    let outcome = receiver.verify_at(&headers, body, clock());
    check_outcome(&receiver, body, &outcome);

    let parsed = std::str::from_utf8(text)
        .ok()
        .and_then(|t| t.parse::<i64>().ok());
    match (parsed, &outcome) {
        (
            None,
            Err(WebhookError::MalformedHeader {
                header: TIMESTAMP_HEADER,
                ..
            }),
        ) => {}
        (None, _) => panic!("timestamp text {text:?} accepted: {outcome:?}"),
        (Some(timestamp), _) if timestamp.abs_diff(NOW) <= 300 => {
            check_authentic(body, timestamp, &outcome);
        }
        (
            Some(_),
            Err(WebhookError::StaleTimestamp { .. } | WebhookError::FutureTimestamp { .. }),
        ) => {}
        (Some(timestamp), _) => panic!("timestamp {timestamp} accepted: {outcome:?}"),
    }
}

fn receiver(tolerance: Duration) -> Receiver {
    Receiver::new(SecretString::from(SECRET))
        .expect("the secret is not blank")
        .with_tolerance(tolerance)
}

fn clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(NOW.unsigned_abs())
}

/// What holds for any outcome.
fn check_outcome(receiver: &Receiver, body: &[u8], outcome: &Result<Delivery, WebhookError>) {
    let response = receiver.respond(outcome);
    let mut shown = format!("{outcome:?} {receiver:?}");
    match outcome {
        Ok(delivery) => {
            assert_eq!(delivery.raw_json().as_bytes(), body);
            assert!(delivery.timestamp().abs_diff(NOW) <= receiver.tolerance().as_secs());
            assert_eq!(
                event_name(body).as_deref(),
                Some(delivery.event().name()),
                "the event name is not the body's"
            );
            assert_eq!(response.status(), http::StatusCode::OK);
            if let Event::UrlValidation(challenge) = delivery.event() {
                let answer: Value =
                    serde_json::from_slice(response.body()).expect("the answer is JSON");
                let plain = &challenge.payload.plain_token;
                let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes())
                    .expect("HMAC takes keys of any length");
                mac.update(plain.as_bytes());
                assert_eq!(answer["plainToken"], plain.as_str());
                assert_eq!(
                    answer["encryptedToken"],
                    hex::encode(mac.finalize().into_bytes())
                );
            }
        }
        Err(error) => {
            assert_eq!(response.status(), error.status());
            assert_eq!(response.body(), error.to_string().as_bytes());
            shown.push_str(&error.to_string());
            if let WebhookError::InvalidEvent { raw_json, .. } = error {
                assert_eq!(raw_json.as_bytes(), body);
            }
        }
    }
    shown.push_str(&String::from_utf8_lossy(response.body()));
    let secret_in_body = body.windows(SECRET.len()).any(|w| w == SECRET.as_bytes());
    assert!(
        secret_in_body || !shown.contains(SECRET),
        "the secret leaked: {shown}"
    );
}

/// A delivery signed with the right secret at an in-tolerance time: it is decoded,
/// or rejected only for what its body is.
fn check_authentic(body: &[u8], timestamp: i64, outcome: &Result<Delivery, WebhookError>) {
    let events = top_level_events(body);
    let name = event_name(body);
    match (outcome, name) {
        (Ok(delivery), Some(name)) => {
            assert_eq!(delivery.timestamp(), timestamp);
            assert_eq!(delivery.event().name(), name);
        }
        (Ok(delivery), None) => {
            panic!(
                "a body that is not a JSON object with one string event was accepted: {delivery:?}"
            )
        }
        (Err(WebhookError::InvalidEvent { event, .. }), Some(name)) => assert_eq!(*event, name),
        (Err(WebhookError::InvalidEvent { event, .. }), None) => {
            panic!("a body that is not a JSON object with one string event was decoded as {event}")
        }
        // No object, no `event`, one that is not a string, or two: ambiguous at best.
        (Err(WebhookError::NotJson(_)), None) => {}
        // A URL validation whose plainToken is not of Zoom's shape is not answered.
        (Err(WebhookError::MalformedPlainToken), Some(name))
            if name == "endpoint.url_validation" => {}
        (Err(WebhookError::NotJson(e)), Some(name)) => {
            panic!(
                "a JSON object whose event is {name:?} was refused as not JSON: {e} ({events:?})"
            )
        }
        (Err(other), _) => panic!("an authentic delivery was rejected: {other:?}"),
    }
}

/// The body's event name: the value of its one top-level `event` key, when the body
/// is a JSON object and that value a string.
fn event_name(body: &[u8]) -> Option<String> {
    match top_level_events(body)?.as_slice() {
        [Some(name)] => Some(name.clone()),
        _ => None,
    }
}

/// For a UTF-8 JSON object, the value of each top-level `event` key (after unescaping),
/// `None` where it is not a string. Other values are only checked for syntax, not
/// read, as the receiver does: an unknown field may hold a number beyond `f64`.
fn top_level_events(body: &[u8]) -> Option<Vec<Option<String>>> {
    struct Events(Vec<Option<String>>);
    impl<'de> serde::Deserialize<'de> for Events {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Events;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Events, A::Error> {
                    let mut events = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        if key == "event" {
                            events.push(map.next_value::<Value>()?.as_str().map(str::to_owned));
                        } else {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                    Ok(Events(events))
                }
            }
            deserializer.deserialize_map(Visitor)
        }
    }
    // JSON is UTF-8 even where serde_json does not look (values it skips).
    let body = std::str::from_utf8(body).ok()?;
    serde_json::from_str::<Events>(body)
        .ok()
        .map(|events| events.0)
}
