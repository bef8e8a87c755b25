//! A ready axum handler: verifies each delivery, answers URL validation, and hands
//! the outcome to your callback.

use std::future::Future;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::routing::MethodRouter;

use super::{Delivery, Receiver, WebhookError};

/// A `POST` route for Zoom's deliveries, to mount at your Event Notification
/// Endpoint URL.
///
/// For each request it verifies the delivery with `receiver`, awaits
/// `on_delivery` with the outcome (a verified [`Delivery`], URL validation
/// included, or the [`WebhookError`] it was rejected with, for your logs), then
/// answers as [`Receiver::respond`] does. With a receiver
/// [`with_fleet`](Receiver::with_fleet), a delivery some replica already
/// accepted arrives as [`WebhookError::Duplicate`] ([`Receiver::verify_once`]).
/// Zoom wants an answer within 3 seconds: hand slow work to a queue or a
/// spawned task.
///
/// ```
/// use secrecy::SecretString;
/// use zoom_cobrowse::webhook::{Receiver, axum::handler};
///
/// let receiver = Receiver::new(SecretString::from("secret-token")).expect("not empty");
/// let app: axum::Router = axum::Router::new().route(
///     "/zoom/webhook",
///     handler(receiver, |outcome| async move {
///         match outcome {
///             Ok(delivery) => println!("{}: {}", delivery.event().name(), delivery.raw_json()),
///             Err(rejected) => eprintln!("rejected: {rejected}"),
///         }
///     }),
/// );
/// ```
pub fn handler<S, F, Fut>(receiver: Receiver, on_delivery: F) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
    F: Fn(Result<Delivery, WebhookError>) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let receiver = Arc::new(receiver);
    axum::routing::post(move |headers: http::HeaderMap, body: Bytes| {
        let receiver = Arc::clone(&receiver);
        let on_delivery = on_delivery.clone();
        async move {
            let outcome = receiver.verify_once(&headers, &body).await;
            let response = receiver.respond(&outcome);
            on_delivery(outcome).await;
            response.map(Body::from)
        }
    })
}
