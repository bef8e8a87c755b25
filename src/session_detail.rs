//! Get-session's answer, live or past, decoded in one pass.
//!
//! The spec's `SessionDetail` is a `oneOf` of `PastSessionDetail` and
//! `LiveSessionDetail` with no discriminator. Generated as a serde untagged enum,
//! it would buffer the whole answer into serde's `Content` tree, try the past
//! shape, then replay the tree into the live shape: two decodes and a copy of every
//! string per call. The codegen replaces it (`with_replacement`) with this enum,
//! whose `Deserialize` reads the answer once and picks the variant the untagged
//! order would: past when the past shape's required fields (`end_time`,
//! `duration`) are present, live otherwise. The two variants stay the generated
//! structs, and [`Fields::into_detail`] builds them with struct literals, so a
//! field the spec adds or makes required breaks the build here instead of being
//! dropped.

use serde::{Deserialize, Deserializer};

use crate::generated::types::{LiveSessionDetail, PastSessionDetail};
use crate::session_duration::SessionDuration;

/// A live or a past Cobrowse session. Zoom sends no discriminator: a past session
/// is recognised by its `end_time` and `duration`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum SessionDetail {
    /// A session that has ended.
    PastSessionDetail(PastSessionDetail),
    /// A session in progress.
    LiveSessionDetail(LiveSessionDetail),
}

impl From<PastSessionDetail> for SessionDetail {
    fn from(value: PastSessionDetail) -> Self {
        Self::PastSessionDetail(value)
    }
}

impl From<LiveSessionDetail> for SessionDetail {
    fn from(value: LiveSessionDetail) -> Self {
        Self::LiveSessionDetail(value)
    }
}

/// Every field of either shape; the required ones of both are required here.
#[derive(Deserialize)]
struct Fields {
    session_id: String,
    start_time: chrono::DateTime<chrono::Utc>,
    session_pin: Option<String>,
    user_count: Option<i64>,
    end_time: Option<chrono::DateTime<chrono::Utc>>,
    duration: Option<SessionDuration>,
}

impl Fields {
    fn into_detail(self) -> SessionDetail {
        let Self {
            session_id,
            start_time,
            session_pin,
            user_count,
            end_time,
            duration,
        } = self;
        match (end_time, duration) {
            (Some(end_time), Some(duration)) => {
                SessionDetail::PastSessionDetail(PastSessionDetail {
                    duration,
                    end_time,
                    session_id,
                    session_pin,
                    start_time,
                    user_count,
                })
            }
            // The untagged order: what is not a complete past session is a live one,
            // which has no use for a lone end time or duration.
            _ => SessionDetail::LiveSessionDetail(LiveSessionDetail {
                session_id,
                session_pin,
                start_time,
                user_count,
            }),
        }
    }
}

impl<'de> Deserialize<'de> for SessionDetail {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Fields::deserialize(deserializer).map(Fields::into_detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(json: &str) -> SessionDetail {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn end_time_and_duration_make_a_past_session() {
        let past = decode(
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","end_time":"2025-02-14T19:15:01Z","duration":"00:06:00","user_count":2,"extra":[1]}"#,
        );
        let SessionDetail::PastSessionDetail(past) = past else {
            panic!("decoded as live: {past:?}")
        };
        assert_eq!(past.duration.as_str(), "00:06:00");
        assert_eq!(past.user_count, Some(2));
        assert_eq!(past.session_pin, None);
    }

    #[test]
    fn anything_less_is_a_live_session() {
        for json in [
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","session_pin":"1"}"#,
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","duration":"00:06:00"}"#,
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","end_time":null}"#,
        ] {
            assert!(
                matches!(decode(json), SessionDetail::LiveSessionDetail(_)),
                "{json}"
            );
        }
    }

    #[test]
    fn either_shape_round_trips_through_json() {
        for json in [
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","session_pin":"1","user_count":3}"#,
            r#"{"session_id":"a","start_time":"2025-02-14T19:09:01Z","end_time":"2025-02-14T19:15:01Z","duration":"00:06:00"}"#,
        ] {
            let detail = decode(json);
            let again = decode(&serde_json::to_string(&detail).unwrap());
            assert_eq!(again, detail);
        }
    }

    #[test]
    fn the_required_fields_of_both_shapes_are_required() {
        for json in [
            r#"{"start_time":"2025-02-14T19:09:01Z"}"#,
            r#"{"session_id":"a"}"#,
            r#"{"session_id":"a","start_time":"yesterday"}"#,
            r#"["a","2025-02-14T19:09:01Z"]"#,
        ] {
            assert!(
                serde_json::from_str::<SessionDetail>(json).is_err(),
                "{json}"
            );
        }
    }
}
