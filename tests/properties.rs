//! Properties of range splitting and duration parsing, over generated inputs.

use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use proptest::prelude::*;
use zoom_cobrowse::RangeBound;
use zoom_cobrowse::test_util::{Window, split_month_windows as split};
use zoom_cobrowse::types::SessionDuration;

fn date() -> impl Strategy<Value = NaiveDate> {
    // 1990..2100, every day of it.
    (0i64..40_000).prop_map(|d| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + TimeDelta::days(d))
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (631_152_000i64..4_102_444_800, 0u32..1_000_000_000)
        .prop_map(|(s, ns)| DateTime::from_timestamp(s, ns).unwrap())
}

fn span(window: &Window) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = |b: RangeBound| match b {
        RangeBound::Date(d) => d.and_hms_opt(0, 0, 0).unwrap().and_utc(),
        RangeBound::Time(t) => t,
    };
    let last = |b: RangeBound| match b {
        RangeBound::Date(d) => d.and_hms_opt(23, 59, 59).unwrap().and_utc(),
        RangeBound::Time(t) => t,
    };
    (first(window.from), last(window.to))
}

/// Windows tile `from..=to` exactly, in order, each within one calendar month.
fn check_tiling(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    windows: &[Window],
) -> Result<(), TestCaseError> {
    if from > to {
        prop_assert!(windows.is_empty());
        return Ok(());
    }
    prop_assert!(!windows.is_empty());
    let spans: Vec<_> = windows.iter().map(span).collect();
    prop_assert_eq!(spans[0].0, from, "starts where the range starts");
    prop_assert_eq!(spans[spans.len() - 1].1, to, "ends where the range ends");
    for (start, end) in &spans {
        prop_assert!(start <= end);
        prop_assert_eq!(
            (start.year(), start.month()),
            (end.year(), end.month()),
            "one calendar month"
        );
    }
    for pair in spans.windows(2) {
        prop_assert_eq!(
            pair[0].1 + TimeDelta::seconds(1),
            pair[1].0,
            "no gap, no overlap"
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn date_ranges_tile_exactly(from in date(), to in date()) {
        let windows = split(RangeBound::Date(from), RangeBound::Date(to));
        for w in &windows {
            prop_assert!(matches!((w.from, w.to), (RangeBound::Date(_), RangeBound::Date(_))), "days stay days");
        }
        let first = from.and_hms_opt(0, 0, 0).unwrap().and_utc();
        let last = to.and_hms_opt(23, 59, 59).unwrap().and_utc();
        check_tiling(first, last, &windows)?;
    }

    #[test]
    fn instant_ranges_tile_exactly(from in instant(), to in instant()) {
        let windows = split(RangeBound::Time(from), RangeBound::Time(to));
        let whole = |t: DateTime<Utc>| DateTime::from_timestamp(t.timestamp(), 0).unwrap();
        check_tiling(whole(from), whole(to), &windows)?;
    }

    #[test]
    fn mixed_bounds_tile_exactly(from in date(), to in instant()) {
        let windows = split(RangeBound::Date(from), RangeBound::Time(to));
        let whole_to = DateTime::from_timestamp(to.timestamp(), 0).unwrap();
        check_tiling(from.and_hms_opt(0, 0, 0).unwrap().and_utc(), whole_to, &windows)?;
    }

    #[test]
    fn durations_round_trip(seconds in 0u64..10_000_000_000) {
        let text = SessionDuration::from(Duration::from_secs(seconds));
        prop_assert_eq!(text.to_std(), Ok(Duration::from_secs(seconds)));
    }

    #[test]
    fn any_text_parses_or_errs_without_panicking(text in ".{0,24}") {
        let parsed = SessionDuration::from(text.as_str()).to_std();
        if let Ok(d) = parsed {
            // Whatever parses prints back as the same duration.
            prop_assert_eq!(SessionDuration::from(d).to_std(), Ok(d));
        }
    }

    #[test]
    fn hh_mm_ss_parses_to_its_seconds(h in 0u64..100_000, m in 0u64..60, s in 0u64..60) {
        let parsed = SessionDuration::from(format!("{h:02}:{m:02}:{s:02}")).to_std();
        prop_assert_eq!(parsed, Ok(Duration::from_secs(h * 3600 + m * 60 + s)));
    }

    #[test]
    fn out_of_range_minutes_or_seconds_are_errors(h in 0u64..100, bad in 60u64..100) {
        let minutes = SessionDuration::from(format!("{h:02}:{bad}:00"));
        let seconds = SessionDuration::from(format!("{h:02}:00:{bad}"));
        prop_assert!(minutes.to_std().is_err());
        prop_assert!(seconds.to_std().is_err());
    }
}
