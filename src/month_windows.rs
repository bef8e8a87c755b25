//! Splitting a past-session range into the one-month windows Zoom answers.
//!
//! Zoom's `from` and `to` are both inclusive (its own example lists a session of
//! 2025-02-14 for `from=2025-02-14&to=2025-02-14`), so consecutive windows meet
//! without overlapping: a date range splits at calendar-month ends into whole
//! days, a time range into whole seconds. Each window lies within one calendar
//! month, so none exceeds Zoom's one-month limit, whatever the month's length.

use std::fmt;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, SubsecRound, TimeDelta, Utc};

const END_OF_DAY: NaiveTime = match NaiveTime::from_hms_opt(23, 59, 59) {
    Some(time) => time,
    None => panic!("23:59:59 is a time of day"),
};

/// One end of a past-session range: a whole day, or an instant (to the second).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RangeBound {
    /// A whole day, sent as `yyyy-mm-dd`.
    Date(NaiveDate),
    /// An instant, sent as `yyyy-MM-ddTHH:mm:ssZ` (sub-second parts are dropped).
    Time(DateTime<Utc>),
}

impl From<NaiveDate> for RangeBound {
    fn from(date: NaiveDate) -> Self {
        Self::Date(date)
    }
}

impl From<DateTime<Utc>> for RangeBound {
    fn from(time: DateTime<Utc>) -> Self {
        Self::Time(time)
    }
}

impl fmt::Display for RangeBound {
    /// The text Zoom's `from` and `to` parameters take.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(date) => write!(f, "{}", date.format("%Y-%m-%d")),
            Self::Time(time) => write!(f, "{}", time.format("%Y-%m-%dT%H:%M:%SZ")),
        }
    }
}

impl RangeBound {
    /// The first second this bound covers.
    fn first_second(self) -> DateTime<Utc> {
        match self {
            Self::Date(date) => date.and_time(NaiveTime::MIN).and_utc(),
            Self::Time(time) => time.trunc_subsecs(0),
        }
    }

    /// The last second this bound covers.
    fn last_second(self) -> DateTime<Utc> {
        match self {
            Self::Date(date) => date.and_time(END_OF_DAY).and_utc(),
            Self::Time(time) => time.trunc_subsecs(0),
        }
    }
}

/// An inclusive range of at most one calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// The first day or second, inclusive.
    pub from: RangeBound,
    /// The last day or second, inclusive.
    pub to: RangeBound,
}

/// Splits the inclusive range `from..=to` into consecutive windows, each within
/// one calendar month, in chronological order. Empty when `from` is after `to`.
///
/// ```
/// use chrono::NaiveDate;
/// use zoom_cobrowse::RangeBound;
/// use zoom_cobrowse::test_util::split_month_windows as split;
///
/// let day = |m, d| RangeBound::Date(NaiveDate::from_ymd_opt(2025, m, d).unwrap());
/// let windows = split(day(1, 15), day(3, 2));
/// let shown: Vec<_> = windows.iter().map(|w| format!("{}..{}", w.from, w.to)).collect();
/// assert_eq!(shown, [
///     "2025-01-15..2025-01-31",
///     "2025-02-01..2025-02-28",
///     "2025-03-01..2025-03-02",
/// ]);
/// ```
pub fn split(from: RangeBound, to: RangeBound) -> Vec<Window> {
    match (from, to) {
        (RangeBound::Date(from), RangeBound::Date(to)) => split_dates(from, to),
        _ => split_times(from.first_second(), to.last_second()),
    }
}

fn split_dates(from: NaiveDate, to: NaiveDate) -> Vec<Window> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= to {
        let end = last_day_of_month(start).min(to);
        windows.push(Window {
            from: RangeBound::Date(start),
            to: RangeBound::Date(end),
        });
        match end.checked_add_days(Days::new(1)) {
            Some(next) => start = next,
            None => break,
        }
    }
    windows
}

fn split_times(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Window> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= to {
        let month_end = last_day_of_month(start.date_naive())
            .and_time(END_OF_DAY)
            .and_utc();
        let end = month_end.min(to);
        windows.push(Window {
            from: RangeBound::Time(start),
            to: RangeBound::Time(end),
        });
        match end.checked_add_signed(TimeDelta::seconds(1)) {
            Some(next) => start = next,
            None => break,
        }
    }
    windows
}

fn last_day_of_month(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}
