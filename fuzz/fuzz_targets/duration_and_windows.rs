//! `SessionDuration::to_std` on arbitrary text, and `windows::split` on arbitrary
//! bounds. An even first byte picks the duration, an odd one the windows.
//!
//! Durations are checked against an independent reading of `hh:mm:ss`. Windows
//! must tile the range: the first starts at the range's first day or second, the
//! last ends at its last, each lies within one calendar month, each next one starts
//! one day or second after the previous ends, and there is one per month touched.
#![no_main]

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Timelike, Utc};
use libfuzzer_sys::fuzz_target;
use zoom_cobrowse::types::SessionDuration;
use zoom_cobrowse::RangeBound;
use zoom_cobrowse::test_util::{Window, split_month_windows as split};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        duration(&String::from_utf8_lossy(rest));
    } else {
        windows(rest);
    }
});

fn duration(text: &str) {
    let parsed = SessionDuration::from(text)
        .to_std()
        .ok()
        .map(|d| d.as_secs());
    let expected = reference_seconds(text);
    match (parsed, expected) {
        (Some(seconds), Some(expected)) => assert_eq!(seconds, expected, "{text:?}"),
        (None, None) => {}
        // The crate caps hours below u64::MAX / 3600 so that any minutes and seconds fit.
        (None, Some(_)) if hours_at_cap(text) => {}
        (parsed, expected) => panic!("{text:?}: to_std {parsed:?}, expected {expected:?}"),
    }
}

/// `hh:mm:ss` with ASCII digits: hours of any length, minutes and seconds of two
/// digits below 60; `None` for anything else or a total beyond `u64` seconds.
fn reference_seconds(text: &str) -> Option<u64> {
    let fields: Vec<&str> = text.split(':').collect();
    let [hours, minutes, seconds] = fields[..] else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) || !digits(seconds) {
        return None;
    }
    if minutes.len() != 2 || seconds.len() != 2 {
        return None;
    }
    let (minutes, seconds): (u64, u64) = (minutes.parse().ok()?, seconds.parse().ok()?);
    if minutes >= 60 || seconds >= 60 {
        return None;
    }
    let hours: u64 = hours.parse().ok()?;
    hours.checked_mul(3600)?.checked_add(minutes * 60 + seconds)
}

fn hours_at_cap(text: &str) -> bool {
    text.split(':')
        .next()
        .and_then(|h| h.parse::<u64>().ok())
        .is_some_and(|h| h >= u64::MAX / 3600)
}

/// Reads bytes as numbers, with zeros once they run out.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }

    fn u8(&mut self) -> u8 {
        self.take::<1>()[0]
    }

    fn u32(&mut self) -> u32 {
        u32::from_be_bytes(self.take())
    }
}

fn windows(data: &[u8]) {
    let mut input = Input(data);
    let flags = input.u8();
    let span_days = i64::from(i16::from_be_bytes(input.take()));
    let days = u64::from(input.u32());
    let from_time = (input.u32(), input.u32());
    let to_time = (input.u32(), input.u32());

    // Any day chrono can represent, counted from either end so both edges are reachable.
    let range = (NaiveDate::MAX - NaiveDate::MIN).num_days().unsigned_abs() + 1;
    let offset = Days::new(days % range);
    let from_day = if flags & 2 == 0 {
        NaiveDate::MIN.checked_add_days(offset)
    } else {
        NaiveDate::MAX.checked_sub_days(offset)
    }
    .expect("the offset stays within chrono's range");
    // Spans stay below ±90 years, so a split has at most about a thousand windows.
    let to_day = from_day
        .checked_add_signed(TimeDelta::days(span_days))
        .unwrap_or(if span_days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        });

    let from = bound(flags & 1 != 0, from_day, from_time);
    let to = bound(flags & 4 != 0, to_day, to_time);
    check_tiling(from, to, &split(from, to));
}

/// A date, or an instant on that day, leap seconds included.
fn bound(date: bool, day: NaiveDate, (secs, nanos): (u32, u32)) -> RangeBound {
    if date {
        return RangeBound::Date(day);
    }
    let secs = secs % 86_400;
    let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos % 2_000_000_000)
        .or_else(|| NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos % 1_000_000_000))
        .expect("seconds of a day with nanoseconds below 1e9 make a time");
    RangeBound::Time(day.and_time(time).and_utc())
}

fn check_tiling(from: RangeBound, to: RangeBound, windows: &[Window]) {
    let (first, last) = (first_second(from), last_second(to));
    if first > last {
        assert!(windows.is_empty(), "{from:?}..{to:?} gave {windows:?}");
        return;
    }
    let (head, tail) = (windows.first(), windows.last());
    let (Some(head), Some(tail)) = (head, tail) else {
        panic!("{from:?}..{to:?} gave no window");
    };
    let dates = matches!((from, to), (RangeBound::Date(_), RangeBound::Date(_)));
    assert_eq!(second_of(head.from, dates, true), first);
    assert_eq!(second_of(tail.to, dates, false), last);
    let months = |t: DateTime<Utc>| i64::from(t.year()) * 12 + i64::from(t.month0());
    assert_eq!(
        windows.len() as i64,
        months(last) - months(first) + 1,
        "one window per month touched"
    );
    for w in windows {
        let (start, end) = (
            second_of(w.from, dates, true),
            second_of(w.to, dates, false),
        );
        assert!(start <= end, "{w:?} is empty");
        assert_eq!(months(start), months(end), "{w:?} crosses a month end");
    }
    for pair in windows.windows(2) {
        let previous_end = second_of(pair[0].to, dates, false);
        let next_start = second_of(pair[1].from, dates, true);
        assert_eq!(
            previous_end + TimeDelta::seconds(1),
            next_start,
            "{:?} and {:?} do not meet",
            pair[0],
            pair[1]
        );
        assert_ne!(
            months(previous_end),
            months(next_start),
            "split inside a month"
        );
    }
}

/// The instant a window bound stands for, checking its kind: a date for a date
/// range (its first or last second), otherwise a whole-second instant.
fn second_of(bound: RangeBound, dates: bool, start: bool) -> DateTime<Utc> {
    match (bound, dates) {
        (RangeBound::Date(_), true) if start => first_second(bound),
        (RangeBound::Date(_), true) => last_second(bound),
        (RangeBound::Time(time), false) => {
            assert_eq!(time.nanosecond(), 0, "{time:?} keeps a fraction");
            time
        }
        _ => panic!("{bound:?} is of the wrong kind for the range"),
    }
}

fn first_second(bound: RangeBound) -> DateTime<Utc> {
    match bound {
        RangeBound::Date(day) => day.and_time(NaiveTime::MIN).and_utc(),
        RangeBound::Time(time) => whole_second(time),
    }
}

fn last_second(bound: RangeBound) -> DateTime<Utc> {
    match bound {
        RangeBound::Date(day) => day.and_hms_opt(23, 59, 59).expect("a time").and_utc(),
        RangeBound::Time(time) => whole_second(time),
    }
}

/// The instant without its fraction; a leap second counts as the second before it.
fn whole_second(time: DateTime<Utc>) -> DateTime<Utc> {
    time.with_nanosecond(0).expect("zero nanoseconds is valid")
}
