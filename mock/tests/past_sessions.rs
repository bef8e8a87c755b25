//! Past sessions and session details over real HTTP: the `from`/`to` rules, both
//! time types at day boundaries, the filters, and the two shapes of get-session.

mod support;

use chrono::{DateTime, Duration as Delta, NaiveDate, Utc};
use reqwest::StatusCode;
use serde_json::Value;
use support::{builder, code, now, start};
use zoom_cobrowse::types::{PastSession, SessionDetail};

const PAST: &str = "/cobrowsesdk/past_sessions";

fn sessions(items: Vec<Value>) -> Vec<PastSession> {
    items
        .into_iter()
        .map(|item| serde_json::from_value(item).unwrap())
        .collect()
}

fn ids(sessions: &[PastSession]) -> Vec<&str> {
    sessions.iter().map(|s| s.session_id.as_str()).collect()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap().and_utc()
}

#[tokio::test]
async fn a_month_of_past_sessions_matches_the_truth() {
    let (zoom, api) = start(builder()).await;
    let query = [
        ("from", "2025-06-01"),
        ("to", "2025-06-30"),
        ("page_size", "100"),
    ];

    let (items, pages) = api.all_pages(PAST, &query, "sessions").await;
    let (_, first) = api.json(PAST, &query).await;

    let from = midnight(day("2025-06-01"));
    let to = midnight(day("2025-07-01"));
    let truth: Vec<PastSession> = zoom
        .past_sessions()
        .into_iter()
        .filter(|s| s.start_time >= from && s.start_time < to)
        .collect();
    assert_eq!(sessions(items), truth);
    assert!(truth.len() > 300, "about twelve a day");
    assert_eq!(pages, truth.len().div_ceil(100));
    assert_eq!(
        (&first["from"], &first["to"]),
        (&"2025-06-01".into(), &"2025-06-30".into())
    );
}

#[tokio::test]
async fn neither_from_nor_to_lists_the_last_24_hours() {
    let (zoom, api) = start(builder()).await;

    let (items, _) = api.all_pages(PAST, &[], "sessions").await;
    let (_, first) = api.json(PAST, &[]).await;

    let since = now() - Delta::hours(24);
    let truth: Vec<PastSession> = zoom
        .past_sessions()
        .into_iter()
        .filter(|s| s.start_time >= since)
        .collect();
    assert!(!truth.is_empty());
    assert_eq!(sessions(items), truth);
    assert_eq!(first["from"], "2025-07-14");
    assert_eq!(first["to"], "2025-07-15");
}

#[tokio::test]
async fn ranges_longer_than_a_calendar_month_are_refused() {
    let (_zoom, api) = start(builder()).await;

    let (status, _) = api
        .json(PAST, &[("from", "2025-05-31"), ("to", "2025-06-30")])
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = api
        .json(PAST, &[("from", "2025-06-01"), ("to", "2025-07-02")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&body), 300);
    assert!(
        body["message"].as_str().unwrap().contains("one month"),
        "{body}"
    );
}

#[tokio::test]
async fn ranges_older_than_six_months_are_refused() {
    let (_zoom, api) = start(builder()).await;

    let (status, _) = api
        .json(PAST, &[("from", "2025-01-15"), ("to", "2025-02-01")])
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = api
        .json(PAST, &[("from", "2025-01-10"), ("to", "2025-01-20")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(code(&body), 300);
    assert!(
        body["message"].as_str().unwrap().contains("six months"),
        "{body}"
    );
}

#[tokio::test]
async fn missing_or_malformed_parameters_name_the_field() {
    let (_zoom, api) = start(builder()).await;

    let cases: [(&[(&str, &str)], &str); 5] = [
        (&[("from", "2025-07-01")], "to"),
        (&[("to", "2025-07-01")], "from"),
        (&[("from", "07/01/2025"), ("to", "2025-07-02")], "from"),
        (
            &[("from", "2025-07-01"), ("to", "2025-07-02T10:00:00+02:00")],
            "to",
        ),
        (&[("time_type", "created_time")], "time_type"),
    ];
    for (query, field) in cases {
        let (status, body) = api.json(PAST, query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query:?}");
        assert_eq!(body["message"], "Validation Failed.");
        assert_eq!(body["errors"][0]["field"], field, "{query:?}");
    }
}

#[tokio::test]
async fn time_type_filters_on_start_or_end_at_day_boundaries() {
    let (zoom, api) = start(builder()).await;
    // A session that starts one day and ends the next.
    let overnight = zoom
        .past_sessions()
        .into_iter()
        .find(|s| {
            s.start_time.date_naive() != s.end_time.date_naive()
                && s.start_time >= midnight(day("2025-06-01"))
        })
        .expect("the seed has a session across midnight");
    let start_day = overnight.start_time.date_naive().to_string();
    let end_day = overnight.end_time.date_naive().to_string();
    let listed = async |from: &str, to: &str, time_type: &str| {
        let query = [
            ("from", from),
            ("to", to),
            ("time_type", time_type),
            ("page_size", "300"),
        ];
        let (items, _) = api.all_pages(PAST, &query, "sessions").await;
        ids(&sessions(items)).contains(&overnight.session_id.as_str())
    };

    assert!(listed(&start_day, &start_day, "start_time").await);
    assert!(!listed(&start_day, &start_day, "end_time").await);
    assert!(listed(&end_day, &end_day, "end_time").await);
    assert!(!listed(&end_day, &end_day, "start_time").await);

    // Instants are inclusive to the second.
    let at = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let (start, end) = (overnight.start_time, overnight.end_time);
    assert!(listed(&at(start), &at(start), "start_time").await);
    assert!(!listed(&at(start + Delta::seconds(1)), &at(end), "start_time").await);
    assert!(listed(&at(end), &at(end), "end_time").await);
    assert!(!listed(&at(start), &at(end - Delta::seconds(1)), "end_time").await);
}

#[tokio::test]
async fn session_id_and_session_pin_filter_the_range() {
    let (_zoom, api) = start(builder()).await;
    let range = [
        ("from", "2025-06-01"),
        ("to", "2025-06-30"),
        ("page_size", "300"),
    ];
    let (items, _) = api.all_pages(PAST, &range, "sessions").await;
    let june = sessions(items);
    let target = &june[june.len() / 2];
    let pin = target.session_pin.as_deref().unwrap();

    let mut by_id = range.to_vec();
    by_id.push(("session_id", &target.session_id));
    let (items, _) = api.all_pages(PAST, &by_id, "sessions").await;
    assert_eq!(sessions(items), vec![target.clone()]);

    let mut by_pin = range.to_vec();
    by_pin.push(("session_pin", pin));
    let (items, _) = api.all_pages(PAST, &by_pin, "sessions").await;
    let same_pin: Vec<_> = june
        .iter()
        .filter(|s| s.session_pin.as_deref() == Some(pin))
        .cloned()
        .collect();
    assert_eq!(sessions(items), same_pin);
}

#[tokio::test]
async fn get_session_answers_the_past_or_the_live_shape() {
    let (zoom, api) = start(builder()).await;
    let past = zoom.past_sessions().pop().unwrap();
    let live = zoom.live_sessions().pop().unwrap();

    let (status, body) = api
        .json(&format!("/cobrowsesdk/sessions/{}", past.session_id), &[])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["duration"], past.duration.as_str());
    let detail: SessionDetail = serde_json::from_value(body).unwrap();
    assert!(matches!(&detail, SessionDetail::PastSessionDetail(d) if d.end_time == past.end_time));
    assert_eq!(Some(detail), zoom.session(&past.session_id));

    let path = format!("/cobrowsesdk/sessions/{}", live.session_id);
    let (_, body) = api.json(&path, &[]).await;
    assert!(
        body.get("end_time").is_none() && body.get("duration").is_none(),
        "{body}"
    );
    assert_eq!(
        body["user_count"].as_i64(),
        Some(live_user_count(&zoom, &live.session_id))
    );

    // Once it ends, the same session answers in the past shape and is listed as past.
    let ended = zoom.end_session(&live.session_id).unwrap();
    let (_, body) = api.json(&path, &[]).await;
    assert_eq!(body["end_time"], "2025-07-15T12:34:56Z");
    let (items, _) = api
        .all_pages(PAST, &[("time_type", "end_time")], "sessions")
        .await;
    assert!(sessions(items).contains(&ended));
}

fn live_user_count(zoom: &zoom_cobrowse_mock::MockZoom, id: &str) -> i64 {
    let users = zoom.session_users(id).unwrap();
    let mut ids: Vec<_> = users.iter().map(|u| &u.user_id).collect();
    ids.sort();
    ids.dedup();
    ids.len() as i64
}

#[tokio::test]
async fn an_unknown_session_is_a_404_naming_it() {
    let (_zoom, api) = start(builder()).await;

    let (status, body) = api
        .json("/cobrowsesdk/sessions/GDDykmpQQU6MWL3GqLNUkw", &[])
        .await;

    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        body,
        serde_json::json!({"code": 30300, "message": "Session does not exist: GDDykmpQQU6MWL3GqLNUkw"})
    );
}
