//! The client and types progenitor generates from `openapi/cobrowse.yaml` at build
//! time (see `build.rs` and `codegen/`). Nothing here is written by hand; a
//! reviewable copy lives in `openapi/snapshot/`.
//!
//! The crate re-exports what users need: [`crate::types`], [`crate::raw`],
//! [`crate::Operation`], and the webhook types under [`crate::webhook`].

include!(concat!(env!("OUT_DIR"), "/cobrowse.rs"));

/// The webhook event types progenitor generates from `openapi/cobrowse-webhooks.yaml`,
/// and a client that delivers signed events to a receiver (for tests of receivers,
/// feature `test-util`). [`crate::webhook`] verifies and decodes deliveries into
/// these types.
#[cfg_attr(not(feature = "test-util"), allow(dead_code))]
pub mod webhooks {
    include!(concat!(env!("OUT_DIR"), "/cobrowse_webhooks.rs"));
}
