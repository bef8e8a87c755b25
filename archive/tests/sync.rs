//! The archive against the simulator, in SQLite files and in PostgreSQL schemas of
//! the tests' own: backfill, incremental runs, live sessions, interruptions,
//! concurrent archivers, failures and webhooks.

mod common;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use common::{Contents, Target, assert_matches_api, client, client_with, contents};
use futures_util::future::join;
use zoom_cobrowse::{Operation, RetryPolicy};
use zoom_cobrowse_archive::{Archive, Error, SyncOptions};
use zoom_cobrowse_mock::{Fault, FaultPlan, MockZoom, ServerStatus};

async fn simulator(seed: u64, per_day: usize, live: usize) -> MockZoom {
    MockZoom::builder()
        .seed(seed)
        .past_sessions_per_day(per_day)
        .live_sessions(live)
        .start()
        .await
        .expect("start the simulator")
}

// ---- Backfill -------------------------------------------------------------------

async fn backfill_matches_the_api(target: Target) {
    let zoom = simulator(3, 5, 10).await;
    let archive = target.open().await;
    let report = archive
        .sync(&client(&zoom), &SyncOptions::default())
        .await
        .expect("backfill");
    let got = contents(&archive).await;
    assert_matches_api(&zoom, &got, false);
    assert_eq!(report.sessions_written as usize, zoom.past_sessions().len());
    assert_eq!(report.sessions_listed, report.sessions_written);
    // One user listing per past session, and no more.
    assert_eq!(
        zoom.stats().requests(Operation::ListSessionUsers),
        report.sessions_written
    );
    assert_eq!(got.checkpoint, report.to, "the checkpoint is the run's end");
    println!(
        "{}: {} sessions, {} connections",
        target.name(),
        got.sessions.len(),
        got.connections.len()
    );
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backfill_into_sqlite_matches_the_api() {
    backfill_matches_the_api(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backfill_into_postgres_matches_the_api() {
    backfill_matches_the_api(Target::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_database_is_a_sqlite_file_from_a_path() {
    let file = common::TempFile::new("db");
    let zoom = simulator(4, 1, 0).await;
    let archive = Archive::open(file.0.to_str().unwrap()).await.unwrap();
    archive
        .sync(&client(&zoom), &SyncOptions::default())
        .await
        .unwrap();
    assert_matches_api(&zoom, &contents(&archive).await, false);
    assert!(file.0.exists());
    assert_eq!(zoom_cobrowse_archive::DEFAULT_DATABASE, "cobrowse.db");
}

// ---- Incremental runs and live sessions -----------------------------------------

async fn incremental_runs_fetch_only_new_sessions(target: Target) {
    let zoom = simulator(5, 2, 12).await;
    let client = client(&zoom);
    let archive = target.open().await;
    let live = SyncOptions::default().include_live(true);
    let first = archive.sync(&client, &live).await.unwrap();
    assert_eq!(first.live_sessions, 12);
    assert_matches_api(&zoom, &contents(&archive).await, true);

    // Five sessions end: the next run lists the overlap again, but fetches users only
    // for the five and for those still live.
    let ended: Vec<String> = zoom.live_sessions()[..5]
        .iter()
        .map(|s| s.session_id.clone())
        .collect();
    for id in &ended {
        zoom.end_session(id).unwrap();
    }
    zoom.reset_stats();
    let second = archive.sync(&client, &live).await.unwrap();
    let stats = zoom.stats();
    assert_eq!(second.sessions_written, 5, "{second:?}");
    assert_eq!(stats.requests(Operation::ListSessionUsers), 5 + 7);
    assert_eq!(
        stats.requests(Operation::ListPastSessions),
        second.windows as u64
    );
    assert_eq!(stats.requests(Operation::GetSession), 0);
    let got = contents(&archive).await;
    // Each ended session is one past row now, with the API's users: no duplicate.
    assert_matches_api(&zoom, &got, true);
    for id in &ended {
        let row = got.sessions.iter().find(|s| &s.session_id == id).unwrap();
        assert_eq!(row.status, "past");
    }

    // Nothing new: no user is fetched again.
    zoom.reset_stats();
    let third = archive
        .sync(&client, &SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(third.sessions_written, 0);
    // The seven live rows are not in the past listing: asked for one by one.
    assert_eq!(zoom.stats().requests(Operation::GetSession), 7);
    assert_eq!(zoom.stats().requests(Operation::ListSessionUsers), 7);
    // The past rows are as they were; the live ones now carry get-session's view.
    let past = |c: &Contents| -> Vec<_> {
        c.sessions
            .iter()
            .filter(|s| s.status == "past")
            .cloned()
            .collect()
    };
    let after = contents(&archive).await;
    assert!(past(&after) == past(&got), "a past row changed");
    assert_eq!(after.sessions.len(), got.sessions.len());
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_runs_into_sqlite_fetch_only_new_sessions() {
    incremental_runs_fetch_only_new_sessions(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn incremental_runs_into_postgres_fetch_only_new_sessions() {
    incremental_runs_fetch_only_new_sessions(Target::postgres().await).await;
}

// ---- Interrupted runs -----------------------------------------------------------

/// Runs a sync and drops it (as a kill would stop it) once the simulator has served
/// `requests` more API requests; `true` if it finished first.
async fn sync_cut_after(
    archive: &Archive,
    zoom: &MockZoom,
    client: &zoom_cobrowse::Client,
    options: &SyncOptions,
    requests: u64,
) -> bool {
    let until = zoom.stats().api_requests() + requests;
    tokio::select! {
        result = archive.sync(client, options) => {
            result.expect("sync");
            true
        }
        () = async {
            while zoom.stats().api_requests() < until {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
        } => false,
    }
}

/// Every past session the API lists that ended at or before the checkpoint is in
/// the archive, with all its connections: the archive is at a complete checkpoint.
fn assert_complete_up_to_checkpoint(zoom: &MockZoom, got: &Contents) {
    let Some(checkpoint) = got.checkpoint else {
        assert!(got.sessions.is_empty(), "rows without a checkpoint");
        return;
    };
    for session in zoom.past_sessions() {
        if session.end_time <= checkpoint {
            assert!(
                got.sessions
                    .iter()
                    .any(|s| s.session_id == session.session_id),
                "{} ended before the checkpoint but is missing",
                session.session_id
            );
            let users = zoom.session_users(&session.session_id).unwrap().len();
            let archived = got
                .connections
                .iter()
                .filter(|c| c.session_id == session.session_id)
                .count();
            assert_eq!(archived, users, "{}", session.session_id);
        }
    }
}

async fn interrupted_backfills_end_like_an_uninterrupted_one(
    make: impl AsyncFn() -> Target,
    seed: u64,
) {
    let zoom = simulator(11, 1, 4).await;
    let client = client(&zoom);
    let options = SyncOptions::default().now(zoom.now());
    let reference_target = make().await;
    let reference_archive = reference_target.open().await;
    zoom.reset_stats();
    reference_archive.sync(&client, &options).await.unwrap();
    let total = zoom.stats().api_requests();
    let reference = contents(&reference_archive).await;
    reference_archive.close().await;
    assert_matches_api(&zoom, &reference, false);

    let mut rng = fastrand::Rng::with_seed(seed);
    let mut kills = 0;
    for point in 0..20 {
        let target = make().await;
        // One or two kills at seeded points, each followed by a restart.
        let cuts = 1 + usize::from(point % 3 == 0);
        for _ in 0..cuts {
            let archive = target.open().await;
            let at = rng.u64(1..total);
            if !sync_cut_after(&archive, &zoom, &client, &options, at).await {
                kills += 1;
            }
            let partial = contents(&archive).await;
            assert_complete_up_to_checkpoint(&zoom, &partial);
            archive.close().await;
        }
        let archive = target.open().await;
        archive.sync(&client, &options).await.unwrap();
        assert_eq!(
            contents(&archive).await,
            reference,
            "{}: point {point} differs from the uninterrupted run",
            target.name()
        );
        archive.close().await;
    }
    assert!(kills >= 20, "only {kills} runs were cut");
    println!("{kills} interrupted runs, {total} requests in a whole backfill");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_backfills_into_sqlite_end_like_an_uninterrupted_one() {
    interrupted_backfills_end_like_an_uninterrupted_one(async || Target::sqlite(), 12).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interrupted_backfills_into_postgres_end_like_an_uninterrupted_one() {
    interrupted_backfills_end_like_an_uninterrupted_one(Target::postgres, 13).await;
}

// ---- Concurrent archivers -------------------------------------------------------

async fn concurrent_archivers_agree(target: Target) {
    let zoom = simulator(21, 2, 6).await;
    let client = client(&zoom);
    let options = SyncOptions::default().now(zoom.now()).include_live(true);
    let (a, b) = (target.open().await, target.open().await);
    let (ra, rb) = join(a.sync(&client, &options), b.sync(&client, &options)).await;
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    let got = contents(&a).await;
    assert_matches_api(&zoom, &got, true);
    println!(
        "{}: runs wrote {} and {} sessions",
        target.name(),
        ra.sessions_written,
        rb.sessions_written
    );
    a.close().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_archivers_on_postgres_agree() {
    concurrent_archivers_agree(Target::postgres().await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_archivers_on_sqlite_agree() {
    concurrent_archivers_agree(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_postgres_archiver_waits_and_fetches_nothing_twice() {
    let target = Target::postgres().await;
    let zoom = simulator(22, 2, 0).await;
    let client = client(&zoom);
    let options = SyncOptions::default().now(zoom.now());
    let (a, b) = (target.open().await, target.open().await);
    let (ra, rb) = join(a.sync(&client, &options), b.sync(&client, &options)).await;
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    // The advisory lock serializes the runs: whichever came second found the first's
    // checkpoint and wrote nothing.
    assert_eq!(
        ra.sessions_written + rb.sessions_written,
        zoom.past_sessions().len() as u64
    );
    assert_eq!(ra.sessions_written.min(rb.sessions_written), 0);
    assert_eq!(
        zoom.stats().requests(Operation::ListSessionUsers),
        zoom.past_sessions().len() as u64
    );
}

// ---- Failures -------------------------------------------------------------------

fn one_line(error: &Error) -> String {
    let text = error.to_string();
    assert!(!text.contains('\n'), "not one line: {text}");
    text
}

#[tokio::test]
async fn an_unreachable_postgres_is_a_one_line_error() {
    let error = Archive::open("postgres://postgres:pw@127.0.0.1:1/test")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Unreachable { .. }), "{error:?}");
    let text = one_line(&error);
    assert!(
        text.starts_with(
            "cannot open the archive database postgres://postgres:***@127.0.0.1:1/test"
        ),
        "{text}"
    );
}

#[tokio::test]
async fn a_bad_target_is_a_one_line_error() {
    let error = Archive::open("postgres://127.0.0.1:notaport/x")
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidTarget { .. }), "{error:?}");
    one_line(&error);
    let error = Archive::open("").await.unwrap_err();
    assert!(matches!(error, Error::InvalidTarget { .. }), "{error:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_sqlite_archive_is_a_typed_error_and_stays_as_it_was() {
    let file = common::TempFile::new("db");
    let zoom = simulator(31, 1, 3).await;
    let client = client(&zoom);
    let archive = Archive::open_sqlite(file.sqlite_options()).await.unwrap();
    archive
        .sync(&client, &SyncOptions::default())
        .await
        .unwrap();
    let before = contents(&archive).await;
    archive.close().await;

    zoom.end_session(&zoom.live_sessions()[0].session_id)
        .unwrap();
    let read_only = file.sqlite_options().read_only(true);
    let error = match Archive::open_sqlite(read_only).await {
        Err(e) => e,
        Ok(archive) => archive
            .sync(&client, &SyncOptions::default())
            .await
            .unwrap_err(),
    };
    assert!(matches!(error, Error::ReadOnly { .. }), "{error:?}");
    assert!(one_line(&error).starts_with("the archive database is read-only"));
    let archive = Archive::open_sqlite(file.sqlite_options()).await.unwrap();
    assert_eq!(contents(&archive).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_schema_from_a_newer_version_is_refused_and_left_alone() {
    let file = common::TempFile::new("db");
    let archive = Archive::open_sqlite(file.sqlite_options()).await.unwrap();
    archive.close().await;
    {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect_with(&file.sqlite_options())
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (999, 'from the future', TRUE, X'00', 0)",
        )
        .execute(&mut conn)
        .await
        .unwrap();
        conn.close().await.unwrap();
    }
    let error = Archive::open_sqlite(file.sqlite_options())
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::NewerSchema {
                found: 999,
                known: 1
            }
        ),
        "{error:?}"
    );
    assert!(one_line(&error).contains("upgrade zoom-cobrowse-archive"));
}

async fn a_failing_zoom_leaves_the_last_checkpoint(target: Target) {
    let zoom = Arc::new(simulator(41, 2, 0).await);
    let client = client_with(&zoom, |b| {
        b.no_rate_limits().retry(
            RetryPolicy::standard()
                .max_attempts(2)
                .initial_backoff(Duration::from_millis(1)),
        )
    });
    let archive = target.open().await;
    // Zoom starts failing after 150 requests, in the middle of the backfill.
    let watcher = {
        let zoom = zoom.clone();
        tokio::spawn(async move {
            while zoom.stats().api_requests() < 150 {
                tokio::time::sleep(Duration::from_millis(1)).await;
            }
            zoom.set_faults(
                FaultPlan::new()
                    .with_probability(1.0, Fault::ServerError(ServerStatus::BadGateway))
                    .unwrap(),
            );
        })
    };
    let error = archive
        .sync(&client, &SyncOptions::default())
        .await
        .unwrap_err();
    watcher.await.unwrap();
    assert!(matches!(error, Error::Zoom(_)), "{error:?}");
    assert!(one_line(&error).starts_with("Zoom API: "));
    let partial = contents(&archive).await;
    assert!(partial.checkpoint.is_some(), "some windows were committed");
    assert_complete_up_to_checkpoint(&zoom, &partial);

    zoom.clear_faults();
    archive
        .sync(&client, &SyncOptions::default())
        .await
        .unwrap();
    assert_matches_api(&zoom, &contents(&archive).await, false);
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_zoom_leaves_sqlite_at_the_last_checkpoint() {
    a_failing_zoom_leaves_the_last_checkpoint(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_zoom_leaves_postgres_at_the_last_checkpoint() {
    a_failing_zoom_leaves_the_last_checkpoint(Target::postgres().await).await;
}

// ---- Webhooks -------------------------------------------------------------------

fn delivery(body: serde_json::Value) -> zoom_cobrowse::webhook::Delivery {
    use secrecy::SecretString;
    use zoom_cobrowse::test_util::TestSigner;
    use zoom_cobrowse::webhook::Receiver;
    let secret = SecretString::from("archive-test-secret");
    let body = serde_json::to_vec(&body).unwrap();
    let now = std::time::SystemTime::now();
    let timestamp = now.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let headers = TestSigner::new(secret.clone()).headers(timestamp, &body);
    Receiver::new(secret)
        .unwrap()
        .verify_at(&headers, &body, now)
        .expect("a verified delivery")
}

fn event(name: &str, ts: i64, object: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"event": name, "event_ts": ts, "payload": {"account_id": "acc", "object": object}})
}

async fn webhook_rows_are_settled_by_the_next_sync(target: Target) {
    use zoom_cobrowse_archive::Ingested;
    let zoom = simulator(51, 1, 3).await;
    let archive = target.open().await;
    let live = zoom.live_sessions()[0].clone();
    let at = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let started = delivery(event(
        "cobrowse.session_started",
        1,
        serde_json::json!({"session_id": live.session_id, "start_time": at(live.start_time)}),
    ));
    assert_eq!(archive.ingest(&started).await.unwrap(), Ingested::Recorded);
    assert_eq!(archive.ingest(&started).await.unwrap(), Ingested::Duplicate);
    let joined = delivery(event(
        "cobrowse.session_user_joined",
        2,
        serde_json::json!({"session_id": live.session_id, "user_connection_id": "hook-conn",
            "user_id": "u1", "user_name": "Ava Smith", "role_type": "agent",
            "join_time": at(live.start_time)}),
    ));
    assert_eq!(archive.ingest(&joined).await.unwrap(), Ingested::Recorded);
    let ghost = delivery(event(
        "cobrowse.session_started",
        3,
        serde_json::json!({"session_id": "ghost-session", "start_time": at(live.start_time)}),
    ));
    assert_eq!(archive.ingest(&ghost).await.unwrap(), Ingested::Recorded);
    let validation = delivery(serde_json::json!({"event": "endpoint.url_validation",
        "event_ts": 4, "payload": {"plainToken": "abc", "plain_token": "abc"}}));
    assert_eq!(
        archive.ingest(&validation).await.unwrap(),
        Ingested::Ignored
    );

    let got = contents(&archive).await;
    let row = got
        .sessions
        .iter()
        .find(|s| s.session_id == live.session_id)
        .unwrap();
    assert_eq!(
        (row.status.as_str(), row.source.as_str()),
        ("live", "webhook")
    );
    assert!(
        got.connections
            .iter()
            .any(|c| c.user_connection_id == "hook-conn")
    );

    // The session ends; the next sync replaces what the webhooks said with the API's
    // view, and keeps the row Zoom does not know.
    zoom.end_session(&live.session_id).unwrap();
    let report = archive
        .sync(&client(&zoom), &SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(report.unresolved, 1, "{report:?}");
    let got = contents(&archive).await;
    let row = got
        .sessions
        .iter()
        .find(|s| s.session_id == live.session_id)
        .unwrap();
    assert_eq!(row.status, "past");
    assert_ne!(row.source, "webhook");
    let connections: Vec<_> = got
        .connections
        .iter()
        .filter(|c| c.session_id == live.session_id)
        .map(|c| c.user_connection_id.clone())
        .collect();
    let mut api: Vec<_> = zoom
        .session_users(&live.session_id)
        .unwrap()
        .into_iter()
        .map(|u| u.user_connection_id)
        .collect();
    api.sort();
    assert_eq!(connections, api);
    let ghost = got
        .sessions
        .iter()
        .find(|s| s.session_id == "ghost-session")
        .unwrap();
    assert_eq!(
        (ghost.status.as_str(), ghost.source.as_str()),
        ("live", "webhook")
    );
    archive.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_rows_in_sqlite_are_settled_by_the_next_sync() {
    webhook_rows_are_settled_by_the_next_sync(Target::sqlite()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_rows_in_postgres_are_settled_by_the_next_sync() {
    webhook_rows_are_settled_by_the_next_sync(Target::postgres().await).await;
}
