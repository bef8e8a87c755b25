//! The Redis fleet stores against a real Redis server (127.0.0.1:6379, or
//! `REDIS_URL`): each test under a random key prefix of its own, deleted at the
//! end. Several stores in one test are several connections, as replicas are.

mod fleet_support;

use std::time::{Duration, SystemTime};

use secrecy::{ExposeSecret, SecretString};
use zoom_cobrowse::fleet::{
    Admission, DuplicateFilter, Lease, RateBudget, RedisStore, StoredToken, TokenStore,
};
use zoom_cobrowse::{RateLimitLabel, RateLimits};

use fleet_support::{Prefix, keys, store};

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
    let Admission::Wait(wait) = other.try_acquire("acct", LIGHT, quota(100)).await.unwrap() else {
        panic!("granted during a pause");
    };
    assert!(
        wait > Duration::from_millis(500) && wait <= Duration::from_millis(800),
        "{wait:?}"
    );
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
    let ttl = Duration::from_millis(300);
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
    let expires_at = SystemTime::now() + Duration::from_millis(600);
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
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(other.get("app").await.unwrap().is_none(), "expired");
}

#[tokio::test]
async fn a_delivery_is_first_seen_once_across_replicas_until_its_ttl() {
    let prefix = Prefix::new("dedup");
    let replicas = [store(&prefix).await, store(&prefix).await];
    let ttl = Duration::from_millis(400);
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
