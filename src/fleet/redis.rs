//! The Redis stores: the rate budget as one atomic server-side script, the token
//! with a lock that expires, the duplicate filter as `SET NX` with a TTL.
//!
//! Keys, under the prefix (default `zoom-cobrowse`):
//! `{prefix}:{<account>}:rate:<LABEL>` (a sorted set of slot times),
//! `{prefix}:{<account>}:pause:<LABEL>` (set for as long as a 429 asked),
//! `{prefix}:token:<account>:<client id>` and `...:token-lock:...`,
//! `{prefix}:delivery:<delivery key>`. The account is a Redis Cluster hash tag, so
//! the two keys of one budget script share a slot.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use secrecy::{ExposeSecret, SecretString};

use super::{
    Admission, BoxFuture, DuplicateFilter, Lease, RateBudget, StoreError, StoredToken, TokenStore,
};
use crate::rate_limit::{Quota, RateLimitLabel};

/// A sliding window log, like the client's own limiter: at most `limit` slot
/// times in any span of `period`, counted on Redis's clock (`TIME`) so replicas'
/// clocks need not agree. Chosen over GCRA, which lets a full burst and then the
/// steady rate through within one period (up to twice the limit in a window
/// Zoom counts); the log never admits more than the limit in any window, wherever
/// Zoom's windows start, and costs one sorted-set entry per slot (at most the
/// limit, 80 for Business+ LIGHT). Microseconds, so slots within one millisecond
/// stay in order.
///
/// KEYS: window, pause. ARGV: limit, period (µs), a unique member.
/// Returns 0 when a slot was taken, or the µs to wait.
const ACQUIRE: &str = r"
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused * 1000 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(period / 1000))
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, math.ceil(tonumber(oldest[2]) + period - now))
";

/// Sets the pause unless a longer one is already set. KEYS: pause. ARGV: ms.
const PAUSE: &str = r"
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 0
";

/// Deletes the lock only if this lease still holds it: after it expired and
/// another replica took it, the late holder must not release the new one.
const UNLOCK: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// The three fleet stores over one Redis server (or a Redis-compatible one:
/// Valkey, KeyDB). It reconnects by itself after the connection drops; until
/// then every call fails with a [`StoreError`] after at most the timeout.
///
/// The token store keeps the OAuth access token in Redis in clear text (Redis
/// has no other way to hand it to the other replicas): protect the server as a
/// credential store. `Debug` shows the server's address, never a password or a
/// token.
#[derive(Clone)]
pub struct RedisStore {
    connection: ConnectionManager,
    prefix: String,
    address: String,
    acquire: redis::Script,
    pause: redis::Script,
    unlock: redis::Script,
}

/// Settings of a [`RedisStore`].
#[derive(Clone)]
pub struct RedisStoreBuilder {
    url: String,
    prefix: String,
    timeout: Duration,
}

impl fmt::Debug for RedisStoreBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL may carry a password.
        f.debug_struct("RedisStoreBuilder")
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl RedisStore {
    /// The default key prefix.
    pub const DEFAULT_PREFIX: &'static str = "zoom-cobrowse";
    /// How long one call may take by default before it counts as a store failure.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

    /// Settings for the server at `url` (`redis://[user:password@]host[:port][/db]`,
    /// or `rediss://` with TLS support compiled into redis-rs).
    pub fn builder(url: impl Into<String>) -> RedisStoreBuilder {
        RedisStoreBuilder {
            url: url.into(),
            prefix: Self::DEFAULT_PREFIX.to_owned(),
            timeout: Self::DEFAULT_TIMEOUT,
        }
    }

    /// Connects to the server at `url` with the default settings.
    pub async fn connect(url: impl Into<String>) -> Result<Self, StoreError> {
        Self::builder(url).connect().await
    }

    /// The key prefix.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    fn key(&self, kind: &str, rest: &str) -> String {
        format!("{}:{kind}:{rest}", self.prefix)
    }

    /// The two keys of a budget: `{prefix}:{<account>}:rate:<LABEL>` and
    /// `...:pause:<LABEL>`.
    fn budget_keys(&self, account: &str, label: RateLimitLabel) -> (String, String) {
        let tagged = format!("{}:{{{}}}", self.prefix, tag(account));
        (
            format!("{tagged}:rate:{label}"),
            format!("{tagged}:pause:{label}"),
        )
    }

    async fn run<T: redis::FromRedisValue>(
        &self,
        what: &'static str,
        invocation: redis::ScriptInvocation<'_>,
    ) -> Result<T, StoreError> {
        let mut connection = self.connection.clone();
        invocation
            .invoke_async(&mut connection)
            .await
            .map_err(|e| redis_error(what, e))
    }

    async fn query<T: redis::FromRedisValue>(
        &self,
        what: &'static str,
        command: &redis::Cmd,
    ) -> Result<T, StoreError> {
        let mut connection = self.connection.clone();
        command
            .query_async(&mut connection)
            .await
            .map_err(|e| redis_error(what, e))
    }
}

impl RedisStoreBuilder {
    /// The prefix of every key (default [`RedisStore::DEFAULT_PREFIX`]): one per
    /// service or test, so two never share a budget by accident.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long connecting, or one call, may take before it counts as a store
    /// failure (default [`RedisStore::DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connects, and fails if the server does not answer within the timeout.
    /// Must run on a Tokio runtime, which keeps the connection.
    pub async fn connect(self) -> Result<RedisStore, StoreError> {
        let client = redis::Client::open(self.url.as_str())
            .map_err(|e| redis_error("the Redis URL is not valid", e))?;
        let address = client.get_connection_info().addr().to_string();
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(self.timeout))
            .set_response_timeout(Some(self.timeout))
            // A failed reconnect is tried again by the next call; a long series
            // of attempts inside one call would only hold it past its timeout.
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(500));
        let connection = ConnectionManager::new_with_config(client, config)
            .await
            .map_err(|e| redis_error("cannot connect to Redis", e))?;
        Ok(RedisStore {
            connection,
            prefix: self.prefix,
            address,
            acquire: redis::Script::new(ACQUIRE),
            pause: redis::Script::new(PAUSE),
            unlock: redis::Script::new(UNLOCK),
        })
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisStore")
            .field("address", &self.address)
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

fn redis_error(what: &'static str, e: redis::RedisError) -> StoreError {
    StoreError::new(what, Some(Box::new(e)))
}

/// An account in a hash tag: braces would end the tag early, so they (and the
/// escape itself) are percent-encoded.
fn tag(account: &str) -> String {
    account
        .replace('%', "%25")
        .replace('{', "%7B")
        .replace('}', "%7D")
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX).max(1)
}

impl RateBudget for RedisStore {
    fn try_acquire<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        quota: Quota,
    ) -> BoxFuture<'a, Result<Admission, StoreError>> {
        Box::pin(async move {
            let (window, paused) = self.budget_keys(account, label);
            let mut invocation = self.acquire.prepare_invoke();
            invocation
                .key(window)
                .key(paused)
                .arg(quota.requests())
                .arg(u64::try_from(quota.per().as_micros()).unwrap_or(u64::MAX))
                .arg(Lease::random().id());
            let wait_micros: u64 = self.run("redis: acquiring a rate slot", invocation).await?;
            Ok(match wait_micros {
                0 => Admission::Granted,
                micros => Admission::Wait(Duration::from_micros(micros)),
            })
        })
    }

    fn pause<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        pause: Duration,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let (_, paused) = self.budget_keys(account, label);
            let mut invocation = self.pause.prepare_invoke();
            invocation.key(paused).arg(millis(pause));
            self.run::<i64>("redis: pausing a label", invocation)
                .await
                .map(drop)
        })
    }
}

impl TokenStore for RedisStore {
    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<StoredToken>, StoreError>> {
        Box::pin(async move {
            let command = redis::cmd("GET").arg(self.key("token", key)).to_owned();
            let value: Option<String> = self.query("redis: reading the token", &command).await?;
            let Some(value) = value.map(SecretString::from) else {
                return Ok(None);
            };
            // "<expiry in ms since the epoch> <token>"; anything else is not ours.
            let malformed = || StoreError::new("redis: the stored token is malformed", None);
            let (expires_ms, token) = value
                .expose_secret()
                .split_once(' ')
                .ok_or_else(malformed)?;
            let expires_ms: u64 = expires_ms.parse().map_err(|_| malformed())?;
            let expires_at = UNIX_EPOCH + Duration::from_millis(expires_ms);
            Ok((expires_at > SystemTime::now())
                .then(|| StoredToken::new(SecretString::from(token.to_owned()), expires_at)))
        })
    }

    fn put<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let Ok(ttl) = token.expires_at().duration_since(SystemTime::now()) else {
                // Already expired: nobody could use it.
                return Ok(());
            };
            let expires_ms = token
                .expires_at()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis());
            let value =
                SecretString::from(format!("{expires_ms} {}", token.token().expose_secret()));
            let command = redis::cmd("SET")
                .arg(self.key("token", key))
                .arg(value.expose_secret())
                .arg("PX")
                .arg(millis(ttl))
                .to_owned();
            self.query::<()>("redis: storing the token", &command).await
        })
    }

    fn try_lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<Lease>, StoreError>> {
        Box::pin(async move {
            let lease = Lease::random();
            let command = redis::cmd("SET")
                .arg(self.key("token-lock", key))
                .arg(lease.id())
                .arg("NX")
                .arg("PX")
                .arg(millis(ttl))
                .to_owned();
            let taken: Option<String> =
                self.query("redis: taking the token lock", &command).await?;
            Ok(taken.map(|_| lease))
        })
    }

    fn unlock<'a>(
        &'a self,
        key: &'a str,
        lease: &'a Lease,
    ) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            let mut invocation = self.unlock.prepare_invoke();
            invocation.key(self.key("token-lock", key)).arg(lease.id());
            self.run::<i64>("redis: releasing the token lock", invocation)
                .await
                .map(drop)
        })
    }
}

impl DuplicateFilter for RedisStore {
    fn first_seen<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>> {
        Box::pin(async move {
            let command = redis::cmd("SET")
                .arg(self.key("delivery", key))
                .arg(1)
                .arg("NX")
                .arg("PX")
                .arg(millis(ttl))
                .to_owned();
            let set: Option<String> = self
                .query("redis: recording the delivery", &command)
                .await?;
            Ok(set.is_some())
        })
    }
}
