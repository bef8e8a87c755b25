//! Rust SDK for Zoom's Cobrowse SDK REST API.
//!
//! [`Client`] lists live and past Cobrowse sessions and their users, and gets one
//! session's details. It authenticates with any of Zoom's three credential kinds,
//! follows `next_page_token` in streams, splits past-session ranges longer than a
//! month, retries what is safe to retry, and paces itself to Zoom's rate limits.
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! use zoom_cobrowse::Client;
//!
//! # async fn demo() -> Result<(), zoom_cobrowse::Error> {
//! let client = Client::from_env()?;
//! let mut sessions = client.live_sessions().items();
//! while let Some(session) = sessions.try_next().await? {
//!     println!("{} started {}", session.session_id, session.start_time);
//! }
//! # Ok(()) }
//! ```
//!
//! # Where things are
//! Everything is at the crate root but for three namespaces: [`types`] (the
//! request and response types, generated from the spec), [`webhook`] (verifying
//! and decoding Zoom's webhook deliveries) and [`session_token`] (tokens for the
//! browser SDK). [`raw`] has the generated client underneath [`Client`].
//!
//! # Features
//! - `rustls` (default): TLS for api.zoom.us.
//! - `axum`: a ready webhook route, `webhook::axum`.
//! - `redis`: fleet mode over Redis (`fleet::RedisStore`): one rate budget,
//!   OAuth token and webhook duplicate filter for every replica of a service.
//! - `schemars`: `schemars::JsonSchema` for every type of [`types`] and
//!   [`webhook::types`].
//! - `test-util`: tools for tests of code that uses this crate: a webhook signer
//!   and delivery client, the month-window splitter, an HS256 verifier. The
//!   simulator itself is the `zoom-cobrowse-mock` crate.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod auth;
mod body;
mod call_record;
mod client;
mod error;
pub mod fleet;
// The generated prelude re-exports the raw client, which `raw` already names.
#[allow(missing_docs, unused_imports, clippy::all, clippy::pedantic)]
mod generated;
mod month_windows;
mod open_enums;
mod pagination;
mod rate_limit;
mod redact;
mod retry;
mod session_detail;
mod session_duration;
pub mod session_token;
mod sessions;
mod signing;
mod transport;
pub mod webhook;

pub use auth::{Credentials, DEFAULT_OAUTH_URL};
pub use body::DEFAULT_MAX_BODY_SIZE;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use error::{CODE_PAGE_TOKEN_EXPIRED, ERROR_BODY_LIMIT, Error, ErrorKind};
pub use generated::Operation;
pub use month_windows::RangeBound;
pub use pagination::{DEFAULT_MAX_PAGES, ItemStream, Page, PageStream};
pub use rate_limit::{Quota, RateLimitLabel, RateLimits};
pub use retry::{MAX_RETRY_AFTER, RetryPolicy};
pub use sessions::{LiveSessions, MAX_PAGE_SIZE, MIN_PAGE_SIZE, PastSessions, SessionUsers};

/// Request and response types of the API, generated from `openapi/cobrowse.yaml`,
/// with the hand-written types the generator is told to use instead: open enums
/// that keep values Zoom adds later, Zoom's duration text, and get-session's
/// live-or-past answer, decoded in one pass.
pub mod types {
    pub use crate::generated::types::*;
    pub use crate::open_enums::{DataCenter, RoleType};
    pub use crate::session_detail::SessionDetail;
    pub use crate::session_duration::{InvalidDuration, SessionDuration};
}

/// The client progenitor generates from the spec, underneath [`Client`]
/// ([`Client::raw`]), for the rare call the wrapper does not cover. Each of its
/// calls is one attempt with the client's credentials, rate limiter and body
/// limit; retries, and the renewal of a token a 401 refused, are the wrapper's.
pub mod raw {
    pub use crate::generated::{Client, builder};
}

/// Tools for tests of code that uses this crate (feature `test-util`).
#[cfg(feature = "test-util")]
#[cfg_attr(docsrs, doc(cfg(feature = "test-util")))]
pub mod test_util {
    pub use crate::auth::oauth_token_lifetime;
    pub use crate::body::collect_within as collect_body_within;
    pub use crate::month_windows::{Window, split as split_month_windows};
    pub use crate::retry::parse_retry_after;
    pub use crate::signing::verify_hs256;
    pub use crate::webhook::signer::TestSigner;

    /// A client that delivers events to a receiver as Zoom does, generated from
    /// the webhook spec. Sign each body with [`TestSigner::signature_for_json`].
    /// Its base URL is the receiver's origin; it posts to `/`.
    pub use crate::generated::webhooks::Client as DeliveryClient;
}

// The README's examples compile and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
