//! Credentials, and the bearer tokens they yield: a token the caller holds, an API
//! JWT the client signs itself, or a Server-to-Server OAuth token it fetches.
//! Tokens are cached, renewed before they expire, and fetched once however many
//! requests wait for them.

use std::fmt;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use reqwest::StatusCode;
use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use tokio::time::Instant;
use zeroize::Zeroizing;

use crate::body::{self, BodyError};
use crate::error::{Error, ErrorKind};
use crate::fleet::{Fleet, SharedTokens, StoredToken};
use crate::redact::{self, Registered};
use crate::retry::{RetryPolicy, is_retryable_error, is_retryable_status};

/// Zoom's Server-to-Server OAuth token endpoint.
pub const DEFAULT_OAUTH_URL: &str = "https://zoom.us/oauth/token";

/// Renew a token this long before it expires (a tenth of a shorter lifetime), so
/// no request carries one that expires in flight.
const RENEW_MARGIN: Duration = Duration::from_secs(60);

/// Lifetime of the API JWTs the client signs. Zoom suggests at most an hour.
const API_JWT_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// How the client authenticates to Zoom. `Debug` never shows a secret.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// A bearer token the caller already holds; it is sent as is and never renewed.
    BearerToken(SecretString),
    /// An API key and secret: the client signs short-lived API JWTs (HS256, `iss`,
    /// `iat`, `exp`) and signs a new one before the old expires.
    ApiKey {
        /// The API key, the JWT's `iss`.
        key: String,
        /// The API secret that signs the JWTs.
        secret: SecretString,
    },
    /// Server-to-Server OAuth (`account_credentials` grant): the client fetches
    /// access tokens and fetches a new one before the old expires.
    ServerToServer {
        /// The Zoom account ID.
        account_id: String,
        /// The OAuth app's client ID.
        client_id: String,
        /// The OAuth app's client secret.
        client_secret: SecretString,
    },
}

impl Credentials {
    /// A bearer token the caller already holds.
    pub fn bearer(token: impl Into<String>) -> Self {
        Self::BearerToken(SecretString::from(token.into()))
    }

    /// An API key and secret.
    pub fn api_key(key: impl Into<String>, secret: impl Into<String>) -> Self {
        Self::ApiKey {
            key: key.into(),
            secret: SecretString::from(secret.into()),
        }
    }

    /// Server-to-Server OAuth app credentials.
    pub fn server_to_server(
        account_id: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Self::ServerToServer {
            account_id: account_id.into(),
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BearerToken(_) => f.write_str("BearerToken(***)"),
            Self::ApiKey { key, .. } => f
                .debug_struct("ApiKey")
                .field("key", key)
                .field("secret", &"***")
                .finish(),
            Self::ServerToServer {
                account_id,
                client_id,
                ..
            } => f
                .debug_struct("ServerToServer")
                .field("account_id", account_id)
                .field("client_id", client_id)
                .field("client_secret", &"***")
                .finish(),
        }
    }
}

/// A token, ready to send as an `Authorization` header, and when to stop using it.
/// The header's bytes are zeroized when the last clone of it is dropped.
struct CachedToken {
    header: HeaderValue,
    renew_at: Option<Instant>,
    _redacted: Registered,
}

/// The bytes of an `Authorization` header, wiped when the last `Bytes` sharing
/// them goes away (every clone sent with a request shares this one buffer).
struct WipedOnDrop(Zeroizing<Vec<u8>>);

impl AsRef<[u8]> for WipedOnDrop {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl CachedToken {
    /// Marks the header sensitive, so neither reqwest nor hyper prints it, and
    /// registers the token for redaction from everything the crate prints.
    fn new(token: &SecretString, renew_at: Option<Instant>) -> Result<Self, Error> {
        let token = token.expose_secret();
        let mut bytes = Zeroizing::new(Vec::with_capacity(7 + token.len()));
        bytes.extend_from_slice(b"Bearer ");
        bytes.extend_from_slice(token.as_bytes());
        let shared = bytes::Bytes::from_owner(WipedOnDrop(bytes));
        let mut header = HeaderValue::from_maybe_shared(shared).map_err(|_| {
            Error::new(
                ErrorKind::Decode,
                "the token has characters an HTTP header cannot carry",
            )
        })?;
        header.set_sensitive(true);
        Ok(Self {
            header,
            renew_at,
            _redacted: redact::register(token),
        })
    }

    fn fresh(&self) -> bool {
        self.renew_at.is_none_or(|at| Instant::now() < at)
    }
}

/// When to stop using a token that lasts `lifetime` from now: a margin before it
/// expires, so no request carries one that expires in flight. The margin is a
/// tenth of the lifetime up to [`RENEW_MARGIN`], so a short-lived token is still
/// used (and shared) for most of its life instead of being fetched for each call.
fn renew_at(lifetime: Duration) -> Instant {
    let now = Instant::now();
    // Lifetimes are capped far below overflow; `now` is the safe answer regardless.
    now.checked_add(usable_for(lifetime)).unwrap_or(now)
}

/// How long a token that lasts `lifetime` is used: all of it but the margin.
fn usable_for(lifetime: Duration) -> Duration {
    lifetime - RENEW_MARGIN.min(lifetime / 10)
}

/// A fetched token as the fleet shares it: until the moment this client would
/// renew it, so every replica renews at that same moment, not at Zoom's expiry.
fn shareable(token: SecretString, lifetime: Duration) -> StoredToken {
    StoredToken::new(token, SystemTime::now() + usable_for(lifetime))
}

/// A shared token, cached until the moment it was shared for.
fn cached_from(stored: &StoredToken) -> Result<CachedToken, Error> {
    let left = stored
        .expires_at()
        .duration_since(SystemTime::now())
        .unwrap_or_default();
    let now = Instant::now();
    CachedToken::new(stored.token(), Some(now.checked_add(left).unwrap_or(now)))
}

/// The longest a token is used without renewal, whatever `expires_in` says: a
/// server claiming a longer (or endless) lifetime gets its token renewed daily.
pub(crate) const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// The token lifetime of an OAuth answer's `expires_in`.
///
/// Absent or `null` means Zoom's documented hour. A non-negative number of
/// seconds (an integer or a finite float, rounded down) is used up to
/// [`MAX_TOKEN_LIFETIME`]; `0` means the token serves only the requests waiting
/// for it. Anything else (negative, a string, `NaN`) is refused.
fn token_lifetime(expires_in: Option<&serde_json::Value>) -> Result<Duration, &'static str> {
    let seconds = match expires_in {
        None | Some(serde_json::Value::Null) => return Ok(Duration::from_secs(3600)),
        Some(serde_json::Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(whole), _) => whole,
            (None, Some(f)) if f.is_finite() && f >= 0.0 => {
                // `as` saturates: a float above u64::MAX becomes u64::MAX.
                f as u64
            }
            _ => return Err("expires_in is negative or not a finite number"),
        },
        Some(_) => return Err("expires_in is not a number"),
    };
    Ok(Duration::from_secs(seconds).min(MAX_TOKEN_LIFETIME))
}

/// The lifetime the client gives the token of a token endpoint's successful
/// answer `body` (`expires_in` capped at one day, read as `token_lifetime` says),
/// or the typed error it refuses the answer with. For fuzzing and property tests.
#[cfg(feature = "test-util")]
pub fn oauth_token_lifetime(body: &[u8]) -> Result<Duration, Error> {
    parse_oauth_token(body, StatusCode::OK).map(|(_, lifetime)| lifetime)
}

fn parse_oauth_token(body: &[u8], status: StatusCode) -> Result<(SecretString, Duration), Error> {
    let decode_error = |detail: &str| {
        Error::new(ErrorKind::Decode, detail)
            .with_status(status)
            .with_operation(OAUTH_OPERATION)
    };
    let answer: OAuthToken = serde_json::from_slice(body).map_err(|e| {
        decode_error("the token endpoint's answer is not an OAuth token").with_source(e)
    })?;
    let lifetime = token_lifetime(answer.expires_in.as_ref()).map_err(decode_error)?;
    Ok((answer.access_token, lifetime))
}

/// The operation name errors of the token endpoint carry.
const OAUTH_OPERATION: &str = "oauth_token";

/// Produces bearer tokens from [`Credentials`], caching them.
pub(crate) struct TokenSource {
    credentials: Credentials,
    oauth_url: String,
    http: reqwest::Client,
    retry: RetryPolicy,
    max_body_size: usize,
    cache: RwLock<Option<CachedToken>>,
    fetch: Mutex<()>,
    /// Fetches finished (well or not), so a caller that waited for the fetch lock
    /// knows whether one finished meanwhile.
    finished: AtomicU64,
    /// The outcome of the last finished fetch, for those who waited on it.
    last_outcome: std::sync::Mutex<Option<Result<HeaderValue, Error>>>,
    /// In fleet mode: the OAuth token every replica shares.
    shared: Option<SharedTokens>,
    /// The last token Zoom refused with 401, so a copy of it still in the fleet's
    /// store is not taken again.
    rejected: RwLock<Option<HeaderValue>>,
    _redacted: Vec<Registered>,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSource")
            .field("credentials", &self.credentials)
            .field("oauth_url", &self.oauth_url)
            .field("shared", &self.shared)
            .finish_non_exhaustive()
    }
}

impl TokenSource {
    pub(crate) fn new(
        credentials: Credentials,
        oauth_url: String,
        http: reqwest::Client,
        retry: RetryPolicy,
        max_body_size: usize,
    ) -> Self {
        // Every secret value, and the forms it travels in, for redaction.
        let redacted = match &credentials {
            Credentials::BearerToken(token) => vec![redact::register(token.expose_secret())],
            Credentials::ApiKey { secret, .. } => vec![redact::register(secret.expose_secret())],
            Credentials::ServerToServer {
                client_id,
                client_secret,
                ..
            } => {
                let basic = Zeroizing::new(
                    base64::engine::general_purpose::STANDARD
                        .encode(format!("{client_id}:{}", client_secret.expose_secret())),
                );
                vec![
                    redact::register(client_secret.expose_secret()),
                    redact::register(&basic),
                ]
            }
        };
        Self {
            credentials,
            oauth_url,
            http,
            retry,
            max_body_size,
            cache: RwLock::new(None),
            fetch: Mutex::new(()),
            finished: AtomicU64::new(0),
            last_outcome: std::sync::Mutex::new(None),
            shared: None,
            rejected: RwLock::new(None),
            _redacted: redacted,
        }
    }

    /// Shares Server-to-Server tokens through the fleet's store (other
    /// credentials need no sharing: a bearer token is given, an API JWT is
    /// signed locally at no cost to anyone).
    pub(crate) fn shared(mut self, fleet: &Fleet) -> Self {
        if let Credentials::ServerToServer {
            account_id,
            client_id,
            ..
        } = &self.credentials
        {
            self.shared = Some(SharedTokens::new(fleet, account_id, client_id));
        }
        self
    }

    /// The `Authorization` header to send now. A fresh cached one is read without
    /// waiting. Otherwise one caller fetches while holding the fetch lock, and
    /// those who waited for the lock meanwhile take that fetch's outcome, success
    /// or failure: N waiters cause one fetch, and a hanging token endpoint costs
    /// them one fetch's time, not N.
    pub(crate) async fn authorization(&self) -> Result<HeaderValue, Error> {
        let seen = self.finished.load(Ordering::Acquire);
        if let Some(header) = self.cached() {
            return Ok(header);
        }
        let _fetching = self.fetch.lock().await;
        if let Some(header) = self.cached() {
            return Ok(header);
        }
        if self.finished.load(Ordering::Acquire) != seen {
            let last = self.last_outcome.lock().unwrap_or_else(|p| p.into_inner());
            match last.as_ref() {
                Some(Ok(header)) => return Ok(header.clone()),
                Some(Err(error)) => return Err(error.shared_copy()),
                None => {}
            }
        }
        let outcome = self.obtain().await.map(|fetched| {
            let header = fetched.header.clone();
            *self.cache.write().unwrap_or_else(|p| p.into_inner()) = Some(fetched);
            header
        });
        let shared = match &outcome {
            Ok(header) => Ok(header.clone()),
            Err(error) => Err(error.shared_copy()),
        };
        *self.last_outcome.lock().unwrap_or_else(|p| p.into_inner()) = Some(shared);
        self.finished.fetch_add(1, Ordering::Release);
        outcome
    }

    fn cached(&self) -> Option<HeaderValue> {
        let cache = self.cache.read().unwrap_or_else(|p| p.into_inner());
        cache
            .as_ref()
            .filter(|c| c.fresh())
            .map(|c| c.header.clone())
    }

    /// The one renewal a call may make after a 401.
    pub(crate) fn renewal(&self) -> Renewal<'_> {
        Renewal {
            tokens: self,
            // A token the caller holds cannot be replaced: its 401 is final.
            available: !matches!(self.credentials, Credentials::BearerToken(_)),
        }
    }

    /// Forgets `rejected` so the next [`authorization`](Self::authorization)
    /// obtains a new one, unless another request already replaced it.
    fn reject(&self, rejected: &HeaderValue) {
        let mut cache = self.cache.write().unwrap_or_else(|p| p.into_inner());
        if cache.as_ref().is_some_and(|c| c.header == rejected) {
            *cache = None;
            if self.shared.is_some() {
                *self.rejected.write().unwrap_or_else(|p| p.into_inner()) = Some(rejected.clone());
            }
        }
        // A waiter must not be handed the rejected token as a fresh outcome.
        let mut last = self.last_outcome.lock().unwrap_or_else(|p| p.into_inner());
        if matches!(last.as_ref(), Some(Ok(header)) if header == rejected) {
            *last = None;
        }
    }

    async fn obtain(&self) -> Result<CachedToken, Error> {
        match &self.credentials {
            Credentials::BearerToken(token) => CachedToken::new(token, None).map_err(|_| {
                Error::config("the bearer token has characters an HTTP header cannot carry")
            }),
            Credentials::ApiKey { key, secret } => {
                let iat = unix_now();
                let claims = ApiJwtClaims {
                    iss: key,
                    iat,
                    exp: iat + API_JWT_LIFETIME.as_secs(),
                };
                let jwt = crate::signing::sign_hs256(&claims, secret.expose_secret().as_bytes())
                    .map_err(|e| {
                        Error::new(ErrorKind::Auth, "cannot sign the API JWT").with_source(e)
                    })?;
                CachedToken::new(&SecretString::from(jwt), Some(renew_at(API_JWT_LIFETIME)))
            }
            Credentials::ServerToServer {
                account_id,
                client_id,
                client_secret,
            } => {
                let fetch = || self.fetch_oauth(account_id, client_id, client_secret);
                let Some(shared) = &self.shared else {
                    return cached_from(&fetch().await?);
                };
                let rejected = self
                    .rejected
                    .read()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone();
                let usable = |stored: &StoredToken| {
                    stored.expires_at() > SystemTime::now()
                        && rejected.as_ref().is_none_or(|r| {
                            r.as_bytes().strip_prefix(b"Bearer ")
                                != Some(stored.token().expose_secret().as_bytes())
                        })
                };
                match shared.obtain(usable, fetch).await? {
                    Some(token) => cached_from(&token),
                    // The store is unreachable and the fleet fails open.
                    None => cached_from(&fetch().await?),
                }
            }
        }
    }

    /// Fetches an OAuth token, retrying what the [`RetryPolicy`] of API calls
    /// would retry (connect errors, timeouts, cut bodies, 408, 429, 5xx).
    async fn fetch_oauth(
        &self,
        account_id: &str,
        client_id: &str,
        client_secret: &SecretString,
    ) -> Result<StoredToken, Error> {
        let mut retries = self.retry.start(OAUTH_OPERATION);
        loop {
            match self
                .fetch_oauth_once(account_id, client_id, client_secret)
                .await
            {
                Ok(token) => return Ok(token),
                Err(Attempt::Final(error)) => return Err(error),
                Err(Attempt::Transient(error)) => {
                    if !retries.wait(error.retry_after()).await {
                        return Err(error);
                    }
                }
            }
        }
    }

    async fn fetch_oauth_once(
        &self,
        account_id: &str,
        client_id: &str,
        client_secret: &SecretString,
    ) -> Result<StoredToken, Attempt> {
        let transport = |e: reqwest::Error| {
            let retryable = is_retryable_error(&e);
            let error = Error::from(e).with_operation(OAUTH_OPERATION);
            if retryable {
                Attempt::Transient(error)
            } else {
                Attempt::Final(error)
            }
        };
        let mut response = self
            .http
            .post(&self.oauth_url)
            .basic_auth(client_id, Some(client_secret.expose_secret()))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", account_id),
            ])
            .send()
            .await
            .map_err(transport)?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = match body::read(&mut response, self.max_body_size).await {
            Ok(body) => body,
            Err(BodyError::Transport(e)) => return Err(transport(e)),
            Err(BodyError::TooLarge(e)) => {
                return Err(Attempt::Final(e.with_operation(OAUTH_OPERATION)));
            }
        };
        if status.is_success() {
            let (token, lifetime) = parse_oauth_token(&body, status).map_err(Attempt::Final)?;
            // Refused here, with the answer's status, rather than once cached.
            CachedToken::new(&token, None).map_err(|e| {
                Attempt::Final(e.with_status(status).with_operation(OAUTH_OPERATION))
            })?;
            return Ok(shareable(token, lifetime));
        }
        if is_retryable_status(status) {
            // A gateway outage or a rate limit: the server's problem, not the credentials'.
            let error = Error::from_answer(status, &headers, body).with_operation(OAUTH_OPERATION);
            return Err(Attempt::Transient(error));
        }
        if matches!(
            status,
            StatusCode::BAD_REQUEST | StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        ) {
            // Zoom's OAuth server answers bad credentials or account with these.
            let reason = serde_json::from_slice::<OAuthError>(&body)
                .ok()
                .and_then(|e| e.reason.or(e.error))
                .map(|reason| redact::scrub(&reason).into_owned())
                .unwrap_or_else(|| "the token endpoint refused the credentials".into());
            let error = Error::new(ErrorKind::Auth, reason)
                .with_status(status)
                .with_operation(OAUTH_OPERATION);
            return Err(Attempt::Final(error));
        }
        // Another status (404, 405, ...) points at a wrong OAuth URL, not at the
        // credentials.
        let error = Error::from_answer(status, &headers, body).with_operation(OAUTH_OPERATION);
        Err(Attempt::Final(error))
    }
}

/// How one token fetch failed: worth another attempt or not.
enum Attempt {
    Transient(Error),
    Final(Error),
}

/// Whether a 401 may be cured by a new token: once per call, and only for
/// credentials that yield new tokens (an API key, an OAuth app).
pub(crate) struct Renewal<'a> {
    tokens: &'a TokenSource,
    available: bool,
}

impl Renewal<'_> {
    /// After a 401 to a request sent with `sent_with`: on the call's first, forgets
    /// that token and says to send again at once, without counting it as a retry;
    /// a second 401 is the caller's.
    pub(crate) fn renews(&mut self, sent_with: &HeaderValue) -> bool {
        if !self.available {
            return false;
        }
        self.available = false;
        self.tokens.reject(sent_with);
        true
    }
}

#[derive(Serialize)]
struct ApiJwtClaims<'a> {
    iss: &'a str,
    iat: u64,
    exp: u64,
}

#[derive(Deserialize)]
struct OAuthToken {
    access_token: SecretString,
    // Read as any JSON value: servers send it as numbers, floats, strings, and
    // `token_lifetime` decides what is usable rather than serde failing on it.
    expires_in: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct OAuthError {
    reason: Option<String>,
    error: Option<String>,
}

fn unix_now() -> u64 {
    crate::signing::unix_seconds(SystemTime::now()).unwrap_or(0)
}
