//! Decoding a verified body into a typed event, by its `event` name.
//!
//! The events differ only in `event` and in which fields they carry, and every
//! field but `session_id` is optional, so trying each shape in turn (serde's
//! untagged enums) would decode every event as the first shape that fits. The
//! name decides instead, and a name this crate does not know is kept as JSON.

use sha2::Digest as _;
use std::borrow::Cow;

use super::WebhookError;
use super::types;

/// One decoded webhook event.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `cobrowse.session_started`: the first user joined a session.
    SessionStarted(types::CobrowseSessionStarted),
    /// `cobrowse.session_ended`: the session was ended, or every user left.
    SessionEnded(types::CobrowseSessionEnded),
    /// `cobrowse.session_user_joined`: a user joined (once per connection).
    SessionUserJoined(types::CobrowseSessionUserJoined),
    /// `cobrowse.session_user_left`: a user left (once per connection).
    SessionUserLeft(types::CobrowseSessionUserLeft),
    /// `endpoint.url_validation`: Zoom checks the endpoint holds the secret;
    /// [`Receiver::respond`](super::Receiver::respond) answers it.
    UrlValidation(types::EndpointUrlValidation),
    /// An event this version of the crate does not know, kept as JSON.
    Unknown(UnknownEvent),
}

/// An event whose name this version of the crate does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct UnknownEvent {
    /// The `event` name as Zoom sent it.
    pub name: String,
    /// The whole body.
    pub json: serde_json::Value,
}

impl Event {
    /// The name of [`Event::SessionStarted`].
    pub const SESSION_STARTED: &'static str = "cobrowse.session_started";
    /// The name of [`Event::SessionEnded`].
    pub const SESSION_ENDED: &'static str = "cobrowse.session_ended";
    /// The name of [`Event::SessionUserJoined`].
    pub const SESSION_USER_JOINED: &'static str = "cobrowse.session_user_joined";
    /// The name of [`Event::SessionUserLeft`].
    pub const SESSION_USER_LEFT: &'static str = "cobrowse.session_user_left";
    /// The name of [`Event::UrlValidation`].
    pub const URL_VALIDATION: &'static str = "endpoint.url_validation";

    /// The event's name, as in the body's `event` field.
    pub fn name(&self) -> &str {
        match self {
            Self::SessionStarted(_) => Self::SESSION_STARTED,
            Self::SessionEnded(_) => Self::SESSION_ENDED,
            Self::SessionUserJoined(_) => Self::SESSION_USER_JOINED,
            Self::SessionUserLeft(_) => Self::SESSION_USER_LEFT,
            Self::UrlValidation(_) => Self::URL_VALIDATION,
            Self::Unknown(unknown) => &unknown.name,
        }
    }

    /// The Cobrowse session the event is about; `None` for URL validation and
    /// unknown events.
    pub fn session_id(&self) -> Option<&str> {
        match self {
            Self::SessionStarted(e) => Some(&e.payload.object.session_id),
            Self::SessionEnded(e) => Some(&e.payload.object.session_id),
            Self::SessionUserJoined(e) => Some(&e.payload.object.session_id),
            Self::SessionUserLeft(e) => Some(&e.payload.object.session_id),
            Self::UrlValidation(_) | Self::Unknown(_) => None,
        }
    }

    /// Decodes a body whose signature was verified.
    pub(crate) fn decode(body: &str) -> Result<Self, WebhookError> {
        // Zoom writes `event` first. Then the name is known without a first pass
        // over the whole body, which costs as much as the typed decode itself; the
        // typed decode still reads every field (a second `event` is a duplicate
        // field error). Anything else, a failure included, takes the general path,
        // so errors are reported as before.
        let typed = match leading_event_name(body) {
            Some(Self::SESSION_STARTED) => serde_json::from_str(body).map(Self::SessionStarted),
            Some(Self::SESSION_ENDED) => serde_json::from_str(body).map(Self::SessionEnded),
            Some(Self::SESSION_USER_JOINED) => {
                serde_json::from_str(body).map(Self::SessionUserJoined)
            }
            Some(Self::SESSION_USER_LEFT) => serde_json::from_str(body).map(Self::SessionUserLeft),
            Some(Self::URL_VALIDATION) => serde_json::from_str(body).map(Self::UrlValidation),
            _ => return Self::decode_by_name(body),
        };
        typed.or_else(|_| Self::decode_by_name(body))
    }

    /// Decodes a body by first reading its `event` name, wherever it is.
    fn decode_by_name(body: &str) -> Result<Self, WebhookError> {
        // serde's derived structs also read a JSON array of their fields in order,
        // so `["cobrowse.session_started", ...]` would pass for an event.
        if !body.trim_start_matches(JSON_WHITESPACE).starts_with('{') {
            return Err(WebhookError::NotJson(serde::de::Error::custom(
                "the body is not a JSON object",
            )));
        }
        #[derive(serde::Deserialize)]
        struct Name<'a> {
            #[serde(borrow)]
            event: Cow<'a, str>,
        }
        let name = serde_json::from_str::<Name<'_>>(body)
            .map_err(WebhookError::NotJson)?
            .event;
        let typed = match name.as_ref() {
            Self::SESSION_STARTED => serde_json::from_str(body).map(Self::SessionStarted),
            Self::SESSION_ENDED => serde_json::from_str(body).map(Self::SessionEnded),
            Self::SESSION_USER_JOINED => serde_json::from_str(body).map(Self::SessionUserJoined),
            Self::SESSION_USER_LEFT => serde_json::from_str(body).map(Self::SessionUserLeft),
            Self::URL_VALIDATION => serde_json::from_str(body).map(Self::UrlValidation),
            _ => serde_json::from_str(body).map(|json| {
                Self::Unknown(UnknownEvent {
                    name: name.clone().into_owned(),
                    json,
                })
            }),
        };
        typed.map_err(|source| WebhookError::InvalidEvent {
            event: name.into_owned(),
            raw_json: body.into(),
            source,
        })
    }
}

/// JSON's insignificant whitespace (RFC 8259).
const JSON_WHITESPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// The name of an object whose first member is `"event"` with a string free of
/// escapes, e.g. `{"event":"cobrowse.session_started",...}`.
fn leading_event_name(body: &str) -> Option<&str> {
    let rest = body
        .trim_start_matches(JSON_WHITESPACE)
        .strip_prefix('{')?
        .trim_start_matches(JSON_WHITESPACE)
        .strip_prefix("\"event\"")?
        .trim_start_matches(JSON_WHITESPACE)
        .strip_prefix(':')?
        .trim_start_matches(JSON_WHITESPACE)
        .strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    (rest.as_bytes()[end] == b'"').then(|| &rest[..end])
}

/// A delivery whose signature and timestamp were verified, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Delivery {
    pub(crate) event: Event,
    pub(crate) raw_json: Box<str>,
    pub(crate) timestamp: i64,
}

impl Delivery {
    /// The decoded event.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The decoded event, by value.
    pub fn into_event(self) -> Event {
        self.event
    }

    /// The body exactly as Zoom sent it: every field, including those this crate
    /// does not model yet.
    pub fn raw_json(&self) -> &str {
        &self.raw_json
    }

    /// The verified `x-zm-request-timestamp`, in seconds since the Unix epoch.
    pub fn timestamp(&self) -> i64 {
        self.timestamp
    }

    /// A key that is the same for every delivery of one event, to drop
    /// duplicates: 64 hex digits of SHA-256 over the event name, `event_ts`,
    /// `payload.account_id` and `payload.object` (its JSON with keys sorted).
    ///
    /// Zoom sends an event again when an answer was late, each time with a new
    /// timestamp and signature, and the receiver's timestamp window lets a
    /// captured delivery verify again within it; neither changes this key, which
    /// depends only on the event. Keep the keys of the last few hours (Zoom's
    /// retries span about 85 minutes) in a set shared by every replica, and skip a
    /// delivery whose key is there.
    pub fn idempotency_key(&self) -> String {
        // Computed on demand from the raw body, so verification pays nothing for it.
        let value: serde_json::Value = serde_json::from_str(&self.raw_json).unwrap_or_default();
        let payload = &value["payload"];
        let mut hash = sha2::Sha256::new();
        for part in [
            &value["event"],
            &value["event_ts"],
            &payload["account_id"],
            &payload["object"],
        ] {
            let mut text = String::new();
            canonical(part, &mut text);
            hash.update((text.len() as u64).to_be_bytes());
            hash.update(text.as_bytes());
        }
        hex::encode(hash.finalize())
    }
}

/// `value` as JSON with object keys sorted at every level, so equal objects give
/// equal text whatever order they were sent in (and whether or not serde_json's
/// `preserve_order` is on in the build).
fn canonical(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::Value::from(key.as_str()).to_string());
                out.push(':');
                canonical(value, out);
            }
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leading_name_is_read_only_when_event_comes_first_unescaped() {
        let started = r#"{"event":"cobrowse.session_started","payload":{}}"#;
        assert_eq!(leading_event_name(started), Some(Event::SESSION_STARTED));
        let spaced = " {\n \"event\" : \"x.y\" }";
        assert_eq!(leading_event_name(spaced), Some("x.y"));
        for other in [
            r#"{"payload":{},"event":"cobrowse.session_started"}"#,
            r#"{"event":"cobrowse.session\u005fstarted"}"#,
            r#"{"event":1}"#,
            r#"["event","x"]"#,
            r#"{"event":"unterminated"#,
        ] {
            assert_eq!(leading_event_name(other), None, "{other}");
        }
    }

    #[test]
    fn a_failed_fast_decode_reports_as_the_general_path_does() {
        // A second `event` member: the name pass itself rejects the body.
        let twice = r#"{"event":"cobrowse.session_started","event":"cobrowse.session_ended"}"#;
        assert!(matches!(
            Event::decode(twice),
            Err(WebhookError::NotJson(_))
        ));
        // A known name with a missing payload: the typed decode's error, named.
        let bare = r#"{"event":"cobrowse.session_started"}"#;
        assert!(matches!(
            Event::decode(bare),
            Err(WebhookError::InvalidEvent { event, .. }) if event == Event::SESSION_STARTED
        ));
    }
}
