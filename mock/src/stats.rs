//! What the simulator has served, so a test can assert on a client's behaviour
//! (pages fetched, retries, token fetches, 429s) rather than only on its results.

use std::collections::BTreeMap;

use zoom_cobrowse::Operation;

/// Counters since the simulator started (or since
/// [`MockZoom::reset_stats`](super::MockZoom::reset_stats)).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    requests: BTreeMap<Operation, u64>,
    /// Per account: API requests admitted by its rate limits, and refused with 429.
    accounts: BTreeMap<String, (u64, u64)>,
    /// API requests to a path or method no operation has.
    pub unrouted: u64,
    /// Requests to the OAuth token endpoint, whatever the answer.
    pub token_requests: u64,
    /// Access tokens the token endpoint issued.
    pub tokens_issued: u64,
    /// 401 answers to API requests.
    pub unauthorized: u64,
    /// 429 answers, from rate limits and from injected faults.
    pub rate_limited: u64,
    /// Requests that met an injected fault (latency alone does not count).
    pub faults_injected: u64,
}

impl Stats {
    /// Requests received for `operation`, whatever the answer, faults included.
    pub fn requests(&self, operation: Operation) -> u64 {
        self.requests.get(&operation).copied().unwrap_or(0)
    }

    /// Requests received for all operations together.
    pub fn api_requests(&self) -> u64 {
        self.requests.values().sum()
    }

    /// API requests of `account` that its rate limits let through (whatever the
    /// answer after that).
    pub fn admitted(&self, account: &str) -> u64 {
        self.accounts.get(account).map_or(0, |a| a.0)
    }

    /// API requests of `account` refused with 429 by its rate limits.
    pub fn rate_limited_for(&self, account: &str) -> u64 {
        self.accounts.get(account).map_or(0, |a| a.1)
    }

    pub(crate) fn count_account(&mut self, account: String, admitted: bool) {
        let counts = self.accounts.entry(account).or_default();
        if admitted {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }

    pub(crate) fn count_request(&mut self, operation: Operation) {
        *self.requests.entry(operation).or_default() += 1;
    }
}
