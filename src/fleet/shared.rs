//! How a client uses a fleet's stores: the wait for a budget slot, the token
//! fetched by one replica and read by the others, and what each does while its
//! store is unreachable ([`OnUnavailable`]).

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use secrecy::ExposeSecret;
use sha2::Digest;

use super::{Admission, Fleet, OnUnavailable, RateBudget, StoreError, StoredToken, TokenStore};
use crate::auth::Credentials;
use crate::error::Error;
use crate::rate_limit::{Quota, RateLimitLabel};

/// How long a fail-closed client waits before asking an unreachable store again.
const STORE_RETRY: Duration = Duration::from_millis(250);
/// The longest a replica waits between looks at a token another one is fetching.
const TOKEN_POLL_MAX: Duration = Duration::from_millis(250);

/// The account a client's budget belongs to, from its credentials: the
/// Server-to-Server account ID, the API key (one per account), or for a bearer
/// token a hash of it (the token itself must not appear in a key).
pub(crate) fn account_of(credentials: &Credentials) -> String {
    match credentials {
        Credentials::ServerToServer { account_id, .. } => account_id.clone(),
        Credentials::ApiKey { key, .. } => key.clone(),
        Credentials::BearerToken(token) => {
            let digest = sha2::Sha256::digest(token.expose_secret().as_bytes());
            format!("bearer-{}", hex::encode(&digest[..8]))
        }
    }
}

/// Whether a store is failing, so the warning is logged once per outage
/// rather than once per request.
#[derive(Default)]
struct Health {
    degraded: AtomicBool,
}

impl Health {
    fn failed(&self, what: &str, error: &StoreError, mode: OnUnavailable) {
        if !self.degraded.swap(true, Ordering::Relaxed) {
            let then = match mode {
                OnUnavailable::Wait => "waiting for it (fail closed)",
                OnUnavailable::Local => "going on with this process alone (fail open)",
            };
            tracing::warn!(%error, "the fleet's {what} store is unavailable; {then}");
        }
    }

    fn answered(&self, what: &str) {
        if self.degraded.swap(false, Ordering::Relaxed) {
            tracing::info!("the fleet's {what} store answers again");
        }
    }
}

/// A client's view of the fleet's rate budget.
pub(crate) struct SharedBudget {
    budget: Arc<dyn RateBudget>,
    account: String,
    margin: Duration,
    mode: OnUnavailable,
    health: Health,
}

impl fmt::Debug for SharedBudget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedBudget")
            .field("budget", &self.budget)
            .field("account", &self.account)
            .field("margin", &self.margin)
            .field("mode", &self.mode)
            .finish()
    }
}

impl SharedBudget {
    pub(crate) fn new(fleet: &Fleet, account: String) -> Self {
        Self {
            budget: fleet.budget.clone(),
            account,
            margin: fleet.margin,
            mode: fleet.on_unavailable,
            health: Health::default(),
        }
    }

    /// Waits for a slot of `label`; returns how long it waited, or `Err` with
    /// the time waited when the store is unreachable and the fleet fails open,
    /// so the caller's own limiter decides instead.
    pub(crate) async fn acquire(
        &self,
        label: RateLimitLabel,
        quota: Quota,
    ) -> Result<Duration, Duration> {
        let start = tokio::time::Instant::now();
        let quota = quota.widened(self.margin);
        loop {
            match self.budget.try_acquire(&self.account, label, quota).await {
                Ok(admission) => {
                    self.health.answered("rate budget");
                    match admission {
                        Admission::Granted => return Ok(start.elapsed()),
                        Admission::Wait(wait) => tokio::time::sleep(wait).await,
                    }
                }
                Err(e) => {
                    self.health.failed("rate budget", &e, self.mode);
                    match self.mode {
                        OnUnavailable::Local => return Err(start.elapsed()),
                        OnUnavailable::Wait => tokio::time::sleep(STORE_RETRY).await,
                    }
                }
            }
        }
    }

    /// Holds the whole fleet back from `label` after a 429 (best effort: if the
    /// store cannot be told, each replica's retry still waits on its own).
    pub(crate) async fn pause(&self, label: RateLimitLabel, pause: Duration) {
        if let Err(e) = self.budget.pause(&self.account, label, pause).await {
            self.health.failed("rate budget", &e, self.mode);
        }
    }
}

/// A client's view of the fleet's token store, for one OAuth app.
pub(crate) struct SharedTokens {
    store: Arc<dyn TokenStore>,
    key: String,
    lock_ttl: Duration,
    mode: OnUnavailable,
    health: Health,
}

impl fmt::Debug for SharedTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedTokens")
            .field("store", &self.store)
            .field("key", &self.key)
            .field("lock_ttl", &self.lock_ttl)
            .field("mode", &self.mode)
            .finish()
    }
}

impl SharedTokens {
    /// For the app `client_id` of `account_id`: several apps of one account
    /// hold different tokens.
    pub(crate) fn new(fleet: &Fleet, account_id: &str, client_id: &str) -> Self {
        Self {
            store: fleet.tokens.clone(),
            key: format!("{account_id}:{client_id}"),
            lock_ttl: fleet.lock_ttl,
            mode: fleet.on_unavailable,
            health: Health::default(),
        }
    }

    /// A token every replica may use: a stored one that `usable` accepts, or
    /// one `fetch`ed by this replica while it holds the lock (the others wait
    /// for it), then stored. `Ok(None)` when the store is unreachable and the
    /// fleet fails open: the caller fetches on its own.
    pub(crate) async fn obtain<F, Fut>(
        &self,
        usable: impl Fn(&StoredToken) -> bool,
        fetch: F,
    ) -> Result<Option<StoredToken>, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<StoredToken, Error>>,
    {
        let mut poll = Duration::from_millis(20);
        loop {
            let stored = match self.store.get(&self.key).await {
                Ok(stored) => stored,
                Err(e) => {
                    if self.unavailable(&e).await {
                        return Ok(None);
                    }
                    continue;
                }
            };
            if let Some(token) = stored.filter(|t| usable(t)) {
                self.health.answered("token");
                return Ok(Some(token));
            }
            let lease = match self.store.try_lock(&self.key, self.lock_ttl).await {
                Ok(lease) => lease,
                Err(e) => {
                    if self.unavailable(&e).await {
                        return Ok(None);
                    }
                    continue;
                }
            };
            self.health.answered("token");
            let Some(lease) = lease else {
                // Another replica is fetching: look again soon.
                tokio::time::sleep(poll).await;
                poll = (poll * 2).min(TOKEN_POLL_MAX);
                continue;
            };
            // The holder before this one may have stored its token between the
            // read above and the lock.
            let result = match self.store.get(&self.key).await {
                Ok(Some(token)) if usable(&token) => Ok(Some(token)),
                _ => match fetch().await {
                    Ok(token) => {
                        if let Err(e) = self.store.put(&self.key, &token).await {
                            // This replica has its token; the others fetch their own.
                            self.health.failed("token", &e, self.mode);
                        }
                        Ok(Some(token))
                    }
                    Err(e) => Err(e),
                },
            };
            // Best effort: a lock not released expires after its TTL.
            let _ = self.store.unlock(&self.key, &lease).await;
            return result;
        }
    }

    /// After a store error: `true` to give up on the store (fail open), or
    /// `false` after waiting to ask it again (fail closed).
    async fn unavailable(&self, e: &StoreError) -> bool {
        self.health.failed("token", e, self.mode);
        match self.mode {
            OnUnavailable::Local => true,
            OnUnavailable::Wait => {
                tokio::time::sleep(STORE_RETRY).await;
                false
            }
        }
    }
}
