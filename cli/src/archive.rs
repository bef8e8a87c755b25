//! `cobrowse archive` and `cobrowse stats`: the archive crate does the work; this
//! formats its progress, report and statistics.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use zoom_cobrowse::Client;
use zoom_cobrowse_archive::{Archive, Bucket, Stats, StatsQuery, SyncOptions};

use crate::Failure;
use crate::args::{ArchiveArgs, Format, Per, StatsArgs};

/// Brings the archive in step with Zoom; a summary line on stderr, and with
/// `--format json` (or jsonl) the run's report on stdout.
pub async fn archive(
    client: &Client,
    args: ArchiveArgs,
    format: Option<Format>,
) -> Result<(), Failure> {
    let archive = Archive::open(&args.db.db).await?;
    let mut options = SyncOptions::default()
        .include_live(args.include_live)
        .overlap(Duration::from_secs(args.overlap_hours.saturating_mul(3600)));
    let terminal = io::stderr().is_terminal();
    if terminal {
        // A counter line that rewrites itself; nothing when stderr is a log file.
        options = options.on_progress(|p| {
            eprint!(
                "\rwindow {}/{}: {} sessions, {} connections…",
                p.windows_done, p.windows_total, p.sessions, p.connections
            );
        });
    }
    let result = archive.sync(client, &options).await;
    if terminal {
        eprint!("\r\x1b[2K");
    }
    archive.close().await;
    let report = result?;
    eprintln!(
        "cobrowse: archived {} new sessions and {} connections ({} listed in {} windows{}{}); checkpoint {}",
        report.sessions_written,
        report.connections_written,
        report.sessions_listed,
        report.windows,
        if args.include_live {
            format!(", {} live", report.live_sessions)
        } else {
            String::new()
        },
        if report.reconciled + report.unresolved > 0 {
            format!(
                ", {} settled, {} unknown to Zoom",
                report.reconciled, report.unresolved
            )
        } else {
            String::new()
        },
        report
            .checkpoint
            .map_or_else(|| "none".to_string(), |c| c.to_rfc3339())
    );
    if matches!(format, Some(Format::Json | Format::Jsonl)) {
        writeln!(io::stdout().lock(), "{}", json(&report)?)?;
    }
    Ok(())
}

/// Prints the archive's statistics of a range: a table, or one JSON document.
pub async fn stats(args: StatsArgs, format: Option<Format>) -> Result<(), Failure> {
    let (from, to) = args.range(chrono::Utc::now().date_naive());
    let archive = Archive::open(&args.db.db).await?;
    let bucket = match args.per {
        Per::Day => Bucket::Day,
        Per::Week => Bucket::Week,
    };
    let result = archive.stats(&StatsQuery { from, to, bucket }).await;
    archive.close().await;
    let stats = result?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format.unwrap_or(Format::Table) {
        Format::Json | Format::Jsonl => {
            writeln!(out, "{}", json(&stats)?)?;
        }
        Format::Table => table(&mut out, &stats)?,
    }
    out.flush()?;
    Ok(())
}

fn table(out: &mut impl Write, stats: &Stats) -> io::Result<()> {
    let period = match stats.bucket {
        Bucket::Day => "DAY",
        Bucket::Week => "WEEK OF",
    };
    writeln!(
        out,
        "{period:<10}  {:>8}  {:>9}  {:>9}",
        "SESSIONS", "MEDIAN", "P90"
    )?;
    for p in &stats.periods {
        writeln!(
            out,
            "{:<10}  {:>8}  {:>9}  {:>9}",
            p.start.to_string(),
            p.summary.sessions,
            hms(p.summary.median_seconds),
            hms(p.summary.p90_seconds)
        )?;
    }
    writeln!(
        out,
        "{:<10}  {:>8}  {:>9}  {:>9}",
        "TOTAL",
        stats.total.sessions,
        hms(stats.total.median_seconds),
        hms(stats.total.p90_seconds)
    )?;
    writeln!(out)?;
    writeln!(out, "{:<24}  {:<24}  {:>8}", "AGENT", "NAME", "SESSIONS")?;
    for a in &stats.agents {
        let name: String = a.user_name.chars().take(24).collect();
        writeln!(out, "{:<24}  {name:<24}  {:>8}", a.user_id, a.sessions)?;
    }
    Ok(())
}

/// Encodes first, so a closed pipe surfaces as the write's own `BrokenPipe` (which
/// the caller treats as success), not as a JSON error.
fn json(value: &impl serde::Serialize) -> io::Result<String> {
    serde_json::to_string(value).map_err(io::Error::other)
}

/// Seconds as Zoom's `hh:mm:ss`; `-` for none.
fn hms(seconds: Option<i64>) -> String {
    seconds.map_or_else(
        || "-".to_string(),
        |s| format!("{:02}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60),
    )
}
