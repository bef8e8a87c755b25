//! Why a delivery was rejected: one variant per check, so callers and tests can tell
//! a forgery from a replay from a malformed body.

use std::fmt;
use std::time::Duration;

/// Why a webhook delivery was not accepted. No variant carries the webhook secret.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookError {
    /// A required header is absent (`x-zm-signature` or `x-zm-request-timestamp`).
    MissingHeader(&'static str),
    /// A required header is present but not in the form Zoom sends.
    MalformedHeader {
        /// The header's name.
        header: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The signature does not match the body: the body was altered, or it was
    /// signed with another secret.
    SignatureMismatch,
    /// The signature is valid but the timestamp is older than the tolerance: a replay,
    /// or a delivery that waited too long.
    StaleTimestamp {
        /// How far the timestamp lies in the past.
        age: Duration,
        /// The receiver's tolerance.
        tolerance: Duration,
    },
    /// The signature is valid but the timestamp lies further in the future than the
    /// tolerance allows: a clock far off, or a delivery signed ahead to replay later.
    FutureTimestamp {
        /// How far the timestamp lies in the future.
        ahead: Duration,
        /// The receiver's tolerance.
        tolerance: Duration,
    },
    /// The signed body is not a JSON object with a string `event`.
    NotJson(serde_json::Error),
    /// A signed `endpoint.url_validation` whose `plainToken` is not of the shape
    /// Zoom sends (1 to 128 characters of `A-Z a-z 0-9 - _`): it is not answered,
    /// so the secret signs nothing but what Zoom would send.
    MalformedPlainToken,
    /// The signed body names a known event but does not fit its schema (for example
    /// `session_id` is missing). The raw JSON is kept, so nothing is lost.
    InvalidEvent {
        /// The event name.
        event: String,
        /// The body as received.
        raw_json: Box<str>,
        /// What did not fit.
        source: serde_json::Error,
    },
    /// The delivery is authentic, but its event was accepted before (Zoom
    /// retried it, here or on another replica): answered 200, not handled again.
    Duplicate {
        /// The event name.
        event: String,
    },
    /// The fleet's duplicate filter cannot be reached and the fleet fails closed:
    /// answered 503, so Zoom sends the delivery again later.
    DuplicateFilterUnavailable(crate::fleet::StoreError),
}

impl WebhookError {
    /// The HTTP status to answer with: 401 when the delivery is not proven to come
    /// from Zoom (or is a replay), 400 when it is authentic but cannot be decoded,
    /// 200 for a duplicate (Zoom needs no retry), 503 when duplicates cannot be
    /// told (Zoom should retry).
    pub fn status(&self) -> http::StatusCode {
        match self {
            Self::Duplicate { .. } => http::StatusCode::OK,
            Self::DuplicateFilterUnavailable(_) => http::StatusCode::SERVICE_UNAVAILABLE,
            Self::NotJson(_) | Self::InvalidEvent { .. } | Self::MalformedPlainToken => {
                http::StatusCode::BAD_REQUEST
            }
            Self::MissingHeader(_)
            | Self::MalformedHeader { .. }
            | Self::SignatureMismatch
            | Self::StaleTimestamp { .. }
            | Self::FutureTimestamp { .. } => http::StatusCode::UNAUTHORIZED,
        }
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeader(header) => write!(f, "the {header} header is missing"),
            Self::MalformedHeader { header, problem } => {
                write!(f, "the {header} header is malformed: {problem}")
            }
            Self::SignatureMismatch => f.write_str(
                "the x-zm-signature does not match the body (altered body or another secret)",
            ),
            Self::StaleTimestamp { age, tolerance } => write!(
                f,
                "the x-zm-request-timestamp is {}s old, beyond the {}s tolerance",
                age.as_secs(),
                tolerance.as_secs()
            ),
            Self::FutureTimestamp { ahead, tolerance } => write!(
                f,
                "the x-zm-request-timestamp is {}s in the future, beyond the {}s tolerance",
                ahead.as_secs(),
                tolerance.as_secs()
            ),
            Self::NotJson(e) => write!(f, "the body is not a JSON event: {e}"),
            Self::MalformedPlainToken => f.write_str(
                "the plainToken of the url_validation is not 1 to 128 characters of A-Z a-z 0-9 - _",
            ),
            Self::InvalidEvent { event, source, .. } => {
                write!(f, "the {event} event does not fit its schema: {source}")
            }
            Self::Duplicate { event } => write!(f, "this {event} event was handled already"),
            Self::DuplicateFilterUnavailable(e) => {
                write!(f, "cannot tell whether this delivery is a duplicate: {e}")
            }
        }
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NotJson(e) | Self::InvalidEvent { source: e, .. } => Some(e),
            Self::DuplicateFilterUnavailable(e) => Some(e),
            _ => None,
        }
    }
}

/// The webhook secret token given to [`Receiver::new`](super::Receiver::new) is
/// empty. Anyone can sign with an empty key, so such a receiver would accept forgeries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptySecretToken;

impl fmt::Display for EmptySecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the webhook secret token is empty")
    }
}

impl std::error::Error for EmptySecretToken {}
