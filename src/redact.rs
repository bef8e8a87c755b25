//! Keeps credentials out of everything the crate prints, even when a server
//! echoes them back (an `Authorization` header copied into an error body, a
//! message or an HTML page).
//!
//! Every credential value the crate holds is registered here for as long as it is
//! held: bearer tokens, API secrets and the API JWTs signed with them, OAuth client
//! secrets (and their HTTP Basic form), OAuth access tokens. [`scrub`] replaces any
//! of them with [`REDACTED`]. The registry is process-wide, so an error of one
//! client is also scrubbed of another's secrets, which costs nothing and leaks
//! nothing. Values shorter than [`MIN_REDACTED_LEN`] are not registered: scrubbing
//! them would mangle ordinary words, and no real Zoom credential is that short.

use std::borrow::Cow;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use secrecy::{ExposeSecret, SecretString};

/// What a credential is replaced with.
pub(crate) const REDACTED: &str = "[REDACTED]";

/// The shortest value that is registered.
pub(crate) const MIN_REDACTED_LEN: usize = 8;

// SecretString zeroizes each value when it leaves the registry.
static SECRETS: Mutex<Vec<(u64, SecretString)>> = Mutex::new(Vec::new());
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// A registered credential; dropping it removes (and zeroizes) the registry's copy.
#[derive(Debug)]
pub(crate) struct Registered(Option<u64>);

/// Registers `secret` until the returned guard is dropped.
pub(crate) fn register(secret: &str) -> Registered {
    if secret.len() < MIN_REDACTED_LEN {
        return Registered(None);
    }
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    lock().push((id, SecretString::from(secret)));
    Registered(Some(id))
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(id) = self.0 {
            lock().retain(|(entry, _)| *entry != id);
        }
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<(u64, SecretString)>> {
    // A panic elsewhere while holding it leaves the list intact: keep using it.
    SECRETS.lock().unwrap_or_else(|p| p.into_inner())
}

/// `text` with every registered credential replaced by [`REDACTED`].
pub(crate) fn scrub(text: &str) -> Cow<'_, str> {
    let secrets = lock();
    let mut text = Cow::Borrowed(text);
    for (_, secret) in secrets.iter() {
        let secret = secret.expose_secret();
        if text.contains(secret) {
            text = Cow::Owned(text.replace(secret, REDACTED));
        }
    }
    text
}

/// `bytes` with every registered credential replaced by [`REDACTED`].
pub(crate) fn scrub_bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
    let secrets = lock();
    let mut bytes = Cow::Borrowed(bytes);
    for (_, secret) in secrets.iter() {
        let secret = secret.expose_secret().as_bytes();
        if let Some(replaced) = replace_bytes(&bytes, secret) {
            bytes = Cow::Owned(replaced);
        }
    }
    bytes
}

/// `haystack` with every `needle` replaced by [`REDACTED`], or `None` if it has none.
fn replace_bytes(haystack: &[u8], needle: &[u8]) -> Option<Vec<u8>> {
    let first = haystack.windows(needle.len()).position(|w| w == needle)?;
    let mut out = haystack[..first].to_vec();
    let mut rest = &haystack[first..];
    while !rest.is_empty() {
        if rest.starts_with(needle) {
            out.extend_from_slice(REDACTED.as_bytes());
            rest = &rest[needle.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_values_are_scrubbed_until_dropped() {
        let guard = register("hunter2-but-longer");
        let echoed = "Authorization: Bearer hunter2-but-longer; again hunter2-but-longer";
        assert_eq!(
            scrub(echoed),
            "Authorization: Bearer [REDACTED]; again [REDACTED]"
        );
        assert_eq!(
            &*scrub_bytes(b"<p>hunter2-but-longer</p>"),
            b"<p>[REDACTED]</p>"
        );
        drop(guard);
        assert_eq!(scrub(echoed), echoed);
        let _short = register("short");
        assert_eq!(scrub("short words"), "short words");
    }
}
