//! `Archive::stats` against what the simulator says directly.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use common::{Target, client};
use zoom_cobrowse_archive::{Bucket, StatsQuery, SyncOptions};
use zoom_cobrowse_mock::MockZoom;

fn nearest_rank(sorted: &[i64], p: usize) -> Option<i64> {
    (!sorted.is_empty()).then(|| sorted[(p * sorted.len()).div_ceil(100).max(1) - 1])
}

async fn stats_agree_with_the_api(target: Target) {
    let zoom = MockZoom::builder()
        .seed(61)
        .past_sessions_per_day(4)
        .live_sessions(5)
        .start()
        .await
        .unwrap();
    let archive = target.open().await;
    archive
        .sync(&client(&zoom), &SyncOptions::default().include_live(true))
        .await
        .unwrap();
    let to = zoom.now().date_naive();
    let from = NaiveDate::from_ymd_opt(to.year(), to.month(), 1).unwrap();

    // What the API says: past sessions that started in the range (live ones do not
    // count), their durations per day, and the distinct agents of each.
    let mut per_day: BTreeMap<NaiveDate, Vec<i64>> = BTreeMap::new();
    let mut agents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in zoom.past_sessions() {
        let day = s.start_time.date_naive();
        if day < from || day > to {
            continue;
        }
        let seconds = s.duration.to_std().unwrap().as_secs() as i64;
        per_day.entry(day).or_default().push(seconds);
        for u in zoom.session_users(&s.session_id).unwrap() {
            if u.role_type.as_str() == "agent" {
                agents
                    .entry(u.user_id)
                    .or_default()
                    .insert(s.session_id.clone());
            }
        }
    }
    let mut all: Vec<i64> = per_day.values().flatten().copied().collect();
    all.sort_unstable();

    let stats = archive
        .stats(&StatsQuery {
            from,
            to,
            bucket: Bucket::Day,
        })
        .await
        .unwrap();
    assert_eq!(stats.total.sessions as usize, all.len());
    assert_eq!(stats.total.median_seconds, nearest_rank(&all, 50));
    assert_eq!(stats.total.p90_seconds, nearest_rank(&all, 90));
    assert_eq!(stats.periods.len() as i64, (to - from).num_days() + 1);
    for period in &stats.periods {
        let mut durations = per_day.get(&period.start).cloned().unwrap_or_default();
        durations.sort_unstable();
        assert_eq!(
            period.summary.sessions as usize,
            durations.len(),
            "{}",
            period.start
        );
        assert_eq!(period.summary.median_seconds, nearest_rank(&durations, 50));
        assert_eq!(period.summary.p90_seconds, nearest_rank(&durations, 90));
    }
    assert_eq!(stats.agents.len(), agents.len());
    for agent in &stats.agents {
        assert_eq!(agent.sessions as usize, agents[&agent.user_id].len());
    }
    assert!(
        stats
            .agents
            .windows(2)
            .all(|w| w[0].sessions >= w[1].sessions),
        "agents are ordered by sessions"
    );

    let weekly = archive
        .stats(&StatsQuery {
            from,
            to,
            bucket: Bucket::Week,
        })
        .await
        .unwrap();
    assert_eq!(weekly.total, stats.total);
    assert_eq!(
        weekly
            .periods
            .iter()
            .map(|p| p.summary.sessions)
            .sum::<u64>(),
        stats.total.sessions
    );
    assert!(
        weekly
            .periods
            .iter()
            .all(|p| p.start.weekday() == chrono::Weekday::Mon)
    );
    let json = serde_json::to_value(&weekly).unwrap();
    assert_eq!(json["bucket"], "week");
    assert_eq!(
        json["periods"][0]["sessions"],
        weekly.periods[0].summary.sessions
    );
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_from_sqlite_agree_with_the_api() {
    stats_agree_with_the_api(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_from_postgres_agree_with_the_api() {
    stats_agree_with_the_api(Target::postgres().await).await;
}
