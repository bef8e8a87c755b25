//! Everything a running simulator holds, shared by its connections and its handle.

use std::sync::{Mutex, MutexGuard, PoisonError};

use rand_pcg::Pcg64;

use super::auth::{AcceptedCredentials, AccessTokens};
use super::clock::Clock;
use super::faults::Faults;
use super::model::Dataset;
use super::pagination::PageTokens;
use super::rate_limit::Limiter;
use super::stats::Stats;

/// Fixed at start, plus the mutable state behind one lock (every critical section is
/// short and never awaits).
#[derive(Debug)]
pub(crate) struct Shared {
    pub clock: Clock,
    pub credentials: AcceptedCredentials,
    /// `http://127.0.0.1:PORT`.
    pub origin: String,
    state: Mutex<State>,
}

#[derive(Debug)]
pub(crate) struct State {
    pub data: Dataset,
    pub page_tokens: PageTokens,
    pub access_tokens: AccessTokens,
    pub limiter: Limiter,
    pub faults: Faults,
    pub stats: Stats,
    /// Draws page tokens and access tokens.
    pub rng: Pcg64,
}

impl Shared {
    pub fn new(
        clock: Clock,
        credentials: AcceptedCredentials,
        origin: String,
        state: State,
    ) -> Self {
        Self {
            clock,
            credentials,
            origin,
            state: Mutex::new(state),
        }
    }

    /// The state; a panic elsewhere while holding it leaves it usable (every update
    /// is a single assignment or insert, so none is left half done).
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
