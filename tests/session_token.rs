//! Minted session tokens are HS256 JWTs an independent implementation accepts,
//! carrying exactly the claims the browser Cobrowse SDK reads.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use secrecy::SecretString;
use serde_json::{Value, json};
use zoom_cobrowse::session_token::{
    SessionRole, SessionTokenError, SessionTokenIssuer, SessionUser,
};

const SDK_KEY: &str = "sdk-key-123";
const SDK_SECRET: &str = "sdk-secret-456";

fn issuer() -> SessionTokenIssuer {
    SessionTokenIssuer::new(SDK_KEY, SecretString::from(SDK_SECRET)).unwrap()
}

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// Decodes with the `jsonwebtoken` crate, checking signature, algorithm and `exp`.
fn verify_independently(token: &str, secret: &str) -> jsonwebtoken::errors::Result<Value> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.required_spec_claims = ["exp", "iat"].map(String::from).into();
    validation.leeway = 0;
    jsonwebtoken::decode::<Value>(
        token,
        &DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .map(|data| data.claims)
}

/// Computed with python3's stdlib from Zoom's customer example (iat 1723102859),
/// with the default one-hour lifetime:
/// ```text
/// import hmac, hashlib, base64, json
/// b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=")
/// h = b(b'{"alg":"HS256","typ":"JWT"}')
/// c = b(json.dumps({"app_key":"sdk-key-123","role_type":1,"user_id":"user1_customer",
///     "user_name":"customer","iat":1723102859,"exp":1723106459}, separators=(",",":")).encode())
/// s = b(hmac.new(b"sdk-secret-456", h + b"." + c, hashlib.sha256).digest())
/// ```
#[test]
fn matches_the_python_known_answer() {
    let token = issuer()
        .mint_at(
            &SessionUser::customer("user1_customer", "customer"),
            at(1_723_102_859),
        )
        .unwrap();
    assert_eq!(
        token.expose(),
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\
         .eyJhcHBfa2V5Ijoic2RrLWtleS0xMjMiLCJyb2xlX3R5cGUiOjEsInVzZXJfaWQiOiJ1c2VyMV9jdXN0b21lciIsInVzZXJfbmFtZSI6ImN1c3RvbWVyIiwiaWF0IjoxNzIzMTAyODU5LCJleHAiOjE3MjMxMDY0NTl9\
         .hFZZ170FasO1hrwlTCOBJ9I3-PDa25dKm3GvRqa04Lc"
    );
    assert_eq!(token.issued_at(), 1_723_102_859);
    assert_eq!(token.expires_at(), 1_723_106_459);
}

#[test]
fn verifies_with_jsonwebtoken_and_carries_the_sdk_claims() {
    for (user, role_type) in [
        (SessionUser::customer("customer-42", "Jane Doe"), 1),
        (SessionUser::agent("agent-7", "Support Agent"), 2),
    ] {
        let token = issuer().mint(&user).unwrap();
        let claims = verify_independently(token.expose(), SDK_SECRET).unwrap();
        let iat = claims["iat"].as_u64().unwrap();
        assert_eq!(
            claims,
            json!({
                "app_key": SDK_KEY,
                "role_type": role_type,
                "user_id": user.user_id,
                "user_name": user.user_name,
                "iat": iat,
                "exp": iat + 3600,
            })
        );
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert!(iat.abs_diff(now) < 60, "iat {iat} is not now ({now})");
    }
}

#[test]
fn the_header_is_hs256_jwt() {
    let token = issuer().mint(&SessionUser::agent("a", "b")).unwrap();
    let header = jsonwebtoken::decode_header(token.expose()).unwrap();
    assert_eq!(header.alg, Algorithm::HS256);
    assert_eq!(header.typ.as_deref(), Some("JWT"));
}

#[test]
fn another_secret_does_not_verify() {
    let token = issuer().mint(&SessionUser::agent("a", "b")).unwrap();
    let err = verify_independently(token.expose(), "another-secret").unwrap_err();
    assert_eq!(
        err.kind(),
        &jsonwebtoken::errors::ErrorKind::InvalidSignature
    );
}

#[test]
fn an_expired_token_does_not_verify() {
    let token = issuer()
        .mint_at(&SessionUser::agent("a", "b"), at(1_723_102_859))
        .unwrap();
    let err = verify_independently(token.expose(), SDK_SECRET).unwrap_err();
    assert_eq!(
        err.kind(),
        &jsonwebtoken::errors::ErrorKind::ExpiredSignature
    );
}

#[test]
fn role_types_are_one_and_two() {
    assert_eq!(SessionRole::Customer.role_type(), 1);
    assert_eq!(SessionRole::Agent.role_type(), 2);
    assert_eq!(
        SessionUser::new(SessionRole::Agent, "i", "n"),
        SessionUser::agent("i", "n")
    );
}

#[test]
fn lifetime_is_configurable_within_bounds() {
    assert_eq!(issuer().lifetime(), SessionTokenIssuer::DEFAULT_LIFETIME);
    assert_eq!(issuer().sdk_key(), SDK_KEY);
    let short = issuer().with_lifetime(Duration::from_secs(900)).unwrap();
    let token = short
        .mint_at(&SessionUser::customer("c", "n"), at(1_000))
        .unwrap();
    assert_eq!(token.expires_at() - token.issued_at(), 900);

    for edge in [
        SessionTokenIssuer::MIN_LIFETIME,
        SessionTokenIssuer::MAX_LIFETIME,
    ] {
        assert_eq!(issuer().with_lifetime(edge).unwrap().lifetime(), edge);
    }
    // JWT times are whole seconds.
    let fractional = issuer()
        .with_lifetime(Duration::from_millis(90_900))
        .unwrap();
    assert_eq!(fractional.lifetime(), Duration::from_secs(90));
}

#[test]
fn lifetimes_out_of_bounds_are_clear_errors() {
    let err = issuer().with_lifetime(Duration::from_secs(59)).unwrap_err();
    assert!(
        matches!(err, SessionTokenError::LifetimeTooShort { .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "a session token lifetime of 59s is too short; the minimum is 60s"
    );
    let err = issuer()
        .with_lifetime(Duration::from_millis(59_999))
        .unwrap_err();
    assert!(
        matches!(err, SessionTokenError::LifetimeTooShort { .. }),
        "{err:?}"
    );

    let err = issuer()
        .with_lifetime(Duration::from_secs(48 * 3600 + 1))
        .unwrap_err();
    assert!(
        matches!(err, SessionTokenError::LifetimeTooLong { .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "a session token lifetime of 172801s is too long; the maximum is 172800s"
    );
}

#[test]
fn empty_credentials_and_users_are_rejected() {
    let err = SessionTokenIssuer::new(" ", SecretString::from(SDK_SECRET)).unwrap_err();
    assert!(matches!(err, SessionTokenError::EmptySdkKey), "{err:?}");
    let err = SessionTokenIssuer::new(SDK_KEY, SecretString::from("")).unwrap_err();
    assert!(matches!(err, SessionTokenError::EmptySdkSecret), "{err:?}");

    let err = issuer()
        .mint(&SessionUser::customer("", "Jane"))
        .unwrap_err();
    assert!(matches!(err, SessionTokenError::EmptyUserId), "{err:?}");
    let err = issuer()
        .mint(&SessionUser::customer("c-1", "  "))
        .unwrap_err();
    assert!(matches!(err, SessionTokenError::EmptyUserName), "{err:?}");
    assert_eq!(err.to_string(), "the session user's user_name is empty");
}

#[test]
fn a_clock_before_1970_is_an_error() {
    let before = UNIX_EPOCH - Duration::from_secs(1);
    let err = issuer()
        .mint_at(&SessionUser::agent("a", "b"), before)
        .unwrap_err();
    assert!(
        matches!(err, SessionTokenError::ClockBeforeEpoch),
        "{err:?}"
    );
}

#[test]
fn names_with_quotes_and_unicode_round_trip() {
    let user = SessionUser::customer("id\"with\\quotes", "Zoë \u{1F600} \"Z\"");
    let token = issuer().mint(&user).unwrap();
    let claims = verify_independently(token.expose(), SDK_SECRET).unwrap();
    assert_eq!(claims["user_id"], user.user_id);
    assert_eq!(claims["user_name"], user.user_name);
}

#[test]
fn secrets_never_show_in_debug_or_errors() {
    let issuer = issuer();
    let token = issuer.mint(&SessionUser::agent("a", "b")).unwrap();
    let errors = [
        issuer.mint(&SessionUser::agent("", "b")).unwrap_err(),
        issuer.clone().with_lifetime(Duration::ZERO).unwrap_err(),
        SessionTokenIssuer::new("", SecretString::from(SDK_SECRET)).unwrap_err(),
    ];
    let mut texts = vec![format!("{issuer:?}"), format!("{token:?}")];
    texts.extend(
        errors
            .iter()
            .flat_map(|e| [format!("{e:?}"), e.to_string()]),
    );
    for text in texts {
        assert!(!text.contains(SDK_SECRET), "SDK secret leaked in {text:?}");
        assert!(!text.contains(token.expose()), "token leaked in {text:?}");
    }
    assert!(format!("{token:?}").contains("expires_at"));
}
