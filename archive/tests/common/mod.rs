//! Shared by the archive's tests: a simulator and a client for it, a temporary
//! SQLite file, and a PostgreSQL schema of the test's own.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::path::PathBuf;
use std::str::FromStr;

use secrecy::ExposeSecret;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use sqlx::sqlite::SqliteConnectOptions;
use zoom_cobrowse::{Client, Credentials};
use zoom_cobrowse_archive::{Archive, ArchivedConnection, ArchivedSession};
use zoom_cobrowse_mock::MockZoom;

/// `DATABASE_URL`, or the machine's PostgreSQL.
pub fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A client of `zoom` with its bearer token; no client-side rate limit unless given.
pub fn client(zoom: &MockZoom) -> Client {
    client_with(zoom, |b| b.no_rate_limits())
}

pub fn client_with(
    zoom: &MockZoom,
    configure: impl FnOnce(zoom_cobrowse::ClientBuilder) -> zoom_cobrowse::ClientBuilder,
) -> Client {
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    configure(Client::builder(Credentials::bearer(token)).base_url(zoom.base_url()))
        .build()
        .expect("a client of the simulator")
}

/// Where a test's archive lives; removed when dropped.
pub enum Target {
    Sqlite(TempFile),
    Postgres(PgSchema),
}

impl Target {
    pub fn sqlite() -> Self {
        Target::Sqlite(TempFile::new("db"))
    }

    pub async fn postgres() -> Self {
        Target::Postgres(PgSchema::new().await)
    }

    /// Opens (and migrates) the archive; each call is a new pool, as a new process
    /// would have.
    pub async fn open(&self) -> Archive {
        match self {
            Target::Sqlite(file) => Archive::open_sqlite(file.sqlite_options())
                .await
                .expect("open the SQLite archive"),
            Target::Postgres(schema) => Archive::open_postgres(schema.options())
                .await
                .expect("open the PostgreSQL archive"),
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Target::Sqlite(_) => "SQLite",
            Target::Postgres(_) => "PostgreSQL",
        }
    }
}

/// A path in the temp directory, removed (with SQLite's -wal and -shm) on drop.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(extension: &str) -> Self {
        let name = format!("archive_test_{:016x}.{extension}", fastrand::u64(..));
        Self(std::env::temp_dir().join(name))
    }

    pub fn sqlite_options(&self) -> SqliteConnectOptions {
        SqliteConnectOptions::new()
            .filename(&self.0)
            .create_if_missing(true)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = self.0.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A schema `archive_test_<random>` in the test database, dropped (with everything
/// in it) when this is dropped.
pub struct PgSchema {
    pub name: String,
    url: String,
}

impl PgSchema {
    pub async fn new() -> Self {
        let url = database_url();
        let name = format!("archive_test_{:016x}", fastrand::u64(..));
        let mut conn = admin_connection(&url).await;
        sqlx::query(&format!("CREATE SCHEMA {name}"))
            .execute(&mut conn)
            .await
            .expect("create the test schema");
        let _ = conn.close().await;
        Self { name, url }
    }

    /// Connection options whose `search_path` is this schema.
    pub fn options(&self) -> PgConnectOptions {
        PgConnectOptions::from_str(&self.url)
            .expect("DATABASE_URL is a PostgreSQL URL")
            .options([("search_path", self.name.as_str())])
    }

    /// The database URL with this schema as `search_path`, for a child process.
    pub fn url(&self) -> String {
        let separator = if self.url.contains('?') { '&' } else { '?' };
        format!(
            "{}{separator}options=-c%20search_path%3D{}",
            self.url, self.name
        )
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let (url, name) = (self.url.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot block on itself: a
        // thread of its own with a runtime of its own does the clean-up.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async {
                if let Ok(mut conn) = PgConnection::connect(&url).await {
                    let _ = sqlx::query(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"))
                        .execute(&mut conn)
                        .await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

async fn admin_connection(url: &str) -> PgConnection {
    match PgConnection::connect(url).await {
        Ok(conn) => conn,
        Err(e) => panic!(
            "PostgreSQL is not reachable at {url}: start it with \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ({e})"
        ),
    }
}

/// Everything archived, for comparing two archives.
#[derive(Debug, PartialEq)]
pub struct Contents {
    pub sessions: Vec<ArchivedSession>,
    pub connections: Vec<ArchivedConnection>,
    pub checkpoint: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn contents(archive: &Archive) -> Contents {
    Contents {
        sessions: archive.sessions().await.expect("read sessions"),
        connections: archive.connections().await.expect("read connections"),
        checkpoint: archive.checkpoint().await.expect("read the checkpoint"),
    }
}

/// Asserts the archive holds exactly the simulator's past sessions (and, with
/// `live`, its live ones), and each one's connections, field by field.
pub fn assert_matches_api(zoom: &MockZoom, contents: &Contents, live: bool) {
    let mut expected: Vec<(String, &'static str, serde_json::Value)> = zoom
        .past_sessions()
        .iter()
        .map(|s| {
            (
                s.session_id.clone(),
                "past",
                serde_json::to_value(s).unwrap(),
            )
        })
        .collect();
    if live {
        expected.extend(zoom.live_sessions().iter().map(|s| {
            (
                s.session_id.clone(),
                "live",
                serde_json::to_value(s).unwrap(),
            )
        }));
    }
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        contents.sessions.len(),
        expected.len(),
        "one row per session the API lists"
    );
    let mut expected_connections = Vec::new();
    for (row, (id, status, raw)) in contents.sessions.iter().zip(&expected) {
        assert_eq!(&row.session_id, id);
        assert_eq!(row.status, *status, "{id}");
        assert_eq!(&row.raw, raw, "{id}: the raw JSON is the API's row");
        assert_eq!(
            row.start_time.to_rfc3339(),
            raw["start_time"].as_str().unwrap().replace('Z', "+00:00")
        );
        if *status == "past" {
            assert_eq!(
                row.end_time.map(|t| t.to_rfc3339()),
                raw["end_time"].as_str().map(|t| t.replace('Z', "+00:00"))
            );
            assert!(row.duration_seconds.is_some(), "{id}");
            assert_eq!(row.user_count, raw["user_count"].as_i64());
        }
        assert_eq!(row.session_pin.as_deref(), raw["session_pin"].as_str());
        let mut users = zoom.session_users(id).expect("the simulator knows it");
        users.sort_by(|a, b| a.user_connection_id.cmp(&b.user_connection_id));
        expected_connections.extend(users.into_iter().map(|u| (id.clone(), u)));
    }
    assert_eq!(contents.connections.len(), expected_connections.len());
    for (row, (id, user)) in contents.connections.iter().zip(&expected_connections) {
        assert_eq!(&row.session_id, id);
        assert_eq!(row.user_connection_id, user.user_connection_id);
        assert_eq!(row.user_id, user.user_id);
        assert_eq!(row.user_name, user.user_name);
        assert_eq!(row.role_type, user.role_type.as_str());
        assert_eq!(
            row.data_center.as_deref(),
            user.data_center.as_ref().map(|d| d.as_str())
        );
        assert_eq!(row.ip_address, user.ip_address);
        assert_eq!(row.join_time, user.join_time);
        assert_eq!(row.leave_time, user.leave_time);
        assert_eq!(row.raw, serde_json::to_value(user).unwrap());
    }
}
