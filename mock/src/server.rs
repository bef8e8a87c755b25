//! The connection layer: accepts connections on loopback, applies the fault plan to
//! each request, and writes the answer (or half of it, or nothing).
//!
//! hyper's connection API is used directly because dropping a connection without an
//! answer, or cutting a body short after its headers, needs the connection in hand.

use std::fmt;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::header::CONTENT_LENGTH;
use http::{Request, Response};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

use super::faults::{Decision, Fault};
use super::response::{ApiError, Reply};
use super::routes::{self, Route};
use super::state::Shared;

/// The largest request body read (only the token endpoint reads one).
const MAX_BODY: usize = 64 * 1024;

/// Serves connections until the task running it is aborted; aborting drops the
/// `JoinSet`, which aborts every connection too.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors or similar: wait instead of spinning.
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        while connections.try_join_next().is_some() {}
        let shared = shared.clone();
        connections.spawn(async move {
            let service = service_fn(move |request| handle(shared.clone(), request));
            // A connection ends in an error when a fault drops or cuts it, or when
            // the client goes away: both are part of the job.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A failure the fault plan asked for (or a client that left). Returned by the
/// service, it makes hyper close the connection without answering; ending a body, it
/// makes hyper close it mid-body.
#[derive(Debug)]
pub(crate) struct Injected(&'static str);

impl fmt::Display for Injected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} by fault injection", self.0)
    }
}

impl std::error::Error for Injected {}

async fn handle(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<ReplyBody>, Injected> {
    let route = Route::find(request.method(), request.uri().path());
    let Decision { latency, fault } = {
        let mut state = shared.lock();
        match &route {
            Route::Api { operation, .. } => state.stats.count_request(*operation),
            Route::TokenEndpoint => state.stats.token_requests += 1,
            Route::Unrouted(_) => state.stats.unrouted += 1,
        }
        let decision = state.faults.decide(route.target());
        if let Some(fault) = &decision.fault {
            state.stats.faults_injected += 1;
            if matches!(fault, Fault::TooManyRequests { .. }) {
                state.stats.rate_limited += 1;
            }
        }
        decision
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let reply = match &fault {
        Some(Fault::DropConnection) => return Err(Injected("connection dropped")),
        Some(Fault::Stall) => {
            tokio::time::sleep(STALL).await;
            return Err(Injected("stalled"));
        }
        Some(Fault::HugeBody {
            bytes,
            declare_length,
        }) => return Ok(huge_body(*bytes, *declare_length)),
        Some(Fault::EchoAuthorization { html }) => echo_authorization(request.headers(), *html),
        Some(Fault::Answer {
            status,
            headers,
            body,
        }) => canned(*status, headers, body),
        Some(Fault::ServerError(status)) => ApiError::server_error(status.code()).into(),
        Some(Fault::ProxyErrorPage(status)) => Reply::proxy_error_page(status.code()),
        Some(Fault::TooManyRequests { retry_after }) => {
            Reply::from(ApiError::too_many_requests("per-second"))
                .header("retry-after", retry_after.as_secs())
        }
        _ => {
            let (parts, body) = request.into_parts();
            let body = match Limited::new(body, MAX_BODY).collect().await {
                Ok(body) => body.to_bytes(),
                Err(e) if e.is::<LengthLimitError>() => {
                    let status = http::StatusCode::PAYLOAD_TOO_LARGE;
                    let reply = ApiError::new(status, 413, "Request body too large.");
                    return Ok(respond(reply.into(), None));
                }
                // The client went away mid-body: there is no one to answer.
                Err(_) => return Err(Injected("request body aborted")),
            };
            let query = parts.uri.query().unwrap_or_default();
            let endless = matches!(fault, Some(Fault::EndlessPages));
            // An endless listing answers every request as its first page.
            let query = if endless {
                without_page_token(query)
            } else {
                query.to_owned()
            };
            let reply = routes::answer(
                &shared,
                routes::Request {
                    route,
                    headers: &parts.headers,
                    query: &query,
                    body: &body,
                },
            );
            if endless {
                with_fresh_page_token(reply)
            } else {
                reply
            }
        }
    };
    Ok(respond(reply, fault.as_ref()))
}

/// How long [`Fault::Stall`] holds a request: longer than any test waits.
const STALL: Duration = Duration::from_secs(3600);

/// Numbers the page tokens [`Fault::EndlessPages`] invents, so each is new.
static ENDLESS_TOKENS: AtomicU64 = AtomicU64::new(0);

fn without_page_token(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| !pair.starts_with("next_page_token="))
        .collect::<Vec<_>>()
        .join("&")
}

/// `reply` with its `next_page_token` replaced by one never sent before.
fn with_fresh_page_token(reply: Reply) -> Reply {
    let Ok(mut page) = serde_json::from_slice::<serde_json::Value>(&reply.body) else {
        return reply;
    };
    let Some(fields) = page.as_object_mut() else {
        return reply;
    };
    let n = ENDLESS_TOKENS.fetch_add(1, Ordering::Relaxed);
    fields.insert("next_page_token".into(), format!("endless{n:08}").into());
    Reply::json(reply.status, &page)
}

/// 200 and `bytes` spaces, made on the fly in 64 KiB chunks.
fn huge_body(bytes: u64, declare_length: bool) -> Response<ReplyBody> {
    static CHUNK: [u8; 64 * 1024] = [b' '; 64 * 1024];
    let mut response = Response::new(ReplyBody::Repeat {
        chunk: Bytes::from_static(&CHUNK),
        remaining: bytes,
        declare_length,
    });
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}

/// 400 repeating the request's `Authorization`, as JSON or in an HTML page.
fn echo_authorization(headers: &http::HeaderMap, html: bool) -> Reply {
    let echoed = headers
        .get(http::header::AUTHORIZATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    let status = http::StatusCode::BAD_REQUEST;
    if html {
        let page = format!(
            "<html><body><h1>400 Bad Request</h1><p>Rejected header: Authorization: {echoed}</p></body></html>"
        );
        return canned(400, &[("content-type".into(), "text/html".into())], &page);
    }
    Reply::json(
        status,
        &serde_json::json!({
            "code": 400,
            "message": format!("Bad header Authorization: {echoed}"),
            "reason": format!("Bad header Authorization: {echoed}"),
            "error": echoed,
        }),
    )
}

/// Exactly the answer a [`Fault::Answer`] describes.
fn canned(status: u16, headers: &[(String, String)], body: &str) -> Reply {
    let mut reply = Reply::json(
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        &(),
    );
    reply.body = Bytes::from(body.to_owned());
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) {
            reply.headers.insert(name, value);
        }
    }
    reply
}

/// Turns a reply into the response hyper writes, mangled as `fault` says.
fn respond(reply: Reply, fault: Option<&Fault>) -> Response<ReplyBody> {
    let Reply {
        status,
        mut headers,
        body,
    } = reply;
    let half = body.slice(..body.len() / 2);
    let body = match fault {
        // Headers promise the whole body; the connection closes after half of it.
        Some(Fault::TruncatedBody) => {
            headers.insert(CONTENT_LENGTH, body.len().into());
            ReplyBody::CutAfter(Some(half), Cut::Sending)
        }
        Some(Fault::MalformedJson) => ReplyBody::Whole(Some(half)),
        _ => ReplyBody::Whole(Some(body)),
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// A response body: whole, or cut off with an error that makes hyper close the
/// connection mid-body.
pub(crate) enum ReplyBody {
    Whole(Option<Bytes>),
    CutAfter(Option<Bytes>, Cut),
    /// `chunk` again and again until `remaining` bytes are sent.
    Repeat {
        chunk: Bytes,
        remaining: u64,
        declare_length: bool,
    },
}

/// How far a cut body has gone.
pub(crate) enum Cut {
    Sending,
    /// The part has been handed to hyper; one `Pending` lets hyper flush it (and the
    /// headers) to the socket before the error closes the connection.
    Flushing,
    Done,
}

impl Body for ReplyBody {
    type Data = Bytes;
    type Error = Injected;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Injected>>> {
        match self.get_mut() {
            ReplyBody::Whole(chunk) => Poll::Ready(chunk.take().map(|c| Ok(Frame::data(c)))),
            ReplyBody::CutAfter(chunk, cut) => match cut {
                Cut::Sending => {
                    *cut = Cut::Flushing;
                    Poll::Ready(chunk.take().map(|c| Ok(Frame::data(c))))
                }
                Cut::Flushing => {
                    *cut = Cut::Done;
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
                Cut::Done => Poll::Ready(Some(Err(Injected("body cut short")))),
            },
            ReplyBody::Repeat {
                chunk, remaining, ..
            } => {
                if *remaining == 0 {
                    return Poll::Ready(None);
                }
                let n = chunk
                    .len()
                    .min(usize::try_from(*remaining).unwrap_or(usize::MAX));
                *remaining -= n as u64;
                Poll::Ready(Some(Ok(Frame::data(chunk.slice(..n)))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(
            self,
            ReplyBody::Whole(None) | ReplyBody::Repeat { remaining: 0, .. }
        )
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            ReplyBody::Whole(chunk) => {
                SizeHint::with_exact(chunk.as_ref().map_or(0, |c| c.len() as u64))
            }
            // Unknown, so hyper keeps the Content-Length header the fault set.
            ReplyBody::CutAfter(..) => SizeHint::default(),
            ReplyBody::Repeat {
                remaining,
                declare_length: true,
                ..
            } => SizeHint::with_exact(*remaining),
            // Unknown: hyper sends it chunked.
            ReplyBody::Repeat { .. } => SizeHint::default(),
        }
    }
}
