//! The path every generated request takes: progenitor's inner type, [`Transport`],
//! its `exec` hook, and [`call`], the loop around a generated call.
//!
//! The hook sends one attempt (token, limiter slot, send) and hands the answer to
//! the generated code, which reads and decodes the body once. [`call`] runs one
//! operation to its end: each attempt is a fresh generated call, and after a
//! failure it leaves the decisions to their owners: whether a 401 deserves a new
//! token to the credentials ([`crate::auth`]), whether and when to try again to
//! the retry policy ([`crate::retry`]). Retrying around the generated call, not
//! inside the hook, means no request is copied in case it must be sent again, and
//! a body cut short is retried like a connection refused, without the hook
//! reading the body first. What the hook learns that the generated code cannot
//! return travels back through [`crate::call_record`].

use std::fmt;
use std::sync::Arc;
use std::time::Instant;

use progenitor_client::{
    ClientHooks, ClientInfo, Error as GeneratedError, OperationInfo, ResponseValue,
};
use reqwest::ResponseBuilderExt;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use tracing::Instrument;

use crate::Operation;
use crate::auth::TokenSource;
use crate::call_record::{self, Attempt, CallRecord, Verdict};
use crate::error::Error;
use crate::generated::Client as RawClient;
use crate::rate_limit::Limiter;
use crate::retry::RetryPolicy;
use crate::types::ZoomError;

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

/// Runs one operation of the generated client to its end. `attempt` makes a fresh
/// generated call each time (progenitor builds the request, the hook sends it,
/// progenitor reads the answer); a failed attempt is followed by another while
/// the credentials or the retry policy allow it.
pub(crate) async fn call<T, F, Fut>(
    raw: &RawClient,
    operation: Operation,
    mut attempt: F,
) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ResponseValue<T>, GeneratedError<ZoomError>>>,
{
    let shared = &raw.inner().shared;
    let mut retries = shared.retry.start(operation.id());
    let mut renewal = shared.tokens.renewal();
    loop {
        let (error, record) = match call_record::attempt(retries.attempt(), attempt()).await {
            Attempt::Answered(value) => return Ok(value),
            Attempt::NotSent(error) => return Err(error.with_operation(operation.id())),
            Attempt::Failed(failed) => *failed,
        };
        match record.verdict(&error) {
            Verdict::Unauthorized(sent_with) if renewal.renews(&sent_with) => continue,
            Verdict::Transient(server_hint) if retries.wait(server_hint).await => continue,
            _ => {
                let error = call_record::convert(error, record).await;
                return Err(error.with_operation(operation.id()));
            }
        }
    }
}

impl ClientHooks<Transport> for RawClient {
    /// One attempt. A caller of the raw client gets just this: credentials, the
    /// limiter and the body limit, no retry.
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let shared = &self.inner().shared;
        let operation = Operation::from_id(info.operation_id);
        match self.send(shared, operation, request).await {
            Ok((mut result, sent_with)) => {
                CallRecord::answered(&mut result, sent_with);
                result
            }
            Err(not_sent) => Ok(CallRecord::not_sent(not_sent)),
        }
    }
}

impl RawClient {
    /// Sends one attempt: takes a token, waits for rate-limit budget, sends, and
    /// makes sure the body will be read within the limit (a 429 pauses the label
    /// for everyone sharing the budget). Returns the outcome and the
    /// `Authorization` it carried, or the error that ended the attempt without an
    /// answer to hand over.
    async fn send(
        &self,
        shared: &Shared,
        operation: Option<Operation>,
        mut request: reqwest::Request,
    ) -> Result<(reqwest::Result<reqwest::Response>, HeaderValue), Error> {
        let span = tracing::debug_span!(
            "zoom_cobrowse.request",
            operation = operation.map(Operation::id),
            attempt = call_record::current_attempt(),
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
            rate_limit_wait_ms = tracing::field::Empty,
        );
        // Without a subscriber the span is disabled: skip recording and timing.
        let traced = (!span.is_disabled()).then(|| span.clone());
        let attempt = async {
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
                Ok(response) => within_limit(response, shared.max_body_size).await?,
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
        };
        if traced.is_some() {
            attempt.instrument(span).await
        } else {
            attempt.await
        }
    }
}

/// Makes sure the generated code, which reads the whole body, reads at most
/// `limit` bytes. A declared `Content-Length` within the limit bounds the body
/// already: hyper reads exactly that many bytes, and a connection cut before
/// then is an error of the body. A larger one is refused unread; a body without
/// one is read here, within the limit, and handed over from memory.
async fn within_limit(
    response: reqwest::Response,
    limit: usize,
) -> Result<reqwest::Result<reqwest::Response>, Error> {
    match response.content_length() {
        Some(declared) if declared <= limit as u64 => Ok(Ok(response)),
        _ => buffered(response, limit).await,
    }
}

/// Reads the whole body within `limit`, and rebuilds the response around it.
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
