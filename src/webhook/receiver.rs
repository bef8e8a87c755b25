//! Verifying deliveries and answering them, independent of any web framework.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::Mac as _;
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use super::{Delivery, EmptySecretToken, Event, WebhookError, types};
use crate::fleet::{DuplicateFilter, Fleet, MemoryDuplicates, OnUnavailable};

/// The header carrying `v0=` and the hex HMAC-SHA256 of the signed message.
pub const SIGNATURE_HEADER: &str = "x-zm-signature";
/// The header carrying the send time in seconds since the Unix epoch; it is part of
/// the signed message.
pub const TIMESTAMP_HEADER: &str = "x-zm-request-timestamp";

/// Verifies Zoom webhook deliveries with the app's secret token, and answers them.
///
/// Cheap to clone. `Debug` shows the tolerance, never the secret.
#[derive(Clone, Debug)]
pub struct Receiver {
    secret: SecretString,
    tolerance: Duration,
    duplicates: Option<Duplicates>,
}

/// The fleet's duplicate filter, and this process's own for when it fails open.
#[derive(Clone, Debug)]
struct Duplicates {
    shared: Arc<dyn DuplicateFilter>,
    local: Arc<MemoryDuplicates>,
    ttl: Duration,
    mode: OnUnavailable,
}

impl Receiver {
    /// How far a delivery's timestamp may be from the receiver's clock, either way,
    /// unless [`with_tolerance`](Self::with_tolerance) says otherwise: five minutes.
    pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

    /// A receiver for the app's webhook secret token (the "Secret Token" of the
    /// app's Feature page in the Zoom Marketplace). An empty or blank token is an
    /// error: with it, anyone could sign deliveries.
    pub fn new(secret_token: SecretString) -> Result<Self, EmptySecretToken> {
        if secret_token.expose_secret().trim().is_empty() {
            return Err(EmptySecretToken);
        }
        Ok(Self {
            secret: secret_token,
            tolerance: Self::DEFAULT_TOLERANCE,
            duplicates: None,
        })
    }

    /// Handles each delivery once across the fleet:
    /// [`verify_once`](Self::verify_once) refuses a delivery that this or another
    /// replica sharing the fleet's store already accepted (Zoom sends one again
    /// when the first answer was late, to whichever replica).
    pub fn with_fleet(mut self, fleet: &Fleet) -> Self {
        self.duplicates = Some(Duplicates {
            shared: fleet.duplicates.clone(),
            local: Arc::new(MemoryDuplicates::new()),
            ttl: fleet.duplicate_ttl,
            mode: fleet.on_unavailable,
        });
        self
    }

    /// Sets how far a timestamp may be from the receiver's clock. Longer accepts
    /// older replays; shorter rejects deliveries that met clock skew.
    ///
    /// The window limits replays but does not prevent them: within it, a captured
    /// delivery verifies again, and Zoom itself sends a delivery again (with a new
    /// timestamp and signature) when an answer was late. To act once per event,
    /// drop duplicates by [`Delivery::idempotency_key`], or let
    /// [`with_fleet`](Self::with_fleet) and [`verify_once`](Self::verify_once) do it.
    pub fn with_tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The timestamp tolerance.
    pub fn tolerance(&self) -> Duration {
        self.tolerance
    }

    /// Verifies a delivery against the system clock and decodes it.
    ///
    /// `body` must be the raw bytes as received: the signature covers them, and
    /// re-serialized JSON would not match.
    pub fn verify(&self, headers: &http::HeaderMap, body: &[u8]) -> Result<Delivery, WebhookError> {
        self.verify_at(headers, body, SystemTime::now())
    }

    /// Verifies a delivery as if the clock read `now`, and decodes it.
    ///
    /// Checks, in order: both headers are present and well-formed; the signature
    /// matches (compared in constant time); the timestamp is within the tolerance;
    /// the body is a JSON event. A valid signature comes first, so a stale or
    /// future timestamp error always means an authentic delivery at the wrong time.
    pub fn verify_at(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Delivery, WebhookError> {
        let timestamp_text = header(headers, TIMESTAMP_HEADER)?;
        let timestamp: i64 = timestamp_text
            .parse()
            .map_err(|_| WebhookError::MalformedHeader {
                header: TIMESTAMP_HEADER,
                problem: "expected whole seconds since the Unix epoch",
            })?;
        let claimed = parse_signature(header(headers, SIGNATURE_HEADER)?)?;
        signed_message_mac(&self.secret, timestamp_text, body)
            .verify_slice(&claimed)
            .map_err(|_| WebhookError::SignatureMismatch)?;
        self.check_freshness(timestamp, now)?;
        // JSON is UTF-8 (RFC 8259); checking once lets serde skip per-string checks.
        let body = std::str::from_utf8(body).map_err(|e| {
            WebhookError::NotJson(serde::de::Error::custom(format_args!(
                "the body is not UTF-8: {e}"
            )))
        })?;
        let event = Event::decode(body)?;
        if let Event::UrlValidation(challenge) = &event {
            check_plain_token(&challenge.payload.plain_token)?;
        }
        Ok(Delivery {
            event,
            raw_json: body.into(),
            timestamp,
        })
    }

    /// Like [`verify`](Self::verify), and also checks the delivery is the first
    /// of its event: a retry of one already accepted is
    /// [`WebhookError::Duplicate`] (answered 200, so Zoom stops sending it).
    /// Without [`with_fleet`](Self::with_fleet) it is `verify`.
    ///
    /// A retry is a new request with a new timestamp and signature, so the
    /// event is recognised by [`Delivery::idempotency_key`]. URL validation
    /// challenges are always answered. While the fleet's store is unreachable, a
    /// fail-closed fleet refuses with [`WebhookError::DuplicateFilterUnavailable`]
    /// (503: Zoom sends the delivery again later, so nothing is lost); a
    /// fail-open one uses this process's memory, with a warning.
    pub async fn verify_once(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Delivery, WebhookError> {
        self.verify_once_at(headers, body, SystemTime::now()).await
    }

    /// [`verify_once`](Self::verify_once) as if the clock read `now`.
    pub async fn verify_once_at(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Delivery, WebhookError> {
        let delivery = self.verify_at(headers, body, now)?;
        let Some(duplicates) = &self.duplicates else {
            return Ok(delivery);
        };
        if matches!(delivery.event(), Event::UrlValidation(_)) {
            return Ok(delivery);
        }
        let key = delivery.idempotency_key();
        let first = match duplicates.shared.first_seen(&key, duplicates.ttl).await {
            Ok(first) => first,
            Err(e) => match duplicates.mode {
                OnUnavailable::Wait => return Err(WebhookError::DuplicateFilterUnavailable(e)),
                OnUnavailable::Local => {
                    tracing::warn!(error = %e, "the fleet's duplicate filter is unavailable; this process's own decides");
                    duplicates
                        .local
                        .first_seen(&key, duplicates.ttl)
                        .await
                        .unwrap_or(true)
                }
            },
        };
        if first {
            Ok(delivery)
        } else {
            Err(WebhookError::Duplicate {
                event: delivery.event().name().to_owned(),
            })
        }
    }

    /// The answer to a verified `endpoint.url_validation` challenge: the plain token
    /// and its HMAC-SHA256 under the secret, in hex; `None` for any other event.
    ///
    /// It takes a [`Delivery`], which only [`verify`](Self::verify) produces, so
    /// the secret signs only a plain token that came in a delivery signed with it,
    /// and of the shape Zoom sends ([`verify`](Self::verify) refuses any other
    /// with [`WebhookError::MalformedPlainToken`]): no caller can make the receiver
    /// sign a string of their choosing.
    pub fn url_validation_response(
        &self,
        delivery: &Delivery,
    ) -> Option<types::UrlValidationResponse> {
        let Event::UrlValidation(challenge) = delivery.event() else {
            return None;
        };
        let plain_token = &challenge.payload.plain_token;
        let mut mac = crate::signing::hmac_sha256(self.secret.expose_secret().as_bytes());
        mac.update(plain_token.as_bytes());
        Some(types::UrlValidationResponse {
            plain_token: plain_token.clone(),
            encrypted_token: hex::encode(mac.finalize().into_bytes()),
        })
    }

    /// The HTTP response Zoom expects for the outcome of [`verify`](Self::verify):
    /// 200 with the challenge answer for URL validation, 200 with an empty body for
    /// any other event, and [`WebhookError::status`] with the reason as text for a
    /// rejection.
    pub fn respond(&self, outcome: &Result<Delivery, WebhookError>) -> http::Response<Vec<u8>> {
        let (status, content_type, body) = match outcome {
            Ok(delivery) => match self.url_validation_response(delivery) {
                Some(answer) => {
                    let body = serde_json::to_vec(&answer)
                        .unwrap_or_else(|_| unreachable!("a struct of two strings serializes"));
                    (http::StatusCode::OK, Some("application/json"), body)
                }
                None => (http::StatusCode::OK, None, Vec::new()),
            },
            Err(e) => (
                e.status(),
                Some("text/plain; charset=utf-8"),
                e.to_string().into_bytes(),
            ),
        };
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        if let Some(content_type) = content_type {
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static(content_type),
            );
        }
        response
    }

    fn check_freshness(&self, timestamp: i64, now: SystemTime) -> Result<(), WebhookError> {
        let now = match now.duration_since(UNIX_EPOCH) {
            Ok(after) => i128::from(after.as_secs()),
            Err(before) => -i128::from(before.duration().as_secs()),
        };
        let age = now - i128::from(timestamp);
        let tolerance = self.tolerance.as_secs();
        let secs =
            |d: i128| Duration::from_secs(u64::try_from(d.unsigned_abs()).unwrap_or(u64::MAX));
        if age > i128::from(tolerance) {
            Err(WebhookError::StaleTimestamp {
                age: secs(age),
                tolerance: self.tolerance,
            })
        } else if -age > i128::from(tolerance) {
            Err(WebhookError::FutureTimestamp {
                ahead: secs(age),
                tolerance: self.tolerance,
            })
        } else {
            Ok(())
        }
    }
}

/// HMAC-SHA256 of Zoom's signed message `v0:{timestamp}:{body}`, with the
/// timestamp exactly as sent.
pub(crate) fn signed_message_mac(
    secret: &SecretString,
    timestamp: &str,
    body: &[u8],
) -> hmac::Hmac<Sha256> {
    let mut mac = crate::signing::hmac_sha256(secret.expose_secret().as_bytes());
    mac.update(b"v0:");
    mac.update(timestamp.as_bytes());
    mac.update(b":");
    mac.update(body);
    mac
}

/// The longest `plainToken` answered. Zoom's are 22 characters (16 random bytes
/// in base64url); the bound leaves room for change and none for abuse.
pub const MAX_PLAIN_TOKEN_LEN: usize = 128;

/// Refuses a `plainToken` that is not what Zoom sends: 1 to
/// [`MAX_PLAIN_TOKEN_LEN`] characters of the base64url alphabet.
fn check_plain_token(token: &str) -> Result<(), WebhookError> {
    let shaped = (1..=MAX_PLAIN_TOKEN_LEN).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if shaped {
        Ok(())
    } else {
        Err(WebhookError::MalformedPlainToken)
    }
}

/// The signature's digest, from `v0=` and 64 hex digits.
fn parse_signature(value: &str) -> Result<[u8; 32], WebhookError> {
    let mut digest = [0; 32];
    value
        .strip_prefix("v0=")
        .and_then(|hex_digits| hex::decode_to_slice(hex_digits, &mut digest).ok())
        .ok_or(WebhookError::MalformedHeader {
            header: SIGNATURE_HEADER,
            problem: "expected v0= followed by 64 hex digits",
        })?;
    Ok(digest)
}

/// A required header's value as text.
fn header<'a>(headers: &'a http::HeaderMap, name: &'static str) -> Result<&'a str, WebhookError> {
    headers
        .get(name)
        .ok_or(WebhookError::MissingHeader(name))?
        .to_str()
        .map_err(|_| WebhookError::MalformedHeader {
            header: name,
            problem: "not visible ASCII",
        })
}
