//! The path every generated request takes: progenitor's inner type, [`Transport`],
//! and its `exec` hook, which sends one attempt at a time (token, limiter, send,
//! read the body) and leaves the decisions to their owners: whether to try again
//! to the retry policy ([`crate::retry`]), whether a 401 deserves a new token to
//! the credentials ([`crate::auth`]). What the hook cannot return travels back
//! through [`crate::call_record`].

use std::fmt;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::Instant;

use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};
use reqwest::ResponseBuilderExt;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use tracing::Instrument;

use crate::Operation;
use crate::auth::TokenSource;
use crate::call_record::CallRecord;
use crate::error::Error;
use crate::generated::Client as RawClient;
use crate::rate_limit::Limiter;
use crate::retry::RetryPolicy;

/// State shared by every clone of a client: credentials, retry policy, limiter.
/// progenitor names it as the generated client's inner type, hence `pub`; its
/// module is private, so it is no part of the public API.
#[derive(Clone)]
pub struct Transport {
    shared: Arc<Shared>,
}

struct Shared {
    tokens: TokenSource,
    retry: RetryPolicy,
    limiter: Option<Limiter>,
    max_body_size: usize,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("tokens", &self.shared.tokens)
            .field("retry", &self.shared.retry)
            .field("limiter", &self.shared.limiter)
            .finish()
    }
}

impl Transport {
    pub(crate) fn new(
        tokens: TokenSource,
        retry: RetryPolicy,
        limiter: Option<Limiter>,
        max_body_size: usize,
    ) -> Self {
        Self {
            shared: Arc::new(Shared {
                tokens,
                retry,
                limiter,
                max_body_size,
            }),
        }
    }
}

impl ClientHooks<Transport> for RawClient {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let shared = &self.inner().shared;
        let operation = Operation::from_id(info.operation_id);
        let mut retries = shared.retry.start(info.operation_id);
        let mut renewal = shared.tokens.renewal();
        let mut template = Some(request);
        loop {
            // The last possible attempt sends the request itself; earlier ones a copy.
            let last = retries.is_last() && !renewal.available();
            let request = if last {
                template.take()
            } else {
                template.as_ref().and_then(|r| r.try_clone())
            };
            let Some(request) = request else {
                // Only streaming bodies cannot be replayed; this API has none.
                let error = Error::config("the request body cannot be replayed");
                return Ok(CallRecord::not_sent(error));
            };
            let attempt = retries.attempt();
            // Boxed: the attempt's future holds reqwest's whole pending request, and
            // inline it would be copied each time the caller's future moves (into
            // the call record's scope, into a pin): a few KiB per call, against one
            // allocation.
            let sent = Box::pin(self.send(shared, operation, request, attempt)).await;
            let (result, sent_with) = match sent {
                Ok(sent) => sent,
                Err(not_sent) => return Ok(CallRecord::not_sent(not_sent)),
            };
            if renewal.renews_after(&result, &sent_with) {
                continue;
            }
            if let ControlFlow::Break(result) = retries.after(result).await {
                CallRecord::finished(&result);
                return result;
            }
        }
    }
}

impl RawClient {
    /// Sends one attempt: takes a token, waits for rate-limit budget, sends, and
    /// reads the whole body (a 429 pauses the label for everyone sharing the
    /// budget). Returns the outcome and the `Authorization` it carried, or the
    /// error that ended the attempt without an answer to hand over.
    async fn send(
        &self,
        shared: &Shared,
        operation: Option<Operation>,
        mut request: reqwest::Request,
        attempt: u32,
    ) -> Result<(reqwest::Result<reqwest::Response>, HeaderValue), Error> {
        let span = tracing::debug_span!(
            "zoom_cobrowse.request",
            operation = operation.map(Operation::id),
            attempt,
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
            rate_limit_wait_ms = tracing::field::Empty,
        );
        // Without a subscriber the span is disabled: skip recording and timing.
        let traced = (!span.is_disabled()).then(|| span.clone());
        async {
            // The token first: the slot should be spent right before the request
            // leaves, not before a token fetch. It stays taken until the answer's
            // head arrives: the server counts the request at some point before
            // then (see `rate_limit`).
            let authorization = shared.tokens.authorization().await?;
            let limited = shared.limiter.as_ref().zip(operation);
            let mut slot = None;
            if let Some((limiter, operation)) = limited {
                let waited;
                (slot, waited) = limiter.acquire(operation.rate_limit_label()).await;
                if let Some(span) = &traced {
                    span.record("rate_limit_wait_ms", waited.as_millis() as u64);
                }
            }
            request
                .headers_mut()
                .insert(AUTHORIZATION, authorization.clone());
            let sent = traced.as_ref().map(|_| Instant::now());
            let executed = self.client().execute(request).await;
            drop(slot);
            let result = match executed {
                // A body over the limit is not retried: it would be as large again.
                Ok(response) => buffered(response, shared.max_body_size).await?,
                Err(e) => Err(e),
            };
            if let (Some((limiter, operation)), Ok(response)) = (limited, &result)
                && response.status() == reqwest::StatusCode::TOO_MANY_REQUESTS
            {
                let retry_after = crate::retry::retry_after(response.headers());
                limiter
                    .rate_limited(operation.rate_limit_label(), retry_after)
                    .await;
            }
            if let (Some(span), Some(sent)) = (&traced, sent) {
                span.record("latency_ms", sent.elapsed().as_millis() as u64);
                if let Ok(response) = &result {
                    span.record("status", response.status().as_u16());
                }
            }
            Ok((result, authorization))
        }
        .instrument(span)
        .await
    }
}

/// Reads the whole body inside the retry loop, so a connection that breaks
/// mid-body is retried like one that breaks before the answer; the generated code
/// then decodes from memory. A body over `limit` is refused while it is read.
async fn buffered(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<reqwest::Result<reqwest::Response>, Error> {
    let status = response.status();
    let version = response.version();
    // Carrying the URL over spares reqwest parsing a placeholder URL per answer.
    let url = response.url().clone();
    let headers = std::mem::take(response.headers_mut());
    let body = match crate::body::read(&mut response, limit).await {
        Ok(body) => body,
        Err(crate::body::BodyError::Transport(e)) => return Ok(Err(e)),
        Err(crate::body::BodyError::TooLarge(e)) => return Err(e),
    };
    let mut rebuilt = http::Response::builder()
        .url(url)
        .body(body)
        .expect("a response builder given only an extension cannot fail");
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok(Ok(reqwest::Response::from(rebuilt)))
}
