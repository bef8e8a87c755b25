//! progenitor's typed [httpmock](https://docs.rs/httpmock) helpers, generated from the
//! SDK's spec by `cargo xtask regen` into `generated/httpmock.rs` (checked in, so
//! this crate builds without the spec; `cargo xtask regen --check` keeps it current): [`MockServerExt`] adds one method per operation to
//! `httpmock::MockServer`, whose `When`/`Then` wrappers match that operation's path
//! and parameters and answer with the crate's own types.
//!
//! The stubs match paths without Zoom's `/v2` prefix: use `server.base_url()` as the
//! API base. Prefer [`MockZoom`](super::MockZoom) for behaviour (pagination,
//! credentials, rate limits, faults); use these for one canned answer.
//!
//! ```
//! use httpmock::MockServer;
//! use zoom_cobrowse_mock::httpmock::MockServerExt;
//! use zoom_cobrowse::types::ZoomError;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let server = MockServer::start_async().await;
//! let missing = ZoomError {
//!     code: Some(30300),
//!     message: Some("Session does not exist: nope".into()),
//! };
//! let stub = server.get_session(|when, then| {
//!     when.session_id("nope");
//!     then.not_found(&missing);
//! });
//! let answer = reqwest::get(format!("{}/cobrowsesdk/sessions/nope", server.base_url()))
//!     .await
//!     .unwrap();
//! assert_eq!(answer.status(), 404);
//! assert_eq!(answer.json::<ZoomError>().await.unwrap(), missing);
//! stub.assert_async().await;
//! # }
//! ```

include!("generated/httpmock.rs");
