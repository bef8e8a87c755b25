//! The client and types progenitor generates from `openapi/cobrowse.yaml` at build
//! time (see `build.rs` and `codegen/`). Nothing here is written by hand; a
//! reviewable copy lives in `openapi/snapshot/`.
//!
//! Most users want [`crate::Client`], which wraps this client with authentication,
//! retries, rate limiting, pagination and one error type. This raw client is here
//! for the rare call the wrapper does not cover; it shares the wrapper's transport.

include!(concat!(env!("OUT_DIR"), "/cobrowse.rs"));
