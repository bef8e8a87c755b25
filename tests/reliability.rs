//! The client against the simulator when the network and the server misbehave:
//! each fault with the outcome the SDK promises, a thousand requests with one in
//! ten faulty and nothing lost or duplicated, concurrent streams on one client,
//! the rate limiter against Zoom-style limits, and credentials renewed on 401.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use futures_util::future::try_join_all;
use secrecy::ExposeSecret;
use zoom_cobrowse::{
    Client, Credentials, ErrorKind, Operation, RateLimitLabel, RateLimits, RetryPolicy,
};
use zoom_cobrowse_mock::{Fault, FaultPlan, MockZoom, ServerStatus};

fn retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::standard()
        .max_attempts(attempts)
        .initial_backoff(Duration::from_millis(2))
        .max_backoff(Duration::from_millis(10))
}

/// A bearer-token client of `zoom`, without a client-side limiter.
fn client(zoom: &MockZoom, retry: RetryPolicy) -> Client {
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    Client::builder(Credentials::bearer(token))
        .base_url(zoom.base_url())
        .retry(retry)
        .no_rate_limits()
        .build()
        .unwrap()
}

async fn live_ids(client: &Client) -> Result<Vec<String>, zoom_cobrowse::Error> {
    client
        .live_sessions()
        .page_size(30)
        .items()
        .map_ok(|s| s.session_id)
        .try_collect()
        .await
}

fn truth(zoom: &MockZoom) -> Vec<String> {
    zoom.live_sessions()
        .into_iter()
        .map(|s| s.session_id)
        .collect()
}

#[tokio::test]
async fn transient_faults_are_retried_to_the_right_answer() {
    let faults = [
        Fault::ServerError(ServerStatus::ServiceUnavailable),
        Fault::ProxyErrorPage(ServerStatus::BadGateway),
        Fault::DropConnection,
        Fault::TruncatedBody,
        Fault::TooManyRequests {
            retry_after: Duration::ZERO,
        },
    ];
    for fault in faults {
        let zoom = MockZoom::builder()
            .seed(1)
            .live_sessions(70)
            .start()
            .await
            .unwrap();
        zoom.set_faults(FaultPlan::new().next(2, fault.clone()));
        let ids = live_ids(&client(&zoom, retries(4))).await;
        assert_eq!(ids.as_ref().ok(), Some(&truth(&zoom)), "{fault:?}: {ids:?}");
        let stats = zoom.stats();
        assert_eq!(stats.faults_injected, 2, "{fault:?}");
        assert_eq!(
            stats.requests(Operation::ListLiveSessions),
            3 + 2,
            "{fault:?}: three pages, two retries"
        );
    }
}

/// The raw generated client makes one attempt per call: the wrapper's methods,
/// which cover every operation, are where retries live. A successful raw answer
/// keeps its headers (the wrapper drops them, unread, for speed).
#[tokio::test]
async fn raw_calls_make_one_attempt_and_keep_their_headers() {
    let zoom = MockZoom::builder().seed(2).start().await.unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let client = client(&zoom, retries(4));
    let raw_get_session = || {
        client
            .raw()
            .get_session()
            .session_id(session.as_str())
            .send()
    };

    zoom.set_faults(FaultPlan::new().next(1, Fault::ServerError(ServerStatus::ServiceUnavailable)));
    let error = raw_get_session().await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(zoom.stats().requests(Operation::GetSession), 1);

    let answer = raw_get_session().await.unwrap();
    assert!(answer.headers().contains_key("content-type"));

    // The same fault through the wrapper is retried and ends well.
    zoom.set_faults(FaultPlan::new().next(1, Fault::ServerError(ServerStatus::ServiceUnavailable)));
    zoom.reset_stats();
    client.get_session(&session).await.unwrap();
    assert_eq!(zoom.stats().requests(Operation::GetSession), 2);
}

#[tokio::test]
async fn faults_without_retries_are_typed_errors() {
    let cases = [
        (
            Fault::ServerError(ServerStatus::InternalServerError),
            ErrorKind::Api,
            Some(500),
        ),
        (
            Fault::ProxyErrorPage(ServerStatus::GatewayTimeout),
            ErrorKind::Api,
            Some(504),
        ),
        (Fault::DropConnection, ErrorKind::Transport, None),
        // The answer's head arrived, its body did not: the status is known.
        (Fault::TruncatedBody, ErrorKind::Transport, Some(200)),
        (Fault::MalformedJson, ErrorKind::Decode, Some(200)),
        (
            Fault::TooManyRequests {
                retry_after: Duration::from_secs(9),
            },
            ErrorKind::Api,
            Some(429),
        ),
    ];
    for (fault, kind, status) in cases {
        let zoom = MockZoom::builder().seed(2).start().await.unwrap();
        zoom.set_faults(FaultPlan::new().next(1, fault.clone()));
        let session = zoom.live_sessions()[0].session_id.clone();
        let error = client(&zoom, RetryPolicy::disabled())
            .get_session(&session)
            .await
            .unwrap_err();
        assert_eq!(error.kind(), kind, "{fault:?}: {error}");
        assert_eq!(error.status().map(|s| s.as_u16()), status, "{fault:?}");
        assert_eq!(error.operation(), Some("get_session"));
        if let Fault::ProxyErrorPage(_) = fault {
            let body = String::from_utf8_lossy(error.body().unwrap()).to_lowercase();
            assert!(body.contains("<html"), "the proxy's page is kept: {body}");
        }
        if let Fault::TooManyRequests { retry_after } = fault {
            assert!(error.is_rate_limited());
            assert_eq!(error.retry_after(), Some(retry_after));
        }
    }
}

#[tokio::test]
async fn latency_beyond_the_timeout_is_a_transport_error() {
    let zoom = MockZoom::builder().seed(3).start().await.unwrap();
    zoom.set_faults(FaultPlan::new().latency(Duration::from_millis(400)));
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    let client = Client::builder(Credentials::bearer(token))
        .base_url(zoom.base_url())
        .timeout(Duration::from_millis(100))
        .retry(retries(2))
        .build()
        .unwrap();
    let error = client.live_sessions().page(None).await.unwrap_err();
    assert!(error.is_transport(), "{error}");
    assert_eq!(zoom.stats().requests(Operation::ListLiveSessions), 2);
}

#[tokio::test]
async fn a_thousand_requests_with_one_in_ten_faulty_lose_and_duplicate_nothing() {
    let zoom = MockZoom::builder()
        .seed(4)
        .live_sessions(900)
        .start()
        .await
        .unwrap();
    let mut plan = FaultPlan::new();
    for fault in [
        Fault::ServerError(ServerStatus::ServiceUnavailable),
        Fault::ProxyErrorPage(ServerStatus::BadGateway),
        Fault::DropConnection,
        Fault::TruncatedBody,
        Fault::TooManyRequests {
            retry_after: Duration::ZERO,
        },
    ] {
        plan = plan.with_probability(0.02, fault).unwrap();
    }
    zoom.set_faults(plan);
    let client = client(&zoom, retries(10));
    let expected = truth(&zoom);
    // Thirty-four listings of thirty pages each, eight at a time, on one client.
    let mut listings = Vec::new();
    for _ in 0..34 {
        listings.push(live_ids(&client));
    }
    let mut results = Vec::new();
    let mut listings = listings.into_iter();
    loop {
        let batch: Vec<_> = listings.by_ref().take(8).collect();
        if batch.is_empty() {
            break;
        }
        results.extend(try_join_all(batch).await.expect("every listing completes"));
    }
    for ids in &results {
        assert_eq!(ids, &expected, "no item lost or duplicated, order kept");
    }
    let stats = zoom.stats();
    let requests = stats.requests(Operation::ListLiveSessions);
    assert!(requests >= 1_000, "{requests} requests");
    assert!(
        stats.faults_injected >= 50,
        "{} faults in {requests} requests",
        stats.faults_injected
    );
    println!(
        "reliability: {requests} requests, {} faults injected, {} listings, items lost: 0, duplicated: 0",
        stats.faults_injected,
        results.len()
    );
}

#[tokio::test]
async fn concurrent_streams_share_one_client() {
    let zoom = MockZoom::builder()
        .seed(5)
        .live_sessions(120)
        .past_sessions_per_day(4)
        .start()
        .await
        .unwrap();
    let client = client(&zoom, retries(3));
    let today = zoom.now().date_naive();
    let from = today - chrono::TimeDelta::days(75);
    let sessions: Vec<_> = zoom
        .past_sessions()
        .into_iter()
        .take(6)
        .map(|s| s.session_id)
        .collect();
    let users = sessions.iter().map(|id| {
        let client = client.clone();
        let id = id.clone();
        async move {
            let rows: Vec<_> = client
                .session_users(&id)
                .page_size(30)
                .items()
                .try_collect()
                .await?;
            Ok::<_, zoom_cobrowse::Error>((id, rows.len()))
        }
    });
    let past = client
        .past_sessions()
        .range(from, today)
        .page_size(30)
        .items()
        .map_ok(|s| s.session_id)
        .try_collect::<Vec<_>>();
    let (live, past, users) = tokio::join!(live_ids(&client), past, try_join_all(users));
    assert_eq!(live.unwrap(), truth(&zoom));
    let past = past.unwrap();
    let expected: HashSet<_> = zoom
        .past_sessions()
        .into_iter()
        .filter(|s| s.start_time.date_naive() >= from)
        .map(|s| s.session_id)
        .collect();
    assert_eq!(
        past.len(),
        expected.len(),
        "no session twice across month windows"
    );
    assert_eq!(past.into_iter().collect::<HashSet<_>>(), expected);
    for (id, count) in users.unwrap() {
        assert_eq!(
            count,
            zoom.session_users(&id).unwrap().len(),
            "users of {id}"
        );
    }
}

/// Forty concurrent calls against a server allowing `server_limit` per second.
async fn fan_out(zoom: &MockZoom, limits: Option<RateLimits>) -> Duration {
    let token = zoom.credentials().bearer_tokens[0]
        .expose_secret()
        .to_owned();
    let mut builder = Client::builder(Credentials::bearer(token))
        .base_url(zoom.base_url())
        .retry(retries(8));
    builder = match limits {
        Some(limits) => builder.rate_limits(limits),
        None => builder.no_rate_limits(),
    };
    let client = builder.build().unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let started = Instant::now();
    let calls = (0..40).map(|_| client.get_session(&session));
    try_join_all(calls).await.expect("every call succeeds");
    started.elapsed()
}

#[tokio::test]
async fn the_limiter_waits_for_budget_instead_of_collecting_429s() {
    let server_limits = RateLimits::custom().per_second(RateLimitLabel::Light, 15);
    let zoom = MockZoom::builder()
        .seed(6)
        .rate_limits(server_limits)
        .start()
        .await
        .unwrap();

    // Without a limiter the fan-out runs into Zoom's limit (and retries its way out).
    fan_out(&zoom, None).await;
    let unlimited_429s = zoom.stats().rate_limited;
    assert!(unlimited_429s > 0, "the server's limit binds");

    // Let the server's window pass, then the same fan-out paced just under the limit.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    zoom.reset_stats();
    let paced = RateLimits::custom().per_second(RateLimitLabel::Light, 13);
    fan_out(&zoom, Some(paced)).await;
    assert_eq!(zoom.stats().rate_limited, 0, "no 429 provoked");
    assert_eq!(
        zoom.stats().requests(Operation::GetSession),
        40,
        "no retries needed"
    );
}

#[tokio::test]
async fn oauth_tokens_are_fetched_once_and_renewed_after_revocation() {
    let zoom = MockZoom::builder().seed(7).start().await.unwrap();
    let app = zoom.credentials().oauth.clone().unwrap();
    let client = Client::builder(Credentials::server_to_server(
        app.account_id.clone(),
        app.client_id.clone(),
        app.client_secret.expose_secret(),
    ))
    .base_url(zoom.base_url())
    .oauth_url(zoom.oauth_url())
    .no_rate_limits()
    .build()
    .unwrap();
    let session = zoom.live_sessions()[0].session_id.clone();
    let calls = (0..50).map(|_| client.get_session(&session));
    try_join_all(calls).await.expect("all fifty succeed");
    assert_eq!(
        zoom.stats().token_requests,
        1,
        "one fetch shared by fifty calls"
    );

    zoom.revoke_access_tokens();
    client
        .get_session(&session)
        .await
        .expect("401, one renewal, success");
    let stats = zoom.stats();
    assert_eq!(stats.token_requests, 2);
    assert_eq!(stats.unauthorized, 1);
}

#[tokio::test]
async fn api_key_jwts_are_accepted() {
    let zoom = MockZoom::builder().seed(8).start().await.unwrap();
    let key = zoom.credentials().api_key.clone().unwrap();
    let client = Client::builder(Credentials::api_key(
        key.key.clone(),
        key.secret.expose_secret(),
    ))
    .base_url(zoom.base_url())
    .build()
    .unwrap();
    let ids = live_ids(&client).await.unwrap();
    assert_eq!(ids, truth(&zoom));
    assert_eq!(zoom.stats().unauthorized, 0);
}
