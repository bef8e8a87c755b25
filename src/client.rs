//! The client: one line from credentials, a builder for the rest.

use std::time::Duration;

use crate::auth::{Credentials, DEFAULT_OAUTH_URL, TokenSource};
use crate::body::DEFAULT_MAX_BODY_SIZE;
use crate::error::Error;
use crate::fleet::{Fleet, SharedBudget, account_of};
use crate::generated::Client as RawClient;
use crate::pagination::DEFAULT_MAX_PAGES;
use crate::rate_limit::{Limiter, RateLimits};
use crate::retry::RetryPolicy;
use crate::transport::Transport;

/// Zoom's REST API base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.zoom.us/v2";

const DEFAULT_USER_AGENT: &str = concat!("zoom-cobrowse/", env!("CARGO_PKG_VERSION"));

/// A client of the Cobrowse SDK REST API. Cheap to clone; clones share the
/// connection pool, the token cache and the rate limiter.
///
/// ```no_run
/// # async fn demo() -> Result<(), zoom_cobrowse::Error> {
/// use zoom_cobrowse::{Client, Credentials};
///
/// let client = Client::new(Credentials::server_to_server("account", "id", "secret"))?;
/// let session = client.get_session("GDDykmpQQU6MWL3GqLNUkw").await?;
/// # let _ = session;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    raw: RawClient,
    max_pages: u64,
}

impl Client {
    /// A client for api.zoom.us with default settings.
    pub fn new(credentials: Credentials) -> Result<Self, Error> {
        Self::builder(credentials).build()
    }

    /// A builder to set the base URL, timeouts, retries, rate limits and more.
    pub fn builder(credentials: Credentials) -> ClientBuilder {
        ClientBuilder::new(credentials)
    }

    /// A client configured from the environment; see [`ClientBuilder::from_env`].
    pub fn from_env() -> Result<Self, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// The generated client underneath, for calls this wrapper does not cover.
    /// Each call is one attempt with this client's credentials, limiter and body
    /// limit, without retries (see [`crate::raw`]).
    pub fn raw(&self) -> &RawClient {
        &self.raw
    }

    /// The most pages one listing follows ([`ClientBuilder::max_pages`]).
    pub(crate) fn max_pages(&self) -> u64 {
        self.max_pages
    }
}

/// Settings of a [`Client`].
///
/// ```
/// use std::time::Duration;
/// use zoom_cobrowse::{Client, Credentials, RateLimits, RetryPolicy};
///
/// let client = Client::builder(Credentials::api_key("key", "secret"))
///     .base_url("https://api.zoom.us/v2")
///     .timeout(Duration::from_secs(10))
///     .retry(RetryPolicy::standard().max_attempts(3))
///     .rate_limits(RateLimits::business_plus())
///     .build()?;
/// # let _ = client;
/// # Ok::<(), zoom_cobrowse::Error>(())
/// ```
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Credentials,
    base_url: String,
    oauth_url: String,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    rate_limits: Option<RateLimits>,
    user_agent: String,
    http: Option<reqwest::Client>,
    fleet: Option<Fleet>,
    max_body_size: usize,
    max_pages: u64,
    plain_http_hosts: Vec<String>,
}

impl ClientBuilder {
    /// Defaults: api.zoom.us, 30 s per attempt, 10 s to connect,
    /// [`RetryPolicy::standard`], [`RateLimits::pro`], bodies up to
    /// [`DEFAULT_MAX_BODY_SIZE`], listings up to [`DEFAULT_MAX_PAGES`] pages.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            base_url: DEFAULT_BASE_URL.to_string(),
            oauth_url: DEFAULT_OAUTH_URL.to_string(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::standard(),
            rate_limits: Some(RateLimits::pro()),
            user_agent: DEFAULT_USER_AGENT.to_string(),
            http: None,
            fleet: None,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            max_pages: DEFAULT_MAX_PAGES,
            plain_http_hosts: Vec::new(),
        }
    }

    /// Reads the configuration from the environment:
    /// `ZOOM_ACCESS_TOKEN`; or `ZOOM_API_KEY` and `ZOOM_API_SECRET`; or
    /// `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and `ZOOM_CLIENT_SECRET`; plus the
    /// optional `ZOOM_BASE_URL` and `ZOOM_OAUTH_URL`. The error names the
    /// variable that is missing or malformed.
    pub fn from_env() -> Result<Self, Error> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// Like [`from_env`](Self::from_env), reading variables through `lookup`
    /// (a config map, or a test's fixed values).
    pub fn from_vars(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let var = |name: &str| -> Result<Option<String>, Error> {
            match lookup(name) {
                None => Ok(None),
                Some(value) if value.trim().is_empty() => {
                    Err(Error::config(format!("{name} is set but empty")))
                }
                Some(value) => Ok(Some(value.trim().to_string())),
            }
        };
        let require = |name: &str, because: &str| -> Result<String, Error> {
            var(name)?
                .ok_or_else(|| Error::config(format!("{name} is missing (needed with {because})")))
        };
        let credentials = if let Some(token) = var("ZOOM_ACCESS_TOKEN")? {
            Credentials::bearer(token)
        } else if let Some(key) = var("ZOOM_API_KEY")? {
            Credentials::api_key(key, require("ZOOM_API_SECRET", "ZOOM_API_KEY")?)
        } else if var("ZOOM_API_SECRET")?.is_some() {
            return Err(Error::config(
                "ZOOM_API_KEY is missing (needed with ZOOM_API_SECRET)",
            ));
        } else if let Some(account_id) = var("ZOOM_ACCOUNT_ID")? {
            Credentials::server_to_server(
                account_id,
                require("ZOOM_CLIENT_ID", "ZOOM_ACCOUNT_ID")?,
                require("ZOOM_CLIENT_SECRET", "ZOOM_ACCOUNT_ID")?,
            )
        } else if let Some(present) = ["ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"]
            .into_iter()
            .find(|name| lookup(name).is_some())
        {
            return Err(Error::config(format!(
                "ZOOM_ACCOUNT_ID is missing (needed with {present})"
            )));
        } else {
            return Err(Error::config(
                "no credentials: set ZOOM_ACCESS_TOKEN, or ZOOM_API_KEY and ZOOM_API_SECRET, \
                 or ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET",
            ));
        };
        let mut builder = Self::new(credentials);
        for (name, slot) in [
            ("ZOOM_BASE_URL", &mut builder.base_url),
            ("ZOOM_OAUTH_URL", &mut builder.oauth_url),
        ] {
            if let Some(url) = var(name)? {
                *slot = parse_url(name, &url)?;
            }
        }
        Ok(builder)
    }

    /// The API's base URL, e.g. a simulator's or a regional host's.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The Server-to-Server OAuth token endpoint.
    pub fn oauth_url(mut self, url: impl Into<String>) -> Self {
        self.oauth_url = url.into();
        self
    }

    /// The longest one attempt may take, connect to last byte.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The longest a connect may take.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// When to retry; [`RetryPolicy::disabled`] turns retries off.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The client-side budget per rate-limit label, shared by clones of the client.
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = Some(limits);
        self
    }

    /// No client-side rate limiting: every request goes out at once.
    pub fn no_rate_limits(mut self) -> Self {
        self.rate_limits = None;
        self
    }

    /// The `User-Agent` header (ignored with [`http_client`](Self::http_client)).
    pub fn user_agent(mut self, agent: impl Into<String>) -> Self {
        self.user_agent = agent.into();
        self
    }

    /// Sends through an existing `reqwest::Client` (its own timeouts and user
    /// agent apply instead of this builder's).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Fleet mode: the rate budget (with this builder's
    /// [`rate_limits`](Self::rate_limits)) and the Server-to-Server token are
    /// shared with every client built with the same fleet's stores, in this
    /// process or, over Redis, in others. See [`crate::fleet`].
    pub fn fleet(mut self, fleet: Fleet) -> Self {
        self.fleet = Some(fleet);
        self
    }

    /// The largest answer body read, in bytes (default [`DEFAULT_MAX_BODY_SIZE`],
    /// 16 MiB), for API answers and the token endpoint alike. A larger body is
    /// refused while it is read, with [`ErrorKind::BodyTooLarge`](crate::ErrorKind),
    /// and not retried; at most this much of it is ever held in memory.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The most pages one listing follows (default [`DEFAULT_MAX_PAGES`]); the
    /// page after that ends the stream with
    /// [`ErrorKind::TooManyPages`](crate::ErrorKind), so a server that hands out
    /// fresh page tokens forever cannot keep a job running forever. For a
    /// past-session range, it counts the pages of all month windows together.
    pub fn max_pages(mut self, pages: u64) -> Self {
        self.max_pages = pages;
        self
    }

    /// Allows plain `http://` base and OAuth URLs for `host`. Without it, `build`
    /// refuses `http://` for any host but loopback (`localhost`, `127.0.0.0/8`,
    /// `::1`): credentials and tokens would cross the network in clear text.
    pub fn allow_plain_http_for_host(mut self, host: impl Into<String>) -> Self {
        self.plain_http_hosts.push(host.into());
        self
    }

    /// Builds the client. Fails on a malformed URL, a plain `http://` URL for a
    /// host that is neither loopback nor allowed by
    /// [`allow_plain_http_for_host`](Self::allow_plain_http_for_host), or a TLS
    /// set-up failure.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = parse_url("base URL", &self.base_url)?;
        let oauth_url = parse_url("OAuth URL", &self.oauth_url)?;
        for (name, url) in [("base URL", &base_url), ("OAuth URL", &oauth_url)] {
            check_plain_http(name, url, &self.plain_http_hosts)?;
        }
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(self.timeout)
                .connect_timeout(self.connect_timeout)
                .user_agent(self.user_agent)
                .build()?,
        };
        let account = self.fleet.as_ref().map(|fleet| {
            fleet
                .account
                .clone()
                .unwrap_or_else(|| account_of(&self.credentials))
        });
        let mut tokens = TokenSource::new(
            self.credentials,
            oauth_url,
            http.clone(),
            self.retry.clone(),
            self.max_body_size,
        );
        if let Some(fleet) = &self.fleet {
            tokens = tokens.shared(fleet);
        }
        let limiter =
            self.rate_limits
                .as_ref()
                .map(|limits| match self.fleet.as_ref().zip(account) {
                    Some((fleet, account)) => {
                        Limiter::shared(limits, SharedBudget::new(fleet, account))
                    }
                    None => Limiter::new(limits),
                });
        let transport = Transport::new(tokens, self.retry, limiter, self.max_body_size);
        Ok(Client {
            raw: RawClient::new_with_client(&base_url, http, transport),
            max_pages: self.max_pages,
        })
    }
}

/// A URL with a scheme and host, without a trailing slash (progenitor appends paths).
fn parse_url(name: &str, url: &str) -> Result<String, Error> {
    let parsed = reqwest::Url::parse(url)
        .map_err(|e| Error::config(format!("{name} is not a valid URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(Error::config(format!(
            "{name} must be an http(s) URL with a host"
        )));
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// Refuses `http://` for a host that is not loopback and not allowed by name.
fn check_plain_http(name: &str, url: &str, allowed: &[String]) -> Result<(), Error> {
    let Ok(parsed) = reqwest::Url::parse(url) else {
        return Ok(()); // parse_url has already refused it
    };
    if parsed.scheme() != "http" {
        return Ok(());
    }
    let unbracket = |h: &str| h.trim_matches(|c| c == '[' || c == ']').to_owned();
    let host = unbracket(parsed.host_str().unwrap_or_default());
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    let allowed = allowed
        .iter()
        .any(|a| unbracket(a).eq_ignore_ascii_case(&host));
    if loopback || allowed {
        return Ok(());
    }
    Err(Error::config(format!(
        "{name} {url} is plain http:// to {host}, which would send credentials in clear \
         text; use https://, or allow it with ClientBuilder::allow_plain_http_for_host"
    )))
}
