//! The crate's one HMAC-SHA256, and the HS256 JSON Web Tokens signed with it.
//!
//! Webhook signatures, URL-validation answers and JWTs all key HMAC-SHA256 with a
//! secret and hash a message; the simulator (zoom-cobrowse-mock) checks API JWTs
//! with [`verify_hs256`] from here too (feature `test-util`).
//!
//! Zoom accepts two kinds of self-signed tokens, and both are HS256 with the header
//! `{"alg":"HS256","typ":"JWT"}`: the session tokens the browser Cobrowse SDK joins
//! with ([`crate::session_token`], claims `app_key`, `role_type`, `user_id`,
//! `user_name`, `iat`, `exp`, signed with the SDK secret) and the "API JWT" of an
//! API key credential (claims `iss`, `iat`, `exp`, signed with the API secret).
//! Each caller owns its claims type; this module only encodes and signs.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac as _};
use sha2::Sha256;

/// Seconds since the Unix epoch, as JWTs' `iat` and `exp` count them; `None` for
/// a clock set before 1970.
pub(crate) fn unix_seconds(at: std::time::SystemTime) -> Option<u64> {
    at.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

/// An HMAC-SHA256 state keyed with `key`, ready for `Mac::update`.
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    // HMAC hashes long keys and pads short ones, so no key length is invalid.
    Hmac::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"))
}

/// `base64url({"alg":"HS256","typ":"JWT"})`: the header never changes, so it is
/// encoded once, here, byte for byte what Zoom's samples send.
const HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

/// Signs `claims` as a compact HS256 JWT: `header.claims.signature`, each segment
/// unpadded base64url, the signature HMAC-SHA256 over `header.claims` keyed with
/// `secret`.
///
/// `claims` is serialized with `serde_json`, so its field names are the claim names.
/// The only failure is a claims value `serde_json` cannot serialize (a map with
/// non-string keys, or a `Serialize` impl that errors); plain structs of strings and
/// integers never fail.
pub(crate) fn sign_hs256<C: serde::Serialize>(
    claims: &C,
    secret: &[u8],
) -> Result<String, serde_json::Error> {
    let claims = serde_json::to_vec(claims)?;
    let mut token = String::with_capacity(HEADER.len() + 2 + claims.len() * 4 / 3 + 2 + 43);
    token.push_str(HEADER);
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(&claims, &mut token);
    let mut mac = hmac_sha256(secret);
    mac.update(token.as_bytes());
    let signature = mac.finalize().into_bytes();
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut token);
    Ok(token)
}

/// Checks a compact HS256 JWT signed with `secret` and returns its decoded claims
/// (JSON bytes); `None` for anything else: another algorithm, a bad signature (the
/// comparison is constant-time), malformed segments.
#[cfg(feature = "test-util")]
pub fn verify_hs256(token: &str, secret: &[u8]) -> Option<Vec<u8>> {
    #[derive(serde::Deserialize)]
    struct Header<'a> {
        alg: &'a str,
    }
    let (signed, signature) = token.rsplit_once('.')?;
    let (header, claims) = signed.split_once('.')?;
    let header = URL_SAFE_NO_PAD.decode(header).ok()?;
    if serde_json::from_slice::<Header<'_>>(&header).ok()?.alg != "HS256" {
        return None;
    }
    let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
    let mut mac = hmac_sha256(secret);
    mac.update(signed.as_bytes());
    mac.verify_slice(&signature).ok()?;
    URL_SAFE_NO_PAD.decode(claims).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_constant_is_the_hs256_header() {
        assert_eq!(
            URL_SAFE_NO_PAD.decode(HEADER).unwrap(),
            br#"{"alg":"HS256","typ":"JWT"}"#
        );
    }

    /// Known answer computed with python3's stdlib, not with this code:
    /// ```text
    /// import hmac, hashlib, base64, json
    /// b = lambda x: base64.urlsafe_b64encode(x).rstrip(b"=")
    /// h = b(b'{"alg":"HS256","typ":"JWT"}')
    /// c = b(json.dumps({"iss":"key","iat":1700000000,"exp":1700003600}, separators=(",",":")).encode())
    /// s = b(hmac.new(b"secret", h + b"." + c, hashlib.sha256).digest())
    /// print((h + b"." + c + b"." + s).decode())
    /// ```
    #[test]
    fn signs_like_an_independent_implementation() {
        #[derive(serde::Serialize)]
        struct ApiClaims<'a> {
            iss: &'a str,
            iat: i64,
            exp: i64,
        }
        let claims = ApiClaims {
            iss: "key",
            iat: 1_700_000_000,
            exp: 1_700_003_600,
        };
        assert_eq!(
            sign_hs256(&claims, b"secret").unwrap(),
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\
             .eyJpc3MiOiJrZXkiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMH0\
             .SCp8qIrBwfPhlEqvpGrMgF1Sq98H-pBJXlluU7xfZaM"
        );
    }

    #[test]
    fn unserializable_claims_are_an_error_not_a_panic() {
        let claims = std::collections::HashMap::from([((1, 2), "x")]);
        assert!(sign_hs256(&claims, b"secret").is_err());
    }
}
