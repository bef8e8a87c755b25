//! Session tokens for the browser Cobrowse SDK.
//!
//! Customers and agents join a Cobrowse session with an HS256 JWT that the app's
//! backend signs with its SDK secret; Zoom's samples serve it from a small Node
//! "auth endpoint". [`SessionTokenIssuer`] is that endpoint's core for a Rust
//! backend: it mints the token with the claims the SDK reads (`app_key`,
//! `role_type` 1 = customer / 2 = agent, `user_id`, `user_name`, `iat`, `exp`).
//!
//! ```
//! use secrecy::SecretString;
//! use zoom_cobrowse::session_token::{SessionTokenIssuer, SessionUser};
//!
//! let issuer = SessionTokenIssuer::new("my-sdk-key", SecretString::from("my-sdk-secret"))?;
//! let token = issuer.mint(&SessionUser::customer("customer-42", "Jane Doe"))?;
//! // Hand `token.expose()` to the browser SDK; Debug output never shows it.
//! assert_eq!(token.expose().split('.').count(), 3);
//! assert!(!format!("{token:?}").contains(token.expose()));
//! # Ok::<(), zoom_cobrowse::session_token::SessionTokenError>(())
//! ```

use std::fmt;
use std::time::{Duration, SystemTime};

use secrecy::{ExposeSecret, SecretString};

/// Who joins the session, as the SDK's `role_type` claim tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SessionRole {
    /// The user sharing their browser (`role_type` 1).
    Customer,
    /// The organization's representative (`role_type` 2).
    Agent,
}

impl SessionRole {
    /// The `role_type` claim value: 1 for a customer, 2 for an agent.
    pub fn role_type(self) -> u8 {
        match self {
            SessionRole::Customer => 1,
            SessionRole::Agent => 2,
        }
    }
}

/// The user a token is minted for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionUser {
    /// The user's role in the session.
    pub role: SessionRole,
    /// Your ID for the user (the `user_id` claim); must not be empty.
    pub user_id: String,
    /// The name other participants see (the `user_name` claim); must not be empty.
    pub user_name: String,
}

impl SessionUser {
    /// A customer, the user who shares their browser.
    pub fn customer(user_id: impl Into<String>, user_name: impl Into<String>) -> Self {
        Self::new(SessionRole::Customer, user_id, user_name)
    }

    /// An agent, the organization's representative.
    pub fn agent(user_id: impl Into<String>, user_name: impl Into<String>) -> Self {
        Self::new(SessionRole::Agent, user_id, user_name)
    }

    /// A user with the given role.
    pub fn new(
        role: SessionRole,
        user_id: impl Into<String>,
        user_name: impl Into<String>,
    ) -> Self {
        Self {
            role,
            user_id: user_id.into(),
            user_name: user_name.into(),
        }
    }
}

/// Mints session tokens with one SDK key and secret.
///
/// Cheap to clone. `Debug` shows the SDK key and lifetime, never the secret.
#[derive(Clone, Debug)]
pub struct SessionTokenIssuer {
    sdk_key: String,
    sdk_secret: SecretString,
    lifetime: Duration,
}

impl SessionTokenIssuer {
    /// How long a token is valid unless [`with_lifetime`](Self::with_lifetime) says
    /// otherwise: one hour, as in Zoom's samples.
    pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(60 * 60);
    /// The shortest lifetime accepted: a token must survive the trip to the browser
    /// and some clock skew.
    pub const MIN_LIFETIME: Duration = Duration::from_secs(60);
    /// The longest lifetime accepted: 48 hours, the cap Zoom documents for its SDK
    /// JWTs. A leaked token stays usable until it expires, so shorter is safer.
    pub const MAX_LIFETIME: Duration = Duration::from_secs(48 * 60 * 60);

    /// An issuer for the SDK key and secret of a Zoom Build-platform app (the
    /// "SDK credentials", not the API key and secret).
    pub fn new(
        sdk_key: impl Into<String>,
        sdk_secret: SecretString,
    ) -> Result<Self, SessionTokenError> {
        let sdk_key = sdk_key.into();
        if sdk_key.trim().is_empty() {
            return Err(SessionTokenError::EmptySdkKey);
        }
        if sdk_secret.expose_secret().trim().is_empty() {
            return Err(SessionTokenError::EmptySdkSecret);
        }
        Ok(Self {
            sdk_key,
            sdk_secret,
            lifetime: Self::DEFAULT_LIFETIME,
        })
    }

    /// Sets how long minted tokens stay valid, between [`Self::MIN_LIFETIME`] and
    /// [`Self::MAX_LIFETIME`]; sub-second parts are dropped, as JWT times are seconds.
    pub fn with_lifetime(mut self, lifetime: Duration) -> Result<Self, SessionTokenError> {
        let lifetime = Duration::from_secs(lifetime.as_secs());
        if lifetime < Self::MIN_LIFETIME {
            return Err(SessionTokenError::LifetimeTooShort {
                requested: lifetime,
                min: Self::MIN_LIFETIME,
            });
        }
        if lifetime > Self::MAX_LIFETIME {
            return Err(SessionTokenError::LifetimeTooLong {
                requested: lifetime,
                max: Self::MAX_LIFETIME,
            });
        }
        self.lifetime = lifetime;
        Ok(self)
    }

    /// The lifetime of the tokens this issuer mints.
    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    /// The SDK key, which every token carries as `app_key`.
    pub fn sdk_key(&self) -> &str {
        &self.sdk_key
    }

    /// Mints a token for `user`, issued now.
    pub fn mint(&self, user: &SessionUser) -> Result<SessionToken, SessionTokenError> {
        self.mint_at(user, SystemTime::now())
    }

    /// Mints a token for `user` as if the clock read `now`: for tests, and for
    /// callers with their own clock.
    pub fn mint_at(
        &self,
        user: &SessionUser,
        now: SystemTime,
    ) -> Result<SessionToken, SessionTokenError> {
        if user.user_id.trim().is_empty() {
            return Err(SessionTokenError::EmptyUserId);
        }
        if user.user_name.trim().is_empty() {
            return Err(SessionTokenError::EmptyUserName);
        }
        let issued_at =
            crate::signing::unix_seconds(now).ok_or(SessionTokenError::ClockBeforeEpoch)?;
        let expires_at = issued_at + self.lifetime.as_secs();
        let claims = Claims {
            app_key: &self.sdk_key,
            role_type: user.role.role_type(),
            user_id: &user.user_id,
            user_name: &user.user_name,
            iat: issued_at,
            exp: expires_at,
        };
        let jwt = crate::signing::sign_hs256(&claims, self.sdk_secret.expose_secret().as_bytes())
            .map_err(SessionTokenError::Encode)?;
        Ok(SessionToken {
            jwt: SecretString::from(jwt),
            issued_at,
            expires_at,
        })
    }
}

/// The claims the browser Cobrowse SDK reads, in the order Zoom's docs list them.
#[derive(serde::Serialize)]
struct Claims<'a> {
    app_key: &'a str,
    role_type: u8,
    user_id: &'a str,
    user_name: &'a str,
    iat: u64,
    exp: u64,
}

/// A minted session token. `Debug` shows its times, never the token: it is a
/// bearer credential until it expires.
#[derive(Clone)]
pub struct SessionToken {
    jwt: SecretString,
    issued_at: u64,
    expires_at: u64,
}

impl SessionToken {
    /// The compact JWT to hand to the browser SDK.
    pub fn expose(&self) -> &str {
        self.jwt.expose_secret()
    }

    /// The `iat` claim: seconds since the Unix epoch.
    pub fn issued_at(&self) -> u64 {
        self.issued_at
    }

    /// The `exp` claim: seconds since the Unix epoch.
    pub fn expires_at(&self) -> u64 {
        self.expires_at
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionToken")
            .field("jwt", &"[REDACTED]")
            .field("issued_at", &self.issued_at)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Why a token could not be minted. No variant carries the SDK secret.
#[derive(Debug)]
#[non_exhaustive]
pub enum SessionTokenError {
    /// The SDK key is empty.
    EmptySdkKey,
    /// The SDK secret is empty or only whitespace: anyone could sign with it.
    EmptySdkSecret,
    /// The user's ID is empty.
    EmptyUserId,
    /// The user's name is empty.
    EmptyUserName,
    /// The requested lifetime is below [`SessionTokenIssuer::MIN_LIFETIME`].
    LifetimeTooShort {
        /// What was asked for, in whole seconds.
        requested: Duration,
        /// The shortest lifetime accepted.
        min: Duration,
    },
    /// The requested lifetime is above [`SessionTokenIssuer::MAX_LIFETIME`].
    LifetimeTooLong {
        /// What was asked for, in whole seconds.
        requested: Duration,
        /// The longest lifetime accepted.
        max: Duration,
    },
    /// The clock reads a time before 1970, so `iat` cannot be written.
    ClockBeforeEpoch,
    /// The claims could not be encoded as JSON.
    Encode(serde_json::Error),
}

impl fmt::Display for SessionTokenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EmptySdkKey => f.write_str("the SDK key is empty"),
            Self::EmptySdkSecret => f.write_str("the SDK secret is empty"),
            Self::EmptyUserId => f.write_str("the session user's user_id is empty"),
            Self::EmptyUserName => f.write_str("the session user's user_name is empty"),
            Self::LifetimeTooShort { requested, min } => write!(
                f,
                "a session token lifetime of {}s is too short; the minimum is {}s",
                requested.as_secs(),
                min.as_secs()
            ),
            Self::LifetimeTooLong { requested, max } => write!(
                f,
                "a session token lifetime of {}s is too long; the maximum is {}s",
                requested.as_secs(),
                max.as_secs()
            ),
            Self::ClockBeforeEpoch => {
                f.write_str("the clock reads a time before 1970-01-01; cannot set iat")
            }
            Self::Encode(e) => write!(f, "cannot encode the session token claims: {e}"),
        }
    }
}

impl std::error::Error for SessionTokenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Encode(e) => Some(e),
            _ => None,
        }
    }
}
