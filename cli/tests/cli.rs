//! The `cobrowse` binary, run for real against the simulator: every subcommand,
//! both output formats, and each error path (non-zero exit, one line on stderr,
//! no credential, never a panic, items received before an error still printed).

use std::collections::HashSet;
use std::process::{Command, Output};
use std::time::Duration;

use secrecy::ExposeSecret;
use serde_json::Value;
use zoom_cobrowse::Operation;
use zoom_cobrowse_mock::{AcceptedCredentials, Fault, FaultPlan, MockZoom};

const BIN: &str = env!("CARGO_BIN_EXE_cobrowse");
const ZOOM_VARS: [&str; 9] = [
    "ZOOM_ACCESS_TOKEN",
    "ZOOM_API_KEY",
    "ZOOM_API_SECRET",
    "ZOOM_ACCOUNT_ID",
    "ZOOM_CLIENT_ID",
    "ZOOM_CLIENT_SECRET",
    "ZOOM_BASE_URL",
    "ZOOM_OAUTH_URL",
    "ZOOM_REDIS_URL",
];

/// Runs the binary with exactly `env` of the ZOOM_* variables.
async fn run(args: &[&str], env: &[(&str, String)]) -> Output {
    let mut command = Command::new(BIN);
    command.args(args);
    for var in ZOOM_VARS {
        command.env_remove(var);
    }
    command.envs(env.iter().map(|(k, v)| (*k, v.as_str())));
    let output = tokio::task::spawn_blocking(move || command.output().expect("the binary runs"))
        .await
        .unwrap();
    assert_ne!(
        output.status.code(),
        Some(101),
        "the binary panicked: {}",
        stderr(&output)
    );
    output
}

/// The environment that points the binary at `zoom` with its bearer token.
fn env_for(zoom: &MockZoom) -> Vec<(&'static str, String)> {
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_string();
    vec![
        ("ZOOM_ACCESS_TOKEN", token),
        ("ZOOM_BASE_URL", zoom.base_url()),
    ]
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is one JSON object"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ids(values: &[Value], field: &str) -> Vec<String> {
    values
        .iter()
        .map(|v| v[field].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn live_lists_every_live_session_as_json_lines() {
    let zoom = MockZoom::builder()
        .seed(3)
        .live_sessions(75)
        .start()
        .await
        .unwrap();
    let output = run(&["live", "--page-size", "30"], &env_for(&zoom)).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = lines(&output);
    let expected: Vec<_> = zoom
        .live_sessions()
        .iter()
        .map(|s| s.session_id.clone())
        .collect();
    assert_eq!(
        ids(&printed, "session_id"),
        expected,
        "three pages, in order"
    );
    assert!(
        printed[0]["users"][0]["role_type"].is_string(),
        "Zoom's field names"
    );
    assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 3);
}

#[tokio::test]
async fn past_spans_more_than_a_month() {
    let zoom = MockZoom::builder()
        .seed(4)
        .past_sessions_per_day(3)
        .start()
        .await
        .unwrap();
    let output = run(
        &["past", "--last", "50", "--time-type", "start_time"],
        &env_for(&zoom),
    )
    .await;
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = ids(&lines(&output), "session_id");
    let since = (zoom.now() - chrono::TimeDelta::days(49)).date_naive();
    let expected: HashSet<_> = zoom
        .past_sessions()
        .into_iter()
        .filter(|s| s.start_time.date_naive() >= since)
        .map(|s| s.session_id)
        .collect();
    assert_eq!(
        printed.len(),
        expected.len(),
        "no session twice, none missed"
    );
    assert_eq!(printed.iter().cloned().collect::<HashSet<_>>(), expected);
    assert!(
        zoom.stats().requests(Operation::ListPastSessions) >= 2,
        "split into month windows"
    );
}

#[tokio::test]
async fn past_filters_by_session_id_and_explicit_dates() {
    let zoom = MockZoom::builder()
        .seed(5)
        .past_sessions_per_day(2)
        .start()
        .await
        .unwrap();
    let target = zoom.past_sessions().into_iter().last().unwrap();
    let day = target.start_time.date_naive().to_string();
    let args = [
        "past",
        "--from",
        &day,
        "--to",
        &day,
        "--session-id",
        &target.session_id,
    ];
    let output = run(&args, &env_for(&zoom)).await;
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(ids(&lines(&output), "session_id"), vec![target.session_id]);
}

#[tokio::test]
async fn session_says_whether_it_is_live_or_past() {
    let zoom = MockZoom::builder().seed(6).start().await.unwrap();
    let live = zoom.live_sessions()[0].session_id.clone();
    let past = zoom.past_sessions()[0].session_id.clone();
    for (id, state) in [(live, "live"), (past, "past")] {
        let output = run(&["session", &id], &env_for(&zoom)).await;
        assert!(output.status.success(), "{}", stderr(&output));
        let printed = lines(&output);
        assert_eq!(printed.len(), 1);
        assert_eq!(printed[0]["state"], state);
        assert_eq!(printed[0]["session_id"], id.as_str());
        assert_eq!(printed[0].get("end_time").is_some(), state == "past");
    }
}

#[tokio::test]
async fn users_prints_one_line_per_connection() {
    let zoom = MockZoom::builder().seed(7).start().await.unwrap();
    let session = zoom.past_sessions()[0].session_id.clone();
    let output = run(&["users", &session, "--page-size", "30"], &env_for(&zoom)).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = zoom.session_users(&session).unwrap();
    let printed = lines(&output);
    assert_eq!(ids(&printed, "user_connection_id").len(), expected.len());
    assert_eq!(
        printed[0]["user_connection_id"],
        expected[0].user_connection_id.as_str()
    );
}

#[tokio::test]
async fn table_format_is_for_people() {
    let zoom = MockZoom::builder()
        .seed(8)
        .live_sessions(3)
        .start()
        .await
        .unwrap();
    let output = run(&["--format", "table", "live"], &env_for(&zoom)).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<_> = text.lines().collect();
    assert!(
        rows[0].starts_with("SESSION") && rows[0].contains("START"),
        "{text}"
    );
    assert_eq!(rows.len(), 4, "a header and three rows: {text}");
    assert!(rows[1].starts_with(zoom.live_sessions()[0].session_id.as_str()));
}

#[tokio::test]
async fn mock_needs_no_credentials_or_network() {
    let output = run(&["--mock", "past", "--last", "2"], &[]).await;
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!lines(&output).is_empty());
}

#[tokio::test]
async fn a_missing_session_is_one_line_with_status_code_and_message() {
    let zoom = MockZoom::builder().seed(9).start().await.unwrap();
    let output = run(&["session", "no-such-session"], &env_for(&zoom)).await;
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    for part in [
        "HTTP 404",
        "30300",
        "Session does not exist: no-such-session",
    ] {
        assert!(err.contains(part), "{part} missing: {err}");
    }
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn items_received_before_an_error_are_printed() {
    // Page tokens expire at once: the second page fails with 30101.
    let zoom = MockZoom::builder()
        .seed(10)
        .live_sessions(45)
        .page_token_ttl(Duration::ZERO)
        .start()
        .await
        .unwrap();
    let output = run(&["live", "--page-size", "30"], &env_for(&zoom)).await;
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(lines(&output).len(), 30, "the first page is printed");
    let err = stderr(&output);
    assert!(err.contains("HTTP 400") && err.contains("30101"), "{err}");
}

#[tokio::test]
async fn rejected_credentials_never_appear_in_the_output() {
    let zoom = MockZoom::builder()
        .credentials(AcceptedCredentials::none())
        .start()
        .await
        .unwrap();
    let secret = "super-secret-token-5b7c".to_string();
    let env = vec![
        ("ZOOM_ACCESS_TOKEN", secret.clone()),
        ("ZOOM_BASE_URL", zoom.base_url()),
    ];
    let output = run(&["live"], &env).await;
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("HTTP 401"), "{err}");
    assert!(!err.contains(&secret) && !String::from_utf8_lossy(&output.stdout).contains(&secret));
}

#[tokio::test]
async fn configuration_errors_name_the_variable() {
    let output = run(&["live"], &[]).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no credentials: set ZOOM_ACCESS_TOKEN"));
    let output = run(&["live"], &[("ZOOM_API_KEY", "k".into())]).await;
    assert!(stderr(&output).contains("ZOOM_API_SECRET is missing"));
}

#[tokio::test]
async fn bad_arguments_exit_with_usage_errors() {
    for args in [
        &["past", "--from", "2026-01-01"][..],
        &["past", "--from", "yesterday", "--to", "2026-01-01"],
        &["past", "--time-type", "middle"],
        &["frobnicate"],
    ] {
        let output = run(args, &[]).await;
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let output = run(&["--mock", "live", "--page-size", "5"], &[]).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("page_size must be 30..=300, got 5"));
}

#[tokio::test]
async fn an_unreachable_api_is_one_line_not_a_panic() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let env = vec![
        ("ZOOM_ACCESS_TOKEN", "t".to_string()),
        ("ZOOM_BASE_URL", url),
    ];
    let output = run(&["session", "s1"], &env).await;
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("get_session"), "{err}");
}

/// Redis for the --redis tests: 127.0.0.1:6379 unless REDIS_URL says otherwise.
fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_owned())
}

#[tokio::test]
async fn with_redis_two_runs_share_one_token() {
    let zoom = MockZoom::builder()
        // The fetch takes a while, so the two runs surely overlap.
        .faults(
            zoom_cobrowse_mock::FaultPlan::new()
                .latency(Duration::from_millis(500))
                .scope(zoom_cobrowse_mock::FaultScope::TokenEndpoint),
        )
        .start()
        .await
        .unwrap();
    let app = zoom.credentials().oauth.clone().unwrap();
    let env = vec![
        ("ZOOM_ACCOUNT_ID", app.account_id.clone()),
        ("ZOOM_CLIENT_ID", app.client_id.clone()),
        (
            "ZOOM_CLIENT_SECRET",
            app.client_secret.expose_secret().to_owned(),
        ),
        ("ZOOM_BASE_URL", zoom.base_url()),
        ("ZOOM_OAUTH_URL", zoom.oauth_url()),
        ("ZOOM_REDIS_URL", redis_url()),
    ];
    let prefix = format!("zc-test:cli:{:016x}", fastrand::u64(..));
    let session = zoom.live_sessions()[0].session_id.clone();
    let args = [
        "--redis-prefix",
        prefix.as_str(),
        "session",
        session.as_str(),
    ];
    let (one, other) = tokio::join!(run(&args, &env), run(&args, &env));

    let keys = || -> redis::RedisResult<Vec<String>> {
        let mut connection = redis::Client::open(redis_url())?.get_connection()?;
        let keys: Vec<String> = redis::cmd("KEYS")
            .arg(format!("{prefix}:*"))
            .query(&mut connection)?;
        if !keys.is_empty() {
            redis::cmd("DEL").arg(&keys).query::<()>(&mut connection)?;
        }
        Ok(keys)
    };
    let stored = keys().unwrap_or_else(|e| {
        panic!("Redis is not reachable ({e}): start it with `redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no`")
    });
    for output in [&one, &other] {
        assert!(output.status.success(), "{}", stderr(output));
        assert_eq!(lines(output)[0]["session_id"], session.as_str());
    }
    assert_eq!(
        zoom.stats().token_requests,
        1,
        "one run fetched, the other read"
    );
    assert!(stored.iter().any(|k| k.contains(":token:")), "{stored:?}");
}

#[tokio::test]
async fn an_unreachable_redis_is_one_line_not_a_panic() {
    let zoom = MockZoom::start().await.unwrap();
    let mut env = env_for(&zoom);
    env.push(("ZOOM_REDIS_URL", "redis://127.0.0.1:1/".to_owned()));
    let output = run(&["live"], &env).await;
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("cobrowse: --redis: cannot connect"),
        "{message}"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
}

/// Whether `text` holds a character a terminal would act on: C0/C1 controls
/// (escape sequences start with one) or bidirectional overrides. Line ends are
/// the output's own.
fn has_terminal_controls(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[tokio::test]
async fn table_cells_and_error_lines_carry_no_terminal_controls() {
    let zoom = MockZoom::builder().seed(12).start().await.unwrap();
    // Control characters in every string a row shows, escaped in the JSON body.
    let evil = "\\u001b]0;pwned\\u0007\\u001b[2J\\u202eevil\\u009b31m";
    let page = format!(
        r#"{{"page_size":30,"next_page_token":"","sessions":[{{"session_id":"s{evil}","start_time":"2025-02-14T19:09:01Z","session_pin":"{evil}","users":[]}}]}}"#
    );
    let canned = || Fault::Answer {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body: page.clone(),
    };
    zoom.set_faults(FaultPlan::new().next(1, canned()));
    let table = run(&["--format", "table", "live"], &env_for(&zoom)).await;
    assert!(table.status.success(), "{}", stderr(&table));
    let text = String::from_utf8(table.stdout.clone()).unwrap();
    assert!(
        text.contains("sevil") || text.contains("s]0;pwned"),
        "{text:?}"
    );
    assert!(!has_terminal_controls(&text), "{text:?}");

    // JSON Lines stay exact: the same characters, escaped as JSON escapes them.
    zoom.set_faults(FaultPlan::new().next(1, canned()));
    let jsonl = run(&["live"], &env_for(&zoom)).await;
    assert!(jsonl.status.success(), "{}", stderr(&jsonl));
    let sessions = lines(&jsonl);
    assert_eq!(
        sessions[0]["session_pin"],
        "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}evil\u{9b}31m"
    );

    let message = format!(r#"{{"code":300,"message":"bad {evil} request"}}"#);
    zoom.set_faults(FaultPlan::new().next(
        1,
        Fault::Answer {
            status: 400,
            headers: vec![("content-type".into(), "application/json".into())],
            body: message,
        },
    ));
    let failed = run(&["session", "s1"], &env_for(&zoom)).await;
    assert_eq!(failed.status.code(), Some(1));
    let err = stderr(&failed);
    assert!(err.contains("HTTP 400") && err.contains("bad"), "{err:?}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!has_terminal_controls(&err), "{err:?}");
}

#[tokio::test]
async fn a_last_that_names_no_range_is_refused_not_replaced_by_the_default() {
    let zoom = MockZoom::builder().seed(13).start().await.unwrap();
    for days in ["0", "4294967295"] {
        let output = run(&["past", "--last", days], &env_for(&zoom)).await;
        assert_eq!(
            output.status.code(),
            Some(2),
            "--last {days}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains("--last"), "{}", stderr(&output));
    }
    assert_eq!(zoom.stats().api_requests(), 0, "nothing was listed");
    // A range that can be named still works.
    let output = run(&["past", "--last", "90"], &env_for(&zoom)).await;
    assert!(output.status.success(), "{}", stderr(&output));
}

#[tokio::test]
async fn credentials_a_server_echoes_never_reach_the_terminal() {
    let zoom = MockZoom::builder().seed(14).start().await.unwrap();
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_string();
    for html in [false, true] {
        zoom.set_faults(FaultPlan::new().next(1, Fault::EchoAuthorization { html }));
        let output = run(&["session", "s1"], &env_for(&zoom)).await;
        assert_eq!(output.status.code(), Some(1));
        let err = stderr(&output);
        assert!(err.contains("HTTP 400"), "{err}");
        assert!(
            err.contains("[REDACTED]"),
            "the echo was not shown redacted: {err}"
        );
        assert!(!err.contains(&token), "the token was shown: {err}");
        assert!(!String::from_utf8_lossy(&output.stdout).contains(&token));
    }
}
