//! Recording verified webhook deliveries, and what they say about sessions, until
//! the next sync settles those rows with the API's view.

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use zoom_cobrowse::types::RoleType;
use zoom_cobrowse::webhook::{Delivery, Event};

use crate::db::{Db, Tx, execute};
use crate::error::{Action, Error, Result};
use crate::rows::{
    ConnectionRow, OnConflict, SessionRow, insert_connection, source, upsert_session,
};

/// What [`Archive::ingest`](crate::Archive::ingest) did with a delivery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ingested {
    /// A `cobrowse.*` event, recorded and applied to the session's rows.
    Recorded,
    /// The same delivery was recorded before (Zoom redelivers until it gets a 200).
    Duplicate,
    /// Not a Cobrowse event (URL validation, or another product's): nothing written.
    Ignored,
}

pub(crate) async fn ingest(db: &Db, delivery: &Delivery) -> Result<Ingested> {
    let event = delivery.event();
    let Some(session_id) = event.session_id() else {
        return Ok(Ingested::Ignored);
    };
    if !event.name().starts_with("cobrowse.") {
        return Ok(Ingested::Ignored);
    }
    let raw: serde_json::Value = serde_json::from_str(delivery.raw_json())?;
    let key = event_key(event, delivery, session_id);
    let event_ts = raw.get("event_ts").and_then(serde_json::Value::as_i64);
    let failed = |e| Error::database(Action::IngestingWebhook, e);
    let mut tx = db.begin().await?;
    let inserted = execute!(
        &mut tx,
        "INSERT INTO cobrowse_webhook_events (event_key, event, event_ts, session_id, raw) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_key) DO NOTHING",
        &key,
        event.name(),
        event_ts,
        session_id,
        Json(&raw),
    )
    .map_err(failed)?;
    if inserted == 0 {
        return Ok(Ingested::Duplicate);
    }
    apply(&mut tx, event, session_id, &raw)
        .await
        .map_err(failed)?;
    tx.commit().await?;
    Ok(Ingested::Recorded)
}

/// Zoom sends no delivery ID; the event, its time, the session and the connection
/// (or user) identify one occurrence.
fn event_key(event: &Event, delivery: &Delivery, session_id: &str) -> String {
    let who = match event {
        Event::SessionUserJoined(e) => e
            .payload
            .object
            .user_connection_id
            .clone()
            .or_else(|| e.payload.object.user_id.clone()),
        Event::SessionUserLeft(e) => e
            .payload
            .object
            .user_connection_id
            .clone()
            .or_else(|| e.payload.object.user_id.clone()),
        _ => None,
    };
    let ts = match event {
        Event::SessionStarted(e) => e.event_ts,
        Event::SessionEnded(e) => e.event_ts,
        Event::SessionUserJoined(e) => e.event_ts,
        Event::SessionUserLeft(e) => e.event_ts,
        _ => None,
    }
    .unwrap_or(delivery.timestamp());
    format!(
        "{}|{ts}|{session_id}|{}",
        event.name(),
        who.unwrap_or_default()
    )
}

/// A session row as a webhook knows it: live, or past once ended; `source =
/// 'webhook'` marks it for the next sync to settle.
fn session_row(
    session_id: &str,
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    pin: Option<String>,
    raw: &serde_json::Value,
) -> Option<SessionRow> {
    // A row needs a start; an ended event without one falls back to its end.
    let start_time = start.or(end)?;
    Some(SessionRow {
        session_id: session_id.to_string(),
        session_pin: pin,
        status: if end.is_some() { "past" } else { "live" },
        start_time,
        end_time: end,
        duration_seconds: end.map(|e| (e - start_time).num_seconds()),
        user_count: None,
        source: source::WEBHOOK,
        raw: raw.clone(),
    })
}

async fn apply(
    tx: &mut Tx,
    event: &Event,
    session_id: &str,
    raw: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    match event {
        Event::SessionStarted(e) => {
            let o = &e.payload.object;
            if let Some(row) = session_row(session_id, o.start_time, None, None, raw) {
                upsert_session(tx, &row, OnConflict::Keep).await?;
            }
        }
        Event::SessionEnded(e) => {
            let o = &e.payload.object;
            let Some(end) = o.end_time else {
                return Ok(());
            };
            // Ends a live row, whoever wrote it; a row the API reported as past stays.
            execute!(
                tx,
                "UPDATE cobrowse_sessions SET status = 'past', end_time = $2, \
                 duration_seconds = $3, source = 'webhook' \
                 WHERE session_id = $1 AND status = 'live'",
                session_id,
                end,
                o.start_time.map(|s| (end - s).num_seconds())
            )?;
            let row = session_row(
                session_id,
                o.start_time,
                Some(end),
                o.session_pin.clone(),
                raw,
            );
            if let Some(row) = row {
                upsert_session(tx, &row, OnConflict::Keep).await?;
            }
        }
        Event::SessionUserJoined(e) => {
            let o = &e.payload.object;
            ensure_session(tx, session_id, o.join_time, raw).await?;
            let row = connection_row(
                session_id,
                o.user_connection_id.as_deref(),
                o.user_id.as_deref(),
                o.user_name.as_deref(),
                o.role_type.as_ref(),
                o.join_time,
                None,
                raw,
            );
            insert_connection(tx, &row, true).await?;
        }
        Event::SessionUserLeft(e) => {
            let o = &e.payload.object;
            ensure_session(tx, session_id, o.leave_time, raw).await?;
            let row = connection_row(
                session_id,
                o.user_connection_id.as_deref(),
                o.user_id.as_deref(),
                o.user_name.as_deref(),
                o.role_type.as_ref(),
                None,
                o.leave_time,
                raw,
            );
            if insert_connection(tx, &row, true).await? == 0 {
                execute!(
                    tx,
                    "UPDATE cobrowse_connections SET leave_time = $3 \
                     WHERE session_id = $1 AND user_connection_id = $2 AND leave_time IS NULL",
                    session_id,
                    &row.user_connection_id,
                    o.leave_time
                )?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A connection needs its session row: a user event may arrive before (or
/// without) the session's own.
async fn ensure_session(
    tx: &mut Tx,
    session_id: &str,
    at: Option<DateTime<Utc>>,
    raw: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    if let Some(row) = session_row(session_id, at, None, None, raw) {
        upsert_session(tx, &row, OnConflict::Keep).await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn connection_row(
    session_id: &str,
    connection_id: Option<&str>,
    user_id: Option<&str>,
    user_name: Option<&str>,
    role: Option<&RoleType>,
    join_time: Option<DateTime<Utc>>,
    leave_time: Option<DateTime<Utc>>,
    raw: &serde_json::Value,
) -> ConnectionRow {
    let user_id = user_id.unwrap_or_default().to_string();
    ConnectionRow {
        session_id: session_id.to_string(),
        // Without Zoom's connection ID, the user stands for the connection until the
        // next sync replaces these rows with the API's.
        user_connection_id: connection_id
            .map_or_else(|| format!("webhook:{user_id}"), str::to_string),
        user_name: user_name.unwrap_or_default().to_string(),
        user_id,
        role_type: role.map_or("", RoleType::as_str).to_string(),
        data_center: None,
        ip_address: None,
        join_time,
        leave_time,
        duration_seconds: None,
        source: source::WEBHOOK,
        raw: raw.clone(),
    }
}
