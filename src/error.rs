//! The one error type of the client, with the helpers callers match on.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::redact;
use crate::types::ZoomError;

/// The part of a foreign body an error keeps: bounded, credentials redacted.
fn kept(body: Bytes) -> Bytes {
    let body = body.slice(..body.len().min(ERROR_BODY_LIMIT));
    match redact::scrub_bytes(&body) {
        Cow::Borrowed(_) => body,
        Cow::Owned(scrubbed) => Bytes::from(scrubbed),
    }
}

/// An error's source chain, as one line of text.
fn chain_text(source: &(dyn std::error::Error + 'static)) -> String {
    let mut text = source.to_string();
    let mut next = source.source();
    while let Some(cause) = next {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    text
}

/// The source of a [`Error::shared_copy`]: the original chain as text.
#[derive(Debug)]
struct SharedSource(String);

impl fmt::Display for SharedSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SharedSource {}

/// Zoom's error code for an invalid or expired `next_page_token`.
pub const CODE_PAGE_TOKEN_EXPIRED: i64 = 30101;

/// How many bytes of an undecodable body `Display` shows.
const EXCERPT_LIMIT: usize = 256;

/// How many bytes of a foreign body an error keeps: enough for any error page
/// and for the start of a page that failed to decode, and bounded, so an error
/// does not hold a large answer alive.
pub const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// What went wrong, broadly. Match on this, or use the `is_*` helpers of [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Zoom (or a proxy in front of it) answered with an error status.
    Api,
    /// A response arrived but its body is not what the API describes.
    Decode,
    /// The request never got a complete answer: connect, timeout, reset.
    Transport,
    /// The credentials were refused by the token endpoint, or an API JWT could not
    /// be signed.
    Auth,
    /// The client or a request was configured wrongly (including environment variables).
    Config,
    /// Zoom returned a `next_page_token` it had already returned: following it would loop.
    RepeatedPageToken,
    /// An answer's body was larger than the client's limit
    /// ([`ClientBuilder::max_body_size`](crate::ClientBuilder::max_body_size)); it
    /// was refused while being read.
    BodyTooLarge,
    /// A listing went on for more pages than the client's limit
    /// ([`ClientBuilder::max_pages`](crate::ClientBuilder::max_pages)) without
    /// Zoom saying it ended.
    TooManyPages,
    /// The task fetching a listing's pages stopped (a panic, an abort, the runtime
    /// shutting down) before Zoom said the listing ended: the items received so
    /// far are not all of them.
    Interrupted,
}

/// An error from the Cobrowse client.
///
/// It carries the operation, the HTTP status, Zoom's `code` and `message` where
/// Zoom sent them, and for bodies that could not be decoded the start of the raw
/// body (at most [`ERROR_BODY_LIMIT`] bytes kept, 256 shown in `Display`).
///
/// It never shows a credential: every credential the crate holds (bearer tokens,
/// API secrets and the JWTs signed with them, OAuth client secrets and access
/// tokens, 8 characters or longer) is replaced with `[REDACTED]` in `Display`,
/// `Debug`, [`message`](Self::message) and [`body`](Self::body), even when a
/// server echoes it back.
pub struct Error(Box<Inner>);

// Boxed: a `Result<T, Error>` stays one pointer wide on the happy path.
struct Inner {
    kind: ErrorKind,
    operation: Option<&'static str>,
    status: Option<StatusCode>,
    zoom: Option<ZoomError>,
    body: Option<Bytes>,
    retry_after: Option<Duration>,
    detail: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            operation: None,
            status: None,
            zoom: None,
            body: None,
            retry_after: None,
            detail: detail.into(),
            source: None,
        }))
    }

    pub(crate) fn config(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, detail)
    }

    pub(crate) fn with_operation(mut self, operation: &'static str) -> Self {
        self.0.operation.get_or_insert(operation);
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.0.source = Some(Box::new(source));
        self
    }

    pub(crate) fn with_status(mut self, status: StatusCode) -> Self {
        self.0.status = Some(status);
        self
    }

    /// An error answer: Zoom's JSON body when it parses, the raw body otherwise.
    pub(crate) fn from_answer(status: StatusCode, headers: &HeaderMap, body: Bytes) -> Self {
        match serde_json::from_slice::<ZoomError>(&body) {
            Ok(zoom) => Self::from_zoom(status, headers, zoom),
            Err(_) => {
                let mut error = Self::from_zoom(status, headers, ZoomError::default());
                error.0.zoom = None;
                error.0.body = Some(kept(body));
                error
            }
        }
    }

    /// An error answer whose body is Zoom's error JSON.
    pub(crate) fn from_zoom(status: StatusCode, headers: &HeaderMap, mut zoom: ZoomError) -> Self {
        if let Some(message) = &mut zoom.message
            && let Cow::Owned(scrubbed) = redact::scrub(message)
        {
            *message = scrubbed;
        }
        let mut error = Self::new(ErrorKind::Api, "");
        error.0.status = Some(status);
        error.0.retry_after = crate::retry::retry_after(headers);
        error.0.zoom = Some(zoom);
        error
    }

    /// A body that arrived with `status` but could not be decoded.
    pub(crate) fn decode(
        status: Option<StatusCode>,
        body: Bytes,
        source: serde_json::Error,
    ) -> Self {
        let mut error = Self::new(ErrorKind::Decode, "response body does not match the API");
        error.0.status = status;
        error.0.body = Some(kept(body));
        error.with_source(source)
    }

    /// A copy for each caller who waited on the one failed attempt that produced
    /// `self` (a token fetch shared by concurrent requests). The source chain is
    /// kept as text, since sources cannot be cloned.
    pub(crate) fn shared_copy(&self) -> Self {
        let inner = &self.0;
        let mut copy = Self::new(inner.kind, inner.detail.clone());
        copy.0.operation = inner.operation;
        copy.0.status = inner.status;
        copy.0.zoom = inner.zoom.clone();
        copy.0.body = inner.body.clone();
        copy.0.retry_after = inner.retry_after;
        if let Some(source) = &inner.source {
            copy.0.source = Some(Box::new(SharedSource(chain_text(source.as_ref()))));
        }
        copy
    }

    /// The broad kind of failure.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The operation that failed (our operationId, e.g. `list_past_sessions`).
    pub fn operation(&self) -> Option<&'static str> {
        self.0.operation
    }

    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<StatusCode> {
        self.0.status
    }

    /// Zoom's error code, e.g. `30101` or `30300`.
    pub fn code(&self) -> Option<i64> {
        self.0.zoom.as_ref().and_then(|z| z.code)
    }

    /// Zoom's error message.
    pub fn message(&self) -> Option<&str> {
        self.0.zoom.as_ref().and_then(|z| z.message.as_deref())
    }

    /// The raw body of an answer that was not Zoom's JSON error or not decodable:
    /// its first [`ERROR_BODY_LIMIT`] bytes, credentials redacted.
    pub fn body(&self) -> Option<&[u8]> {
        self.0.body.as_deref()
    }

    /// 404: the session (or path) does not exist.
    pub fn is_not_found(&self) -> bool {
        self.0.status == Some(StatusCode::NOT_FOUND)
    }

    /// The credentials were refused: a 401 from the API, or the OAuth token
    /// endpoint refusing them (its 400, 401 or 403). A token endpoint that is
    /// down, slow or answers something that is not a token is not this, but a
    /// transport, server ([`ErrorKind::Api`] with its status) or decode error.
    pub fn is_unauthorized(&self) -> bool {
        self.0.status == Some(StatusCode::UNAUTHORIZED) || self.0.kind == ErrorKind::Auth
    }

    /// 429: a Zoom rate limit was exceeded (after the client's retries, if any).
    pub fn is_rate_limited(&self) -> bool {
        self.0.status == Some(StatusCode::TOO_MANY_REQUESTS)
    }

    /// How long Zoom asked the caller to wait (`Retry-After`), when it said: whole
    /// seconds or an HTTP date, at most [`MAX_RETRY_AFTER`](crate::MAX_RETRY_AFTER)
    /// (one day) however long the server asked for; a date in the past is zero.
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }

    /// 400 with Zoom code 30101: the page token is invalid or expired (15 minutes).
    pub fn is_page_token_expired(&self) -> bool {
        self.0.status == Some(StatusCode::BAD_REQUEST)
            && self.code() == Some(CODE_PAGE_TOKEN_EXPIRED)
    }

    /// Connect, timeout or reset: no complete answer arrived.
    pub fn is_transport(&self) -> bool {
        self.0.kind == ErrorKind::Transport
    }

    fn excerpt(&self) -> Option<String> {
        let body = self.0.body.as_ref()?;
        let text = String::from_utf8_lossy(&body[..body.len().min(EXCERPT_LIMIT)]);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let more = if body.len() > EXCERPT_LIMIT {
            "…"
        } else {
            ""
        };
        Some(format!("{text}{more}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = self.0.operation {
            write!(f, "{op}: ")?;
        }
        let mut parts = Vec::new();
        if let Some(status) = self.0.status {
            parts.push(format!("HTTP {}", status.as_u16()));
        }
        if let Some(code) = self.code() {
            parts.push(format!("Zoom code {code}"));
        }
        if let Some(message) = self.message() {
            parts.push(message.to_string());
        }
        if !self.0.detail.is_empty() {
            parts.push(self.0.detail.clone());
        }
        // The whole chain: reqwest's top error says only "error sending request".
        let mut source = self
            .0
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static));
        while let Some(cause) = source {
            parts.push(cause.to_string());
            source = cause.source();
        }
        if let Some(excerpt) = self.excerpt() {
            parts.push(format!("body: {excerpt}"));
        }
        if parts.is_empty() {
            parts.push(format!("{:?} error", self.0.kind));
        }
        f.write_str(&redact::scrub(&parts.join(": ")))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Sources format themselves: scrub the whole text, not field by field.
        let text = format!("{:?}", DebugFields(self));
        f.write_str(&redact::scrub(&text))
    }
}

struct DebugFields<'a>(&'a Error);

impl fmt::Debug for DebugFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error = self.0;
        f.debug_struct("Error")
            .field("kind", &error.0.kind)
            .field("operation", &error.0.operation)
            .field("status", &error.0.status)
            .field("code", &error.code())
            .field("message", &error.message())
            .field("retry_after", &error.0.retry_after)
            .field("detail", &error.0.detail)
            .field("body", &error.excerpt())
            .field("source", &error.0.source)
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

/// Failures of reqwest itself: a request never answered, or one we could not build.
impl From<reqwest::Error> for Error {
    fn from(e: reqwest::Error) -> Self {
        let kind = if e.is_builder() {
            ErrorKind::Config
        } else {
            ErrorKind::Transport
        };
        let status = e.status();
        // reqwest's message names the URL; ours carry no credentials in URLs.
        let mut error = Self::new(kind, "").with_source(e.without_url());
        error.0.status = status;
        error
    }
}
