//! The values a hostile or broken server chooses, through the code that reads
//! them. The first byte picks the field, the rest is the value:
//!
//! - `0 mod 4`, `Retry-After`: the bytes as the header's value, through
//!   `parse_retry_after`. Properties: never more than `MAX_RETRY_AFTER`; every
//!   (trimmed) run of ASCII digits is a delay; a value with a control byte other
//!   than whitespace is not.
//! - `1 mod 4`, `expires_in`: the bytes as the JSON value of `expires_in` in a
//!   token answer (and, once, as the whole answer), through
//!   `oauth_token_lifetime`. Properties: a lifetime is at most a day; a refusal is
//!   a `Decode` error; a JSON non-negative integer is always accepted.
//! - `2 mod 4`, the bounded body reader: two bytes of limit, one byte choosing a
//!   declared length (none, the true one, a lie), then chunks split at `0xff`,
//!   through `collect_body_within`. Properties: the body is returned exactly when
//!   it and its declared length fit the limit, and refused as `BodyTooLarge`
//!   otherwise.
//! - `3 mod 4`, the URL-validation `plainToken`: the bytes (as lossy UTF-8) in a
//!   correctly signed `endpoint.url_validation`, through `Receiver::verify_at` and
//!   `Receiver::respond`. Properties: answered (with the HMAC of the token) exactly
//!   when the token is 1 to 128 characters of `A-Z a-z 0-9 - _`; otherwise
//!   `MalformedPlainToken`, a 400 without an `encryptedToken`.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use hmac::{KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use secrecy::SecretString;
use zoom_cobrowse::test_util::{
    TestSigner, collect_body_within, oauth_token_lifetime, parse_retry_after,
};
use zoom_cobrowse::webhook::{MAX_PLAIN_TOKEN_LEN, Receiver, WebhookError};
use zoom_cobrowse::{ErrorKind, MAX_RETRY_AFTER};

const SECRET: &str = "fuzz-webhook-secret-5d1e";
const NOW: i64 = 1_743_483_350;
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    match mode % 4 {
        0 => retry_after(rest),
        1 => expires_in(rest),
        2 => body_limit(rest),
        _ => plain_token(rest),
    }
});

fn retry_after(value: &[u8]) {
    let delay = parse_retry_after(value);
    if let Some(delay) = delay {
        assert!(delay <= MAX_RETRY_AFTER, "{delay:?}");
    }
    let trimmed = String::from_utf8_lossy(value);
    let trimmed = trimmed.trim();
    if std::str::from_utf8(value).is_ok()
        && !trimmed.is_empty()
        && trimmed.bytes().all(|b| b.is_ascii_digit())
    {
        assert!(delay.is_some(), "digits {trimmed:?} were ignored");
    }
    // Trimming takes only whitespace; any other control byte makes it unreadable.
    if value
        .iter()
        .any(|b| b.is_ascii_control() && !b"\t\n\x0b\x0c\r".contains(b))
    {
        assert!(delay.is_none(), "{value:?} was read as {delay:?}");
    }
}

fn expires_in(value: &[u8]) {
    for body in [
        [br#"{"access_token":"t","expires_in":"#.as_slice(), value, b"}"].concat(),
        value.to_vec(),
    ] {
        match oauth_token_lifetime(&body) {
            Ok(lifetime) => assert!(lifetime <= DAY, "{lifetime:?}"),
            Err(e) => assert_eq!(e.kind(), ErrorKind::Decode, "{e}"),
        }
    }
    // A JSON integer, that is: "01" parses as a u64 in Rust but is not JSON.
    let integer = serde_json::from_slice::<serde_json::Value>(value)
        .ok()
        .is_some_and(|v| v.is_u64());
    if let Ok(text) = std::str::from_utf8(value)
        && integer
    {
        let body = format!(r#"{{"access_token":"t","expires_in":{text}}}"#);
        assert!(oauth_token_lifetime(body.as_bytes()).is_ok(), "{text}");
    }
}

fn body_limit(data: &[u8]) {
    let [a, b, declare, rest @ ..] = data else {
        return;
    };
    let limit = usize::from(u16::from_be_bytes([*a, *b]) % 2048);
    let chunks: Vec<&[u8]> = rest.split(|&b| b == 0xff).collect();
    let total: usize = chunks.iter().map(|c| c.len()).sum();
    let declared = match declare % 3 {
        0 => None,
        1 => Some(total as u64),
        _ => Some(u64::from(*declare) * 97),
    };
    let fits = total <= limit && declared.is_none_or(|d| d <= limit as u64);
    match collect_body_within(limit, declared, &chunks) {
        Ok(body) => {
            assert!(fits, "{total} bytes (declared {declared:?}) over a limit of {limit}");
            assert_eq!(body.to_vec(), chunks.concat());
        }
        Err(e) => {
            assert!(!fits, "{total} bytes within {limit} refused: {e}");
            assert_eq!(e.kind(), ErrorKind::BodyTooLarge);
        }
    }
}

fn plain_token(value: &[u8]) {
    let token = String::from_utf8_lossy(value);
    let body = serde_json::json!({
        "event": "endpoint.url_validation",
        "event_ts": 1_743_483_350_000_i64,
        "payload": { "plainToken": token },
    })
    .to_string();
    let secret = SecretString::from(SECRET);
    let receiver = Receiver::new(secret.clone()).expect("not empty");
    let headers = TestSigner::new(secret).headers(NOW, body.as_bytes());
    let now = UNIX_EPOCH + Duration::from_secs(NOW as u64);
    let outcome = receiver.verify_at(&headers, body.as_bytes(), now);
    let response = receiver.respond(&outcome);
    let shaped = (1..=MAX_PLAIN_TOKEN_LEN).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let answer = String::from_utf8_lossy(response.body()).into_owned();
    if shaped {
        assert!(outcome.is_ok(), "{token:?}: {outcome:?}");
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes())
            .expect("HMAC takes keys of any length");
        mac.update(token.as_bytes());
        let expected = hex::encode(mac.finalize().into_bytes());
        assert!(answer.contains(&expected), "{token:?}: {answer}");
    } else {
        assert!(
            matches!(outcome, Err(WebhookError::MalformedPlainToken)),
            "{token:?}: {outcome:?}"
        );
        assert_eq!(response.status(), 400);
        assert!(!answer.contains("encryptedToken"), "{answer}");
    }
}
