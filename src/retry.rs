//! When and how long to wait before trying a request again, and the loop that
//! applies it to each call ([`Retries`]).
//!
//! Every operation of this API is an idempotent `GET`, so a 429, a 5xx, a failed
//! connect or a timeout can be retried safely.

use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Retry settings: exponential backoff with full jitter, bounded in attempts and
/// in total time, honouring `Retry-After`.
///
/// ```
/// use std::time::Duration;
/// use zoom_cobrowse::RetryPolicy;
///
/// let patient = RetryPolicy::standard()
///     .max_attempts(6)
///     .max_elapsed(Duration::from_secs(120));
/// let none = RetryPolicy::disabled();
/// # let _ = (patient, none);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self::standard()
    }
}

impl RetryPolicy {
    /// Four attempts, backoff from 200 ms doubling up to 10 s, at most 60 s in all.
    pub fn standard() -> Self {
        Self {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(60),
        }
    }

    /// One attempt: every failure goes straight to the caller.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::standard()
        }
    }

    /// Attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The ceiling of the first backoff; each later one doubles, up to `max_backoff`.
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// The largest ceiling of one backoff.
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// No retry starts whose wait would end later than this after the first attempt.
    pub fn max_elapsed(mut self, elapsed: Duration) -> Self {
        self.max_elapsed = elapsed;
        self
    }

    /// The number of attempts allowed.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// How long to wait before attempt `attempt + 1`, or `None` to give up.
    ///
    /// `server_hint` is the answer's `Retry-After`; it overrides the backoff.
    pub(crate) fn delay(
        &self,
        attempt: u32,
        elapsed: Duration,
        server_hint: Option<Duration>,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let delay = server_hint.unwrap_or_else(|| {
            let ceiling = self
                .initial_backoff
                .saturating_mul(2u32.saturating_pow(attempt.saturating_sub(1)))
                .min(self.max_backoff);
            // Full jitter spreads clients that failed together.
            ceiling.mul_f64(fastrand::f64())
        });
        // Saturating: `Retry-After` is the server's number, and may be absurd.
        (elapsed.saturating_add(delay) <= self.max_elapsed).then_some(delay)
    }
}

/// The retries of one call: which attempt this is, and how long to wait before the next.
pub(crate) struct Retries<'a> {
    policy: &'a RetryPolicy,
    operation: &'static str,
    started: Instant,
    attempt: u32,
}

impl RetryPolicy {
    /// The retries of one call of `operation`, starting at its first attempt.
    pub(crate) fn start(&self, operation: &'static str) -> Retries<'_> {
        Retries {
            policy: self,
            operation,
            started: Instant::now(),
            attempt: 1,
        }
    }
}

impl Retries<'_> {
    /// The number of the attempt about to be sent, from 1.
    pub(crate) fn attempt(&self) -> u32 {
        self.attempt
    }

    /// After a failed attempt worth another: waits out the backoff, or
    /// `server_hint` (the answer's `Retry-After`), and returns `true` when another
    /// attempt may follow; `false` once attempts or time are spent.
    pub(crate) async fn wait(&mut self, server_hint: Option<Duration>) -> bool {
        let Some(delay) = self
            .policy
            .delay(self.attempt, self.started.elapsed(), server_hint)
        else {
            return false;
        };
        tracing::debug!(
            operation = self.operation,
            attempt = self.attempt,
            ?delay,
            "retrying"
        );
        tokio::time::sleep(delay).await;
        self.attempt += 1;
        true
    }
}

/// Statuses worth another attempt: rate limited, or a server or proxy failure.
pub(crate) fn is_retryable_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::REQUEST_TIMEOUT
        || status.is_server_error()
}

/// Transport failures worth another attempt, a body cut short included (reqwest
/// reports that as a decode error of the byte stream; JSON is decoded later).
pub(crate) fn is_retryable_error(error: &reqwest::Error) -> bool {
    error.is_connect()
        || error.is_timeout()
        || error.is_request()
        || error.is_body()
        || error.is_decode()
}

/// The longest `Retry-After` the client believes: one day, the longest window of
/// any Zoom rate limit (the daily caps). A server asking for more is capped to it,
/// so no arithmetic on the value can overflow and no caller sleeps for years.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// `Retry-After` as a delay: delta-seconds or an HTTP date, at most
/// [`MAX_RETRY_AFTER`]; a past date means now, anything else is ignored.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get(RETRY_AFTER)?.as_bytes())
}

/// What the client makes of one `Retry-After` value's bytes: delta-seconds or an
/// HTTP date as a delay of at most [`MAX_RETRY_AFTER`], a past date as zero,
/// anything else as `None`. Exposed for fuzzing and property tests.
pub fn parse_retry_after(value: &[u8]) -> Option<Duration> {
    let value = std::str::from_utf8(value).ok()?.trim();
    // RFC 9110: delta-seconds is 1*DIGIT; no sign, no fraction. Digits beyond u64
    // are still a (very long) delay, so they saturate rather than being ignored.
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(seconds).min(MAX_RETRY_AFTER));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
            .min(MAX_RETRY_AFTER),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));

        let later = SystemTime::now() + Duration::from_secs(120);
        let date = httpdate::fmt_http_date(later);
        headers.insert(RETRY_AFTER, HeaderValue::from_str(&date).unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!(wait > Duration::from_secs(100) && wait <= Duration::from_secs(120));

        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(
            retry_after(&headers),
            Some(Duration::ZERO),
            "a past date means now"
        );

        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);

        for huge in ["18446744073709551615", "99999999999999999999999", "86401"] {
            headers.insert(RETRY_AFTER, HeaderValue::from_static(huge));
            assert_eq!(retry_after(&headers), Some(MAX_RETRY_AFTER), "{huge}");
        }
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Fri, 31 Dec 9999 23:59:59 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(MAX_RETRY_AFTER));
        for refused in ["-1", "+5", "1.5", ""] {
            headers.insert(RETRY_AFTER, HeaderValue::from_static(refused));
            assert_eq!(retry_after(&headers), None, "{refused:?}");
        }
    }

    #[test]
    fn backoff_is_bounded_by_attempts_elapsed_and_ceiling() {
        let policy = RetryPolicy::standard()
            .max_attempts(3)
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(150))
            .max_elapsed(Duration::from_secs(1));
        for _ in 0..100 {
            assert!(policy.delay(1, Duration::ZERO, None).unwrap() <= Duration::from_millis(100));
            assert!(policy.delay(2, Duration::ZERO, None).unwrap() <= Duration::from_millis(150));
        }
        assert_eq!(
            policy.delay(3, Duration::ZERO, None),
            None,
            "attempts exhausted"
        );
        let hint = Some(Duration::from_millis(900));
        assert_eq!(
            policy.delay(1, Duration::ZERO, hint),
            hint,
            "Retry-After wins"
        );
        assert_eq!(
            policy.delay(1, Duration::from_millis(200), hint),
            None,
            "past max_elapsed"
        );
        assert_eq!(RetryPolicy::disabled().delay(1, Duration::ZERO, None), None);
    }
}
