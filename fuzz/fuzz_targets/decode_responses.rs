//! Arbitrary bytes decoded as every response body the client decodes.
//!
//! Properties: decoding never panics; whatever decodes serializes and decodes back
//! to the same value (so a caller can store and reload what Zoom sent); the open
//! enums keep unknown text verbatim and never shadow a known value; a duration
//! that parses formats back to itself; `Page::next_token` is `None` exactly when
//! Zoom sent no token or an empty one.
#![no_main]

use std::convert::Infallible;
use std::fmt::{Debug, Display};
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use serde::Serialize;
use serde::de::DeserializeOwned;
use zoom_cobrowse::Page;
use zoom_cobrowse::types::{
    DataCenter, LiveSessionList, PastSessionList, RoleType, SessionDetail, SessionDuration,
    SessionUserList, ZoomError,
};

fuzz_target!(|data: &[u8]| {
    if let Some(page) = decode::<LiveSessionList>(data) {
        let token = page.next_page_token.clone();
        for session in &page.sessions {
            for user in &session.users {
                check_role(&user.role_type);
            }
        }
        check_page(page, token);
    }
    if let Some(page) = decode::<PastSessionList>(data) {
        let token = page.next_page_token.clone();
        for session in &page.sessions {
            check_duration(&session.duration);
            for role in session.users.iter().filter_map(|u| u.role_type.as_ref()) {
                check_role(role);
            }
        }
        check_page(page, token);
    }
    if let Some(page) = decode::<SessionUserList>(data) {
        let token = page.next_page_token.clone();
        for user in &page.users {
            check_role(&user.role_type);
            if let Some(data_center) = &user.data_center {
                check_open_enum(data_center, DataCenter::KNOWN, data_center.is_unknown());
            }
            if let Some(duration) = &user.duration {
                check_duration(duration);
            }
        }
        check_page(page, token);
    }
    if let Some(SessionDetail::PastSessionDetail(past)) = decode::<SessionDetail>(data) {
        check_duration(&past.duration);
    }
    decode::<ZoomError>(data);
});

/// Decodes `data` as `T` and checks that the value survives a JSON round trip.
fn decode<T: DeserializeOwned + Serialize + PartialEq + Debug>(data: &[u8]) -> Option<T> {
    let value: T = serde_json::from_slice(data).ok()?;
    let json = serde_json::to_vec(&value).expect("a decoded value serializes");
    let again: T = serde_json::from_slice(&json).unwrap_or_else(|e| {
        panic!(
            "{} does not decode back ({e}): {value:?}",
            String::from_utf8_lossy(&json)
        )
    });
    assert_eq!(again, value, "the JSON round trip changed the value");
    Some(value)
}

fn check_page<P: Page>(page: P, sent: Option<String>) {
    let expected = sent.as_deref().filter(|token| !token.is_empty());
    assert_eq!(page.next_token(), expected);
}

fn check_role(role: &RoleType) {
    check_open_enum(role, RoleType::KNOWN, role.is_unknown());
}

/// An open enum's text is what Zoom sent, parses back to the same value,
/// serializes as that JSON string, and an unknown value never spells a known one.
fn check_open_enum<T>(value: &T, known: &[T], is_unknown: bool)
where
    T: FromStr<Err = Infallible>
        + Display
        + Serialize
        + DeserializeOwned
        + PartialEq
        + Debug
        + Clone
        + Into<String>,
{
    let text = value.to_string();
    let Ok(parsed) = text.parse::<T>();
    assert_eq!(&parsed, value);
    assert_eq!(value.clone().into(), text);
    let json = serde_json::to_string(value).expect("an enum serializes");
    assert_eq!(
        json,
        serde_json::to_string(&text).expect("a string serializes")
    );
    assert_eq!(is_unknown, !known.contains(value));
    if is_unknown {
        assert!(
            known.iter().all(|k| k.to_string() != text),
            "{value:?} shadows a known value"
        );
    }
}

/// `to_std` never panics, and a duration it accepts formats back to itself.
fn check_duration(duration: &SessionDuration) {
    if let Ok(std) = duration.to_std() {
        assert_eq!(SessionDuration::from(std).to_std(), Ok(std), "{duration:?}");
    }
}
