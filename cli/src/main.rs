//! `cobrowse`: list Zoom Cobrowse sessions from the command line.

mod args;
mod output;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use futures_util::TryStreamExt;
use secrecy::ExposeSecret;
use zoom_cobrowse::fleet::{Fleet, OnUnavailable, RedisStore, StoreError};
use zoom_cobrowse::types::SessionDetail;
use zoom_cobrowse::{Client, ClientBuilder, Credentials, Page, PageStream};
use zoom_cobrowse_mock::MockZoom;

use args::{Cli, Command};
use output::{Columns, Output};

const LIVE: Columns = &[
    ("SESSION", "session_id", 24),
    ("START", "start_time", 20),
    ("PIN", "session_pin", 8),
    ("USERS", "users", 5),
];
const PAST: Columns = &[
    ("SESSION", "session_id", 24),
    ("START", "start_time", 20),
    ("END", "end_time", 20),
    ("DURATION", "duration", 10),
    ("USERS", "user_count", 5),
];
const USERS: Columns = &[
    ("CONNECTION", "user_connection_id", 24),
    ("USER", "user_id", 24),
    ("NAME", "user_name", 20),
    ("ROLE", "role_type", 8),
    ("JOINED", "join_time", 20),
    ("LEFT", "leave_time", 20),
    ("DURATION", "duration", 10),
    ("DC", "data_center", 4),
];
const SESSION: Columns = &[
    ("SESSION", "session_id", 24),
    ("STATE", "state", 5),
    ("START", "start_time", 20),
    ("END", "end_time", 20),
    ("DURATION", "duration", 10),
    ("PIN", "session_pin", 8),
    ("USERS", "user_count", 5),
];

/// Why the command failed: the API's error, Redis (with --redis), or standard
/// output going away.
enum Failure {
    Api(zoom_cobrowse::Error),
    Fleet(StoreError),
    Output(io::Error),
}

impl From<zoom_cobrowse::Error> for Failure {
    fn from(e: zoom_cobrowse::Error) -> Self {
        Self::Api(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::Output(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("cobrowse: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`| head`) is not an error.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("cobrowse: cannot write the output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Api(e)) => {
            eprintln!("cobrowse: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Fleet(e)) => {
            eprintln!("cobrowse: --redis: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Failure> {
    // Kept alive until the command ends: the simulator stops when dropped.
    let simulator;
    let mut builder = if cli.mock {
        simulator = MockZoom::builder()
            .seed(cli.mock_seed)
            .start()
            .await
            .map_err(|e| io::Error::other(format!("the simulator did not start: {e}")))?;
        let token = simulator.credentials().bearer_tokens[0]
            .expose_secret()
            .to_owned();
        Client::builder(Credentials::bearer(token)).base_url(simulator.base_url())
    } else {
        ClientBuilder::from_env()?
    };
    if let Some(url) = &cli.redis {
        let store = RedisStore::builder(url.as_str())
            .prefix(cli.redis_prefix.as_str())
            .connect()
            .await
            .map_err(Failure::Fleet)?;
        let mode = if cli.redis_fail_open {
            OnUnavailable::Local
        } else {
            OnUnavailable::Wait
        };
        builder = builder.fleet(Fleet::new(store).on_unavailable(mode));
    }
    let client = builder.build()?;
    match cli.command {
        Command::Live { pin, page } => {
            let mut request = client.live_sessions().page_size(page.page_size);
            if let Some(pin) = pin {
                request = request.session_pin(pin);
            }
            stream(request.pages(), Output::new(cli.format, LIVE)).await
        }
        Command::Past(past) => {
            let mut request = client.past_sessions().page_size(past.page.page_size);
            if let Some((from, to)) = past.range(chrono::Utc::now().date_naive()) {
                request = request.range(from, to);
            }
            if let Some(time_type) = past.time_type {
                request = request.time_type(time_type);
            }
            if let Some(id) = past.session_id {
                request = request.session_id(id);
            }
            if let Some(pin) = past.pin {
                request = request.session_pin(pin);
            }
            stream(request.pages(), Output::new(cli.format, PAST)).await
        }
        Command::Users { id, page } => {
            let request = client.session_users(id).page_size(page.page_size);
            stream(request.pages(), Output::new(cli.format, USERS)).await
        }
        Command::Session { id } => {
            let detail = client.get_session(&id).await?;
            let state = match &detail {
                SessionDetail::PastSessionDetail(_) => "past",
                SessionDetail::LiveSessionDetail(_) => "live",
            };
            let mut value = serde_json::to_value(&detail).map_err(io::Error::other)?;
            value["state"] = state.into();
            let mut out = Output::new(cli.format, SESSION);
            out.value(&value)?;
            Ok(out.finish()?)
        }
    }
}

/// Prints every item as its page arrives; on an error, what was received is
/// already printed.
async fn stream<P: Page>(mut pages: PageStream<P>, mut out: Output) -> Result<(), Failure>
where
    P::Item: serde::Serialize,
{
    let result = async {
        while let Some(page) = pages.try_next().await? {
            for item in page.into_items() {
                out.item(&item)?;
            }
            out.page_done()?;
        }
        Ok(())
    }
    .await;
    out.finish()?;
    result
}
