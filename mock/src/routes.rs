//! Routing, and the API's operations over the simulator's state: authentication, rate
//! limits, query parameters, filters and pages, answered as Zoom answers.
//!
//! Paths come from the operation table generated from the spec, so the simulator
//! serves exactly the paths and methods the client calls.

use chrono::{DateTime, Utc};
use http::{HeaderMap, Method, StatusCode};
use serde::Serialize;
use serde_json::{Map, Value};

use super::auth::{TokenEndpoint, authorize};
use super::faults::Target;
use super::model::{Connection, Session};
use super::pagination::{Cursor, DEFAULT_PAGE_SIZE, Listing, PAGE_SIZES};
use super::range::{self, Range};
use super::response::{ApiError, Reply};
use super::state::{Shared, State};
use zoom_cobrowse::Operation;

/// The API's path prefix (Zoom's base URL is `https://api.zoom.us/v2`).
pub(crate) const API_PREFIX: &str = "/v2";
/// The OAuth token endpoint's path (Zoom's is `https://zoom.us/oauth/token`).
pub(crate) const TOKEN_PATH: &str = "/oauth/token";

/// Where a request goes.
#[derive(Debug)]
pub(crate) enum Route {
    Api {
        operation: Operation,
        /// Path parameters, percent-decoded, in template order.
        params: Vec<String>,
    },
    TokenEndpoint,
    /// No operation has this path (404) or method (405).
    Unrouted(StatusCode),
}

impl Route {
    pub fn find(method: &Method, path: &str) -> Self {
        if path == TOKEN_PATH {
            return if method == Method::POST {
                Route::TokenEndpoint
            } else {
                Route::Unrouted(StatusCode::METHOD_NOT_ALLOWED)
            };
        }
        let Some(path) = path.strip_prefix(API_PREFIX) else {
            return Route::Unrouted(StatusCode::NOT_FOUND);
        };
        let mut status = StatusCode::NOT_FOUND;
        for &operation in Operation::ALL {
            if let Some(params) = match_template(operation.path(), path) {
                if operation.method() == method.as_str() {
                    return Route::Api { operation, params };
                }
                status = StatusCode::METHOD_NOT_ALLOWED;
            }
        }
        Route::Unrouted(status)
    }

    pub fn target(&self) -> Target {
        match self {
            Route::Api { operation, .. } => Target::Api(Some(*operation)),
            Route::TokenEndpoint => Target::TokenEndpoint,
            Route::Unrouted(_) => Target::Api(None),
        }
    }
}

/// The path parameters if `path` fits `template` (`{name}` matches one segment).
fn match_template(template: &str, path: &str) -> Option<Vec<String>> {
    let mut params = Vec::new();
    let mut segments = path.split('/');
    for expected in template.split('/') {
        let segment = segments.next()?;
        if expected.starts_with('{') && expected.ends_with('}') {
            if segment.is_empty() {
                return None;
            }
            params.push(
                percent_encoding::percent_decode_str(segment)
                    .decode_utf8_lossy()
                    .into_owned(),
            );
        } else if segment != expected {
            return None;
        }
    }
    segments.next().is_none().then_some(params)
}

/// A request, as far as the operations need it.
pub(crate) struct Request<'a> {
    pub route: Route,
    pub headers: &'a HeaderMap,
    pub query: &'a str,
    pub body: &'a [u8],
}

/// Answers a request that met no fault.
pub(crate) fn answer(shared: &Shared, request: Request<'_>) -> Reply {
    let now = shared.clock.now();
    let mut state = shared.lock();
    match request.route {
        Route::TokenEndpoint => {
            let State {
                access_tokens, rng, ..
            } = &mut *state;
            let reply = TokenEndpoint {
                credentials: &shared.credentials,
                tokens: access_tokens,
                rng,
                now,
                api_url: &shared.origin,
            }
            .answer(request.headers, request.query, request.body);
            if reply.status.is_success() {
                state.stats.tokens_issued += 1;
            }
            reply
        }
        Route::Unrouted(status) => ApiError::new(
            status,
            i64::from(status.as_u16()),
            status.canonical_reason().unwrap_or("Not Found"),
        )
        .into(),
        Route::Api { operation, params } => {
            // Zoom checks who is asking before spending their account's rate limit.
            let account = match authorize(
                &shared.credentials,
                &state.access_tokens,
                request.headers,
                now,
            ) {
                Ok(account) => account,
                Err(e) => {
                    state.stats.unauthorized += 1;
                    return e.into();
                }
            };
            let spent = match state
                .limiter
                .spend(&account, operation.rate_limit_label(), now)
            {
                Ok(spent) => spent,
                Err(exceeded) => {
                    state.stats.rate_limited += 1;
                    state.stats.count_account(account, false);
                    return exceeded.reply();
                }
            };
            state.stats.count_account(account, true);
            let query = Query::parse(request.query);
            let session_id = params.first().map(String::as_str).unwrap_or_default();
            let result = match operation {
                Operation::ListLiveSessions => list_live_sessions(&mut state, &query, now),
                Operation::ListPastSessions => list_past_sessions(&mut state, &query, now),
                Operation::GetSession => get_session(&state, session_id),
                Operation::ListSessionUsers => {
                    list_session_users(&mut state, &query, session_id, now)
                }
                _ => Err(ApiError::new(
                    StatusCode::NOT_IMPLEMENTED,
                    501,
                    format!("The simulator does not implement {}.", operation.id()),
                )),
            };
            let reply = result.unwrap_or_else(Reply::from);
            match spent {
                Some(spent) => spent.headers(reply),
                None => reply,
            }
        }
    }
}

/// Query parameters; an empty value counts as absent, and the first of repeated
/// ones wins.
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(query: &str) -> Self {
        Self(serde_urlencoded::from_str(query).unwrap_or_default())
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// `page_size`: Zoom's default when absent; out of 30..=300 is refused, not clamped,
    /// so a client that sends what the spec forbids finds out.
    fn page_size(&self) -> Result<usize, ApiError> {
        let Some(text) = self.get("page_size") else {
            return Ok(DEFAULT_PAGE_SIZE);
        };
        text.parse()
            .ok()
            .filter(|size| PAGE_SIZES.contains(size))
            .ok_or_else(|| {
                ApiError::invalid_field("page_size", "Must be an integer from 30 to 300.")
            })
    }

    /// The key of the listing these parameters ask for: everything but the page
    /// size and token. A page token only continues the listing it came from.
    fn listing_key(&self, operation: Operation, session_id: &str) -> String {
        let mut names: Vec<&str> = self
            .0
            .iter()
            .map(|(name, _)| name.as_str())
            .filter(|name| !matches!(*name, "page_size" | "next_page_token"))
            .collect();
        names.sort_unstable();
        names.dedup();
        let filters: Vec<(&str, &str)> = names
            .into_iter()
            .filter_map(|name| self.get(name).map(|value| (name, value)))
            .collect();
        serde_json::to_string(&(operation.id(), session_id, filters)).unwrap_or_default()
    }

    /// Which page to answer: from the page token if there is one (with the range it
    /// was issued for), else the first page, with `range`.
    fn position(
        &self,
        state: &State,
        operation: Operation,
        session_id: &str,
        now: DateTime<Utc>,
        range: impl FnOnce() -> Result<Option<Range>, ApiError>,
    ) -> Result<Position, ApiError> {
        let page_size = self.page_size()?;
        let key = self.listing_key(operation, session_id);
        let (listing, after) = match self.get("next_page_token") {
            Some(token) => state
                .page_tokens
                .resolve(token, &key, now)
                .map(|(listing, after)| (listing, Some(after)))
                .ok_or_else(ApiError::invalid_page_token)?,
            None => {
                let range = range()?;
                (Listing { key, range }, None)
            }
        };
        Ok(Position {
            listing,
            after,
            page_size,
        })
    }
}

/// A page asked for: of which listing, after which item, how long.
struct Position {
    listing: Listing,
    after: Option<Cursor>,
    page_size: usize,
}

/// Builds one page: `{"page_size", "next_page_token", <items_key>: [...]}` plus, for
/// past sessions, the report's `from` and `to` dates. Empty lists and the last page's
/// `""` token are sent, not left out. `items` lists candidates cheaply; only the
/// page's are `render`ed.
fn page<'s, L, T: Serialize>(
    state: &'s mut State,
    position: &Position,
    now: DateTime<Utc>,
    items_key: &str,
    items: impl FnOnce(&'s [Session]) -> Vec<(Cursor, L)>,
    render: impl Fn(L) -> T,
) -> Reply {
    let State {
        data,
        page_tokens,
        rng,
        ..
    } = state;
    let Position {
        listing,
        after,
        page_size,
    } = position;
    let candidates = items(data.sessions());
    let (items, token) =
        page_tokens.page(rng, listing, candidates, after.as_ref(), *page_size, now);
    let items: Vec<T> = items.into_iter().map(render).collect();
    let mut body = Map::new();
    if let Some(range) = listing.range {
        body.insert("from".into(), range.from.date_naive().to_string().into());
        body.insert("to".into(), range.to.date_naive().to_string().into());
    }
    body.insert("page_size".into(), (*page_size).into());
    body.insert("next_page_token".into(), token.into());
    body.insert(
        items_key.into(),
        serde_json::to_value(items).unwrap_or(Value::Array(Vec::new())),
    );
    Reply::json(StatusCode::OK, &body)
}

/// A session with its sort key.
fn keyed(session: &Session) -> (Cursor, &Session) {
    let cursor = Cursor {
        at: session.start,
        id: session.id.clone(),
    };
    (cursor, session)
}

/// A connection with its sort key.
fn keyed_connection(connection: &Connection) -> (Cursor, &Connection) {
    let cursor = Cursor {
        at: connection.join,
        id: connection.connection_id.clone(),
    };
    (cursor, connection)
}

/// `GET /cobrowsesdk/live_sessions`: live sessions by start time, then ID.
fn list_live_sessions(
    state: &mut State,
    query: &Query,
    now: DateTime<Utc>,
) -> Result<Reply, ApiError> {
    let position = query.position(state, Operation::ListLiveSessions, "", now, || Ok(None))?;
    let pin = query.get("session_pin");
    let live = |s: &&Session| s.is_live() && pin.is_none_or(|pin| s.pin == pin);
    Ok(page(
        state,
        &position,
        now,
        "sessions",
        |sessions| sessions.iter().filter(live).map(keyed).collect(),
        Session::to_live,
    ))
}

/// Which timestamp a past-session range filters on.
#[derive(Clone, Copy)]
enum TimeType {
    StartTime,
    EndTime,
}

/// `GET /cobrowsesdk/past_sessions`: ended sessions whose `time_type` timestamp is in
/// the range, by start time, then ID.
fn list_past_sessions(
    state: &mut State,
    query: &Query,
    now: DateTime<Utc>,
) -> Result<Reply, ApiError> {
    let time_type = match query.get("time_type") {
        None | Some("start_time") => TimeType::StartTime,
        Some("end_time") => TimeType::EndTime,
        Some(_) => {
            return Err(ApiError::invalid_field(
                "time_type",
                "Must be start_time or end_time.",
            ));
        }
    };
    let position = query.position(state, Operation::ListPastSessions, "", now, || {
        range::resolve(query.get("from"), query.get("to"), now).map(Some)
    })?;
    let Some(range) = position.listing.range else {
        return Err(ApiError::invalid_page_token());
    };
    let session_id = query.get("session_id");
    let pin = query.get("session_pin");
    let in_range = |s: &&Session| {
        let at = match time_type {
            TimeType::StartTime => Some(s.start),
            TimeType::EndTime => s.end,
        };
        at.is_some_and(|at| range.from <= at && at <= range.to)
            && s.end.is_some()
            && session_id.is_none_or(|id| s.id == id)
            && pin.is_none_or(|pin| s.pin == pin)
    };
    Ok(page(
        state,
        &position,
        now,
        "sessions",
        |sessions| sessions.iter().filter(in_range).map(keyed).collect(),
        // Every candidate has ended, so each has the past shape.
        Session::to_past,
    ))
}

/// `GET /cobrowsesdk/sessions/{sessionId}`: the past shape once ended, else the live one.
fn get_session(state: &State, session_id: &str) -> Result<Reply, ApiError> {
    let session = state
        .data
        .get(session_id)
        .ok_or_else(|| ApiError::session_not_found(session_id))?;
    Ok(Reply::json(StatusCode::OK, &session.to_detail()))
}

/// `GET /cobrowsesdk/sessions/{sessionId}/users`: one row per connection, by join
/// time, then connection ID.
fn list_session_users(
    state: &mut State,
    query: &Query,
    session_id: &str,
    now: DateTime<Utc>,
) -> Result<Reply, ApiError> {
    if state.data.get(session_id).is_none() {
        return Err(ApiError::session_not_found(session_id));
    }
    let position = query.position(state, Operation::ListSessionUsers, session_id, now, || {
        Ok(None)
    })?;
    Ok(page(
        state,
        &position,
        now,
        "users",
        |sessions| {
            sessions
                .iter()
                .filter(|s| s.id == session_id)
                .flat_map(|s| s.connections.iter().map(keyed_connection))
                .collect()
        },
        Connection::to_row,
    ))
}
