//! Command-line arguments.

use chrono::{DateTime, Days, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use zoom_cobrowse::RangeBound;
use zoom_cobrowse::types::TimeType;

/// List Zoom Cobrowse sessions and their users.
///
/// Credentials come from ZOOM_ACCESS_TOKEN, or ZOOM_API_KEY and ZOOM_API_SECRET, or
/// ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (with ZOOM_BASE_URL and
/// ZOOM_OAUTH_URL to override the hosts). --mock needs none of them.
///
/// With --redis (or ZOOM_REDIS_URL), every `cobrowse` and every service using
/// the same Redis and prefix shares the account's rate budget and OAuth token.
#[derive(Debug, Parser)]
#[command(name = "cobrowse", version)]
pub struct Cli {
    /// Serve the command from an embedded Zoom simulator: no credentials, no network.
    #[arg(long, global = true)]
    pub mock: bool,

    /// The simulator's data seed (with --mock).
    #[arg(long, global = true, default_value_t = 1, requires = "mock")]
    pub mock_seed: u64,

    /// Share the account's rate budget and OAuth token with every other client
    /// using this Redis (redis://[user:password@]host[:port][/db]).
    #[arg(
        long,
        global = true,
        env = "ZOOM_REDIS_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub redis: Option<String>,

    /// The prefix of the keys in Redis (with --redis).
    #[arg(
        long,
        global = true,
        default_value = "zoom-cobrowse",
        requires = "redis"
    )]
    pub redis_prefix: String,

    /// While Redis is unreachable, go on with this process's own limiter and
    /// token (fail open) instead of waiting for it (fail closed, the default).
    #[arg(long, global = true, requires = "redis")]
    pub redis_fail_open: bool,

    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// What to list.
    #[command(subcommand)]
    pub command: Command,
}

/// How items are written to standard output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line, with Zoom's field names.
    Jsonl,
    /// Aligned columns for people.
    Table,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Live sessions.
    Live {
        /// Only the session with this pin code.
        #[arg(long)]
        pin: Option<String>,
        #[command(flatten)]
        page: PageArgs,
    },
    /// Past sessions over any range (longer than a month is fine).
    Past(PastArgs),
    /// One session's details, with "state": "live" or "past".
    Session {
        /// The session's ID.
        id: String,
    },
    /// A session's users, one line per connection.
    Users {
        /// The session's ID.
        id: String,
        #[command(flatten)]
        page: PageArgs,
    },
}

/// Page size of list calls.
#[derive(Debug, Args)]
pub struct PageArgs {
    /// Records per call, 30..=300.
    #[arg(long, default_value_t = zoom_cobrowse::MAX_PAGE_SIZE)]
    pub page_size: u32,
}

/// Filters of `past`.
#[derive(Debug, Args)]
pub struct PastArgs {
    /// Start of the range: yyyy-mm-dd or yyyy-mm-ddTHH:MM:SSZ (needs --to).
    #[arg(long, value_parser = parse_bound, requires = "to", conflicts_with = "last")]
    pub from: Option<RangeBound>,
    /// End of the range, inclusive (needs --from).
    #[arg(long, value_parser = parse_bound, requires = "from")]
    pub to: Option<RangeBound>,
    /// The last N days, today included, instead of --from/--to.
    #[arg(long, value_name = "DAYS")]
    pub last: Option<u32>,
    /// Which timestamp the range filters on.
    #[arg(long, value_parser = parse_time_type)]
    pub time_type: Option<TimeType>,
    /// Only the session with this ID.
    #[arg(long)]
    pub session_id: Option<String>,
    /// Only sessions with this pin code.
    #[arg(long)]
    pub pin: Option<String>,
    #[command(flatten)]
    pub page: PageArgs,
}

impl PastArgs {
    /// The range asked for; `None` means Zoom's default, the last 24 hours.
    pub fn range(&self, today: NaiveDate) -> Option<(RangeBound, RangeBound)> {
        if let Some(days) = self.last {
            let from = today.checked_sub_days(Days::new(u64::from(days.saturating_sub(1))))?;
            return Some((RangeBound::Date(from), RangeBound::Date(today)));
        }
        self.from.zip(self.to)
    }
}

fn parse_bound(text: &str) -> Result<RangeBound, String> {
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(RangeBound::Date(date));
    }
    DateTime::parse_from_rfc3339(text)
        .map(|t| RangeBound::Time(t.with_timezone(&Utc)))
        .map_err(|_| format!("{text:?} is neither yyyy-mm-dd nor yyyy-mm-ddTHH:MM:SSZ"))
}

fn parse_time_type(text: &str) -> Result<TimeType, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not start_time or end_time"))
}
