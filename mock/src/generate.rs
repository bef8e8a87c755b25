//! Seeded, realistic data: live sessions in progress now, and past sessions every day
//! of the last six months, with customers and agents who leave and rejoin.
//!
//! The same seed, settings and "now" give the same data (PCG's output is fixed by its
//! specification; see the `rand_pcg` dependency).

use std::collections::HashSet;

use chrono::{DateTime, Days, Months, TimeDelta, Utc};
use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_pcg::Pcg64;

use super::model::{Connection, Dataset, Session};
use zoom_cobrowse::types::{DataCenter, RoleType};

/// How far back past sessions go: Zoom keeps six months.
pub(crate) const HISTORY: Months = Months::new(6);

/// What to generate.
pub(crate) struct DataSpec {
    pub live_sessions: usize,
    pub past_sessions_per_day: usize,
}

/// Generates the dataset as of `now`.
pub(crate) fn generate(rng: &mut Pcg64, now: DateTime<Utc>, spec: &DataSpec) -> Dataset {
    let mut sessions = Vec::new();
    let oldest = now.checked_sub_months(HISTORY).unwrap_or(now);
    let mut day = oldest.date_naive();
    while day <= now.date_naive() {
        let midnight = day.and_time(chrono::NaiveTime::MIN).and_utc();
        for _ in 0..spec.past_sessions_per_day {
            let start = midnight + TimeDelta::seconds(rng.random_range(0..86_400));
            let end = start + session_length(rng);
            // Sessions before the history or not over yet are not past sessions.
            if start >= oldest && end < now {
                sessions.push(session(rng, start, end, false));
            }
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            break;
        };
        day = next;
    }
    for _ in 0..spec.live_sessions {
        // Live sessions began between two minutes and three hours ago.
        let start = now - TimeDelta::seconds(rng.random_range(120..3 * 3600));
        sessions.push(session(rng, start, now, true));
    }
    Dataset::new(sessions)
}

/// Most sessions are short support calls; some run for hours, and a rare one runs past
/// a day, which is when Zoom's `hh:mm:ss` hours exceed 24.
fn session_length(rng: &mut Pcg64) -> TimeDelta {
    let secs = match rng.random_range(0..1000) {
        0 => rng.random_range(24 * 3600..30 * 3600),
        1..=60 => rng.random_range(3600..4 * 3600),
        _ => rng.random_range(90..45 * 60),
    };
    TimeDelta::seconds(secs)
}

/// A session from `start` to `end`; when `live`, `end` is now and it has not ended.
fn session(rng: &mut Pcg64, start: DateTime<Utc>, end: DateTime<Utc>, live: bool) -> Session {
    let agents = match rng.random_range(0..100) {
        0..70 => 1,
        70..95 => 2,
        _ => 3,
    };
    let mut connections = Vec::new();
    for i in 0..=agents {
        let role = if i == 0 {
            RoleType::Customer
        } else {
            RoleType::Agent
        };
        // The customer opens the session and is there until it ends; agents come
        // within the first minutes, and most of those in a live session are still there.
        let (first_join, last_leave, still_here) = if i == 0 {
            (start, end, live)
        } else {
            let span = (end - start).num_seconds();
            let join = start + TimeDelta::seconds(rng.random_range(0..=(span / 4).min(300)));
            let left_after = (end - join).num_seconds();
            if (live && rng.random_bool(0.7)) || left_after < 2 {
                (join, end, live)
            } else {
                let leave = join + TimeDelta::seconds(rng.random_range(1..left_after));
                (join, leave, false)
            }
        };
        connections.extend(user_connections(
            rng, role, first_join, last_leave, still_here,
        ));
    }
    connections.sort_by(|a, b| (a.join, &a.connection_id).cmp(&(b.join, &b.connection_id)));
    Session {
        id: id(rng),
        pin: format!("{:06}", rng.random_range(0..1_000_000)),
        start,
        end: (!live).then_some(end),
        connections,
    }
}

/// One user's connections between `join` and `leave`: usually one, but a quarter of
/// users drop out and rejoin once or twice, and a fifth of those who stay over an
/// hour have a network so poor that they rejoin dozens of times (which is what gives
/// the users listing more than one page). The last connection stays open if
/// `still_here`.
fn user_connections(
    rng: &mut Pcg64,
    role: RoleType,
    join: DateTime<Utc>,
    leave: DateTime<Utc>,
    still_here: bool,
) -> Vec<Connection> {
    let user_id = id(rng);
    let user_name = name(rng);
    let ip_address = ip_address(rng);
    let data_center = data_center(rng);
    let span = (leave - join).num_seconds();
    let rejoins = if span >= 3600 && rng.random_bool(0.2) {
        rng.random_range(15..=40)
    } else if span >= 60 && rng.random_bool(0.25) {
        rng.random_range(1..=2)
    } else {
        0
    };
    // Gaps are pairs of distinct instants strictly inside (join, leave).
    let mut cuts = HashSet::new();
    while cuts.len() < 2 * rejoins {
        cuts.insert(rng.random_range(1..span));
    }
    let mut cuts: Vec<i64> = cuts.into_iter().collect();
    cuts.sort_unstable();
    let mut bounds = vec![0];
    bounds.extend(cuts);
    bounds.push(span);
    let last = bounds.len() / 2 - 1;
    bounds
        .chunks(2)
        .enumerate()
        .map(|(i, pair)| Connection {
            connection_id: id(rng),
            user_id: user_id.clone(),
            user_name: user_name.clone(),
            role: role.clone(),
            ip_address: ip_address.clone(),
            data_center: data_center.clone(),
            join: join + TimeDelta::seconds(pair[0]),
            leave: (!(still_here && i == last)).then(|| join + TimeDelta::seconds(pair[1])),
        })
        .collect()
}

/// A Zoom-style ID: 22 characters of URL-safe base64, 132 random bits, so two are
/// never the same in practice. Six bits a character, taken from whole draws.
fn id(rng: &mut Pcg64) -> String {
    let mut id = String::with_capacity(22);
    let mut bits = 0;
    let mut left = 0;
    while id.len() < 22 {
        if left < 6 {
            bits = rng.random::<u64>();
            left = 64;
        }
        id.push(char::from(URL_SAFE[(bits & 63) as usize]));
        bits >>= 6;
        left -= 6;
    }
    id
}

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub(crate) const ALPHANUMERIC: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// `len` characters drawn from `alphabet`.
pub(crate) fn random_text(rng: &mut Pcg64, len: usize, alphabet: &[u8]) -> String {
    (0..len)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

/// Display names, some outside ASCII, as real ones are.
fn name(rng: &mut Pcg64) -> String {
    const FIRST: &[&str] = &[
        "Ava", "Noah", "Mia", "Liam", "Sofía", "Mateo", "Aiko", "Chen", "Priya", "Arjun", "Zoë",
        "Jonas", "Fatima", "Omar", "Ingrid", "Lars", "Chloé", "Luca", "Amara", "Kwame", "Hana",
        "Minh", "Olga", "Dmitri",
    ];
    const LAST: &[&str] = &[
        "Smith",
        "García",
        "Nguyen",
        "Müller",
        "Kowalski",
        "O'Brien",
        "Tanaka",
        "Patel",
        "Okafor",
        "Rossi",
        "Dubois",
        "Johansson",
        "Kim",
        "Silva",
        "Cohen",
        "Novák",
    ];
    let first = FIRST.choose(rng).copied().unwrap_or("Alex");
    let last = LAST.choose(rng).copied().unwrap_or("Doe");
    format!("{first} {last}")
}

/// Addresses from the ranges reserved for documentation, so none is a real person's.
fn ip_address(rng: &mut Pcg64) -> String {
    match rng.random_range(0..10) {
        0 => format!(
            "2001:db8:{:x}::{:x}",
            rng.random_range(0..0xffff_u32),
            rng.random_range(1..0xffff_u32)
        ),
        n => {
            let net = ["192.0.2", "198.51.100", "203.0.113"][n % 3];
            format!("{net}.{}", rng.random_range(1..255))
        }
    }
}

/// Mostly US, as most accounts are.
fn data_center(rng: &mut Pcg64) -> DataCenter {
    if rng.random_bool(0.6) {
        DataCenter::Us
    } else {
        DataCenter::KNOWN.choose(rng).cloned().unwrap_or_default()
    }
}
