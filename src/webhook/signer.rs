//! Signing deliveries as Zoom does, so tests of a receiver can send authentic ones.

use hmac::Mac as _;
use secrecy::SecretString;

use super::receiver::{SIGNATURE_HEADER, TIMESTAMP_HEADER, signed_message_mac};

/// Signs webhook deliveries exactly as Zoom does. For tests: with the secret token
/// your receiver uses, it produces the headers of an authentic delivery.
///
/// ```
/// use secrecy::SecretString;
/// use zoom_cobrowse::test_util::TestSigner;
/// use zoom_cobrowse::webhook::{Event, Receiver};
///
/// let secret = SecretString::from("test-secret-token");
/// let body = br#"{"event":"cobrowse.session_started","event_ts":1743483350000,
///     "payload":{"account_id":"acc","object":{"session_id":"s1"}}}"#;
/// let now = std::time::SystemTime::now();
/// let timestamp = now.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
///
/// let headers = TestSigner::new(secret.clone()).headers(timestamp, body);
/// let receiver = Receiver::new(secret).expect("the secret token is not empty");
/// let delivery = receiver.verify_at(&headers, body, now)?;
/// assert_eq!(delivery.event().session_id(), Some("s1"));
/// # Ok::<(), zoom_cobrowse::webhook::WebhookError>(())
/// ```
#[derive(Clone, Debug)]
pub struct TestSigner {
    secret: SecretString,
}

impl TestSigner {
    /// A signer with the webhook secret token.
    pub fn new(secret_token: SecretString) -> Self {
        Self {
            secret: secret_token,
        }
    }

    /// The `x-zm-signature` value for `body` sent at `timestamp` (seconds since the
    /// Unix epoch): `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}`.
    pub fn signature(&self, timestamp: i64, body: &[u8]) -> String {
        let mac = signed_message_mac(&self.secret, &timestamp.to_string(), body);
        format!("v0={}", hex::encode(mac.finalize().into_bytes()))
    }

    /// The signature of `value` as `serde_json::to_vec` writes it, which is the body
    /// `reqwest`'s `.json()` (and so the generated [`DeliveryClient`](crate::test_util::DeliveryClient))
    /// sends.
    pub fn signature_for_json<T: serde::Serialize>(
        &self,
        timestamp: i64,
        value: &T,
    ) -> Result<String, serde_json::Error> {
        Ok(self.signature(timestamp, &serde_json::to_vec(value)?))
    }

    /// Both headers of an authentic delivery of `body` sent at `timestamp`.
    pub fn headers(&self, timestamp: i64, body: &[u8]) -> http::HeaderMap {
        let mut headers = http::HeaderMap::with_capacity(2);
        headers.insert(TIMESTAMP_HEADER, http::HeaderValue::from(timestamp));
        let signature = http::HeaderValue::try_from(self.signature(timestamp, body))
            .unwrap_or_else(|_| unreachable!("v0= and hex digits are visible ASCII"));
        headers.insert(SIGNATURE_HEADER, signature);
        headers
    }
}
