//! How an error travels from progenitor's `exec` hook back to the caller.
//!
//! progenitor fixes two things this crate cannot change. Its `exec` hook
//! ([`crate::transport`]) may only return `reqwest::Result<reqwest::Response>`, so it
//! cannot say "no token could be obtained" or hand back our [`Error`]; and its
//! generated code, given an error answer whose body is not JSON (a proxy's HTML
//! page), reports only the body and drops the status and headers.
//!
//! So every call of the hand-written client runs through [`call`], inside a
//! task-local [`CallRecord`]. The hook writes into it what the generated code cannot
//! carry: the final status and, for an error, its headers; or an error of our own
//! that ended the call without an answer to hand over: no token could be obtained,
//! or the body was larger than the client accepts. In that last case the hook also
//! has to return *some* response: it returns a made-up 401
//! ([`unauthorized_placeholder`]), which [`call`] replaces with the recorded error.
//! A caller of the raw generated client, who has no record, sees that 401.
//!
//! After the generated future finishes, [`call`] reads the record and maps
//! progenitor's error onto ours ([`convert`]).

use std::cell::RefCell;

use progenitor_client::{Error as GeneratedError, ResponseValue};
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::Operation;
use crate::error::Error;
use crate::types::ZoomError;

/// What the hook learnt about one call that the generated code cannot return.
#[derive(Default)]
pub(crate) struct CallRecord {
    /// Status of the last answer.
    status: Option<StatusCode>,
    /// Headers of the last answer, kept only when it was an error.
    error_headers: Option<HeaderMap>,
    /// Why the call ended without an answer to hand over: no token could be
    /// obtained, or the body was over the size limit.
    not_sent: Option<Error>,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

impl CallRecord {
    /// Records the final answer (or failure) of a call.
    pub(crate) fn finished(result: &reqwest::Result<reqwest::Response>) {
        if let Ok(response) = result {
            let status = response.status();
            let headers = (!status.is_success()).then(|| response.headers().clone());
            record(|r| {
                r.status = Some(status);
                r.error_headers = headers;
            });
        }
    }

    /// Records why the call ended without an answer to hand over, and returns the
    /// stand-in answer the hook must give progenitor instead.
    pub(crate) fn not_sent(error: Error) -> reqwest::Response {
        record(|r| r.not_sent = Some(error));
        unauthorized_placeholder()
    }
}

fn record(update: impl FnOnce(&mut CallRecord)) {
    // Outside a scope (the raw client used directly) there is nobody to tell.
    let _ = CALL.try_with(|record| update(&mut record.borrow_mut()));
}

/// Runs one generated call inside a fresh record and turns its outcome into ours.
pub(crate) async fn call<T, F>(operation: Operation, call: F) -> Result<T, Error>
where
    F: Future<Output = Result<ResponseValue<T>, GeneratedError<ZoomError>>>,
{
    let mut scoped = std::pin::pin!(CALL.scope(RefCell::default(), call));
    let result = scoped.as_mut().await;
    let record = scoped
        .take_value()
        .map(RefCell::into_inner)
        .unwrap_or_default();
    if let Some(error) = record.not_sent {
        return Err(error.with_operation(operation.id()));
    }
    match result {
        Ok(value) => Ok(value.into_inner()),
        Err(error) => Err(convert(error, record).await.with_operation(operation.id())),
    }
}

/// Maps progenitor's error onto ours, reading what it left unread.
async fn convert(error: GeneratedError<ZoomError>, record: CallRecord) -> Error {
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
/// of a token. [`call`] replaces it with the recorded error; a caller of the raw
/// client sees a 401, which is what it mostly amounts to.
fn unauthorized_placeholder() -> reqwest::Response {
    let mut response = http::Response::new(r#"{"message":"no access token could be obtained"}"#);
    *response.status_mut() = StatusCode::UNAUTHORIZED;
    reqwest::Response::from(response)
}
