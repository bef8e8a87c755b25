//! The path every generated request takes: progenitor's inner type and the `exec`
//! hook that applies the rate limiter, the credentials, retries and tracing.
//!
//! progenitor's hooks cannot return our error type, and its generated code drops
//! the HTTP status of an error body that is not JSON. So each call of the
//! hand-written client runs inside a task-local `CallRecord` where the hook
//! records what the generated code cannot carry: the last status, and a failure to
//! obtain a token.

use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;
use std::time::Instant;

use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use reqwest::{ResponseBuilderExt, StatusCode};
use tracing::Instrument;

use crate::auth::TokenSource;
use crate::error::Error;
use crate::generated::Client as RawClient;
use crate::operation::Operation;
use crate::rate_limit::Limiter;
use crate::retry::{self, RetryPolicy};

/// State shared by every clone of a client: credentials, retry policy, limiter.
#[derive(Clone)]
pub struct Transport {
    shared: Arc<Shared>,
}

struct Shared {
    tokens: TokenSource,
    retry: RetryPolicy,
    limiter: Option<Limiter>,
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
    pub(crate) fn new(tokens: TokenSource, retry: RetryPolicy, limiter: Option<Limiter>) -> Self {
        Self {
            shared: Arc::new(Shared {
                tokens,
                retry,
                limiter,
            }),
        }
    }
}

/// What the hook learnt about one call that the generated code cannot return.
#[derive(Default)]
pub(crate) struct CallRecord {
    /// Status of the last answer.
    pub(crate) status: Option<StatusCode>,
    /// Headers of the last answer, kept only when it was an error.
    pub(crate) error_headers: Option<HeaderMap>,
    /// Why the request was not sent, e.g. no token could be obtained.
    pub(crate) not_sent: Option<Error>,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

impl CallRecord {
    /// Runs `call` with a fresh record visible to the hook, and returns both.
    pub(crate) async fn scope<F: Future>(call: F) -> (F::Output, CallRecord) {
        let mut scoped = std::pin::pin!(CALL.scope(RefCell::default(), call));
        let output = scoped.as_mut().await;
        let record = scoped
            .take_value()
            .map(RefCell::into_inner)
            .unwrap_or_default();
        (output, record)
    }

    fn record(update: impl FnOnce(&mut CallRecord)) {
        // Outside a scope (the raw client used directly) there is nobody to tell.
        let _ = CALL.try_with(|record| update(&mut record.borrow_mut()));
    }
}

impl ClientHooks<Transport> for RawClient {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let shared = &self.inner().shared;
        let label = Operation::find(info.operation_id).map(|op| op.rate_limit_label);
        let started = Instant::now();
        let mut attempt = 0u32;
        let mut renewed = false;
        let renewable = shared.tokens.renewable();
        let mut template = Some(request);
        loop {
            attempt += 1;
            let span = tracing::debug_span!(
                "zoom_cobrowse.request",
                operation = info.operation_id,
                attempt,
                status = tracing::field::Empty,
                latency_ms = tracing::field::Empty,
                rate_limit_wait_ms = tracing::field::Empty,
            );
            // Without a subscriber the span is disabled: skip recording and timing.
            let traced = (!span.is_disabled()).then(|| span.clone());
            let outcome = async {
                if let (Some(limiter), Some(label)) = (&shared.limiter, label) {
                    let waited = limiter.acquire(label).await;
                    if let Some(span) = &traced {
                        span.record("rate_limit_wait_ms", waited.as_millis() as u64);
                    }
                }
                let authorization = match shared.tokens.authorization().await {
                    Ok(header) => header,
                    Err(e) => return Attempt::NotSent(e),
                };
                // The last possible attempt sends the request itself; earlier ones a copy.
                let last = attempt >= shared.retry.attempts() && (renewed || !renewable);
                let request = if last {
                    template.take()
                } else {
                    template.as_ref().and_then(|r| r.try_clone())
                };
                let Some(mut request) = request else {
                    // Only streaming bodies cannot be replayed; this API has none.
                    return Attempt::NotSent(Error::config("the request body cannot be replayed"));
                };
                request
                    .headers_mut()
                    .insert(AUTHORIZATION, authorization.clone());
                let sent = traced.as_ref().map(|_| Instant::now());
                let result = match self.client().execute(request).await {
                    Ok(response) => buffered(response).await,
                    Err(e) => Err(e),
                };
                if let (Some(span), Some(sent)) = (&traced, sent) {
                    span.record("latency_ms", sent.elapsed().as_millis() as u64);
                    if let Ok(response) = &result {
                        span.record("status", response.status().as_u16());
                    }
                }
                Attempt::Done(result, authorization)
            }
            .instrument(span)
            .await;

            let (result, authorization) = match outcome {
                Attempt::NotSent(error) => {
                    CallRecord::record(|r| r.not_sent = Some(error));
                    return Ok(unauthorized_placeholder());
                }
                Attempt::Done(result, authorization) => (result, authorization),
            };
            let server_hint = match &result {
                Ok(response) if response.status() == StatusCode::UNAUTHORIZED => {
                    if !renewed && renewable {
                        // One new token and one more try; a second 401 is the caller's.
                        renewed = true;
                        shared.tokens.reject(&authorization);
                        attempt -= 1;
                        continue;
                    }
                    return finish(result);
                }
                Ok(response) if retry::is_retryable_status(response.status()) => {
                    retry::retry_after(response.headers())
                }
                Ok(_) => return finish(result),
                Err(e) if retry::is_retryable_error(e) => None,
                Err(_) => return finish(result),
            };
            match shared.retry.delay(attempt, started.elapsed(), server_hint) {
                Some(delay) => {
                    tracing::debug!(operation = info.operation_id, attempt, ?delay, "retrying");
                    tokio::time::sleep(delay).await;
                }
                None => return finish(result),
            }
        }
    }
}

/// Reads the whole body inside the retry loop, so a connection that breaks
/// mid-body is retried like one that breaks before the answer; the generated code
/// then decodes from memory.
async fn buffered(mut response: reqwest::Response) -> reqwest::Result<reqwest::Response> {
    let status = response.status();
    let version = response.version();
    // Carrying the URL over spares reqwest parsing a placeholder URL per answer.
    let url = response.url().clone();
    let headers = std::mem::take(response.headers_mut());
    let body = response.bytes().await?;
    let mut rebuilt = http::Response::builder()
        .url(url)
        .body(body)
        .expect("a response builder given only an extension cannot fail");
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok(reqwest::Response::from(rebuilt))
}

enum Attempt {
    NotSent(Error),
    Done(reqwest::Result<reqwest::Response>, HeaderValue),
}

fn finish(result: reqwest::Result<reqwest::Response>) -> reqwest::Result<reqwest::Response> {
    if let Ok(response) = &result {
        let status = response.status();
        let headers = (!status.is_success()).then(|| response.headers().clone());
        CallRecord::record(|r| {
            r.status = Some(status);
            r.error_headers = headers;
        });
    }
    result
}

/// Stands in for the answer of a request that could not be sent, mostly for want
/// of a token. The hand-written client replaces it with the recorded error; a
/// caller of the raw client sees a 401, which is what it mostly amounts to.
fn unauthorized_placeholder() -> reqwest::Response {
    let mut response = http::Response::new(r#"{"message":"no access token could be obtained"}"#);
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    reqwest::Response::from(response)
}
