//! Verify + decode of a 2 KiB `cobrowse.session_started` delivery, against a
//! hand-written baseline doing the minimum any receiver must: HMAC-SHA256 over the
//! signed message, constant-time compare, and `serde_json::from_slice` into a
//! `serde_json::Value`. Prints events per second on one core and the ratio.

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hmac::{Hmac, KeyInit, Mac};
use secrecy::SecretString;
use sha2::Sha256;
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::webhook::{Event, Receiver};

const SECRET: &str = "kF3v9Qw2RzT8yLmN4pXb";
const TIMESTAMP: i64 = 1_743_483_350;
const BODY_LEN: usize = 2048;

/// Zoom's session_started example, grown to exactly 2 KiB with a long start URL
/// and fields the crate does not model, as a busy production event might be.
fn body() -> Vec<u8> {
    let frame = |pad: &str| {
        format!(
            r#"{{"event":"cobrowse.session_started","event_ts":1743483350000,"payload":{{"account_id":"TEODL21kRmehjRceRnyYqw","object":{{"session_id":"4567UVWxYZABCdEfGhiJkl==","start_url":"https://shop.example.com/checkout/cart?step=payment&ref={pad}","user_id":"YZ8uRj9zRf2yY5cshmzrTA","user_name":"exampleuser","role_type":"customer","start_time":"2025-04-01T12:22:26Z","browser":"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36","labels":["checkout","priority","returning-customer"],"device":{{"os":"Linux","screen":"1920x1080","language":"en-US"}}}}}}}}"#
        )
    };
    let fixed = frame("").len();
    let body = frame(&"x".repeat(BODY_LEN - fixed)).into_bytes();
    assert_eq!(body.len(), BODY_LEN);
    body
}

/// The baseline: what a hand-written receiver does, with no typed decoding.
fn baseline(secret: &[u8], timestamp: &str, signature: &str, body: &[u8]) -> serde_json::Value {
    let mut expected = [0u8; 32];
    hex::decode_to_slice(&signature[3..], &mut expected).unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).unwrap();
    mac.update(b"v0:");
    mac.update(timestamp.as_bytes());
    mac.update(b":");
    mac.update(body);
    mac.verify_slice(&expected).unwrap();
    serde_json::from_slice(body).unwrap()
}

struct Fixture {
    receiver: Receiver,
    headers: http::HeaderMap,
    body: Vec<u8>,
    now: SystemTime,
    signature: String,
}

fn fixture() -> Fixture {
    let body = body();
    let signer = TestSigner::new(SecretString::from(SECRET));
    let fixture = Fixture {
        receiver: Receiver::new(SecretString::from(SECRET)).unwrap(),
        headers: signer.headers(TIMESTAMP, &body),
        signature: signer.signature(TIMESTAMP, &body),
        now: UNIX_EPOCH + Duration::from_secs(TIMESTAMP as u64),
        body,
    };
    // Both paths must accept the delivery, or the bench measures a failure path.
    let delivery = fixture
        .receiver
        .verify_at(&fixture.headers, &fixture.body, fixture.now);
    assert!(matches!(
        delivery.unwrap().event(),
        Event::SessionStarted(_)
    ));
    baseline(
        SECRET.as_bytes(),
        "1743483350",
        &fixture.signature,
        &fixture.body,
    );
    fixture
}

fn verify_decode(c: &mut Criterion) {
    let f = fixture();
    let mut group = c.benchmark_group("webhook_verify_decode_2KiB");
    group.throughput(Throughput::Elements(1));
    group.bench_function("zoom_cobrowse_receiver", |b| {
        b.iter(|| {
            f.receiver
                .verify_at(black_box(&f.headers), black_box(&f.body), f.now)
        })
    });
    group.bench_function("baseline_hmac_and_value", |b| {
        b.iter(|| {
            baseline(
                SECRET.as_bytes(),
                "1743483350",
                black_box(&f.signature),
                black_box(&f.body),
            )
        })
    });
    group.finish();
    summary(&f);
}

/// Events per second of each path, and the ratio. The paths alternate in short
/// rounds and each keeps its best round, so other load on the machine skews
/// neither side more than the other.
fn summary(f: &Fixture) {
    let round = |run: &dyn Fn()| {
        let start = Instant::now();
        let mut events = 0u64;
        while start.elapsed() < Duration::from_millis(400) {
            for _ in 0..500 {
                run();
            }
            events += 500;
        }
        events as f64 / start.elapsed().as_secs_f64()
    };
    let ours = || {
        black_box(
            f.receiver
                .verify_at(black_box(&f.headers), black_box(&f.body), f.now)
                .unwrap(),
        );
    };
    let base = || {
        black_box(baseline(
            SECRET.as_bytes(),
            "1743483350",
            black_box(&f.signature),
            black_box(&f.body),
        ));
    };
    let (mut best_ours, mut best_base) = (0f64, 0f64);
    for _ in 0..5 {
        best_ours = best_ours.max(round(&ours));
        best_base = best_base.max(round(&base));
    }
    println!("\nverify + decode of a {BODY_LEN}-byte event, one core (best of 5 rounds):");
    println!("  zoom_cobrowse Receiver : {best_ours:>10.0} events/s (target >= 200000)");
    println!("  baseline (hmac + Value): {best_base:>10.0} events/s");
    println!("  ratio ours / baseline  : {:>10.2}", best_ours / best_base);
}

criterion_group!(benches, verify_decode);
criterion_main!(benches);
