//! The shared state every generated request passes through (progenitor's inner
//! type) and the hooks that apply it.

use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};

use crate::generated::Client as RawClient;

/// State shared by every clone of a client: credentials, retry policy, limiter.
#[derive(Clone, Debug, Default)]
pub struct Transport {}

impl ClientHooks<Transport> for RawClient {
    async fn exec(
        &self,
        request: reqwest::Request,
        _info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        self.client().execute(request).await
    }
}
