//! The seeded data and the simulator's life: the same seed gives the same data and
//! answers, the data is coherent and realistic, bad settings are typed errors, and a
//! simulator started from a plain runtime serves until dropped.

mod support;

use std::collections::{BTreeMap, HashSet};
use std::net::IpAddr;
use std::time::Duration;

use chrono::{Months, NaiveDate};
use support::{Api, builder, now, start};
use zoom_cobrowse::types::{RoleType, SessionUserConnection};
use zoom_cobrowse_mock::{MAX_SESSIONS, MockError, MockZoom};

fn distinct_users(rows: &[SessionUserConnection]) -> usize {
    rows.iter()
        .map(|r| &r.user_id)
        .collect::<HashSet<_>>()
        .len()
}

/// The bodies of the first live and past pages, page tokens included.
async fn first_pages(zoom: &MockZoom) -> Vec<String> {
    let api = Api::new(zoom);
    let mut bodies = Vec::new();
    for path in ["/cobrowsesdk/live_sessions", "/cobrowsesdk/past_sessions"] {
        bodies.push(api.get(path, &[]).await.unwrap().text().await.unwrap());
    }
    bodies
}

#[tokio::test]
async fn the_same_seed_and_clock_give_the_same_data_and_answers() {
    let start = async |seed| builder().seed(seed).start().await.unwrap();
    let (one, two, other) = (start(42).await, start(42).await, start(43).await);

    assert_eq!(one.live_sessions(), two.live_sessions());
    assert_eq!(one.past_sessions(), two.past_sessions());
    let id = &one.past_sessions()[100].session_id;
    assert_eq!(one.session_users(id), two.session_users(id));
    assert_ne!(one.past_sessions(), other.past_sessions());
    // Page tokens come from the seed too: the same requests get the same bytes.
    let (one, two, other) = (
        first_pages(&one).await,
        first_pages(&two).await,
        first_pages(&other).await,
    );
    assert_eq!(one, two);
    assert_ne!(one, other);
}

#[tokio::test]
async fn past_sessions_cover_six_months_up_to_now_day_by_day() {
    let zoom = builder().start().await.unwrap();
    let past = zoom.past_sessions();
    let oldest = now().checked_sub_months(Months::new(6)).unwrap();

    assert!(
        past.iter()
            .all(|s| s.start_time >= oldest && s.end_time < now())
    );
    assert!(past[0].start_time.date_naive() == oldest.date_naive());
    let mut per_day = BTreeMap::<NaiveDate, usize>::new();
    for s in &past {
        *per_day.entry(s.start_time.date_naive()).or_default() += 1;
    }
    // Twelve a day, except at the edges of the history.
    // 2025-01-15 to 2025-07-15.
    assert_eq!(per_day.len(), 182);
    let middle: Vec<_> = per_day.values().skip(1).take(180).collect();
    assert!(middle.iter().all(|n| **n == 12), "{per_day:?}");
    assert!(past.is_sorted_by_key(|s| (s.start_time, s.session_id.clone())));
}

#[tokio::test]
async fn every_past_session_is_coherent_with_its_users() {
    let zoom = builder().start().await.unwrap();
    let mut ids = HashSet::new();
    let mut connection_ids = HashSet::new();
    let mut rejoined = 0;

    for s in zoom.past_sessions() {
        assert!(ids.insert(s.session_id.clone()), "session IDs are unique");
        assert_eq!(
            s.duration.to_std().unwrap(),
            (s.end_time - s.start_time).to_std().unwrap()
        );
        assert_eq!(s.session_pin.as_ref().map(String::len), Some(6));
        let rows = zoom.session_users(&s.session_id).unwrap();
        assert_eq!(s.user_count, Some(distinct_users(&rows) as i64));
        assert_eq!(s.users.len(), distinct_users(&rows));
        let customers: HashSet<_> = rows
            .iter()
            .filter(|r| r.role_type == RoleType::Customer)
            .map(|r| &r.user_id)
            .collect();
        assert_eq!(customers.len(), 1, "one customer, helped by agents");
        assert!(distinct_users(&rows) >= 2);
        for r in &rows {
            assert!(connection_ids.insert(r.user_connection_id.clone()));
            let (join, leave) = (r.join_time.unwrap(), r.leave_time.expect("everyone left"));
            assert!(s.start_time <= join && join <= leave && leave <= s.end_time);
            assert_eq!(
                r.duration.as_ref().unwrap().to_std().unwrap(),
                (leave - join).to_std().unwrap()
            );
        }
        if rows.len() > distinct_users(&rows) {
            rejoined += 1;
        }
    }
    assert!(rejoined > 100, "users leave and rejoin: {rejoined}");
    let day = Duration::from_secs(86_400);
    let long = zoom
        .past_sessions()
        .into_iter()
        .filter(|s| s.duration.to_std().unwrap() > day)
        .count();
    assert!(
        long > 0,
        "some session ran past a day, so its hours exceed 24"
    );
}

#[tokio::test]
async fn live_sessions_have_people_still_in_them() {
    let zoom = builder().start().await.unwrap();

    for s in zoom.live_sessions() {
        assert!(s.start_time < now());
        let rows = zoom.session_users(&s.session_id).unwrap();
        let present: HashSet<_> = rows
            .iter()
            .filter(|r| r.leave_time.is_none())
            .map(|r| &r.user_id)
            .collect();
        let listed: HashSet<_> = s.users.iter().map(|u| &u.user_id).collect();
        assert_eq!(listed, present, "the live listing shows who is there now");
        assert!(
            rows.iter()
                .any(|r| r.role_type == RoleType::Customer && r.leave_time.is_none())
        );
        for r in &rows {
            assert_eq!(
                r.leave_time.is_none(),
                r.duration.is_none(),
                "no duration while present"
            );
        }
    }
    let all_rows: Vec<_> = zoom
        .live_sessions()
        .iter()
        .flat_map(|s| zoom.session_users(&s.session_id).unwrap())
        .collect();
    assert!(
        all_rows
            .iter()
            .any(|r| r.role_type == RoleType::Agent && r.leave_time.is_some()),
        "some agents left"
    );
}

#[tokio::test]
async fn users_look_like_real_ones_without_being_anyones() {
    let zoom = builder().start().await.unwrap();
    let rows: Vec<_> = zoom
        .past_sessions()
        .iter()
        .take(300)
        .flat_map(|s| zoom.session_users(&s.session_id).unwrap())
        .collect();

    for r in &rows {
        let ip: IpAddr = r
            .ip_address
            .as_ref()
            .unwrap()
            .parse()
            .expect("an IP address");
        let documentation = match ip {
            IpAddr::V4(v4) => ["192.0.2.", "198.51.100.", "203.0.113."]
                .iter()
                .any(|p| v4.to_string().starts_with(p)),
            IpAddr::V6(v6) => v6.segments()[..2] == [0x2001, 0xdb8],
        };
        assert!(documentation, "{ip} is reserved for documentation");
        assert!(!r.data_center.as_ref().unwrap().is_unknown());
        assert_eq!(r.user_id.len(), 22);
    }
    assert!(
        rows.iter()
            .any(|r| r.ip_address.as_ref().unwrap().contains(':')),
        "some IPv6"
    );
    assert!(
        rows.iter().any(|r| !r.user_name.is_ascii()),
        "names beyond ASCII"
    );
    let centers: HashSet<_> = rows.iter().map(|r| r.data_center.clone()).collect();
    assert!(centers.len() > 5, "{centers:?}");
}

#[tokio::test]
async fn bad_settings_and_requests_are_typed_errors() {
    let builder = builder();
    let error = builder
        .clone()
        .live_sessions(MAX_SESSIONS + 1)
        .start()
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            MockError::TooManySessions {
                setting: "live_sessions",
                ..
            }
        ),
        "{error}"
    );

    let zoom = builder.clone().start().await.unwrap();
    let error = builder.port(zoom.addr().port()).start().await.unwrap_err();
    assert!(matches!(error, MockError::Bind { .. }), "{error}");
    assert!(std::error::Error::source(&error).is_some());

    assert!(matches!(
        zoom.end_session("nope"),
        Err(MockError::UnknownSession(_))
    ));
    let past = zoom.past_sessions()[0].session_id.clone();
    assert!(matches!(
        zoom.end_session(&past),
        Err(MockError::SessionNotLive(_))
    ));
}

#[test]
fn a_plain_runtime_serves_until_the_simulator_is_dropped() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let zoom = MockZoom::builder()
            .past_sessions_per_day(1)
            .start()
            .await
            .unwrap();
        let api = Api::new(&zoom);
        assert!(
            api.get("/cobrowsesdk/live_sessions", &[])
                .await
                .unwrap()
                .status()
                .is_success()
        );
        let addr = zoom.addr();

        drop(zoom);

        // Aborting takes effect when the runtime next polls the server: wait for it,
        // within a bound.
        let mut refused = false;
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(addr).await.is_err() {
                refused = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(refused, "nothing listens on {addr} after drop");
    });
}

#[tokio::test]
async fn unknown_paths_methods_and_oversized_bodies_get_error_answers() {
    let (zoom, api) = start(builder()).await;

    let (status, body) = api.json("/cobrowsesdk/sessions", &[]).await;
    assert_eq!((status.as_u16(), &body["code"]), (404, &404.into()));
    let response = api
        .http
        .delete(format!("{}/cobrowsesdk/live_sessions", api.base))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let response = api
        .http
        .post(zoom.oauth_url())
        .body(vec![b'a'; 100 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 413);

    let stats = zoom.stats();
    assert_eq!(
        (stats.unrouted, stats.token_requests, stats.api_requests()),
        (2, 1, 0)
    );
}
