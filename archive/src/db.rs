//! The two backends behind one set of SQL statements.
//!
//! Every statement is written once, with `$1`-style parameters (SQLite reads them
//! as numbered parameters too), and run on either pool by the macros below: the
//! arms are textually the same, so a statement cannot drift between backends.

use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;

use futures_util::future::BoxFuture;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, PgConnection, Postgres, Sqlite, Transaction};

use crate::error::{Action, Error, Result};

/// How long a SQLite writer waits for another's write lock before failing: long
/// enough for another archiver's window transaction to finish.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// An open database of either kind.
#[derive(Clone, Debug)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool, Box<PgConnectOptions>),
}

/// A write transaction on either kind.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// Runs a statement on a [`Tx`], giving the rows affected.
macro_rules! execute {
    ($tx:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx) => sqlx::query($sql)$(.bind($arg))*
                .execute(&mut **tx).await.map(|r| r.rows_affected()),
            $crate::db::Tx::Postgres(tx) => sqlx::query($sql)$(.bind($arg))*
                .execute(&mut **tx).await.map(|r| r.rows_affected()),
        }
    };
}

/// Runs a query on a [`Db`]'s pool and maps each row with `$map` (a closure taking
/// the row by reference and using `sqlx::Row::try_get`).
macro_rules! fetch_all {
    ($db:expr, $sql:expr, [$($arg:expr),* $(,)?], $map:expr) => {
        match $db {
            $crate::db::Db::Sqlite(pool) => sqlx::query($sql)$(.bind($arg))*
                .fetch_all(pool).await
                .and_then(|rows| rows.iter().map($map).collect::<Result<Vec<_>, sqlx::Error>>()),
            $crate::db::Db::Postgres(pool, _) => sqlx::query($sql)$(.bind($arg))*
                .fetch_all(pool).await
                .and_then(|rows| rows.iter().map($map).collect::<Result<Vec<_>, sqlx::Error>>()),
        }
    };
}

pub(crate) use {execute, fetch_all};

impl Db {
    /// Opens `target`: a `postgres://` or `postgresql://` URL, a `sqlite:` URL, or
    /// else the path of a SQLite file (created if missing).
    pub async fn connect(target: &str) -> Result<Self> {
        let shown = redact(target);
        let invalid = |e: sqlx::Error| Error::InvalidTarget {
            target: shown.clone(),
            reason: e.to_string(),
        };
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(target).map_err(invalid)?;
            Self::postgres(options, shown).await
        } else {
            let options = if target.starts_with("sqlite:") {
                SqliteConnectOptions::from_str(target).map_err(invalid)?
            } else if target.is_empty() {
                return Err(Error::InvalidTarget {
                    target: shown,
                    reason: "empty path".into(),
                });
            } else {
                SqliteConnectOptions::new().filename(target)
            };
            Self::sqlite(options.create_if_missing(true), shown).await
        }
    }

    /// Opens a SQLite database; `shown` names it in errors.
    pub async fn sqlite(options: SqliteConnectOptions, shown: String) -> Result<Self> {
        // WAL: readers (stats, the next window's look-ups) never wait for a writer,
        // and a killed process loses only its uncommitted transaction. NORMAL
        // synchronous is durable against process death, which is what cron kills.
        let options = options
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(SQLITE_BUSY_TIMEOUT)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .map_err(|source| open_error(shown, source))?;
        Ok(Db::Sqlite(pool))
    }

    /// Opens a PostgreSQL database; `shown` names it in errors.
    pub async fn postgres(options: PgConnectOptions, shown: String) -> Result<Self> {
        // One direct connection first: the pool retries a refused connection until
        // its acquire timeout and then reports only "timed out", where a person
        // needs "connection refused" at once.
        PgConnection::connect_with(&options)
            .await
            .map_err(|source| open_error(shown.clone(), source))?
            .close()
            .await
            .map_err(|source| open_error(shown.clone(), source))?;
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await
            .map_err(|source| open_error(shown, source))?;
        Ok(Db::Postgres(pool, Box::new(options)))
    }

    /// Creates or migrates the schema, refusing one newer than this version.
    pub async fn migrate(&self) -> Result<()> {
        let backend = match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(..) => Backend::Postgres,
        };
        let migrator = Migrator::new(Embedded(backend))
            .await
            .map_err(Error::Migrate)?;
        let result = match self {
            Db::Sqlite(pool) => migrator.run(pool).await,
            Db::Postgres(pool, _) => migrator.run(pool).await,
        };
        result.map_err(|e| match e {
            sqlx::migrate::MigrateError::VersionMissing(found) => Error::NewerSchema {
                found,
                known: backend.migrations().last().map_or(0, |m| m.0),
            },
            sqlx::migrate::MigrateError::Execute(source) if crate::error::is_read_only(&source) => {
                Error::ReadOnly { source }
            }
            other => Error::Migrate(other),
        })
    }

    /// Starts a write transaction. SQLite's is `BEGIN IMMEDIATE`: it takes the
    /// database's write lock at once, so two writers queue instead of one failing
    /// with SQLITE_BUSY when it upgrades a read lock half way.
    pub async fn begin(&self) -> Result<Tx> {
        match self {
            Db::Sqlite(pool) => pool.begin_with("BEGIN IMMEDIATE").await.map(Tx::Sqlite),
            Db::Postgres(pool, _) => pool.begin().await.map(Tx::Postgres),
        }
        .map_err(|e| Error::database(Action::Writing, e))
    }

    /// Takes the archive's run lock, held until the guard is dropped.
    ///
    /// PostgreSQL: a session-level advisory lock on a connection of its own, keyed by
    /// the schema, so a second archiver on the same schema waits for the first to
    /// finish and then runs incrementally. The connection is not pooled: if the run
    /// is cancelled or the process dies, closing it releases the lock.
    /// SQLite: no run lock; each transaction takes the write lock (`BEGIN
    /// IMMEDIATE`), and the upserts and the monotonic checkpoint make concurrent
    /// runs converge on the same rows.
    pub async fn lock(&self) -> Result<RunLock> {
        match self {
            Db::Sqlite(_) => Ok(RunLock(None)),
            Db::Postgres(_, options) => {
                let locking = |e| Error::database(Action::Locking, e);
                let mut conn = PgConnection::connect_with(options).await.map_err(locking)?;
                sqlx::query(
                    "SELECT pg_advisory_lock(hashtext('zoom_cobrowse_archive:' || current_schema()))",
                )
                .execute(&mut conn)
                .await
                .map_err(locking)?;
                Ok(RunLock(Some(conn)))
            }
        }
    }

    /// Closes the pool, waiting for connections to be returned.
    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool, _) => pool.close().await,
        }
    }
}

/// Holds the run lock (see [`Db::lock`]); dropping it closes the connection, which
/// releases the lock.
pub(crate) struct RunLock(Option<PgConnection>);

impl RunLock {
    /// Releases the lock now, waiting for the server to see it.
    pub async fn release(self) {
        if let Some(conn) = self.0 {
            // Closing the session releases its advisory locks; an error here means the
            // connection is gone already, which releases them too.
            let _ = conn.close().await;
        }
    }
}

impl Tx {
    /// Commits the transaction.
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
        .map_err(|e| Error::database(Action::Writing, e))
    }
}

fn open_error(target: String, source: sqlx::Error) -> Error {
    if crate::error::is_read_only(&source) {
        Error::ReadOnly { source }
    } else {
        Error::Unreachable { target, source }
    }
}

/// The URL without its password, for error messages.
pub(crate) fn redact(target: &str) -> String {
    let Some((scheme, rest)) = target.split_once("://") else {
        return target.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            if userinfo.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                format!("{scheme}://{user}@{host}")
            }
        }
        None => target.to_string(),
    }
}

#[derive(Clone, Copy, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Version, description and SQL of each migration, oldest first. Each backend has
    /// its own directory: the types differ (TIMESTAMPTZ and JSONB vs TEXT).
    fn migrations(self) -> &'static [(i64, &'static str, &'static str)] {
        match self {
            Backend::Sqlite => &[(
                1,
                "init",
                include_str!("../migrations/sqlite/0001_init.sql"),
            )],
            Backend::Postgres => &[(
                1,
                "init",
                include_str!("../migrations/postgres/0001_init.sql"),
            )],
        }
    }
}

/// The migrations compiled into the binary (sqlx's `migrate!` would need the
/// `macros` feature; reading a directory at run time would tie the tool to its
/// source tree).
#[derive(Debug)]
struct Embedded(Backend);

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> BoxFuture<'static, Result<Vec<Migration>, sqlx::error::BoxDynError>> {
        Box::pin(async move {
            Ok(self
                .0
                .migrations()
                .iter()
                .map(|&(version, description, sql)| {
                    Migration::new(
                        version,
                        Cow::Borrowed(description),
                        MigrationType::Simple,
                        Cow::Borrowed(sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://bob:secret@db:5432/x"),
            "postgres://bob:***@db:5432/x"
        );
        assert_eq!(redact("postgres://bob@db/x"), "postgres://bob@db/x");
        assert_eq!(redact("cobrowse.db"), "cobrowse.db");
    }
}
