//! A small Zoom webhook receiver that logs every decoded Cobrowse event.
//!
//! ```text
//! ZOOM_WEBHOOK_SECRET_TOKEN=... cargo run --features axum --example webhook_receiver [ADDR]
//! ```
//!
//! It listens on ADDR (default 127.0.0.1:8080) and serves `POST /zoom/webhook`:
//! put a tunnel in front of it and enter that URL as the app's Event Notification
//! Endpoint URL. It answers Zoom's URL validation by itself.

use std::process::ExitCode;

use secrecy::SecretString;
use zoom_cobrowse::webhook::{self, Delivery, Event, WebhookError};

const SECRET_VAR: &str = "ZOOM_WEBHOOK_SECRET_TOKEN";

#[tokio::main]
async fn main() -> ExitCode {
    let Some(secret) = std::env::var_os(SECRET_VAR).and_then(|s| s.into_string().ok()) else {
        eprintln!("set {SECRET_VAR} to the app's webhook secret token");
        return ExitCode::from(2);
    };
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let receiver = match webhook::Receiver::new(SecretString::from(secret)) {
        Ok(receiver) => receiver,
        Err(e) => {
            eprintln!("{SECRET_VAR}: {e}");
            return ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on http://{addr}/zoom/webhook");
    let shutdown = async {
        // Without a Ctrl-C handler the server simply runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    if let Err(e) = axum::serve(listener, app(receiver))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server failed: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The routes: Zoom's deliveries at `/zoom/webhook`, verified and logged.
fn app(receiver: webhook::Receiver) -> axum::Router {
    axum::Router::new().route(
        "/zoom/webhook",
        webhook::axum::handler(receiver, |outcome| async move { log(outcome) }),
    )
}

fn log(outcome: Result<Delivery, WebhookError>) {
    let delivery = match outcome {
        Ok(delivery) => delivery,
        Err(rejected) => {
            println!("rejected ({}): {rejected}", rejected.status());
            return;
        }
    };
    match delivery.event() {
        Event::SessionStarted(e) => {
            let o = &e.payload.object;
            println!(
                "session {} started by {} on {}",
                o.session_id,
                shown(&o.user_name),
                shown(&o.start_url)
            );
        }
        Event::SessionEnded(e) => {
            let o = &e.payload.object;
            let end = o.end_time.map(|t| t.to_rfc3339());
            println!(
                "session {} ended at {}: {}",
                o.session_id,
                shown(&end),
                shown(&o.end_reason)
            );
        }
        Event::SessionUserJoined(e) => {
            let o = &e.payload.object;
            println!(
                "{} ({}) joined session {}",
                shown(&o.user_name),
                shown(&o.role_type),
                o.session_id
            );
        }
        Event::SessionUserLeft(e) => {
            let o = &e.payload.object;
            println!(
                "{} left session {}: {}",
                shown(&o.user_name),
                o.session_id,
                shown(&o.leave_reason)
            );
        }
        Event::UrlValidation(_) => println!("answered Zoom's URL validation"),
        other => println!("{}: {}", other.name(), delivery.raw_json()),
    }
}

/// An optional field for the log: its value, or `-` when Zoom left it out.
fn shown<T: std::fmt::Display>(field: &Option<T>) -> String {
    field.as_ref().map_or_else(|| "-".into(), T::to_string)
}

#[cfg(test)]
mod tests {
    use zoom_cobrowse::test_util::TestSigner;

    use super::*;

    const SECRET: &str = "example-webhook-secret";

    async fn serve() -> String {
        let receiver = webhook::Receiver::new(SecretString::from(SECRET)).unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app(receiver)).await });
        format!("http://{addr}/zoom/webhook")
    }

    async fn deliver(url: &str, body: &'static [u8], secret: &str) -> reqwest::Response {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let headers = TestSigner::new(SecretString::from(secret)).headers(now, body);
        reqwest::Client::new()
            .post(url)
            .headers(headers)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    const ENDED: &[u8] = br#"{"event":"cobrowse.session_ended","event_ts":1743483350000,
        "payload":{"account_id":"acc","object":{"session_id":"s1","end_reason":"agent left"}}}"#;

    #[tokio::test]
    async fn a_signed_delivery_is_accepted_and_a_forged_one_refused() {
        let url = serve().await;
        assert_eq!(deliver(&url, ENDED, SECRET).await.status(), 200);
        assert_eq!(deliver(&url, ENDED, "another-secret").await.status(), 401);
    }

    #[tokio::test]
    async fn zoom_url_validation_is_answered_with_the_hmac_of_the_token() {
        let url = serve().await;
        let body = br#"{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680}"#;
        let answer: serde_json::Value = deliver(&url, body, SECRET).await.json().await.unwrap();
        assert_eq!(answer["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
        // Zoom's rule, computed here independently: hex(HMAC-SHA256(secret, plainToken)).
        use hmac::{KeyInit, Mac};
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(b"qgg8vlvZRS6UYooatFL8Aw");
        assert_eq!(
            answer["encryptedToken"],
            hex::encode(mac.finalize().into_bytes())
        );
    }
}
