//! `cobrowse`: list Zoom Cobrowse sessions from the command line.

mod archive;
mod args;
mod output;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use futures_util::TryStreamExt;
use secrecy::ExposeSecret;
use zoom_cobrowse::fleet::{Fleet, OnUnavailable, RedisStore, StoreError};
use zoom_cobrowse::types::SessionDetail;
use zoom_cobrowse::{Client, ClientBuilder, Credentials, Page, PageStream, RateLimits};
use zoom_cobrowse_mock::MockZoom;

use args::{Cli, Command, Format, ZoomPlan};
use output::{Columns, Output, printable};

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

/// Why the command failed: the API's error, the archive's, Redis (with --redis),
/// standard output going away, or arguments that parse but cannot be carried out.
enum Failure {
    Api(zoom_cobrowse::Error),
    Archive(zoom_cobrowse_archive::Error),
    Fleet(StoreError),
    Output(io::Error),
    Usage(String),
}

impl From<zoom_cobrowse_archive::Error> for Failure {
    fn from(e: zoom_cobrowse_archive::Error) -> Self {
        Self::Archive(e)
    }
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
            eprintln!(
                "cobrowse: cannot write the output: {}",
                printable(&e.to_string())
            );
            ExitCode::FAILURE
        }
        // The server's message may carry escape sequences meant for the terminal.
        Err(Failure::Api(e)) => {
            eprintln!("cobrowse: {}", printable(&e.to_string()));
            ExitCode::FAILURE
        }
        // Clap's usage errors exit with 2; so do these.
        Err(Failure::Usage(message)) => {
            eprintln!("cobrowse: {message}");
            ExitCode::from(2)
        }
        // Printed like the API's errors: control characters stripped.
        Err(Failure::Archive(e)) => {
            eprintln!("cobrowse: {}", printable(&e.to_string()));
            ExitCode::FAILURE
        }
        Err(Failure::Fleet(e)) => {
            eprintln!("cobrowse: --redis: {}", printable(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let format = cli.format.unwrap_or(Format::Jsonl);
    // Statistics read the archive only: no simulator, no credentials.
    let command = match cli.command {
        Command::Stats(args) => return archive::stats(args, cli.format).await,
        command => command,
    };
    // `archive --plan` sets the client's rate limits; the listings keep the
    // client's default (Pro).
    let plan = match &command {
        Command::Archive(args) => args.plan,
        _ => ZoomPlan::Pro,
    };
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
    let client = match plan {
        ZoomPlan::Free => builder.rate_limits(RateLimits::free()),
        ZoomPlan::Pro => builder,
        ZoomPlan::BusinessPlus => builder.rate_limits(RateLimits::business_plus()),
        ZoomPlan::Unlimited => builder.no_rate_limits(),
    }
    .build()?;
    match command {
        Command::Archive(args) => archive::archive(&client, args, cli.format).await,
        Command::Stats(args) => archive::stats(args, cli.format).await,
        Command::Live { pin, page } => {
            let mut request = client.live_sessions().page_size(page.page_size);
            if let Some(pin) = pin {
                request = request.session_pin(pin);
            }
            stream(request.pages(), Output::new(format, LIVE)).await
        }
        Command::Past(past) => {
            let mut request = client.past_sessions().page_size(past.page.page_size);
            let range = past
                .range(chrono::Utc::now().date_naive())
                .map_err(Failure::Usage)?;
            if let Some((from, to)) = range {
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
            stream(request.pages(), Output::new(format, PAST)).await
        }
        Command::Users { id, page } => {
            let request = client.session_users(id).page_size(page.page_size);
            stream(request.pages(), Output::new(format, USERS)).await
        }
        Command::Session { id } => {
            let detail = client.get_session(&id).await?;
            let state = match &detail {
                SessionDetail::PastSessionDetail(_) => "past",
                SessionDetail::LiveSessionDetail(_) => "live",
            };
            let mut value = serde_json::to_value(&detail).map_err(io::Error::other)?;
            value["state"] = state.into();
            let mut out = Output::new(format, SESSION);
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
