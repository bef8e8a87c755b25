//! Six months of past Cobrowse sessions, with Server-to-Server OAuth credentials
//! from the environment, counted per month and printed as JSON Lines.
//!
//! ```text
//! ZOOM_ACCOUNT_ID=... ZOOM_CLIENT_ID=... ZOOM_CLIENT_SECRET=... \
//!     cargo run --example past_sessions > sessions.jsonl
//! ```
//!
//! `ZOOM_BASE_URL` and `ZOOM_OAUTH_URL` point it at another server, e.g. the
//! simulator of `zoom-cobrowse-mock` (its test below does exactly that). The client
//! splits the range into month windows (Zoom answers one month per call), fetches
//! them concurrently within the RESOURCE-INTENSIVE rate limit, and retries what is
//! safe to retry.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use chrono::{Datelike, Months, Utc};
use futures_util::TryStreamExt;
use zoom_cobrowse::{Client, ClientBuilder};

#[tokio::main]
async fn main() -> ExitCode {
    let client = match ClientBuilder::from_env().and_then(ClientBuilder::build) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    match export_six_months(&client, &mut stdout.lock()).await {
        Ok(per_month) => {
            for (month, sessions) in per_month {
                eprintln!("{month}: {sessions} sessions");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes every past session of the last six months to `out`, one JSON object a
/// line, and returns how many started in each month (`yyyy-mm`).
async fn export_six_months(
    client: &Client,
    out: &mut impl Write,
) -> Result<BTreeMap<String, usize>, Box<dyn std::error::Error>> {
    let today = Utc::now().date_naive();
    // Zoom keeps six months: the oldest day it still answers for.
    let from = today
        .checked_sub_months(Months::new(6))
        .ok_or("no date six months ago")?;
    let mut per_month = BTreeMap::new();
    let mut sessions = client.past_sessions().range(from, today).items();
    while let Some(session) = sessions.try_next().await? {
        let start = session.start_time;
        let month = format!("{}-{:02}", start.year(), start.month());
        *per_month.entry(month).or_default() += 1;
        serde_json::to_writer(&mut *out, &session)?;
        out.write_all(b"\n")?;
    }
    Ok(per_month)
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;
    use zoom_cobrowse_mock::MockZoom;

    use super::*;

    #[tokio::test]
    async fn exports_what_the_api_lists_with_s2s_credentials_from_the_environment() {
        let zoom = MockZoom::builder()
            .seed(11)
            .past_sessions_per_day(2)
            .start()
            .await
            .unwrap();
        let app = zoom.credentials().oauth.clone().expect("an OAuth app");
        let (base, oauth) = (zoom.base_url(), zoom.oauth_url());
        let secret = app.client_secret.expose_secret().to_owned();
        // The variables main() reads, without touching the process environment.
        let vars = move |name: &str| match name {
            "ZOOM_ACCOUNT_ID" => Some(app.account_id.clone()),
            "ZOOM_CLIENT_ID" => Some(app.client_id.clone()),
            "ZOOM_CLIENT_SECRET" => Some(secret.clone()),
            "ZOOM_BASE_URL" => Some(base.clone()),
            "ZOOM_OAUTH_URL" => Some(oauth.clone()),
            _ => None,
        };
        let client = ClientBuilder::from_vars(vars).unwrap().build().unwrap();

        let mut lines = Vec::new();
        let per_month = export_six_months(&client, &mut lines).await.unwrap();

        let exported: Vec<serde_json::Value> = String::from_utf8(lines)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let today = Utc::now().date_naive();
        let from = today.checked_sub_months(Months::new(6)).unwrap();
        let expected: Vec<_> = zoom
            .past_sessions()
            .into_iter()
            .filter(|s| (from..=today).contains(&s.start_time.date_naive()))
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(exported.len(), expected.len());
        assert_eq!(per_month.values().sum::<usize>(), expected.len());
        let ids = |v: &[serde_json::Value]| {
            let mut ids: Vec<String> = v.iter().map(|s| s["session_id"].to_string()).collect();
            ids.sort();
            ids
        };
        let expected: Vec<_> = expected
            .iter()
            .map(|s| serde_json::to_value(s).unwrap())
            .collect();
        assert_eq!(ids(&exported), ids(&expected));
        assert_eq!(zoom.stats().tokens_issued, 1, "one token for every window");
    }
}
