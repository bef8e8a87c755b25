//! Fleet mode: one Zoom account's rate budget, OAuth token and webhook deliveries
//! shared by every replica of a service.
//!
//! Zoom's rate limits are per account, shared by every app and every replica on
//! it. A [`Client`](crate::Client) on its own keeps its limiter, its token cache
//! and (with a [`Receiver`](crate::webhook::Receiver)) its view of deliveries in
//! memory, which is right for one process. Four replicas, each on its own, would
//! send four times the budget, fetch four tokens and process every retried
//! webhook delivery once per replica that receives it. A [`Fleet`] puts the three
//! behind stores every replica shares:
//!
//! - a [`RateBudget`]: one slot per request, per account and label, and a pause
//!   for everyone when Zoom answers 429 anyway;
//! - a [`TokenStore`]: the Server-to-Server OAuth token, with a lock so that one
//!   replica fetches while the others wait and then read it;
//! - a [`DuplicateFilter`]: a delivery is processed by the first replica that sees
//!   it.
//!
//! The in-memory stores ([`Fleet::in_memory`]) share these between the clients of
//! one process; `RedisStore` (feature `redis`) between processes and machines.
//!
//! ```no_run
//! # #[cfg(feature = "redis")]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use zoom_cobrowse::fleet::{Fleet, OnUnavailable, RedisStore};
//! use zoom_cobrowse::{Client, Credentials, RateLimits};
//!
//! let store = RedisStore::builder("redis://127.0.0.1:6379/").prefix("billing-svc").connect().await?;
//! // Every replica runs the same code: one budget, one token, one delivery each.
//! let fleet = Fleet::new(store).on_unavailable(OnUnavailable::Wait);
//! let client = Client::builder(Credentials::server_to_server("account", "id", "secret"))
//!     // This app may take half of the account's Pro budget; other apps use the rest.
//!     .rate_limits(RateLimits::pro().share(0.5)?)
//!     .fleet(fleet)
//!     .build()?;
//! # let _ = client;
//! # Ok(()) }
//! ```
//!
//! # When the store is unreachable
//! [`OnUnavailable`] is the choice, made once per fleet: [`OnUnavailable::Wait`]
//! (the default, fail closed) waits and asks again, so the fleet never sends more
//! than its budget and never fetches a token it need not; [`OnUnavailable::Local`]
//! (fail open) goes on with this process's own limiter, token fetch and duplicate
//! view, with a warning, so each replica may spend the whole budget until the
//! store answers again.
//!
//! # Secrets
//! The token store holds the OAuth access token, in Redis with `RedisStore`: give
//! the Redis server the protection a bearer credential deserves (a password or
//! ACL user, TLS or a private network). Nothing in this module logs a token or
//! shows one in `Debug`.

mod memory;
#[cfg(feature = "redis")]
mod redis;
mod shared;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use secrecy::SecretString;

use crate::rate_limit::{Quota, RateLimitLabel};

#[cfg(feature = "redis")]
#[cfg_attr(docsrs, doc(cfg(feature = "redis")))]
pub use self::redis::{RedisStore, RedisStoreBuilder};
pub use memory::{MemoryBudget, MemoryDuplicates, MemoryTokens};
pub(crate) use shared::{SharedBudget, SharedTokens, account_of};

/// The future every store method returns: boxed, so the traits stay object safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A store could not answer: unreachable, timed out, or it answered something
/// this crate cannot read. Never carries a token.
#[derive(Debug)]
pub struct StoreError {
    context: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StoreError {
    /// An error saying what failed (`context`), and why, if another error says so.
    pub fn new(
        context: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self {
            context: context.into(),
            source,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Some(source) => write!(f, "{}: {source}", self.context),
            None => f.write_str(&self.context),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The answer of [`RateBudget::try_acquire`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// A slot was taken: send now.
    Granted,
    /// No slot: ask again after this long (the oldest slot leaves the window, or
    /// a pause after a 429 ends).
    Wait(Duration),
}

/// A rate budget shared by every client of one Zoom account: at most
/// `quota.requests()` slots per `quota.per()` for each account and label.
pub trait RateBudget: Send + Sync + fmt::Debug {
    /// Takes one slot of `label` for `account` if the window has one, atomically
    /// with respect to every other client of the store.
    fn try_acquire<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        quota: Quota,
    ) -> BoxFuture<'a, Result<Admission, StoreError>>;

    /// Holds every client of `account` back from `label` for `pause` (Zoom
    /// answered 429 with `Retry-After`); a longer pause already set stays.
    fn pause<'a>(
        &'a self,
        account: &'a str,
        label: RateLimitLabel,
        pause: Duration,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// An access token and when it expires, as a [`TokenStore`] keeps it.
/// `Debug` shows the expiry, never the token.
#[derive(Clone)]
pub struct StoredToken {
    token: SecretString,
    expires_at: SystemTime,
}

impl StoredToken {
    /// A token to use until `expires_at` (wall-clock time, which every replica
    /// shares). The client stores the moment it renews the token, a margin
    /// before Zoom's expiry, so no replica sends one that expires in flight.
    pub fn new(token: SecretString, expires_at: SystemTime) -> Self {
        Self { token, expires_at }
    }

    /// The token.
    pub fn token(&self) -> &SecretString {
        &self.token
    }

    /// Until when it is used.
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }
}

impl fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredToken")
            .field("token", &"***")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Proof of holding a [`TokenStore`] lock: only its holder's
/// [`unlock`](TokenStore::unlock) releases it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lease(String);

impl Lease {
    /// A lease with this identifier (unique per acquisition, e.g. random).
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// A lease with a fresh random identifier.
    pub fn random() -> Self {
        Self(format!(
            "{:016x}{:016x}",
            fastrand::u64(..),
            fastrand::u64(..)
        ))
    }

    /// Its identifier.
    pub fn id(&self) -> &str {
        &self.0
    }
}

/// Access tokens shared by the replicas of one OAuth app, and the lock that lets
/// one of them fetch while the others wait.
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// The token stored under `key`, if one is there and has not expired.
    fn get<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<Option<StoredToken>, StoreError>>;

    /// Stores `token` under `key` until it expires, replacing any other.
    fn put<'a>(
        &'a self,
        key: &'a str,
        token: &'a StoredToken,
    ) -> BoxFuture<'a, Result<(), StoreError>>;

    /// Takes the fetch lock of `key` if nobody holds it. It expires by itself
    /// after `ttl`, so a holder that dies does not block the others for longer.
    fn try_lock<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<Option<Lease>, StoreError>>;

    /// Releases the lock of `key` if `lease` still holds it.
    fn unlock<'a>(
        &'a self,
        key: &'a str,
        lease: &'a Lease,
    ) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Remembers which webhook deliveries were seen, so each is handled once.
pub trait DuplicateFilter: Send + Sync + fmt::Debug {
    /// Records `key`; `true` if it was not recorded already (within `ttl` of
    /// its first sighting). Atomic: of two concurrent callers, one gets `true`.
    fn first_seen<'a>(
        &'a self,
        key: &'a str,
        ttl: Duration,
    ) -> BoxFuture<'a, Result<bool, StoreError>>;
}

/// What a fleet does while its store cannot be reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum OnUnavailable {
    /// Fail closed: requests wait for the store and ask again (never more than
    /// the budget, and never more than the local limiter would send); a token
    /// fetch waits too; a webhook delivery is refused with 503, so Zoom sends it
    /// again later. Nothing is lost, things are late.
    #[default]
    Wait,
    /// Fail open: fall back to this process's own limiter, token fetch and
    /// duplicate view, with a warning. Work goes on, but each replica may spend
    /// the whole budget (429s follow), fetch its own token, and handle a retried
    /// delivery another replica handled.
    Local,
}

/// Three stores and how to use them: give it to
/// [`ClientBuilder::fleet`](crate::ClientBuilder::fleet) and
/// [`Receiver::with_fleet`](crate::webhook::Receiver::with_fleet). Cheap to clone;
/// clones share the stores.
#[derive(Clone)]
pub struct Fleet {
    pub(crate) budget: Arc<dyn RateBudget>,
    pub(crate) tokens: Arc<dyn TokenStore>,
    pub(crate) duplicates: Arc<dyn DuplicateFilter>,
    pub(crate) on_unavailable: OnUnavailable,
    pub(crate) account: Option<String>,
    pub(crate) margin: Duration,
    pub(crate) lock_ttl: Duration,
    pub(crate) duplicate_ttl: Duration,
}

impl Fleet {
    /// How much longer than its period a window lasts by default: requests are
    /// counted where Zoom receives them, a little after the slot was taken and
    /// not always in the same order; the margin keeps a late one out of the
    /// next window.
    pub const DEFAULT_MARGIN: Duration = Duration::from_millis(50);
    /// How long a token fetch lock lasts by default: longer than a fetch takes,
    /// short enough that the others fetch soon after its holder died.
    pub const DEFAULT_LOCK_TTL: Duration = Duration::from_secs(15);
    /// How long a delivery is remembered by default: Zoom's last retry comes 85
    /// minutes after the first attempt.
    pub const DEFAULT_DUPLICATE_TTL: Duration = Duration::from_secs(2 * 60 * 60);

    /// A fleet over one store that is all three (like `RedisStore`).
    pub fn new<S>(store: S) -> Self
    where
        S: RateBudget + TokenStore + DuplicateFilter + 'static,
    {
        let store = Arc::new(store);
        Self::from_parts(store.clone(), store.clone(), store)
    }

    /// A fleet over three stores of your own.
    pub fn from_parts(
        budget: Arc<dyn RateBudget>,
        tokens: Arc<dyn TokenStore>,
        duplicates: Arc<dyn DuplicateFilter>,
    ) -> Self {
        Self {
            budget,
            tokens,
            duplicates,
            on_unavailable: OnUnavailable::default(),
            account: None,
            margin: Self::DEFAULT_MARGIN,
            lock_ttl: Self::DEFAULT_LOCK_TTL,
            duplicate_ttl: Self::DEFAULT_DUPLICATE_TTL,
        }
    }

    /// A fleet of the clients of this process: the clients built with clones of
    /// it share one budget, one token and one duplicate view.
    pub fn in_memory() -> Self {
        Self::from_parts(
            Arc::new(MemoryBudget::new()),
            Arc::new(MemoryTokens::new()),
            Arc::new(MemoryDuplicates::new()),
        )
    }

    /// What to do while the store is unreachable (default [`OnUnavailable::Wait`]).
    pub fn on_unavailable(mut self, mode: OnUnavailable) -> Self {
        self.on_unavailable = mode;
        self
    }

    /// The account the budget and token belong to. By default it comes from the
    /// credentials: the Server-to-Server account ID, the API key, or a hash of a
    /// bearer token (set it when several bearer tokens belong to one account).
    pub fn account(mut self, account: impl Into<String>) -> Self {
        self.account = Some(account.into());
        self
    }

    /// How much longer than its period each window lasts
    /// (default [`DEFAULT_MARGIN`](Self::DEFAULT_MARGIN)).
    pub fn margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// How long a token fetch lock lasts
    /// (default [`DEFAULT_LOCK_TTL`](Self::DEFAULT_LOCK_TTL)).
    pub fn lock_ttl(mut self, ttl: Duration) -> Self {
        self.lock_ttl = ttl;
        self
    }

    /// How long a delivery is remembered
    /// (default [`DEFAULT_DUPLICATE_TTL`](Self::DEFAULT_DUPLICATE_TTL)).
    pub fn duplicate_ttl(mut self, ttl: Duration) -> Self {
        self.duplicate_ttl = ttl;
        self
    }
}

impl fmt::Debug for Fleet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fleet")
            .field("budget", &self.budget)
            .field("tokens", &self.tokens)
            .field("duplicates", &self.duplicates)
            .field("on_unavailable", &self.on_unavailable)
            .field("account", &self.account)
            .field("margin", &self.margin)
            .field("lock_ttl", &self.lock_ttl)
            .field("duplicate_ttl", &self.duplicate_ttl)
            .finish()
    }
}
