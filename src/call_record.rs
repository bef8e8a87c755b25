//! How an error travels from progenitor's `exec` hook back to the caller.
//!
//! progenitor fixes two things this crate cannot change. Its `exec` hook
//! ([`crate::transport`]) may only return `reqwest::Result<reqwest::Response>`, so it
//! cannot say "no token could be obtained" or hand back our [`Error`]; and its
//! generated code, given an error answer whose body is not JSON (a proxy's HTML
//! page), reports only the body and drops the status and headers.
//!
//! So every attempt of the hand-written client runs through [`attempt`], inside a
//! task-local [`CallRecord`]. The hook writes into it what the generated code cannot
//! carry: the answer's status and, for an error, its headers and the token it was
//! sent with; or an error of our own that ended the attempt without an answer to
//! hand over: no token could be obtained, or the body was larger than the client
//! accepts. In that last case the hook also has to return *some* response: it
//! returns a made-up 401 ([`unauthorized_placeholder`]), which [`attempt`] replaces
//! with the recorded error. A caller of the raw generated client, who has no
//! record, sees that 401.
//!
//! From the record, [`CallRecord::verdict`] tells the retry loop what a failure
//! calls for, and [`convert`] maps progenitor's error onto ours.

use std::cell::RefCell;
use std::time::Duration;

use progenitor_client::{Error as GeneratedError, ResponseValue};
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderValue};

use crate::error::Error;
use crate::retry::{is_retryable_error, is_retryable_status, retry_after};
use crate::types::ZoomError;

/// What the hook learnt about one attempt that the generated code cannot return.
pub(crate) struct CallRecord {
    /// Which attempt of its call this is, from 1.
    attempt: u32,
    /// Status of the answer.
    status: Option<StatusCode>,
    /// Headers of the answer, kept only when it was an error.
    error_headers: Option<HeaderMap>,
    /// The `Authorization` a 401 answered, for the credentials to forget.
    rejected: Option<HeaderValue>,
    /// Why the attempt ended without an answer to hand over: no token could be
    /// obtained, or the body was over the size limit.
    not_sent: Option<Error>,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

impl CallRecord {
    fn new(attempt: u32) -> Self {
        Self {
            attempt,
            status: None,
            error_headers: None,
            rejected: None,
            not_sent: None,
        }
    }

    /// Records the answer (or failure) of an attempt sent with `sent_with`.
    ///
    /// The wrapper reads no header of a successful answer, so inside a record's
    /// scope those are dropped here, leaving the generated code none to copy into
    /// its `ResponseValue`; a caller of the raw client keeps them.
    pub(crate) fn answered(
        result: &mut reqwest::Result<reqwest::Response>,
        sent_with: HeaderValue,
    ) {
        let Ok(response) = result else { return };
        let status = response.status();
        let _ = CALL.try_with(|record| {
            let mut record = record.borrow_mut();
            record.status = Some(status);
            if status.is_success() {
                drop(std::mem::take(response.headers_mut()));
            } else {
                record.error_headers = Some(response.headers().clone());
                record.rejected = (status == StatusCode::UNAUTHORIZED).then_some(sent_with);
            }
        });
    }

    /// Records why the attempt ended without an answer to hand over, and returns
    /// the stand-in answer the hook must give progenitor instead.
    pub(crate) fn not_sent(error: Error) -> reqwest::Response {
        record(|r| r.not_sent = Some(error));
        unauthorized_placeholder()
    }

    /// What a failed attempt calls for.
    pub(crate) fn verdict(&self, error: &GeneratedError<ZoomError>) -> Verdict {
        match error {
            // A body cut short is one of these: the answer's head arrived, its
            // body did not.
            GeneratedError::CommunicationError(e) | GeneratedError::ResponseBodyError(e) => {
                if is_retryable_error(e) {
                    Verdict::Transient(None)
                } else {
                    Verdict::Final
                }
            }
            GeneratedError::ErrorResponse(_)
            | GeneratedError::UnexpectedResponse(_)
            | GeneratedError::InvalidResponsePayload(..) => match (self.status, &self.rejected) {
                (Some(StatusCode::UNAUTHORIZED), Some(sent_with)) => {
                    Verdict::Unauthorized(sent_with.clone())
                }
                (Some(status), _) if is_retryable_status(status) => {
                    Verdict::Transient(self.error_headers.as_ref().and_then(retry_after))
                }
                _ => Verdict::Final,
            },
            GeneratedError::InvalidUpgrade(_)
            | GeneratedError::InvalidRequest(_)
            | GeneratedError::Custom(_) => Verdict::Final,
        }
    }
}

/// What a failed attempt calls for.
pub(crate) enum Verdict {
    /// A 401 to a request sent with this token: a new one may cure it.
    Unauthorized(HeaderValue),
    /// Worth another attempt, after the server's `Retry-After` if it sent one.
    Transient(Option<Duration>),
    /// The caller's to see.
    Final,
}

fn record(update: impl FnOnce(&mut CallRecord)) {
    // Outside a scope (the raw client used directly) there is nobody to tell.
    let _ = CALL.try_with(|record| update(&mut record.borrow_mut()));
}

/// The number of the attempt the hook is sending, for its span; 1 outside a scope.
pub(crate) fn current_attempt() -> u32 {
    CALL.try_with(|record| record.borrow().attempt).unwrap_or(1)
}

/// One attempt's outcome.
pub(crate) enum Attempt<T> {
    /// The decoded answer.
    Answered(T),
    /// Ended without an answer to hand over; never worth another attempt.
    NotSent(Error),
    /// progenitor's error, with what the hook recorded about it (boxed: the rare
    /// path should not make the common one's value larger).
    Failed(Box<(GeneratedError<ZoomError>, CallRecord)>),
}

/// Runs attempt number `number`, one generated call, inside a fresh record.
pub(crate) async fn attempt<T, F>(number: u32, call: F) -> Attempt<T>
where
    F: Future<Output = Result<ResponseValue<T>, GeneratedError<ZoomError>>>,
{
    let mut scoped = std::pin::pin!(CALL.scope(RefCell::new(CallRecord::new(number)), call));
    let result = scoped.as_mut().await;
    let mut record = scoped
        .take_value()
        .map_or_else(|| CallRecord::new(number), RefCell::into_inner);
    if let Some(error) = record.not_sent.take() {
        return Attempt::NotSent(error);
    }
    match result {
        Ok(value) => Attempt::Answered(value.into_inner()),
        Err(error) => Attempt::Failed(Box::new((error, record))),
    }
}

/// Maps progenitor's error onto ours, reading what it left unread.
pub(crate) async fn convert(error: GeneratedError<ZoomError>, record: CallRecord) -> Error {
    let status = record.status;
    match error {
        GeneratedError::ErrorResponse(answer) => {
            let (status, headers) = (answer.status(), answer.headers().clone());
            Error::from_zoom(status, &headers, answer.into_inner())
        }
        GeneratedError::UnexpectedResponse(response) => {
            let status = response.status();
            let headers = response.headers().clone();
            match response.bytes().await {
                Ok(body) => Error::from_answer(status, &headers, body),
                Err(e) => Error::from(e).with_status(status),
            }
        }
        GeneratedError::InvalidResponsePayload(body, e) => match (status, record.error_headers) {
            // An error status whose body is not Zoom's JSON, e.g. a proxy's HTML page.
            (Some(status), Some(headers)) => Error::from_answer(status, &headers, body),
            _ => Error::decode(status, body, e),
        },
        GeneratedError::CommunicationError(e)
        | GeneratedError::ResponseBodyError(e)
        | GeneratedError::InvalidUpgrade(e) => {
            let error = Error::from(e);
            match status {
                Some(status) if error.status().is_none() => error.with_status(status),
                _ => error,
            }
        }
        GeneratedError::InvalidRequest(detail) | GeneratedError::Custom(detail) => {
            Error::config(detail)
        }
    }
}

/// Stands in for the answer of a request that could not be sent, mostly for want
/// of a token. [`attempt`] replaces it with the recorded error; a caller of the raw
/// client sees a 401, which is what it mostly amounts to.
fn unauthorized_placeholder() -> reqwest::Response {
    let mut response = http::Response::new(r#"{"message":"no access token could be obtained"}"#);
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    reqwest::Response::from(response)
}
