//! The three ways a caller authenticates to Zoom: a static bearer token, an HS256 API
//! JWT signed with the account's API key and secret, and a Server-to-Server OAuth
//! access token from the token endpoint, which this module also serves.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, TimeDelta, Utc};
use http::{HeaderMap, StatusCode, header::AUTHORIZATION};
use rand_pcg::Pcg64;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde_json::json;

use zoom_cobrowse::test_util::verify_hs256;

use super::generate::{ALPHANUMERIC, random_text};
use super::response::{ApiError, Reply};

/// The credentials the simulator accepts. Every secret is a [`SecretString`], so
/// `Debug` shows none of them.
///
/// [`AcceptedCredentials::default`] holds one of each kind, with fixed well-known values, so
/// every kind works without configuration; [`AcceptedCredentials::none`] holds none.
///
/// Every credential belongs to a Zoom account, and rate limits are per account,
/// shared by every client that authenticates as one: an OAuth app's access
/// tokens belong to its `account_id`, API JWTs to their [`ApiKey::account_id`],
/// a bearer token to its entry in `bearer_token_accounts`.
#[derive(Clone, Debug)]
pub struct AcceptedCredentials {
    /// Static tokens accepted as `Authorization: Bearer <token>`.
    pub bearer_tokens: Vec<SecretString>,
    /// The account of `bearer_tokens[i]`, by `i`; a token without an entry is an
    /// account of its own (`bearer-token-<i>`).
    pub bearer_token_accounts: BTreeMap<usize, String>,
    /// The API key and secret that sign accepted API JWTs.
    pub api_key: Option<ApiKey>,
    /// The Server-to-Server OAuth app the token endpoint issues access tokens to.
    pub oauth: Option<OAuthApp>,
}

impl AcceptedCredentials {
    /// No credentials: every API request is refused with 401.
    pub fn none() -> Self {
        Self {
            bearer_tokens: Vec::new(),
            bearer_token_accounts: BTreeMap::new(),
            api_key: None,
            oauth: None,
        }
    }

    /// Also accepts `token` as a static bearer token, an account of its own.
    pub fn with_bearer_token(mut self, token: impl Into<String>) -> Self {
        self.bearer_tokens.push(SecretString::from(token.into()));
        self
    }

    /// Also accepts `token` as a static bearer token of `account`: it shares
    /// that account's rate limits.
    pub fn with_account_bearer_token(
        mut self,
        account: impl Into<String>,
        token: impl Into<String>,
    ) -> Self {
        self.bearer_token_accounts
            .insert(self.bearer_tokens.len(), account.into());
        self.with_bearer_token(token)
    }

    /// The account of `bearer_tokens[index]`.
    fn bearer_account(&self, index: usize) -> String {
        self.bearer_token_accounts
            .get(&index)
            .cloned()
            .unwrap_or_else(|| format!("bearer-token-{index}"))
    }

    /// Accepts API JWTs signed with this key and secret (replacing any other).
    pub fn with_api_key(mut self, key: ApiKey) -> Self {
        self.api_key = Some(key);
        self
    }

    /// Issues access tokens to this OAuth app (replacing any other).
    pub fn with_oauth_app(mut self, app: OAuthApp) -> Self {
        self.oauth = Some(app);
        self
    }
}

impl Default for AcceptedCredentials {
    /// One credential of each kind, with fixed values (they guard nothing but a
    /// test), all of one account, `zoom-mock-account`.
    fn default() -> Self {
        Self::none()
            .with_account_bearer_token("zoom-mock-account", "zoom-mock-bearer-token")
            .with_api_key(
                ApiKey::new("zoom-mock-api-key", "zoom-mock-api-secret")
                    .of_account("zoom-mock-account"),
            )
            .with_oauth_app(OAuthApp::new(
                "zoom-mock-account",
                "zoom-mock-client-id",
                "zoom-mock-client-secret",
            ))
    }
}

/// An API key and secret: the simulator accepts HS256 JWTs whose `iss` is the key,
/// signed with the secret, until their `exp`.
#[derive(Clone, Debug)]
pub struct ApiKey {
    /// The API key (the JWT's `iss`).
    pub key: String,
    /// The API secret (the HMAC key).
    pub secret: SecretString,
    /// The account whose rate limits its requests spend (by default the key
    /// itself: one API key per account).
    pub account_id: String,
}

impl ApiKey {
    /// An API key and its secret, the key naming its account.
    pub fn new(key: impl Into<String>, secret: impl Into<String>) -> Self {
        let key = key.into();
        Self {
            account_id: key.clone(),
            key,
            secret: SecretString::from(secret.into()),
        }
    }

    /// The same key, of account `account_id`.
    pub fn of_account(mut self, account_id: impl Into<String>) -> Self {
        self.account_id = account_id.into();
        self
    }
}

/// A Server-to-Server OAuth app: the token endpoint answers HTTP Basic
/// `client_id:client_secret` with `grant_type=account_credentials&account_id=...`.
#[derive(Clone, Debug)]
pub struct OAuthApp {
    /// The Zoom account the app belongs to.
    pub account_id: String,
    /// The app's client ID.
    pub client_id: String,
    /// The app's client secret.
    pub client_secret: SecretString,
}

impl OAuthApp {
    /// An app of account `account_id`.
    pub fn new(
        account_id: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Self {
            account_id: account_id.into(),
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
        }
    }
}

/// The granular scopes the spec names for this API, as the token endpoint grants them.
const SCOPES: &str =
    "cobrowse_sdk:read:list_live_sessions:admin cobrowse_sdk:read:list_past_sessions:admin";

/// Access tokens the token endpoint issued, with their expiry.
pub(crate) struct AccessTokens {
    ttl: TimeDelta,
    issued: HashMap<String, DateTime<Utc>>,
}

impl fmt::Debug for AccessTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessTokens")
            .field("ttl", &self.ttl)
            .field("issued", &self.issued.len())
            .finish()
    }
}

impl AccessTokens {
    pub fn new(ttl: TimeDelta) -> Self {
        Self {
            ttl,
            issued: HashMap::new(),
        }
    }

    /// Forgets every issued token: the next request with one gets 401.
    pub fn revoke_all(&mut self) {
        self.issued.clear();
    }

    fn issue(&mut self, rng: &mut Pcg64, now: DateTime<Utc>) -> String {
        self.issued.retain(|_, expires| *expires > now);
        let token = random_text(rng, 64, ALPHANUMERIC);
        self.issued.insert(token.clone(), now + self.ttl);
        token
    }
}

/// Checks an API request's `Authorization` header against every credential kind;
/// returns the account it belongs to.
pub(crate) fn authorize(
    credentials: &AcceptedCredentials,
    tokens: &AccessTokens,
    headers: &HeaderMap,
    now: DateTime<Utc>,
) -> Result<String, ApiError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or_else(ApiError::invalid_access_token)?;
    if let Some(index) = credentials
        .bearer_tokens
        .iter()
        .position(|t| t.expose_secret() == token)
    {
        return Ok(credentials.bearer_account(index));
    }
    if let Some(expires) = tokens.issued.get(token) {
        return match &credentials.oauth {
            Some(app) if *expires > now => Ok(app.account_id.clone()),
            _ => Err(ApiError::expired_access_token()),
        };
    }
    match &credentials.api_key {
        Some(key) if token.split('.').count() == 3 => {
            verify_api_jwt(token, key, now).map(|()| key.account_id.clone())
        }
        _ => Err(ApiError::invalid_access_token()),
    }
}

#[derive(Deserialize)]
struct JwtClaims {
    iss: String,
    exp: i64,
}

/// Verifies an HS256 API JWT: the signature first (with the SDK's own HS256,
/// the one HMAC of the project), then `iss` and `exp`.
fn verify_api_jwt(token: &str, key: &ApiKey, now: DateTime<Utc>) -> Result<(), ApiError> {
    let claims = verify_hs256(token, key.secret.expose_secret().as_bytes())
        .ok_or_else(ApiError::invalid_access_token)?;
    let claims: JwtClaims =
        serde_json::from_slice(&claims).map_err(|_| ApiError::invalid_access_token())?;
    if claims.iss != key.key {
        return Err(ApiError::invalid_access_token());
    }
    if claims.exp <= now.timestamp() {
        return Err(ApiError::expired_access_token());
    }
    Ok(())
}

/// The parameters of a token request, from the query string or the form body.
#[derive(Default, Deserialize)]
struct TokenRequest {
    grant_type: Option<String>,
    account_id: Option<String>,
}

/// What `POST /oauth/token` needs to answer.
pub(crate) struct TokenEndpoint<'a> {
    pub credentials: &'a AcceptedCredentials,
    pub tokens: &'a mut AccessTokens,
    pub rng: &'a mut Pcg64,
    pub now: DateTime<Utc>,
    /// Sent back as `api_url`, as Zoom sends its API's origin.
    pub api_url: &'a str,
}

impl TokenEndpoint<'_> {
    /// Answers a token request, as Zoom's OAuth server does (its errors are
    /// `{"reason", "error"}`, not the API's `{"code", "message"}`).
    pub fn answer(self, headers: &HeaderMap, query: &str, body: &[u8]) -> Reply {
        let Some(app) = &self.credentials.oauth else {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Invalid client_id or client_secret",
            );
        };
        if !basic_auth_matches(headers, app) {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Invalid client_id or client_secret",
            );
        }
        // Zoom documents the parameters in the query string; form bodies work too.
        let from_query: TokenRequest = serde_urlencoded::from_str(query).unwrap_or_default();
        let from_body: TokenRequest = serde_urlencoded::from_bytes(body).unwrap_or_default();
        let grant_type = from_query.grant_type.or(from_body.grant_type);
        let account_id = from_query.account_id.or(from_body.account_id);
        if grant_type.as_deref() != Some("account_credentials") {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Unsupported grant type",
            );
        }
        if account_id.as_deref() != Some(app.account_id.as_str()) {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Invalid account_id",
            );
        }
        let access_token = self.tokens.issue(self.rng, self.now);
        Reply::json(
            StatusCode::OK,
            &json!({
                "access_token": access_token,
                "token_type": "bearer",
                "expires_in": self.tokens.ttl.num_seconds(),
                "scope": SCOPES,
                "api_url": self.api_url,
            }),
        )
    }
}

fn basic_auth_matches(headers: &HeaderMap, app: &OAuthApp) -> bool {
    let Some(encoded) = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .map(|(_, encoded)| encoded.trim())
    else {
        return false;
    };
    let Ok(decoded) = STANDARD.decode(encoded) else {
        return false;
    };
    let Ok(decoded) = String::from_utf8(decoded) else {
        return false;
    };
    decoded.split_once(':').is_some_and(|(id, secret)| {
        id == app.client_id && secret == app.client_secret.expose_secret()
    })
}

fn oauth_error(status: StatusCode, error: &str, reason: &str) -> Reply {
    Reply::json(status, &json!({ "reason": reason, "error": error }))
}
