//! progenitor's typed [httpmock](https://docs.rs/httpmock) helpers, generated from the
//! spec at build time: `MockServerExt` adds one method per operation to
//! `httpmock::MockServer`, whose `When`/`Then` wrappers take the crate's own types.
//!
//! Prefer [`MockZoom`](super::MockZoom) for behaviour (pagination, auth, rate limits,
//! faults); use these for a single canned answer.

include!(concat!(env!("OUT_DIR"), "/httpmock.rs"));
