//! A local, stateful Zoom Cobrowse API for tests of code that uses zoom-cobrowse.
//!
//! [`MockZoom`] serves the four Cobrowse operations and Zoom's OAuth token endpoint on
//! a loopback port, over seeded, realistic data: live sessions in progress, six
//! months of past sessions, users who leave and rejoin. It behaves as Zoom does where
//! clients go wrong: page tokens that expire, the one-month range rule, Zoom's error
//! bodies, three kinds of credentials, per-label rate limits answering 429 with
//! `Retry-After`, and faults on demand (latency, 5xx JSON and HTML pages, truncated
//! bodies, dropped connections, and the hostile ones: stalls, huge bodies, endless
//! page tokens, echoed credentials, any canned answer). It stops when dropped.
//!
//! ```
//! use secrecy::ExposeSecret;
//! use zoom_cobrowse::Operation;
//! use zoom_cobrowse_mock::MockZoom;
//!
//! #[tokio::main(flavor = "current_thread")]
//! async fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     let zoom = MockZoom::builder().seed(7).live_sessions(45).start().await?;
//!     let token = zoom.credentials().bearer_tokens[0].expose_secret().to_owned();
//!
//!     let page: serde_json::Value = reqwest::Client::new()
//!         .get(format!("{}/cobrowsesdk/live_sessions", zoom.base_url()))
//!         .bearer_auth(&token)
//!         .send()
//!         .await?
//!         .json()
//!         .await?;
//!     // 45 live sessions: a first page of 30, and a token for the rest.
//!     assert_eq!(page["sessions"].as_array().unwrap().len(), 30);
//!     assert_ne!(page["next_page_token"], "");
//!     assert_eq!(zoom.live_sessions().len(), 45);
//!     assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 1);
//!     Ok(())
//! }
//! ```
//!
//! # Behaviour, where Zoom's documentation leaves a choice
//! - Listings are ordered by start time, then session ID; session users by join
//!   time, then connection ID. The last page has `"next_page_token": ""`.
//! - `page_size` outside 30..=300 is refused (400, code 300 `Validation Failed.`),
//!   not clamped. An empty query value counts as absent.
//! - A page token continues only the listing it came from: sent with other filters,
//!   or after its time to live (default 15 minutes), it is refused with 400, code
//!   30101. It may be used again until then, as a retrying client does.
//! - Past sessions: `from`/`to` are `yyyy-mm-dd` (whole UTC days) or
//!   `yyyy-MM-ddTHH:mm:ssZ`; `to` may be at most one calendar month after `from`, and
//!   `from` no earlier than the day six months ago; otherwise 400, code 300. Neither
//!   means the last 24 hours. The range is fixed on the first page.
//! - Rate limits are off unless set ([`zoom_cobrowse::RateLimits`], the SDK's own table); windows are fixed and follow
//!   the simulator's [`Clock`]. They are per account, as Zoom's are: every client
//!   that authenticates as one account (its OAuth app, its API key, its bearer
//!   tokens; see [`AcceptedCredentials`]) spends the same budget, whatever
//!   connection or process it comes from.
//! - Times follow the [`Clock`] (the system clock by default; a [`ManualClock`] moves
//!   page tokens, access tokens, API JWTs and rate-limit windows without sleeping).
//!   Latency faults are real time.
#![deny(missing_docs)]

mod auth;
mod clock;
mod faults;
mod generate;
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod httpmock;
// The generator names the SDK's hand-written `SessionDetail` by its public path,
// `crate::types::SessionDetail`; this makes that path resolve here too.
use zoom_cobrowse::types;
mod model;
mod pagination;
mod range;
mod rate_limit;
mod response;
mod routes;
mod server;
mod state;
mod stats;

use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand_pcg::Pcg64;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use zoom_cobrowse::RateLimits;

pub use auth::{AcceptedCredentials, ApiKey, OAuthApp};
pub use clock::{Clock, ManualClock};
pub use faults::{Fault, FaultPlan, FaultScope, ServerStatus};
pub use stats::Stats;

use auth::AccessTokens;
use clock::delta;
use faults::Faults;
use generate::DataSpec;
use pagination::PageTokens;
use rate_limit::Limiter;
use state::{Shared, State};
use zoom_cobrowse::types::{LiveSession, PastSession, SessionDetail, SessionUserConnection};

/// The most live sessions, and past sessions per day, the simulator generates:
/// beyond that, memory and start-up time stop being a test's.
pub const MAX_SESSIONS: usize = 10_000;

/// Why the simulator could not do what was asked.
#[derive(Debug)]
#[non_exhaustive]
pub enum MockError {
    /// The loopback port could not be bound.
    Bind {
        /// The port asked for (0: any).
        port: u16,
        /// What the OS said.
        source: std::io::Error,
    },
    /// More sessions than [`MAX_SESSIONS`] were asked for.
    TooManySessions {
        /// `live_sessions` or `past_sessions_per_day`.
        setting: &'static str,
        /// The number asked for.
        requested: usize,
    },
    /// A fault probability outside 0..=1.
    InvalidProbability(f64),
    /// No session has this ID.
    UnknownSession(String),
    /// The session has already ended.
    SessionNotLive(String),
}

impl fmt::Display for MockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MockError::Bind { port, source } => {
                write!(f, "cannot listen on 127.0.0.1:{port}: {source}")
            }
            MockError::TooManySessions { setting, requested } => write!(
                f,
                "{setting} = {requested} is more than the simulator generates ({MAX_SESSIONS})"
            ),
            MockError::InvalidProbability(p) => {
                write!(f, "fault probability {p} is not between 0 and 1")
            }
            MockError::UnknownSession(id) => write!(f, "no session has ID {id:?}"),
            MockError::SessionNotLive(id) => write!(f, "session {id:?} has already ended"),
        }
    }
}

impl std::error::Error for MockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MockError::Bind { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Settings of a [`MockZoom`]; every one has a default.
#[derive(Clone, Debug)]
pub struct MockZoomBuilder {
    seed: u64,
    live_sessions: usize,
    past_sessions_per_day: usize,
    page_token_ttl: Duration,
    access_token_ttl: Duration,
    rate_limits: RateLimits,
    credentials: AcceptedCredentials,
    clock: Clock,
    faults: FaultPlan,
    port: u16,
}

impl Default for MockZoomBuilder {
    fn default() -> Self {
        Self {
            seed: 1,
            live_sessions: 40,
            past_sessions_per_day: 20,
            page_token_ttl: Duration::from_secs(15 * 60),
            access_token_ttl: Duration::from_secs(3600),
            rate_limits: RateLimits::custom(),
            credentials: AcceptedCredentials::default(),
            clock: Clock::system(),
            faults: FaultPlan::new(),
            port: 0,
        }
    }
}

impl MockZoomBuilder {
    /// The seed of the data, the page and access tokens, and random faults
    /// (default 1). With the same seed, settings and clock, a run is repeated exactly.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// How many sessions are live (default 40), at most [`MAX_SESSIONS`].
    pub fn live_sessions(mut self, n: usize) -> Self {
        self.live_sessions = n;
        self
    }

    /// How many sessions started on each day of the last six months (default 20), at
    /// most [`MAX_SESSIONS`]. Days at the edges of the history have fewer.
    pub fn past_sessions_per_day(mut self, n: usize) -> Self {
        self.past_sessions_per_day = n;
        self
    }

    /// How long a `next_page_token` stays valid (Zoom: 15 minutes).
    pub fn page_token_ttl(mut self, ttl: Duration) -> Self {
        self.page_token_ttl = ttl;
        self
    }

    /// How long an access token from the token endpoint stays valid, as its
    /// `expires_in` says (Zoom: one hour).
    pub fn access_token_ttl(mut self, ttl: Duration) -> Self {
        self.access_token_ttl = ttl;
        self
    }

    /// The account's rate limits (default: none).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = limits;
        self
    }

    /// The credentials accepted (default: [`AcceptedCredentials::default`]).
    pub fn credentials(mut self, credentials: AcceptedCredentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// Where "now" comes from (default: the system clock).
    pub fn clock(mut self, clock: impl Into<Clock>) -> Self {
        self.clock = clock.into();
        self
    }

    /// The fault plan in force from the start (default: none).
    pub fn faults(mut self, plan: FaultPlan) -> Self {
        self.faults = plan;
        self
    }

    /// The loopback port to listen on (default 0: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Generates the data and starts serving on `127.0.0.1`, on the current Tokio
    /// runtime, until the [`MockZoom`] is dropped.
    pub async fn start(self) -> Result<MockZoom, MockError> {
        for (setting, requested) in [
            ("live_sessions", self.live_sessions),
            ("past_sessions_per_day", self.past_sessions_per_day),
        ] {
            if requested > MAX_SESSIONS {
                return Err(MockError::TooManySessions { setting, requested });
            }
        }
        let bind_error = |source| MockError::Bind {
            port: self.port,
            source,
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, self.port))
            .await
            .map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let mut rng = Pcg64::seed_from_u64(self.seed);
        let data = generate::generate(
            &mut rng,
            self.clock.now(),
            &DataSpec {
                live_sessions: self.live_sessions,
                past_sessions_per_day: self.past_sessions_per_day,
            },
        );
        let state = State {
            data,
            page_tokens: PageTokens::new(delta(self.page_token_ttl)),
            access_tokens: AccessTokens::new(delta(self.access_token_ttl)),
            limiter: Limiter::new(self.rate_limits),
            // Its own stream, so changing the fault plan leaves the data alone.
            faults: Faults::new(self.faults, self.seed ^ FAULT_STREAM),
            stats: Stats::default(),
            rng,
        };
        let origin = format!("http://{addr}");
        let shared = Arc::new(Shared::new(self.clock, self.credentials, origin, state));
        let server = tokio::spawn(server::serve(listener, shared.clone()));
        Ok(MockZoom {
            addr,
            shared,
            server,
        })
    }
}

/// Separates the fault draws' random stream from the data's.
const FAULT_STREAM: u64 = 0x6661_756c_7473;

/// A running simulator; it stops serving when dropped.
pub struct MockZoom {
    addr: SocketAddr,
    shared: Arc<Shared>,
    server: JoinHandle<()>,
}

impl fmt::Debug for MockZoom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockZoom")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for MockZoom {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl MockZoom {
    /// Settings to start a simulator with.
    pub fn builder() -> MockZoomBuilder {
        MockZoomBuilder::default()
    }

    /// Starts a simulator with the default settings.
    pub async fn start() -> Result<Self, MockError> {
        Self::builder().start().await
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The API's base URL, e.g. `http://127.0.0.1:PORT/v2` (Zoom's is
    /// `https://api.zoom.us/v2`).
    pub fn base_url(&self) -> String {
        format!("{}{}", self.shared.origin, routes::API_PREFIX)
    }

    /// The OAuth token endpoint, e.g. `http://127.0.0.1:PORT/oauth/token` (Zoom's is
    /// `https://zoom.us/oauth/token`).
    pub fn oauth_url(&self) -> String {
        format!("{}{}", self.shared.origin, routes::TOKEN_PATH)
    }

    /// The credentials it accepts.
    pub fn credentials(&self) -> &AcceptedCredentials {
        &self.shared.credentials
    }

    /// The simulator's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.shared.clock.now()
    }

    /// Every live session, as the live listing shows them, in its order.
    pub fn live_sessions(&self) -> Vec<LiveSession> {
        let state = self.shared.lock();
        state
            .data
            .sessions()
            .iter()
            .filter(|s| s.is_live())
            .map(|s| s.to_live())
            .collect()
    }

    /// Every past session (all six months), as the past listing shows them, in its
    /// order.
    pub fn past_sessions(&self) -> Vec<PastSession> {
        let state = self.shared.lock();
        state
            .data
            .sessions()
            .iter()
            .filter_map(|s| s.to_past())
            .collect()
    }

    /// A session as get-session answers it: the past shape once ended.
    pub fn session(&self, session_id: &str) -> Option<SessionDetail> {
        self.shared
            .lock()
            .data
            .get(session_id)
            .map(|s| s.to_detail())
    }

    /// A session's users, one row per connection, as the users listing shows them.
    pub fn session_users(&self, session_id: &str) -> Option<Vec<SessionUserConnection>> {
        self.shared
            .lock()
            .data
            .get(session_id)
            .map(|s| s.to_users())
    }

    /// Ends a live session now: its users leave, and it moves to the past listing.
    pub fn end_session(&self, session_id: &str) -> Result<PastSession, MockError> {
        let now = self.now();
        let mut state = self.shared.lock();
        let session = state
            .data
            .get_mut(session_id)
            .ok_or_else(|| MockError::UnknownSession(session_id.to_string()))?;
        if !session.is_live() {
            return Err(MockError::SessionNotLive(session_id.to_string()));
        }
        session.end_at(now);
        session
            .to_past()
            .ok_or_else(|| MockError::SessionNotLive(session_id.to_string()))
    }

    /// The counters so far.
    pub fn stats(&self) -> Stats {
        self.shared.lock().stats.clone()
    }

    /// Zeroes the counters.
    pub fn reset_stats(&self) {
        self.shared.lock().stats = Stats::default();
    }

    /// Replaces the fault plan; its random draws restart from the seed.
    pub fn set_faults(&self, plan: FaultPlan) {
        self.shared.lock().faults.set(plan);
    }

    /// Removes every fault and latency.
    pub fn clear_faults(&self) {
        self.set_faults(FaultPlan::new());
    }

    /// Replaces the rate limits, with fresh windows.
    pub fn set_rate_limits(&self, limits: RateLimits) {
        self.shared.lock().limiter.set_limits(limits);
    }

    /// Invalidates every access token the token endpoint issued, as if Zoom had
    /// revoked them: the next request with one gets 401, code 124.
    pub fn revoke_access_tokens(&self) {
        self.shared.lock().access_tokens.revoke_all();
    }
}
