//! The client and types progenitor generates from `openapi/cobrowse.yaml` at build
//! time (see `build.rs` and `codegen/`). Nothing here is written by hand; a
//! reviewable copy lives in `openapi/snapshot/`.
//!
//! Most users want [`crate::Client`], which wraps this client with authentication,
//! retries, rate limiting, pagination and one error type. This raw client is here
//! for the rare call the wrapper does not cover; it shares the wrapper's transport.

include!(concat!(env!("OUT_DIR"), "/cobrowse.rs"));

/// The webhook event types progenitor generates from `openapi/cobrowse-webhooks.yaml`,
/// and a client that delivers signed events to a receiver (for tests of receivers).
/// [`crate::webhook`] verifies and decodes deliveries into these types.
pub mod webhooks {
    include!(concat!(env!("OUT_DIR"), "/cobrowse_webhooks.rs"));
}
