//! Keeping the archive in step with Zoom: past sessions window by window, each
//! window and its checkpoint in one transaction; then live sessions, then the rows
//! that only a live listing or a webhook has vouched for.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use futures_util::{StreamExt, TryStreamExt, stream};
use sqlx::Row;
use zoom_cobrowse::types::{PastSession, SessionDetail, SessionUserConnection, TimeType};
use zoom_cobrowse::{Client, RangeBound};

use crate::db::{Db, fetch_all};
use crate::error::{Action, Error, Result};
use crate::rows::{
    ConnectionRow, OnConflict, SessionRow, advance_checkpoint, replace_connections, replace_past,
    upsert_session,
};

/// The checkpoint's name in `cobrowse_sync_state`.
pub(crate) const PAST_CHECKPOINT: &str = "past_sessions";

/// How a sync runs; [`SyncOptions::default`] is what `cobrowse archive` does.
#[derive(Clone)]
pub struct SyncOptions {
    include_live: bool,
    overlap: Duration,
    history: Months,
    now: Option<DateTime<Utc>>,
    window_concurrency: usize,
    user_concurrency: usize,
    progress: Option<ProgressFn>,
}

/// What [`SyncOptions::on_progress`] keeps.
type ProgressFn = Arc<dyn Fn(&Progress) + Send + Sync>;

impl fmt::Debug for SyncOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SyncOptions")
            .field("include_live", &self.include_live)
            .field("overlap", &self.overlap)
            .field("history", &self.history)
            .field("now", &self.now)
            .field("window_concurrency", &self.window_concurrency)
            .field("user_concurrency", &self.user_concurrency)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            include_live: false,
            overlap: DEFAULT_OVERLAP,
            history: Months::new(6),
            now: None,
            window_concurrency: 2,
            user_concurrency: 8,
            progress: None,
        }
    }
}

/// How far before the checkpoint an incremental run lists again: Zoom may list a
/// session some time after it ended. Re-listing is one cheap call per month window,
/// and sessions already archived as ended are not fetched again.
pub const DEFAULT_OVERLAP: Duration = Duration::from_secs(24 * 3600);

impl SyncOptions {
    /// Also record sessions in progress (as `status = 'live'`); the sync after they
    /// end turns them into the past row (default: off).
    pub fn include_live(mut self, include: bool) -> Self {
        self.include_live = include;
        self
    }

    /// How far before the checkpoint an incremental run starts (default
    /// [`DEFAULT_OVERLAP`]).
    pub fn overlap(mut self, overlap: Duration) -> Self {
        self.overlap = overlap;
        self
    }

    /// How far back the first run reaches (default six months, all Zoom keeps).
    pub fn history(mut self, months: u32) -> Self {
        self.history = Months::new(months);
        self
    }

    /// "Now" for this run (default: the system clock); the last window ends here.
    pub fn now(mut self, now: DateTime<Utc>) -> Self {
        self.now = Some(now);
        self
    }

    /// Month windows listed ahead of the one being written (default 2, at least 1).
    /// The client's rate limiter paces every request whatever this is.
    pub fn window_concurrency(mut self, windows: usize) -> Self {
        self.window_concurrency = windows.max(1);
        self
    }

    /// Sessions whose users are fetched at once (default 8, at least 1).
    pub fn user_concurrency(mut self, sessions: usize) -> Self {
        self.user_concurrency = sessions.max(1);
        self
    }

    /// Called after each committed window (a progress bar, a log line).
    pub fn on_progress(mut self, progress: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(Arc::new(progress));
        self
    }
}

/// Where a running sync is, after a committed window.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Windows committed so far in this run.
    pub windows_done: usize,
    /// Windows this run lists.
    pub windows_total: usize,
    /// Past sessions written so far in this run.
    pub sessions: u64,
    /// Connections written so far in this run.
    pub connections: u64,
    /// The checkpoint now committed.
    pub checkpoint: DateTime<Utc>,
}

/// What a sync did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct SyncReport {
    /// The first instant listed (the checkpoint less the overlap, or the start of the
    /// history).
    pub from: Option<DateTime<Utc>>,
    /// The last instant listed: the run's "now".
    pub to: Option<DateTime<Utc>>,
    /// Month windows listed.
    pub windows: usize,
    /// Past sessions Zoom listed (the overlap included).
    pub sessions_listed: u64,
    /// Past sessions written: new, or changed since archived.
    pub sessions_written: u64,
    /// Connections written, of past, live and reconciled sessions.
    pub connections_written: u64,
    /// Live sessions recorded (with `include_live`).
    pub live_sessions: u64,
    /// Live or webhook rows settled by asking Zoom for the session.
    pub reconciled: u64,
    /// Live or webhook rows Zoom does not know (left as they are).
    pub unresolved: u64,
    /// The checkpoint after the run.
    pub checkpoint: Option<DateTime<Utc>>,
    /// Time spent in write transactions (from `BEGIN` to `COMMIT`): what the
    /// database, not Zoom, cost.
    pub writing: Duration,
}

/// A listed window, with the users of every session that needs writing.
struct FetchedWindow {
    window_end: DateTime<Utc>,
    listed: u64,
    changed: Vec<(PastSession, Vec<SessionUserConnection>)>,
}

pub(crate) async fn sync(db: &Db, client: &Client, options: &SyncOptions) -> Result<SyncReport> {
    let lock = db.lock().await?;
    let result = run(db, client, options).await;
    lock.release().await;
    result
}

async fn run(db: &Db, client: &Client, options: &SyncOptions) -> Result<SyncReport> {
    let now = whole_second(options.now.unwrap_or_else(Utc::now));
    // Zoom lists nothing older than the day six months ago (and refuses a `from`
    // before it), so that day's midnight is where history starts.
    let oldest = now
        .checked_sub_months(options.history)
        .map_or(now, |t| t.date_naive().and_time(NaiveTime::MIN).and_utc());
    let checkpoint = read_checkpoint(db).await?;
    let overlap = TimeDelta::from_std(options.overlap).unwrap_or(TimeDelta::MAX);
    let from = checkpoint
        .and_then(|c| c.checked_sub_signed(overlap))
        .map_or(oldest, |f| f.max(oldest))
        .min(now);
    let windows = month_windows(from, now);
    let mut report = SyncReport {
        from: Some(from),
        to: Some(now),
        windows: windows.len(),
        ..SyncReport::default()
    };
    let mut written_past = HashSet::new();

    let total = windows.len();
    let mut fetched = stream::iter(windows)
        .map(|window| fetch_window(db, client, window, options.user_concurrency))
        .buffered(options.window_concurrency);
    let mut done = 0;
    while let Some(window) = fetched.try_next().await? {
        report.sessions_listed += window.listed;
        // One transaction: the window's sessions, their connections and the
        // checkpoint past them. Killed anywhere, the archive has all of it or none.
        let started = Instant::now();
        let mut tx = db.begin().await?;
        let writing = |e| Error::database(Action::Writing, e);
        let mut sessions = Vec::with_capacity(window.changed.len());
        let mut connections = Vec::new();
        for (session, users) in &window.changed {
            sessions.push(SessionRow::past(session)?);
            connections.extend(connection_rows(&session.session_id, users)?);
            written_past.insert(session.session_id.clone());
        }
        replace_past(&mut tx, &sessions, &connections)
            .await
            .map_err(writing)?;
        report.sessions_written += sessions.len() as u64;
        report.connections_written += connections.len() as u64;
        advance_checkpoint(&mut tx, PAST_CHECKPOINT, window.window_end)
            .await
            .map_err(writing)?;
        tx.commit().await?;
        report.writing += started.elapsed();
        done += 1;
        if let Some(progress) = &options.progress {
            progress(&Progress {
                windows_done: done,
                windows_total: total,
                sessions: report.sessions_written,
                connections: report.connections_written,
                checkpoint: window.window_end,
            });
        }
    }

    let mut listed_live = HashSet::new();
    if options.include_live {
        record_live(db, client, options, &mut report, &mut listed_live).await?;
    }
    reconcile(db, client, options, &mut report, |id| {
        written_past.contains(id) || listed_live.contains(id)
    })
    .await?;
    report.checkpoint = read_checkpoint(db).await?;
    Ok(report)
}

/// Lists one window (by end time, so a session that started before the checkpoint
/// and ended after it is caught), and fetches the users of each session not
/// already archived as ended with the same end time: an ended session's users are
/// final, so re-listing the overlap costs no user calls.
async fn fetch_window(
    db: &Db,
    client: &Client,
    window: Window,
    user_concurrency: usize,
) -> Result<FetchedWindow> {
    let Window { start, end } = window;
    let sessions: Vec<PastSession> = client
        .past_sessions()
        .range(RangeBound::Time(start), RangeBound::Time(end))
        .time_type(TimeType::EndTime)
        .items()
        .try_collect()
        .await?;
    let settled: HashMap<String, DateTime<Utc>> = fetch_all!(
        db,
        "SELECT session_id, end_time FROM cobrowse_sessions \
         WHERE status = 'past' AND source IN ('past_list', 'get_session') \
         AND end_time >= $1 AND end_time <= $2",
        [start, end],
        |row| Ok((row.try_get(0)?, row.try_get(1)?))
    )
    .map_err(|e| Error::database(Action::Reading, e))?
    .into_iter()
    .collect();
    let listed = sessions.len() as u64;
    // A session listed twice (pages shifting under a listing) is written once, as
    // last listed.
    let mut last = HashMap::new();
    for (i, s) in sessions.iter().enumerate() {
        last.insert(s.session_id.clone(), i);
    }
    let changed = sessions.into_iter().enumerate().filter(|(i, s)| {
        last.get(&s.session_id) == Some(i) && settled.get(&s.session_id) != Some(&s.end_time)
    });
    let changed = stream::iter(changed.map(|(_, s)| s))
        .map(|session| async move {
            let users = users_of(client, &session.session_id).await?;
            Ok::<_, Error>((session, users))
        })
        .buffered(user_concurrency)
        .try_collect()
        .await?;
    Ok(FetchedWindow {
        window_end: end,
        listed,
        changed,
    })
}

async fn users_of(client: &Client, session_id: &str) -> Result<Vec<SessionUserConnection>> {
    Ok(client
        .session_users(session_id)
        .items()
        .try_collect()
        .await?)
}

fn connection_rows(
    session_id: &str,
    users: &[SessionUserConnection],
) -> Result<Vec<ConnectionRow>> {
    Ok(users
        .iter()
        .map(|u| ConnectionRow::from_api(session_id, u))
        .collect::<serde_json::Result<_>>()?)
}

/// Records the sessions in progress and their connections so far, in one
/// transaction. A row already past is left alone.
async fn record_live(
    db: &Db,
    client: &Client,
    options: &SyncOptions,
    report: &mut SyncReport,
    listed: &mut HashSet<String>,
) -> Result<()> {
    let live: Vec<_> = client.live_sessions().items().try_collect().await?;
    let with_users: Vec<_> = stream::iter(live)
        .map(|session| async move {
            let users = users_of(client, &session.session_id).await?;
            Ok::<_, Error>((session, users))
        })
        .buffered(options.user_concurrency)
        .try_collect()
        .await?;
    let started = Instant::now();
    let mut tx = db.begin().await?;
    let writing = |e| Error::database(Action::Writing, e);
    for (session, users) in &with_users {
        listed.insert(session.session_id.clone());
        let row = SessionRow::live(session)?;
        if upsert_session(&mut tx, &row, OnConflict::ReplaceLive)
            .await
            .map_err(writing)?
            == 0
        {
            continue;
        }
        let connections = connection_rows(&session.session_id, users)?;
        replace_connections(&mut tx, &session.session_id, &connections)
            .await
            .map_err(writing)?;
        report.live_sessions += 1;
        report.connections_written += connections.len() as u64;
    }
    tx.commit().await?;
    report.writing += started.elapsed();
    Ok(())
}

/// Settles rows that only a live listing or a webhook has vouched for and that this
/// run has not seen: Zoom's answer for the session replaces them, with its users.
async fn reconcile(
    db: &Db,
    client: &Client,
    options: &SyncOptions,
    report: &mut SyncReport,
    seen: impl Fn(&str) -> bool,
) -> Result<()> {
    let unsettled: Vec<String> = fetch_all!(
        db,
        "SELECT session_id FROM cobrowse_sessions \
         WHERE status = 'live' OR source = 'webhook' ORDER BY session_id",
        [],
        |row| row.try_get(0)
    )
    .map_err(|e| Error::database(Action::Reading, e))?;
    let unsettled: Vec<String> = unsettled.into_iter().filter(|id| !seen(id)).collect();
    if unsettled.is_empty() {
        return Ok(());
    }
    let answers: Vec<_> = stream::iter(unsettled)
        .map(|id| async move {
            match client.get_session(&id).await {
                Ok(detail) => {
                    let users = users_of(client, &id).await?;
                    Ok(Some((detail, users, id)))
                }
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(Error::from(e)),
            }
        })
        .buffered(options.user_concurrency)
        .try_collect()
        .await?;
    let started = Instant::now();
    let mut tx = db.begin().await?;
    let writing = |e| Error::database(Action::Writing, e);
    for answer in &answers {
        let Some((detail, users, id)) = answer else {
            report.unresolved += 1;
            continue;
        };
        let (row, on_conflict) = match detail {
            SessionDetail::PastSessionDetail(past) => {
                (SessionRow::past_detail(past)?, OnConflict::Replace)
            }
            SessionDetail::LiveSessionDetail(live) => {
                (SessionRow::live_detail(live)?, OnConflict::ReplaceLive)
            }
        };
        if upsert_session(&mut tx, &row, on_conflict)
            .await
            .map_err(writing)?
            == 0
        {
            continue;
        }
        let connections = connection_rows(id, users)?;
        replace_connections(&mut tx, id, &connections)
            .await
            .map_err(writing)?;
        report.reconciled += 1;
        report.connections_written += connections.len() as u64;
    }
    tx.commit().await?;
    report.writing += started.elapsed();
    Ok(())
}

pub(crate) async fn read_checkpoint(db: &Db) -> Result<Option<DateTime<Utc>>> {
    let rows: Vec<DateTime<Utc>> = fetch_all!(
        db,
        "SELECT checkpoint FROM cobrowse_sync_state WHERE name = $1",
        [PAST_CHECKPOINT],
        |row| row.try_get(0)
    )
    .map_err(|e| Error::database(Action::Reading, e))?;
    Ok(rows.into_iter().next())
}

/// One past-session listing: both ends inclusive, within one calendar month (Zoom
/// answers at most a month per call).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Window {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

/// Splits `from..=to` (whole seconds) at calendar-month ends. Windows meet without
/// overlapping: Zoom's `from` and `to` are both inclusive. Each window is also a
/// transaction, so its end is a checkpoint.
fn month_windows(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Window> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= to {
        let day = start.date_naive();
        let next_month = NaiveDate::from_ymd_opt(day.year(), day.month(), 1)
            .and_then(|first| first.checked_add_months(Months::new(1)))
            .map(|first| first.and_time(NaiveTime::MIN).and_utc());
        let Some(next_month) = next_month else {
            windows.push(Window { start, end: to });
            break;
        };
        let end = (next_month - TimeDelta::seconds(1)).min(to);
        windows.push(Window { start, end });
        start = end + TimeDelta::seconds(1);
    }
    windows
}

/// Zoom's times are whole seconds; so are the windows and the checkpoint.
fn whole_second(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn windows_meet_at_month_ends() {
        let windows = month_windows(t("2026-05-30T00:00:00Z"), t("2026-07-02T10:00:00Z"));
        let bounds: Vec<_> = windows
            .iter()
            .map(|w| (w.start.to_rfc3339(), w.end.to_rfc3339()))
            .collect();
        assert_eq!(
            bounds,
            [
                ("2026-05-30T00:00:00+00:00", "2026-05-31T23:59:59+00:00"),
                ("2026-06-01T00:00:00+00:00", "2026-06-30T23:59:59+00:00"),
                ("2026-07-01T00:00:00+00:00", "2026-07-02T10:00:00+00:00"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(
            month_windows(t("2026-07-02T10:00:00Z"), t("2026-07-02T10:00:00Z")).len(),
            1
        );
        assert!(month_windows(t("2026-07-02T10:00:01Z"), t("2026-07-02T10:00:00Z")).is_empty());
    }
}
