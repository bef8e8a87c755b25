//! The simulator's sessions and connections, and their views as the crate's API types.
//!
//! One conversion serves both the HTTP answers and the accessors on
//! [`MockZoom`](super::MockZoom), so what a test reads as "the truth" is exactly what
//! the server sends.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use zoom_cobrowse::types::{
    DataCenter, LiveSession, LiveSessionDetail, PastSession, PastSessionDetail, PastSessionUser,
    RoleType, SessionDetail, SessionDuration, SessionUser, SessionUserConnection,
};

/// A Cobrowse session: live while `end` is `None`.
#[derive(Clone, Debug)]
pub(crate) struct Session {
    pub id: String,
    pub pin: String,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    /// Sorted by join time, then connection ID: the order Zoom lists them in.
    pub connections: Vec<Connection>,
}

/// One time a user joined a session.
#[derive(Clone, Debug)]
pub(crate) struct Connection {
    pub connection_id: String,
    pub user_id: String,
    pub user_name: String,
    pub role: RoleType,
    pub ip_address: String,
    pub data_center: DataCenter,
    pub join: DateTime<Utc>,
    /// `None` while the user is still in a live session.
    pub leave: Option<DateTime<Utc>>,
}

impl Session {
    pub fn is_live(&self) -> bool {
        self.end.is_none()
    }

    /// An ended session's duration, in Zoom's `hh:mm:ss`.
    fn duration(&self) -> Option<SessionDuration> {
        self.end.map(|end| hhmmss(self.start, end))
    }

    /// Each user once, in order of their first join.
    fn distinct_users(&self, mut keep: impl FnMut(&Connection) -> bool) -> Vec<&Connection> {
        let mut seen = Vec::<&str>::new();
        let mut users = Vec::new();
        for c in &self.connections {
            if keep(c) && !seen.contains(&c.user_id.as_str()) {
                seen.push(&c.user_id);
                users.push(c);
            }
        }
        users
    }

    fn user_count(&self) -> i64 {
        self.distinct_users(|_| true).len() as i64
    }

    /// As listed by `GET /cobrowsesdk/live_sessions`: the users now in the session.
    pub fn to_live(&self) -> LiveSession {
        LiveSession {
            session_id: self.id.clone(),
            session_pin: Some(self.pin.clone()),
            start_time: self.start,
            users: self
                .distinct_users(|c| c.leave.is_none())
                .into_iter()
                .map(|c| SessionUser {
                    role_type: c.role.clone(),
                    user_id: c.user_id.clone(),
                    user_name: c.user_name.clone(),
                })
                .collect(),
        }
    }

    /// As listed by `GET /cobrowsesdk/past_sessions`; `None` while live.
    pub fn to_past(&self) -> Option<PastSession> {
        Some(PastSession {
            duration: self.duration()?,
            end_time: self.end?,
            session_id: self.id.clone(),
            session_pin: Some(self.pin.clone()),
            start_time: self.start,
            user_count: Some(self.user_count()),
            users: self
                .distinct_users(|_| true)
                .into_iter()
                .map(|c| PastSessionUser {
                    role_type: Some(c.role.clone()),
                    user_id: Some(c.user_id.clone()),
                    user_name: Some(c.user_name.clone()),
                })
                .collect(),
            extra: Default::default(),
        })
    }

    /// As answered by `GET /cobrowsesdk/sessions/{sessionId}`: the past shape once ended.
    pub fn to_detail(&self) -> SessionDetail {
        match (self.end, self.duration()) {
            (Some(end_time), Some(duration)) => {
                SessionDetail::PastSessionDetail(PastSessionDetail {
                    duration,
                    end_time,
                    session_id: self.id.clone(),
                    session_pin: Some(self.pin.clone()),
                    start_time: self.start,
                    user_count: Some(self.user_count()),
                })
            }
            _ => SessionDetail::LiveSessionDetail(LiveSessionDetail {
                session_id: self.id.clone(),
                session_pin: Some(self.pin.clone()),
                start_time: self.start,
                user_count: Some(self.user_count()),
            }),
        }
    }

    /// As listed by `GET /cobrowsesdk/sessions/{sessionId}/users`: one row per connection.
    pub fn to_users(&self) -> Vec<SessionUserConnection> {
        self.connections.iter().map(Connection::to_row).collect()
    }

    /// Ends a live session at `now`: everyone still connected leaves.
    pub fn end_at(&mut self, now: DateTime<Utc>) {
        for c in &mut self.connections {
            c.leave.get_or_insert(now);
        }
        self.end = Some(now);
    }
}

impl Connection {
    /// As one row of `GET /cobrowsesdk/sessions/{sessionId}/users`.
    pub fn to_row(&self) -> SessionUserConnection {
        SessionUserConnection {
            data_center: Some(self.data_center.clone()),
            duration: self.leave.map(|leave| hhmmss(self.join, leave)),
            ip_address: Some(self.ip_address.clone()),
            join_time: Some(self.join),
            leave_time: self.leave,
            role_type: self.role.clone(),
            user_connection_id: self.connection_id.clone(),
            user_id: self.user_id.clone(),
            user_name: self.user_name.clone(),
            extra: Default::default(),
        }
    }
}

fn hhmmss(from: DateTime<Utc>, to: DateTime<Utc>) -> SessionDuration {
    SessionDuration::from((to - from).to_std().unwrap_or_default())
}

/// Every session, in the order the listings use: start time, then session ID.
#[derive(Debug, Default)]
pub(crate) struct Dataset {
    sessions: Vec<Session>,
    by_id: HashMap<String, usize>,
}

impl Dataset {
    pub fn new(mut sessions: Vec<Session>) -> Self {
        sessions.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        let by_id = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Self { sessions, by_id }
    }

    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    pub fn get(&self, id: &str) -> Option<&Session> {
        self.by_id.get(id).map(|&i| &self.sessions[i])
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Session> {
        self.by_id.get(id).map(|&i| &mut self.sessions[i])
    }
}
