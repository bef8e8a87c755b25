//! The real client's answer path, over HTTP on loopback: a small server in the same
//! process answers each call with the fuzzer's status, `Retry-After` and body.
//!
//! Input: one byte picks the operation (get_session, or the first page of live
//! sessions, past sessions or session users); two bytes the status (200–599,
//! big-endian, modulo 400); one byte the length of the `Retry-After` value that
//! follows (0: no header); the rest is the body.
//!
//! Properties: nothing panics or hangs; a 200 whose body decodes gives exactly the
//! decoded value, one that does not gives a `Decode` error that keeps the body (its
//! first `ERROR_BODY_LIMIT` bytes, the access token redacted); any other status
//! gives an `Api` error with that status and either Zoom's code and message (the
//! token redacted) or the body as kept; `Retry-After` is read when it is digits
//! (capped at `MAX_RETRY_AFTER`) or an HTTP date; the helpers agree with the
//! status; neither `Display` nor `Debug` shows the access token, even when the
//! server echoes it.
#![no_main]

use std::fmt::Debug;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use http::StatusCode;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::Runtime;
use zoom_cobrowse::types::ZoomError;
use zoom_cobrowse::{
    CODE_PAGE_TOKEN_EXPIRED, Client, Credentials, ERROR_BODY_LIMIT, Error, ErrorKind,
    MAX_RETRY_AFTER, RetryPolicy,
};

const TOKEN: &str = "fuzz-access-token-91c4";

/// One runtime, server and client for the whole run: a fresh one per input would
/// measure set-up, not the answer path.
struct Harness {
    runtime: Runtime,
    client: Client,
    /// The raw HTTP response the server sends to the next request.
    answer: Arc<Mutex<Vec<u8>>>,
}

static HARNESS: LazyLock<Harness> = LazyLock::new(|| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let listener = runtime
        .block_on(TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let address = listener.local_addr().expect("a bound address");
    let answer = Arc::new(Mutex::new(Vec::new()));
    runtime.spawn(serve(listener, answer.clone()));
    let client = Client::builder(Credentials::bearer(TOKEN))
        .base_url(format!("http://{address}"))
        .retry(RetryPolicy::disabled())
        .no_rate_limits()
        .timeout(Duration::from_secs(5))
        .build()
        .expect("the client builds");
    Harness {
        runtime,
        client,
        answer,
    }
});

async fn serve(listener: TcpListener, answer: Arc<Mutex<Vec<u8>>>) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(connection(stream, answer.clone()));
    }
}

/// Answers each request on a kept-alive connection with the current answer.
async fn connection(mut stream: TcpStream, answer: Arc<Mutex<Vec<u8>>>) {
    let mut request = Vec::new();
    let mut chunk = [0; 4096];
    loop {
        // The client sends GETs without bodies: a request ends with its head.
        while let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            request.drain(..end + 4);
            let response = answer.lock().expect("no panic holds the lock").clone();
            if stream.write_all(&response).await.is_err() {
                return;
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [operation, status_high, status_low, retry_len, rest @ ..] = data else {
        return;
    };
    let status = 200 + u16::from_be_bytes([*status_high, *status_low]) % 400;
    let status = StatusCode::from_u16(status).expect("200..=599 are statuses");
    let (retry_after, body) = rest.split_at(usize::from(*retry_len).min(rest.len()));
    // Header values cannot hold CR, LF or other controls; one that would is not sent.
    let retry_after = (!retry_after.is_empty())
        .then(|| http::HeaderValue::from_bytes(retry_after).ok())
        .flatten();
    // These statuses have no body in HTTP.
    let body = match status {
        StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED => &[][..],
        _ => body,
    };

    let mut response = format!(
        "HTTP/1.1 {} Fuzz\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        status.as_u16(),
        body.len()
    )
    .into_bytes();
    if let Some(value) = &retry_after {
        response.extend_from_slice(b"retry-after: ");
        response.extend_from_slice(value.as_bytes());
        response.extend_from_slice(b"\r\n");
    }
    response.extend_from_slice(b"\r\n");
    response.extend_from_slice(body);

    let harness = &*HARNESS;
    *harness.answer.lock().expect("no panic holds the lock") = response;
    let client = &harness.client;
    let answer = Answer {
        status,
        retry_after: retry_after.as_ref(),
        body,
    };
    harness.runtime.block_on(async {
        match operation % 4 {
            0 => answer.check(client.get_session("s1").await),
            1 => answer.check(client.live_sessions().page(None).await),
            2 => answer.check(client.past_sessions().page(None).await),
            _ => answer.check(client.session_users("s1").page(None).await),
        }
    });
});

/// The part of a foreign body an error keeps: its first `ERROR_BODY_LIMIT`
/// bytes, with the access token redacted.
fn kept(body: &[u8]) -> Vec<u8> {
    let body = &body[..body.len().min(ERROR_BODY_LIMIT)];
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with(TOKEN.as_bytes()) {
            out.extend_from_slice(b"[REDACTED]");
            rest = &rest[TOKEN.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

/// What the server sent.
struct Answer<'a> {
    status: StatusCode,
    retry_after: Option<&'a http::HeaderValue>,
    body: &'a [u8],
}

impl Answer<'_> {
    fn check<T: DeserializeOwned + PartialEq + Debug>(&self, result: Result<T, Error>) {
        let decoded = serde_json::from_slice::<T>(self.body);
        let error = match (self.status, result, decoded) {
            (StatusCode::OK, Ok(value), Ok(expected)) => return assert_eq!(value, expected),
            (StatusCode::OK, Err(error), Err(_)) => {
                assert_eq!(error.kind(), ErrorKind::Decode, "{error:?}");
                assert_eq!(error.body(), Some(&kept(self.body)[..]), "the body is lost");
                error
            }
            (_, Ok(value), _) => panic!("{} answered {value:?}", self.status),
            (StatusCode::OK, Err(error), Ok(expected)) => {
                panic!("a decodable body ({expected:?}) failed: {error:?}")
            }
            (_, Err(error), _) => {
                self.check_api_error(&error);
                error
            }
        };
        assert_eq!(error.status(), Some(self.status));
        assert_eq!(error.is_not_found(), self.status == StatusCode::NOT_FOUND);
        assert_eq!(
            error.is_rate_limited(),
            self.status == StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            error.is_unauthorized(),
            self.status == StatusCode::UNAUTHORIZED
        );
        assert!(!error.is_transport(), "{error:?}");
        assert!(error.operation().is_some(), "{error:?}");
        let shown = format!("{error} {error:?}");
        // Redacted even when the server echoes it.
        assert!(!shown.contains(TOKEN), "the token leaked: {shown}");
    }

    fn check_api_error(&self, error: &Error) {
        assert_eq!(error.kind(), ErrorKind::Api, "{error:?}");
        match serde_json::from_slice::<ZoomError>(self.body) {
            Ok(zoom) => {
                assert_eq!(error.code(), zoom.code);
                let redacted = zoom.message.map(|m| m.replace(TOKEN, "[REDACTED]"));
                assert_eq!(error.message(), redacted.as_deref());
            }
            Err(_) => {
                assert_eq!((error.code(), error.message()), (None, None));
                assert_eq!(error.body(), Some(&kept(self.body)[..]), "the body is lost");
            }
        }
        assert_eq!(
            error.is_page_token_expired(),
            self.status == StatusCode::BAD_REQUEST && error.code() == Some(CODE_PAGE_TOKEN_EXPIRED)
        );
        let readable = self
            .retry_after
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
            .map(str::trim);
        // RFC 9110 delta-seconds: digits only (Rust's parser would also take "+5").
        let digits = readable.filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
        let expected =
            digits.is_some() || readable.is_some_and(|v| httpdate::parse_http_date(v).is_ok());
        assert_eq!(
            error.retry_after().is_some(),
            expected,
            "{:?}",
            self.retry_after
        );
        if let Some(delay) = error.retry_after() {
            assert!(delay <= MAX_RETRY_AFTER, "{delay:?}");
        }
        if let Some(digits) = digits {
            let seconds = digits.parse::<u64>().unwrap_or(u64::MAX);
            let capped = Duration::from_secs(seconds).min(MAX_RETRY_AFTER);
            assert_eq!(error.retry_after(), Some(capped));
        }
    }
}
