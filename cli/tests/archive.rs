//! `cobrowse archive` and `cobrowse stats` as real processes against a simulator in
//! the test process (via ZOOM_BASE_URL and ZOOM_ACCESS_TOKEN), into SQLite files
//! and PostgreSQL schemas of the tests' own: killed with SIGKILL at seeded points
//! and restarted, the archive ends exactly as an uninterrupted run leaves it.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::str::FromStr;
use std::time::Duration;

use secrecy::ExposeSecret;
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use zoom_cobrowse_archive::{Archive, ArchivedConnection, ArchivedSession};
use zoom_cobrowse_mock::{Fault, FaultPlan, MockZoom};

const BIN: &str = env!("CARGO_BIN_EXE_cobrowse");

fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// Where an archive lives: a temporary SQLite file or a PostgreSQL schema, removed
/// when dropped.
enum Db {
    Sqlite(PathBuf),
    Postgres { url: String, schema: String },
}

impl Db {
    fn sqlite() -> Self {
        let name = format!("cli_archive_test_{:016x}.db", fastrand::u64(..));
        Db::Sqlite(std::env::temp_dir().join(name))
    }

    async fn postgres() -> Self {
        let url = database_url();
        let schema = format!("archive_test_{:016x}", fastrand::u64(..));
        let mut conn = match PgConnection::connect(&url).await {
            Ok(conn) => conn,
            Err(e) => panic!(
                "PostgreSQL is not reachable at {url}: start it with \
                 `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` ({e})"
            ),
        };
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let _ = conn.close().await;
        Db::Postgres { url, schema }
    }

    /// The `--db` argument.
    fn arg(&self) -> String {
        match self {
            Db::Sqlite(path) => path.display().to_string(),
            Db::Postgres { url, schema } => {
                format!("{url}?options=-c%20search_path%3D{schema}")
            }
        }
    }

    async fn open(&self) -> Archive {
        match self {
            Db::Sqlite(path) => Archive::open(path.to_str().unwrap()).await.unwrap(),
            Db::Postgres { url, schema } => Archive::open_postgres(
                PgConnectOptions::from_str(url)
                    .unwrap()
                    .options([("search_path", schema.as_str())]),
            )
            .await
            .unwrap(),
        }
    }

    /// Sessions and connections (the checkpoint is each run's "now", so it is left
    /// out).
    async fn rows(&self) -> (Vec<ArchivedSession>, Vec<ArchivedConnection>) {
        let archive = self.open().await;
        let rows = (
            archive.sessions().await.unwrap(),
            archive.connections().await.unwrap(),
        );
        archive.close().await;
        rows
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        match self {
            Db::Sqlite(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            Db::Postgres { url, schema } => {
                let (url, schema) = (url.clone(), schema.clone());
                // Drop runs inside the test's runtime: clean up on a thread and
                // runtime of its own.
                let _ = std::thread::spawn(move || {
                    tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .unwrap()
                        .block_on(async {
                            if let Ok(mut conn) = PgConnection::connect(&url).await {
                                let _ =
                                    sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                                        .execute(&mut conn)
                                        .await;
                            }
                        });
                })
                .join();
            }
        }
    }
}

fn command(zoom: &MockZoom, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env(
            "ZOOM_ACCESS_TOKEN",
            zoom.credentials().bearer_tokens[0].expose_secret(),
        )
        .env("ZOOM_BASE_URL", zoom.base_url())
        .stdin(Stdio::null());
    command
}

async fn run(mut command: Command) -> Output {
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    assert_ne!(output.status.code(), Some(101), "the binary panicked");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Starts `cobrowse archive` and SIGKILLs it once the simulator has served
/// `requests` more API requests; `true` if it was killed before it finished.
async fn archive_killed_after(zoom: &MockZoom, db: &Db, requests: u64) -> bool {
    let until = zoom.stats().api_requests() + requests;
    let mut child = command(zoom, &["archive", "--plan", "unlimited", "--db", &db.arg()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "archive failed: {status}");
            return false;
        }
        if zoom.stats().api_requests() >= until {
            child.kill().unwrap(); // SIGKILL: no clean-up of any kind
            child.wait().unwrap();
            return true;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

async fn killed_archivers_end_like_an_uninterrupted_one(make: impl AsyncFn() -> Db, seed: u64) {
    let zoom = MockZoom::builder()
        .seed(81)
        .past_sessions_per_day(1)
        .live_sessions(0)
        .start()
        .await
        .unwrap();
    let reference_db = make().await;
    zoom.reset_stats();
    let output = run(command(
        &zoom,
        &[
            "archive",
            "--plan",
            "unlimited",
            "--db",
            &reference_db.arg(),
        ],
    ))
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let total = zoom.stats().api_requests();
    let reference = reference_db.rows().await;
    assert_eq!(reference.0.len(), zoom.past_sessions().len());

    let mut rng = fastrand::Rng::with_seed(seed);
    let mut kills = 0;
    for point in 0..20 {
        let db = make().await;
        // One kill, or two in a row, at seeded points; then a run to the end.
        for _ in 0..1 + usize::from(point % 4 == 0) {
            if archive_killed_after(&zoom, &db, rng.u64(1..total)).await {
                kills += 1;
            }
        }
        let output = run(command(
            &zoom,
            &["archive", "--plan", "unlimited", "--db", &db.arg()],
        ))
        .await;
        assert!(output.status.success(), "{}", stderr(&output));
        let rows = db.rows().await;
        assert!(
            rows == reference,
            "point {point}: the archive differs from an uninterrupted run"
        );
    }
    assert!(kills >= 20, "only {kills} runs were killed");
    println!("{kills} runs killed with SIGKILL; {total} requests in a whole backfill");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkilled_archives_into_sqlite_end_like_an_uninterrupted_one() {
    killed_archivers_end_like_an_uninterrupted_one(async || Db::sqlite(), 91).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkilled_archives_into_postgres_end_like_an_uninterrupted_one() {
    killed_archivers_end_like_an_uninterrupted_one(Db::postgres, 92).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archive_then_stats_as_json_and_as_a_table() {
    let zoom = MockZoom::builder()
        .seed(82)
        .past_sessions_per_day(3)
        .start()
        .await
        .unwrap();
    let db = Db::sqlite();
    let output = run(command(
        &zoom,
        &[
            "archive",
            "--include-live",
            "--plan",
            "unlimited",
            "--format",
            "json",
            "--db",
            &db.arg(),
        ],
    ))
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["sessions_written"], zoom.past_sessions().len());
    assert_eq!(report["live_sessions"], zoom.live_sessions().len());
    assert!(
        stderr(&output).starts_with("cobrowse: archived "),
        "{}",
        stderr(&output)
    );

    // Stats need no credentials: run without any ZOOM_* variable.
    let today = zoom.now().date_naive();
    let from = today - chrono::Days::new(27);
    let (from, to) = (from.to_string(), today.to_string());
    let stats_args = ["stats", "--db", &db.arg(), "--from", &from, "--to", &to];
    let mut json = Command::new(BIN);
    json.args(stats_args)
        .args(["--format", "json"])
        .env_remove("ZOOM_ACCESS_TOKEN");
    let output = run(json).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let expected = zoom
        .past_sessions()
        .iter()
        .filter(|s| {
            let day = s.start_time.date_naive().to_string();
            day >= from && day <= to
        })
        .count();
    assert_eq!(stats["total"]["sessions"], expected);
    assert_eq!(stats["periods"].as_array().unwrap().len(), 28);

    let output = run({
        let mut table = Command::new(BIN);
        table.args(stats_args);
        table
    })
    .await;
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("DAY "), "{text}");
    let total = text.lines().find(|l| l.starts_with("TOTAL")).unwrap();
    assert_eq!(
        total.split_whitespace().nth(1),
        Some(expected.to_string().as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archive_errors_are_one_stderr_line_and_exit_1() {
    let zoom = MockZoom::builder()
        .seed(83)
        .past_sessions_per_day(1)
        .start()
        .await
        .unwrap();
    for db in [
        "postgres://postgres@127.0.0.1:1/test",
        "/nonexistent-dir/archive.db",
    ] {
        let output = run(command(&zoom, &["archive", "--db", db])).await;
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            text.starts_with("cobrowse: cannot open the archive database"),
            "{text}"
        );
    }
    assert_eq!(
        zoom.stats().api_requests(),
        0,
        "nothing is fetched without a database"
    );

    // Zoom failing: one line, exit 1, and the archive as it was (empty, no checkpoint).
    // An undecodable answer fails at once (a 5xx would be retried for a while first).
    zoom.set_faults(
        FaultPlan::new()
            .with_probability(1.0, Fault::MalformedJson)
            .unwrap(),
    );
    let db = Db::sqlite();
    let output = run(command(
        &zoom,
        &["archive", "--plan", "unlimited", "--db", &db.arg()],
    ))
    .await;
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("cobrowse: Zoom API: "), "{text}");
    let archive = db.open().await;
    assert_eq!(archive.checkpoint().await.unwrap(), None);
    assert!(archive.sessions().await.unwrap().is_empty());
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_archiver_processes_on_one_postgres_agree() {
    let zoom = MockZoom::builder()
        .seed(84)
        .past_sessions_per_day(2)
        .live_sessions(0)
        .start()
        .await
        .unwrap();
    let db = Db::postgres().await;
    let target = db.arg();
    let args = ["archive", "--plan", "unlimited", "--db", &target];
    let (a, b) = tokio::join!(run(command(&zoom, &args)), run(command(&zoom, &args)));
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    let (sessions, connections) = db.rows().await;
    // Every session once; and the advisory lock made the second run wait and find
    // everything archived: each session's users were fetched once.
    let mut ids: Vec<_> = zoom
        .past_sessions()
        .into_iter()
        .map(|s| s.session_id)
        .collect();
    ids.sort();
    let archived: Vec<_> = sessions.iter().map(|s| s.session_id.clone()).collect();
    assert_eq!(archived, ids);
    let users: usize = ids
        .iter()
        .map(|id| zoom.session_users(id).unwrap().len())
        .sum();
    assert_eq!(connections.len(), users);
    assert_eq!(
        zoom.stats()
            .requests(zoom_cobrowse::Operation::ListSessionUsers),
        ids.len() as u64
    );
}
