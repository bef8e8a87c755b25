//! Fault injection: what goes wrong between a client and Zoom, on demand.
//!
//! A [`FaultPlan`] adds latency, scripts faults for the next requests, and draws
//! random ones from the simulator's seed, so the same plan and the same sequence of
//! requests give the same faults.

use std::collections::VecDeque;
use std::time::Duration;

use http::StatusCode;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;

use super::MockError;
use zoom_cobrowse::Operation;

/// A 5xx status a faulty server or proxy answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerStatus {
    /// 500 Internal Server Error.
    InternalServerError,
    /// 502 Bad Gateway.
    BadGateway,
    /// 503 Service Unavailable.
    ServiceUnavailable,
    /// 504 Gateway Timeout.
    GatewayTimeout,
}

impl ServerStatus {
    pub(crate) fn code(self) -> StatusCode {
        match self {
            Self::InternalServerError => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadGateway => StatusCode::BAD_GATEWAY,
            Self::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::GatewayTimeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }
}

/// One thing that can go wrong with a request.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// A 5xx answer with a Zoom JSON error body (`{"code": 503, "message": ...}`).
    ServerError(ServerStatus),
    /// A 5xx answer with an HTML page, as a proxy in front of Zoom sends.
    ProxyErrorPage(ServerStatus),
    /// The real answer's status and headers, `Content-Length` included, then half
    /// the body and a closed connection: the client's body read fails.
    TruncatedBody,
    /// A complete HTTP answer whose JSON body is cut in half (`Content-Length`
    /// matches what is sent): the HTTP read succeeds and decoding fails.
    MalformedJson,
    /// The connection closes without an answer.
    DropConnection,
    /// 429 with `Retry-After`, as if another app on the account spent the budget.
    TooManyRequests {
        /// The `Retry-After` sent, in whole seconds.
        retry_after: Duration,
    },
    /// No answer at all for an hour, the connection held open: a hanging
    /// gateway. The client's timeout has to end it.
    Stall,
    /// 200 with a body of `bytes` spaces, streamed as fast as the client reads,
    /// never held in memory: a broken proxy or a hostile server. With
    /// `declare_length` the headers carry its `Content-Length`; without, it is
    /// sent chunked, so only counting while reading can stop it.
    HugeBody {
        /// The body's length.
        bytes: u64,
        /// Whether `Content-Length` announces it.
        declare_length: bool,
    },
    /// The real answer to the listing's first page (the request's page token is
    /// ignored), with a fresh `next_page_token` each time: a server that never
    /// says a listing ended. Apply it to every request in scope
    /// (`with_probability(1.0, ..)`) to make a listing endless.
    EndlessPages,
    /// 400 whose body repeats the request's `Authorization` header: as Zoom's
    /// error JSON (`message`, and `reason` and `error` as the token endpoint
    /// writes them), or with `html`, inside an HTML page. A server that echoes
    /// credentials into its errors.
    EchoAuthorization {
        /// An HTML page instead of JSON.
        html: bool,
    },
    /// Exactly this answer: any status, headers and body, for values no real
    /// server sends (`Retry-After: 18446744073709551615`, `"expires_in": -1`).
    Answer {
        /// The status code (an invalid one is answered as 500).
        status: u16,
        /// Header names and values (invalid ones are left out).
        headers: Vec<(String, String)>,
        /// The body.
        body: String,
    },
}

/// Which requests a [`FaultPlan`] applies to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FaultScope {
    /// Every API request (the default), but not the OAuth token endpoint.
    #[default]
    Api,
    /// Requests of this operation only.
    Operation(Operation),
    /// The OAuth token endpoint only.
    TokenEndpoint,
    /// Every request.
    Everything,
}

/// Where a request is going, for scoping faults.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Target {
    Api(Option<Operation>),
    TokenEndpoint,
}

impl FaultScope {
    fn covers(self, target: Target) -> bool {
        match (self, target) {
            (FaultScope::Everything, _)
            | (FaultScope::Api, Target::Api(_))
            | (FaultScope::TokenEndpoint, Target::TokenEndpoint) => true,
            (FaultScope::Operation(op), Target::Api(Some(target))) => op == target,
            _ => false,
        }
    }
}

/// Latency and faults for the requests in a [`FaultScope`].
///
/// ```
/// use std::time::Duration;
/// use zoom_cobrowse_mock::{Fault, FaultPlan, ServerStatus};
/// // Every request waits 5 ms; the next two get a 503, then one in ten is dropped.
/// let plan = FaultPlan::new()
///     .latency(Duration::from_millis(5))
///     .next(2, Fault::ServerError(ServerStatus::ServiceUnavailable))
///     .with_probability(0.1, Fault::DropConnection)?;
/// # Ok::<(), zoom_cobrowse_mock::MockError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FaultPlan {
    latency: Duration,
    scripted: VecDeque<Fault>,
    random: Vec<(f64, Fault)>,
    scope: FaultScope,
}

impl FaultPlan {
    /// No latency and no faults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Delays every request in scope by `latency` before answering.
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// The next `n` requests in scope get `fault`, after those scripted before.
    pub fn next(mut self, n: usize, fault: Fault) -> Self {
        self.scripted.extend(std::iter::repeat_n(fault, n));
        self
    }

    /// Once the script is spent, each request in scope gets `fault` with probability
    /// `p` (draws are made in the order faults were added; the first hit wins).
    pub fn with_probability(mut self, p: f64, fault: Fault) -> Result<Self, MockError> {
        if !(0.0..=1.0).contains(&p) {
            return Err(MockError::InvalidProbability(p));
        }
        self.random.push((p, fault));
        Ok(self)
    }

    /// Which requests the plan applies to (default: [`FaultScope::Api`]).
    pub fn scope(mut self, scope: FaultScope) -> Self {
        self.scope = scope;
        self
    }
}

/// The plan in force and the draws it has made.
#[derive(Debug)]
pub(crate) struct Faults {
    plan: FaultPlan,
    seed: u64,
    rng: Pcg64,
}

/// What happens to one request.
pub(crate) struct Decision {
    pub latency: Duration,
    pub fault: Option<Fault>,
}

impl Faults {
    pub fn new(plan: FaultPlan, seed: u64) -> Self {
        Self {
            plan,
            seed,
            rng: Pcg64::seed_from_u64(seed),
        }
    }

    /// Replaces the plan, restarting its random draws from the seed.
    pub fn set(&mut self, plan: FaultPlan) {
        *self = Self::new(plan, self.seed);
    }

    pub fn decide(&mut self, target: Target) -> Decision {
        if !self.plan.scope.covers(target) {
            return Decision {
                latency: Duration::ZERO,
                fault: None,
            };
        }
        let fault = self.plan.scripted.pop_front().or_else(|| {
            let rng = &mut self.rng;
            self.plan
                .random
                .iter()
                .find(|(p, _)| rng.random_bool(*p))
                .map(|(_, fault)| fault.clone())
        });
        Decision {
            latency: self.plan.latency,
            fault,
        }
    }
}
