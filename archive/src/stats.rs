//! Usage statistics from the archive: sessions per day or week, median and p90
//! duration, sessions per agent. Only ended sessions count.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use serde::Serialize;
use sqlx::Row;

use crate::db::{Db, fetch_all};
use crate::error::{Action, Error, Result};

/// How sessions are grouped in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// Calendar days (UTC).
    Day,
    /// ISO weeks, Monday to Sunday (UTC), named by their Monday.
    Week,
}

/// Which sessions [`Archive::stats`](crate::Archive::stats) counts: those that
/// started on the days `from..=to` (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatsQuery {
    /// The first day, inclusive.
    pub from: NaiveDate,
    /// The last day, inclusive.
    pub to: NaiveDate,
    /// Per day or per week.
    pub bucket: Bucket,
}

/// Session count and durations of a group of sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// Ended sessions.
    pub sessions: u64,
    /// Median duration in seconds (nearest rank); `None` without sessions.
    pub median_seconds: Option<i64>,
    /// 90th percentile duration in seconds (nearest rank); `None` without sessions.
    pub p90_seconds: Option<i64>,
}

/// One day or week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Period {
    /// The day, or the Monday of the week.
    pub start: NaiveDate,
    /// Its sessions.
    #[serde(flatten)]
    pub summary: Summary,
}

/// One agent's sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AgentSessions {
    /// Zoom's user ID.
    pub user_id: String,
    /// The name they last joined with.
    pub user_name: String,
    /// Distinct sessions they joined as an agent.
    pub sessions: u64,
}

/// The statistics of a range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// The first day, inclusive.
    pub from: NaiveDate,
    /// The last day, inclusive.
    pub to: NaiveDate,
    /// Per day or per week.
    pub bucket: Bucket,
    /// The whole range.
    pub total: Summary,
    /// Each day or week of the range, empty ones included, in order.
    pub periods: Vec<Period>,
    /// Agents by sessions, most first (then by user ID).
    pub agents: Vec<AgentSessions>,
}

pub(crate) async fn stats(db: &Db, query: &StatsQuery) -> Result<Stats> {
    let from = query.from.and_time(NaiveTime::MIN).and_utc();
    // Exclusive end: midnight after the last day (the end of chrono's range for the
    // last representable day).
    let until = query
        .to
        .checked_add_days(Days::new(1))
        .map_or(DateTime::<Utc>::MAX_UTC, |d| {
            d.and_time(NaiveTime::MIN).and_utc()
        });
    let failed = |e| Error::database(Action::Querying, e);
    let sessions: Vec<(DateTime<Utc>, Option<i64>)> = fetch_all!(
        db,
        "SELECT start_time, duration_seconds FROM cobrowse_sessions \
         WHERE status = 'past' AND start_time >= $1 AND start_time < $2",
        [from, until],
        |row| Ok((row.try_get(0)?, row.try_get(1)?))
    )
    .map_err(failed)?;
    let agents: Vec<(String, String, i64)> = fetch_all!(
        db,
        "SELECT c.user_id, MAX(c.user_name), COUNT(DISTINCT c.session_id) \
         FROM cobrowse_connections c JOIN cobrowse_sessions s ON s.session_id = c.session_id \
         WHERE s.status = 'past' AND s.start_time >= $1 AND s.start_time < $2 \
         AND c.role_type = 'agent' \
         GROUP BY c.user_id ORDER BY COUNT(DISTINCT c.session_id) DESC, c.user_id",
        [from, until],
        |row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))
    )
    .map_err(failed)?;

    let period_of = |t: DateTime<Utc>| {
        let day = t.date_naive();
        match query.bucket {
            Bucket::Day => day,
            Bucket::Week => week_start(day),
        }
    };
    let mut by_period: std::collections::BTreeMap<NaiveDate, Vec<Option<i64>>> =
        std::collections::BTreeMap::new();
    for (t, d) in &sessions {
        by_period.entry(period_of(*t)).or_default().push(*d);
    }
    let mut periods = Vec::new();
    let mut start = match query.bucket {
        Bucket::Day => query.from,
        Bucket::Week => week_start(query.from),
    };
    let step = match query.bucket {
        Bucket::Day => Days::new(1),
        Bucket::Week => Days::new(7),
    };
    while start <= query.to {
        let durations = by_period.remove(&start).unwrap_or_default();
        periods.push(Period {
            start,
            summary: summarize(durations.into_iter()),
        });
        let Some(next) = start.checked_add_days(step) else {
            break;
        };
        start = next;
    }
    Ok(Stats {
        from: query.from,
        to: query.to,
        bucket: query.bucket,
        total: summarize(sessions.iter().map(|(_, d)| *d)),
        periods,
        agents: agents
            .into_iter()
            .map(|(user_id, user_name, sessions)| AgentSessions {
                user_id,
                user_name,
                sessions: u64::try_from(sessions).unwrap_or_default(),
            })
            .collect(),
    })
}

fn week_start(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day)
}

/// Count, and nearest-rank median and p90 of the durations Zoom gave (a session
/// whose duration Zoom sent in a form this version cannot read counts, but not in
/// the percentiles).
fn summarize(durations: impl Iterator<Item = Option<i64>>) -> Summary {
    let mut sessions = 0;
    let mut known = Vec::new();
    for d in durations {
        sessions += 1;
        known.extend(d);
    }
    known.sort_unstable();
    Summary {
        sessions,
        median_seconds: percentile(&known, 50),
        p90_seconds: percentile(&known, 90),
    }
}

/// The nearest-rank percentile of sorted values.
fn percentile(sorted: &[i64], p: usize) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let values: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&values, 50), Some(5));
        assert_eq!(percentile(&values, 90), Some(9));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(
            week_start(sunday),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
    }
}
