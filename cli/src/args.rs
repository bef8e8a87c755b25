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

    /// Output format (listings: jsonl by default; stats: table by default).
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,

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
    /// One JSON document (`stats`, `archive`); listings print JSON Lines.
    Json,
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
    /// Copy Cobrowse history into a database, incrementally and exactly once: the
    /// first run backfills six months, later runs fetch what is new. Safe from cron,
    /// on one machine or several.
    Archive(ArchiveArgs),
    /// Sessions per day or week, median and p90 duration, and sessions per agent,
    /// from the archive (no Zoom call).
    Stats(StatsArgs),
}

/// The archive database: a SQLite file path, `sqlite:…` or `postgres://…`.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Where the archive is: a SQLite file (created if missing), or
    /// postgres://user@host/db.
    #[arg(long, default_value = zoom_cobrowse_archive::DEFAULT_DATABASE)]
    pub db: String,
}

/// Options of `archive`.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Also record sessions in progress; the run after one ends makes it past.
    #[arg(long)]
    pub include_live: bool,
    /// How far before the last checkpoint a run lists again, in hours (Zoom may list
    /// a session some time after it ended).
    #[arg(long, value_name = "HOURS", default_value_t = 24)]
    pub overlap_hours: u64,
    /// The account's Zoom plan, whose rate limits the client keeps to.
    #[arg(long, value_enum, default_value_t = ZoomPlan::Pro)]
    pub plan: ZoomPlan,
}

/// A Zoom plan's rate limits, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ZoomPlan {
    /// Free (Basic) accounts.
    Free,
    /// Pro accounts.
    Pro,
    /// Business, Enterprise, Education and Partner accounts.
    BusinessPlus,
    /// No client-side limit (Zoom's 429 answers are still retried).
    Unlimited,
}

/// Options of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// First day, yyyy-mm-dd (UTC); with --to.
    #[arg(long, requires = "to", conflicts_with = "last")]
    pub from: Option<NaiveDate>,
    /// Last day, inclusive; with --from.
    #[arg(long, requires = "from")]
    pub to: Option<NaiveDate>,
    /// The last N days, today included (default 30).
    #[arg(long, value_name = "DAYS")]
    pub last: Option<u32>,
    /// Group sessions per day or per week (weeks start on Monday).
    #[arg(long, value_enum, default_value_t = Per::Day)]
    pub per: Per,
}

/// How `stats` groups sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Per {
    /// Calendar days (UTC).
    Day,
    /// Weeks, Monday to Sunday (UTC).
    Week,
}

impl StatsArgs {
    /// The days asked for.
    pub fn range(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        match (self.from, self.to) {
            (Some(from), Some(to)) => (from, to),
            _ => {
                let days = self.last.unwrap_or(30).max(1);
                let from = today
                    .checked_sub_days(Days::new(u64::from(days - 1)))
                    .unwrap_or(today);
                (from, today)
            }
        }
    }
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
    /// The range asked for; `None` means Zoom's default, the last 24 hours. A
    /// `--last` that names no range (0 days, or a start before the earliest date
    /// there is) is an error, not a silent fall back to that default.
    pub fn range(&self, today: NaiveDate) -> Result<Option<(RangeBound, RangeBound)>, String> {
        if let Some(days) = self.last {
            let from = days
                .checked_sub(1)
                .and_then(|back| today.checked_sub_days(Days::new(u64::from(back))))
                .ok_or_else(|| {
                    format!(
                        "--last {days} names no range: it takes 1 or more days, \
                         reaching back no further than {}",
                        NaiveDate::MIN
                    )
                })?;
            return Ok(Some((RangeBound::Date(from), RangeBound::Date(today))));
        }
        Ok(self.from.zip(self.to))
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
