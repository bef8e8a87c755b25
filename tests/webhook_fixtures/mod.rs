//! Fixtures shared by the webhook tests. Each test crate uses a different part,
//! hence the allowance below.
#![allow(dead_code)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use secrecy::SecretString;

/// The webhook secret token of the known-answer vectors.
pub const SECRET: &str = "kF3v9Qw2RzT8yLmN4pXb";
/// The `x-zm-request-timestamp` of the known-answer vectors.
pub const TIMESTAMP: i64 = 1_743_483_350;
/// Zoom's own `cobrowse.session_started` example, as compact JSON bytes.
pub const STARTED_BODY: &str = r#"{"event":"cobrowse.session_started","event_ts":1743483350000,"payload":{"account_id":"TEODL21kRmehjRceRnyYqw","object":{"session_id":"4567UVWxYZABCdEfGhiJkl==","start_url":"https://sample.zoom.us","user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"customer","start_time":"2025-04-01T12:22:26Z"}}}"#;
/// The signature of `STARTED_BODY` at `TIMESTAMP` under `SECRET`, computed with
/// python3's stdlib, not with this crate:
/// ```text
/// import hmac, hashlib
/// "v0=" + hmac.new(SECRET, b"v0:" + TIMESTAMP + b":" + STARTED_BODY, hashlib.sha256).hexdigest()
/// ```
pub const STARTED_SIGNATURE: &str =
    "v0=5351f14b474f683e75669b8def76fb7037f5f22224dbb816d3dbcdded38ed81f";
/// The `plainToken` of Zoom's URL validation example.
pub const PLAIN_TOKEN: &str = "qgg8vlvZRS6UYooatFL8Aw";
/// Its `encryptedToken` under `SECRET`, computed with python3's stdlib:
/// `hmac.new(SECRET, PLAIN_TOKEN, hashlib.sha256).hexdigest()`.
pub const ENCRYPTED_TOKEN: &str =
    "67aecac6a01d791476dccdd704abc06c38f8ed572c6e3a1c4f2e4a0aa09babfa";

pub fn secret() -> SecretString {
    SecretString::from(SECRET)
}

/// The instant `secs` seconds after the Unix epoch.
pub fn at(secs: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs as u64)
}

/// Headers exactly as given, for deliveries built by hand.
pub fn headers(timestamp: &str, signature: &str) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-zm-request-timestamp", timestamp.parse().unwrap());
    headers.insert("x-zm-signature", signature.parse().unwrap());
    headers
}
