//! Rows as stored, built from the SDK's types, and the statements that write them.

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::types::Json;
use zoom_cobrowse::types::{
    LiveSession, LiveSessionDetail, PastSession, PastSessionDetail, SessionDuration,
    SessionUserConnection,
};

use crate::db::{Tx, execute};

/// Who last wrote a row.
pub(crate) mod source {
    /// The past-session listing.
    pub const PAST_LIST: &str = "past_list";
    /// The live-session listing.
    pub const LIVE_LIST: &str = "live_list";
    /// One session's details (reconciling a live or webhook row).
    pub const GET_SESSION: &str = "get_session";
    /// A webhook event, not yet confirmed by the API.
    pub const WEBHOOK: &str = "webhook";
}

/// One row of `cobrowse_sessions`.
#[derive(Clone, Debug)]
pub(crate) struct SessionRow {
    pub session_id: String,
    pub session_pin: Option<String>,
    pub status: &'static str,
    pub start_time: DateTime<Utc>,
    pub end_time: Option<DateTime<Utc>>,
    pub duration_seconds: Option<i64>,
    pub user_count: Option<i64>,
    pub source: &'static str,
    pub raw: serde_json::Value,
}

/// One row of `cobrowse_connections`.
#[derive(Clone, Debug)]
pub(crate) struct ConnectionRow {
    pub session_id: String,
    pub user_connection_id: String,
    pub user_id: String,
    pub user_name: String,
    pub role_type: String,
    pub data_center: Option<String>,
    pub ip_address: Option<String>,
    pub join_time: Option<DateTime<Utc>>,
    pub leave_time: Option<DateTime<Utc>>,
    pub duration_seconds: Option<i64>,
    pub source: &'static str,
    pub raw: serde_json::Value,
}

/// Whole seconds of Zoom's `hh:mm:ss`; `None` when Zoom sent something else (the
/// raw column still has it).
fn seconds(duration: &SessionDuration) -> Option<i64> {
    duration
        .to_std()
        .ok()
        .and_then(|d| i64::try_from(d.as_secs()).ok())
}

fn json(value: &impl Serialize) -> serde_json::Result<serde_json::Value> {
    serde_json::to_value(value)
}

impl SessionRow {
    pub fn past(s: &PastSession) -> serde_json::Result<Self> {
        Ok(Self {
            session_id: s.session_id.clone(),
            session_pin: s.session_pin.clone(),
            status: "past",
            start_time: s.start_time,
            end_time: Some(s.end_time),
            duration_seconds: seconds(&s.duration),
            user_count: s.user_count,
            source: source::PAST_LIST,
            raw: json(s)?,
        })
    }

    pub fn past_detail(s: &PastSessionDetail) -> serde_json::Result<Self> {
        Ok(Self {
            session_id: s.session_id.clone(),
            session_pin: s.session_pin.clone(),
            status: "past",
            start_time: s.start_time,
            end_time: Some(s.end_time),
            duration_seconds: seconds(&s.duration),
            user_count: s.user_count,
            source: source::GET_SESSION,
            raw: json(s)?,
        })
    }

    pub fn live(s: &LiveSession) -> serde_json::Result<Self> {
        Ok(Self {
            session_id: s.session_id.clone(),
            session_pin: s.session_pin.clone(),
            status: "live",
            start_time: s.start_time,
            end_time: None,
            duration_seconds: None,
            user_count: i64::try_from(s.users.len()).ok(),
            source: source::LIVE_LIST,
            raw: json(s)?,
        })
    }

    pub fn live_detail(s: &LiveSessionDetail) -> serde_json::Result<Self> {
        Ok(Self {
            session_id: s.session_id.clone(),
            session_pin: s.session_pin.clone(),
            status: "live",
            start_time: s.start_time,
            end_time: None,
            duration_seconds: None,
            user_count: s.user_count,
            source: source::GET_SESSION,
            raw: json(s)?,
        })
    }
}

impl ConnectionRow {
    pub fn from_api(session_id: &str, c: &SessionUserConnection) -> serde_json::Result<Self> {
        Ok(Self {
            session_id: session_id.to_string(),
            user_connection_id: c.user_connection_id.clone(),
            user_id: c.user_id.clone(),
            user_name: c.user_name.clone(),
            role_type: c.role_type.as_str().to_string(),
            data_center: c.data_center.as_ref().map(|d| d.as_str().to_string()),
            ip_address: c.ip_address.clone(),
            join_time: c.join_time,
            leave_time: c.leave_time,
            duration_seconds: c.duration.as_ref().and_then(seconds),
            source: if c.leave_time.is_some() {
                source::PAST_LIST
            } else {
                source::LIVE_LIST
            },
            raw: json(c)?,
        })
    }
}

const INSERT_SESSION: &str = "INSERT INTO cobrowse_sessions (session_id, session_pin, status, \
     start_time, end_time, duration_seconds, user_count, source, raw) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (session_id) ";

const UPDATE_ALL: &str = "DO UPDATE SET session_pin = excluded.session_pin, \
     status = excluded.status, start_time = excluded.start_time, \
     end_time = excluded.end_time, duration_seconds = excluded.duration_seconds, \
     user_count = excluded.user_count, source = excluded.source, raw = excluded.raw";

/// How a session row meets one already archived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnConflict {
    /// The API's view of an ended session: it replaces anything.
    Replace,
    /// A live view: it replaces only a row that is still live, never a past one
    /// (an older live listing must not undo an ending).
    ReplaceLive,
    /// A webhook's first word on a session: kept only if nothing is archived yet.
    Keep,
}

/// Writes a session row; the number of rows changed (0 when the conflict rule kept
/// the archived row).
pub(crate) async fn upsert_session(
    tx: &mut Tx,
    row: &SessionRow,
    on_conflict: OnConflict,
) -> Result<u64, sqlx::Error> {
    let sql = match on_conflict {
        OnConflict::Replace => format!("{INSERT_SESSION}{UPDATE_ALL}"),
        OnConflict::ReplaceLive => {
            format!("{INSERT_SESSION}{UPDATE_ALL} WHERE cobrowse_sessions.status = 'live'")
        }
        OnConflict::Keep => format!("{INSERT_SESSION}DO NOTHING"),
    };
    execute!(
        tx,
        &sql,
        &row.session_id,
        &row.session_pin,
        row.status,
        row.start_time,
        row.end_time,
        row.duration_seconds,
        row.user_count,
        row.source,
        Json(&row.raw),
    )
}

/// Replaces a session's connections with `rows` (the API's complete view of them).
pub(crate) async fn replace_connections(
    tx: &mut Tx,
    session_id: &str,
    rows: &[ConnectionRow],
) -> Result<(), sqlx::Error> {
    execute!(
        tx,
        "DELETE FROM cobrowse_connections WHERE session_id = $1",
        session_id
    )?;
    for row in rows {
        insert_connection(tx, row, false).await?;
    }
    Ok(())
}

/// Inserts one connection; with `keep`, an archived one wins.
pub(crate) async fn insert_connection(
    tx: &mut Tx,
    row: &ConnectionRow,
    keep: bool,
) -> Result<u64, sqlx::Error> {
    let sql = if keep {
        INSERT_CONNECTION_KEEP
    } else {
        INSERT_CONNECTION
    };
    execute!(
        tx,
        sql,
        &row.session_id,
        &row.user_connection_id,
        &row.user_id,
        &row.user_name,
        &row.role_type,
        &row.data_center,
        &row.ip_address,
        row.join_time,
        row.leave_time,
        row.duration_seconds,
        row.source,
        Json(&row.raw),
    )
}

const INSERT_CONNECTION: &str = "INSERT INTO cobrowse_connections (session_id, \
     user_connection_id, user_id, user_name, role_type, data_center, ip_address, join_time, \
     leave_time, duration_seconds, source, raw) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

const INSERT_CONNECTION_KEEP: &str = "INSERT INTO cobrowse_connections (session_id, \
     user_connection_id, user_id, user_name, role_type, data_center, ip_address, join_time, \
     leave_time, duration_seconds, source, raw) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
     ON CONFLICT (session_id, user_connection_id) DO NOTHING";

/// Rows per multi-row statement: 400 rows of at most 12 parameters stay well under
/// both databases' parameter limits (SQLite 32,766; PostgreSQL 65,535), and one
/// statement per 400 rows instead of one per row is what makes PostgreSQL's writes
/// fast (a round trip each).
const CHUNK: usize = 400;

/// Builds and runs one multi-row statement on either backend: `$build` gets a
/// `QueryBuilder` of the transaction's database (the same code for both).
macro_rules! with_builder {
    ($tx:expr, $start:expr, |$qb:ident| $build:block) => {
        match $tx {
            Tx::Sqlite(tx) => {
                let mut $qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new($start);
                $build
                $qb.build().execute(&mut **tx).await.map(|r| r.rows_affected())
            }
            Tx::Postgres(tx) => {
                let mut $qb = sqlx::QueryBuilder::<sqlx::Postgres>::new($start);
                $build
                $qb.build().execute(&mut **tx).await.map(|r| r.rows_affected())
            }
        }
    };
}

/// Writes the API's view of ended sessions, replacing whatever is archived for
/// them, and all their connections, in few statements. Each session must appear
/// once in `sessions` and each connection once in `connections` (PostgreSQL refuses
/// to update one row twice in a statement).
pub(crate) async fn replace_past(
    tx: &mut Tx,
    sessions: &[SessionRow],
    connections: &[ConnectionRow],
) -> Result<(), sqlx::Error> {
    for chunk in sessions.chunks(CHUNK) {
        with_builder!(
            tx,
            "INSERT INTO cobrowse_sessions (session_id, session_pin, status, \
             start_time, end_time, duration_seconds, user_count, source, raw) ",
            |qb| {
                qb.push_values(chunk, |mut b, row| {
                    b.push_bind(&row.session_id)
                        .push_bind(&row.session_pin)
                        .push_bind(row.status)
                        .push_bind(row.start_time)
                        .push_bind(row.end_time)
                        .push_bind(row.duration_seconds)
                        .push_bind(row.user_count)
                        .push_bind(row.source)
                        .push_bind(Json(&row.raw));
                });
                qb.push(" ON CONFLICT (session_id) ");
                qb.push(UPDATE_ALL);
            }
        )?;
        with_builder!(
            tx,
            "DELETE FROM cobrowse_connections WHERE session_id IN (",
            |qb| {
                let mut ids = qb.separated(", ");
                for row in chunk {
                    ids.push_bind(&row.session_id);
                }
                qb.push(")");
            }
        )?;
    }
    for chunk in connections.chunks(CHUNK) {
        with_builder!(
            tx,
            "INSERT INTO cobrowse_connections (session_id, user_connection_id, \
             user_id, user_name, role_type, data_center, ip_address, join_time, leave_time, \
             duration_seconds, source, raw) ",
            |qb| {
                qb.push_values(chunk, |mut b, row| {
                    b.push_bind(&row.session_id)
                        .push_bind(&row.user_connection_id)
                        .push_bind(&row.user_id)
                        .push_bind(&row.user_name)
                        .push_bind(&row.role_type)
                        .push_bind(&row.data_center)
                        .push_bind(&row.ip_address)
                        .push_bind(row.join_time)
                        .push_bind(row.leave_time)
                        .push_bind(row.duration_seconds)
                        .push_bind(row.source)
                        .push_bind(Json(&row.raw));
                });
            }
        )?;
    }
    Ok(())
}

/// Moves the checkpoint forward to `to` (never back: a slower concurrent run must
/// not undo a faster one's progress).
pub(crate) async fn advance_checkpoint(
    tx: &mut Tx,
    name: &str,
    to: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    execute!(
        tx,
        "INSERT INTO cobrowse_sync_state (name, checkpoint) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint \
         WHERE excluded.checkpoint > cobrowse_sync_state.checkpoint",
        name,
        to
    )
}
