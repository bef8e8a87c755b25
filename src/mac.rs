//! The crate's one HMAC-SHA256: webhook signatures, URL validation answers and
//! HS256 JWTs all key it with a secret and hash a message.

use hmac::{Hmac, KeyInit};
use sha2::Sha256;

/// An HMAC-SHA256 state keyed with `key`, ready for `Mac::update`.
pub(crate) fn hmac_sha256(key: &[u8]) -> Hmac<Sha256> {
    // HMAC hashes long keys and pads short ones, so no key length is invalid.
    Hmac::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"))
}
