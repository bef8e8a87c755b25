//! Zoom's `hh:mm:ss` durations, kept as sent and parsed on demand, so a malformed
//! one is an error value for the caller rather than a failed page.

use std::fmt;
use std::time::Duration;

/// A duration as Zoom sends it, `hh:mm:ss`, where hours may exceed 24.
///
/// Decoding never fails on the text; [`SessionDuration::to_std`] parses it.
/// ```
/// use zoom_cobrowse::types::SessionDuration;
/// let d = SessionDuration::from("26:03:19");
/// assert_eq!(d.to_std().unwrap().as_secs(), 26 * 3600 + 3 * 60 + 19);
/// assert!(SessionDuration::from("3 minutes").to_std().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct SessionDuration(String);

impl SessionDuration {
    /// The text as Zoom sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses `hh:mm:ss` (hours of any length, minutes and seconds below 60).
    pub fn to_std(&self) -> Result<Duration, InvalidDuration> {
        let invalid = || InvalidDuration(self.0.clone());
        let mut parts = self.0.split(':');
        let (Some(h), Some(m), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        let field = |text: &str, max: u64| -> Option<u64> {
            if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            text.parse::<u64>().ok().filter(|v| *v < max)
        };
        let hours = field(h, u64::MAX / 3600).ok_or_else(invalid)?;
        let minutes = field(m, 60).filter(|_| m.len() == 2).ok_or_else(invalid)?;
        let seconds = field(s, 60).filter(|_| s.len() == 2).ok_or_else(invalid)?;
        Ok(Duration::from_secs(hours * 3600 + minutes * 60 + seconds))
    }
}

impl From<&str> for SessionDuration {
    fn from(text: &str) -> Self {
        Self(text.to_string())
    }
}

impl From<String> for SessionDuration {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<Duration> for SessionDuration {
    /// Formats whole seconds as `hh:mm:ss` (at least two hour digits).
    fn from(d: Duration) -> Self {
        let secs = d.as_secs();
        Self(format!(
            "{:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        ))
    }
}

impl fmt::Display for SessionDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for SessionDuration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("SessionDuration")
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A duration in 'hh:mm:ss' format; hours may exceed 24.",
            "examples": ["00:03:19"],
        })
    }
}

/// A duration that is not `hh:mm:ss`; holds the text Zoom sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidDuration(pub String);

impl fmt::Display for InvalidDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an hh:mm:ss duration: {:?}", self.0)
    }
}

impl std::error::Error for InvalidDuration {}
