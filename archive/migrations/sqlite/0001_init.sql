-- The archive's first schema (SQLite: times are RFC 3339 text in UTC, raw is JSON text). Columns are documented in archive/README.md.

-- One row per Cobrowse session, live or past; session_id is Zoom's key.
CREATE TABLE cobrowse_sessions (
    session_id        TEXT PRIMARY KEY,
    session_pin       TEXT,
    -- 'live' while in progress, 'past' once ended.
    status            TEXT NOT NULL CHECK (status IN ('live', 'past')),
    start_time        TEXT NOT NULL,
    end_time          TEXT,
    duration_seconds  BIGINT,
    user_count        BIGINT,
    -- Who last wrote the row: 'past_list', 'live_list', 'get_session' or 'webhook'.
    source            TEXT NOT NULL,
    -- The row as the API (or the webhook) gave it, so later fields are kept.
    raw               TEXT NOT NULL
);
-- Sessions per day / week, and the incremental sync's look-ups by end time.
CREATE INDEX cobrowse_sessions_start_time ON cobrowse_sessions (start_time);
CREATE INDEX cobrowse_sessions_end_time ON cobrowse_sessions (end_time);
CREATE INDEX cobrowse_sessions_pin ON cobrowse_sessions (session_pin);
-- Rows the next sync must reconcile with the API.
CREATE INDEX cobrowse_sessions_unsettled ON cobrowse_sessions (session_id)
    WHERE status = 'live' OR source = 'webhook';

-- One row per connection of a user to a session: a user who rejoined has several.
CREATE TABLE cobrowse_connections (
    session_id          TEXT NOT NULL REFERENCES cobrowse_sessions (session_id) ON DELETE CASCADE,
    user_connection_id  TEXT NOT NULL,
    user_id             TEXT NOT NULL,
    user_name           TEXT NOT NULL,
    -- 'customer', 'agent', or a role Zoom added later, verbatim.
    role_type           TEXT NOT NULL,
    data_center         TEXT,
    ip_address          TEXT,
    join_time           TEXT,
    leave_time          TEXT,
    duration_seconds    BIGINT,
    source              TEXT NOT NULL,
    raw                 TEXT NOT NULL,
    PRIMARY KEY (session_id, user_connection_id)
);
-- Sessions per agent, and everything one user did.
CREATE INDEX cobrowse_connections_user ON cobrowse_connections (user_id, join_time);
CREATE INDEX cobrowse_connections_role ON cobrowse_connections (role_type, user_id);

-- Sync checkpoints: every past session that ended at or before `checkpoint` is archived.
CREATE TABLE cobrowse_sync_state (
    name        TEXT PRIMARY KEY,
    checkpoint  TEXT NOT NULL
);

-- Verified webhook deliveries, once each (Zoom redelivers on failure).
CREATE TABLE cobrowse_webhook_events (
    event_key   TEXT PRIMARY KEY,
    event       TEXT NOT NULL,
    event_ts    BIGINT,
    session_id  TEXT,
    raw         TEXT NOT NULL
);
CREATE INDEX cobrowse_webhook_events_session ON cobrowse_webhook_events (session_id);
