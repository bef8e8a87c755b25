//! The Redis fleet stores against a real Redis server (127.0.0.1:6379, or
//! `REDIS_URL`): each test under a random key prefix of its own, deleted at the
//! end. Several stores in one test are several connections, as replicas are.
//! Outages go through a TCP proxy of the test's own, which it cuts: the shared
//! server is never stopped.

mod fleet_support;

use std::time::{Duration, SystemTime};

use secrecy::{ExposeSecret, SecretString};
use zoom_cobrowse::fleet::{
    Admission, DuplicateFilter, Fleet, Lease, OnUnavailable, RateBudget, RedisStore, StoredToken,
    TokenStore,
};
use zoom_cobrowse::test_util::TestSigner;
use zoom_cobrowse::webhook::{Receiver, WebhookError};
use zoom_cobrowse::{Client, Credentials, RateLimitLabel, RateLimits};
use zoom_cobrowse_mock::MockZoom;

use fleet_support::{HINT, Prefix, Proxy, keys, store};

const LIGHT: RateLimitLabel = RateLimitLabel::Light;

fn quota(per_second: u32) -> zoom_cobrowse::Quota {
    RateLimits::custom()
        .per_second(LIGHT, per_second)
        .get(LIGHT)
        .unwrap()
}

#[tokio::test]
async fn replicas_together_get_exactly_the_limit_in_one_window() {
    let prefix = Prefix::new("limit");
    let replicas = [
        store(&prefix).await,
        store(&prefix).await,
        store(&prefix).await,
    ];
    let mut attempts = Vec::new();
    for _ in 0..10 {
        for replica in &replicas {
            attempts.push(replica.try_acquire("acct", LIGHT, quota(12)));
        }
    }
    let answers: Vec<_> = futures_util::future::join_all(attempts)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let granted = answers.iter().filter(|a| **a == Admission::Granted).count();
    assert_eq!(granted, 12, "30 attempts of 3 replicas within one second");
    for answer in answers {
        if let Admission::Wait(wait) = answer {
            assert!(
                wait > Duration::ZERO && wait <= Duration::from_secs(1),
                "{wait:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_slot_frees_when_the_oldest_leaves_the_window() {
    let prefix = Prefix::new("refill");
    let store = store(&prefix).await;
    let two_per_second = quota(2);
    assert_eq!(
        store
            .try_acquire("acct", LIGHT, two_per_second)
            .await
            .unwrap(),
        Admission::Granted
    );
    assert_eq!(
        store
            .try_acquire("acct", LIGHT, two_per_second)
            .await
            .unwrap(),
        Admission::Granted
    );
    let Admission::Wait(wait) = store
        .try_acquire("acct", LIGHT, two_per_second)
        .await
        .unwrap()
    else {
        panic!("a third slot within the second");
    };
    tokio::time::sleep(wait).await;
    assert_eq!(
        store
            .try_acquire("acct", LIGHT, two_per_second)
            .await
            .unwrap(),
        Admission::Granted,
        "granted once the wait it gave is over"
    );
}

#[tokio::test]
async fn two_accounts_and_two_labels_never_share_a_budget() {
    let prefix = Prefix::new("accounts");
    let store = store(&prefix).await;
    assert_eq!(
        store.try_acquire("a{1}", LIGHT, quota(1)).await.unwrap(),
        Admission::Granted
    );
    assert!(matches!(
        store.try_acquire("a{1}", LIGHT, quota(1)).await.unwrap(),
        Admission::Wait(_)
    ));
    assert_eq!(
        store.try_acquire("a{2}", LIGHT, quota(1)).await.unwrap(),
        Admission::Granted,
        "another account"
    );
    assert_eq!(
        store
            .try_acquire("a{1}", RateLimitLabel::Medium, quota(1))
            .await
            .unwrap(),
        Admission::Granted,
        "another label"
    );
    // Braces in an account are escaped, so each budget's keys share one hash tag.
    let keys = keys(&prefix);
    assert!(
        keys.iter().any(|k| k.ends_with(":{a%7B1%7D}:rate:LIGHT")),
        "{keys:?}"
    );
}

#[tokio::test]
async fn a_pause_after_a_429_holds_every_replica_back() {
    let prefix = Prefix::new("pause");
    let (one, other) = (store(&prefix).await, store(&prefix).await);
    one.pause("acct", LIGHT, Duration::from_millis(800))
        .await
        .unwrap();
    // A shorter pause does not shorten it.
    one.pause("acct", LIGHT, Duration::from_millis(10))
        .await
        .unwrap();
    // Nothing else spends this budget of 100: a wait can only be the pause.
    let Admission::Wait(wait) = other.try_acquire("acct", LIGHT, quota(100)).await.unwrap() else {
        panic!("granted during a pause");
    };
    assert!(wait <= Duration::from_millis(800), "{wait:?}");
    assert_eq!(
        other
            .try_acquire("acct", RateLimitLabel::Heavy, quota(100))
            .await
            .unwrap(),
        Admission::Granted,
        "other labels go on"
    );
}

#[tokio::test]
async fn one_replica_holds_the_token_lock_until_it_releases_or_it_expires() {
    let prefix = Prefix::new("lock");
    let (one, other) = (store(&prefix).await, store(&prefix).await);
    // Long enough that a loaded machine does not let it expire between steps.
    let ttl = Duration::from_secs(2);
    let lease = one.try_lock("app", ttl).await.unwrap().expect("free lock");
    assert_eq!(other.try_lock("app", ttl).await.unwrap(), None);
    // A stranger's lease does not release it.
    other.unlock("app", &Lease::new("not-mine")).await.unwrap();
    assert_eq!(other.try_lock("app", ttl).await.unwrap(), None);
    one.unlock("app", &lease).await.unwrap();
    let taken = other.try_lock("app", ttl).await.unwrap().expect("released");
    // Its holder dies: the lock goes by itself.
    tokio::time::sleep(ttl + Duration::from_millis(50)).await;
    let again = one.try_lock("app", ttl).await.unwrap().expect("expired");
    // The late holder's unlock does not release the new holder's lock.
    other.unlock("app", &taken).await.unwrap();
    assert_eq!(other.try_lock("app", ttl).await.unwrap(), None);
    one.unlock("app", &again).await.unwrap();
}

#[tokio::test]
async fn a_stored_token_is_read_by_another_replica_until_it_expires() {
    let prefix = Prefix::new("token");
    let (one, other) = (store(&prefix).await, store(&prefix).await);
    assert!(other.get("app").await.unwrap().is_none());
    let expires_at = SystemTime::now() + Duration::from_secs(2);
    let token = StoredToken::new(SecretString::from("tok en with spaces"), expires_at);
    one.put("app", &token).await.unwrap();
    let read = other.get("app").await.unwrap().expect("stored");
    assert_eq!(read.token().expose_secret(), "tok en with spaces");
    let drift = read
        .expires_at()
        .duration_since(expires_at)
        .unwrap_or_else(|e| e.duration());
    assert!(drift < Duration::from_millis(2), "{drift:?}");
    assert!(
        !format!("{read:?}").contains("tok en"),
        "Debug shows no token"
    );
    tokio::time::sleep(
        expires_at
            .duration_since(SystemTime::now())
            .unwrap_or_default(),
    )
    .await;
    assert!(other.get("app").await.unwrap().is_none(), "expired");
}

#[tokio::test]
async fn a_delivery_is_first_seen_once_across_replicas_until_its_ttl() {
    let prefix = Prefix::new("dedup");
    let replicas = [store(&prefix).await, store(&prefix).await];
    let ttl = Duration::from_secs(2);
    let firsts = futures_util::future::join_all(
        (0..10).map(|i| replicas[i % 2].first_seen("delivery-1", ttl)),
    )
    .await;
    let firsts = firsts
        .into_iter()
        .map(Result::unwrap)
        .filter(|f| *f)
        .count();
    assert_eq!(firsts, 1, "ten concurrent sightings, one first");
    assert!(replicas[0].first_seen("delivery-2", ttl).await.unwrap());
    tokio::time::sleep(ttl + Duration::from_millis(50)).await;
    assert!(
        replicas[1].first_seen("delivery-1", ttl).await.unwrap(),
        "forgotten after its TTL"
    );
}

#[tokio::test]
async fn bad_urls_and_unreachable_servers_are_typed_errors() {
    let error = RedisStore::connect("http://not-redis").await.unwrap_err();
    assert!(error.to_string().contains("not valid"), "{error}");
    // A port nothing listens on (bound, then closed).
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let error = RedisStore::builder(format!("redis://:hunter2@127.0.0.1:{port}/"))
        .timeout(Duration::from_millis(300))
        .connect()
        .await
        .unwrap_err();
    assert!(error.to_string().contains("cannot connect"), "{error}");
    assert!(!format!("{error} {error:?}").contains("hunter2"));
}

#[tokio::test]
async fn every_key_is_under_the_prefix_and_debug_shows_no_secret() {
    let prefix = Prefix::new("keys");
    let store = store(&prefix).await;
    assert_eq!(store.prefix(), prefix.0);
    store.try_acquire("acct", LIGHT, quota(5)).await.unwrap();
    let token = StoredToken::new(
        SecretString::from("secret-token"),
        SystemTime::now() + Duration::from_secs(60),
    );
    store.put("acct:app", &token).await.unwrap();
    store
        .first_seen("k", Duration::from_secs(60))
        .await
        .unwrap();
    let keys = keys(&prefix);
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(keys.iter().all(|k| k.starts_with(&prefix.0)));
    assert!(!format!("{store:?}").contains("secret-token"));
}

/// A signed Cobrowse event, as Zoom sends it at `timestamp` (every retry is
/// signed anew, at its own time).
fn signed(
    secret: &SecretString,
    body: &str,
    timestamp: SystemTime,
) -> (http::HeaderMap, SystemTime) {
    let seconds = timestamp
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let headers = TestSigner::new(secret.clone()).headers(seconds, body.as_bytes());
    (headers, timestamp)
}

const JOINED: &str = r#"{"event":"cobrowse.session_user_joined","event_ts":1764547200123,"payload":{"account_id":"acct","object":{"session_id":"s1","user_name":"Jane","role_type":"customer"}}}"#;

#[tokio::test]
async fn a_delivery_to_two_receivers_sharing_redis_is_handled_once() {
    let prefix = Prefix::new("webhook");
    let secret = SecretString::from("webhook-secret-token");
    let receiver = |store| {
        Receiver::new(secret.clone())
            .unwrap()
            .with_fleet(&Fleet::new(store))
    };
    let replicas = [
        receiver(store(&prefix).await),
        receiver(store(&prefix).await),
    ];

    // The first delivery, and Zoom's retry five minutes later to the other replica.
    let first = SystemTime::now();
    let (headers, now) = signed(&secret, JOINED, first);
    let delivery = replicas[0]
        .verify_once_at(&headers, JOINED.as_bytes(), now)
        .await;
    assert_eq!(delivery.unwrap().event().session_id(), Some("s1"));
    let (headers, now) = signed(&secret, JOINED, first + Duration::from_secs(300));
    let retry = replicas[1]
        .verify_once_at(&headers, JOINED.as_bytes(), now)
        .await;
    let retry = retry.unwrap_err();
    assert!(matches!(retry, WebhookError::Duplicate { .. }), "{retry}");
    let response = replicas[1].respond(&Err(retry));
    assert_eq!(response.status(), 200, "Zoom must not send it again");

    // Another event, delivered to both at once: one handles it.
    let other = JOINED.replace("s1", "s2");
    let (headers, now) = signed(&secret, &other, first);
    let (a, b) = tokio::join!(
        replicas[0].verify_once_at(&headers, other.as_bytes(), now),
        replicas[1].verify_once_at(&headers, other.as_bytes(), now)
    );
    assert_eq!(usize::from(a.is_ok()) + usize::from(b.is_ok()), 1);

    // URL validation is answered by every replica, every time.
    let challenge =
        r#"{"event":"endpoint.url_validation","event_ts":1,"payload":{"plainToken":"abc"}}"#;
    let (headers, now) = signed(&secret, challenge, first);
    for replica in &replicas {
        let outcome = replica
            .verify_once_at(&headers, challenge.as_bytes(), now)
            .await;
        assert_eq!(replica.respond(&outcome).status(), 200);
        assert!(outcome.is_ok());
    }

    // Without a fleet each receiver handles its copy: the duplicate the fleet removes.
    let alone = Receiver::new(secret.clone()).unwrap();
    let (headers, now) = signed(&secret, JOINED, first);
    for _ in 0..2 {
        assert!(
            alone
                .verify_once_at(&headers, JOINED.as_bytes(), now)
                .await
                .is_ok()
        );
    }
}

/// A simulator whose account allows LIGHT 10/s, and a client of it in a fleet
/// whose Redis is behind `proxy`.
async fn fleet_through(
    proxy: &Proxy,
    prefix: &Prefix,
    mode: OnUnavailable,
) -> (MockZoom, Client, Receiver) {
    let limits = RateLimits::custom().per_second(LIGHT, 10);
    let zoom = MockZoom::builder()
        .live_sessions(3)
        .rate_limits(limits.clone())
        .start()
        .await
        .unwrap();
    let store = RedisStore::builder(proxy.url())
        .prefix(&prefix.0)
        .timeout(Duration::from_millis(300))
        .connect()
        .await
        .unwrap_or_else(|e| panic!("{HINT} ({e})"));
    let fleet = Fleet::new(store).on_unavailable(mode);
    let app = zoom.credentials().oauth.clone().unwrap();
    let client = Client::builder(Credentials::server_to_server(
        app.account_id,
        app.client_id,
        app.client_secret.expose_secret(),
    ))
    .base_url(zoom.base_url())
    .oauth_url(zoom.oauth_url())
    .rate_limits(limits)
    .fleet(fleet.clone())
    .build()
    .unwrap();
    let receiver = Receiver::new(SecretString::from("webhook-secret-token"))
        .unwrap()
        .with_fleet(&fleet);
    (zoom, client, receiver)
}

/// `n` calls of one session's details, each in a task of its own.
fn calls(zoom: &MockZoom, client: &Client, n: usize) -> Vec<tokio::task::JoinHandle<bool>> {
    let session = zoom.live_sessions()[0].session_id.clone();
    (0..n)
        .map(|_| {
            let (client, session) = (client.clone(), session.clone());
            tokio::spawn(async move { client.get_session(&session).await.is_ok() })
        })
        .collect()
}

const ACCOUNT: &str = "zoom-mock-account";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_cut_while_failing_closed_holds_requests_back_and_loses_none() {
    let prefix = Prefix::new("closed");
    let proxy = Proxy::start().await;
    let (zoom, client, receiver) = fleet_through(&proxy, &prefix, OnUnavailable::Wait).await;

    // Redis goes away before the first request: no token is fetched, nothing is
    // sent, until it is back.
    proxy.cut();
    let first = calls(&zoom, &client, 5);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let stats = zoom.stats();
    assert_eq!((stats.token_requests, stats.api_requests()), (0, 0));
    let secret = SecretString::from("webhook-secret-token");
    let (headers, now) = signed(&secret, JOINED, SystemTime::now());
    let refused = receiver
        .verify_once_at(&headers, JOINED.as_bytes(), now)
        .await;
    assert_eq!(
        receiver.respond(&refused).status(),
        503,
        "Zoom will retry it"
    );
    proxy.restore();

    // Cut again mid-run: what waits for a slot stays back while Redis is away.
    let second = calls(&zoom, &client, 30);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    proxy.cut();
    // Generous: a request whose slot came just before the cut has arrived by then.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let during = zoom.stats().admitted(ACCOUNT);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        zoom.stats().admitted(ACCOUNT),
        during,
        "nothing sent while the budget cannot be asked"
    );
    proxy.restore();

    let mut done = 0;
    for call in first.into_iter().chain(second) {
        assert!(call.await.unwrap(), "every call succeeds in the end");
        done += 1;
    }
    let stats = zoom.stats();
    println!(
        "fail closed: {done} calls done, {} token request(s), {} 429s",
        stats.token_requests, stats.rate_limited
    );
    assert_eq!(stats.rate_limited, 0);
    assert_eq!(stats.token_requests, 1);
    // The delivery refused during the outage is handled when Zoom sends it again.
    let (headers, now) = signed(&secret, JOINED, SystemTime::now());
    assert!(
        receiver
            .verify_once_at(&headers, JOINED.as_bytes(), now)
            .await
            .is_ok()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_cut_while_failing_open_goes_on_with_the_local_limiter() {
    let prefix = Prefix::new("open");
    let proxy = Proxy::start().await;
    let (zoom, client, receiver) = fleet_through(&proxy, &prefix, OnUnavailable::Local).await;
    let warm_up = calls(&zoom, &client, 3);
    for call in warm_up {
        assert!(call.await.unwrap());
    }
    proxy.cut();
    let before = zoom.stats().admitted(ACCOUNT);
    let during = calls(&zoom, &client, 15);
    let mut done = 0;
    for call in during {
        assert!(call.await.unwrap(), "every call succeeds without Redis");
        done += 1;
    }
    let secret = SecretString::from("webhook-secret-token");
    let (headers, now) = signed(&secret, JOINED, SystemTime::now());
    assert!(
        receiver
            .verify_once_at(&headers, JOINED.as_bytes(), now)
            .await
            .is_ok(),
        "handled with this process's own duplicate view"
    );
    let retried = receiver
        .verify_once_at(&headers, JOINED.as_bytes(), now)
        .await;
    assert!(matches!(retried, Err(WebhookError::Duplicate { .. })));
    proxy.restore();
    let stats = zoom.stats();
    println!(
        "fail open: {done} calls during the cut, {} admitted, {} token request(s)",
        stats.admitted(ACCOUNT) - before,
        stats.token_requests
    );
    assert_eq!(stats.admitted(ACCOUNT) - before, 15);
    assert_eq!(
        stats.token_requests, 1,
        "the token was cached before the cut"
    );
}
