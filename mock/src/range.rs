//! The `from`/`to` rules of `GET /cobrowsesdk/past_sessions`: two formats, `to`
//! required with `from`, at most one month, within the last six months, and the last
//! 24 hours when neither is given.

use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use super::generate::HISTORY;
use super::response::ApiError;

/// The instants a past-session listing covers, both inclusive (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// One bound as sent: a whole day, or an instant.
#[derive(Clone, Copy)]
enum Bound {
    Day(NaiveDate),
    Instant(DateTime<Utc>),
}

impl Bound {
    fn parse(field: &'static str, text: &str) -> Result<Self, ApiError> {
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Bound::Day(day));
        }
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ")
            .map(|t| Bound::Instant(t.and_utc()))
            .map_err(|_| {
                ApiError::invalid_field(field, "Expected yyyy-mm-dd or yyyy-MM-ddTHH:mm:ssZ.")
            })
    }

    /// Where the bound starts: midnight for a day.
    fn start(self) -> DateTime<Utc> {
        match self {
            Bound::Day(day) => day.and_time(NaiveTime::MIN).and_utc(),
            Bound::Instant(t) => t,
        }
    }

    /// Where the bound ends: the last second of a day.
    fn end(self) -> DateTime<Utc> {
        match self {
            Bound::Day(_) => self.start() + TimeDelta::seconds(86_399),
            Bound::Instant(t) => t,
        }
    }
}

/// Resolves `from` and `to` as of `now`, or the Zoom error for them.
///
/// "One month" is a calendar month: `to` (as sent) may be at most one month after
/// `from`, so `2025-01-31` to `2025-02-28` passes and `2025-01-01` to `2025-02-02`
/// does not. `from` must not be earlier than the day six months before `now`.
pub(crate) fn resolve(
    from: Option<&str>,
    to: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Range, ApiError> {
    let (from, to) = match (from, to) {
        (None, None) => {
            return Ok(Range {
                from: now - TimeDelta::hours(24),
                to: now,
            });
        }
        (Some(_), None) => {
            return Err(ApiError::invalid_field(
                "to",
                "Required when from is given.",
            ));
        }
        (None, Some(_)) => {
            return Err(ApiError::invalid_field(
                "from",
                "Required when to is given.",
            ));
        }
        (Some(from), Some(to)) => (Bound::parse("from", from)?, Bound::parse("to", to)?),
    };
    if to.start() < from.start() {
        return Err(ApiError::bad_request(
            "The from date must not be later than the to date.",
        ));
    }
    if from.start().checked_add_months(Months::new(1)) < Some(to.start()) {
        return Err(ApiError::bad_request(
            "The date range defined by from and to can only span one month.",
        ));
    }
    let oldest = now
        .checked_sub_months(HISTORY)
        .map(|t| t.date_naive().and_time(NaiveTime::MIN).and_utc());
    if Some(from.start()) < oldest {
        return Err(ApiError::bad_request(
            "Sessions can only be listed within the last six months.",
        ));
    }
    Ok(Range {
        from: from.start(),
        to: to.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2025-07-15T12:00:00Z".parse().unwrap()
    }

    fn code_and_field(e: ApiError) -> (i64, Option<&'static str>) {
        (e.code, e.errors.first().map(|f| f.field))
    }

    #[test]
    fn neither_bound_means_the_last_day() {
        let range = resolve(None, None, now()).unwrap();
        assert_eq!(range.to, now());
        assert_eq!(range.from, now() - TimeDelta::hours(24));
    }

    #[test]
    fn days_cover_whole_days_and_instants_are_exact() {
        let range = resolve(Some("2025-07-01"), Some("2025-07-02"), now()).unwrap();
        assert_eq!(range.from.to_rfc3339(), "2025-07-01T00:00:00+00:00");
        assert_eq!(range.to.to_rfc3339(), "2025-07-02T23:59:59+00:00");
        let range = resolve(
            Some("2025-07-01T08:30:00Z"),
            Some("2025-07-01T09:00:00Z"),
            now(),
        )
        .unwrap();
        assert_eq!(range.from.to_rfc3339(), "2025-07-01T08:30:00+00:00");
        assert_eq!(range.to.to_rfc3339(), "2025-07-01T09:00:00+00:00");
    }

    #[test]
    fn a_calendar_month_is_the_longest_range() {
        assert!(resolve(Some("2025-05-31"), Some("2025-06-30"), now()).is_ok());
        assert!(resolve(Some("2025-06-01"), Some("2025-07-01"), now()).is_ok());
        let e = resolve(Some("2025-06-01"), Some("2025-07-02"), now()).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (400, 300));
        assert!(e.message.contains("one month"), "{}", e.message);
        assert!(
            resolve(
                Some("2025-06-01T00:00:00Z"),
                Some("2025-07-01T00:00:01Z"),
                now()
            )
            .is_err()
        );
    }

    #[test]
    fn six_months_back_is_the_oldest_start() {
        assert!(resolve(Some("2025-01-15"), Some("2025-02-01"), now()).is_ok());
        let e = resolve(Some("2025-01-14"), Some("2025-02-01"), now()).unwrap_err();
        assert!(e.message.contains("six months"), "{}", e.message);
    }

    #[test]
    fn bad_or_missing_bounds_name_the_field() {
        let fail = |from, to| code_and_field(resolve(from, to, now()).unwrap_err());
        assert_eq!(fail(Some("2025-07-01"), None), (300, Some("to")));
        assert_eq!(fail(None, Some("2025-07-01")), (300, Some("from")));
        assert_eq!(
            fail(Some("07/01/2025"), Some("2025-07-02")),
            (300, Some("from"))
        );
        assert_eq!(
            fail(Some("2025-07-01"), Some("2025-07-02T10:00:00+02:00")),
            (300, Some("to"))
        );
        assert_eq!(fail(Some("2025-07-02"), Some("2025-07-01")), (300, None));
    }
}
