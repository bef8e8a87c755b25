//! The axum handler on a real loopback server: Zoom-style deliveries sent by the
//! generated client are verified, answered, and handed to the callback.
#![cfg(feature = "axum")]

mod webhook_fixtures;

use std::time::{SystemTime, UNIX_EPOCH};

use futures_util::StreamExt as _;
use progenitor_client::{ByteStream, Error, ResponseValue};
use tokio::sync::mpsc;
use webhook_fixtures::*;
use zoom_cobrowse::test_util::{DeliveryClient, TestSigner};
use zoom_cobrowse::webhook::{Event, Receiver, WebhookError, axum::handler, types};

/// What the callback saw: the event name, or the rejection's status.
type Seen = Result<String, u16>;

/// Serves the handler at `/` on an ephemeral loopback port; the callback reports
/// each outcome on the returned channel.
async fn serve() -> (String, mpsc::UnboundedReceiver<Seen>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let route = handler(Receiver::new(secret()).unwrap(), move |outcome| {
        let tx = tx.clone();
        async move {
            let seen = outcome
                .map(|d| d.event().name().to_string())
                .map_err(|e: WebhookError| e.status().as_u16());
            tx.send(seen).unwrap();
        }
    });
    let app = axum::Router::new().route("/", route);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), rx)
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn event(json: &str) -> types::WebhookEvent {
    serde_json::from_str(json).unwrap()
}

#[tokio::test]
async fn answers_url_validation_with_the_python_known_answer() {
    let (url, mut seen) = serve().await;
    let challenge = event(&format!(
        r#"{{"event":"endpoint.url_validation","event_ts":1,"payload":{{"plainToken":"{PLAIN_TOKEN}"}}}}"#
    ));
    let ts = now();
    let signature = TestSigner::new(secret())
        .signature_for_json(ts, &challenge)
        .unwrap();
    let response = deliver(&url, ts, signature, challenge).await.unwrap();
    assert_eq!(response.status(), 200);
    let body = collect(response.into_inner()).await;
    let answer: types::UrlValidationResponse = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer.plain_token, PLAIN_TOKEN);
    assert_eq!(answer.encrypted_token, ENCRYPTED_TOKEN);
    assert_eq!(
        seen.recv().await.unwrap(),
        Ok(Event::URL_VALIDATION.to_string())
    );
}

/// Collects a progenitor byte stream.
async fn collect(mut stream: ByteStream) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(chunk) = stream.next().await {
        body.extend_from_slice(&chunk.unwrap());
    }
    body
}

#[tokio::test]
async fn delivers_each_cobrowse_event_to_the_callback() {
    let (url, mut seen) = serve().await;
    let signer = TestSigner::new(secret());
    for name in [
        Event::SESSION_STARTED,
        Event::SESSION_USER_JOINED,
        Event::SESSION_USER_LEFT,
        Event::SESSION_ENDED,
        "cobrowse.something_new",
    ] {
        let body = event(&format!(
            r#"{{"event":"{name}","event_ts":1,"payload":{{"account_id":"a","object":{{"session_id":"s"}}}}}}"#
        ));
        let ts = now();
        let response = deliver(
            &url,
            ts,
            signer.signature_for_json(ts, &body).unwrap(),
            body,
        )
        .await
        .unwrap();
        assert_eq!(response.status(), 200, "{name}");
        assert_eq!(seen.recv().await.unwrap(), Ok(name.to_string()));
    }
}

#[tokio::test]
async fn rejects_forged_and_replayed_deliveries_over_http() {
    let (url, mut seen) = serve().await;
    let body = event(STARTED_BODY);

    // Signed with another secret.
    let ts = now();
    let forged = TestSigner::new("another-secret".to_string().into())
        .signature_for_json(ts, &body)
        .unwrap();
    let err = deliver(&url, ts, forged, body.clone()).await;
    assert_eq!(status_of_error(err), 401);
    assert_eq!(seen.recv().await.unwrap(), Err(401));

    // Authentic but ten minutes old.
    let old = now() - 600;
    let signature = TestSigner::new(secret())
        .signature_for_json(old, &body)
        .unwrap();
    let err = deliver(&url, old, signature, body).await;
    assert_eq!(status_of_error(err), 401);
    assert_eq!(seen.recv().await.unwrap(), Err(401));
}

/// Delivers `body` with the given timestamp and signature, as Zoom would.
async fn deliver(
    url: &str,
    timestamp: i64,
    signature: String,
    body: types::WebhookEvent,
) -> Result<ResponseValue<ByteStream>, Error<()>> {
    DeliveryClient::new(url)
        .deliver_event()
        .x_zm_request_timestamp(timestamp)
        .x_zm_signature(signature)
        .body(body)
        .send()
        .await
}

/// The status of a delivery the receiver refused, as the generated client reports it.
fn status_of_error<T>(result: Result<T, Error<()>>) -> u16 {
    match result {
        Err(Error::ErrorResponse(response)) => response.status().as_u16(),
        Err(other) => panic!("expected an error response, got {other}"),
        Ok(_) => panic!("expected the delivery to be refused"),
    }
}

#[tokio::test]
async fn a_signed_body_that_is_not_json_gets_400() {
    let (url, mut seen) = serve().await;
    let body = b"not json".to_vec();
    let response = reqwest::Client::new()
        .post(format!("{url}/"))
        .headers(TestSigner::new(secret()).headers(now(), &body))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .starts_with("the body is not a JSON event")
    );
    assert_eq!(seen.recv().await.unwrap(), Err(400));
}

#[tokio::test]
async fn a_request_without_signature_headers_gets_401() {
    let (url, mut seen) = serve().await;
    let response = reqwest::Client::new()
        .post(format!("{url}/"))
        .body(STARTED_BODY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(seen.recv().await.unwrap(), Err(401));
}
