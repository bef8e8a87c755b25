//! The one error type of the archive: every failure is one line via `Display`.

use std::fmt;

/// Why an archive operation failed. After any of these the database holds its last
/// complete checkpoint: every write is in a transaction that also moves the
/// checkpoint, and a failed one is rolled back.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database URL or path is not one the archive can open.
    #[error("invalid archive database {target}: {reason}")]
    InvalidTarget {
        /// The URL or path as given (a PostgreSQL password is not shown).
        target: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The database could not be reached or opened.
    #[error("cannot open the archive database {target}: {source}")]
    Unreachable {
        /// The URL or path as given (a PostgreSQL password is not shown).
        target: String,
        /// What the driver said.
        #[source]
        source: sqlx::Error,
    },
    /// The database refuses writes (a read-only file, replica or transaction).
    #[error("the archive database is read-only: {source}")]
    ReadOnly {
        /// What the driver said.
        #[source]
        source: sqlx::Error,
    },
    /// The database's schema was written by a newer version of this crate: it is
    /// left untouched.
    #[error(
        "the archive's schema has migration {found}, newer than this version knows \
         (up to {known}): upgrade zoom-cobrowse-archive"
    )]
    NewerSchema {
        /// The unknown migration version found in the database.
        found: i64,
        /// The newest migration this version has.
        known: i64,
    },
    /// Creating or migrating the schema failed.
    #[error("cannot migrate the archive's schema: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("archive database error while {action}: {source}")]
    Database {
        /// What the archive was doing.
        action: Action,
        /// What the driver said.
        #[source]
        source: sqlx::Error,
    },
    /// Zoom's API failed (after the client's retries).
    #[error("Zoom API: {0}")]
    Zoom(#[from] zoom_cobrowse::Error),
    /// A value could not be encoded as JSON for the raw column.
    #[error("cannot encode a row as JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// What the archive was doing when a query failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Action {
    /// Taking the lock that keeps two archivers from writing at once.
    Locking,
    /// Reading the checkpoint or archived rows.
    Reading,
    /// Writing sessions, connections and the checkpoint.
    Writing,
    /// Recording a webhook event.
    IngestingWebhook,
    /// Computing statistics.
    Querying,
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Action::Locking => "taking the archive lock",
            Action::Reading => "reading the archive",
            Action::Writing => "writing to the archive",
            Action::IngestingWebhook => "recording a webhook event",
            Action::Querying => "computing statistics",
        })
    }
}

impl Error {
    /// A failed query, classified: a refused write becomes [`Error::ReadOnly`].
    pub(crate) fn database(action: Action, source: sqlx::Error) -> Self {
        if is_read_only(&source) {
            Error::ReadOnly { source }
        } else {
            Error::Database { action, source }
        }
    }
}

/// SQLITE_READONLY and its extended codes (the low byte is 8), or PostgreSQL's
/// `read_only_sql_transaction` (a hot standby, or `default_transaction_read_only`).
pub(crate) fn is_read_only(error: &sqlx::Error) -> bool {
    let Some(db) = error.as_database_error() else {
        return false;
    };
    let code = db.code();
    let code = code.as_deref().unwrap_or_default();
    if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        code.parse::<i32>().is_ok_and(|c| c & 0xff == 8)
    } else {
        code == "25006"
    }
}

/// Shorthand for the archive's results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
