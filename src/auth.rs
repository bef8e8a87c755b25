//! Credentials, and the bearer tokens they yield: a token the caller holds, an API
//! JWT the client signs itself, or a Server-to-Server OAuth token it fetches.
//! Tokens are cached, renewed before they expire, and fetched once however many
//! requests wait for them.

use std::fmt;
use std::sync::RwLock;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderValue;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::error::{Error, ErrorKind};
use crate::fleet::{SharedTokens, StoredToken};

/// Zoom's Server-to-Server OAuth token endpoint.
pub const DEFAULT_OAUTH_URL: &str = "https://zoom.us/oauth/token";

/// Renew a token this long before it expires, so no request carries one that
/// expires in flight.
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
struct CachedToken {
    header: HeaderValue,
    renew_at: Option<Instant>,
}

impl CachedToken {
    /// Marks the header sensitive, so neither reqwest nor hyper prints it.
    fn new(token: &SecretString, renew_at: Option<Instant>) -> Result<Self, Error> {
        let mut header = HeaderValue::try_from(format!("Bearer {}", token.expose_secret()))
            .map_err(|_| {
                Error::new(
                    ErrorKind::Auth,
                    "the token has characters an HTTP header cannot carry",
                )
            })?;
        header.set_sensitive(true);
        Ok(Self { header, renew_at })
    }
}

impl CachedToken {
    fn fresh(&self) -> bool {
        self.renew_at.is_none_or(|at| Instant::now() < at)
    }
}

/// Produces bearer tokens from [`Credentials`], caching them.
pub(crate) struct TokenSource {
    credentials: Credentials,
    oauth_url: String,
    http: reqwest::Client,
    cache: RwLock<Option<CachedToken>>,
    fetch: Mutex<()>,
    /// In fleet mode: the OAuth token every replica shares.
    shared: Option<SharedTokens>,
    /// The last token Zoom refused with 401, so a copy of it still in the fleet's
    /// store is not taken again.
    rejected: RwLock<Option<HeaderValue>>,
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
    pub(crate) fn new(credentials: Credentials, oauth_url: String, http: reqwest::Client) -> Self {
        Self {
            credentials,
            oauth_url,
            http,
            cache: RwLock::new(None),
            fetch: Mutex::new(()),
            shared: None,
            rejected: RwLock::new(None),
        }
    }

    /// Shares Server-to-Server tokens through the fleet's store (other
    /// credentials need no sharing: a bearer token is given, an API JWT is
    /// signed locally at no cost to anyone).
    pub(crate) fn shared(mut self, fleet: &crate::fleet::Fleet) -> Self {
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
    /// waiting; otherwise holding the fetch lock across the fetch makes concurrent
    /// callers share one fetch instead of stampeding the token endpoint.
    pub(crate) async fn authorization(&self) -> Result<HeaderValue, Error> {
        if let Some(header) = self.cached() {
            return Ok(header);
        }
        let _fetching = self.fetch.lock().await;
        // Another caller may have fetched while this one waited for the lock.
        if let Some(header) = self.cached() {
            return Ok(header);
        }
        let fetched = self.obtain().await?;
        let header = fetched.header.clone();
        *self.cache.write().unwrap_or_else(|p| p.into_inner()) = Some(fetched);
        Ok(header)
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
    }

    async fn obtain(&self) -> Result<CachedToken, Error> {
        match &self.credentials {
            Credentials::BearerToken(token) => CachedToken::new(token, None),
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
                let renew_at = Instant::now() + API_JWT_LIFETIME - RENEW_MARGIN;
                CachedToken::new(&SecretString::from(jwt), Some(renew_at))
            }
            Credentials::ServerToServer {
                account_id,
                client_id,
                client_secret,
            } => {
                let fetch = || self.fetch_oauth(account_id, client_id, client_secret);
                let token = match &self.shared {
                    Some(shared) => {
                        let rejected = self
                            .rejected
                            .read()
                            .unwrap_or_else(|p| p.into_inner())
                            .clone();
                        let usable = |stored: &StoredToken| {
                            renew_at(stored.expires_at()).is_some()
                                && rejected.as_ref().is_none_or(|r| {
                                    r.as_bytes().strip_prefix(b"Bearer ").is_none_or(|t| {
                                        t != stored.token().expose_secret().as_bytes()
                                    })
                                })
                        };
                        match shared.obtain(usable, fetch).await? {
                            Some(token) => token,
                            // The store is unreachable and the fleet fails open.
                            None => fetch().await?,
                        }
                    }
                    None => fetch().await?,
                };
                // A token that expires within the margin is renewed at once.
                let renew_at = renew_at(token.expires_at()).unwrap_or_else(Instant::now);
                CachedToken::new(token.token(), Some(renew_at))
            }
        }
    }

    async fn fetch_oauth(
        &self,
        account_id: &str,
        client_id: &str,
        client_secret: &SecretString,
    ) -> Result<StoredToken, Error> {
        let auth_error = |detail: String| Error::new(ErrorKind::Auth, detail);
        let response = self
            .http
            .post(&self.oauth_url)
            .basic_auth(client_id, Some(client_secret.expose_secret()))
            .form(&[
                ("grant_type", "account_credentials"),
                ("account_id", account_id),
            ])
            .send()
            .await
            .map_err(|e| Error::from(e).with_operation("oauth_token"))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| Error::from(e).with_operation("oauth_token"))?;
        if !status.is_success() {
            let reason = serde_json::from_slice::<OAuthError>(&body)
                .ok()
                .and_then(|e| e.reason.or(e.error))
                .unwrap_or_else(|| "the token endpoint refused the credentials".into());
            return Err(auth_error(reason)
                .with_status(status)
                .with_operation("oauth_token"));
        }
        let answer: OAuthToken = serde_json::from_slice(&body).map_err(|e| {
            auth_error("the token endpoint's answer is not an OAuth token".into())
                .with_status(status)
                .with_source(e)
                .with_operation("oauth_token")
        })?;
        let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(3600));
        Ok(StoredToken::new(
            answer.access_token,
            SystemTime::now() + lifetime,
        ))
    }
}

/// Whether a 401 may be cured by a new token: once per call, and only for
/// credentials that yield new tokens (an API key, an OAuth app).
pub(crate) struct Renewal<'a> {
    tokens: &'a TokenSource,
    available: bool,
}

impl Renewal<'_> {
    /// Whether a renewal is still possible in this call.
    pub(crate) fn available(&self) -> bool {
        self.available
    }

    /// After an answer to a request sent with `sent_with`: on the call's first 401,
    /// forgets that token and says to send again at once, without counting it as a
    /// retry; a second 401 is the caller's.
    pub(crate) fn renews_after(
        &mut self,
        result: &reqwest::Result<reqwest::Response>,
        sent_with: &HeaderValue,
    ) -> bool {
        let unauthorized =
            matches!(result, Ok(r) if r.status() == reqwest::StatusCode::UNAUTHORIZED);
        if !(unauthorized && self.available) {
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
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct OAuthError {
    reason: Option<String>,
    error: Option<String>,
}

/// When to renew a token that expires at `expires_at` (wall-clock time, which
/// replicas share): the margin before, or `None` if that moment has passed.
fn renew_at(expires_at: SystemTime) -> Option<Instant> {
    let left = expires_at.duration_since(SystemTime::now()).ok()?;
    let before_renewal = left.checked_sub(RENEW_MARGIN)?;
    (!before_renewal.is_zero()).then(|| Instant::now() + before_renewal)
}

fn unix_now() -> u64 {
    crate::signing::unix_seconds(SystemTime::now()).unwrap_or(0)
}
