//! A SQLite or PostgreSQL archive of Zoom Cobrowse sessions, kept in step with Zoom.
//!
//! Zoom lists past Cobrowse sessions for the last six months only, one month per
//! call. [`Archive::sync`] copies them, with every connection of every user and the
//! JSON of each row as the API gave it, into a database that keeps them for good:
//!
//! - The first run backfills all six months, month window by month window; later
//!   runs list only from the last checkpoint (less an overlap that catches sessions
//!   Zoom lists late), and fetch users only for sessions not archived yet.
//! - Each window's rows and the checkpoint past them commit in one transaction, and
//!   every write is an upsert by Zoom's keys: a run killed at any point and started
//!   again ends with exactly the rows of an uninterrupted run, never a duplicate.
//! - Two runs at once are safe: on PostgreSQL a session-level advisory lock (keyed
//!   by schema) makes the second wait and then run incrementally; on SQLite each
//!   transaction takes the write lock (`BEGIN IMMEDIATE`) and the upserts converge.
//! - With [`SyncOptions::include_live`], sessions in progress are recorded too; the
//!   run after one ends turns it into its past row. [`Archive::ingest`] records
//!   verified webhook deliveries, and the next sync settles them with the API.
//! - [`Archive::stats`] answers sessions per day or week, median and p90 duration,
//!   and sessions per agent.
//!
//! ```no_run
//! use zoom_cobrowse::Client;
//! use zoom_cobrowse_archive::{Archive, SyncOptions};
//!
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_env()?;
//! let archive = Archive::open("cobrowse.db").await?; // or "postgres://…"
//! let report = archive.sync(&client, &SyncOptions::default()).await?;
//! println!("{} new sessions, checkpoint {:?}", report.sessions_written, report.checkpoint);
//! # Ok(()) }
//! ```
//!
//! The schema (tables `cobrowse_sessions`, `cobrowse_connections`,
//! `cobrowse_sync_state`, `cobrowse_webhook_events`) is created and migrated by the
//! crate with versioned migrations; the crate's README documents every column.
#![deny(missing_docs)]

mod db;
mod error;
mod rows;
mod stats;
mod sync;
mod webhook;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::Row;
use sqlx::types::Json;
use zoom_cobrowse::Client;
use zoom_cobrowse::webhook::Delivery;

pub use error::{Action, Error, Result};
/// The connection options [`Archive::open_postgres`] and [`Archive::open_sqlite`]
/// take, from the sqlx this crate is built with.
pub use sqlx::{postgres::PgConnectOptions, sqlite::SqliteConnectOptions};
pub use stats::{AgentSessions, Bucket, Period, Stats, StatsQuery, Summary};
pub use sync::{DEFAULT_OVERLAP, Progress, SyncOptions, SyncReport};
pub use webhook::Ingested;

use db::{Db, fetch_all};

/// Where `cobrowse archive` writes without `--db`.
pub const DEFAULT_DATABASE: &str = "cobrowse.db";

/// An open, migrated archive database.
#[derive(Clone, Debug)]
pub struct Archive {
    db: Db,
}

impl Archive {
    /// Opens (creating if needed) and migrates the archive at `target`: a
    /// `postgres://…` or `postgresql://…` URL, a `sqlite:…` URL, or the path of a
    /// SQLite file.
    pub async fn open(target: &str) -> Result<Self> {
        Self::migrated(Db::connect(target).await?).await
    }

    /// Opens and migrates a SQLite archive with these options (the archive sets WAL,
    /// a busy timeout and foreign keys on top).
    pub async fn open_sqlite(options: SqliteConnectOptions) -> Result<Self> {
        let shown = options.get_filename().display().to_string();
        Self::migrated(Db::sqlite(options, shown).await?).await
    }

    /// Opens and migrates a PostgreSQL archive with these options (e.g. with
    /// `.options([("search_path", "my_schema")])` to keep it in its own schema).
    pub async fn open_postgres(options: PgConnectOptions) -> Result<Self> {
        let shown = format!(
            "postgres://{}@{}:{}/{}",
            options.get_username(),
            options.get_host(),
            options.get_port(),
            options.get_database().unwrap_or_default()
        );
        Self::migrated(Db::postgres(options, shown).await?).await
    }

    async fn migrated(db: Db) -> Result<Self> {
        if let Err(e) = db.migrate().await {
            db.close().await;
            return Err(e);
        }
        Ok(Self { db })
    }

    /// Brings the archive in step with Zoom (see the crate's documentation). On an
    /// error the archive keeps every window committed before it.
    pub async fn sync(&self, client: &Client, options: &SyncOptions) -> Result<SyncReport> {
        sync::sync(&self.db, client, options).await
    }

    /// Every past session that ended at or before this instant is archived; `None`
    /// before the first window is committed.
    pub async fn checkpoint(&self) -> Result<Option<DateTime<Utc>>> {
        sync::read_checkpoint(&self.db).await
    }

    /// Records a verified webhook delivery (from
    /// [`Receiver::verify`](zoom_cobrowse::webhook::Receiver::verify)) once, and
    /// applies it to the session's rows; the next sync replaces those rows with the
    /// API's view.
    pub async fn ingest(&self, delivery: &Delivery) -> Result<Ingested> {
        webhook::ingest(&self.db, delivery).await
    }

    /// Usage statistics of the sessions that started in a range of days.
    pub async fn stats(&self, query: &StatsQuery) -> Result<Stats> {
        stats::stats(&self.db, query).await
    }

    /// Every archived session, by session ID (byte order).
    pub async fn sessions(&self) -> Result<Vec<ArchivedSession>> {
        fetch_all!(
            &self.db,
            "SELECT session_id, session_pin, status, start_time, end_time, duration_seconds, \
             user_count, source, raw FROM cobrowse_sessions",
            [],
            |row| {
                Ok(ArchivedSession {
                    session_id: row.try_get(0)?,
                    session_pin: row.try_get(1)?,
                    status: row.try_get(2)?,
                    start_time: row.try_get(3)?,
                    end_time: row.try_get(4)?,
                    duration_seconds: row.try_get(5)?,
                    user_count: row.try_get(6)?,
                    source: row.try_get(7)?,
                    raw: row.try_get::<Json<serde_json::Value>, _>(8)?.0,
                })
            }
        )
        .map(|mut rows| {
            // Byte order, whatever the database's collation.
            rows.sort_by(|a, b| a.session_id.cmp(&b.session_id));
            rows
        })
        .map_err(|e| Error::database(Action::Reading, e))
    }

    /// Every archived connection, by session ID, then connection ID (byte order).
    pub async fn connections(&self) -> Result<Vec<ArchivedConnection>> {
        fetch_all!(
            &self.db,
            "SELECT session_id, user_connection_id, user_id, user_name, role_type, data_center, \
             ip_address, join_time, leave_time, duration_seconds, source, raw \
             FROM cobrowse_connections",
            [],
            |row| {
                Ok(ArchivedConnection {
                    session_id: row.try_get(0)?,
                    user_connection_id: row.try_get(1)?,
                    user_id: row.try_get(2)?,
                    user_name: row.try_get(3)?,
                    role_type: row.try_get(4)?,
                    data_center: row.try_get(5)?,
                    ip_address: row.try_get(6)?,
                    join_time: row.try_get(7)?,
                    leave_time: row.try_get(8)?,
                    duration_seconds: row.try_get(9)?,
                    source: row.try_get(10)?,
                    raw: row.try_get::<Json<serde_json::Value>, _>(11)?.0,
                })
            }
        )
        .map(|mut rows| {
            rows.sort_by(|a, b| {
                (&a.session_id, &a.user_connection_id).cmp(&(&b.session_id, &b.user_connection_id))
            });
            rows
        })
        .map_err(|e| Error::database(Action::Reading, e))
    }

    /// Closes the database's connections.
    pub async fn close(self) {
        self.db.close().await;
    }
}

/// A row of `cobrowse_sessions`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArchivedSession {
    /// Zoom's session ID (the key).
    pub session_id: String,
    /// The session's pin code.
    pub session_pin: Option<String>,
    /// `live` or `past`.
    pub status: String,
    /// When it started.
    pub start_time: DateTime<Utc>,
    /// When it ended; `None` while live.
    pub end_time: Option<DateTime<Utc>>,
    /// Zoom's duration in seconds.
    pub duration_seconds: Option<i64>,
    /// Distinct users, as Zoom counts them.
    pub user_count: Option<i64>,
    /// What last wrote the row: `past_list`, `live_list`, `get_session` or `webhook`.
    pub source: String,
    /// The row as received.
    pub raw: serde_json::Value,
}

/// A row of `cobrowse_connections`: one time a user joined a session.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ArchivedConnection {
    /// The session.
    pub session_id: String,
    /// Zoom's connection ID (the key, with the session).
    pub user_connection_id: String,
    /// Zoom's user ID.
    pub user_id: String,
    /// The name the user joined with.
    pub user_name: String,
    /// `customer`, `agent`, or a role Zoom added later, verbatim.
    pub role_type: String,
    /// The data center, as Zoom spells it.
    pub data_center: Option<String>,
    /// The IP address, as Zoom gives it.
    pub ip_address: Option<String>,
    /// When the user joined.
    pub join_time: Option<DateTime<Utc>>,
    /// When the user left; `None` while connected.
    pub leave_time: Option<DateTime<Utc>>,
    /// Zoom's duration in seconds.
    pub duration_seconds: Option<i64>,
    /// What last wrote the row.
    pub source: String,
    /// The row as received.
    pub raw: serde_json::Value,
}

// The README's Rust example compiles as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
