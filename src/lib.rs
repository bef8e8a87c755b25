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
#![warn(missing_docs)]

pub mod auth;
mod client;
pub mod duration;
pub mod enums;
mod error;
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod generated;
mod jwt;
mod mac;
#[cfg(feature = "mock")]
pub mod mock;
pub mod operation;
mod operations;
pub mod pagination;
mod rate_limit;
mod retry;
pub mod session_token;
pub mod transport;
pub mod webhook;
pub mod windows;

pub use auth::Credentials;
pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use error::{CODE_PAGE_TOKEN_EXPIRED, Error, ErrorKind};
pub use operation::{Operation, RateLimitLabel};
pub use operations::{LiveSessions, MAX_PAGE_SIZE, MIN_PAGE_SIZE, PastSessions, SessionUsers};
pub use pagination::{ItemStream, Page, PageStream};
pub use rate_limit::RateLimits;
pub use retry::RetryPolicy;

/// Request and response types of the API.
pub mod types {
    pub use crate::duration::{InvalidDuration, SessionDuration};
    pub use crate::enums::{DataCenter, RoleType};
    pub use crate::generated::types::*;
}

// The README's examples compile and run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
