//! Zoom Cobrowse webhooks: verify deliveries, decode events, answer URL validation.
//!
//! Zoom POSTs each Cobrowse event (`cobrowse.session_started`, `..._ended`,
//! `..._user_joined`, `..._user_left`) as JSON to the app's Event Notification
//! Endpoint URL, signed with the app's secret token, and now and then sends an
//! `endpoint.url_validation` challenge the endpoint must answer. [`Receiver`] does
//! all of it from the headers and the raw body, whatever web framework you use;
//! with the `axum` feature, `webhook::axum::handler` is a ready route.
//!
//! ```
//! use secrecy::SecretString;
//! use zoom_cobrowse::test_util::TestSigner;
//! use zoom_cobrowse::webhook::{Event, Receiver};
//!
//! let secret = SecretString::from("webhook-secret-token");
//! let receiver = Receiver::new(secret.clone()).expect("the secret token is not empty");
//!
//! // In production, `headers` and `body` come from your HTTP server.
//! let body = br#"{"event":"cobrowse.session_user_joined","event_ts":1743483350000,
//!     "payload":{"account_id":"acc","object":{"session_id":"s1","user_name":"Jane",
//!     "role_type":"customer","join_time":"2025-04-01T12:22:26Z"}}}"#;
//! let headers = TestSigner::new(secret).headers(unix_now(), body);
//!
//! let outcome = receiver.verify(&headers, body);
//! let response = receiver.respond(&outcome); // send this back to Zoom
//! assert_eq!(response.status(), 200);
//! match outcome?.event() {
//!     Event::SessionUserJoined(joined) => {
//!         assert_eq!(joined.payload.object.user_name.as_deref(), Some("Jane"));
//!     }
//!     Event::Unknown(other) => println!("new event {}: {}", other.name, other.json),
//!     other => println!("{} for session {:?}", other.name(), other.session_id()),
//! }
//! # fn unix_now() -> i64 {
//! #     std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
//! # }
//! # Ok::<(), zoom_cobrowse::webhook::WebhookError>(())
//! ```
//!
//! The event types are generated from `openapi/cobrowse-webhooks.yaml`, like the API
//! types. Every field but `session_id` is optional, and [`Delivery::raw_json`] keeps
//! the body as sent, so fields Zoom adds are never lost.

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod error;
mod event;
mod receiver;
#[cfg(feature = "test-util")]
pub(crate) mod signer;

pub use error::{EmptySecretToken, WebhookError};
pub use event::{Delivery, Event, UnknownEvent};
pub use receiver::{MAX_PLAIN_TOKEN_LEN, Receiver, SIGNATURE_HEADER, TIMESTAMP_HEADER};
/// The webhook event types, generated from `openapi/cobrowse-webhooks.yaml`
/// (their `role_type` is the API's open [`crate::types::RoleType`]).
pub mod types {
    pub use crate::generated::webhooks::types::*;
}
